import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// Checking a member of staff's password. Failures are counted per user name *and* address (`sign_in_throttles`),
/// whether or not the name exists, and each attempt is reserved before its password is checked: concurrent guesses
/// cannot pass the limit, an unknown name answers exactly as a known one (after the same bcrypt work), and a stranger
/// locks out only their own address.
struct SignIn {
    let db: any Database
    let passwords: AsyncPasswordHasher

    enum Outcome {
        /// The password is right: this address's failures are forgotten and the sign-in audited; `failuresBefore` wrong
        /// passwords were tried for this account, from any address, since its last sign-in (its holder is told).
        case signedIn(StaffRecord, failuresBefore: Int)
        /// No such account, or the wrong password: the same answer for both.
        case wrong
        /// Too many failures from this address for this name: no password is checked until `until`.
        case locked(until: Date)
    }

    /// A bcrypt hash no password matches (made once): unknown names are checked against it, so they cost what a
    /// known name costs.
    static let unknownNameHash: String = (try? Bcrypt.hash([UInt8].random(count: 32).base64, cost: 10)) ?? ""

    private struct Throttle: Decodable {
        var failures: Int
        var locked_until: Double?
    }

    func check(username: String, password: String, from address: String, at now: Date) async throws -> Outcome {
        let sql = try db.sql()
        let name = String(username.prefix(100))
        let clock = now.timeIntervalSince1970
        if let row = try await sql.raw(
            "SELECT failures, locked_until FROM sign_in_throttles WHERE username = \(bind: name) AND address = \(bind: address)"
        ).first(decoding: Throttle.self), let until = row.locked_until, until > clock {
            return .locked(until: Date(timeIntervalSince1970: until))
        }
        // The attempt is counted before the password is checked, in one statement: concurrent attempts each see their
        // own number.
        let attempt =
            try await sql.raw(
                """
                INSERT INTO sign_in_throttles (username, address, failures) VALUES (\(bind: name), \(bind: address), 1)
                ON CONFLICT (username, address) DO UPDATE SET failures = sign_in_throttles.failures + 1, locked_until = NULL
                RETURNING failures, locked_until
                """
            ).first(decoding: Throttle.self)?.failures ?? Lockout.attempts + 1
        let lockedUntil = now.addingTimeInterval(Lockout.duration)
        if attempt > Lockout.attempts {
            try await lock(name, address, until: lockedUntil, sql)
            return .locked(until: lockedUntil)
        }
        let record = try await StaffRecord.query(on: db).filter(\.$username == name).first()
        // NB: a stored hash that is not bcrypt (imported, damaged) is a wrong password, never a server error.
        let verified = (try? await passwords.verify(password, created: record?.passwordHash ?? Self.unknownNameHash)) ?? false
        // NB: an account an operator locked answers as a wrong password does.
        if let record, verified, !record.locked {
            try await sql.raw("DELETE FROM sign_in_throttles WHERE username = \(bind: name) AND address = \(bind: address)").run()
            let failuresBefore = record.failedLogins
            record.failedLogins = 0
            try await db.transaction { db in
                try await record.save(on: db)
                try await Audit.record(.login, .staff, id: record.requireID().uuidString, agency: nil, by: record.username, on: db)
            }
            return .signedIn(record, failuresBefore: failuresBefore)
        }
        if let id = record?.id {
            try await sql.raw("UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = \(bind: id)").run()
        }
        guard attempt == Lockout.attempts else { return .wrong }
        try await lock(name, address, until: lockedUntil, sql)
        if let record {
            // The account's holder and the administrators can see that someone was stopped, and from where.
            try await Audit.record(
                .loginThrottled, .staff, id: record.requireID().uuidString, agency: nil, by: Audit.Actor.system,
                after: Audit.json(["address": address, "until": StaffController.time(lockedUntil)]), on: db)
        }
        return .wrong
    }

    /// The user names whose sign-in is stopped now from some address, each with the latest end of a stop (for the
    /// administrator's list).
    static func stoppedUntil(at now: Date, on db: any Database) async throws -> [String: Date] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            var username: String
            var until: Double
        }
        let rows = try await sql.raw(
            "SELECT username, MAX(locked_until) AS until FROM sign_in_throttles WHERE locked_until > \(bind: now.timeIntervalSince1970) GROUP BY username"
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.username, Date(timeIntervalSince1970: $0.until)) }, uniquingKeysWith: max)
    }

    private func lock(_ name: String, _ address: String, until: Date, _ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE sign_in_throttles SET failures = 0, locked_until = \(bind: until.timeIntervalSince1970)
            WHERE username = \(bind: name) AND address = \(bind: address)
            """
        ).run()
    }
}

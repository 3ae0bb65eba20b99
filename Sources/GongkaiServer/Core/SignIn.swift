import Fluent
import Foundation
import Gongkai
import Vapor

/// Checking a member of staff's password, with the lock-out after repeated failures (`Lockout`).
struct SignIn {
    let db: any Database
    let passwords: AsyncPasswordHasher

    enum Outcome {
        /// The password is right: the failures are forgotten and the sign-in audited.
        case signedIn(StaffRecord)
        /// No such account, or the wrong password: the same answer for both.
        case wrong
        /// Too many failures: no password is checked until `until`.
        case locked(until: Date)
    }

    func check(username: String, password: String, at now: Date) async throws -> Outcome {
        guard let record = try await StaffRecord.query(on: db).filter(\.$username == username).first() else { return .wrong }
        if let until = record.lockedUntil, until > now { return .locked(until: until) }
        guard try await passwords.verify(password, created: record.passwordHash) else {
            record.failedLogins += 1
            if record.failedLogins >= Lockout.attempts {
                record.lockedUntil = now.addingTimeInterval(Lockout.duration)
                record.failedLogins = 0
            }
            try await record.save(on: db)
            return .wrong
        }
        record.failedLogins = 0
        record.lockedUntil = nil
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(.login, .staff, id: record.requireID().uuidString, agency: nil, by: record.username, on: db)
        }
        return .signedIn(record)
    }
}

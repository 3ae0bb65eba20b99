import Fluent
import Gongkai
import SQLKit
import Vapor

/// `gongkai user …` and `gongkai token …`: staff accounts kept from the command line, as the back office keeps them.
extension Operator {
    /// An account as `gongkai user list` shows it.
    public struct Account: Sendable, Equatable {
        public var username: String
        public var displayName: String
        public var role: String
        public var agency: String?
        public var locked: Bool
        public var hasToken: Bool
    }

    public static func addUser(
        _ configuration: ServerConfiguration, username: String, displayName: String, role: String, agency: String?, password: String
    ) async throws {
        try await withDatabase(configuration) { app in
            let account = StaffRecord(username: "", displayName: "", passwordHash: "", role: "", agencyID: nil)
            let form = AdminController.AccountForm(username: username, displayName: displayName, role: role, agency: agency, password: password)
            let problems = try await AdminController.applyAccount(form, to: account, isNew: true, db: app.db, passwords: app.password.async)
            guard problems.isEmpty else { throw failure(problems) }
            try await app.db.transaction { db in
                try await account.create(on: db)
                try await Audit.record(
                    .create, .staff, id: try account.requireID().uuidString, agency: agency, by: Audit.Actor.commandLine,
                    after: Audit.json(["username": account.username, "displayName": account.displayName, "role": account.role, "agency": agency]),
                    on: db)
            }
        }
    }

    public static func listUsers(_ configuration: ServerConfiguration) async throws -> [Account] {
        try await withDatabase(configuration) { app in
            let agencies = Dictionary(try await AgencyRecord.query(on: app.db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
            return try await StaffRecord.query(on: app.db).sort(\.$username).all().map {
                Account(
                    username: $0.username, displayName: $0.displayName, role: $0.role, agency: $0.$agency.id.flatMap { agencies[$0] },
                    locked: $0.locked, hasToken: $0.tokenHash != nil)
            }
        }
    }

    /// What an account change does, besides being audited.
    enum AccountChange {
        /// A new password: every session and the API token end, failed sign-ins are forgotten.
        case resetPassword(String)
        /// No sign-in, no session, no token until unlocked.
        case lock
        /// Signs in again; failed sign-ins from every address are forgotten.
        case unlock
        /// A new API token (the old one stops working); only its SHA-256 is kept.
        case issueToken(String)
        case revokeToken

        var action: Audit.Action {
            switch self {
            case .resetPassword: .resetPassword
            case .lock: .lock
            case .unlock: .unlock
            case .issueToken: .issueToken
            case .revokeToken: .revokeToken
            }
        }
    }

    public static func resetPassword(_ configuration: ServerConfiguration, username: String, password: String) async throws {
        try await change(configuration, username: username, .resetPassword(password))
    }

    public static func lock(_ configuration: ServerConfiguration, username: String) async throws {
        try await change(configuration, username: username, .lock)
    }

    public static func unlock(_ configuration: ServerConfiguration, username: String) async throws {
        try await change(configuration, username: username, .unlock)
    }

    /// A new API token for the account, returned to be shown once.
    public static func issueToken(_ configuration: ServerConfiguration, username: String) async throws -> String {
        let token = newToken()
        try await change(configuration, username: username, .issueToken(token))
        return token
    }

    public static func revokeToken(_ configuration: ServerConfiguration, username: String) async throws {
        try await change(configuration, username: username, .revokeToken)
    }

    /// 32 random bytes, URL-safe base64 without padding.
    static func newToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func change(_ configuration: ServerConfiguration, username: String, _ change: AccountChange) async throws {
        try await withDatabase(configuration) { app in
            guard let account = try await StaffRecord.query(on: app.db).filter(\.$username == username).first() else {
                throw Failure("there is no account \(username) (see `gongkai user list`)")
            }
            switch change {
            case .resetPassword(let password):
                guard password.count >= 10 else { throw Failure("the password: \(UIText.passwordTooShort.said().zh)") }
                account.passwordHash = try await app.password.async.hash(password)
                account.tokenHash = nil
                account.sessionEpoch += 1
                account.failedLogins = 0
            case .lock:
                account.locked = true
                account.sessionEpoch += 1
            case .unlock:
                account.locked = false
                account.failedLogins = 0
            case .issueToken(let token):
                account.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
            case .revokeToken:
                account.tokenHash = nil
            }
            try await app.db.transaction { db in
                try await account.save(on: db)
                if case .unlock = change, let sql = db as? any SQLDatabase {
                    try await sql.raw("DELETE FROM sign_in_throttles WHERE username = \(bind: account.username)").run()
                }
                try await Audit.record(
                    change.action, .staff, id: try account.requireID().uuidString, agency: nil, by: Audit.Actor.commandLine, on: db)
            }
        }
    }
}

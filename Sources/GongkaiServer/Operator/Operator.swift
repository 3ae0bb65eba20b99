import Fluent
import Gongkai
import SQLKit
import Vapor

/// What an operator does on the server's own machine — `gongkai setup`, `user …`, `token …` — each change audited as
/// done by the command line (`Audit.Actor.commandLine`). The executable parses flags and prompts; this does the rest.
public enum Operator {
    /// Why a command did nothing, in sentences (one a problem, each naming the flag or account it is about).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// What `gongkai setup` is given.
    public struct Setup: Sendable {
        public var siteName: String
        public var agencyName: String
        /// 统一社会信用代码, checked by GB 32100.
        public var agencyCode: String
        public var agencyKind: String
        /// 复议机关; empty for the nearest 人民政府 above the agency.
        public var reconsiderationBody: String
        /// `MM-DD` of the next year; empty for the default of the agency's kind.
        public var reportDeadline: String
        public var username: String
        public var displayName: String
        public var password: String

        public init(
            siteName: String, agencyName: String, agencyCode: String, agencyKind: String, reconsiderationBody: String = "",
            reportDeadline: String = "", username: String, displayName: String, password: String
        ) {
            self.siteName = siteName
            self.agencyName = agencyName
            self.agencyCode = agencyCode
            self.agencyKind = agencyKind
            self.reconsiderationBody = reconsiderationBody
            self.reportDeadline = reportDeadline
            self.username = username
            self.displayName = displayName
            self.password = password
        }
    }

    /// The flag of each field the forms check, for saying which flag is wrong.
    static let flags: [String: String] = [
        "code": "--agency-code", "name": "--agency-name", "kind": "--agency-kind", "reconsiderationBody": "--reconsideration-body",
        "reportDeadline": "--report-deadline", "username": "--username", "displayName": "--display-name", "role": "--role",
        "agency": "--agency", "password": "the password", "parent": "--parent", "siteName": "--site-name",
    ]

    static func failure(_ problems: [String: Said]) -> Failure {
        Failure(problems.sorted { $0.key < $1.key }.map { "\(flags[$0.key] ?? $0.key): \($0.value.zh)" }.joined(separator: "\n"))
    }

    /// Day one: the site's name, the top agency and the first administrator, in one transaction. Refused once an
    /// administrator exists (more accounts come from `gongkai user add` or the back office).
    public static func setup(_ configuration: ServerConfiguration, _ setup: Setup) async throws -> [String] {
        try await withDatabase(configuration) { app in
            let administrators = try await StaffRecord.query(on: app.db).filter(\.$role == StaffRole.administrator.rawValue).all()
            guard administrators.isEmpty else {
                throw Failure(
                    "this database is set up already (administrator: \(administrators.map(\.username).sorted().joined(separator: ", "))); add accounts with `gongkai user add`"
                )
            }
            var problems: [String: Said] = [:]
            let siteName = setup.siteName.trimmingCharacters(in: .whitespacesAndNewlines)
            if siteName.isEmpty || siteName.count > SiteSettings.nameLimit {
                problems["siteName"] = Said(zh: "请填写网站名称（不超过\(SiteSettings.nameLimit)字）", en: "Give the site's name")
            }
            let code = IdentityDocument.normalized(setup.agencyCode)
            if let problem = IdentityDocument.creditCode.problem(with: code) {
                problems["code"] = problem.said
            }
            let existing = try await AgencyRecord.query(on: app.db).filter(\.$code == code).first()
            let agency = existing ?? AgencyRecord(code: "", name: "", kind: .districtGovernment, parentID: nil)
            if existing == nil {
                var form = AdminController.AgencyForm.blank
                (form.code, form.name, form.kind) = (code, setup.agencyName, setup.agencyKind)
                (form.reconsiderationBody, form.reportDeadline) = (setup.reconsiderationBody, setup.reportDeadline)
                form.indexPattern = IndexNumber.defaultPattern
                problems.merge(try await AdminController.apply(form, to: agency, isNew: true, on: app.db)) { first, _ in first }
            }
            let account = StaffRecord(username: "", displayName: "", passwordHash: "", role: "", agencyID: nil)
            let accountForm = AdminController.AccountForm(
                username: setup.username, displayName: setup.displayName, role: StaffRole.administrator.rawValue, agency: nil,
                password: setup.password)
            problems.merge(
                try await AdminController.applyAccount(accountForm, to: account, isNew: true, db: app.db, passwords: app.password.async)
            ) { first, _ in first }
            guard problems.isEmpty else { throw failure(problems) }
            try await app.db.transaction { db in
                try await SiteSettings.save(name: siteName, on: db)
                if existing == nil {
                    try await AdminController.create(agency, on: db)
                    try await Audit.record(
                        .create, .agency, id: agency.code, agency: agency.code, by: Audit.Actor.commandLine,
                        after: Audit.json(["name": agency.name, "kind": agency.kind.rawValue]), on: db)
                }
                try await account.create(on: db)
                try await Audit.record(
                    .create, .staff, id: try account.requireID().uuidString, agency: nil, by: Audit.Actor.commandLine,
                    after: Audit.json(["username": account.username, "displayName": account.displayName, "role": account.role]), on: db)
            }
            return [
                "site: \(siteName)",
                existing == nil
                    ? "agency: \(agency.name) (\(agency.code), \(agency.kind.label))"
                    : "agency: \(agency.name) (\(agency.code)) was there already; kept",
                "administrator: \(account.username) (\(account.displayName))",
            ]
        }
    }

    /// Whether the database has an administrator, for `serve` to say how to make one when it has none.
    public static func hasAdministrator(_ configuration: ServerConfiguration) async throws -> Bool {
        try await withDatabase(configuration) { app in
            try await StaffRecord.query(on: app.db).filter(\.$role == StaffRole.administrator.rawValue).count() > 0
        }
    }
}

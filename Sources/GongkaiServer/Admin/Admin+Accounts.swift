import Fluent
import Gongkai
import SQLKit
import Vapor

/// The administrator keeps staff accounts: roles, agencies, passwords and API tokens.
extension AdminController {
    /// A new API token for the account's staff tooling, shown once; only its SHA-256 is kept. The old one stops working.
    func issueToken(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let account = try await account(req)
        let token = Operator.newToken()
        account.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(.issueToken, .staff, id: account.id!.uuidString, agency: nil, by: user.username, on: db)
        }
        let response = PageRenderer.render(AdminViews.token(username: account.username, token: token, viewer: req.staffViewer))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func accountFields(isNew: Bool, agencies: [AgencyRecord], _ l: Language) -> [FormField] {
        var fields: [FormField] = []
        if isNew { fields.append(FormField(name: "username", label: UIText.username(l), hint: UIText.usernameHint(l))) }
        fields += [
            FormField(name: "displayName", label: UIText.personName(l)),
            FormField(name: "role", label: UIText.role(l), kind: .choice(StaffRole.allCases.map { ($0.rawValue, $0.label(l)) })),
            FormField(
                name: "agency", label: UIText.accountAgency(l),
                kind: .choice([("", UIText.noAgency(l))] + agencies.map { ($0.code, $0.name) })),
            FormField(
                name: "password", label: isNew ? UIText.firstPassword(l) : UIText.newPassword(l), kind: .password,
                hint: UIText.passwordHint(l)),
            FormField(name: "unlock", label: UIText.unlock(l), kind: .checkbox),
        ]
        return fields
    }

    struct AccountForm: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var agency: String?
        var password: String?
        var unlock: String?

        /// What the form shows back; never the password.
        var values: [String: String] {
            ["username": username ?? "", "displayName": displayName ?? "", "role": role ?? "", "agency": agency ?? ""]
        }
    }

    private static func accountJSON(_ account: StaffRecord, agencyCode: String?) -> String? {
        Audit.json([
            "username": account.username, "displayName": account.displayName, "role": account.role, "agency": agencyCode,
        ])
    }

    /// Checks the form and, when it is clean, copies it onto `account` (hashing a new password). Returns field → problem.
    static func applyAccount(
        _ form: AccountForm, to account: StaffRecord, isNew: Bool, db: any Database, passwords: AsyncPasswordHasher
    ) async throws -> [String: Said] {
        var problems: [String: Said] = [:]
        if isNew {
            let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
            if username.isEmpty || username.count > 40
                || !username.unicodeScalars.allSatisfy({
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
                })
            {
                problems["username"] = UIText.usernameProblem.said()
            } else if try await StaffRecord.query(on: db).filter(\.$username == username).first() != nil {
                problems["username"] = UIText.usernameTaken.said(username)
            }
            account.username = username
        }
        let displayName = (form.displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if displayName.isEmpty { problems["displayName"] = UIText.nameNeeded.said() }
        let role = StaffRole(rawValue: form.role ?? "")
        if role == nil { problems["role"] = UIText.roleNeeded.said() }
        var agencyID: UUID?
        if let code = form.agency, !code.isEmpty {
            agencyID = try await AgencyRecord.query(on: db).filter(\.$code == code).first()?.id
            if agencyID == nil { problems["agency"] = UIText.noAgencyCoded.said(code) }
        } else if let role, role != .administrator {
            problems["agency"] = Said(zh: UIText.roleNeedsAgency(.zh, role.label), en: UIText.roleNeedsAgency(.en, role.label(.en)))
        }
        let password = form.password ?? ""
        if isNew || !password.isEmpty, password.count < 10 { problems["password"] = UIText.passwordTooShort.said() }
        guard problems.isEmpty, let role else { return problems }
        account.displayName = displayName
        account.role = role.rawValue
        account.$agency.id = agencyID
        if !password.isEmpty {
            account.passwordHash = try await passwords.hash(password)
            account.tokenHash = nil  // a reset password also ends the old API token
            if !isNew { account.sessionEpoch += 1 }  // and every session of the account
        }
        if isNew { account.failedLogins = 0 }
        if ["on", "是"].contains((form.unlock ?? "").trimmingCharacters(in: .whitespaces)) {
            account.failedLogins = 0
            // Sign-in stopped from any address for this name starts again.
            if let sql = db as? any SQLDatabase {
                try await sql.raw("DELETE FROM sign_in_throttles WHERE username = \(bind: account.username)").run()
            }
        }
        return [:]
    }

    private func agencies(_ db: any Database) async throws -> [AgencyRecord] {
        try await AgencyRecord.query(on: db).administrative().sort(\.$position).sort(\.$name).all()
    }

    func newAccount(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        return PageRenderer.render(
            AdminViews.form(
                title: UIText.newAccount(req.language), action: SiteURL.adminNewAccount.path,
                fields: Self.accountFields(isNew: true, agencies: try await agencies(req.db), req.language),
                values: ["role": StaffRole.editor.rawValue],
                problems: [:], submit: UIText.create(req.language), viewer: req.staffViewer))
    }

    func createAccount(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(AccountForm.self)
        let account = StaffRecord(username: "", displayName: "", passwordHash: "", role: "", agencyID: nil)
        let problems = try await Self.applyAccount(form, to: account, isNew: true, db: req.db, passwords: req.password.async)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: UIText.newAccount(req.language), action: SiteURL.adminNewAccount.path,
                    fields: Self.accountFields(isNew: true, agencies: try await agencies(req.db), req.language),
                    values: form.values, problems: problems, submit: UIText.create(req.language), viewer: req.staffViewer),
                status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            try await account.create(on: db)
            try await Audit.record(
                .create, .staff, id: account.id!.uuidString, agency: form.agency, by: user.username,
                after: Self.accountJSON(account, agencyCode: form.agency), on: db)
        }
        return req.redirect(to: SiteURL.admin.path)
    }

    private func account(_ req: Request) async throws -> StaffRecord {
        guard let id = req.parameters.get("id", as: UUID.self), let account = try await StaffRecord.find(id, on: req.db) else {
            throw Refused(.notFound, .noSuchAccount)
        }
        return account
    }

    func editAccount(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let account = try await account(req)
        let code = try await account.$agency.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        return PageRenderer.render(
            AdminViews.form(
                title: UIText.accountTitle(req.language, account.username), action: SiteURL.adminAccount(account.id!).path,
                fields: Self.accountFields(isNew: false, agencies: try await agencies(req.db), req.language),
                values: ["displayName": account.displayName, "role": account.role, "agency": code ?? ""], problems: [:],
                submit: UIText.save(req.language),
                viewer: req.staffViewer,
                after: AdminViews.tokenForm(account.id!, hasToken: account.tokenHash != nil, viewer: req.staffViewer)))
    }

    func updateAccount(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let account = try await account(req)
        let oldCode = try await account.$agency.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        let before = Self.accountJSON(account, agencyCode: oldCode)
        let form = try req.decodeBody(AccountForm.self)
        if account.id == user.id, form.role != StaffRole.administrator.rawValue {
            throw Refused(.conflict, .keepOwnAdmin)
        }
        let problems = try await Self.applyAccount(form, to: account, isNew: false, db: req.db, passwords: req.password.async)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: UIText.accountTitle(req.language, account.username), action: SiteURL.adminAccount(account.id!).path,
                    fields: Self.accountFields(isNew: false, agencies: try await agencies(req.db), req.language),
                    values: form.values, problems: problems, submit: UIText.save(req.language), viewer: req.staffViewer), status: .unprocessableEntity
            )
        }
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                .update, .staff, id: account.id!.uuidString, agency: form.agency, by: user.username, before: before,
                after: Self.accountJSON(account, agencyCode: form.agency), on: db)
        }
        return req.redirect(to: SiteURL.admin.path)
    }
}

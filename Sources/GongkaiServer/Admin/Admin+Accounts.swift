import Fluent
import Gongkai
import Vapor

/// The administrator keeps staff accounts: roles, agencies, passwords and API tokens.
extension AdminController {
    /// A new API token for the account's staff tooling, shown once; only its SHA-256 is kept. The old one stops working.
    func issueToken(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let account = try await account(req)
        let token = [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "=", with: "")
        account.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(.issueToken, .staff, id: account.id!.uuidString, agency: nil, by: user.username, on: db)
        }
        let response = PageRenderer.render(AdminViews.token(username: account.username, token: token, viewer: req.staffViewer))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func accountFields(isNew: Bool, agencies: [AgencyRecord]) -> [FormField] {
        var fields: [FormField] = []
        if isNew { fields.append(FormField(name: "username", label: "用户名", hint: "字母、数字、连字符，建立后不能修改")) }
        fields += [
            FormField(name: "displayName", label: "姓名"),
            FormField(name: "role", label: "角色", kind: .choice(StaffRole.allCases.map { ($0.rawValue, $0.label) })),
            FormField(name: "agency", label: "所属机关（督导账号为其督导的上级机关）", kind: .choice([("", "（无，仅系统管理员）")] + agencies.map { ($0.code, $0.name) })),
            FormField(name: "password", label: isNew ? "初始密码" : "重设密码（不改请留空）", kind: .password, hint: "至少10位"),
            FormField(name: "unlock", label: "解除锁定（填“是”）"),
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
            "locked": account.lockedUntil.map { $0 > Date() ? "yes" : "no" } ?? "no",
        ])
    }

    private func applyAccount(_ form: AccountForm, to account: StaffRecord, isNew: Bool, req: Request) async throws -> [String: String] {
        var problems: [String: String] = [:]
        if isNew {
            let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
            if username.isEmpty || username.count > 40
                || !username.unicodeScalars.allSatisfy({
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
                })
            {
                problems["username"] = "用户名须为1至40位字母、数字、连字符、下划线或点"
            } else if try await StaffRecord.query(on: req.db).filter(\.$username == username).first() != nil {
                problems["username"] = "用户名 \(username) 已被使用"
            }
            account.username = username
        }
        let displayName = (form.displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if displayName.isEmpty { problems["displayName"] = "请填写姓名" }
        let role = StaffRole(rawValue: form.role ?? "")
        if role == nil { problems["role"] = "请选择角色" }
        var agencyID: UUID?
        if let code = form.agency, !code.isEmpty {
            agencyID = try await AgencyRecord.query(on: req.db).filter(\.$code == code).first()?.id
            if agencyID == nil { problems["agency"] = "没有代码为 \(code) 的机关" }
        } else if let role, role != .administrator {
            problems["agency"] = "\(role.label)须属于一个机关"
        }
        let password = form.password ?? ""
        if isNew || !password.isEmpty, password.count < 10 { problems["password"] = "密码至少10位" }
        guard problems.isEmpty else { return problems }
        account.displayName = displayName
        account.role = role!.rawValue
        account.$agency.id = agencyID
        if !password.isEmpty {
            account.passwordHash = try await req.password.async.hash(password)
            account.tokenHash = nil  // a reset password also ends the old API token
        }
        if isNew { account.failedLogins = 0 }
        if (form.unlock ?? "").trimmingCharacters(in: .whitespaces) == "是" {
            account.lockedUntil = nil
            account.failedLogins = 0
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
                title: "新建账号", action: SiteURL.adminNewAccount.path, fields: Self.accountFields(isNew: true, agencies: try await agencies(req.db)),
                values: ["role": StaffRole.editor.rawValue], problems: [:], submit: "建立", viewer: req.staffViewer))
    }

    func createAccount(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(AccountForm.self)
        let account = StaffRecord(username: "", displayName: "", passwordHash: "", role: "", agencyID: nil)
        let problems = try await applyAccount(form, to: account, isNew: true, req: req)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: "新建账号", action: SiteURL.adminNewAccount.path,
                    fields: Self.accountFields(isNew: true, agencies: try await agencies(req.db)),
                    values: form.values, problems: problems, submit: "建立", viewer: req.staffViewer), status: .unprocessableEntity)
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
            throw Abort(.notFound, reason: "没有这个工作人员账号")
        }
        return account
    }

    func editAccount(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let account = try await account(req)
        let code = try await account.$agency.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        return PageRenderer.render(
            AdminViews.form(
                title: "账号：\(account.username)", action: SiteURL.adminAccount(account.id!).path,
                fields: Self.accountFields(isNew: false, agencies: try await agencies(req.db)),
                values: ["displayName": account.displayName, "role": account.role, "agency": code ?? ""], problems: [:], submit: "保存",
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
            throw Abort(.conflict, reason: "管理员不能取消自己的管理员角色，可由另一位管理员操作")
        }
        let problems = try await applyAccount(form, to: account, isNew: false, req: req)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: "账号：\(account.username)", action: SiteURL.adminAccount(account.id!).path,
                    fields: Self.accountFields(isNew: false, agencies: try await agencies(req.db)),
                    values: form.values, problems: problems, submit: "保存", viewer: req.staffViewer), status: .unprocessableEntity)
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

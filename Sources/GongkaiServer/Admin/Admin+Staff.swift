import Fluent
import Gongkai
import Vapor

/// The administrator manages agencies (profile 第二十条（二）, guide 第十二条, 索引号 pattern), their catalogue
/// categories, and staff accounts. Every change goes into the audit log with before and after.
struct AdminController {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.admin, use: overview)
        signedIn.get(.adminNewAgency, use: newAgency)
        signedIn.post(.adminNewAgency, use: createAgency)
        signedIn.get(.adminAgency, use: editAgency)
        signedIn.post(.adminAgency, use: updateAgency)
        signedIn.get(.adminCategories, use: categories)
        signedIn.post(.adminCategories, use: addCategory)
        signedIn.post(.adminCategory, use: updateCategory)
        signedIn.get(.adminNewAccount, use: newAccount)
        signedIn.post(.adminNewAccount, use: createAccount)
        signedIn.get(.adminAccount, use: editAccount)
        signedIn.post(.adminAccount, use: updateAccount)
        signedIn.post(.adminAccountToken, use: issueToken)
    }

    private func administrator(_ req: Request) throws -> StaffUser {
        let user = try req.requireStaff()
        guard user.role == .administrator else { throw Abort(.forbidden, reason: "只有管理员可以管理机关、目录分类和账号") }
        return user
    }

    func overview(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agencies = try await AgencyRecord.query(on: req.db).sort(\.$position).sort(\.$name).all()
        let accounts = try await StaffRecord.query(on: req.db).sort(\.$username).all()
        return PageRenderer.render(AdminViews.overview(agencies: agencies, accounts: accounts, viewer: req.staffViewer))
    }

    // MARK: Agencies

    /// The agency's fields as the form shows them; `code` only when it is new (a code never changes).
    static func agencyFields(isNew: Bool, parents: [AgencyRecord]) -> [FormField] {
        var fields: [FormField] = []
        if isNew { fields.append(FormField(name: "code", label: "机关代码（统一社会信用代码）", hint: "网址、接口、命令行和索引号都用它，建立后不能修改")) }
        fields += [
            FormField(name: "name", label: "名称"),
            FormField(name: "kind", label: "类别", kind: .choice(AgencyForm.kinds.map { ($0, PortalViews.kindLabels[$0] ?? $0) })),
            FormField(name: "parent", label: "上级机关", kind: .choice([("", "（无）")] + parents.map { ($0.code, $0.name) })),
            FormField(name: "functions", label: "机构职能（第二十条第（二）项）", kind: .text(rows: 4)),
            FormField(name: "organisation", label: "机构设置", kind: .text(rows: 3)),
            FormField(name: "headName", label: "负责人姓名"),
            FormField(name: "address", label: "办公地址"),
            FormField(name: "officeHours", label: "办公时间"),
            FormField(name: "phone", label: "联系电话"),
            FormField(name: "fax", label: "传真"),
            FormField(name: "email", label: "互联网联系方式（电子邮箱）"),
            FormField(name: "disclosureOffice", label: "政府信息公开工作机构（第十二条）"),
            FormField(name: "guide", label: "政府信息公开指南正文", kind: .text(rows: 10)),
            FormField(name: "indexPattern", label: "索引号格式", hint: "{code} 机关代码，{year} 年份，{seq:5} 五位顺序号"),
            FormField(name: "reportDeadline", label: "年度报告发布期限（次年 MM-DD，第四十九条）", hint: "留空：部门1月31日，区政府3月31日，街道、乡镇1月31日（由县级主管部门另定的填在这里）"),
        ]
        return fields
    }

    struct AgencyForm: Content {
        static let kinds = ["district-government", "department", "subdistrict", "town", "community"]
        var code: String?
        var name: String?
        var kind: String?
        var parent: String?
        var functions: String?
        var organisation: String?
        var headName: String?
        var address: String?
        var officeHours: String?
        var phone: String?
        var fax: String?
        var email: String?
        var disclosureOffice: String?
        var guide: String?
        var indexPattern: String?
        var reportDeadline: String?

        var values: [String: String] {
            [
                "code": code ?? "", "name": name ?? "", "kind": kind ?? "", "parent": parent ?? "", "functions": functions ?? "",
                "organisation": organisation ?? "", "headName": headName ?? "", "address": address ?? "", "officeHours": officeHours ?? "",
                "phone": phone ?? "", "fax": fax ?? "", "email": email ?? "", "disclosureOffice": disclosureOffice ?? "", "guide": guide ?? "",
                "indexPattern": indexPattern ?? IndexNumber.defaultPattern, "reportDeadline": reportDeadline ?? "",
            ]
        }

        static func values(of agency: AgencyRecord, parentCode: String?) -> [String: String] {
            [
                "code": agency.code, "name": agency.name, "kind": agency.kind, "parent": parentCode ?? "", "functions": agency.functions,
                "organisation": agency.organisation, "headName": agency.headName, "address": agency.address, "officeHours": agency.officeHours,
                "phone": agency.phone, "fax": agency.fax, "email": agency.email, "disclosureOffice": agency.disclosureOffice,
                "guide": agency.guide, "indexPattern": agency.indexPattern, "reportDeadline": agency.reportDeadline,
            ]
        }
    }

    /// Checks the form and, when it is clean, copies it onto `agency`. Returns field → problem.
    private func apply(_ form: AgencyForm, to agency: AgencyRecord, isNew: Bool, on db: any Database) async throws -> [String: String] {
        var problems: [String: String] = [:]
        let trimmed = form.values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if isNew {
            let code = trimmed["code"]!
            if code.isEmpty || code.count > 40
                || !code.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
            {
                problems["code"] = "机关代码须为1至40位字母、数字或连字符"
            } else if try await AgencyRecord.query(on: db).filter(\.$code == code).first() != nil {
                problems["code"] = "已有机关使用代码 \(code)"
            }
        }
        if trimmed["name"]!.isEmpty { problems["name"] = "请填写机关名称" }
        if !AgencyForm.kinds.contains(trimmed["kind"]!) { problems["kind"] = "请选择机关类别" }
        var parentID: UUID?
        if let parentCode = trimmed["parent"], !parentCode.isEmpty {
            if let parent = try await AgencyRecord.query(on: db).filter(\.$code == parentCode).first() {
                parentID = parent.id
                if try await isSelfOrBelow(parent, agency, on: db) { problems["parent"] = "上级机关不能是本机关或其下级机关" }
            } else {
                problems["parent"] = "没有代码为 \(parentCode) 的机关"
            }
        }
        if let problem = IndexNumber.validate(trimmed["indexPattern"]!) {
            problems["indexPattern"] = "索引号格式须包含 {year} 和 {seq:N}，否则两条信息会同号（\(problem)）"
        }
        let deadline = trimmed["reportDeadline"]!
        if !deadline.isEmpty, deadline.count != 5 || Day(iso: "2000-\(deadline)") == nil {
            problems["reportDeadline"] = "发布期限须为 MM-DD，如 02-28"
        }
        guard problems.isEmpty else { return problems }
        if isNew { agency.code = trimmed["code"]! }
        agency.reportDeadline = deadline
        agency.name = trimmed["name"]!
        agency.kind = trimmed["kind"]!
        agency.$parent.id = parentID
        agency.functions = trimmed["functions"]!
        agency.organisation = trimmed["organisation"]!
        agency.headName = trimmed["headName"]!
        agency.address = trimmed["address"]!
        agency.officeHours = trimmed["officeHours"]!
        agency.phone = trimmed["phone"]!
        agency.fax = trimmed["fax"]!
        agency.email = trimmed["email"]!
        agency.disclosureOffice = trimmed["disclosureOffice"]!
        agency.guide = form.guide ?? ""
        agency.indexPattern = trimmed["indexPattern"]!
        return [:]
    }

    /// Whether `candidate` is `agency` or lies below it (which would make the hierarchy a loop).
    private func isSelfOrBelow(_ candidate: AgencyRecord, _ agency: AgencyRecord, on db: any Database) async throws -> Bool {
        guard let target = agency.id else { return false }
        var current: AgencyRecord? = candidate
        var steps = 0
        while let node = current, steps < 64 {
            if node.id == target { return true }
            current = try await node.$parent.id.asyncMap { try await AgencyRecord.find($0, on: db) } ?? nil
            steps += 1
        }
        return false
    }

    private func parents(_ db: any Database) async throws -> [AgencyRecord] {
        try await AgencyRecord.query(on: db).filter(\.$kind != "community").sort(\.$position).sort(\.$name).all()
    }

    func newAgency(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        return PageRenderer.render(
            AdminViews.form(
                title: "新建机关", action: SiteURL.adminNewAgency.path, fields: Self.agencyFields(isNew: true, parents: try await parents(req.db)),
                values: AgencyForm().values, problems: [:], submit: "建立", viewer: req.staffViewer))
    }

    func createAgency(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(AgencyForm.self)
        let agency = AgencyRecord(code: "", name: "", kind: "", parentID: nil)
        let problems = try await apply(form, to: agency, isNew: true, on: req.db)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: "新建机关", action: SiteURL.adminNewAgency.path, fields: Self.agencyFields(isNew: true, parents: try await parents(req.db)),
                    values: form.values, problems: problems, submit: "建立", viewer: req.staffViewer), status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            try await agency.create(on: db)
            // A new agency starts with the kinds of 第二十条 as its categories.
            for (position, (name, article)) in DemoSeed.categories.enumerated() {
                try await CategoryRecord(agencyID: agency.id!, name: name, article: article, position: position + 1).create(on: db)
            }
            try await Audit.record(
                .create, .agency, id: agency.code, agency: agency.code, by: user.username,
                after: Audit.json(AgencyForm.values(of: agency, parentCode: form.parent)), on: db)
        }
        return req.redirect(to: SiteURL.adminAgency(agency.code).path)
    }

    private func agency(_ req: Request) async throws -> AgencyRecord {
        let code = req.parameters.get("code") ?? ""
        guard let agency = try await AgencyRecord.query(on: req.db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "没有代码为 \(code) 的机关")
        }
        return agency
    }

    func editAgency(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agency = try await agency(req)
        let parentCode = try await agency.$parent.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        return PageRenderer.render(
            AdminViews.form(
                title: "\(agency.name)：概况与公开指南", action: SiteURL.adminAgency(agency.code).path,
                fields: Self.agencyFields(isNew: false, parents: try await parents(req.db)),
                values: AgencyForm.values(of: agency, parentCode: parentCode), problems: [:], submit: "保存", viewer: req.staffViewer))
    }

    func updateAgency(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        let oldParent = try await agency.$parent.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        let before = AgencyForm.values(of: agency, parentCode: oldParent)
        let form = try req.decodeBody(AgencyForm.self)
        let problems = try await apply(form, to: agency, isNew: false, on: req.db)
        guard problems.isEmpty else {
            var values = form.values
            values["code"] = agency.code
            return PageRenderer.render(
                AdminViews.form(
                    title: "\(agency.name)：概况与公开指南", action: SiteURL.adminAgency(agency.code).path,
                    fields: Self.agencyFields(isNew: false, parents: try await parents(req.db)),
                    values: values, problems: problems, submit: "保存", viewer: req.staffViewer), status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                .update, .agency, id: agency.code, agency: agency.code, by: user.username, before: Audit.json(before),
                after: Audit.json(AgencyForm.values(of: agency, parentCode: form.parent)), on: db)
        }
        return req.redirect(to: SiteURL.adminAgency(agency.code).path)
    }

    // MARK: Categories

    static func categoryFields(_ existing: [CategoryRecord]) -> [FormField] {
        [
            FormField(name: "name", label: "新分类名称"),
            FormField(name: "article", label: "依据（如 第二十条第（一）项）"),
            FormField(name: "parent", label: "上级分类", kind: .choice([("", "（无）")] + existing.map { ($0.id!.uuidString, $0.name) })),
            FormField(name: "position", label: "顺序（数字）"),
        ]
    }

    struct CategoryForm: Content {
        var name: String?
        var article: String?
        var parent: String?
        var position: String?

        var values: [String: String] { ["name": name ?? "", "article": article ?? "", "parent": parent ?? "", "position": position ?? ""] }
    }

    func categories(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agency = try await agency(req)
        return try await categoriesPage(req, agency, values: [:], problems: [:], status: .ok)
    }

    private func categoriesPage(
        _ req: Request, _ agency: AgencyRecord, values: [String: String], problems: [String: String], status: HTTPResponseStatus
    ) async throws -> Response {
        let list = try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$position).all()
        var counts: [UUID: Int] = [:]
        for category in list { counts[category.id!] = try await ItemRecord.query(on: req.db).filter(\.$category.$id == category.id!).count() }
        return PageRenderer.render(
            AdminViews.categories(agency: agency, categories: list, counts: counts, values: values, problems: problems, viewer: req.staffViewer),
            status: status)
    }

    func addCategory(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        let form = try req.decodeBody(CategoryForm.self)
        let existing = try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).all()
        var problems: [String: String] = [:]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["name"] = "请填写分类名称" }
        if name.count > 100 { problems["name"] = "分类名称不能超过100字" }
        if existing.contains(where: { $0.name == name }) { problems["name"] = "本机关已有分类“\(name)”" }
        let parentID = (form.parent ?? "").isEmpty ? nil : UUID(uuidString: form.parent!)
        if !(form.parent ?? "").isEmpty, parentID.map({ id in existing.contains { $0.id == id } }) != true { problems["parent"] = "上级分类须是本机关的分类" }
        let position = (form.position ?? "").isEmpty ? (existing.map(\.position).max() ?? 0) + 1 : Int(form.position!)
        if position == nil { problems["position"] = "顺序须为整数" }
        guard problems.isEmpty else {
            return try await categoriesPage(req, agency, values: form.values, problems: problems, status: .unprocessableEntity)
        }
        let category = CategoryRecord(
            agencyID: try agency.requireID(), name: name, article: (form.article ?? "").trimmingCharacters(in: .whitespaces), position: position!,
            parentID: parentID)
        try await req.db.transaction { db in
            try await category.create(on: db)
            try await Audit.record(
                .create, .category, id: category.id!.uuidString, agency: agency.code, by: user.username,
                after: Audit.json(["name": category.name, "article": category.article, "position": String(category.position)]), on: db)
        }
        return req.redirect(to: SiteURL.adminCategories(agency.code).path)
    }

    func updateCategory(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        guard let id = req.parameters.get("id", as: UUID.self), let category = try await CategoryRecord.find(id, on: req.db),
            category.$agency.id == agency.id
        else {
            throw Abort(.notFound, reason: "\(agency.name)没有这个目录分类")
        }
        let form = try req.decodeBody(CategoryForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String: String] = [:]
        if name.isEmpty { problems["name"] = "分类名称不能为空" }
        if try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).filter(\.$name == name).filter(\.$id != id).first()
            != nil
        {
            problems["name"] = "本机关已有分类“\(name)”"
        }
        guard let position = Int((form.position ?? "").trimmingCharacters(in: .whitespaces)) else {
            problems["position"] = "顺序须为整数"
            return try await categoriesPage(req, agency, values: [:], problems: problems, status: .unprocessableEntity)
        }
        guard problems.isEmpty else { return try await categoriesPage(req, agency, values: [:], problems: problems, status: .unprocessableEntity) }
        let before = Audit.json(["name": category.name, "article": category.article, "position": String(category.position)])
        category.name = name
        category.position = position
        try await req.db.transaction { db in
            try await category.save(on: db)
            try await Audit.record(
                .update, .category, id: id.uuidString, agency: agency.code, by: user.username, before: before,
                after: Audit.json(["name": category.name, "article": category.article, "position": String(category.position)]), on: db)
        }
        return req.redirect(to: SiteURL.adminCategories(agency.code).path)
    }

    // MARK: Accounts

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
        try await AgencyRecord.query(on: db).filter(\.$kind != "community").sort(\.$position).sort(\.$name).all()
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

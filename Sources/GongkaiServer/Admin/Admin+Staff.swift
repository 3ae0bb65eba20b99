import Fluent
import Gongkai
import Vapor

/// The administrator manages agencies (profile 第二十条（二）, guide 第十二条, 索引号 pattern), their catalogue
/// categories, and staff accounts. Every change goes into the audit log with before and after.
struct AdminController {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.admin, use: overview)
        signedIn.get(.adminSite, use: site)
        signedIn.post(.adminSite, use: saveSite)
        signedIn.post(.adminSiteEmblem, bodyLimit: "1mb", use: saveEmblem)
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

    func administrator(_ req: Request) throws -> StaffUser {
        let user = try req.requireStaff()
        guard user.role == .administrator else { throw Refused(.forbidden, .adminOnly) }
        return user
    }

    func overview(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agencies = try await AgencyRecord.query(on: req.db).sort(\.$position).sort(\.$name).all()
        let accounts = try await StaffRecord.query(on: req.db).sort(\.$username).all()
        let names = Dictionary(agencies.compactMap { agency in agency.id.map { ($0, agency.name) } }, uniquingKeysWith: { a, _ in a })
        let stopped = try await SignIn.stoppedUntil(at: Date(), on: req.db)
        let page = AdminOverviewPage(
            agencies: agencies.map { .init(code: $0.code, name: $0.name, kind: $0.kind, parentName: $0.$parent.id.flatMap { names[$0] } ?? "") },
            accounts: try accounts.map {
                .init(
                    id: try $0.requireID(), username: $0.username, displayName: $0.displayName, role: $0.role,
                    agencyName: $0.$agency.id.flatMap { names[$0] } ?? "", lockedUntil: stopped[$0.username])
            })
        return PageRenderer.render(AdminViews.overview(page, viewer: req.staffViewer))
    }

    // MARK: Agencies

    /// The agency's fields as the form shows them; `code` only when it is new (a code never changes).
    static func agencyFields(isNew: Bool, parents: [AgencyRecord], _ l: Language) -> [FormField] {
        var fields: [FormField] = []
        if isNew { fields.append(FormField(name: "code", label: UIText.agencyCodeField(l), hint: UIText.agencyCodeHint(l))) }
        fields += [
            FormField(name: "name", label: UIText.name(l)),
            FormField(name: "kind", label: UIText.kind(l), kind: .choice(AgencyKind.allCases.map { ($0.rawValue, $0.label(l)) })),
            FormField(
                name: "parent", label: UIText.parentAgency(l), kind: .choice([("", UIText.noneChosen(l))] + parents.map { ($0.code, $0.name) })),
            FormField(name: "functions", label: UIText.functionsField(l), kind: .text(rows: 4)),
            FormField(name: "organisation", label: UIText.organisation(l), kind: .text(rows: 3)),
            FormField(name: "headName", label: UIText.headNameField(l)),
            FormField(name: "address", label: UIText.officeAddress(l)),
            FormField(name: "officeHours", label: UIText.officeHours(l)),
            FormField(name: "phone", label: UIText.telephone(l)),
            FormField(name: "fax", label: UIText.fax(l)),
            FormField(name: "email", label: UIText.emailField(l)),
            FormField(name: "disclosureOffice", label: UIText.disclosureOfficeField(l)),
            FormField(name: "guide", label: UIText.guideField(l), kind: .text(rows: 10)),
            FormField(name: "indexPattern", label: UIText.indexPatternField(l), hint: UIText.indexPatternHint(l)),
            FormField(
                name: "reportDeadline", label: UIText.deadlineField(l),
                hint: UIText.deadlineHint(l)),
            FormField(name: "feePayment", label: UIText.feePaymentField(l), kind: .text(rows: 3), hint: UIText.feePaymentHint(l)),
            FormField(name: "feeTimeExcluded", label: UIText.feeTimeExcludedField(l), kind: .checkbox),
            FormField(name: "reconsiderationBody", label: UIText.reconsiderationField(l), hint: UIText.reconsiderationHint(l)),
            FormField(name: "letterNumberPattern", label: UIText.letterNumberField(l), hint: UIText.letterNumberHint(l)),
        ]
        return fields
    }

    struct AgencyForm: Content {
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
        var feePayment: String?
        /// A ticked box sends "on"; an unticked one nothing.
        var feeTimeExcluded: String?
        var reconsiderationBody: String?
        var letterNumberPattern: String?

        /// The form as sent (a new agency's form starts with the fee pause on, the default).
        static let blank = AgencyForm(feeTimeExcluded: "on")

        var values: [String: String] {
            [
                "code": code ?? "", "name": name ?? "", "kind": kind ?? "", "parent": parent ?? "", "functions": functions ?? "",
                "organisation": organisation ?? "", "headName": headName ?? "", "address": address ?? "", "officeHours": officeHours ?? "",
                "phone": phone ?? "", "fax": fax ?? "", "email": email ?? "", "disclosureOffice": disclosureOffice ?? "", "guide": guide ?? "",
                "indexPattern": indexPattern ?? IndexNumber.defaultPattern, "reportDeadline": reportDeadline ?? "",
                "feePayment": feePayment ?? "", "feeTimeExcluded": feeTimeExcluded == "on" ? "on" : "",
                "reconsiderationBody": reconsiderationBody ?? "", "letterNumberPattern": letterNumberPattern ?? "",
            ]
        }

        static func values(of agency: AgencyRecord, parentCode: String?) -> [String: String] {
            [
                "code": agency.code, "name": agency.name, "kind": agency.kind.rawValue, "parent": parentCode ?? "", "functions": agency.functions,
                "organisation": agency.organisation, "headName": agency.headName, "address": agency.address, "officeHours": agency.officeHours,
                "phone": agency.phone, "fax": agency.fax, "email": agency.email, "disclosureOffice": agency.disclosureOffice,
                "guide": agency.guide, "indexPattern": agency.indexPattern, "reportDeadline": agency.reportDeadline,
                "feePayment": agency.feePayment, "feeTimeExcluded": agency.feeTimeExcluded ? "on" : "",
                "reconsiderationBody": agency.reconsiderationBody, "letterNumberPattern": agency.letterNumberPattern,
            ]
        }
    }

    /// Checks the form and, when it is clean, copies it onto `agency`. Returns field → problem.
    static func apply(_ form: AgencyForm, to agency: AgencyRecord, isNew: Bool, on db: any Database) async throws -> [String: Said] {
        var problems: [String: Said] = [:]
        let values = form.values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        func trimmed(_ field: String) -> String { values[field] ?? "" }
        if isNew {
            let code = trimmed("code")
            if code.isEmpty || code.count > 40
                || !code.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
            {
                problems["code"] = UIText.agencyCodeProblem.said()
            } else if try await AgencyRecord.query(on: db).filter(\.$code == code).first() != nil {
                problems["code"] = UIText.agencyCodeTaken.said(code)
            }
        }
        if trimmed("name").isEmpty { problems["name"] = UIText.agencyNameNeeded.said() }
        let kind = AgencyKind(rawValue: trimmed("kind"))
        if kind == nil { problems["kind"] = UIText.agencyKindNeeded.said() }
        var parentID: UUID?
        let parentCode = trimmed("parent")
        if !parentCode.isEmpty {
            if let parent = try await AgencyRecord.query(on: db).filter(\.$code == parentCode).first() {
                parentID = parent.id
                if try await isSelfOrBelow(parent, agency, on: db) { problems["parent"] = UIText.parentLoop.said() }
            } else {
                problems["parent"] = UIText.noAgencyCoded.said(parentCode)
            }
        }
        if let problem = IndexNumber.validate(trimmed("indexPattern")) {
            problems["indexPattern"] = UIText.indexPatternProblem.said(problem)
        }
        let deadline = trimmed("reportDeadline")
        if !deadline.isEmpty, deadline.count != 5 || Day(iso: "2000-\(deadline)") == nil {
            problems["reportDeadline"] = UIText.deadlineProblem.said()
        }
        let letterNumber = trimmed("letterNumberPattern")
        if !letterNumber.isEmpty, LetterNumber.problem(letterNumber) != nil {
            problems["letterNumberPattern"] = UIText.letterNumberProblem.said()
        }
        guard problems.isEmpty, let kind else { return problems }
        if isNew { agency.code = trimmed("code") }
        agency.reportDeadline = deadline
        agency.name = trimmed("name")
        agency.kind = kind
        agency.$parent.id = parentID
        agency.functions = trimmed("functions")
        agency.organisation = trimmed("organisation")
        agency.headName = trimmed("headName")
        agency.address = trimmed("address")
        agency.officeHours = trimmed("officeHours")
        agency.phone = trimmed("phone")
        agency.fax = trimmed("fax")
        agency.email = trimmed("email")
        agency.disclosureOffice = trimmed("disclosureOffice")
        agency.guide = form.guide ?? ""
        agency.indexPattern = trimmed("indexPattern")
        agency.feePayment = trimmed("feePayment")
        agency.feeTimeExcluded = trimmed("feeTimeExcluded") == "on"
        agency.reconsiderationBody = trimmed("reconsiderationBody")
        agency.letterNumberPattern = letterNumber
        return [:]
    }

    /// Whether `candidate` is `agency` or lies below it (which would make the hierarchy a loop).
    private static func isSelfOrBelow(_ candidate: AgencyRecord, _ agency: AgencyRecord, on db: any Database) async throws -> Bool {
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
        try await AgencyRecord.query(on: db).administrative().sort(\.$position).sort(\.$name).all()
    }

    func newAgency(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        return PageRenderer.render(
            AdminViews.form(
                title: UIText.newAgency(req.language), action: SiteURL.adminNewAgency.path,
                fields: Self.agencyFields(isNew: true, parents: try await parents(req.db), req.language), values: AgencyForm.blank.values,
                problems: [:],
                submit: UIText.create(req.language), viewer: req.staffViewer))
    }

    func createAgency(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(AgencyForm.self)
        let agency = AgencyRecord(code: "", name: "", kind: .department, parentID: nil)
        let problems = try await Self.apply(form, to: agency, isNew: true, on: req.db)
        guard problems.isEmpty else {
            return PageRenderer.render(
                AdminViews.form(
                    title: UIText.newAgency(req.language), action: SiteURL.adminNewAgency.path,
                    fields: Self.agencyFields(isNew: true, parents: try await parents(req.db), req.language), values: form.values, problems: problems,
                    submit: UIText.create(req.language), viewer: req.staffViewer), status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            try await Self.create(agency, on: db)
            try await Audit.record(
                .create, .agency, id: agency.code, agency: agency.code, by: user.username,
                after: Audit.json(AgencyForm.values(of: agency, parentCode: form.parent)), on: db)
        }
        return req.redirect(to: SiteURL.adminAgency(agency.code).path)
    }

    /// Stores a new agency with the kinds of 第二十条 as its first categories (the back office, setup and imports alike).
    static func create(_ agency: AgencyRecord, on db: any Database) async throws {
        try await agency.create(on: db)
        for (position, (name, article)) in DemoSeed.categories.enumerated() {
            try await CategoryRecord(agencyID: try agency.requireID(), name: name, article: article, position: position + 1).create(on: db)
        }
    }

    func agency(_ req: Request) async throws -> AgencyRecord {
        let code = req.parameters.get("code") ?? ""
        guard let agency = try await AgencyRecord.query(on: req.db).filter(\.$code == code).first() else {
            throw Refused(.notFound, .noAgencyCoded, code)
        }
        return agency
    }

    func editAgency(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agency = try await agency(req)
        let parentCode = try await agency.$parent.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        return PageRenderer.render(
            AdminViews.form(
                title: UIText.profileOf(req.language, agency.name), action: SiteURL.adminAgency(agency.code).path,
                fields: Self.agencyFields(isNew: false, parents: try await parents(req.db), req.language),
                values: AgencyForm.values(of: agency, parentCode: parentCode), problems: [:], submit: UIText.save(req.language),
                viewer: req.staffViewer))
    }

    func updateAgency(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        let oldParent = try await agency.$parent.id.asyncMap { try await AgencyRecord.find($0, on: req.db)?.code } ?? nil
        let before = AgencyForm.values(of: agency, parentCode: oldParent)
        let form = try req.decodeBody(AgencyForm.self)
        let problems = try await Self.apply(form, to: agency, isNew: false, on: req.db)
        guard problems.isEmpty else {
            var values = form.values
            values["code"] = agency.code
            return PageRenderer.render(
                AdminViews.form(
                    title: UIText.profileOf(req.language, agency.name), action: SiteURL.adminAgency(agency.code).path,
                    fields: Self.agencyFields(isNew: false, parents: try await parents(req.db), req.language),
                    values: values, problems: problems, submit: UIText.save(req.language), viewer: req.staffViewer), status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                .update, .agency, id: agency.code, agency: agency.code, by: user.username, before: Audit.json(before),
                after: Audit.json(AgencyForm.values(of: agency, parentCode: form.parent)), on: db)
        }
        return req.redirect(to: SiteURL.adminAgency(agency.code).path)
    }
}

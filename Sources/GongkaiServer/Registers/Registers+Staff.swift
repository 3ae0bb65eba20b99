import Fluent
import Gongkai
import Plot
import Vapor

/// The registers of table 二 (licences, other services, penalties, compulsory measures, fees, procurement) per
/// year: typed in, or imported from CSV — a file with any bad line is refused whole, each bad line named.
struct RegisterController {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffRegisters, use: show)
        signedIn.post(.staffRegistersSave, use: save)
        signedIn.post(.staffRegistersImport, bodyLimit: "2mb", use: importCSV)
    }

    /// The register's year: from the form when one is posted, else `?year=`, else last year; bounded either way.
    private func year(_ req: Request) throws -> Int {
        if req.method == .POST, let posted = try? req.content.get(String.self, at: "year"), !posted.isEmpty {
            return try Request.bounded(posted, name: "year", in: ParameterBounds.year)
        }
        return try req.yearQuery() ?? (req.today.year - 1)
    }

    func show(_ req: Request) async throws -> Response {
        let (_, agency) = try await req.ownAgency(writing: false)
        return try await page(req, agency: agency, year: try year(req), problems: [], status: .ok)
    }

    private func page(_ req: Request, agency: AgencyRecord, year: Int, problems: [Said], status: HTTPResponseStatus) async throws -> Response {
        let records = try await RegisterRecord.query(on: req.db).filter(\.$agency.$id == agency.id!).filter(\.$year == year).all()
        let byKind = Dictionary(records.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        let viewer = req.staffViewer
        let l = viewer.language
        let html = Views.page(
            title: UIText.registersOf(l, agency.name, year), viewer: viewer,
            .if(
                !problems.isEmpty,
                .section(
                    .class("notice"), .attribute(named: "role", value: "alert"),
                    .p(.text(UIText.linesToCorrect(l, problems.count))),
                    .ul(.forEach(problems) { .li(.text($0(l))) }))),
            .form(
                .method(.post), .action(SiteURL.staffRegistersSave.path), StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .table(
                    .tr(
                        .th(.text(UIText.kind(l))), .th(.text(UIText.previousCount(l))), .th(.text(UIText.change(l))),
                        .th(.text(UIText.decisionCount(l))), .th(.text(UIText.procurementCount(l))),
                        .th(.text(UIText.amountTenThousand(l)))),
                    .forEach(ReportFacts.RegisterKind.allCases) { kind in
                        let r = byKind[kind.rawValue]
                        return .tr(
                            .td(.text(kind.label(l))),
                            .forEach([
                                ("previousCount", r.map { String($0.previousCount) } ?? "0"), ("change", r.map { String($0.change) } ?? "0"),
                                ("decisions", r.map { String($0.decisions) } ?? "0"), ("count", r.map { String($0.count) } ?? "0"),
                                ("amount", r?.amount ?? "0"),
                            ]) { field, value in
                                .td(
                                    .input(
                                        .type(.text), .name("\(kind.rawValue).\(field)"), .value(Views.attr(value)),
                                        .attribute(named: "aria-label", value: "\(kind.label(l)) \(field)")))
                            }
                        )
                    }
                ),
                .button(.type(.submit), .text(UIText.save(l)))
            ),
            .h2(.text(UIText.importCSV(l))),
            .p(
                .text(UIText.csvHeader(l)), .code(.attribute(named: "lang", value: "zh-CN"), .text(RegisterCSV.header)),
                .text(UIText.csvLines(l))),
            .form(
                .method(.post), .action(SiteURL.staffRegistersImport.path), .enctype(.multipartData), StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .label(.attribute(named: "for", value: "file"), .text(UIText.csvFile(l))),
                .input(.type(.file), .name("file"), .id("file")),
                .button(.type(.submit), .text(UIText.importIt(l)))
            )
        )
        return PageRenderer.render(html, status: status)
    }

    private func store(_ lines: [RegisterLine], agency: AgencyRecord, actor: String, on db: any Database) async throws {
        try await db.transaction { db in
            for line in lines {
                let record =
                    try await RegisterRecord.query(on: db).filter(\.$agency.$id == agency.id!).filter(\.$year == line.year).filter(
                        \.$kind == line.kind.rawValue
                    ).first()
                    ?? {
                        let r = RegisterRecord()
                        r.$agency.id = agency.id!
                        r.year = line.year
                        r.kind = line.kind.rawValue
                        return r
                    }()
                let before =
                    record.id == nil
                    ? nil
                    : Audit.json([
                        "previousCount": String(record.previousCount), "change": String(record.change), "decisions": String(record.decisions),
                        "count": String(record.count), "amount": record.amount,
                    ])
                record.previousCount = line.register.previousCount
                record.change = line.register.change
                record.decisions = line.register.decisions
                record.count = line.register.count
                record.amount = NSDecimalNumber(decimal: line.register.amount).stringValue
                try await record.save(on: db)
                try await Audit.record(
                    .register, .register, id: "\(line.year)/\(line.kind.rawValue)", agency: agency.code, by: actor, before: before,
                    after: Audit.json([
                        "previousCount": String(record.previousCount), "change": String(record.change), "decisions": String(record.decisions),
                        "count": String(record.count), "amount": record.amount,
                    ]), on: db)
            }
        }
    }

    func save(_ req: Request) async throws -> Response {
        let (user, agency) = try await req.ownAgency(writing: true)
        let year = try year(req)
        // The form is checked by the same rules as a CSV file.
        var csv = ["year,kind,previous_count,change,decisions,count,amount"]
        for kind in ReportFacts.RegisterKind.allCases {
            let cells = ["previousCount", "change", "decisions", "count", "amount"].map {
                (try? req.content.get(String.self, at: "\(kind.rawValue).\($0)")) ?? ""
            }
            csv.append(([String(year), kind.rawValue] + cells.map { $0.replacingOccurrences(of: ",", with: "") }).joined(separator: ","))
        }
        let lines: [RegisterLine]
        do {
            lines = try RegisterCSV.parse(csv.joined(separator: "\n"))
        } catch {
            let kinds = Dictionary(uniqueKeysWithValues: ReportFacts.RegisterKind.allCases.enumerated().map { ($0.offset + 2, $0.element) })
            let problems = error.problems.map { problem in
                Said(
                    zh: "\(kinds[problem.line]?.label ?? "")：\(problem.text(.zh))",
                    en: "\(kinds[problem.line]?.label(.en) ?? ""): \(problem.text(.en))")
            }
            return try await page(req, agency: agency, year: year, problems: problems, status: .unprocessableEntity)
        }
        try await store(lines, agency: agency, actor: user.username, on: req.db)
        return req.redirect(to: SiteURL.staffRegisters(year: year).path)
    }

    struct Upload: Content {
        var file: File?
    }

    func importCSV(_ req: Request) async throws -> Response {
        let (user, agency) = try await req.ownAgency(writing: true)
        let upload = try req.decodeBody(Upload.self)
        let year = try year(req)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await page(req, agency: agency, year: year, problems: [UIText.chooseCSV.said()], status: .unprocessableEntity)
        }
        guard let text = String(data: Data(buffer: file.data), encoding: .utf8) else {
            return try await page(req, agency: agency, year: year, problems: [UIText.notUTF8.said(file.filename)], status: .unprocessableEntity)
        }
        let lines: [RegisterLine]
        do {
            lines = try RegisterCSV.parse(text)
        } catch {
            return try await page(
                req, agency: agency, year: year,
                problems: error.problems.map { line in
                    Said(
                        zh: UIText.csvLineProblem(.zh, file.filename, line.line, line.text(.zh)),
                        en: UIText.csvLineProblem(.en, file.filename, line.line, line.text(.en)))
                },
                status: .unprocessableEntity)
        }
        try await store(lines, agency: agency, actor: user.username, on: req.db)
        return req.redirect(to: SiteURL.staffRegisters(year: year).path)
    }
}

extension Request {
    /// The signed-in member of staff and their own agency, whose registers and training log they keep; `writing`
    /// only for the disclosure office (第四十七条).
    func ownAgency(writing: Bool) async throws -> (StaffUser, AgencyRecord) {
        let user = try requireStaff()
        guard let id = user.agencyID, let agency = try await AgencyRecord.find(id, on: db) else {
            throw Refused(.forbidden, .noOwnAgency)
        }
        if writing, !user.role.keepsOfficeRecords {
            throw Refused(.forbidden, .officeKeepsRecords)
        }
        return (user, agency)
    }
}

import Fluent
import Foundation
import Gongkai
import Plot
import Vapor

/// The self-inspection (issue 17): each agency's facts read from the records, judged by `WebsiteInspection`.
struct Inspection {
    var db: any Database

    /// One agency's findings.
    struct Result: Sendable {
        var code: String
        var name: String
        var findings: [WebsiteInspection.Finding]
        /// The agency's last link check; nil when its links were never checked.
        var links: LinkAvailability.Check?

        var vetoes: Int { findings.filter { $0.weight == .veto }.count }
        var deductions: Int { findings.filter { $0.weight == .deduction }.count }
    }

    /// The findings of each of `agencies` as of `today`.
    func inspect(_ agencies: [AgencyRecord], today: Day) async throws -> [Result] {
        let statuses = try await AnnualReports(db: db).statuses(of: agencies, year: today.year - 1, today: today)
        let checks = try await LinkAvailability.last(of: agencies.map(\.code), on: db)
        var results: [Result] = []
        for (agency, status) in zip(agencies, statuses) {
            var facts = try await facts(of: agency, today: today, report: status)
            let links = checks[agency.code]
            facts.brokenLinks = (links?.broken ?? []).map { ($0.page, $0.link, $0.problem, $0.others) }
            results.append(Result(code: agency.code, name: agency.name, findings: WebsiteInspection.inspect(facts), links: links))
        }
        return results
    }

    private func facts(
        of agency: AgencyRecord, today: Day, report: (agency: AgencyRecord, status: AnnualReports.Status, due: Day, published: String?)
    ) async throws -> WebsiteInspection.Facts {
        let id = try agency.requireID()
        // Every item ever published: its column and the day (withdrawn and superseded ones were published too).
        let published = try await ItemRecord.query(on: db).filter(\.$agency.$id == id).filter(\.$publishedOn != nil)
            .field(\.$id).field(\.$category.$id).field(\.$publishedOn).field(\.$daysLate).field(\.$indexNumber).field(\.$title).all()
        var last: [UUID: Day] = [:]
        for item in published {
            guard let day = item.publishedOn.flatMap(Day.init(iso:)) else { continue }
            last[item.$category.id] = max(last[item.$category.id] ?? day, day)
        }
        // NB: the guide's and the reports' columns show the guide and the published reports, whatever items they hold;
        // the guide's parts and the report's deadline are checked on their own below.
        let categories = try await CategoryRecord.query(on: db).filter(\.$agency.$id == id).sort(\.$position).all()
            .filter { !["第十二条", "第五十条"].contains($0.article) }
        let columns = categories.map { category in
            WebsiteInspection.Column(
                name: category.name, kind: .of(name: category.name), lastPublished: category.id.flatMap { last[$0] })
        }
        let unanswered = try await ComplaintRecord.query(on: db).filter(\.$agency.$id == id).filter(\.$handledOn == nil).all()
            .compactMap { complaint in Day(iso: complaint.receivedOn).map { (number: complaint.number, received: $0) } }
        let yearAgo = today.adding(days: -365).iso
        let late = published.filter { $0.daysLate > 0 && ($0.publishedOn ?? "") >= yearAgo }
            .map { (index: $0.indexNumber, title: $0.title, days: $0.daysLate) }
        // 第十二条: what the guide must give.
        let guideParts: [(String, String)] = [
            ("公开指南正文（分类、编排体系、获取方式）", agency.guide), ("工作机构名称", agency.disclosureOffice), ("办公地址", agency.address),
            ("办公时间", agency.officeHours), ("联系电话", agency.phone),
        ]
        return WebsiteInspection.Facts(
            today: today, lastPublished: last.values.max(), columns: columns, unanswered: unanswered, hasChannel: true,
            reportOverdue: report.status == .overdue ? (today.year - 1, report.due) : nil, late: late,
            guideMissing: guideParts.filter { $0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0))
    }
}

extension Operator {
    /// What an agency's last link check covered (its broken links are among the findings).
    public struct LinkSummary: Sendable, Encodable {
        public var checkedAt: String
        public var pages: Int
        public var links: Int
        public var broken: Int
        public var externalChecked: Int
        public var externalUnchecked: Int
    }

    /// The self-inspection of every agency (or the one with `code`) as of today, for `gongkai inspect`; with
    /// `checkLinks`, each agency's links are checked first and the check kept.
    public static func inspect(
        _ configuration: ServerConfiguration, agency code: String?, checkLinks: Bool = false
    ) async throws -> [(
        code: String, name: String, findings: [WebsiteInspection.Finding], links: LinkSummary?
    )] {
        try await withDatabase(configuration) { app in
            var query = AgencyRecord.query(on: app.db).sort(\.$position)
            if let code { query = query.filter(\.$code == code) }
            let agencies = try await query.all()
            if let code, agencies.isEmpty { throw Failure("no agency has the code \(code)") }
            if checkLinks {
                let outbound = try await SiteSettings.load(on: app.db).outboundLinkChecks
                for agency in agencies {
                    let check = await LinkAvailability(app: app).check(agency: agency.code, outbound: outbound)
                    try await LinkAvailability.save(check, agency: agency.code, on: app.db)
                }
            }
            return try await Inspection(db: app.db).inspect(agencies, today: app.fixedToday ?? Day.today(at: Date()))
                .map { result in
                    let links = result.links.map {
                        LinkSummary(
                            checkedAt: $0.checkedAt, pages: $0.pages, links: $0.links, broken: $0.broken.count, externalChecked: $0.externalChecked,
                            externalUnchecked: $0.externalUnchecked)
                    }
                    return (result.code, result.name, result.findings, links)
                }
        }
    }
}

/// `/staff/inspection`: the district's agencies side by side, or one agency's findings with where to fix each.
struct InspectionStaff {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.staffInspection, use: page)
        routes.post(.staffInspection, use: checkLinks)
    }

    /// Checks the links of the agency chosen (one the user may read) now, and shows its inspection again.
    func checkLinks(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        guard let code = try req.queryText("agency"),
            let agency = try await AgencyRecord.query(on: req.db).filter(\.$code == code).first(), agency.id.map(access.canRead) ?? false
        else { throw Refused(.notFound, .noAgencyCoded, (try? req.queryText("agency"))??.prefix(40) ?? "") }
        let check = await LinkAvailability(app: req.application).check(
            agency: agency.code, outbound: req.application.siteSettings.outboundLinkChecks, budget: LinkAvailability.pageBudget)
        try await LinkAvailability.save(check, agency: agency.code, on: req.db)
        return req.redirect(to: SiteURL.staffInspection(agency: agency.code).path)
    }

    func page(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        var agencies = try await AgencyRecord.query(on: req.db).sort(\.$position).all().filter { $0.id.map(access.canRead) ?? false }
        let chosen = try req.queryText("agency")
        if let chosen {
            agencies = agencies.filter { $0.code == chosen }
            guard !agencies.isEmpty else { throw Refused(.notFound, .noAgencyCoded, chosen.prefix(40)) }
        }
        let results = try await Inspection(db: req.db).inspect(agencies, today: req.today)
        return PageRenderer.render(
            InspectionViews.page(
                results, detailed: chosen != nil || results.count == 1, role: user.role, viewer: req.staffViewer))
    }
}

enum InspectionViews {
    static func page(_ results: [Inspection.Result], detailed: Bool, role: StaffRole, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.inspectionTitle(l), viewer: viewer,
            .p(.text(UIText.inspectionSource(l, WebsiteInspection.source))),
            detailed
                ? .forEach(results) { agency(result: $0, role: role, viewer: viewer) }
                : .div(
                    .class("table-box"),
                    .table(
                        .tr(
                            .th(.text(UIText.agency(l))), .th(.text(UIText.inspectionVeto(l))), .th(.text(UIText.inspectionDeduction(l))),
                            .th(.text(UIText.checkerOutcome(l)))),
                        .forEach(results) { result in
                            .tr(
                                .td(.a(.href(Views.attr(SiteURL.staffInspection(agency: result.code).path)), .text(result.name))),
                                .td(.class("n"), .text(String(result.vetoes))), .td(.class("n"), .text(String(result.deductions))),
                                result.vetoes > 0
                                    ? .td(.class("error"), .text(UIText.inspectionFails(l, result.vetoes)))
                                    : .td(.text(UIText.inspectionPasses(l, result.deductions))))
                        }))
        )
    }

    private static func agency(result: Inspection.Result, role: StaffRole, viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        return .section(
            .h2(.text(result.name)),
            result.vetoes > 0
                ? .p(.class("error"), .text(UIText.inspectionFails(l, result.vetoes)))
                : .p(.class("ok"), .text(UIText.inspectionPasses(l, result.deductions))),
            links(result, viewer: viewer),
            result.findings.isEmpty
                ? .p(.text(UIText.inspectionNone(l)))
                : .div(
                    .class("table-box"),
                    .table(
                        .class("findings"),
                        .tr(
                            .th(.text(UIText.inspectionIndicator(l))), .th(.text(UIText.inspectionWeight(l))),
                            .th(.text(UIText.inspectionThreshold(l))), .th(.text(UIText.inspectionEvidence(l))), .th(.text(UIText.inspectionFix(l)))),
                        // NB: the indicators' names, thresholds and evidence are the document's Chinese.
                        .forEach(result.findings) { finding in
                            .tr(
                                .td(.attribute(named: "lang", value: "zh-CN"), .text(finding.indicator)),
                                finding.weight == .veto
                                    ? .td(.class("error"), .text(UIText.inspectionVeto(l))) : .td(.text(UIText.inspectionDeduction(l))),
                                .td(.attribute(named: "lang", value: "zh-CN"), .text(finding.threshold)),
                                .td(.attribute(named: "lang", value: "zh-CN"), .text(finding.evidence)),
                                .td(
                                    .unwrap(finding.fix.flatMap { fix(for: $0, code: result.code, role: role) }) {
                                        .a(.href(Views.attr($0)), .text(UIText.inspectionGoFix(l)))
                                    }))
                        }))
        )
    }

    /// What the last link check found in numbers (its broken links are findings), and the button to check now.
    private static func links(_ result: Inspection.Result, viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        return .div(
            .class("links-check"),
            .unwrap(
                result.links,
                { check in
                    .p(
                        .id("links-status"),
                        .text(
                            ([UIText.linksChecked(l, Self.time(check.checkedAt), check.pages, check.links, check.broken.count)]
                                + (check.externalChecked > 0 ? [UIText.linksExternalChecked(l, check.externalChecked)] : [])
                                + (check.externalUnchecked > 0 ? [UIText.linksExternalNotChecked(l, check.externalUnchecked)] : [])
                                + (check.limitReached ? [UIText.linksLimitReached(l, LinkAvailability.pageLimit)] : [])
                                + (check.stoppedAfter.map { [UIText.linksStoppedByTime(l, $0)] } ?? [])
                                + ((check.externalOverLimit ?? 0) > 0
                                    ? [UIText.linksExternalOverLimit(l, LinkAvailability.externalLimit, check.externalOverLimit ?? 0)] : []))
                                // NB: Chinese sentences end in 「。」 and need no space between them.
                                .joined(separator: l == .zh ? "" : " ")))
                }, else: .p(.id("links-status"), .text(UIText.linksNotChecked(l)))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.staffInspection(agency: result.code).path)), .class("noprint"),
                StaffViews.csrf(viewer),
                .button(.type(.submit), .text(UIText.linksCheckNow(l))), .text(" "), .span(.class("hint"), .text(UIText.linksCheckHint(l))))
        )
    }

    /// A check's time as China's clock reads it (`2026-12-07 20:15`).
    static func time(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Where a finding is fixed, for staff who can fix it (a supervisor reads only).
    static func fix(for fix: WebsiteInspection.Fix, code: String, role: StaffRole) -> String? {
        let isAdministrator = role == .administrator
        guard role != .supervisor else { return nil }
        return switch fix {
        case .publish, .column: SiteURL.staffNewItem.path
        case .complaint: SiteURL.staffComplaints.path
        case .report(let year): SiteURL.staffReport(code, year).path
        case .item(let index): SiteURL.search(query: index).path
        case .guide: isAdministrator ? SiteURL.adminAgency(code).path : SiteURL.guide(code).path
        // An item's page is fixed on the item; any other page is opened to see the link.
        case .page(let page):
            page.split(separator: "/").drop { $0 != "items" }.dropFirst().first.flatMap { UUID(uuidString: String($0)) }
                .map { SiteURL.staffItem($0).path } ?? page
        }
    }
}

import Fluent
import Gongkai
import Vapor

/// Drafting, checking and publishing an agency's annual report; the district roll-up for supervisors.
struct AnnualReportStaffController {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffReports, use: overview)
        signedIn.get(.staffReportTrends, use: trends)
        signedIn.get(.staffReport, use: show)
        signedIn.post(.staffReportSave, use: save)
        signedIn.post(.staffReportPublish, use: publish)
    }

    private func year(_ req: Request, default value: Int) throws -> Int {
        let year = req.parameters.get("year") != nil ? try req.yearPath() : try req.yearQuery() ?? value
        guard (2008...2100).contains(year) else { throw BadParameter(name: "year", problem: UIText.noReportsBefore2008.said(year)) }
        return year
    }

    /// Officers, office heads and administrators write the report; everyone else who reads the agency reads it.
    private func canWrite(_ user: StaffUser) -> Bool { user.role.keepsOfficeRecords }

    private func agency(_ req: Request, _ access: Access) async throws -> AgencyRecord {
        let code = req.parameters.get("code") ?? ""
        guard let agency = try await AgencyRecord.query(on: req.db).filter(\.$code == code).first(), access.canRead(agency: agency.id!) else {
            throw Refused(.notFound, .agencyNotReadable, code)
        }
        return agency
    }

    /// The year's reports of every agency this account reads: status against the deadline, the district's summed
    /// tables, and every arithmetic finding.
    func overview(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        let year = try year(req, default: req.today.year - 1)
        var query = AgencyRecord.query(on: req.db).administrative().sort(\.$position)
        if let readable = access.readableAgencies { query = query.filter(\.$id ~~ Array(readable)) }
        let (rows, sum) = try await AnnualReports(db: req.db).rollup(try await query.all(), year: year, today: req.today)
        return PageRenderer.render(AnnualReportViews.rollup(year: year, rows: rows, sum: sum, viewer: req.staffViewer))
    }

    /// The reports of every agency this account reads, year by year since the 2019 revision took effect: how many were
    /// published, how many are overdue, and the district's totals of tables 三 and 四 — each year the roll-up's own sums.
    func trends(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        var query = AgencyRecord.query(on: req.db).administrative().sort(\.$position)
        if let readable = access.readableAgencies { query = query.filter(\.$id ~~ Array(readable)) }
        let agencies = try await query.all()
        let service = AnnualReports(db: req.db)
        var years: [AnnualReportViews.TrendYear] = []
        for year in 2019..<max(req.today.year, 2020) {
            let (rows, sum) = try await service.rollup(agencies, year: year, today: req.today)
            years.append(AnnualReportViews.TrendYear(year: year, rows: rows, sum: sum))
        }
        return PageRenderer.render(AnnualReportViews.trends(years, agencies: agencies.count, viewer: req.staffViewer))
    }

    func show(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        let agency = try await agency(req, access)
        let year = try year(req, default: req.today.year - 1)
        return try await page(req, user: user, access: access, agency: agency, year: year, problem: nil, status: .ok)
    }

    private func page(
        _ req: Request, user: StaffUser, access: Access, agency: AgencyRecord, year: Int, problem: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let service = AnnualReports(db: req.db)
        let generated = try await service.draft(agency: agency, year: year)
        let (state, due, versions) = try await service.status(agency: agency, year: year, today: req.today)
        let published = versions.filter { $0.version >= 1 }
        var changes: [(Int, [String])] = []
        for (old, new) in zip(published, published.dropFirst()) {
            changes.append((new.version, ReportDiff.differences(from: try AnnualReports.decode(old), to: try AnnualReports.decode(new))))
        }
        let applications = try await ApplicationRecord.query(on: req.db).filter(\.$agency.$id == agency.id!).field(\.$id).field(\.$trackingNumber)
            .all()
        let links = Dictionary(applications.map { ($0.trackingNumber, SiteURL.staffApplication($0.id!).path) }, uniquingKeysWith: { a, _ in a })
        return PageRenderer.render(
            AnnualReportViews.draft(
                agency: AgencyRef(agency), year: year, generated: generated, status: state, due: due,
                published: published.map(AnnualReports.PublishedVersion.init), changes: changes,
                links: links, canWrite: canWrite(user) && access.canWrite(agency: agency.id!), problem: problem, viewer: req.staffViewer),
            status: status)
    }

    func save(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        let agency = try await agency(req, access)
        guard canWrite(user), access.canWrite(agency: agency.id!) else { throw Refused(.forbidden, .readOnlyReports) }
        let year = try year(req, default: req.today.year - 1)
        var sections: [Int: String] = [:]
        for number in 1...6 { if let text = try? req.content.get(String.self, at: "section\(number)") { sections[number] = text } }
        try await AnnualReports(db: req.db).saveDraft(agency: agency, year: year, sections: sections, by: user.username)
        return req.redirect(to: SiteURL.staffReport(agency.code, year).path)
    }

    func publish(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        let agency = try await agency(req, access)
        guard canWrite(user), access.canWrite(agency: agency.id!) else { throw Refused(.forbidden, .cannotPublishReports) }
        let year = try year(req, default: req.today.year - 1)
        do {
            try await AnnualReports(db: req.db).publish(agency: agency, year: year, by: user.username, today: req.today)
        } catch let refusal as AnnualReports.Unbalanced {
            return try await page(req, user: user, access: access, agency: agency, year: year, problem: refusal.said(req.language), status: .conflict)
        }
        return req.redirect(to: SiteURL.staffReport(agency.code, year).path)
    }
}

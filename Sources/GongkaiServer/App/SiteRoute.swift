import Foundation
import Vapor

/// Every path the server answers, as a pattern: handlers are registered with these (`routes.get(.item, use: …)`) and
/// `SiteURL` fills them in to build links, so a link and the route it leads to cannot drift apart. A test checks
/// both ways: every case is registered, and every registered route is a case.
enum SiteRoute: CaseIterable, Sendable {
    // The portal.
    case home, agency, guide, catalogue, item, attachment, notices, reports, annualReport, annualReportDownload, feed
    case search, sitemap, apply, applicationStatus, applicationLetter, complaints, reportCheck
    // Operations.
    case healthz, metrics, stylesheet, emblem
    // The back office.
    case staffHome, staffLogin, staffLogout, staffAudit
    case staffNewItem, staffItem, staffEditItem, staffItemAction, staffAttachments, staffNewVersion, staffPrivacy, staffInspection
    case staffApplications, staffNewApplication, staffApplication, staffApplicationCompose, staffApplicationMove
    case staffApplicationLetter, staffApplicationReviews, staffApplicationReview, staffApplicationPublish, staffApplicationReassess
    case staffApplicationForm
    case staffReports, staffReport, staffReportSave, staffReportPublish, staffReportTrends
    case staffRegisters, staffRegistersSave, staffRegistersImport, staffTrainings, staffReviewCases, staffComplaints, staffComplaint
    case admin, adminSite, adminSiteEmblem, adminNewAgency, adminAgency, adminCategories, adminCategory, adminNewAccount, adminAccount,
        adminAccountToken
    // The API.
    case apiOpenAPI, apiAgencies, apiAgency, apiAgencyCategories, apiItems, apiItem, apiItemActions, apiSearch
    case apiAgencyApplications, apiApplicationStatus, apiApplications, apiApplication, apiApplicationMoves, apiReportCheck

    /// The path's segments; `:name` is a parameter, read by the handler as `req.parameters.get("name")`.
    var segments: [String] {
        switch self {
        case .home: []
        case .agency: ["a", ":code"]
        case .guide: ["a", ":code", "guide"]
        case .catalogue: ["a", ":code", "catalogue"]
        case .item: ["a", ":code", "items", ":id"]
        case .attachment: ["a", ":code", "items", ":id", "files", ":file"]
        case .notices: ["a", ":code", "notices"]
        case .reports: ["a", ":code", "reports"]
        case .annualReport: ["a", ":code", "reports", ":year"]
        case .annualReportDownload: ["a", ":code", "reports", ":year", "download"]
        case .feed: ["a", ":code", "feed.atom"]
        case .search: ["search"]
        case .sitemap: ["sitemap.xml"]
        case .apply: ["a", ":code", "apply"]
        case .applicationStatus: ["status"]
        case .applicationLetter: ["status", "letter"]
        case .complaints: ["a", ":code", "complaints"]
        case .reportCheck: ["tools", "report-check"]
        case .healthz: ["healthz"]
        case .metrics: ["metrics"]
        case .stylesheet: ["assets", "site.css"]
        case .emblem: ["assets", "emblem"]
        case .staffHome: ["staff"]
        case .staffLogin: ["staff", "login"]
        case .staffLogout: ["staff", "logout"]
        case .staffAudit: ["staff", "audit"]
        case .staffNewItem: ["staff", "items", "new"]
        case .staffItem: ["staff", "items", ":id"]
        case .staffEditItem: ["staff", "items", ":id", "edit"]
        case .staffItemAction: ["staff", "items", ":id", "action"]
        case .staffAttachments: ["staff", "items", ":id", "attachments"]
        case .staffNewVersion: ["staff", "items", ":id", "new-version"]
        case .staffPrivacy: ["staff", "privacy"]
        case .staffInspection: ["staff", "inspection"]
        case .staffApplications: ["staff", "applications"]
        case .staffNewApplication: ["staff", "applications", "new"]
        case .staffApplication: ["staff", "applications", ":id"]
        case .staffApplicationCompose: ["staff", "applications", ":id", "compose"]
        case .staffApplicationMove: ["staff", "applications", ":id", "move"]
        case .staffApplicationLetter: ["staff", "applications", ":id", "letters", ":letter"]
        case .staffApplicationReviews: ["staff", "applications", ":id", "reviews"]
        case .staffApplicationReview: ["staff", "applications", ":id", "reviews", ":review"]
        case .staffApplicationPublish: ["staff", "applications", ":id", "publish"]
        case .staffApplicationReassess: ["staff", "applications", ":id", "reassess"]
        case .staffApplicationForm: ["staff", "applications", ":id", "form"]
        case .staffReports: ["staff", "reports"]
        case .staffReport: ["staff", "reports", ":code", ":year"]
        case .staffReportTrends: ["staff", "reports", "trends"]
        case .staffReportSave: ["staff", "reports", ":code", ":year", "save"]
        case .staffReportPublish: ["staff", "reports", ":code", ":year", "publish"]
        case .staffRegisters: ["staff", "registers"]
        case .staffRegistersSave: ["staff", "registers", "save"]
        case .staffRegistersImport: ["staff", "registers", "import"]
        case .staffTrainings: ["staff", "trainings"]
        case .staffReviewCases: ["staff", "reviews"]
        case .staffComplaints: ["staff", "complaints"]
        case .staffComplaint: ["staff", "complaints", ":id"]
        case .admin: ["staff", "admin"]
        case .adminSite: ["staff", "admin", "site"]
        case .adminSiteEmblem: ["staff", "admin", "site", "emblem"]
        case .adminNewAgency: ["staff", "admin", "agencies", "new"]
        case .adminAgency: ["staff", "admin", "agencies", ":code"]
        case .adminCategories: ["staff", "admin", "agencies", ":code", "categories"]
        case .adminCategory: ["staff", "admin", "agencies", ":code", "categories", ":id"]
        case .adminNewAccount: ["staff", "admin", "accounts", "new"]
        case .adminAccount: ["staff", "admin", "accounts", ":id"]
        case .adminAccountToken: ["staff", "admin", "accounts", ":id", "token"]
        case .apiOpenAPI: ["api", "v1", "openapi.json"]
        case .apiAgencies: ["api", "v1", "agencies"]
        case .apiAgency: ["api", "v1", "agencies", ":code"]
        case .apiAgencyCategories: ["api", "v1", "agencies", ":code", "categories"]
        case .apiItems: ["api", "v1", "items"]
        case .apiItem: ["api", "v1", "items", ":id"]
        case .apiItemActions: ["api", "v1", "items", ":id", "actions"]
        case .apiSearch: ["api", "v1", "search"]
        case .apiAgencyApplications: ["api", "v1", "agencies", ":code", "applications"]
        case .apiApplicationStatus: ["api", "v1", "application-status"]
        case .apiApplications: ["api", "v1", "applications"]
        case .apiApplication: ["api", "v1", "applications", ":id"]
        case .apiApplicationMoves: ["api", "v1", "applications", ":id", "moves"]
        case .apiReportCheck: ["api", "v1", "report-check"]
        }
    }

    /// The pattern as Vapor registers it.
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }

    /// The pattern as OpenAPI writes it: `/api/v1/items/{id}`.
    var openAPIPath: String {
        "/" + segments.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    /// The path with `values` put in for the parameters, in order, each percent-encoded as one segment. A missing
    /// value leaves its segment empty (the route then answers 404; every case is tested to fill all of its own).
    func path(_ values: [String]) -> String {
        var remaining = values[...]
        let filled = segments.map { segment -> String in
            guard segment.hasPrefix(":") else { return segment }
            let value = remaining.popFirst() ?? ""
            return value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value
        }
        return "/" + filled.joined(separator: "/")
    }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
}

extension RoutesBuilder {
    /// Registers `closure` for GET on `route`.
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.pathComponents, use: closure)
    }

    /// Registers `closure` for POST on `route`, its body collected up to the forms' limit.
    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.pathComponents, use: closure)
    }

    /// Registers `closure` for POST on `route`, whose body may be up to `limit`; the CSRF check collects it within
    /// the same limit.
    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, bodyLimit limit: ByteCount, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let registered = on(.POST, route.pathComponents, body: .collect(maxSize: limit), use: closure)
        BodyLimit.set(limit, on: registered)
        return registered
    }
}

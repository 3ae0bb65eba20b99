import Foundation
import Testing
import Vapor

@testable import GongkaiServer

/// Links and routes come from one table: every `SiteRoute` is registered, nothing is registered outside it, and every
/// `SiteURL` leads to the route it names, with each of its parameters filled.
@Suite struct SiteURLTests {
    static let code = "11500106009208537T"
    static let id = UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E9F-A0B1C2D3E4F5")!
    static let other = UUID(uuidString: "0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9")!

    /// One URL of each `SiteURL` case; the test fails when a route has none.
    static let examples: [SiteURL] = [
        .home, .reportCheck, .apiReportCheck, .staffPrivacy, .staffInspection(agency: code), .emblem(version: "0123456789abcdef"), .adminSiteEmblem,
        .agency(code), .guide(code),
        .catalogue(code, category: id, year: 2024, page: 3),
        .item(code, id),
        .attachment(code, id, other), .notices(code), .reports(code), .feed(code),
        .search(query: "低保 名单", agency: code, category: id, year: 2024, page: 2), .sitemap, .healthz, .metrics, .stylesheet,
        .staffHome, .staffLogin, .staffLogout, .staffNewItem, .staffItem(id), .staffEditItem(id), .staffItemAction(id),
        .staffAttachments(id), .staffNewVersion(id), .staffAudit, .admin, .adminSite, .annualReport(code, 2024, version: 2),
        .annualReportDownload(code, 2024, format: "csv", version: 1), .apply(code), .applicationStatus, .applicationLetter, .complaints(code),
        .staffApplications(view: "overdue", sort: "due", order: "desc", officer: "张 三"), .staffNewApplication, .staffApplication(id),
        .staffApplicationCompose(id, move: "answer"),
        .staffApplicationMove(id), .staffApplicationLetter(id, other), .staffApplicationForm(id), .staffApplicationReviews(id),
        .staffApplicationReview(id, other),
        .staffApplicationPublish(id), .staffApplicationReassess(id), .staffComplaints, .staffComplaint(id), .staffTrainings, .staffReviewCases,
        .staffRegisters(year: 2024),
        .staffRegistersSave, .staffRegistersImport, .staffReports(year: 2024), .staffReportTrends, .staffReport(code, 2024),
        .staffReportSave(code, 2024),
        .staffReportPublish(code, 2024), .adminNewAgency, .adminAgency(code), .adminCategories(code), .adminCategory(code, id),
        .adminNewAccount, .adminAccount(id), .adminAccountToken(id), .apiOpenAPI, .apiAgencies, .apiAgency(code),
        .apiAgencyCategories(code), .apiItems, .apiItem(id), .apiItemActions(id), .apiSearch(query: "低保"),
        .apiAgencyApplications(code), .apiApplicationStatus, .apiApplications, .apiApplication(id), .apiApplicationMoves(id),
    ]

    @Test func everyRouteIsRegistered_andEveryRegisteredRouteIsInTheTable() async throws {
        try await withServer { app, _ in
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            let table = Set(SiteRoute.allCases.map { "/" + $0.segments.joined(separator: "/") })
            #expect(table.subtracting(registered).isEmpty, "in SiteRoute but never registered: \(table.subtracting(registered).sorted())")
            #expect(registered.subtracting(table).isEmpty, "registered outside SiteRoute: \(registered.subtracting(table).sorted())")
            #expect(table.count == SiteRoute.allCases.count, "two SiteRoute cases share a pattern")
        }
    }

    @Test func everySiteURL_leadsToItsRoute_withEveryParameterFilled() {
        #expect(Set(Self.examples.map(\.route)) == Set(SiteRoute.allCases), "a SiteRoute without an example SiteURL")
        let router = TrieRouter<SiteRoute>()
        // NB: the trie takes no empty path; the home page is "/" and is checked apart.
        for route in SiteRoute.allCases where !route.segments.isEmpty { router.register(route, at: route.pathComponents) }
        #expect(SiteURL.home.path == "/")
        for url in Self.examples where url.route != .home {
            let path = String(url.path.split(separator: "?", maxSplits: 1).first ?? "")
            let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            var parameters = Parameters()
            let found = router.route(path: segments, parameters: &parameters)
            #expect(found == url.route, "\(url.path) leads to \(String(describing: found)), not \(url.route)")
            for name in url.route.segments where name.hasPrefix(":") {
                #expect(parameters.get(String(name.dropFirst()))?.isEmpty == false, "\(url.path) leaves \(name) empty")
            }
        }
    }

    @Test func parametersAreEncodedAsOneSegment_andQueriesAreKeptInOrder() {
        #expect(SiteURL.agency("a/b c").path == "/a/a%2Fb%20c")
        #expect(SiteURL.catalogue(Self.code, page: 1).path == "/a/\(Self.code)/catalogue")
        #expect(
            SiteURL.search(query: "低保", page: 2).path == "/search?q=%E4%BD%8E%E4%BF%9D&page=2")
        #expect(SiteRoute.apiApplicationMoves.openAPIPath == "/api/v1/applications/{id}/moves")
        #expect(SiteURL.staffReports(year: nil).path == "/staff/reports")
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// The back office as a place to work (issue 16, part 4): a navigation by role, and the 工作台 counting what needs the
/// user today, each count the length of the list it links to.
@Suite struct DeskTests {
    /// A tile as the desk draws it: its class, where it leads, the count and what is counted.
    static func tile(_ count: Int, _ label: String, to link: String, urgent: Bool = false) -> String {
        let kind = urgent ? "tile urgent" : (count == 0 ? "tile none" : "tile")
        return "<a class=\"\(kind)\" href=\"\(link)\"><strong>\(count)</strong><span>\(label)</span></a>"
    }

    @Test func theDeskCountsWhatIsDueOnTheStatutoryClock() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, officer in
            try await officer.signIn("lianfang-officer")
            // Received in September: long past its 20 working days. Late October: due within 5 working days of the
            // 20th of November. Yesterday: weeks to go.
            let late = try await ApplicationTests.register(officer, received: "2026-09-01")
            let soon = try await ApplicationTests.register(officer, received: "2026-10-26")
            _ = try await ApplicationTests.register(officer, received: "2026-11-19")
            let desk = try await officer.get(SiteURL.staffHome.path).body.string
            let overdue = SiteURL.staffApplications(view: "overdue").path, dueSoon = SiteURL.staffApplications(view: "due-soon").path
            #expect(desk.contains(Self.tile(1, "已逾期", to: Views.attr(overdue), urgent: true)))
            #expect(desk.contains(Self.tile(1, "5个工作日内到期", to: Views.attr(dueSoon))))
            #expect(desk.contains(Self.tile(0, "待确认收到", to: Views.attr(SiteURL.staffApplications(view: "unconfirmed").path))))
            // Each count is the length of the list it links to.
            let overdueList = try await officer.get(overdue).body.string
            let soonList = try await officer.get(dueSoon).body.string
            let numbers = try await ApplicationRecord.query(on: app.db).all().reduce(into: [UUID: String]()) {
                $0[try $1.requireID()] = $1.trackingNumber
            }
            let (lateNumber, soonNumber) = (try #require(numbers[late]), try #require(numbers[soon]))
            #expect(overdueList.contains(lateNumber) && !overdueList.contains(soonNumber))
            #expect(soonList.contains(soonNumber) && !soonList.contains(lateNumber))
            // 联芳's report on 2025 was due on 2026-01-31 and is not published: one report overdue.
            #expect(desk.contains(Self.tile(1, "到期或逾期未公布的年度报告（第四十九条）", to: SiteURL.staffReports().path, urgent: true)))
            // An officer handles applications: the catalogue's counts are not on the desk.
            #expect(!desk.contains("信息·待审核"))
        }
    }

    @Test func theReviewerSeesWhatWaitsForReview() async throws {
        try await withServer(demo: true) { app, reviewer in
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let item = try #require(try await ItemRecord.query(on: app.db).filter(\.$agency.$id == agency.requireID()).first())
            try await reviewer.signIn("lianfang-reviewer")
            let before = try await reviewer.get(SiteURL.staffHome.path).body.string
            let waiting = try await ItemRecord.query(on: app.db).filter(\.$agency.$id == agency.requireID()).filter(\.$state == "submitted").count()
            #expect(before.contains(Self.tile(waiting, "信息·待审核", to: "#items")))
            item.state = PublicationState.submitted.rawValue
            try await item.save(on: app.db)
            let after = try await reviewer.get(SiteURL.staffHome.path).body.string
            #expect(after.contains(Self.tile(waiting + 1, "信息·待审核", to: "#items")))
            #expect(after.contains("id=\"items\""))
        }
    }

    @Test func theNavigationIsByRoleAndMarksWhereOneIs() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            let desk = try await admin.get(SiteURL.staffHome.path).body.string
            #expect(desk.contains("aria-label=\"后台导航\""))
            #expect(desk.contains("href=\"\(SiteURL.staffHome.path)\" aria-current=\"page\">工作台"))
            for link in [SiteURL.admin, .adminSite, .staffAudit] { #expect(desk.contains("href=\"\(link.path)\">")) }
            let site = try await admin.get(SiteURL.adminSite.path).body.string
            #expect(site.contains("href=\"\(SiteURL.adminSite.path)\" aria-current=\"page\""))
            #expect(!site.contains("href=\"\(SiteURL.admin.path)\" aria-current"), "only the closest section is marked")
            #expect(!site.contains("href=\"\(SiteURL.staffHome.path)\" aria-current"))
            let list = try await admin.get(SiteURL.staffApplications(view: "overdue").path).body.string
            #expect(list.contains("href=\"\(SiteURL.staffApplications().path)\" aria-current=\"page\""))

            let supervisor = TestClient(app: app, passwords: admin.passwords)
            try await supervisor.signIn("district-supervisor")
            let read = try await supervisor.get(SiteURL.staffHome.path).body.string
            #expect(!read.contains("href=\"\(SiteURL.staffAudit.path)\"") && !read.contains("href=\"\(SiteURL.adminSite.path)\""))
            #expect(read.contains("href=\"\(SiteURL.staffReviewCases.path)\""))
        }
    }

    @Test func theCurrentSectionIsTheClosestFolder() {
        let paths = ["/staff", "/staff/applications", "/staff/admin", "/staff/admin/site"]
        #expect(StaffViews.current(paths, address: "/staff") == "/staff")
        #expect(StaffViews.current(paths, address: "/staff/applications/1234?x=1") == "/staff/applications")
        #expect(StaffViews.current(paths, address: "/staff/admin/site") == "/staff/admin/site")
        #expect(StaffViews.current(paths, address: "/staff/admin/agencies/x") == "/staff/admin")
        #expect(StaffViews.current(paths, address: "/staff/applicationsx") == "/staff")
        #expect(StaffViews.current(paths, address: "/other") == nil)
        #expect(StaffViews.current(paths, address: nil) == nil)
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// Defects a person met in Chromium (issue 12), each asserted where the page is made.
@Suite struct PersonDefectsTests {
    @Test func eachAccountIsOfferedOnlyWhatItsRoleMayDo() async throws {
        try await withServer(demo: true) { app, supervisor in
            try await supervisor.signIn("district-supervisor")
            let home = try await supervisor.get(SiteURL.staffHome.path).body.string
            #expect(!home.contains("href=\"\(SiteURL.staffNewItem.path)\""), "a read-only supervisor is offered 起草公开信息")
            #expect(home.contains("href=\"\(SiteURL.staffApplications().path)\""))
            let applications = try await supervisor.get(SiteURL.staffApplications().path).body.string
            #expect(!applications.contains("href=\"\(SiteURL.staffNewApplication.path)\""), "a read-only supervisor is offered 登记申请")

            let officer = TestClient(app: app, passwords: supervisor.passwords)
            try await officer.signIn("lianfang-officer")
            #expect(try await officer.get(SiteURL.staffApplications().path).body.string.contains("href=\"\(SiteURL.staffNewApplication.path)\""))
            #expect(!(try await officer.get(SiteURL.staffHome.path).body.string.contains("href=\"\(SiteURL.staffNewItem.path)\"")))

            let editor = TestClient(app: app, passwords: supervisor.passwords)
            try await editor.signIn("lianfang-editor")
            let desk = try await editor.get(SiteURL.staffHome.path).body.string
            #expect(desk.contains("href=\"\(SiteURL.staffNewItem.path)\""))
            #expect(!desk.contains("href=\"\(SiteURL.staffApplications().path)\""), "an editor is offered 依申请公开, which answers 403")
        }
    }

    @Test func theDeskListsTheOnlineApplicationWaitingForConfirmation() async throws {
        try await withServer(demo: true) { app, officer in
            let portal = TestClient(app: app, passwords: [:])
            let made = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: ApplicationTests.form(), csrf: false)
            #expect(made.status == .created)
            let record = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$status == .submitted).first())
            try await officer.signIn("lianfang-officer")
            let desk = try await officer.get(SiteURL.staffHome.path).body.string
            #expect(desk.contains("待确认收到的网上申请（1件）"))
            #expect(desk.contains("href=\"\(SiteURL.staffApplication(record.id!).path)\">\(record.trackingNumber)</a>"))
            // Once confirmed it leaves the list.
            try await ApplicationTests.move(officer, record.id!, [("move", "confirm"), ("date", "2026-11-20")])
            #expect(!(try await officer.get(SiteURL.staffHome.path).body.string.contains("待确认收到的网上申请")))
        }
    }

    @Test func aCommunityLinksToItsSubdistrictsApplicationForm() async throws {
        try await withServer(demo: true) { _, client in
            let community = "11500106L0001"
            let page = try await client.get(SiteURL.agency(community).path).body.string
            #expect(!page.contains("href=\"\(SiteURL.apply(community).path)\""), "a community links to an application page that is a 404")
            #expect(page.contains("href=\"\(SiteURL.apply(DemoSeed.lianfangCode).path)\""))
            #expect(try await client.get(SiteURL.apply(DemoSeed.lianfangCode).path).status == .ok)
        }
    }

    @Test func theReportsPageDoesNotSayNoneUnderItsReports() async throws {
        try await withServer(demo: true) { _, client in
            let page = try await client.get(SiteURL.reports(DemoSeed.lianfangCode).path).body.string
            #expect(page.contains("2019年政府信息公开工作年度报告"))
            #expect(!page.contains("暂无信息"))
            // An agency with nothing published still says so.
            let empty = try await client.get(SiteURL.reports("11500106L0002").path).body.string
            #expect(empty.contains("暂无信息"))
        }
    }

    @Test func theSkipLinkShowsOnFocusAndInvalidFieldsSaySo() async throws {
        try await withServer(demo: true) { _, client in
            let home = try await client.get(SiteURL.home.path).body.string
            #expect(home.contains("class=\"skip noprint\""))
            #expect(home.contains(SiteURL.stylesheet.path))
            #expect(try await client.get(SiteURL.stylesheet.path).body.string.contains(".skip:focus { left: 1em; }"))
            // The form before any error: no field is invalid, and nothing points at a message that is not there.
            let form = try await client.get(SiteURL.apply(DemoSeed.lianfangCode).path).body.string
            #expect(!form.contains("aria-invalid"))
            #expect(!form.contains("aria-describedby=\"idNumber-error\""))
            let bad = try await client.post(
                SiteURL.apply(DemoSeed.lianfangCode).path, form: ApplicationTests.form(idNumber: "110105194912310021"), csrf: false)
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("aria-invalid=\"true\" aria-describedby=\"idNumber-error\""))
            #expect(page.contains("id=\"idNumber-error\""))
            // Every id that a field points at exists on the page.
            for match in page.matches(of: /aria-describedby="([^"]+)"/) {
                #expect(page.contains("id=\"\(match.output.1)\""), "aria-describedby=\(match.output.1) points at nothing")
            }
            #expect(page.matches(of: /aria-invalid="true"/).count == 1)
        }
    }

    @Test func aProvisionalDeadlineIsExplainedInChinese() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-12-21")!) { _, officer in
            try await officer.signIn("lianfang-officer")
            // Received 2026-12-18: the 20 working days run into 2027, whose holidays are not yet published.
            let id = try await ApplicationTests.register(officer, received: "2026-12-18")
            let page = try await officer.get(SiteURL.staffApplication(id).path).body.string
            #expect(page.contains("2027年的节假日安排尚未公布，暂按周一至周五计算"))
            #expect(!page.contains("Monday"))
            #expect(page.components(separatedBy: "节假日安排尚未公布").count == 2, "the warning is shown once")
        }
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// The self-inspection on the demo district: an agency made stale on purpose shows each finding with its evidence and
/// where to fix it; the district's supervisor sees every agency side by side.
@Suite struct InspectionTests {
    @Test func anAgencyMadeStaleShowsEachFindingWithItsEvidence() async throws {
        try await withServer(demo: true) { app, client in
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            try await client.signIn("lianfang-editor")
            let before = try await client.get(SiteURL.staffInspection().path).body.string
            let unanswered = before.contains("互动回应差")
            #expect(!unanswered)

            // Stale on purpose: a message left unanswered for four months, nothing published for a month, a guide part left empty.
            let complaint = ComplaintRecord()
            complaint.$agency.id = try agency.requireID()
            complaint.number = "TS2026-9999"
            complaint.receivedOn = "2026-07-15"
            complaint.content = "反映联芳社区公开栏长期未更新"
            complaint.name = ""
            complaint.contact = "13800000000"
            complaint.handling = ""
            try await complaint.save(on: app.db)
            for item in try await ItemRecord.query(on: app.db).filter(\.$agency.$id == agency.requireID()).filter(\.$publishedOn >= "2026-10-20")
                .all()
            {
                item.publishedOn = "2026-10-19"
                try await item.save(on: app.db)
            }
            agency.officeHours = ""
            try await agency.save(on: app.db)

            let page = try await client.get(SiteURL.staffInspection().path).body.string
            let home = page.contains("最近一次发布为2026-10-19，已32天")
            #expect(home, "the home's last publication and its age")
            let message = page.contains("TS2026-9999于2026-07-15收到，至今无办理记录")
            #expect(message)
            let guide = page.contains("缺少：办公时间")
            #expect(guide)
            let fails = page.contains("不合格：")
            #expect(fails)
            let fix = page.contains("href=\"\(SiteURL.staffComplaints.path)\">去整改</a>")
            #expect(fix)
            // 单项否决 come first.
            let veto = try #require(page.range(of: "<td class=\"error\">单项否决</td>"))
            let deduction = try #require(page.range(of: "<td>扣分项</td>"))
            #expect(veto.lowerBound < deduction.lowerBound)
            #expect(!page.contains("「政府信息公开指南和制度」"), "the guide's column shows the guide")
        }
    }

    @Test func theSupervisorSeesTheDistrict_andEachAgencyByItsLink() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("district-supervisor")
            let page = try await client.get(SiteURL.staffInspection().path).body.string
            let agencies = try await AgencyRecord.query(on: app.db).all()
            for agency in agencies {
                let linked = page.contains("href=\"\(SiteURL.staffInspection(agency: agency.code).path)\"")
                #expect(linked, "\(agency.name) is listed")
            }
            let one = try await client.get(SiteURL.staffInspection(agency: DemoSeed.lianfangCode).path)
            #expect(one.status == .ok)
            #expect(one.body.string.contains("<h2>重庆市沙坪坝区联芳街道办事处</h2>"))
            #expect(!one.body.string.contains("去整改"), "a supervisor, who reads only, is not sent to fix")
            #expect(try await client.get(SiteURL.staffInspection(agency: "NOSUCHCODE").path).status == .notFound)
            // An editor reads only their own agency.
            let editor = TestClient(app: app, passwords: client.passwords)
            try await editor.signIn("lianfang-editor")
            let other = try #require(agencies.first { $0.code != DemoSeed.lianfangCode })
            #expect(try await editor.get(SiteURL.staffInspection(agency: other.code).path).status == .notFound)
        }
    }
}

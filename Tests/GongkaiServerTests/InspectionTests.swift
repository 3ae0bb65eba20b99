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

    /// 链接可用性: a link planted in an item's text to a page that does not exist is found by following the agency's
    /// pages; a link to another site is "not checked" until the administrator allows outbound checks, and then found.
    @Test func theLinkCheckFindsALinkThatDoesNotOpen_andSaysWhatItDidNotCheck() async throws {
        try await withServer(demo: true) { app, client in
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let item = try #require(
                try await ItemRecord.query(on: app.db).filter(\.$agency.$id == agency.requireID())
                    .filter(\.$state == PublicationState.published.rawValue).sort(\.$publishedOn, .descending).first())
            let itemID = try item.requireID()
            let gone = SiteURL.item(agency.code, UUID()).path
            item.body += "\n详见 \(app.siteAddress.base)\(gone) 和 http://127.0.0.1:9/gone。"
            try await item.save(on: app.db)
            let shown = try await client.get(SiteURL.item(agency.code, itemID).path).body.string
            let linked = shown.contains("<a href=\"http://127.0.0.1:9/gone\" rel=\"noopener noreferrer\">http://127.0.0.1:9/gone</a>。")
            #expect(linked, "an address in the text is a link, the full stop after it is not")

            try await client.signIn("lianfang-editor")
            let path = SiteURL.staffInspection(agency: agency.code).path
            let before = try await client.get(path).body.string
            let notChecked = before.contains("链接可用性：尚未检查。")
            #expect(notChecked)
            #expect(try await client.post(path, form: []).status == .seeOther)
            let after = try await client.get(path).body.string
            let found = after.contains("页面 \(SiteURL.item(agency.code, itemID).path) 上的链接 \(gone)：HTTP 404")
            #expect(found, "the dead link, the page it is on, and what happened")
            let fix = after.contains("href=\"\(SiteURL.staffItem(itemID).path)\">去整改</a>")
            #expect(fix, "fixed on the item")
            let external = after.contains("外部链接1个未检查（管理员未允许对外检查）")
            #expect(external)
            let notOpened = after.contains("127.0.0.1:9/gone：")
            #expect(!notOpened, "a link elsewhere is not opened without leave")
            let counted = after.contains("个链接，1个无法打开")
            #expect(counted)

            // The administrator allows outbound checks: the link elsewhere is opened, and fails.
            let admin = TestClient(app: app, passwords: client.passwords)
            try await admin.signIn("admin")
            let settings = try await admin.get(SiteURL.adminSite.path).body.string
            let box = settings.contains("name=\"outbound\"")
            #expect(box)
            #expect(try await admin.post(SiteURL.adminSite.path, form: [("outbound", "on")]).status == .seeOther)
            #expect(try await client.post(path, form: []).status == .seeOther)
            let allowed = try await client.get(path).body.string
            let refused = allowed.contains("上的链接 http://127.0.0.1:9/gone：无法连接")
            #expect(refused)
            let stillUnchecked = allowed.contains("未检查（管理员未允许对外检查）")
            #expect(!stillUnchecked)

            // Fixed, checked again: nothing left.
            item.body = item.body.replacingOccurrences(of: "\(app.siteAddress.base)\(gone)", with: "")
                .replacingOccurrences(of: "http://127.0.0.1:9/gone", with: "")
            try await item.save(on: app.db)
            #expect(try await client.post(path, form: []).status == .seeOther)
            let clean = try await client.get(path).body.string
            let none = clean.contains("网站可用性（链接可用性）")
            #expect(!none)
            // Out of time, a check stops reading pages and says so.
            let stopped = await LinkAvailability(app: app).check(agency: agency.code, outbound: false, budget: .zero)
            #expect(stopped.stoppedAfter == 0 && stopped.pages == 0)
            try await LinkAvailability.save(stopped, agency: agency.code, on: app.db)
            let cut = try await client.get(path).body.string
            let said = cut.contains("本次检查在0秒后停止，其余页面和外部链接未检查")
            #expect(said)
            // Another agency's links are not this editor's to check.
            let other = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code != agency.code).first())
            #expect(try await client.post(SiteURL.staffInspection(agency: other.code).path, form: []).status == .notFound)
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

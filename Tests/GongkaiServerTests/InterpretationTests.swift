import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// 政策解读 (issue 16): an interpretation names its policy by 索引号, and once both are published each page links to the
/// other.
@Suite struct InterpretationTests {
    @Test func aPolicyAndItsInterpretationLinkBothWays() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let reading = try #require(
                try await ItemRecord.query(on: app.db).filter(\.$title == "《关于调整2026年城乡低保标准的通知》政策解读").with(\.$agency).first())
            let policy = try #require(
                try await ItemRecord.query(on: app.db).filter(\.$title == "关于调整2026年城乡低保标准的通知").with(\.$agency).first())
            #expect(reading.interprets == policy.indexNumber)
            let readingPath = SiteURL.item(reading.agency.code, try reading.requireID()).path
            let policyPath = SiteURL.item(policy.agency.code, try policy.requireID()).path
            let readingPage = try await client.get(readingPath).body.string
            #expect(readingPage.contains("本文是对以下政策的解读：<a href=\"\(policyPath)\">《关于调整2026年城乡低保标准的通知》</a>"))
            let policyPage = try await client.get(policyPath).body.string
            #expect(policyPage.contains("<h2>政策解读</h2>") && policyPage.contains("<a href=\"\(readingPath)\">《关于调整2026年城乡低保标准的通知》政策解读</a>"))
            // The API names them both ways too.
            let readingJSON = try await client.get(SiteURL.apiItem(try reading.requireID()).path).content.decode(ItemDTO.self)
            #expect(readingJSON.interprets == policy.indexNumber)
            #expect(readingJSON.policy?.id == policy.id && readingJSON.policy?.url.hasSuffix(policyPath) == true)
            let policyJSON = try await client.get(SiteURL.apiItem(try policy.requireID()).path).content.decode(ItemDTO.self)
            let readingID = try reading.requireID()
            #expect(policyJSON.policy == nil && policyJSON.interpretations?.map(\.id) == [readingID])
            // Withdrawn, the interpretation is no longer linked from the policy.
            reading.state = PublicationState.withdrawn.rawValue
            try await reading.save(on: app.db)
            #expect(!(try await client.get(policyPath).body.string.contains("<h2>政策解读</h2>")))
        }
    }

    @Test func theEditorNamesAPublishedPolicyOrIsToldWhatIsWrong() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, editor in
            let id = try await StaffTests.draft(app, editor)
            let item = try #require(try await ItemRecord.find(id, on: app.db))
            let category = try await StaffTests.category(app, agency: DemoSeed.lianfangCode)
            let path = SiteURL.staffEditItem(id).path
            try await editor.get(path)
            let missing = try await editor.post(path, form: StaffTests.draftForm(category) + [("interprets", "11500106009208537T/2099-00001")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("没有索引号为 11500106009208537T/2099-00001 的已发布信息"))
            let itself = try await editor.post(path, form: StaffTests.draftForm(category) + [("interprets", item.indexNumber)])
            #expect(itself.status == .unprocessableEntity && itself.body.string.contains("一条信息不能解读它自己"))
            let policy = try #require(
                try await ItemRecord.query(on: app.db).filter(\.$state == PublicationState.published.rawValue).filter(\.$title ~~ "工作要点").first())
            let saved = try await editor.post(path, form: StaffTests.draftForm(category) + [("interprets", " \(policy.indexNumber) ")])
            #expect(saved.status == .seeOther)
            #expect(try await ItemRecord.find(id, on: app.db)?.interprets == policy.indexNumber)
            #expect(try await editor.get(path).body.string.contains("value=\"\(Views.attr(policy.indexNumber))\""), "the edit form keeps it")
        }
    }
}

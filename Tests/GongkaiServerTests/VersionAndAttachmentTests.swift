import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct VersionAndAttachmentTests {
    static func multipart(_ client: TestClient, path: String, filename: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        let boundary = "gongkai-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(client.csrf ?? "")\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await client.send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// Takes a draft through review and publication, as the editor and the reviewer.
    static func publish(_ app: Application, _ editor: TestClient, _ reviewer: TestClient, _ id: UUID) async throws {
        try await editor.get(SiteURL.staffItem(id).path)
        #expect(try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")]).status == .seeOther)
        try await reviewer.get(SiteURL.staffItem(id).path)
        #expect(
            try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")]).status
                == .seeOther)
        #expect(try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")]).status == .seeOther)
    }

    @Test func attachment_isStoredWithItsChecksumAndServedOncePublished() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await StaffTests.draft(app, editor)
            try await editor.get(SiteURL.staffItem(id).path)
            let pdf = Array("%PDF-1.4\n公示名单\n%%EOF\n".utf8)
            #expect(
                try await Self.multipart(editor, path: SiteURL.staffAttachments(id).path, filename: "名单.pdf", bytes: pdf).status
                    == .seeOther)
            try await editor.get(SiteURL.staffItem(id).path)
            let refused = try await Self.multipart(
                editor, path: SiteURL.staffAttachments(id).path, filename: "setup.exe", bytes: [0x4D, 0x5A])
            #expect(refused.status == .unsupportedMediaType)
            #expect(refused.body.string.contains("setup.exe"))
            let stored = try #require(try await AttachmentRecord.query(on: app.db).filter(\.$item.$id == id).first())
            #expect(stored.sha256 == SHA256.hash(data: Data(pdf)).hex)
            #expect(stored.contentType == "application/pdf")
            let path = SiteURL.attachment(DemoSeed.lianfangCode, id, stored.id!).path
            let portal = TestClient(app: app, passwords: [:])
            #expect(try await portal.get(path).status == .notFound)  // not while it is a draft

            let reviewer = TestClient(app: app, passwords: editor.passwords)
            try await reviewer.signIn("lianfang-reviewer")
            try await Self.publish(app, editor, reviewer, id)
            let download = try await portal.get(path)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == pdf)
            #expect(download.headers.first(name: "X-Content-SHA256") == stored.sha256)
            // Issue 16: the item page lists the file with its type and size, and gives its own address to share.
            let page = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path).body.string
            #expect(page.contains(">名单.pdf</a><span class=\"date\">PDF · 1 KB</span>"), "\(page)")
            #expect(page.contains("本页链接（可复制分享）：") && page.contains(">http://127.0.0.1:8080\(SiteURL.item(DemoSeed.lianfangCode, id).path)</a>"))
            #expect(try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path).body.string.contains("名单.pdf"))

            // Issue 14: withdrawn, the item keeps only its catalogue entry, marked withdrawn with the day (410); its
            // text and its files are no longer served.
            try await reviewer.get(SiteURL.staffItem(id).path)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "withdraw"), ("reason", "名单有误，撤回核实")]).status
                    == .seeOther)
            let withdrawn = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path)
            #expect(withdrawn.status == .gone)
            #expect(withdrawn.body.string.contains("撤回，原文及附件不再公开") && withdrawn.body.string.contains("关于2026年第四季度临时救助对象的公示"))
            #expect(!withdrawn.body.string.contains("拟对以下对象给予临时救助") && !withdrawn.body.string.contains("名单.pdf"))
            #expect(try await portal.get(path).status == .notFound)
        }
    }

    @Test func attachment_overTheSizeLimitIsRefused() async throws {
        try await withServer(demo: true) { app, client in
            let item = try #require(try await ItemRecord.query(on: app.db).filter(\.$state == "published").first())
            item.state = PublicationState.draft.rawValue
            let editor = try StaffUser(try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first()))
            await #expect(throws: (any Error).self) {
                _ = try await Catalogue(db: app.db, calendar: .official).attach(
                    filename: "big.pdf", data: Data(count: Catalogue.attachmentMaxBytes + 1), to: item, by: editor)
            }
            #expect(try await AttachmentRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func newVersion_keepsTheIndexNumberAndSupersedesTheOldOneOnPublication() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await StaffTests.draft(app, editor, title: "第一版标题")
            let reviewer = TestClient(app: app, passwords: editor.passwords)
            try await reviewer.signIn("lianfang-reviewer")
            try await Self.publish(app, editor, reviewer, id)
            try await editor.get(SiteURL.staffItem(id).path)
            let made = try await editor.post(SiteURL.staffNewVersion(id).path, form: [])
            #expect(made.status == .seeOther)
            let newID = try #require(made.headers.first(name: .location).flatMap { UUID(uuidString: String($0.split(separator: "/").last!)) })
            try await editor.get(SiteURL.staffEditItem(newID).path)
            var form = StaffTests.draftForm(try await StaffTests.category(app, agency: DemoSeed.lianfangCode), title: "第二版标题")
            form.removeAll { $0.0 == "writtenOn" }
            form.append(("writtenOn", "2026-11-18"))
            // A new version says when the information changed (第二十六条 counts from that day).
            form.append(("changedOn", "2026-11-18"))
            #expect(try await editor.post(SiteURL.staffEditItem(newID).path, form: form).status == .seeOther)
            // The old version is still the public one until the new one is published.
            let old = try #require(try await ItemRecord.find(id, on: app.db))
            #expect(old.state == "published")
            try await Self.publish(app, editor, reviewer, newID)
            let oldAfter = try #require(try await ItemRecord.find(id, on: app.db))
            let newAfter = try #require(try await ItemRecord.find(newID, on: app.db))
            #expect(oldAfter.state == "superseded")
            #expect(newAfter.state == "published")
            #expect(newAfter.indexNumber == oldAfter.indexNumber)
            #expect(newAfter.version == 2)
            let portal = TestClient(app: app, passwords: [:])
            let oldPage = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path)
            #expect(oldPage.status == .ok)  // published versions stay readable
            #expect(oldPage.body.string.contains("已被新版本替代"))
            let newPage = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, newID).path)
            #expect(newPage.body.string.contains("第1版"))
            #expect(newPage.body.string.contains("第2版"))
            let list = try await portal.get(SiteURL.apiItems.path + "?agency=\(DemoSeed.lianfangCode)&year=2026").content.decode(
                ListPage<ItemDTO>.self)
            #expect(!list.items.contains { $0.title == "第一版标题" })

            // Issue 14: the current version withdrawn for cause takes its earlier versions' text with it.
            try await reviewer.get(SiteURL.staffItem(newID).path)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(newID).path, form: [("action", "withdraw"), ("reason", "含有个人信息，撤回")]).status
                    == .seeOther)
            let oldWithdrawn = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path)
            #expect(oldWithdrawn.status == .gone)
            #expect(oldWithdrawn.body.string.contains("撤回，原文及附件不再公开"))
            let body = try #require(try await ItemRecord.find(id, on: app.db)).body
            #expect(!oldWithdrawn.body.string.contains(ReportWriter.escape(String(body.prefix(20)))), "the earlier version's text is still shown")
        }
    }
}

import Crypto
import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// The privacy guard before approval: personal data in an item's text or attachments blocks approval until it is masked
/// or the reviewer gives a reason; the audit log records kinds and places, never the number; what is masked is nowhere
/// public afterwards; a retro-scan lists what is already published.
@Suite struct PrivacyGuardTests {
    static let id = "11010519491231002X"
    static let phone = "13912345678"
    static let body = """
        经社区评议、街道审核，拟将下列家庭纳入城乡低保保障范围，现予公示（索引号11500106009208537T/2026-00031，沙联办发〔2026〕12号）。
        1. 吴*德，土湾社区，家庭人口2人，保障金额1,260.00元，身份证号\(id)，联系电话\(phone)
        2. 王*芳，联芳社区，家庭人口3人，保障金额1,890.00元
        公示时间：2026年11月18日至2026年11月25日。
        """

    /// A draft with `body`, submitted for review by the lianfang editor; the reviewer signed in on its page.
    static func submitted(
        _ app: Application, _ editor: TestClient, body: String = body, title: String = "联芳街道2026年第四季度城乡低保对象公示"
    )
        async throws -> (UUID, TestClient)
    {
        try await editor.signIn("lianfang-editor")
        try await editor.get(SiteURL.staffNewItem.path)
        var form = StaffTests.draftForm(try await StaffTests.category(app, agency: DemoSeed.lianfangCode), title: title)
        form = form.map { $0.0 == "body" ? ("body", body) : $0 }
        let created = try await editor.post(SiteURL.staffNewItem.path, form: form)
        let id = try #require(
            created.headers.first(name: .location).flatMap { $0.split(separator: "/").last }.flatMap { UUID(uuidString: String($0)) })
        try await editor.get(SiteURL.staffItem(id).path)
        #expect(try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")]).status == .seeOther)
        let reviewer = TestClient(app: app, passwords: editor.passwords)
        try await reviewer.signIn("lianfang-reviewer")
        try await reviewer.get(SiteURL.staffItem(id).path)
        return (id, reviewer)
    }

    @Test func foundDataBlocksApproval_maskingClearsIt_andNothingPublicKeepsTheNumbers() async throws {
        try await withServer(demo: true) { app, editor in
            let (id, reviewer) = try await Self.submitted(app, editor)
            let page = try await reviewer.get(SiteURL.staffItem(id).path).body.string
            let shown = page.contains("正文第2行第38字：居民身份证号码（遮盖为「110105********002X」）") && page.contains("手机号码（遮盖为「139****5678」）")
            #expect(shown, "the findings are listed where they are")
            let boxes = page.contains("name=\"privacyReason\"") && page.contains("<input type=\"hidden\" name=\"action\" value=\"mask\"")
            #expect(boxes)

            let refused = try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")])
            #expect(refused.status == .conflict)
            let said = refused.body.string.contains("发现个人信息，不能审核通过：")
            #expect(said)
            #expect(try await ItemRecord.find(id, on: app.db)?.state == PublicationState.submitted.rawValue)

            // One click masks the text; the audit entry names kinds and places only.
            #expect(try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "mask")]).status == .seeOther)
            let masked = try #require(try await ItemRecord.find(id, on: app.db))
            #expect(masked.body.contains("身份证号110105********002X，联系电话139****5678"))
            #expect(masked.body.contains("索引号11500106009208537T/2026-00031，沙联办发〔2026〕12号"), "codes are left alone")
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "mask-personal-data").first())
            #expect(entry.before == nil)
            #expect(entry.after?.contains("resident-id") == true && entry.after?.contains("\"line\":\"2\"") == true)
            #expect(entry.after?.contains(Self.id) == false && entry.after?.contains(Self.phone) == false)

            // Now it passes, and once published no public page, feed or search keeps the numbers.
            try await reviewer.get(SiteURL.staffItem(id).path)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")]).status
                    == .seeOther)
            #expect(try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")]).status == .seeOther)
            let anonymous = TestClient(app: app, passwords: [:])
            for path in [
                SiteURL.item(DemoSeed.lianfangCode, id).path, SiteURL.feed(DemoSeed.lianfangCode).path, SiteURL.search(query: "吴*德").path,
                SiteURL.search(query: "1391234").path, SiteURL.apiItem(id).path,
            ] {
                let text = try await anonymous.get(path).body.string
                #expect(!text.contains(Self.id) && !text.contains(Self.phone) && !text.contains("49123100"), "\(path) keeps a number")
            }
            let portal = try await anonymous.get(SiteURL.item(DemoSeed.lianfangCode, id).path).body.string
            #expect(portal.contains("110105********002X"))
        }
    }

    @Test func aReasonLetsTheReviewerApprove_andTheLogKeepsTheReasonNotTheNumber() async throws {
        try await withServer(demo: true) { app, editor in
            let (id, reviewer) = try await Self.submitted(app, editor)
            let reason = "本条为依申请人同意公开的本人联系方式，经法制审核可以公开。"
            let approved = try await reviewer.post(
                SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on"), ("privacyReason", reason)])
            #expect(approved.status == .seeOther)
            #expect(try await ItemRecord.find(id, on: app.db)?.state == PublicationState.approved.rawValue)
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "privacy-override").first())
            #expect(entry.actor == "lianfang-reviewer")
            let after = entry.after ?? ""
            #expect(after.contains(reason) && after.contains("\"kind\":\"resident-id\"") && after.contains("\"kind\":\"mobile\""))
            #expect(!after.contains(Self.id) && !after.contains(Self.phone))
        }
    }

    @Test func attachmentsAreScanned_andWhatCannotBeReadIsNotCheckedNotClean() async throws {
        try await withServer(demo: true) { app, editor in
            try await editor.signIn("lianfang-editor")
            let id = try await StaffTests.draft(app, editor, title: "联芳街道2026年临时救助对象名单")
            try await editor.get(SiteURL.staffItem(id).path)
            let list = Array("序号,姓名,社区,联系电话\n1,吴*德,土湾社区,\(Self.phone)\n".utf8)
            #expect(
                try await VersionAndAttachmentTests.multipart(editor, path: SiteURL.staffAttachments(id).path, filename: "名单.txt", bytes: list).status
                    == .seeOther)
            #expect(
                try await VersionAndAttachmentTests.multipart(
                    editor, path: SiteURL.staffAttachments(id).path, filename: "名单.pdf", bytes: Self.pdf("Tel \(Self.phone)")
                ).status
                    == .seeOther)
            #expect(
                try await VersionAndAttachmentTests.multipart(
                    editor, path: SiteURL.staffAttachments(id).path, filename: "扫描件.pdf", bytes: Self.pdf(nil)
                ).status
                    == .seeOther)
            #expect(
                try await VersionAndAttachmentTests.multipart(
                    editor, path: SiteURL.staffAttachments(id).path, filename: "照片.jpg", bytes: [0xFF, 0xD8, 0xFF]
                ).status
                    == .seeOther)
            let page = try await editor.get(SiteURL.staffItem(id).path).body.string
            let text = page.contains("附件「名单.txt」第2行第12字：手机号码（遮盖为「139****5678」）")
            #expect(text)
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
                let pdf = page.contains("附件「名单.pdf」第1行第5字：手机号码")
                #expect(pdf, "a PDF's text layer is scanned")
                let scan = page.contains("附件「扫描件.pdf」未检查：PDF 没有文字层（扫描件），请人工核对")
                #expect(scan)
            } else {
                let missing = page.contains("附件「名单.pdf」未检查：本机未安装 pdftotext")
                #expect(missing)
            }
            let image = page.contains("附件「照片.jpg」未检查：无法读取此类文件的文字")
            #expect(image)
            let fix = page.contains("附件中的个人信息不能在此遮盖")
            #expect(fix)
        }
    }

    /// A Word document is read by its paragraphs (runs of one paragraph joined, as Word shows them), so its identity
    /// number is found on the line Word shows it on, and its 索引号 and office phone are not.
    @Test func aDOCXAttachmentIsReadByItsParagraphs() throws {
        let data = try ReportCheckToolTests.fixture("privacy-list.docx")
        let read = PrivacyGuard.text(of: data, named: "名单.docx")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else {
            if case .failure(let notRead) = read { #expect(notRead.said.zh.contains("unzip")) } else { Issue.record("read a DOCX without unzip") }
            return
        }
        let text = try read.get()
        #expect(text.contains("1. 吴*德，土湾社区，身份证号11010519491231002X，救助金额1,260.00元"), "\(text)")
        let found = PersonalData.scan(text)
        #expect(found.map(\.kind) == [.residentID])
        #expect(found.first?.line == 2 && found.first?.masked == "110105********002X")
    }

    /// What attachment files held is kept by their hash for the item's page, bounded: past its limit the oldest goes.
    @Test func attachmentScansForgetTheOldestPastTheirLimit() {
        let scans = AttachmentScans()
        for n in 0...AttachmentScans.limit { scans["\(n).pdf"] = .success([]) }
        scans["1.pdf"] = .success([])  // kept again: not a new entry
        #expect(scans["0.pdf"] == nil)
        #expect(scans["1.pdf"] != nil && scans["\(AttachmentScans.limit).pdf"] != nil)
    }

    @Test func theRetroScanListsPublishedItemsWithPersonalData() async throws {
        try await withServer(demo: true) { app, editor in
            let (id, reviewer) = try await Self.submitted(app, editor)
            let clean = try await reviewer.get(SiteURL.staffPrivacy.path).body.string
            #expect(clean.contains("已发布信息中未发现个人信息。"), "the demo's published lists are masked already")
            _ = try await reviewer.post(
                SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on"), ("privacyReason", "测试")])
            #expect(try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")]).status == .seeOther)
            let listed = try await reviewer.get(SiteURL.staffPrivacy.path).body.string
            let found = listed.contains("href=\"\(SiteURL.staffItem(id).path)\"") && listed.contains("正文第2行第38字：居民身份证号码")
            #expect(found)
            // An officer, who handles applications only, is not offered it.
            let officer = TestClient(app: app, passwords: editor.passwords)
            try await officer.signIn("lianfang-officer")
            #expect(!(try await officer.get(SiteURL.staffHome.path).body.string.contains(SiteURL.staffPrivacy.path)))
        }
    }

    @Test func theAPIRefusesApprovalWith409_andTakesAReason() async throws {
        try await withServer(demo: true) { app, editor in
            let (id, _) = try await Self.submitted(app, editor)
            let reviewer = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-reviewer").first())
            let token = "test-token-lianfang-reviewer"
            reviewer.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
            try await reviewer.save(on: app.db)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let refused = try await editor.send(
                .POST, SiteURL.apiItemActions(id).path, headers: headers, body: ByteBuffer(string: #"{"action":"approve","confirmedReview":true}"#))
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("居民身份证号码"))
            let approved = try await editor.send(
                .POST, SiteURL.apiItemActions(id).path, headers: headers,
                body: ByteBuffer(string: #"{"action":"approve","confirmedReview":true,"privacyReason":"经审核同意公开"}"#))
            #expect(approved.status == .ok)
        }
    }

    /// A one-page PDF whose text layer says `text`; with nil, a page with no text (as a scan has).
    static func pdf(_ text: String?) -> [UInt8] {
        let content = text.map { "BT /F1 12 Tf 10 50 Td (\($0)) Tj ET" } ?? "q Q"
        let pdf = """
            %PDF-1.4
            1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
            2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
            3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 100]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
            4 0 obj<</Length \(content.utf8.count)>>stream
            \(content)
            endstream endobj
            5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
            trailer<</Root 1 0 R>>
            %%EOF

            """
        return Array(pdf.utf8)
    }
}

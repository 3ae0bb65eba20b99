import Foundation
import Gongkai
import Testing
import Vapor

@testable import GongkaiServer

/// Forms as the network delivers them: the head first, then the body in several pieces with pauses between them,
/// to a real server process. Every form must be read whole, and a body over a route's limit gets a Chinese 413 page
/// that says the limit.
@Suite(.serialized) struct ChunkedBodyTests {
    static let pause = 0.15

    /// The `value` of the `<option>` whose text is `label`.
    static func option(_ html: String, _ label: String) -> String? {
        guard let labelRange = html.range(of: ">\(label)</option>") else { return nil }
        let before = html[..<labelRange.lowerBound]
        guard let valueRange = before.range(of: "value=\"", options: .backwards) else { return nil }
        return String(before[valueRange.upperBound...].prefix { $0 != "\"" })
    }

    static func multipart(csrf: String, filename: String, bytes: [UInt8], boundary: String = "gongkai-chunked-boundary") -> (String, [UInt8]) {
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    /// A PDF of `size` bytes (a valid header and trailer around filler), the same for every run.
    static func pdf(size: Int) -> [UInt8] {
        let head = Array("%PDF-1.4\n% 联芳街道 2026 年第四季度临时救助对象名单\n".utf8)
        let tail = Array("\n%%EOF\n".utf8)
        var filler: [UInt8] = []
        filler.reserveCapacity(size)
        var state: UInt32 = 2_026
        while filler.count < size - head.count - tail.count {
            state = state &* 1_103_515_245 &+ 12_345
            filler.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        return head + filler + tail
    }

    @Test func aLongItemAndA5MBAttachment_sentInPiecesWithPauses_areSavedAndPublished() async throws {
        try await ServerProcess.with { server, prepared in
            let editor = SocketBrowser(port: server.port)
            #expect(try await editor.signIn("lianfang-editor", password: prepared.passwords["lianfang-editor"] ?? ""))
            let form = try await editor.get(SiteURL.staffNewItem.path)
            let category = try #require(Self.option(form.text, "公示公告"), "the new-item form lists no 公示公告 category")
            // 3,000 characters of body: about 27 KB once percent-encoded, in five pieces.
            let sentence = "经社区评议、街道审核，拟将下列家庭纳入城乡低保保障范围，现予公示。公示期间如有异议，请向联芳街道社会事务办公室反映。"
            let body = String(String(repeating: sentence, count: 3_000 / sentence.count + 1).prefix(3_000))
            let created = try await editor.post(
                SiteURL.staffNewItem.path,
                form: [
                    ("categoryID", category), ("title", "关于2026年第四季度城乡低保对象的公示"), ("writtenOn", Day.today(at: Date()).iso), ("summary", "城乡低保对象公示"),
                    ("body", body), ("channels[]", "website"),
                ], pieces: 5, pause: Self.pause)
            #expect(created.status == 303, "saving a 3,000-character item sent in pieces answered \(created.status): \(created.text.prefix(300))")
            let location = try #require(created.header("Location"))
            let id = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            let shown = try await editor.get(location)
            #expect(shown.text.contains(String(body.suffix(40))), "the saved item does not show the end of its body")

            // A 5 MB PDF in twenty pieces.
            let bytes = Self.pdf(size: 5 * 1_048_576)
            let (type, upload) = Self.multipart(csrf: editor.csrf ?? "", filename: "低保对象名单.pdf", bytes: bytes)
            let attached = try await editor.send("POST", SiteURL.staffAttachments(id).path, contentType: type, body: upload, pieces: 20, pause: 0.05)
            #expect(attached.status == 303, "a 5 MB attachment sent in pieces answered \(attached.status): \(attached.text.prefix(300))")

            // Reviewed and published, the attachment is served whole from the portal.
            try await editor.get(SiteURL.staffItem(id).path)
            #expect(try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")], pieces: 2, pause: Self.pause).status == 303)
            let reviewer = SocketBrowser(port: server.port)
            #expect(try await reviewer.signIn("lianfang-reviewer", password: prepared.passwords["lianfang-reviewer"] ?? ""))
            try await reviewer.get(SiteURL.staffItem(id).path)
            #expect(
                try await reviewer.post(
                    SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")], pieces: 3, pause: Self.pause
                ).status == 303)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")], pieces: 2, pause: Self.pause).status == 303)
            let page = try await RawHTTP.exchange(port: server.port, pieces: [RawHTTP.request("GET", SiteURL.item(DemoSeed.lianfangCode, id).path)])
            #expect(page.status == 200)
            let marker = SiteURL.item(DemoSeed.lianfangCode, id).path + "/files/"
            let fileRange = try #require(page.text.range(of: marker), "the published item lists no attachment")
            let fileID = page.text[fileRange.upperBound...].prefix { $0 != "\"" }
            let file = try await RawHTTP.exchange(port: server.port, pieces: [RawHTTP.request("GET", marker + fileID)])
            #expect(file.status == 200)
            #expect(file.body.count == bytes.count)
            #expect(SHA256.hash(data: Data(file.body)) == SHA256.hash(data: Data(bytes)), "the attachment served differs from the one sent")
            #expect(server.isRunning)
        }
    }

    @Test func aLetterOf1000Characters_sentInPieces_isSentAsWritten() async throws {
        try await ServerProcess.with { server, prepared in
            let officer = SocketBrowser(port: server.port)
            #expect(try await officer.signIn("lianfang-officer", password: prepared.passwords["lianfang-officer"] ?? ""))
            let id = try #require(prepared.ids["application"])
            try await officer.get(SiteURL.staffApplication(id).path)
            #expect(
                try await officer.post(SiteURL.staffApplicationMove(id).path, form: [("move", "confirm")], pieces: 2, pause: Self.pause).status == 303
            )
            let paragraph = "你单位申请公开的“2019年联芳街道低保对象名单”属于本机关公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现予以公开。"
            let letter = String(String(repeating: paragraph, count: 1_000 / paragraph.count + 1).prefix(1_000))
            try await officer.get(SiteURL.staffApplicationCompose(id, move: "answer").path + "&result=3.1&detail=%E7%BD%91%E4%B8%8A")
            let answered = try await officer.post(
                SiteURL.staffApplicationMove(id).path,
                form: [
                    ("move", "answer"), ("result", "3.1"), ("detail", "通过网上获取"), ("date", Day.today(at: Date()).iso), ("letterTitle", "政府信息公开申请答复书"),
                    ("letterBody", letter),
                ], pieces: 6, pause: Self.pause)
            #expect(answered.status == 303, "sending a 1,000-character 答复书 in pieces answered \(answered.status): \(answered.text.prefix(300))")
            let shown = try await officer.get(SiteURL.staffApplication(id).path)
            #expect(shown.text.contains("已答复") || shown.text.contains("答复书"), "the application does not show its answer")
            let marker = SiteURL.staffApplication(id).path + "/letters/"
            let letterRange = try #require(shown.text.range(of: marker), "the application lists no letter")
            let letterID = shown.text[letterRange.upperBound...].prefix { $0 != "\"" }
            let printed = try await officer.get(marker + letterID)
            #expect(printed.text.contains(String(letter.suffix(60))), "the stored letter is not the text that was sent")
        }
    }

    @Test func bodiesOverTheLimit_getAChinese413PageThatSaysTheLimit() async throws {
        try await ServerProcess.with { server, prepared in
            let editor = SocketBrowser(port: server.port)
            #expect(try await editor.signIn("lianfang-editor", password: prepared.passwords["lianfang-editor"] ?? ""))
            try await editor.get(SiteURL.staffNewItem.path)
            let tooLong = String(repeating: "低", count: 400_000)  // 3.6 MB encoded, over the forms' 1 MB
            let refused = try await editor.post(SiteURL.staffNewItem.path, form: [("title", "过长"), ("body", tooLong)], pieces: 8, pause: 0.05)
            #expect(refused.status == 413)
            #expect(refused.text.contains("1 MB"), "the 413 page does not say the limit: \(refused.text.prefix(400))")
            #expect(HostileRequestTests.isChinesePage(refused.text))

            let item = try #require(prepared.ids["item"])
            try await editor.get(SiteURL.staffNewItem.path)
            let (type, upload) = Self.multipart(csrf: editor.csrf ?? "", filename: "过大.pdf", bytes: Self.pdf(size: 22 * 1_048_576))
            let big = try await editor.send("POST", SiteURL.staffAttachments(item).path, contentType: type, body: upload, pieces: 10, pause: 0.05)
            #expect(big.status == 413)
            #expect(big.text.contains("21 MB"), "the 413 page does not say the attachments' limit: \(big.text.prefix(400))")
            #expect(server.isRunning)
        }
    }
}

import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// The public report checker: reports pasted or uploaded are read into the official tables, every finding named by
/// its cell and marked in place; several at once give a summary; nothing needs signing in, and refusals say why.
@Suite struct ReportCheckToolTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

    /// 淮安市's 2024 report with one number changed: 属于国家秘密 for 自然人 printed 3 instead of 2.
    static func changedReport() throws -> Data {
        let text = String(decoding: try fixture("huaian-city-2024.txt"), as: UTF8.self)
        let original = " | （三）不予公开 | 1.属于国家秘密 | 2 | 0"
        #expect(text.components(separatedBy: original).count == 2)
        return Data(text.replacingOccurrences(of: original, with: " | （三）不予公开 | 1.属于国家秘密 | 3 | 0").utf8)
    }

    /// A multipart form as a browser sends it: fields, then files (an empty file part when none is chosen).
    static func multipart(text: String = "", files: [(String, Data)]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "gongkai-check-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\(text)\r\n".utf8)
        for (name, data) in files.isEmpty ? [("", Data())] : files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (["Content-Type": "multipart/form-data; boundary=\(boundary)"], ByteBuffer(data: body))
    }

    static func post(
        _ client: TestClient, _ path: String = SiteURL.reportCheck.path, text: String = "", files: [(String, Data)]
    ) async throws
        -> TestingHTTPResponse
    {
        let (headers, body) = multipart(text: text, files: files)
        return try await client.send(.POST, path, headers: headers, body: body)
    }

    @Test func theFormNeedsNoSignInAndIsLinkedFromTheReports() async throws {
        try await withServer(demo: true) { _, client in
            let page = try await client.get(SiteURL.reportCheck.path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("enctype=\"multipart/form-data\""))
            #expect(html.contains("name=\"files[]\""))
            #expect(html.contains("不作保存"))
            #expect(page.headers[.setCookie].isEmpty)
            let home = try await client.get(SiteURL.home.path).body.string
            #expect(home.contains("href=\"\(SiteURL.reportCheck.path)\""))
        }
    }

    @Test func aChangedNumberIsNamedByItsCellAndMarkedInTheTable() async throws {
        try await withServer { _, client in
            let response = try await Self.post(client, files: [("淮安市2024年报.txt", try Self.changedReport())])
            #expect(response.status == .ok)
            let html = response.body.string
            #expect(html.contains("按2021年格式读出；2024年度；淮安市人民政府"))
            #expect(html.contains("2处错误"))
            // The findings, errors first, each naming its cell and linking to it; the cells marked with their number.
            let rowTotal = html.contains("三（三）1 属于国家秘密 / 总计：总计为2，但自然人与五类法人或其他组织之和为3（相差1）")
            #expect(rowTotal)
            let expected = html.contains("（应为3，报告为2）")
            #expect(expected)
            for n in 1...2 {
                let linked = html.contains("<li id=\"r1-finding-\(n)\" class=\"error\"><strong>错误 </strong><a href=\"#r1-cell-\(n)\">")
                #expect(linked, "finding \(n) links to its cell")
            }
            let marked = html.contains("class=\"n flagged\" id=\"r1-cell-")
            #expect(marked)
            // The marked cell is the one printed wrong: 属于国家秘密's 总计, printed 2.
            let cell = try #require(html.range(of: "<td class=\"n flagged\" id=\"r1-cell-"))
            let rest = html[cell.upperBound...]
            let number = rest.prefix { $0 != "\"" }
            let finding = try #require(html.range(of: "<li id=\"r1-finding-\(number)\""))
            let findingText = html[finding.upperBound...].prefix(300)
            let consistent = findingText.contains("三（七）总计 / 自然人") || findingText.contains("三（三）1 属于国家秘密 / 总计")
            #expect(consistent)
            let rowCell = html.contains("<td>1.属于国家秘密</td><td class=\"n\">3</td>")
            #expect(rowCell, "the changed number is shown as read")
        }
    }

    @Test func theUnchangedReportIsClean() async throws {
        try await withServer { _, client in
            let html = try await Self.post(client, files: [("淮安市.txt", try Self.fixture("huaian-city-2024.txt"))]).body.string
            #expect(html.contains("勾稽关系成立"))
            #expect(!html.contains("flagged"))
        }
    }

    @Test func severalReportsGiveASummaryNamingTheUnreadable() async throws {
        try await withServer { _, client in
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
            let response = try await Self.post(
                client,
                files: [
                    ("市政府.txt", try Self.fixture("huaian-city-2024.txt")), ("洪泽区2023.txt", try Self.fixture("huaian-hongze-district-2023.txt")),
                    ("联芳GBK.txt", try Self.fixture("lianfang-2019-annual-report.gbk.txt")), ("扫描件.png", png),
                ])
            #expect(response.status == .ok)
            let html = response.body.string
            #expect(html.contains("<h2>汇总</h2>"))
            for (n, name) in ["市政府.txt", "洪泽区2023.txt", "联芳GBK.txt", "扫描件.png"].enumerated() {
                let linked = html.contains("<a href=\"#r\(n + 1)\">\(name)</a>")
                #expect(linked, "\(name) in the summary")
                let section = html.contains("<section id=\"r\(n + 1)\"")
                #expect(section)
            }
            let hongze = html.contains("<td class=\"error\">2处错误</td>")
            #expect(hongze, "洪泽区's real 2023 report has two errors")
            let gbk = html.contains("按2019年格式读出；2019年度；机关未写明")
            #expect(gbk, "a GB18030 file is read")
            let binary = html.contains("扫描件.png：无法读取：这是二进制文件而非文本（第 6 字节处有控制字符）")
            #expect(binary)
            // Each report's marks are its own: no id repeats across the page.
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test func pastedTextIsChecked_andNothingGivenOrTooMuchIsRefused() async throws {
        try await withServer { _, client in
            let pasted = String(decoding: try Self.changedReport(), as: UTF8.self)
            let html = try await Self.post(client, text: pasted, files: []).body.string
            #expect(html.contains("<h2>粘贴的文本</h2>"))
            #expect(html.contains("2处错误"))

            let empty = try await Self.post(client, text: "  \n", files: [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("请粘贴报告全文，或选择报告文件。"))

            let many = (0...ReportCheckTool.maxReports).map { ("r\($0).txt", Data("x".utf8)) }
            let tooMany = try await Self.post(client, files: many)
            #expect(tooMany.status == .unprocessableEntity)
            #expect(tooMany.body.string.contains("一次最多核对 50 份报告，本次提交了 51 份。"))

            let english = try await Self.post(client, Language.en.path(SiteURL.reportCheck.path), files: [("a.txt", Data("hello".utf8))])
            #expect(english.body.string.contains("a.txt: cannot be read: no table 2, 3 or 4 (表二、表三、表四) of an annual report was found"))
        }
    }

    @Test func theAPIAnswersInReportJSON_and422ForNoReport() async throws {
        try await withServer { _, client in
            let changed = try Self.changedReport()
            let response = try await client.send(
                .POST, SiteURL.apiReportCheck.path, headers: ["Content-Type": "text/plain; charset=utf-8"], body: ByteBuffer(data: changed))
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            let document = try JSONDecoder().decode(ReportJSON.Document.self, from: Data(response.body.readableBytesView))
            #expect(document.year == 2024)
            #expect(document.table3?["3.3.1"]?[0] == 3)
            let cells = Set(document.findings.filter { $0.severity == .error }.compactMap(\.cell))
            #expect(cells == ["三（三）1 属于国家秘密 / 总计", "三（七）总计 / 自然人"])

            let named = try await client.send(
                .POST, SiteURL.apiReportCheck.path + "?agency=" + "某某街道".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!,
                body: ByteBuffer(data: try Self.fixture("huaian-hongze-district-2024.txt")))
            let namedDocument = try JSONDecoder().decode(ReportJSON.Document.self, from: Data(named.body.readableBytesView))
            #expect(namedDocument.agency == "某某街道")

            let refused = try await client.send(.POST, SiteURL.apiReportCheck.path, body: ByteBuffer(string: "hello, world"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("未找到年度报告的表二、表三或表四"))
            let get = try await client.get(SiteURL.apiReportCheck.path)
            #expect(get.status == .methodNotAllowed)
        }
    }

    @Test func checksAreRateLimitedPerAddress() async throws {
        try await withServer { app, client in
            app.rateLimits.reportChecks.limit = 2
            app.rateLimits.reportChecks.fixedNow = 1_800_000_000
            let report = try Self.fixture("huaian-city-2024.txt")
            for _ in 0..<2 {
                #expect(try await Self.post(client, files: [("a.txt", report)]).status == .ok)
            }
            let third = try await Self.post(client, files: [("a.txt", report)])
            #expect(third.status == .tooManyRequests)
            #expect(third.headers.first(name: .retryAfter) != nil)
            let api = try await client.send(.POST, SiteURL.apiReportCheck.path, body: ByteBuffer(data: report))
            #expect(api.status == .tooManyRequests, "the form and the API count together")
        }
    }
}

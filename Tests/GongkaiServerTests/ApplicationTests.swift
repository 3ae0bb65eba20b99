import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// Applications through HTTP, on SQLite and PostgreSQL: intake, every result row, the clock's pauses, refusals,
/// privacy and cross-agency denial.
@Suite struct ApplicationTests {
    static let idNumber = "11010519491231002X"
    static let phone = "13912345678"

    static func form(
        name: String = "王测试", idType: String = "resident-id", idNumber: String = idNumber, title: String = "2026年城乡低保对象名单"
    ) -> [(String, String)] {
        [
            ("applicantType", "natural-person"), ("name", name), ("idType", idType), ("idNumber", idNumber), ("phone", phone),
            ("email", "wang@example.com"), ("address", "沙坪坝区某路1号"), ("infoTitle", title), ("infoNumber", ""), ("infoDescription", ""),
            ("formWanted", "electronic"), ("delivery", "email"),
        ]
    }

    /// An officer registers an application received in person on `received`; returns its id.
    static func register(_ client: TestClient, received: String, title: String = "2026年城乡低保对象名单") async throws -> UUID {
        try await client.get(SiteURL.staffNewApplication.path)
        let response = try await client.post(
            SiteURL.staffNewApplication.path, form: form(title: title) + [("channel", "in-person"), ("receivedOn", received)])
        #expect(response.status == .seeOther, "registering answered \(response.status): \(response.body.string.prefix(300))")
        let location = try #require(response.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last!)))
    }

    @discardableResult
    static func move(_ client: TestClient, _ id: UUID, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        try await client.get(SiteURL.staffApplication(id).path)
        return try await client.post(SiteURL.staffApplicationMove(id).path, form: fields)
    }

    /// The moves the application's page offers, in order, read from its forms.
    static func offered(_ client: TestClient, _ id: UUID) async throws -> [String] {
        let page = try await client.get(SiteURL.staffApplication(id).path).body.string
        return page.matches(of: /name="move" value="([a-z-]+)"/).map { String($0.output.1) }
    }

    /// Issue 16: the receipt says what was sent and how to follow it; the status page says the answer in plain words
    /// with its reason; an applicant who chose 网上获取 reads and prints every letter sent to them there — the number
    /// and the secret posted, never in a URL, no answer cacheable — and nobody reads another application's letter.
    @Test func anApplicantReadsTheStatusInPlainWords_andTheLettersSentToThemOnline() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let portal = TestClient(app: app, passwords: [:])
            let online = Self.form(title: "2026年第三季度城乡低保资金发放明细").map { $0.0 == "delivery" ? ($0.0, "online") : $0 }
            let made = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: online, csrf: false)
            #expect(made.status == .created)
            #expect(made.headers.first(name: .cacheControl) == "no-store")
            let receipt = made.body.string
            for shown in ["2026年第三季度城乡低保资金发放明细", "2026-11-20", "网上获取", "阅读和打印本机关发给您的告知书、答复书", "查询码只显示这一次"] {
                #expect(receipt.contains(shown), "\(shown)")
            }
            let number = try #require(receipt.firstMatch(of: /(\d{2}\w+-2026-\d{5})/).map { String($0.1) })
            let secret = try #require(receipt.firstMatch(of: /<strong>([2-9A-Z]{12})<\/strong>/).map { String($0.1) })
            let id = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$trackingNumber == number).first()?.id)

            try await client.signIn("lianfang-officer")
            #expect(try await Self.move(client, id, [("move", "confirm"), ("date", "2026-11-20")]).status == .seeOther)
            let detail = "该明细含有低保对象的家庭收入和银行账户，公开会损害其合法权益，经征求意见第三方不同意公开。"
            #expect(
                try await Self.move(client, id, [("move", "answer"), ("result", "3.3.4"), ("detail", detail), ("date", "2026-11-20")]).status
                    == .seeOther)

            let status = try await portal.post(SiteURL.applicationStatus.path, form: [("trackingNumber", number), ("secret", secret)], csrf: false)
            #expect(status.status == .ok)
            #expect(status.headers.first(name: .cacheControl) == "no-store")
            let page = status.body.string
            #expect(page.contains("已答复：不予公开"))
            #expect(page.contains("公开会对第三方合法权益造成损害") && page.contains("第十五条"))
            #expect(!page.contains("三（三）4"))
            #expect(!page.contains(Self.idNumber) && !page.contains(Self.phone))
            // Two letters went out (confirmation is not a letter; the answer is): each can be opened here.
            let letterIDs = page.matches(of: /name="letter" value="([0-9A-F-]{36})"/).map { String($0.output.1) }
            let stored = try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).filter(\.$sentOn != nil).all()
            #expect(letterIDs.count == stored.count && !stored.isEmpty)
            #expect(!page.contains("action=\"\(SiteURL.applicationLetter.path)?"))  // nothing in the URL
            let answer = try #require(stored.first { $0.body.contains(detail) })
            let read = try await portal.post(
                SiteURL.applicationLetter.path, form: [("trackingNumber", number), ("secret", secret), ("letter", answer.id!.uuidString)], csrf: false
            )
            #expect(read.status == .ok)
            #expect(read.headers.first(name: .cacheControl) == "no-store")
            #expect(read.body.string.contains(detail) && read.body.string.contains("class=\"letter\""))
            // A wrong secret, or another application's letter with this one's secret: nothing.
            let wrong = try await portal.post(
                SiteURL.applicationLetter.path, form: [("trackingNumber", number), ("secret", "AAAAAAAAAAAA"), ("letter", answer.id!.uuidString)],
                csrf: false)
            #expect(wrong.status == .notFound && !wrong.body.string.contains(detail))
            let other = try await Self.register(client, received: "2026-11-20")
            #expect(
                try await Self.move(client, other, [("move", "answer"), ("result", "3.3.4"), ("detail", "另一申请的理由"), ("date", "2026-11-20")]).status
                    == .seeOther)
            let foreign = try #require(try await LetterRecord.query(on: app.db).filter(\.$application.$id == other).first())
            let probe = try await portal.post(
                SiteURL.applicationLetter.path, form: [("trackingNumber", number), ("secret", secret), ("letter", foreign.id!.uuidString)],
                csrf: false)
            #expect(probe.status == .notFound && !probe.body.string.contains("另一申请的理由"))
        }
    }

    @Test func anOnlineApplicationGetsATrackingNumber_waitsForConfirmation_andIsLookedUpByItsSecret() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let portal = TestClient(app: app, passwords: [:])
            #expect(try await portal.get(SiteURL.apply(DemoSeed.lianfangCode).path).status == .ok)
            // A wrong check digit: refused beside the field, and what was typed stays.
            let bad = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: Self.form(idNumber: "110105194912310021"), csrf: false)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"idNumber-error\""))
            #expect(bad.body.string.contains("校验位不符"))
            #expect(bad.body.string.contains("2026年城乡低保对象名单"))
            #expect(try await ApplicationRecord.query(on: app.db).count() == 0)

            let made = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: Self.form(), csrf: false)
            #expect(made.status == .created)
            let page = made.body.string
            let number = try #require(page.range(of: "\(DemoSeed.lianfangCode)-2026-00001").map { String(page[$0]) })
            let secret = try #require(page.firstMatch(of: /<strong>([2-9A-Z]{12})<\/strong>/).map { String($0.1) })
            let record = try #require(try await ApplicationRecord.query(on: app.db).first())
            #expect(record.status == .submitted)
            #expect(record.receivedOn == nil)
            #expect(record.secretHash != secret)

            let status = try await portal.post(SiteURL.applicationStatus.path, form: [("trackingNumber", number), ("secret", secret)], csrf: false)
            #expect(status.status == .ok)
            #expect(status.body.string.contains("已提交，待确认收到"))
            #expect(!status.body.string.contains(Self.idNumber))
            #expect(!status.body.string.contains("王测试"))
            let wrong = try await portal.post(
                SiteURL.applicationStatus.path, form: [("trackingNumber", number), ("secret", "AAAAAAAAAAAA")], csrf: false)
            #expect(wrong.status == .notFound)
            #expect(wrong.body.string.contains("申请编号或查询码不正确"))

            // Not confirmed: it cannot be answered.
            try await client.signIn("lianfang-officer")
            let early = try await Self.move(client, record.id!, [("move", "answer"), ("result", "3.1"), ("date", "2026-11-20")])
            #expect(early.status == .conflict)
            #expect(early.body.string.contains("尚未确认收到"))
            // Confirmation is one click: received on that day, due 20 working days later, applicant told.
            #expect(try await Self.move(client, record.id!, [("move", "confirm"), ("date", "2026-11-20")]).status == .seeOther)
            let confirmed = try #require(try await ApplicationRecord.find(record.id, on: app.db))
            #expect(confirmed.receivedOn == "2026-11-20")
            #expect(confirmed.dueOn == "2026-12-18")
            #expect(confirmed.status == .open)
            let notified = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == record.id!).filter(\.$kind == "notified")
                .all()
            #expect(notified.count == 2)
            #expect(notified.last?.detail.contains("wang@example.com") == true)
        }
    }

    /// Issue 14: the same form sent again (a double click, a retry after a lost answer, several at once) is one
    /// application: the answer names it, with a new look-up code that replaces the old; the API does the same with
    /// `Idempotency-Key`.
    @Test func aSubmissionSentAgainIsTheSameApplication() async throws {
        try await TestDatabase.heavily { try await Self.submissionSentAgain() }
    }

    private static func submissionSentAgain() async throws {
        try await withServer(demo: true, sqliteFile: true) { app, _ in
            let portal = TestClient(app: app, passwords: [:])
            let page = try await portal.get(SiteURL.apply(DemoSeed.lianfangCode).path).body.string
            let key = try #require(page.firstMatch(of: /name="submissionKey" value="([A-Za-z0-9-]+)"/).map { String($0.output.1) })
            let form = Self.form() + [("submissionKey", key)]
            let first = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: form, csrf: false)
            let again = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: form, csrf: false)
            #expect(first.status == .created && again.status == .ok)
            #expect(again.body.string.contains("今天已经提交过") && !first.body.string.contains("今天已经提交过"))
            func secret(_ body: String) -> String? { body.firstMatch(of: /<strong>([2-9A-Z]{12})<\/strong>/).map { String($0.1) } }
            let number = "\(DemoSeed.lianfangCode)-2026-00001"
            #expect(first.body.string.contains(number) && again.body.string.contains(number))
            #expect(try await ApplicationRecord.query(on: app.db).count() == 1)
            let lookUp = { (code: String?) in
                try await portal.post(SiteURL.applicationStatus.path, form: [("trackingNumber", number), ("secret", code ?? "")], csrf: false).status
            }
            #expect(try await lookUp(secret(again.body.string)) == .ok)
            #expect(try await lookUp(secret(first.body.string)) == .notFound, "the replaced look-up code still works")
            // Back to the form, which the browser fetched anew (a new key), and sent again the same day: the same one.
            let back = try await portal.post(
                SiteURL.apply(DemoSeed.lianfangCode).path, form: Self.form() + [("submissionKey", UUID().uuidString)], csrf: false)
            #expect(back.status == .ok && back.body.string.contains(number))
            #expect(try await ApplicationRecord.query(on: app.db).count() == 1)

            // Three at once with another key: one application.
            let other = Self.form(title: "2026年临时救助名单") + [("submissionKey", UUID().uuidString)]
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await TestClient(app: app, passwords: [:]).post(SiteURL.apply(DemoSeed.lianfangCode).path, form: other, csrf: false)
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .ok, .created], "\(statuses)")
            #expect(try await ApplicationRecord.query(on: app.db).filter(\.$infoTitle == "2026年临时救助名单").count() == 1)

            // The API: the same call with the same Idempotency-Key.
            let input =
                #"{"applicantType":"natural-person","name":"李测试","idType":"resident-id","idNumber":"11010519491231002X","phone":"13912345678","formWanted":"electronic","delivery":"online","infoTitle":"2026年街道办公经费预算"}"#
            var headers: HTTPHeaders = ["Content-Type": "application/json", "Idempotency-Key": "call-2026-12-07-0001"]
            let path = SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path
            let made = try await portal.send(.POST, path, headers: headers, body: ByteBuffer(string: input))
            let repeated = try await portal.send(.POST, path, headers: headers, body: ByteBuffer(string: input))
            #expect(made.status == .created && repeated.status == .ok)
            #expect(
                try made.content.decode(ApplicationReceiptDTO.self).trackingNumber
                    == repeated.content.decode(ApplicationReceiptDTO.self).trackingNumber)
            headers.replaceOrAdd(name: "Idempotency-Key", value: "short")
            let bad = try await portal.send(.POST, path, headers: headers, body: ByteBuffer(string: input))
            #expect(bad.status == .badRequest && bad.body.string.contains("Idempotency-Key"))
            #expect(try await ApplicationRecord.query(on: app.db).count() == 3)
        }
    }

    /// Issue 14: a control or text-direction character in a field is refused, naming the field, on a form and in
    /// JSON; nothing is stored. Tabs and line ends stay allowed.
    @Test func controlAndTextDirectionCharactersAreRefusedNamingTheField() async throws {
        try await withServer(demo: true) { app, _ in
            let portal = TestClient(app: app, passwords: [:])
            for (field, value) in [("name", "王\u{202E}测试"), ("address", "某路\u{1B}[31m1号"), ("infoTitle", "名单\u{85}")] {
                var form = Self.form()
                form.removeAll { $0.0 == field }
                form.append((field, value))
                let refused = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: form, csrf: false)
                #expect(refused.status == .badRequest, "\(field): \(refused.status)")
                #expect(refused.body.string.contains("“\(field)”含有控制字符"), "\(field): \(refused.body.string.prefix(400))")
            }
            #expect(try await ApplicationRecord.query(on: app.db).count() == 0)
            var headers = HTTPHeaders()
            headers.contentType = .json
            let json = try await portal.send(
                .POST, SiteURL.apiApplicationStatus.path, headers: headers,
                body: ByteBuffer(string: #"{"trackingNumber":"a\u2066b","secret":"x"}"#))
            #expect(json.status == .badRequest && json.body.string.contains("trackingNumber"), "\(json.body.string)")
            let lines = Self.form() + [("infoDescription", "第一行\r\n\t第二行")]
            let kept = try await portal.post(
                SiteURL.apply(DemoSeed.lianfangCode).path, form: lines.filter { $0.0 != "infoDescription" || $0.1 != "" }, csrf: false)
            #expect(kept.status == .created)
        }
    }

    /// Every result of both formats, answered through HTTP, with its letter stored exactly as sent.
    @Test func everyResultRowOfThe2019FormatCanBeTheAnswer() async throws {
        try await Self.answerEveryResultRow(today: "2020-06-10", format: .v2019)
    }

    @Test func everyResultRowOfThe2021FormatCanBeTheAnswer() async throws {
        try await Self.answerEveryResultRow(today: "2026-11-20", format: .v2021)
    }

    static func answerEveryResultRow(today: String, format: ReportFormat) async throws {
        try await withServer(demo: true, today: Day(iso: today)!) { app, client in
            try await client.signIn("lianfang-officer")
            let results = AnswerResult.all(format).filter { !["3.6.1", "3.6.2"].contains($0.rowID) }
            for result in results {
                let id = try await register(client, received: Day(iso: today)!.adding(days: -7).iso, title: "信息\(result.rowID)")
                if result.rowID == "3.4.3" {
                    // 补正后仍不明确 needs a 补正 that came back.
                    let (asked, back) = (Day(iso: today)!.adding(days: -6).iso, Day(iso: today)!.adding(days: -5).iso)
                    try await move(client, id, [("move", "clarify"), ("what", "请写明年份"), ("date", asked)])
                    try await move(client, id, [("move", "clarified"), ("date", back)])
                }
                let compose = try await client.get(
                    SiteURL.staffApplicationCompose(id, move: "answer").path + "&result=\(result.rowID)&detail=%E8%AF%B4%E6%98%8E&date=\(today)")
                #expect(compose.status == .ok)
                #expect(compose.body.string.contains(result.decision))
                if !result.article.isEmpty { #expect(compose.body.string.contains(result.article)) }
                let body = "编辑后的答复书：\(result.label)"
                let answered = try await move(
                    client, id,
                    [("move", "answer"), ("result", result.rowID), ("detail", "说明"), ("date", today), ("letterTitle", "答复书"), ("letterBody", body)])
                #expect(answered.status == .seeOther, "\(result.rowID): \(answered.body.string.prefix(200))")
                let record = try #require(try await ApplicationRecord.find(id, on: app.db))
                #expect(record.status == .answered)
                #expect(record.result == result.rowID)
                #expect(record.resultFormat == format.rawValue)
                let letter = try #require(
                    try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).filter(\.$kind == "answer").first())
                #expect(letter.body == body)
                #expect(letter.kind == "answer")
                #expect(letter.sentOn == today)
                // Printable (an A4 letter, by the stylesheet's rules for it), and closed to further moves.
                let printable = try await client.get(SiteURL.staffApplicationLetter(id, letter.id!).path).body.string
                #expect(printable.contains("<article class=\"letter\" lang=\"zh-CN\">"))
                #expect(try await move(client, id, [("move", "withdraw"), ("date", today)]).status == .conflict)
            }
            #expect(try await ApplicationRecord.query(on: app.db).filter(\.$status == .answered).count() == results.count)
            // A row of the other format is refused.
            let id = try await register(client, received: Day(iso: today)!.adding(days: -7).iso)
            let foreign = format == .v2019 ? "3.6.1" : "3.6"
            #expect(try await move(client, id, [("move", "answer"), ("result", foreign), ("date", today)]).status == .conflict)
        }
    }

    /// Issue 13: an answer carries the agency's 文号, numbered per year; its remedy names the 复议机关 (the district
    /// 人民政府 above a subdistrict); printed, it is laid out as an official letter; an agency with no 文号 pattern
    /// cannot send one; a deemed abandonment sends its own notice with the remedy.
    @Test func answersCarryATitleNumberAndRemedy_andAbandonmentIsNotified() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            var numbers: [String] = []
            // The second letter as a browser sends an edited textarea: CRLF line breaks, kept as LF.
            let edited = "王测试：\r\n\r\n现予以公开，见附件。如对本答复不服，可以自收到本答复之日起60日内向重庆市沙坪坝区人民政府申请行政复议。\r\n\r\n重庆市沙坪坝区联芳街道办事处\r\n2026年11月20日"
            for (title, body) in [("2026年低保名单", nil), ("2026年临时救助名单", edited)] {
                let id = try await Self.register(client, received: "2026-11-10", title: title)
                let answer =
                    [("move", "answer"), ("result", "3.1"), ("detail", "见附件"), ("date", "2026-11-20")] + (body.map { [("letterBody", $0)] } ?? [])
                #expect(try await Self.move(client, id, answer).status == .seeOther)
                let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).first())
                #expect(letter.body.contains("60日内向重庆市沙坪坝区人民政府申请行政复议"), "\(letter.body)")
                #expect(!letter.body.contains("\r"))
                numbers.append(letter.number)
                let page = try await client.get(SiteURL.staffApplicationLetter(id, try letter.requireID()).path).body.string
                #expect(page.contains("<p class=\"letter-title\">政府信息公开申请答复书</p>"))
                #expect(page.contains("<p class=\"letter-number\">\(letter.number)</p>"))
                #expect(page.contains("<div class=\"letter-signature\"><p>重庆市沙坪坝区联芳街道办事处</p><p>2026年11月20日</p></div>"))
                let mail = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).filter(\.$kind == "notified").all()
                #expect(mail.last?.detail.contains(letter.number) == true, "the applicant is told the 文号")
            }
            #expect(numbers.count == 2 && numbers.allSatisfy { $0.hasPrefix("联芳信公复〔2026〕") }, "\(numbers)")
            #expect(Set(numbers).count == 2)

            // Without a pattern, no answer goes out (nor its draft), and the refusal says what to set.
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            agency.letterNumberPattern = ""
            try await agency.save(on: app.db)
            let id = try await Self.register(client, received: "2026-11-10")
            let refused = try await Self.move(client, id, [("move", "answer"), ("result", "3.1"), ("date", "2026-11-20")])
            #expect(refused.status == .conflict && refused.body.string.contains("尚未设置答复书的文号格式"))
            let draft = try await client.get(
                SiteURL.staffApplicationCompose(id, move: "answer").path + "&result=3.1&detail=%E7%BD%91%E4%B8%8A&date=2026-11-20")
            #expect(draft.status == .conflict && draft.body.string.contains("尚未设置答复书的文号格式"))
            // An answer lacking what 第三十六条 asks for is refused before its letter is drafted, not when it is sent.
            agency.letterNumberPattern = "联芳信公复〔{year}〕{seq}号"
            try await agency.save(on: app.db)
            let bare = try await client.get(SiteURL.staffApplicationCompose(id, move: "answer").path + "&result=3.3.5&date=2026-11-20")
            #expect(bare.status == .conflict && bare.body.string.contains("须写明不予公开的具体理由"))
        }
    }

    /// 第十八条: a refusal sets the day its withheld information is assessed again; when due it is on the desk; the
    /// assessment is recorded with its conclusion and the next day, or none.
    @Test func withheldInformationComesBackForAssessment() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let refused = try await Self.register(client, received: "2026-11-10")
            let answer = [("move", "answer"), ("result", "3.3.5"), ("detail", "属于内部人事管理信息"), ("date", "2026-11-20")]
            #expect(try await Self.move(client, refused, answer).status == .seeOther)
            let record = try #require(try await ApplicationRecord.find(refused, on: app.db))
            #expect(record.reassessOn == "2027-11-20")
            let given = try await Self.register(client, received: "2026-11-10")
            #expect(
                try await Self.move(client, given, [("move", "answer"), ("result", "3.1"), ("detail", "见附件"), ("date", "2026-11-20")]).status
                    == .seeOther)
            #expect(try #require(try await ApplicationRecord.find(given, on: app.db)).reassessOn == nil)
            try await client.get(SiteURL.staffApplication(given).path)
            #expect(try await client.post(SiteURL.staffApplicationReassess(given).path, form: [("conclusion", "无")]).status == .conflict)

            // A year on (the day moved back here): the desk lists it.
            record.reassessOn = "2026-11-19"
            try await record.save(on: app.db)
            let desk = try await client.get(SiteURL.staffHome.path).body.string
            #expect(desk.contains("到期复查的不予公开信息（第十八条）：1件") && desk.contains(record.trackingNumber))
            #expect(desk.contains(DeskTests.tile(1, "到期复查的不予公开信息（第十八条）", to: "#reassess")))
            let page = try await client.get(SiteURL.staffApplication(refused).path).body.string
            #expect(page.contains("下次复查日期：2026-11-19"))
            let path = SiteURL.staffApplicationReassess(refused).path
            #expect(try await client.post(path, form: [("conclusion", " ")]).status == .unprocessableEntity)
            #expect(try await client.post(path, form: [("conclusion", "仍属内部信息"), ("nextOn", "2026-11-01")]).status == .unprocessableEntity)
            #expect(try await client.post(path, form: [("conclusion", "仍属内部人事管理信息，继续不予公开"), ("nextOn", "2027-11-19")]).status == .seeOther)
            #expect(try #require(try await ApplicationRecord.find(refused, on: app.db)).reassessOn == "2027-11-19")
            let history = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == refused).filter(\.$kind == "reassessed")
                .all()
            #expect(history.map(\.detail) == ["第十八条复查：仍属内部人事管理信息，继续不予公开；下次复查：2027-11-19"])
            let after = try await client.get(SiteURL.staffHome.path).body.string
            #expect(!after.contains("到期复查的不予公开信息（第十八条）：") && after.contains(DeskTests.tile(0, "到期复查的不予公开信息（第十八条）", to: "#reassess")))
        }
    }

    @Test func clarificationRestartsTheClock_andExpiryIsAbandonment() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let id = try await Self.register(client, received: "2026-11-02")
            #expect(try await Self.move(client, id, [("move", "clarify"), ("what", "请写明年份"), ("date", "2026-11-04")]).status == .seeOther)
            var record = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(record.status == .paused)
            // The page says the clock waits for the 补正, not that 20 days remain (issue 12), and offers its moves.
            let waiting = try await client.get(SiteURL.staffApplication(id).path).body.string
            #expect(waiting.contains("等待申请人补正"))
            #expect(!waiting.contains("剩余"))
            #expect(try await Self.offered(client, id) == ["clarified", "clarify-expired", "ask-reasons", "reasons-given", "assist", "withdraw"])
            // One notice only (第三十条), and no answer while it is pending.
            #expect(
                try await Self.move(client, id, [("move", "clarify"), ("what", "再补一项"), ("date", "2026-11-05")]).body.string.contains(
                    "第二次补正告知"))
            #expect(try await Self.move(client, id, [("move", "answer"), ("result", "3.1"), ("date", "2026-11-06")]).status == .conflict)
            #expect(try await Self.move(client, id, [("move", "clarified"), ("date", "2026-11-10")]).status == .seeOther)
            record = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(record.status == .open)
            #expect(record.dueOn == "2026-12-08")  // 20 working days from 11-10
            #expect(try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).first()?.body.contains("请写明年份") == true)

            let lapsed = try await Self.register(client, received: "2026-11-02")
            try await Self.move(client, lapsed, [("move", "clarify"), ("what", "请写明年份"), ("date", "2026-11-03")])
            #expect(try await Self.move(client, lapsed, [("move", "clarify-expired"), ("date", "2026-11-19")]).status == .seeOther)
            let abandoned = try #require(try await ApplicationRecord.find(lapsed, on: app.db))
            #expect(abandoned.status == .abandoned)
            #expect(abandoned.result == "3.6.1")
            // The applicant is told: a 不再处理 notice with its article and the remedy, without a 文号 of an answer.
            let notices = try await LetterRecord.query(on: app.db).filter(\.$application.$id == lapsed).sort(\.$createdAt).all()
            let notice = try #require(notices.last)
            #expect(notices.count == 2 && notice.kind == "abandonment" && notice.title == "政府信息公开申请不再处理告知书")
            #expect(notice.body.contains("逾期未补正") && notice.body.contains("向重庆市沙坪坝区人民政府申请行政复议") && notice.number.isEmpty)
        }
    }

    @Test func consultationAndFeeTimeDoNotCount_unpaidFeeIsAbandonment() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let id = try await Self.register(client, received: "2026-10-09")
            #expect(try await Self.move(client, id, [("move", "consult"), ("party", "某公司"), ("date", "2026-10-12")]).status == .seeOther)
            // Recorded on 11-20: the party's 15 working days from 10-12 ran out on 11-02, so the clock runs again (issue 13).
            #expect(try #require(try await ApplicationRecord.find(id, on: app.db)).status == .open)
            #expect(try await Self.move(client, id, [("move", "consult-answered"), ("party", "某公司"), ("date", "2026-10-19")]).status == .seeOther)
            let record = try #require(try await ApplicationRecord.find(id, on: app.db))
            // 20 working days from 10-09 (Saturday 10-10 is a working day in 2026) end 11-05; the 5 working days
            // 10-13…10-19 spent consulting do not count → 11-12.
            #expect(record.dueOn == "2026-11-12")
            #expect(record.status == .open)

            // Issue 13: the party received the letter on 10-14 and never answered. Its 15 working days end 11-04; the
            // 17 working days 10-13 … 11-04 do not count, the clock runs again from 11-05: due 11-30, no longer waiting.
            let silent = try await Self.register(client, received: "2026-10-09")
            try await Self.move(client, silent, [("move", "consult"), ("party", "区民政局"), ("date", "2026-10-12")])
            #expect(try await Self.move(client, silent, [("move", "consult-received"), ("date", "2026-10-14")]).status == .seeOther)
            let lapsed = try #require(try await ApplicationRecord.find(silent, on: app.db))
            #expect(lapsed.dueOn == "2026-11-30" && lapsed.status == .open, "\(lapsed.dueOn ?? "nil") \(lapsed.status)")
            let page = try await client.get(SiteURL.staffApplication(silent).path).body.string
            #expect(page.contains("被征求方在15个工作日内未提出意见") && page.contains("视为同意公开"))

            // Earlier applications this month by the same applicant make this one the 11th, the first one charged.
            for _ in 0..<8 { try await Self.register(client, received: "2026-10-09") }
            let fee = try await Self.register(client, received: "2026-10-09")
            #expect(
                try await Self.move(client, fee, [("move", "fee"), ("finding", "本月第11件同类申请"), ("scale", "per-application"), ("date", "2026-10-12")])
                    .status == .seeOther)
            #expect(try await LetterRecord.query(on: app.db).filter(\.$application.$id == fee).first()?.body.contains("人民币100元") == true)
            // Twenty working days to pay run to 11-09; on 11-20 the application is deemed abandoned.
            let late = try await Self.move(client, fee, [("move", "fee-paid"), ("date", "2026-11-16")])
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("缴费期限已届满而未缴费"), "\(late.status) \(late.body.string.suffix(600))")
            #expect(try await Self.move(client, fee, [("move", "fee-unpaid"), ("date", "2026-11-20")]).status == .seeOther)
            let unpaid = try #require(try await ApplicationRecord.find(fee, on: app.db))
            #expect(unpaid.status == .abandoned)
            #expect(unpaid.result == "3.6.2")
            // The audit log names each move (recording the lapse was once logged as "confirm").
            let actions = try await AuditRecord.query(on: app.db).filter(\.$entityID == fee.uuidString).sort(\.$at).all().map(\.action)
            #expect(actions == ["create", "fee-sent", "fee-unpaid"])
        }
    }

    /// 第三十五条, 第四十三条 and a fee notice's receipt (issue 13): staff ask for reasons and record them, set a later
    /// date for the answer with its letter, record help given; a notice by post counts its 20 working days from its
    /// receipt. Each is in the history, the audit log and, where the clock sees it, the due date.
    @Test func reasonsLaterDatesHelpAndTheFeeNoticesReceipt() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let id = try await Self.register(client, received: "2026-11-02")
            let help = try await Self.move(client, id, [("move", "assist"), ("what", "申请人视力障碍，工作人员代为朗读申请表并代为填写"), ("date", "2026-11-02")])
            #expect(help.status == .seeOther)
            #expect(try await Self.move(client, id, [("move", "assist"), ("what", " ")]).status == .unprocessableEntity)
            #expect(
                try await Self.move(client, id, [("move", "ask-reasons"), ("what", "您本月已向本机关提出申请86件"), ("date", "2026-11-04")]).status
                    == .seeOther)
            #expect(try await Self.move(client, id, [("move", "reasons-given"), ("what", "为撰写学术论文需要"), ("date", "2026-11-10")]).status == .seeOther)
            // Due 11-30 (20 working days from 11-02); put off to 2027-01-29, the letter drafted with the day and cause.
            let compose = try await client.get(
                SiteURL.staffApplicationCompose(id, move: nil).path
                    + "?move=defer&date=2026-11-20&until=2027-01-29&what=%E9%9C%80%E9%80%90%E4%BB%B6%E8%B0%83%E5%8F%96%E6%A1%A3%E6%A1%88")
            #expect(compose.status == .ok)
            #expect(compose.body.string.contains("至2027年1月29日，将于该日前作出答复") && compose.body.string.contains("本机关认为您说明的申请理由合理"))
            #expect(
                try await Self.move(client, id, [("move", "defer"), ("until", "2027-01-29"), ("what", "需逐件调取档案"), ("date", "2026-11-20")]).status
                    == .seeOther)
            let deferred = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(deferred.dueOn == "2027-01-29" && deferred.status == .open)
            let letters = try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).all().map(\.title)
            #expect(Set(letters) == ["政府信息公开申请说明理由告知书", "政府信息公开申请延迟答复告知书"])
            // A second later date is refused by the clock.
            let again = try await Self.move(client, id, [("move", "defer"), ("until", "2027-02-26"), ("what", "仍需时间"), ("date", "2026-11-20")])
            #expect(again.status == .conflict && again.body.string.contains("延迟答复的期限已经确定过一次"))
            let page = try await client.get(SiteURL.staffApplication(id).path).body.string
            #expect(page.contains("提供必要帮助（第四十三条）：申请人视力障碍") && page.contains("申请人说明的理由：为撰写学术论文需要"))
            #expect(page.contains("确定延迟至2027-01-29答复"))
            let actions = try await AuditRecord.query(on: app.db).filter(\.$entityID == id.uuidString).sort(\.$at).all().map(\.action)
            #expect(actions == ["create", "assist", "ask-reasons", "reasons-given", "deferred"])

            // A fee notice by post: received 10-20, so the 20 working days to pay run to 11-17 (not 11-10 from sending).
            for _ in 0..<10 { try await Self.register(client, received: "2026-10-09") }
            let fee = try await Self.register(client, received: "2026-10-09")
            #expect(
                try await Self.move(client, fee, [("move", "fee"), ("finding", "本月第11件同类申请"), ("scale", "per-application"), ("date", "2026-10-12")])
                    .status == .seeOther)
            #expect(try await Self.move(client, fee, [("move", "fee-received"), ("date", "2026-10-20")]).status == .seeOther)
            #expect(try await Self.move(client, fee, [("move", "fee-paid"), ("date", "2026-11-16")]).status == .seeOther)
            #expect(try #require(try await ApplicationRecord.find(fee, on: app.db)).status == .open)
        }
    }

    /// 第二十九条: an application made orally is written down by staff, in person, and the applicant confirms it; its
    /// printed form says so above the applicant's signature.
    @Test func anOralApplicationIsWrittenDownAndConfirmed() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            func register(_ extra: [(String, String)]) async throws -> TestingHTTPResponse {
                try await client.get(SiteURL.staffNewApplication.path)
                return try await client.post(
                    SiteURL.staffNewApplication.path, form: Self.form(title: "本社区2026年低保名单") + [("receivedOn", "2026-11-20")] + extra)
            }
            let byPost = try await register([("channel", "post"), ("oral", "on"), ("applicantConfirmed", "on")])
            #expect(byPost.status == .unprocessableEntity && byPost.body.string.contains("口头提出的申请为当面提出"))
            let unconfirmed = try await register([("channel", "in-person"), ("oral", "on")])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.string.contains("须经申请人核对确认（第二十九条）"))
            #expect(try await ApplicationRecord.query(on: app.db).filter(\.$infoTitle == "本社区2026年低保名单").count() == 0)
            let written = try await register([("channel", "in-person"), ("oral", "on"), ("applicantConfirmed", "on")])
            #expect(written.status == .seeOther)
            let record = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$infoTitle == "本社区2026年低保名单").first())
            #expect(record.oral && record.receivedOn == "2026-11-20")
            let page = try await client.get(SiteURL.staffApplication(record.id!).path).body.string
            #expect(page.contains("申请人口头提出，工作人员代为填写，经申请人核对确认（第二十九条）"))
            let printed = try await client.get(SiteURL.staffApplicationForm(record.id!).path)
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("政府信息公开申请表") && printed.body.string.contains("本社区2026年低保名单"))
            #expect(printed.body.string.contains("由政府信息公开工作机构工作人员代为填写") && printed.body.string.contains("申请人（签名或盖章）"))
            // A written application prints without the oral record.
            let paper = try await Self.register(client, received: "2026-11-20")
            let plain = try await client.get(SiteURL.staffApplicationForm(paper).path).body.string
            #expect(plain.contains("申请人（签名或盖章）") && !plain.contains("代为填写"))
        }
    }

    /// 第四十一条: a request to correct one's own records takes its own path — registered as such, answered with its
    /// own results and letter — and is not counted in the annual report's table 三.
    @Test func aRequestForCorrectionHasItsOwnPathAndIsNotCounted() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let before = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026).report.table3?["1"]
            try await client.get(SiteURL.staffNewApplication.path)
            let sent = try await client.post(
                SiteURL.staffNewApplication.path,
                form: Self.form(title: "本人低保审核记录中的出生日期") + [("kind", "correction"), ("channel", "in-person"), ("receivedOn", "2026-11-16")])
            #expect(sent.status == .seeOther)
            let record = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$kind == .correction).first())
            let id = try record.requireID()
            #expect(try await Self.offered(client, id) == ["clarify", "assist", "answer-correction", "withdraw"])
            #expect(try await Self.move(client, id, [("move", "answer"), ("result", "3.1"), ("detail", "网上获取")]).status == .conflict)
            let lacking = try await Self.move(client, id, [("move", "answer-correction"), ("result", "corrected"), ("detail", " ")])
            #expect(lacking.status == .conflict && lacking.body.string.contains("须写明更正的内容（第四十一条）"))
            #expect(
                try await Self.move(
                    client, id, [("move", "answer-correction"), ("result", "corrected"), ("detail", "出生日期已更正为1960年3月1日"), ("date", "2026-11-20")]
                )
                .status == .seeOther)
            let answered = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(answered.status == .answered && answered.result == nil)
            let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).first())
            #expect(letter.title == "更正政府信息记录申请答复书" && letter.body.contains("本机关已予以更正") && !letter.number.isEmpty)
            let after = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026).report.table3?["1"]
            #expect(after == before, "a request for correction was counted as a disclosure application")
        }
    }

    /// 第四十二条 and 国办函〔2020〕109号: no fee without a finding; the amount is computed from the applicant's
    /// applications to the agency in the month (by identity number) or from the pages, never typed; the notice says
    /// how to pay; its amount cannot be edited; what was paid reaches section 六 of the annual report; whether fee
    /// time pauses the clock is the agency's setting.
    @Test func aFeeNoticeIsAssessedFromTheScales_andReachesTheReport() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            var ids: [UUID] = []
            for _ in 0..<10 { ids.append(try await Self.register(client, received: "2026-10-09")) }
            let tenth = try #require(ids.last)
            let finding = ("finding", "申请人本月已就同一事项提出申请10件以上")
            let free = try await Self.move(client, tenth, [("move", "fee"), finding, ("amount", "500"), ("date", "2026-10-12")])
            #expect(free.status == .conflict && free.body.string.contains("本申请不收费"), "\(free.status)")

            let eleventh = try await Self.register(client, received: "2026-10-09")
            let bare = try await Self.move(client, eleventh, [("move", "fee"), ("date", "2026-10-12")])
            #expect(bare.body.string.contains("须先写明认定申请人申请的数量、频次明显超过合理范围的理由"), "\(bare.status)")
            let edited = try await Self.move(
                client, eleventh, [("move", "fee"), finding, ("date", "2026-10-12"), ("letterBody", "收取信息处理费人民币500元。")])
            #expect(edited.status == .unprocessableEntity && edited.body.string.contains("不能修改"))
            let compose = try await client.get(
                SiteURL.staffApplicationCompose(eleventh, move: "fee").path + "&date=2026-10-12&finding=%E6%9C%AC%E6%9C%88%E7%AC%AC11%E4%BB%B6")
            #expect(compose.body.string.contains("第11件申请：第11件1件×100元＝100元；合计100元"))
            #expect(
                try await Self.move(client, eleventh, [("move", "fee"), finding, ("amount", "500"), ("date", "2026-10-12")]).status == .seeOther)
            let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$application.$id == eleventh).first()).body
            #expect(letter.contains("人民币100元") && !letter.contains("人民币500元") && letter.contains("缴费方式：通过非税收入统一缴款平台缴纳"))
            // Delivered by e-mail, the notice is received the day it goes out: 20 working days from 10-13 end 11-09.
            #expect(letter.contains("2026年11月9日前") && letter.contains("不计入答复期限"))
            #expect(try await Self.move(client, eleventh, [("move", "fee-paid"), ("date", "2026-10-20")]).status == .seeOther)
            let paid = try #require(try await ApplicationRecord.find(eleventh, on: app.db))
            #expect(paid.feeAmount == 100 && paid.feePaidOn == "2026-10-20")

            // By the page: 45 pages cost 150 元 whatever the month's count.
            let pages = try await Self.register(client, received: "2026-10-09")
            let byPage = [("move", "fee"), finding, ("scale", "per-page"), ("pages", "45"), ("date", "2026-10-12")]
            #expect(try await Self.move(client, pages, byPage).status == .seeOther)
            #expect(try await LetterRecord.query(on: app.db).filter(\.$application.$id == pages).first()?.body.contains("人民币150元") == true)

            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let six = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026).report.section(6)?.text ?? ""
            #expect(six == "本年度发出信息处理费收费通知2件；收取信息处理费1件，共计100元。", "\(six)")

            // An agency that counts fee time in the period: the notice no longer moves the due date (11-30).
            agency.feeTimeExcluded = false
            try await agency.save(on: app.db)
            let counted = try await Self.register(client, received: "2026-11-02")
            let notice = [("move", "fee"), finding, ("scale", "per-page"), ("pages", "45"), ("date", "2026-11-04")]
            #expect(try await Self.move(client, counted, notice).status == .seeOther)
            let record = try #require(try await ApplicationRecord.find(counted, on: app.db))
            #expect(record.feeTimeExcluded == false && record.dueOn == "2026-11-30", "\(record.dueOn ?? "nil")")
            let sent = try await LetterRecord.query(on: app.db).filter(\.$application.$id == counted).first()?.body ?? ""
            #expect(sent.contains("人民币150元") && !sent.contains("不计入答复期限"))
        }
    }

    @Test func theExtensionIsTheOfficeHeadsAndThereIsOnlyOne() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, officer in
            try await officer.signIn("lianfang-officer")
            let id = try await Self.register(officer, received: "2026-11-02")
            // Only the moves the law allows now are offered (issue 12): no 补正 answer without a notice, no payment
            // without a fee notice, and the extension only to the office head.
            #expect(
                try await Self.offered(officer, id) == [
                    "clarify", "consult", "fee", "ask-reasons", "reasons-given", "defer", "assist", "answer", "withdraw",
                ])
            let refused = try await Self.move(officer, id, [("move", "extend"), ("days", "20"), ("date", "2026-11-20")])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("负责人"))
            let head = TestClient(app: app, passwords: officer.passwords)
            try await head.signIn("lianfang-head")
            #expect(
                try await Self.offered(head, id) == [
                    "clarify", "consult", "extend", "fee", "ask-reasons", "reasons-given", "defer", "assist", "answer", "withdraw",
                ])
            let supervisor = TestClient(app: app, passwords: officer.passwords)
            try await supervisor.signIn("district-supervisor")
            #expect(try await Self.offered(supervisor, id).isEmpty)
            let compose = try await head.get(SiteURL.staffApplicationCompose(id, move: "extend").path + "&days=20&date=2026-11-20")
            #expect(compose.body.string.contains("第三十三条"))
            #expect(try await Self.move(head, id, [("move", "extend"), ("days", "20"), ("date", "2026-11-20")]).status == .seeOther)
            #expect(try #require(try await ApplicationRecord.find(id, on: app.db)).dueOn == "2026-12-28")
            #expect(
                try await Self.offered(head, id) == [
                    "clarify", "consult", "fee", "ask-reasons", "reasons-given", "defer", "assist", "answer", "withdraw",
                ])
            let second = try await Self.move(head, id, [("move", "extend"), ("days", "5"), ("date", "2026-11-20")])
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("第二次延期"))
        }
    }

    @Test func applicantsDataNeverReachesAPublicPage_andListsMaskIt() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let portal = TestClient(app: app, passwords: [:])
            let made = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: Self.form(), csrf: false)
            #expect(made.status == .created)
            try await client.signIn("lianfang-officer")
            let id = try #require(try await ApplicationRecord.query(on: app.db).first()?.id)
            try await Self.move(client, id, [("move", "confirm"), ("date", "2026-11-20")])
            try await Self.move(client, id, [("move", "answer"), ("result", "3.1"), ("detail", "见附件"), ("date", "2026-11-20")])
            let publicPaths = [
                "/", SiteURL.agency(DemoSeed.lianfangCode).path, SiteURL.catalogue(DemoSeed.lianfangCode).path,
                SiteURL.notices(DemoSeed.lianfangCode).path,
                SiteURL.feed(DemoSeed.lianfangCode).path, SiteURL.sitemap.path, SiteURL.search(query: "低保").path, SiteURL.apiAgencies.path,
                SiteURL.apiItems.path, SiteURL.apiSearch(query: "低保").path, SiteURL.applicationStatus.path, SiteURL.metrics.path,
            ]
            for path in publicPaths {
                let body = try await portal.get(path).body.string
                #expect(!body.contains(Self.idNumber) && !body.contains(Self.phone) && !body.contains("王测试"), "\(path) shows the applicant")
            }
            let list = try await client.get(SiteURL.staffApplications(view: "all").path).body.string
            #expect(list.contains("1101**********002X"))
            #expect(list.contains("139****5678"))
            #expect(!list.contains(Self.idNumber))
            // The officer sees the details on the application itself; a supervisor sees them masked.
            #expect(try await client.get(SiteURL.staffApplication(id).path).body.string.contains(Self.idNumber))
            let supervisor = TestClient(app: app, passwords: client.passwords)
            try await supervisor.signIn("district-supervisor")
            let supervised = try await supervisor.get(SiteURL.staffApplication(id).path)
            #expect(supervised.status == .ok)
            #expect(!supervised.body.string.contains(Self.idNumber))
            #expect(!supervised.body.string.contains(Self.phone))
            #expect(try await supervisor.post(SiteURL.staffApplicationMove(id).path, form: [("move", "withdraw")]).status == .forbidden)
            // Catalogue editors do not read applications.
            let editor = TestClient(app: app, passwords: client.passwords)
            try await editor.signIn("lianfang-editor")
            #expect(try await editor.get(SiteURL.staffApplications().path).status == .forbidden)
        }
    }

    @Test func anotherAgencysOfficerCannotSeeOrTouchAnApplication() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let id = try await Self.register(client, received: "2026-11-18")
            let other = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == "11500106009208212F").first())
            let hash = try await app.password.async.hash("another-officer-pw")
            try await StaffRecord(username: "minzheng-officer", displayName: "民政局经办人", passwordHash: hash, role: "officer", agencyID: other.id)
                .create(on: app.db)
            let stranger = TestClient(app: app, passwords: ["minzheng-officer": "another-officer-pw"])
            try await stranger.signIn("minzheng-officer")
            #expect(try await stranger.get(SiteURL.staffApplication(id).path).status == .notFound)
            #expect(try await stranger.post(SiteURL.staffApplicationMove(id).path, form: [("move", "withdraw")]).status == .notFound)
            #expect(!(try await stranger.get(SiteURL.staffApplications(view: "all").path).body.string.contains(Self.phone.suffix(4))))
            #expect(try #require(try await ApplicationRecord.find(id, on: app.db)).status == .open)
        }
    }

    @Test func reviewCasesAreRecorded_andRepeatedRequestsArePointedOut() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let first = try await Self.register(client, received: "2026-11-02", title: "联芳街道2026年预算")
            let second = try await Self.register(client, received: "2026-11-03", title: "联芳街道 2026年 预算")
            let page = try await client.get(SiteURL.staffApplication(second).path)
            #expect(page.body.string.contains("另有1份申请要求获取相同的信息"))
            try await Self.move(client, first, [("move", "answer"), ("result", "3.1"), ("detail", "预算表见附件"), ("date", "2026-11-20")])
            #expect(
                try await client.post(
                    SiteURL.staffApplicationReviews(first).path,
                    form: [("kind", "reconsideration"), ("body", "沙坪坝区人民政府"), ("filedOn", "2026-11-20"), ("result", "pending")]
                ).status == .seeOther)
            #expect(
                try await client.post(
                    SiteURL.staffApplicationReviews(first).path,
                    form: [("kind", "litigation-direct"), ("body", "沙坪坝区人民法院"), ("filedOn", "2026-11-20"), ("result", "upheld")]
                ).status == .unprocessableEntity)
            let cases = try await ReviewCaseRecord.query(on: app.db).all()
            #expect(cases.map(\.kind) == ["reconsideration"])
            try await client.get(SiteURL.staffApplication(first).path)
            #expect(
                try await client.post(
                    SiteURL.staffApplicationReview(first, cases[0].id!).path,
                    form: [("result", "upheld"), ("decidedOn", "2026-11-19")]
                ).status == .unprocessableEntity)  // before it was filed
            #expect(
                try await client.post(
                    SiteURL.staffApplicationReview(first, cases[0].id!).path,
                    form: [("result", "corrected"), ("decidedOn", "2026-11-20")]
                ).status == .seeOther)
            #expect(try await ReviewCaseRecord.find(cases[0].id, on: app.db)?.result == "corrected")
            #expect(
                try await client.post(
                    SiteURL.staffApplicationReview(first, cases[0].id!).path,
                    form: [("result", "upheld"), ("decidedOn", "2026-11-20")]
                ).status == .conflict)
            // 第四十四条: the answer becomes a catalogue draft that goes through review.
            let published = try await client.post(SiteURL.staffApplicationPublish(first).path, form: [])
            #expect(published.status == .seeOther)
            let itemID = try #require(try await ApplicationRecord.find(first, on: app.db)?.publishedItemID)
            #expect(try await ItemRecord.find(itemID, on: app.db)?.state == "draft")
        }
    }

    @Test func theDashboardSortsAndCountsAtAGlance() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let overdue = try await Self.register(client, received: "2026-10-09")  // due 11-06
            let soon = try await Self.register(client, received: "2026-10-26")  // due 11-23
            let fresh = try await Self.register(client, received: "2026-11-19")
            let page = try await client.get(SiteURL.staffApplications().path).body.string
            #expect(page.contains("已逾期（1）"))
            #expect(page.contains("5个工作日内到期（1）"))
            let numbers = try await [overdue, soon, fresh].asyncMap { try #require(try await ApplicationRecord.find($0, on: app.db)).trackingNumber }
            let byDue = try await client.get(SiteURL.staffApplications(sort: "due").path).body.string
            #expect(byDue.range(of: numbers[0])!.lowerBound < byDue.range(of: numbers[1])!.lowerBound)
            #expect(byDue.range(of: numbers[1])!.lowerBound < byDue.range(of: numbers[2])!.lowerBound)
            let reversed = try await client.get(SiteURL.staffApplications(sort: "due", order: "desc").path).body.string
            #expect(reversed.range(of: numbers[2])!.lowerBound < reversed.range(of: numbers[0])!.lowerBound)
            let onlyOverdue = try await client.get(SiteURL.staffApplications(view: "overdue").path).body.string
            #expect(onlyOverdue.contains(numbers[0]) && !onlyOverdue.contains(numbers[2]))
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}

@Suite struct ApplicationAPITests {
    static func json(_ client: TestClient, _ method: HTTPMethod, _ path: String, token: String?, _ body: String) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        return try await client.send(method, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Gives the demo's 联芳 officer an API token; returns it.
    static func officerToken(_ app: Application) async throws -> String {
        let token = "test-token-lianfang-officer"
        let officer = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-officer").first())
        officer.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
        try await officer.save(on: app.db)
        return token
    }

    /// Issue 14: moves made at once on one application (a double click, two officers, a retried call) — one is done,
    /// the others are refused with a 409 and a sentence, never a server error or a history with two answers; a move
    /// sent from a page older than the application is refused likewise.
    @Test func concurrentMovesOnOneApplication_oneIsDone_theOthersAreRefused() async throws {
        // A file, so that SQLite answers on several connections at once, as in the server.
        try await TestDatabase.heavily { try await Self.concurrentMoves() }
    }

    private static func concurrentMoves() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!, sqliteFile: true) { app, client in
            let token = try await Self.officerToken(app)
            try await client.signIn("lianfang-officer")
            let id = try await ApplicationTests.register(client, received: "2026-11-20")
            let headers: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "Bearer \(token)"]
            let answer = #"{"move":"answer","result":"3.4.1","detail":"经检索，本机关未制作该信息。"}"#
            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let response = try await app.testing().sendRequest(
                            .POST, SiteURL.apiApplicationMoves(id).path, headers: headers, body: ByteBuffer(string: answer))
                        return (response.status, response.body.string)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.filter { $0.0 == .ok }.count == 1, "\(answers.map(\.0))")
            for (status, body) in answers where status != .ok {
                #expect(status == .conflict, "\(status): \(body.prefix(300))")
            }
            let events = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).all().map(\.kind)
            #expect(events.filter { $0 == "answered" }.count == 1, "\(events)")
            #expect(try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).count() == 1)
            #expect(try await client.get(SiteURL.staffApplication(id).path).status == .ok)

            // A form from an older page: refused, naming the application; from the page as it is: done.
            let other = try await ApplicationTests.register(client, received: "2026-11-20")
            let page = try await client.get(SiteURL.staffApplication(other).path).body.string
            let shown = try #require(page.firstMatch(of: /name="revision" value="(\d+)"/).map { String($0.output.1) })
            #expect(
                try await ApplicationTests.move(client, other, [("move", "consult"), ("party", "第三方甲"), ("revision", shown)]).status == .seeOther)
            let stale = try await client.post(
                SiteURL.staffApplicationMove(other).path, form: [("move", "consult"), ("party", "第三方乙"), ("revision", shown)])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("刚刚已有其他办理操作，本次操作未执行"), "\(stale.body.string.prefix(400))")
            // The refusal's page leads back to the application as it is now.
            #expect(stale.body.string.contains("href=\"\(SiteURL.staffApplication(other).path)\""))
            #expect(stale.body.string.contains("重新打开申请"))
            let dto = try await Self.json(client, .GET, SiteURL.apiApplication(other).path, token: token, "").content.decode(ApplicationDTO.self)
            #expect(dto.revision == Int(shown).map { $0 + 1 })
        }
    }

    @Test func theWorkflowRunsThroughTheAPI_andAnswersMatchTheOpenAPIDocument() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let token = try await Self.officerToken(app)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(try await client.get(SiteURL.apiOpenAPI.path).body.string.utf8)) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            func check(_ response: TestingHTTPResponse, _ schema: String) throws {
                try APITests.conform(
                    try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)), to: ["$ref": "#/components/schemas/\(schema)"],
                    schemas: schemas, at: schema)
            }

            // The public submits and looks up.
            let input =
                #"{"applicantType":"commercial-enterprise","name":"重庆某某商贸有限公司","idType":"credit-code","idNumber":"91350100M000100Y43","phone":"023-61234567","formWanted":"electronic","delivery":"online","infoTitle":"2026年街道办公经费预算"}"#
            let receipt = try await Self.json(client, .POST, SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path, token: nil, input)
            #expect(receipt.status == .created)
            try check(receipt, "ApplicationReceipt")
            let made = try receipt.content.decode(ApplicationReceiptDTO.self)
            let status = try await Self.json(
                client, .POST, SiteURL.apiApplicationStatus.path, token: nil,
                #"{"trackingNumber":"\#(made.trackingNumber)","secret":"\#(made.secret)"}"#)
            try check(status, "ApplicationStatus")
            #expect(!status.body.string.contains("91350100M000100Y43"))
            let badID = try await Self.json(
                client, .POST, SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path, token: nil,
                input.replacingOccurrences(of: "Y43", with: "Y44"))
            #expect(badID.status == .unprocessableEntity)
            #expect(try badID.content.decode(APIError.self).error.contains("idNumber"))

            // Staff tooling handles it.
            #expect(try await client.get(SiteURL.apiApplications.path).status == .unauthorized)
            let list = try await client.get(SiteURL.apiApplications.path, headers: ["Authorization": "Bearer \(token)"])
            for element in try #require(try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [Any]) {
                try APITests.conform(element, to: ["$ref": "#/components/schemas/Application"], schemas: schemas, at: "list")
            }
            let listed = try list.content.decode([ApplicationDTO].self)
            #expect(listed.map(\.idNumber) == ["9135**********0Y43"])
            let id = listed[0].id
            let answerEarly = try await Self.json(
                client, .POST, SiteURL.apiApplicationMoves(id).path, token: token, #"{"move":"answer","result":"3.1"}"#)
            #expect(answerEarly.status == .conflict)
            #expect(try answerEarly.content.decode(APIError.self).error.contains("尚未确认收到"))
            let confirmed = try await Self.json(client, .POST, SiteURL.apiApplicationMoves(id).path, token: token, #"{"move":"confirm"}"#)
            try check(confirmed, "Application")
            #expect(try confirmed.content.decode(ApplicationDTO.self).dueOn == "2026-12-18")
            let answered = try await Self.json(
                client, .POST, SiteURL.apiApplicationMoves(id).path, token: token,
                #"{"move":"answer","result":"3.4.1","detail":"经检索，本机关未制作该信息。"}"#)
            let dto = try answered.content.decode(ApplicationDTO.self)
            #expect(dto.status == "answered")
            #expect(dto.result == "3.4.1")
            #expect(dto.idNumber == "91350100M000100Y43")  // the officer sees it on the application itself
            let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).first())
            #expect(letter.body.contains("经检索，本机关未制作该信息。"))
            #expect(letter.body.contains("第三十六条第（四）项"))
            // Registering a paper application.
            let registered = try await Self.json(
                client, .POST, SiteURL.apiApplications.path, token: token,
                input.replacingOccurrences(
                    of: "\"delivery\":\"online\"", with: "\"delivery\":\"online\",\"channel\":\"post\",\"receivedOn\":\"2026-11-19\""))
            #expect(registered.status == .created)
            try check(registered, "Application")
            #expect(try registered.content.decode(ApplicationDTO.self).status == "open")

            // Issue 14: the district supervisor reads through the API what its pages show — names masked too.
            let supervisorToken = "test-token-district-supervisor"
            let supervisor = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "district-supervisor").first())
            supervisor.tokenHash = SHA256.hash(data: Data(supervisorToken.utf8)).hex
            try await supervisor.save(on: app.db)
            let read = try await client.get(SiteURL.apiApplication(id).path, headers: ["Authorization": "Bearer \(supervisorToken)"])
            #expect(read.status == .ok)
            let masked = try read.content.decode(ApplicationDTO.self)
            #expect(masked.name == "重**" && masked.idNumber == "9135**********0Y43" && !read.body.string.contains("重庆某某商贸有限公司"))
            let readList = try await client.get(SiteURL.apiApplications.path, headers: ["Authorization": "Bearer \(supervisorToken)"])
            #expect(!readList.body.string.contains("重庆某某商贸有限公司") && readList.body.string.contains("重**"))
        }
    }
}

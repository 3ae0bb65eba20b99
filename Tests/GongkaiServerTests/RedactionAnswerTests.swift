import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// A 部分公开 answer with passages withheld: the applicant's letter, status page and every stored copy they can reach
/// hold none of the withheld text; the answer lists the parts and grounds; staff keep the original.
@Suite struct RedactionAnswerTests {
    static let account = "6222021234567890123"
    static let opinion = "承办科室内部审批意见：建议同意，待分管领导签批。"
    static let detail = "2026年第三季度城乡低保资金发放明细：共发放126户、保障金合计18.9万元；吴某德户，银行账号\(account)，发放1,260元。\(opinion)"

    /// An application made online on the portal, to be answered online: its id, number and secret.
    static func applied(_ app: Application, _ portal: TestClient) async throws -> (id: UUID, number: String, secret: String) {
        let online = ApplicationTests.form(title: "2026年第三季度城乡低保资金发放明细").map { $0.0 == "delivery" ? ($0.0, "online") : $0 }
        let receipt = try await portal.post(SiteURL.apply(DemoSeed.lianfangCode).path, form: online, csrf: false).body.string
        let number = try #require(receipt.firstMatch(of: /(\d{2}\w+-2026-\d{5})/).map { String($0.1) })
        let secret = try #require(receipt.firstMatch(of: /<strong>([2-9A-Z]{12})<\/strong>/).map { String($0.1) })
        let id = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$trackingNumber == number).first()?.id)
        return (id, number, secret)
    }

    /// The API's answer takes the same passages: the applicant's copy and the answer the API gives hold none of them.
    @Test func theAPIsAnswerWithholdsPassagesToo() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let (id, _, _) = try await Self.applied(app, TestClient(app: app, passwords: [:]))
            let token = try await ApplicationAPITests.officerToken(app)
            let path = SiteURL.apiApplicationMoves(id).path
            #expect(try await ApplicationAPITests.json(client, .POST, path, token: token, #"{"move":"confirm"}"#).status == .ok)
            struct Answer: Encodable {
                var move = "answer", result = "3.2", detail = RedactionAnswerTests.detail
                var withheld = "银行账号\(RedactionAnswerTests.account)｜第十五条\n\(RedactionAnswerTests.opinion)｜第十六条"
            }
            let body = String(decoding: try JSONEncoder().encode(Answer()), as: UTF8.self)
            let answered = try await ApplicationAPITests.json(client, .POST, path, token: token, body)
            #expect(answered.status == .ok)
            let text = answered.body.string
            #expect(text.contains("【此处依据第十五条不予公开】") && !text.contains(Self.account) && !text.contains("分管领导"))
            let record = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(record.providedOriginal == Self.detail && !record.answerDetail.contains(Self.account))
        }
    }

    @Test func theApplicantReadsNoneOfTheWithheldText_andStaffKeepTheOriginal() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let portal = TestClient(app: app, passwords: [:])
            let (id, number, secret) = try await Self.applied(app, portal)
            try await client.signIn("lianfang-officer")
            #expect(try await ApplicationTests.move(client, id, [("move", "confirm"), ("date", "2026-11-20")]).status == .seeOther)

            // A passage not in the text, and a 不予公开 answer with passages: refused, saying why.
            let missing = try await ApplicationTests.move(
                client, id, [("move", "answer"), ("result", "3.2"), ("detail", Self.detail), ("withheld", "张某的电话｜第十五条"), ("date", "2026-11-20")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("第1处不予公开的原文在“提供的信息”中找不到"))
            let whole = try await ApplicationTests.move(
                client, id,
                [("move", "answer"), ("result", "3.3.4"), ("detail", Self.detail), ("withheld", "银行账号\(Self.account)｜第十五条"), ("date", "2026-11-20")])
            #expect(whole.status == .unprocessableEntity)

            let withheld = "银行账号\(Self.account)｜第十五条\n\(Self.opinion)｜第十六条"
            let answered = try await ApplicationTests.move(
                client, id, [("move", "answer"), ("result", "3.2"), ("detail", Self.detail), ("withheld", withheld), ("date", "2026-11-20")])
            #expect(answered.status == .seeOther)

            func clean(_ text: String, _ place: String) {
                #expect(!text.contains(Self.account) && !text.contains("内部审批意见") && !text.contains("分管领导"), "\(place) holds withheld text")
            }
            let record = try #require(try await ApplicationRecord.find(id, on: app.db))
            clean(record.answerDetail, "the applicant's copy")
            #expect(record.providedOriginal == Self.detail)
            let letters = try await LetterRecord.query(on: app.db).filter(\.$application.$id == id).all()
            let answer = try #require(letters.first { $0.body.contains("【此处依据第十五条不予公开】") })
            #expect(answer.body.contains("【此处依据第十六条不予公开】") && answer.body.contains("第2处：依据《中华人民共和国政府信息公开条例》第十六条"))
            #expect(answer.body.contains("共发放126户、保障金合计18.9万元"), "what is given stays")
            for letter in letters { clean(letter.body, "a letter") }
            for entry in try await AuditRecord.query(on: app.db).filter(\.$entityID == id.uuidString).all() {
                clean((entry.before ?? "") + (entry.after ?? ""), "the audit log")
            }
            for event in try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).all() {
                clean(event.detail, "the history")
            }
            for message in try await OutboxRecord.query(on: app.db).all() { clean(message.body, "a notification") }

            // The applicant's status page and the letter read and printed there.
            let status = try await portal.post(SiteURL.applicationStatus.path, form: [("trackingNumber", number), ("secret", secret)], csrf: false)
            clean(status.body.string, "the status page")
            let read = try await portal.post(
                SiteURL.applicationLetter.path, form: [("trackingNumber", number), ("secret", secret), ("letter", answer.id!.uuidString)], csrf: false
            )
            #expect(read.status == .ok && read.body.string.contains("【此处依据第十五条不予公开】"))
            clean(read.body.string, "the letter online")

            // Staff read the original on the application.
            let staff = try await client.get(SiteURL.staffApplication(id).path).body.string
            let original = staff.contains("提供信息原文（含不予公开部分）") && staff.contains(Self.account)
            #expect(original)
        }
    }
}

import Fluent
import Gongkai
import SQLKit
import Vapor

/// `gongkai demo generate --items N`: fills a database with N realistic published items across the demo agencies,
/// for measuring the portal at scale. Rows go in by the thousand in multi-row INSERTs.
public enum DemoGenerator {
    public static func generate(
        _ configuration: ServerConfiguration, items count: Int, applications: Int = 0, today: Day, say: @Sendable (String) -> Void
    ) async throws {
        try await withDatabase(configuration, quiet: false) { app in
            _ = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today)
            let sql = try app.db.sql()
            let agencies = try await AgencyRecord.query(on: app.db).administrative().all()
            let editor = try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first()!
            var categories: [UUID: [CategoryRecord]] = [:]
            for agency in agencies { categories[agency.id!] = try await CategoryRecord.query(on: app.db).filter(\.$agency.$id == agency.id!).all() }
            let words = [
                "城乡低保", "临时救助", "就业创业", "安全生产", "防汛抗旱", "义务教育", "医疗保障", "养老服务", "残疾人补贴", "垃圾分类",
                "老旧小区改造", "政府采购", "行政许可", "行政处罚", "财政预算", "项目建设", "公租房", "疫苗接种", "社区治理", "河长制",
            ]
            let kinds = ["的通知", "的公示", "的公告", "工作方案", "实施办法", "情况报告", "结果公示", "工作要点"]
            var random = SampleReports.Generator(state: 42)
            let batch = 500
            var written = 0
            let started = Date()
            while written < count {
                let size = min(batch, count - written)
                var rows: [SQLQueryString] = []
                for k in 0..<size {
                    let n = written + k
                    let agency = agencies[n % agencies.count]
                    let list = categories[agency.id!]!
                    let category = list[Int(random.next() % UInt64(list.count))]
                    let written = today.adding(days: -Int(random.next() % 3650))
                    let published = written.adding(days: Int(random.next() % 10))
                    let word = words[Int(random.next() % UInt64(words.count))]
                    let title = "关于\(written.year)年\(word)\(kinds[Int(random.next() % UInt64(kinds.count))])（第\(n + 1)号）"
                    let body = "为做好\(word)工作，根据有关规定，现将\(written.year)年有关事项公开如下。\n\n一、总体情况\n本机关认真落实\(word)各项要求，接受社会监督。\n\n二、联系方式\n工作日办公时间可来电咨询。"
                    let index = "\(agency.code)/\(written.year)-G\(String(format: "%07d", n + 1))"
                    rows.append(
                        "(\(bind: UUID()), \(bind: agency.id!), \(bind: category.id!), \(bind: index), \(bind: title), \(bind: ""), \(bind: agency.name), \(bind: String(body.prefix(60))), \(bind: body), \(bind: written.iso), \(bind: published.iso), \(bind: "website"), \(bind: ""), \(bind: "published"), \(bind: editor.id!), \(bind: 1), \(bind: 0))"
                    )
                }
                let values = rows.dropFirst().reduce(rows[0]) { "\($0), \($1)" }
                try await sql.raw(
                    "INSERT INTO items (id, agency_id, category_id, index_number, title, document_number, issuing_agency, summary, body, written_on, published_on, channels, bulletin_place, state, drafted_by, version, days_late) VALUES \(values)"
                ).run()
                written += size
                if written % 50_000 == 0 || written == count {
                    say("\(written) items written (\(Int(Double(written) / Date().timeIntervalSince(started))) a second)")
                }
            }
            if count > 0 {
                say("indexing every published item for search…")
                try await SearchIndex(sql: sql).rebuild()
                say("search index rebuilt")
            }
            if applications > 0 {
                try await generateApplications(applications, agencies: agencies, sql: sql, today: today, say: say)
            }
        }
    }

    /// N applications over the last ten years across the agencies: received, most answered within the period with a
    /// result of the year's format, some withdrawn, a few still open; one review case in fifty.
    static func generateApplications(
        _ count: Int, agencies: [AgencyRecord], sql: any SQLDatabase, today: Day, say: @Sendable (String) -> Void
    ) async throws {
        var random = SampleReports.Generator(state: 7)
        let types = ApplicantType.allCases
        let started = Date()
        var written = 0
        while written < count {
            let size = min(500, count - written)
            var rows: [SQLQueryString] = []
            var reviews: [SQLQueryString] = []
            for k in 0..<size {
                let n = written + k
                let agency = agencies[n % agencies.count]
                let received = today.adding(days: -Int(random.next() % 3650))
                let type = types[Int(random.next() % 10) < 6 ? 0 : 1 + Int(random.next() % 5)]
                let roll = random.next() % 100
                var status = ApplicationStatus.answered, result: String? = nil, closed: Day? = received.adding(days: 1 + Int(random.next() % 40))
                if closed! > today {
                    closed = nil
                    status = .open
                }
                let format = ReportFormat.expected(forYear: (closed ?? received).year)
                if closed != nil {
                    if roll < 3 {
                        status = .withdrawn
                    } else {
                        let results = AnswerResult.answers(format)
                        result = roll < 55 ? "3.1" : results[Int(random.next() % UInt64(results.count))].rowID
                    }
                }
                let id = UUID()
                rows.append(
                    "(\(bind: id), \(bind: agency.id!), \(bind: "\(agency.code)-G-\(n + 1)"), \(bind: ""), \(bind: type.rawValue), \(bind: "申请人\(n)"), \(bind: "passport"), \(bind: "E\(n)"), \(bind: "13800000000"), \(bind: ""), \(bind: ""), \(bind: "信息\(n % 997)"), \(bind: ""), \(bind: ""), \(bind: "信 息 \(n % 997)"), \(bind: "electronic"), \(bind: "online"), \(bind: "in-person"), \(bind: received.iso), \(bind: received.iso), \(bind: status.rawValue), \(bind: result), \(bind: closed.map { _ in format.rawValue }), \(bind: status == .answered ? closed?.iso : nil), \(bind: closed?.iso), \(bind: ""))"
                )
                if n % 50 == 0, let closed {
                    let kinds = ReviewKind.allCases
                    let outcomes = ReviewResult.allCases
                    let outcome = outcomes[Int(random.next() % UInt64(outcomes.count))]
                    let filed = closed.adding(days: 10)
                    reviews.append(
                        "(\(bind: UUID()), \(bind: id), \(bind: agency.id!), \(bind: kinds[Int(random.next() % UInt64(kinds.count))].code), \(bind: "沙坪坝区人民政府"), \(bind: filed.iso), \(bind: outcome == .pending ? nil : filed.adding(days: 60).iso), \(bind: outcome.code))"
                    )
                }
            }
            func list(_ parts: [SQLQueryString]) -> SQLQueryString { parts.dropFirst().reduce(parts[0]) { "\($0), \($1)" } }
            try await sql.raw(
                """
                INSERT INTO applications (id, agency_id, tracking_number, secret_hash, applicant_type, name, id_type, id_number, phone, email, address,
                    info_title, info_number, info_description, info_key, form_wanted, delivery, channel, submitted_on, received_on, status, result,
                    result_format, answered_on, closed_on, answer_detail) VALUES \(list(rows))
                """
            ).run()
            if !reviews.isEmpty {
                try await sql.raw(
                    "INSERT INTO review_cases (id, application_id, agency_id, kind, body, filed_on, decided_on, result) VALUES \(list(reviews))"
                ).run()
            }
            written += size
            if written % 100_000 == 0 || written == count {
                say("\(written) applications written (\(Int(Double(written) / Date().timeIntervalSince(started))) a second)")
            }
        }
    }
}

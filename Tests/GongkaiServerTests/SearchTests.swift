import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// The search index on both databases: phrases, ranking, filters, and items leaving search when withdrawn.
@Suite struct SearchTests {
    /// Publishes items straight into the tables and the index, in the order given (the last is the newest).
    static func publish(
        _ app: Application, _ items: [(title: String, body: String)], agency code: String = DemoSeed.lianfangCode
    ) async throws -> [UUID] {
        let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == code).first())
        let category = try await StaffTests.category(app, agency: code)
        let drafter = try #require(try await StaffRecord.query(on: app.db).first())
        var ids: [UUID] = []
        for (n, entry) in items.enumerated() {
            let item = ItemRecord()
            item.isRule = false
            item.$agency.id = agency.id!
            item.$category.id = category
            item.indexNumber = "\(code)/2026-T\(n)"
            item.title = entry.title
            item.documentNumber = ""
            item.issuingAgency = agency.name
            item.summary = ""
            item.body = entry.body
            item.writtenOn = "2026-11-0\(n + 1)"
            item.publishedOn = "2026-11-0\(n + 1)"
            item.channels = "website"
            item.bulletinPlace = ""
            item.state = PublicationState.published.rawValue
            item.$draftedBy.id = drafter.id!
            item.version = 1
            item.daysLate = 0
            try await item.create(on: app.db)
            try await SearchIndex(sql: app.db as! any SQLDatabase).add([SearchIndex.Document(item)])
            ids.append(item.id!)
        }
        return ids
    }

    /// The API's answer to a search. NB: a search is bounded by the wall clock (2 s), so on a machine this busy (a test
    /// run beside another) it may answer 503 with `Retry-After`; the helper comes back later as a client would.
    static func hits(_ client: TestClient, _ query: String, extra: String = "") async throws -> ListPage<SearchHitDTO> {
        let q = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        var answer = try await client.get("/api/v1/search?q=\(q)\(extra)")
        for _ in 0..<5 where answer.status == .serviceUnavailable {
            try await Task.sleep(for: .seconds(1))
            answer = try await client.get("/api/v1/search?q=\(q)\(extra)")
        }
        return try answer.content.decode(ListPage<SearchHitDTO>.self)
    }

    /// Issue 14: a search's work is bounded in time — by `statement_timeout` on PostgreSQL, by a deadline checked at
    /// every row on SQLite. A query that would count to a hundred million is stopped, and the pool's connections work
    /// afterwards (the PostgreSQL transaction was rolled back, its timeout gone with it).
    @Test func aQueryRunningPastTheSearchTimeLimitIsStopped() async throws {
        try await withServer(demo: true) { app, client in
            let sql = try #require(app.db as? any SQLDatabase)
            struct Count: Decodable { var n: Int }
            await #expect(throws: SearchIndex.TooSlow.self) {
                try await SearchIndex.bounded(sql, seconds: 0.2) { session, inTime in
                    try await session.raw(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000 \(inTime)) SELECT COUNT(*) AS n FROM c"
                    ).first(decoding: Count.self)?.n
                }
            }
            let within = try await SearchIndex.bounded(sql, seconds: 5) { session, inTime in
                try await session.raw(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000 \(inTime)) SELECT COUNT(*) AS n FROM c"
                ).first(decoding: Count.self)?.n
            }
            #expect(within == 1000)
            for _ in 0..<3 { #expect(try await Self.hits(client, "低保").total > 0) }
            // Said to the searcher as a 503 to come back later, in a sentence.
            let refusal = SearchIndex.TooSlow()
            #expect(refusal.status == .serviceUnavailable && refusal.headers.first(name: "Retry-After") == "5")
            #expect(refusal.said.zh.contains("2 秒"))
        }
    }

    @Test func titleMatchesComeFirst_thenTextMatches_newestFirstWithinEach() async throws {
        try await withServer(demo: true) { app, client in
            let ids = try await Self.publish(
                app,
                [
                    ("鲟鳇鱼增殖放流活动的通知", "正文"),  // title, oldest
                    ("河道巡查情况", "本次放流鲟鳇鱼苗种三万尾。"),  // text only
                    ("鲟鳇鱼保护宣传", "正文"),  // title, newest
                    ("无关的标题", "鲟鱼与鳇鱼不是一个词。"),  // both characters, not the phrase
                ])
            let result = try await Self.hits(client, "鲟鳇鱼")
            #expect(result.items.map(\.item.id) == [ids[2], ids[0], ids[1]])
            #expect(result.total == 3)
            // One character finds all four; two characters keep to the phrase.
            #expect(try await Self.hits(client, "鳇").total == 4)
            #expect(try await Self.hits(client, "鲟鳇").total == 3)
            // Punctuation and spaces in the query do not matter.
            #expect(try await Self.hits(client, "鲟 鳇，鱼").total == 3)
            // Filters: another agency has none of them.
            #expect(try await Self.hits(client, "鲟鳇鱼", extra: "&agency=\(DemoSeed.districtCode)").total == 0)
            #expect(try await Self.hits(client, "鲟鳇鱼", extra: "&year=2025").total == 0)
            #expect(try await Self.hits(client, "鲟鳇鱼", extra: "&year=2026").total == 3)
        }
    }

    @Test func pagingRunsFromTitleMatchesIntoTextMatchesWithoutGapsOrRepeats() async throws {
        try await withServer(demo: false) { app, client in
            try await DemoSeed.load(on: app.db, passwords: app.password.async, today: Day(iso: "2026-11-20")!)
            let titled = (0..<25).map { ("麒麟项目第\($0)期", "正文") }
            let texted = (0..<10).map { ("公告第\($0)期", "涉及麒麟项目的内容") }
            let ids = try await Self.publish(app, titled + texted)
            var seen: [UUID] = []
            for page in 1...3 {
                let result = try await Self.hits(client, "麒麟", extra: "&page=\(page)")
                #expect(result.total == 35)
                seen += result.items.map(\.item.id)
            }
            #expect(seen.count == 35)
            #expect(Set(seen) == Set(ids))
            #expect(Array(seen.prefix(25)) == Array(ids.prefix(25).reversed()))
        }
    }

    @Test func withdrawnItemsLeaveSearch_andTheIndexRebuildsToTheSameAnswers() async throws {
        try await withServer(demo: true) { app, client in
            let ids = try await Self.publish(app, [("獬豸雕塑揭幕公告", "正文"), ("獬豸文化展", "正文")])
            #expect(try await Self.hits(client, "獬豸").total == 2)
            let reviewer = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-reviewer").first())
            let item = try await Catalogue(db: app.db, calendar: .official).item(ids[0])
            try await Catalogue(db: app.db, calendar: .official).act(
                .withdraw, on: item, by: try StaffUser(reviewer), reason: nil, confirmedReview: false, today: Day(iso: "2026-11-20")!)
            #expect(try await Self.hits(client, "獬豸").items.map(\.item.id) == [ids[1]])
            let before = try await Self.hits(client, "保")
            try await SearchIndex(sql: app.db as! any SQLDatabase).rebuild(batch: 7)
            let after = try await Self.hits(client, "保")
            #expect(after.total == before.total)
            #expect(try await Self.hits(client, "獬豸").items.map(\.item.id) == [ids[1]])
        }
    }

    /// Issue 14: searches are limited per client (in each server's memory); the empty search page is not a search.
    @Test func searchesAreLimitedPerClient() async throws {
        try await withServer(demo: true) { app, client in
            // The server's own limit: 60 a minute, the portal's and the API's together.
            #expect(try await client.get(SiteURL.search(query: "").path).status == .ok)
            for n in 0..<60 {
                let path = n.isMultiple(of: 2) ? SiteURL.search(query: "低保").path : SiteURL.apiSearch(query: "低保").path
                #expect(try await client.get(path).status == .ok, "search \(n + 1)")
            }
            let limited = try await client.get(SiteURL.search(query: "公示").path)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: "Retry-After").flatMap(Int.init).map { (1...60).contains($0) } == true)
            #expect(limited.body.string.contains("搜索"))
        }
    }
}

import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct OperationsTests {
    @Test func metricsCountRequestsByRoutePatternAndStatus() async throws {
        try await withServer(demo: true) { app, client in
            // Off without METRICS_TOKEN; with it, only for a request bearing it (issue 14: /metrics was public).
            #expect(try await client.get(SiteURL.metrics.path).status == .notFound)
            app.metricsToken = "scraper-token-2026"
            #expect(try await client.get(SiteURL.metrics.path, headers: ["Authorization": "Bearer wrong"]).status == .notFound)
            try await client.get(SiteURL.agency(DemoSeed.lianfangCode).path)
            try await client.get(SiteURL.agency(DemoSeed.lianfangCode).path)
            try await client.get(SiteURL.agency("nobody").path)
            try await client.get(SiteURL.healthz.path)
            let metrics = try await client.get(SiteURL.metrics.path, headers: ["Authorization": "Bearer scraper-token-2026"])
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.subType == "plain")
            let text = metrics.body.string
            #expect(text.contains(#"gongkai_http_requests_total{method="GET",route="/a/:code",status="200"} 2"#))
            #expect(text.contains(#"gongkai_http_requests_total{method="GET",route="/a/:code",status="404"} 1"#))
            #expect(text.contains(#"gongkai_http_requests_total{method="GET",route="/metrics",status="404"} 2"#))
            #expect(text.contains(#"gongkai_http_request_duration_seconds_count{method="GET",route="/a/:code"} 3"#))
            #expect(text.contains("gongkai_db_ping_duration_seconds_count 1"))
            #expect(text.contains("gongkai_db_pool_connections_max"))
            // No series per agency code or item.
            #expect(!text.contains(DemoSeed.lianfangCode))
        }
    }
}

@Suite struct AuditLogTests {
    @Test func theDatabaseRefusesToChangeOrDeleteAuditEntries() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-editor")  // a sign-in is audited
            let sql = try #require(app.db as? any SQLDatabase)
            let before = try await AuditRecord.query(on: app.db).count()
            #expect(before > 0)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET actor = 'someone else'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
            #expect(try await AuditRecord.query(on: app.db).count() == before)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$actor == "someone else").count() == 0)
            // Appending still works.
            // Appending still works, and what staff typed (quotes, backslashes, newlines) stays valid JSON.
            let name = "关于\"低保\"名单\\附件\n.pdf"
            try await Audit.record(
                .attach, .item, id: "1", agency: nil, by: "test", after: Audit.json(["attachment": name, "size": "3"]), on: app.db)
            #expect(try await AuditRecord.query(on: app.db).count() == before + 1)
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$actor == "test").first())
            #expect(entry.action == "attach")
            #expect(entry.entity == "item")
            let fields = try JSONDecoder().decode([String: String].self, from: Data(try #require(entry.after).utf8))
            #expect(fields["attachment"] == name)
            // Each action is named as staff know it: a review step, an application's move (by its clock event or
            // its own name), a verb; an unknown code stays as it is.
            #expect(Audit.Action(.approve).label == "审核通过")
            #expect(Audit.Action(rawValue: "clarify-sent").label == ApplicationMove.Kind.clarify.label)
            #expect(Audit.Action(.feeUnpaid).label == ApplicationMove.Kind.feeUnpaid.label)
            #expect(Audit.Action.attach.label == "上传附件")
            #expect(Audit.Action(rawValue: "note").label == "note")
        }
    }
}

@Suite struct ExpiringCacheTests {
    @Test func valuesLastTheirTimeThenGo() {
        let cache = ExpiringCache<Int>(ttl: 30, capacity: 2)
        let start = Date(timeIntervalSince1970: 1_000_000)
        cache.store(7, for: "a", now: start)
        #expect(cache.value("a", now: start.addingTimeInterval(29)) == 7)
        #expect(cache.value("a", now: start.addingTimeInterval(31)) == nil)
        cache.store(1, for: "x", now: start)
        cache.store(2, for: "y", now: start)
        cache.store(3, for: "z", now: start)  // over capacity: the old entries go
        #expect(cache.value("x", now: start) == nil)
        #expect(cache.value("z", now: start) == 3)
        cache.removeAll()
        #expect(cache.value("z", now: start) == nil)
    }

    @Test func publishingEmptiesTheCatalogueCounts() async throws {
        try await withServer(demo: true) { app, editor in
            let before = try await Catalogue(db: app.db, calendar: .official).published(agency: nil, category: nil, year: nil, page: 1).total
            let id = try await StaffTests.draft(app, editor, title: "计数缓存测试公告")
            try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")])
            let reviewer = TestClient(app: app, passwords: editor.passwords)
            try await reviewer.signIn("lianfang-reviewer")
            try await reviewer.get(SiteURL.staffItem(id).path)
            try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")])
            try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")])
            #expect(
                try await Catalogue(db: app.db, calendar: .official).published(agency: nil, category: nil, year: nil, page: 1).total == before + 1)
        }
    }
}

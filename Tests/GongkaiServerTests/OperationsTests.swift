import Foundation
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct OperationsTests {
    @Test func metricsCountRequestsByRoutePatternAndStatus() async throws {
        try await withServer(demo: true) { _, client in
            try await client.get("/a/\(DemoSeed.lianfangCode)")
            try await client.get("/a/\(DemoSeed.lianfangCode)")
            try await client.get("/a/nobody")
            try await client.get("/healthz")
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.subType == "plain")
            let text = metrics.body.string
            #expect(text.contains(#"gongkai_http_requests_total{method="GET",route="/a/:code",status="200"} 2"#))
            #expect(text.contains(#"gongkai_http_requests_total{method="GET",route="/a/:code",status="404"} 1"#))
            #expect(text.contains(#"gongkai_http_request_duration_seconds_count{method="GET",route="/a/:code"} 3"#))
            #expect(text.contains("gongkai_db_ping_duration_seconds_count 1"))
            #expect(text.contains("gongkai_db_pool_connections_max"))
            // No series per agency code or item.
            #expect(!text.contains(DemoSeed.lianfangCode))
        }
    }
}

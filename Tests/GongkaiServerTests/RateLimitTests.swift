import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// Issue 14: limits on what costs or changes something, keyed on the client's address as the trusted proxy saw it
/// and on what is submitted, counted in the database so every app server sees the same count.
@Suite struct RateLimitTests {
    @Test func theClientIsThePeer_orWhatATrustedProxyPassedOn() throws {
        let none = ClientAddress()
        #expect(none.client(peer: "10.0.0.5", forwarded: ["1.2.3.4"]) == "10.0.0.5", "a header from anyone is not believed")
        let proxies = ClientAddress(trustedProxies: try ClientAddress.parse("10.0.0.0/8, ::1"))
        #expect(proxies.client(peer: "10.0.0.5", forwarded: ["1.2.3.4"]) == "1.2.3.4")
        #expect(
            proxies.client(peer: "10.0.0.5", forwarded: ["6.6.6.6, 1.2.3.4", "10.0.0.7"]) == "1.2.3.4", "what the client wrote itself is skipped")
        #expect(proxies.client(peer: "::1", forwarded: ["2001:db8::7"]) == "2001:db8::7")
        #expect(proxies.client(peer: "::ffff:10.1.2.3", forwarded: ["1.2.3.4"]) == "1.2.3.4", "an IPv4-mapped peer")
        #expect(proxies.client(peer: "10.0.0.5", forwarded: ["1.2.3.4, bogus"]) == "10.0.0.5", "nothing before a malformed hop")
        #expect(proxies.client(peer: "10.0.0.5", forwarded: []) == "10.0.0.5")
        #expect(proxies.client(peer: "11.0.0.5", forwarded: ["1.2.3.4"]) == "11.0.0.5", "11/8 is not trusted")
        for bad in ["10.0.0.0/33", "proxy.example", "10.0.0", "::1/129"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try ClientAddress.parse(bad) }
        }
        let configured = try ServerConfiguration.resolve(databasePath: "/tmp/x.sqlite", environment: ["TRUSTED_PROXIES": "127.0.0.1"])
        #expect(configured.trustedProxies == [IPNetwork("127.0.0.1")!])
    }

    /// Over a real socket behind a trusted proxy (loopback): each forwarded address has its own count, rotating
    /// addresses does not make one applicant many, the count lives in the database (what another app server counted
    /// holds here), and the table keeps no identity number.
    @Test func applicationsAreLimitedPerAddressAndPerApplicant_acrossServers() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!, sqliteFile: true) { app, _ in
            app.clientAddress = ClientAddress(trustedProxies: [IPNetwork("127.0.0.1")!])
            app.rateLimits.applications.limit = 2
            app.rateLimits.applicant.limit = 3
            // NB: one fixed moment, mid-window: a run that crossed the hour would start the counts again.
            app.rateLimits.applications.fixedNow = 1_800_001_800
            app.rateLimits.applicant.fixedNow = 1_800_001_800
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let url = URI(string: "http://127.0.0.1:\(port)\(SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path)")
            // Each a different request (the same one sent again the same day is the same application, not a new one).
            func apply(from address: String, id: String) async throws -> HTTPStatus {
                let body =
                    #"{"applicantType":"natural-person","name":"限流测试","idType":"passport","idNumber":"\#(id)","phone":"13800000000","formWanted":"electronic","delivery":"online","infoTitle":"限流测试申请：来自\#(address)"}"#
                return try await app.client.post(url, headers: ["Content-Type": "application/json", "X-Forwarded-For": address]) {
                    $0.body = ByteBuffer(string: body)
                }.status
            }
            #expect(try await apply(from: "1.1.1.1", id: "E001") == .created)
            #expect(try await apply(from: "1.1.1.1", id: "E002") == .created)
            #expect(try await apply(from: "1.1.1.1", id: "E003") == .tooManyRequests, "the third from one address in the hour")
            #expect(try await apply(from: "2.2.2.2", id: "E004") == .created, "another address has its own count")
            // One applicant through new addresses: E005 three times is its limit, the fourth is refused.
            for address in ["3.3.3.3", "4.4.4.4", "5.5.5.5"] { #expect(try await apply(from: address, id: "E005") == .created) }
            #expect(try await apply(from: "6.6.6.6", id: "E005") == .tooManyRequests)
            // Another app server counted two for 7.7.7.7 in the shared table: this one refuses the next.
            let sql = try #require(app.db as? any SQLDatabase)
            for _ in 0..<2 { _ = try await app.rateLimits.applications.admit("ip:7.7.7.7", on: sql) }
            #expect(try await apply(from: "7.7.7.7", id: "E006") == .tooManyRequests)
            struct Row: Decodable { var bucket: String }
            let buckets = try await sql.raw("SELECT bucket FROM rate_limits").all(decoding: Row.self).map(\.bucket)
            #expect(buckets.contains("applications:ip:1.1.1.1"))
            #expect(!buckets.contains { $0.contains("E005") }, "identity numbers are kept hashed: \(buckets)")
            #expect(try await ApplicationRecord.query(on: app.db).filter(\.$infoTitle ~~ "限流测试申请").count() == 6)
            try await app.server.shutdown()
        }
    }

    @Test func aLimitRefusesWithRetryAfter_andANewWindowStartsAfresh() async throws {
        try await withServer { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            let limit = RateLimit(name: "t", limit: 2, window: 60)
            #expect(try await limit.admit("k", on: sql, now: 120) == nil)
            #expect(try await limit.admit("k", on: sql, now: 130) == nil)
            #expect(try await limit.admit("k", on: sql, now: 150) == 30, "seconds to the window's end")
            #expect(try await limit.admit("k", on: sql, now: 180) == nil, "a new window")
            try await RateLimit.prune(on: sql, now: 180 + 3 * 86_400)
            struct Count: Decodable { var n: Int }
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM rate_limits").first(decoding: Count.self)?.n == 0)
        }
    }
}

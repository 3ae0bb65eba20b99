import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// At most `limit` requests per key in a fixed `window`, counted in the database (`rate_limits`): one atomic
/// INSERT … ON CONFLICT … RETURNING per request, so concurrent requests cannot slip past and every app server behind
/// a load balancer sees the same count. A key is the client's address (`Request.clientKey`, through the trusted
/// proxies) or what is submitted — an identity number, an e-mail, a contact — hashed, never stored in the clear.
/// NB: a fixed window lets up to twice the limit through around its edge; what it guards against is floods.
struct RateLimit: Sendable {
    var name: String
    var limit: Int
    var window: Int64
    /// For tests: the time counted at (seconds since 1970), so that a test never straddles a window's edge.
    var fixedNow: Int64? = nil

    /// Counts a request under `key`; the seconds to wait when it is one too many, else nil.
    func admit(_ key: String, on sql: any SQLDatabase, now: Int64? = nil) async throws -> Int? {
        struct Count: Decodable {
            var hits: Int
            var window_start: Int64
        }
        let now = now ?? fixedNow ?? Int64(Date().timeIntervalSince1970)
        let start = now - now % window
        let bucket = "\(name):\(key)"
        let count = try await sql.raw(
            """
            INSERT INTO rate_limits (bucket, window_start, hits) VALUES (\(bind: bucket), \(bind: start), 1)
            ON CONFLICT (bucket) DO UPDATE SET
            hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END,
            window_start = excluded.window_start
            RETURNING hits, window_start
            """
        ).first(decoding: Count.self)
        guard let count, count.hits > limit else { return nil }
        return Int(max(1, count.window_start + window - now))
    }

    /// Several counts for one request, made together (in the transaction of what the request stores, so an accepted
    /// request costs no extra commit); the first that has had enough refuses it.
    struct Check: Sendable {
        var keys: [(RateLimit, String)]
        var what: UIText

        func count(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            for (limit, key) in keys {
                if let wait = try await limit.admit(key, on: sql) { throw RateLimited(seconds: wait, what: what) }
            }
        }
    }

    /// Forgets windows that ended a day ago or more (the housekeeping's work).
    static func prune(on sql: any SQLDatabase, now: Int64 = Int64(Date().timeIntervalSince1970)) async throws {
        try await sql.raw("DELETE FROM rate_limits WHERE window_start < \(bind: now - 2 * 86_400)").run()
    }

    /// The key for something submitted (an identity number, an e-mail): its SHA-256, so the table holds no personal data.
    static func submitted(_ kind: String, _ value: String) -> String? {
        let normalized = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !normalized.isEmpty else { return nil }
        return kind + ":" + SHA256.hash(data: Data(normalized.utf8)).hex
    }
}

/// The limits this server applies (tests set others).
struct RateLimits: Sendable {
    /// Applications from one address: 10 an hour (the portal's form and the API together).
    var applications = RateLimit(name: "applications", limit: 10, window: 3600)
    /// Applications for one identity number or e-mail, from any address: 20 a day.
    var applicant = RateLimit(name: "applicant", limit: 20, window: 86_400)
    /// Complaints from one address: 10 an hour; for one contact, 20 a day.
    var complaints = RateLimit(name: "complaints", limit: 10, window: 3600)
    var complainant = RateLimit(name: "complainant", limit: 20, window: 86_400)
    /// Status look-ups from one address: 30 a minute.
    var statusLookups = RateLimit(name: "status", limit: 30, window: 60)
    /// Report checks from one address (the portal's form and the API together): 30 in 10 minutes, each up to
    /// `ReportCheckTool.maxReports` reports.
    var reportChecks = RateLimit(name: "report-checks", limit: 30, window: 600)
}

struct RateLimitsKey: StorageKey {
    typealias Value = RateLimits
}

/// At most `limit` requests per client in any `window`, in this server's memory: for search, where a database write
/// per query would cost more than the query (whose work is bounded on its own), so each app server limits alone.
final class MemoryRateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let hits = NIOLockedValueBox<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records a request from `client`; the seconds to wait when it is one too many, else nil.
    func admit(_ client: String, now: Date = Date()) -> Int? {
        hits.withLockedValue { table in
            if table.count > 100_000 { table = table.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
            var recent = (table[client] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                table[client] = recent
                return max(1, Int((window - now.timeIntervalSince(recent[0])).rounded(.up)))
            }
            recent.append(now)
            table[client] = recent
            return nil
        }
    }
}

struct SearchLimiterKey: StorageKey {
    typealias Value = MemoryRateLimiter
}

extension Application {
    var rateLimits: RateLimits {
        get { storage[RateLimitsKey.self] ?? RateLimits() }
        set { storage[RateLimitsKey.self] = newValue }
    }

    /// Searches per client on this server (`configure` sets 60 a minute; unset, no limit).
    var searchLimiter: MemoryRateLimiter {
        get { storage[SearchLimiterKey.self] ?? MemoryRateLimiter(limit: .max, window: 60) }
        set { storage[SearchLimiterKey.self] = newValue }
    }
}

extension Request {
    /// The client's address: the peer, or behind a trusted proxy the address it passed on (`ClientAddress`).
    var clientKey: String { application.clientAddress.client(peer: remoteAddress?.ipAddress, forwarded: headers[.xForwardedFor]) }

    /// Counts this request under `limit` for the client's address; throws 429 with Retry-After when it has had enough.
    func admit(_ limit: RateLimit, what: UIText) async throws {
        try await admit(limit, keys: ["ip:" + clientKey], what: what)
    }

    /// Counts this request under `limit` for each of what it submits (keys from `RateLimit.submitted`; nil ones, for
    /// fields left empty, are skipped), from whatever address; throws 429 when any has had enough.
    func admit(_ limit: RateLimit, keys: [String?], what: UIText) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for key in keys.compactMap({ $0 }) {
            if let wait = try await limit.admit(key, on: sql) { throw RateLimited(seconds: wait, what: what) }
        }
    }

    /// Throws 429 with Retry-After when this server's search limiter has had enough of the client.
    func admitSearch() throws {
        if let wait = application.searchLimiter.admit(clientKey) { throw RateLimited(seconds: wait, what: .whatSearching) }
    }
}

struct RateLimited: SaidError {
    var seconds: Int
    var what: UIText
    var status: HTTPResponseStatus { .tooManyRequests }
    var said: Said { Said(zh: UIText.tooOften(.zh, what(.zh), seconds), en: UIText.tooOften(.en, what(.en), seconds)) }
    var headers: HTTPHeaders { ["Retry-After": String(seconds)] }
}

import Foundation
import NIOConcurrencyHelpers
import Vapor

/// At most `limit` requests per client in any `window`, per purpose (the public form, the status look-up).
/// Kept in this server's memory: behind a load balancer each app server limits on its own.
final class RateLimiter: Sendable {
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

struct RateLimitersKey: StorageKey {
    typealias Value = RateLimiters
}

struct RateLimiters: Sendable {
    /// Applications submitted per client: 10 an hour.
    var applications = RateLimiter(limit: 10, window: 3600)
    /// Status look-ups per client: 30 a minute.
    var statusLookups = RateLimiter(limit: 30, window: 60)
}

extension Application {
    var rateLimiters: RateLimiters {
        get { storage[RateLimitersKey.self] ?? RateLimiters() }
        set { storage[RateLimitersKey.self] = newValue }
    }
}

extension Request {
    /// The client as this server sees it (the peer address; a proxy in front should be configured to pass it).
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }

    /// Throws 429 with Retry-After when `limiter` has had enough of this client.
    func admit(_ limiter: RateLimiter, what: UIText) throws {
        if let wait = limiter.admit(clientKey) {
            throw RateLimited(seconds: wait, what: what)
        }
    }
}

struct RateLimited: SaidError {
    var seconds: Int
    var what: UIText
    var status: HTTPResponseStatus { .tooManyRequests }
    var said: Said { Said(zh: UIText.tooOften(.zh, what(.zh), seconds), en: UIText.tooOften(.en, what(.en), seconds)) }
    var headers: HTTPHeaders { ["Retry-After": String(seconds)] }
}

import Foundation
import NIOConcurrencyHelpers

/// Values kept for `ttl` seconds, then forgotten. Safe from any thread.
final class ExpiringCache<Value: Sendable>: Sendable {
    let ttl: TimeInterval
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: (Value, Date)]>([:])

    init(ttl: TimeInterval, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func value(_ key: String, now: Date = Date()) -> Value? {
        entries.withLockedValue { table in
            guard let (value, stored) = table[key] else { return nil }
            guard now.timeIntervalSince(stored) < ttl else {
                table[key] = nil
                return nil
            }
            return value
        }
    }

    func store(_ value: Value, for key: String, now: Date = Date()) {
        entries.withLockedValue { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = (value, now)
        }
    }

    func removeAll() {
        entries.withLockedValue { $0.removeAll() }
    }
}

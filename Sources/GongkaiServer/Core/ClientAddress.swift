import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IP address or a network (`10.0.0.0/8`, `::1`, `fd00::/8`), as `TRUSTED_PROXIES` lists them.
struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    var bytes: [UInt8]
    var prefix: Int

    /// Parses `a.b.c.d`, an IPv6 address, either with `/bits`; nil when it is neither.
    init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let bytes = Self.address(String(first)) else { return nil }
        self.bytes = bytes
        if parts.count == 2 {
            guard let bits = Int(parts[1]), (0...(bytes.count * 8)).contains(bits) else { return nil }
            prefix = bits
        } else {
            prefix = bytes.count * 8
        }
    }

    /// The bytes of an IPv4 or IPv6 address (an IPv4-mapped IPv6 address, `::ffff:a.b.c.d`, as IPv4).
    static func address(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }

    func contains(_ address: [UInt8]) -> Bool {
        guard address.count == bytes.count else { return false }
        var bits = prefix
        for (mine, theirs) in zip(bytes, address) where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if mine & mask != theirs & mask { return false }
            bits -= 8
        }
        return true
    }

    var description: String {
        let text = bytes.count == 4 ? bytes.map(String.init).joined(separator: ".") : "IPv6"
        return "\(text)/\(prefix)"
    }
}

/// Who a request comes from, for limits and the audit log. Without trusted proxies it is the peer. Behind the
/// agency's reverse proxy or load balancer (`TRUSTED_PROXIES`), it is the last address in `X-Forwarded-For` that
/// is not one of them — the one the nearest trusted proxy saw; what a client writes in the header itself is
/// never believed unless a trusted proxy passed it on.
struct ClientAddress: Sendable {
    var trustedProxies: [IPNetwork] = []

    /// `TRUSTED_PROXIES`, comma-separated addresses or networks; a value that is neither is refused by name.
    static func parse(_ value: String?) throws(ConfigurationError) -> [IPNetwork] {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return try value.split(separator: ",").map { part throws(ConfigurationError) in
            guard let network = IPNetwork(String(part)) else {
                throw ConfigurationError("TRUSTED_PROXIES: “\(part.prefix(100))” is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8)")
            }
            return network
        }
    }

    func isTrusted(_ address: String) -> Bool {
        guard let bytes = IPNetwork.address(address) else { return false }
        return trustedProxies.contains { $0.contains(bytes) }
    }

    /// The client of a request from `peer` carrying `forwarded` (the `X-Forwarded-For` values, in order).
    func client(peer: String?, forwarded: [String]) -> String {
        guard let peer else { return "unknown" }
        guard isTrusted(peer) else { return peer }
        let hops = forwarded.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard IPNetwork.address(hop) != nil else { return peer }  // a malformed hop: trust nothing before it
            if !isTrusted(hop) { return hop }
        }
        return hops.first ?? peer
    }
}

struct ClientAddressKey: StorageKey {
    typealias Value = ClientAddress
}

extension Application {
    var clientAddress: ClientAddress {
        get { storage[ClientAddressKey.self] ?? ClientAddress() }
        set { storage[ClientAddressKey.self] = newValue }
    }
}

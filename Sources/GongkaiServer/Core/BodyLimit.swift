import Vapor

/// How large a request body each route takes, known to the middleware that runs before the route collects it.
///
/// NB: a body that arrives in several TCP segments is still streaming when the middleware runs; whatever reads it
/// there (the CSRF check) must first collect it, within the route's own limit, or it sees an empty form.
enum BodyLimit {
    /// Forms of text: a letter or an item's body of tens of thousands of characters, percent-encoded, fits.
    static let forms: ByteCount = "1mb"

    private static let key = "gongkai.bodyLimit"

    /// The limit of the route `request` was routed to.
    static func of(_ request: Request) -> Int {
        (request.route?.userInfo[key] as? Int) ?? request.application.routes.defaultMaxBodySize.value
    }

    /// Collects the body of `request` within its route's limit (a 413 past it); nothing to do when it has arrived.
    static func collect(_ request: Request) async throws {
        guard request.body.data == nil else { return }
        _ = try await request.body.collect(max: of(request)).get()
    }

    /// Records `limit` on `route`, which its registration collects up to.
    static func set(_ limit: ByteCount, on route: Route) {
        route.userInfo[key] = limit.value
    }
}

extension ByteCount {
    /// A size in words for a person: 21 MB, 512 KB.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        return "\(max(1, bytes / 1024)) KB"
    }
}

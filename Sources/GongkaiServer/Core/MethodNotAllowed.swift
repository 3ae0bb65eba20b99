import RoutingKit
import Vapor

/// A request to an address that exists, with a method it does not take: 405 with `Allow` naming the methods it does
/// take (RFC 9110 §15.5.6), instead of the router's 404. `OPTIONS` on such an address answers 204 with the same `Allow`.
/// The table is built once from the registered routes, after `routes(app)`; it is only read afterwards, as Vapor's
/// own router is (hence `@unchecked`: RoutingKit's trie is a class that does not declare itself `Sendable`).
struct AllowedMethods: @unchecked Sendable {
    private let router: TrieRouter<[String]>

    init(_ routes: [Route], caseInsensitive: Bool) {
        var byPath: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes {
            let path = route.path.filter { if case .constant("") = $0 { false } else { true } }
            let key = path.map(\.description).joined(separator: "/")
            byPath[key, default: (path, [])].methods.insert(route.method.rawValue)
            if route.method == .GET { byPath[key]?.methods.insert(HTTPMethod.HEAD.rawValue) }
        }
        let router = TrieRouter([String].self, options: caseInsensitive ? [.caseInsensitive] : [])
        // Under one root component, as Vapor puts the method there: the trie takes no empty path (the home page).
        for (_, entry) in byPath { router.register(entry.methods.sorted(), at: [.constant("/")] + entry.path) }
        self.router = router
    }

    /// The methods the address takes, or nil when no route has it.
    func methods(for path: String) -> [String]? {
        var parameters = Parameters()
        return router.route(path: ["/"] + path.split(separator: "/").map(String.init), parameters: &parameters)
    }
}

extension Application {
    private struct AllowedMethodsKey: StorageKey { typealias Value = AllowedMethods }
    var allowedMethods: AllowedMethods? {
        get { storage[AllowedMethodsKey.self] }
        set { storage[AllowedMethodsKey.self] = newValue }
    }
}

struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .notFound && request.route == nil {
            guard let methods = request.application.allowedMethods?.methods(for: request.url.path) else { throw abort }
            let allow = (methods + ["OPTIONS"]).sorted().joined(separator: ", ")
            if request.method == .OPTIONS { return Response(status: .noContent, headers: ["Allow": allow]) }
            throw MethodRefused(allow: allow)
        }
    }

    struct MethodRefused: SaidError {
        var allow: String
        var status: HTTPResponseStatus { .methodNotAllowed }
        var headers: HTTPHeaders { ["Allow": allow] }
        var said: Said { UIText.sentenceMethod.said() }
    }
}

import AsyncKit
import Plot
import Vapor

/// Errors become a clear message with the right status: JSON `{"error": …}` under /api, a page elsewhere.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let message: String
            var headers = HTTPHeaders()
            switch error {
            case let abort as any AbortError:
                status = abort.status
                message = abort.reason
                headers = abort.headers
            case is ConnectionPoolTimeoutError:
                // Every database connection stayed busy for 30 s: overload, said as such; nothing was stored.
                status = .serviceUnavailable
                message = "the server is too busy to reach its database now; nothing was saved — please try again shortly"
                headers.replaceOrAdd(name: "Retry-After", value: "5")
                request.logger.warning("database connection pool exhausted: \(error)")
            case let decoding as DecodingError:
                status = .badRequest
                message = "the request body is not what this endpoint takes: \(decoding)"
            default:
                status = .internalServerError
                message = "something went wrong on the server; it has been logged"
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: status, headers: headers)
                try response.content.encode(APIError(error: message, status: Int(status.code)))
                return response
            }
            let page = PageRenderer.render(Views.error(status: status, message: message, request: request), status: status)
            for (name, value) in headers where name.lowercased() != "content-type" { page.headers.replaceOrAdd(name: name, value: value) }
            return page
        }
    }
}

/// The body of every API error.
struct APIError: Content {
    var error: String
    var status: Int
}

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
            switch error {
            case let abort as any AbortError:
                status = abort.status
                message = abort.reason
            case let decoding as DecodingError:
                status = .badRequest
                message = "the request body is not what this endpoint takes: \(decoding)"
            default:
                status = .internalServerError
                message = "something went wrong on the server; it has been logged"
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: status)
                try response.content.encode(APIError(error: message, status: Int(status.code)))
                return response
            }
            return PageRenderer.render(Views.error(status: status, message: message, request: request), status: status)
        }
    }
}

/// The body of every API error.
struct APIError: Content {
    var error: String
    var status: Int
}

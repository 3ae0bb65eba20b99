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
            case let abort as any AbortError where abort.status == .payloadTooLarge:
                status = abort.status
                let limit = ByteCount.describe(BodyLimit.of(request))
                message = abort.reason == status.reasonPhrase ? UIText.sentenceTooLargeHere(request.language, limit) : abort.reason
                headers = abort.headers
            case let refused as any SaidError:
                status = refused.status
                message = refused.said(request.language)
                headers = refused.headers
            case let abort as any AbortError:
                status = abort.status
                // NB: Gongkai's own refusals are Chinese; Vapor's and its libraries' (no such route, a malformed form)
                // are English, and are replaced by the status's Chinese sentence (the original goes to the log).
                if abort.reason.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                    message = abort.reason
                } else {
                    message = Problem.sentence(for: status)(request.language)
                    request.logger.debug("refused with \(status.code): \(abort.reason)")
                }
                headers = abort.headers
            case is ConnectionPoolTimeoutError:
                // Every database connection stayed busy for 30 s: overload, said as such; nothing was stored.
                status = .serviceUnavailable
                message = UIText.sentenceBusy(request.language)
                headers.replaceOrAdd(name: "Retry-After", value: "5")
                request.logger.warning("database connection pool exhausted: \(error)")
            case let decoding as DecodingError:
                status = .badRequest
                message = UIText.sentenceUnreadable(request.language, Problem.describe(decoding))
            default:
                status = .internalServerError
                message = UIText.sentenceServer(request.language)
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

/// The Chinese words of the error pages: a title for each status and a sentence for Vapor's own refusals.
enum Problem {
    static func title(for status: HTTPResponseStatus) -> UIText {
        switch status.code {
        case 400: .problemBadRequest
        case 401: .problemSignIn
        case 403: .problemForbidden
        case 404: .problemNotFound
        case 405: .problemMethod
        case 409: .problemConflict
        case 413: .problemTooLarge
        case 415: .problemMediaType
        case 422: .problemInvalid
        case 429: .problemTooMany
        case 503: .problemBusy
        case 500...599: .problemServer
        default: .problemOther
        }
    }

    static func sentence(for status: HTTPResponseStatus) -> UIText {
        switch status.code {
        case 400: .sentenceBadRequest
        case 401: .sentenceSignIn
        case 403: .sentenceForbidden
        case 404: .sentenceNotFound
        case 405: .sentenceMethod
        case 413: .sentenceTooLarge
        case 415: .sentenceMediaType
        case 422: .sentenceInvalid
        case 429: .sentenceTooMany
        case 500...599: .sentenceServer
        default: .sentenceOther
        }
    }

    /// Which field of a body could not be read, in words (never Swift's own description of the decoder).
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "第\($0 + 1)项" } ?? $0.stringValue }
            return names.isEmpty ? "整体" : names.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return "缺少字段 \(field)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "字段 \(path(context)) 的值类型不对"
        case .dataCorrupted(let context):
            return "字段 \(path(context)) 的值无法识别"
        @unknown default:
            return "无法读取"
        }
    }
}

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
            var goOn: GoOn?
            switch error {
            case let refused as any SaidError:
                // NB: first, so that Gongkai's own 413s (an attachment over its limit) keep their sentence and language.
                status = refused.status
                message = refused.said(request.language)
                headers = refused.headers
                goOn = refused.goOn
            case let abort as any AbortError where abort.status == .payloadTooLarge:
                // A body over the route's limit, refused by Vapor: the limit in the reader's language.
                status = abort.status
                message = UIText.sentenceTooLargeHere(request.language, ByteCount.describe(BodyLimit.of(request)))
                headers = abort.headers
            case let abort as any AbortError:
                // Gongkai's own refusals are SaidErrors (above); Vapor's and its libraries' (no such route, a malformed
                // form) are English sentences for developers: the reader gets the status's sentence, the log the original.
                status = abort.status
                message = Problem.sentence(for: status)(request.language)
                if status.code >= 500 {
                    request.logger.report(error: abort)
                } else {
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
                message = UIText.sentenceUnreadable(request.language, Problem.describe(decoding)(request.language))
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
            let page = PageRenderer.render(Views.error(status: status, message: message, goOn: goOn, request: request), status: status)
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
    static func describe(_ error: DecodingError) -> Said {
        func names(_ path: [any CodingKey]) -> [Said] {
            path.map { key in key.intValue.map { UIText.listEntry.said($0 + 1) } ?? Said(zh: key.stringValue, en: key.stringValue) }
        }
        func field(_ path: [any CodingKey]) -> Said {
            let parts = names(path)
            guard !parts.isEmpty else { return UIText.wholeBody.said() }
            return Said(zh: parts.map(\.zh).joined(separator: "."), en: parts.map(\.en).joined(separator: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return UIText.missingField.said(nesting: [field(context.codingPath + [key])])
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return UIText.fieldWrongType.said(nesting: [field(context.codingPath)])
        case .dataCorrupted(let context):
            return UIText.fieldUnrecognised.said(nesting: [field(context.codingPath)])
        @unknown default:
            return UIText.unreadable.said()
        }
    }
}

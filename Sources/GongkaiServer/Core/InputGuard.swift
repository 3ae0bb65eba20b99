import Foundation
import Vapor

/// Refuses, before any handler or database sees it, text that no form or URL of Gongkai can carry: a NUL or another
/// control character in the path, and a NUL in a form or JSON body.
///
/// NB: PostgreSQL refuses NUL in text (SQLite stores it), so without this a stray `%00` was a server error on one
/// database and stored garbage on the other. Uploaded files (multipart) may hold any bytes and are not looked at.
struct InputGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let path = request.url.path.removingPercentEncoding, path.unicodeScalars.contains(where: Self.isControl) {
            throw Refused(.badRequest, .pathControlCharacters)
        }
        if request.method == .POST, let type = request.headers.contentType, type == .urlEncodedForm || type == .json {
            try await BodyLimit.collect(request)
            if let body = request.body.data, Self.carriesNUL(body, json: type == .json) {
                throw Refused(.badRequest, .bodyNUL)
            }
        }
        return try await next.respond(to: request)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// Whether `body` holds a NUL: raw, percent-encoded (`%00`) or, in JSON, escaped (`\u0000`).
    static func carriesNUL(_ body: ByteBuffer, json: Bool) -> Bool {
        let bytes = body.readableBytesView
        if bytes.contains(0) { return true }
        let text = String(decoding: bytes, as: UTF8.self)
        return json ? text.range(of: "\\u0000", options: .caseInsensitive) != nil : text.range(of: "%00") != nil
    }
}

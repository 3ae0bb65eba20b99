import Foundation
import Vapor

/// Refuses, before any handler or database sees it, text that no form or URL of Gongkai can carry: a NUL or another
/// control character in the path, a NUL in a form or JSON body, and a control or text-direction character in a form
/// or JSON field (named in the answer).
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
            if let body = request.body.data {
                if Self.carriesNUL(body, json: type == .json) { throw Refused(.badRequest, .bodyNUL) }
                if let field = Self.fieldWithForbiddenCharacters(body, json: type == .json) {
                    throw Refused(.badRequest, .fieldControlCharacters, field)
                }
            }
        }
        return try await next.respond(to: request)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// Whether a character has no place in text a person types: a control character other than tab and the line ends,
    /// or one that reorders text for display (U+202A–U+202E, U+2066–U+2069: after 「RLO」 a name reads backwards in
    /// every list and letter that shows it).
    static func isForbiddenInText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The name of the first field of a form or JSON body whose value holds a character `isForbiddenInText` refuses
    /// (a JSON field inside another is named by its path, `a.b` or `a[2]`); nil when every value is clean or the body
    /// cannot be read (the handler's decoding says what is wrong with it).
    static func fieldWithForbiddenCharacters(_ body: ByteBuffer, json: Bool) -> String? {
        let data = Data(body.readableBytesView)
        func dirty(_ text: String) -> Bool { text.unicodeScalars.contains(where: isForbiddenInText) }
        if !json {
            for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decoded(_ part: Substring) -> String? { String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
                guard let name = parts.first.flatMap(decoded), let value = parts.count > 1 ? decoded(parts[1]) : "" else { continue }
                if dirty(name) { return "?" }
                if dirty(value) { return name }
            }
            return nil
        }
        func walk(_ value: Any, _ path: String) -> String? {
            switch value {
            case let text as String: return dirty(text) ? (path.isEmpty ? "?" : path) : nil
            case let object as [String: Any]:
                for key in object.keys.sorted() {
                    if dirty(key) { return path.isEmpty ? "?" : path }
                    if let found = walk(object[key] as Any, path.isEmpty ? key : "\(path).\(key)") { return found }
                }
                return nil
            case let list as [Any]:
                for (index, entry) in list.enumerated() { if let found = walk(entry, "\(path)[\(index)]") { return found } }
                return nil
            default: return nil
            }
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return walk(parsed, "")
    }

    /// Whether `body` holds a NUL: raw, percent-encoded (`%00`) or, in JSON, escaped (`\u0000`).
    static func carriesNUL(_ body: ByteBuffer, json: Bool) -> Bool {
        let bytes = body.readableBytesView
        if bytes.contains(0) { return true }
        let text = String(decoding: bytes, as: UTF8.self)
        return json ? text.range(of: "\\u0000", options: .caseInsensitive) != nil : text.range(of: "%00") != nil
    }
}

import Foundation
import Vapor

/// A query or path parameter that cannot be used: a 400 that names the parameter and says what it takes.
struct BadParameter: SaidError {
    var name: String
    var problem: Said
    var status: HTTPResponseStatus { .badRequest }
    var said: Said { Said(zh: UIText.badParameter(.zh, name, problem.zh), en: UIText.badParameter(.en, name, problem.en)) }
}

/// Every number and identifier a URL carries is parsed and bounded here, once, before any handler does arithmetic
/// with it or builds a range from it: a value out of bounds is a `BadParameter` (400), never a trap that ends the
/// server for everyone.
enum ParameterBounds {
    /// Pages of a list. A million items at 20 a page is 50,000 pages; past the last page a list is empty.
    static let page = 1...1_000_000
    /// Years of items, reports and registers: from the founding of the state (old documents still in force count in
    /// table 二) to well past any working year.
    static let year = 1949...2100
    /// Versions of a published annual report.
    static let version = 1...10_000
    /// Characters of a search query: a title is rarely longer than this, and every character is a term to look up.
    static let searchLength = 100
    /// Characters of any other text parameter (a code, a name to filter by).
    static let textLength = 200
}

extension Request {
    /// The first value of query parameter `name`, decoded (`+` is a space); nil when absent or empty.
    /// An invalid percent-escape is a `BadParameter`.
    func queryText(_ name: String, maxLength: Int = ParameterBounds.textLength) throws -> String? {
        guard let query = url.query, !query.isEmpty else { return nil }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawKey = parts.first, Self.formDecoded(rawKey) == name else { continue }
            let rawValue = parts.count > 1 ? parts[1] : ""
            guard let value = Self.formDecoded(rawValue) else {
                throw BadParameter(name: name, problem: UIText.badPercentEncoding.said())
            }
            guard !value.isEmpty else { return nil }
            guard value.count <= maxLength else {
                throw BadParameter(name: name, problem: UIText.parameterTooLong.said(maxLength, value.count))
            }
            if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw BadParameter(name: name, problem: UIText.controlCharacters.said())
            }
            return value
        }
        return nil
    }

    /// Query parameter `name` as a whole number within `bounds`; nil when absent or empty.
    func queryInt(_ name: String, in bounds: ClosedRange<Int>) throws -> Int? {
        guard let text = try queryText(name) else { return nil }
        return try Self.bounded(text, name: name, in: bounds)
    }

    /// The page of a list (`?page=`): 1 when absent.
    func pageParameter() throws -> Int {
        try queryInt("page", in: ParameterBounds.page) ?? 1
    }

    /// A year in the query (`?year=`); nil when absent or empty.
    func yearQuery(_ name: String = "year") throws -> Int? {
        try queryInt(name, in: ParameterBounds.year)
    }

    /// Query parameter `name` as a UUID; nil when absent or empty.
    func queryUUID(_ name: String) throws -> UUID? {
        guard let text = try queryText(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw BadParameter(name: name, problem: UIText.notAnIdentifier.said(text.prefix(40))) }
        return id
    }

    /// Path parameter `name` as a year.
    func yearPath(_ name: String = "year") throws -> Int {
        let text = parameters.get(name) ?? ""
        return try Self.bounded(text, name: name, in: ParameterBounds.year)
    }

    /// `text` as a whole number within `bounds`, or a `BadParameter` naming `name`.
    static func bounded(_ text: String, name: String, in bounds: ClosedRange<Int>) throws -> Int {
        guard text.utf8.count <= 20, let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw BadParameter(name: name, problem: UIText.integerRange.said(bounds.lowerBound, bounds.upperBound, text.prefix(40)))
        }
        guard bounds.contains(value) else {
            throw BadParameter(name: name, problem: UIText.integerRange.said(bounds.lowerBound, bounds.upperBound, value))
        }
        return value
    }

    private static func formDecoded(_ raw: Substring) -> String? {
        String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    /// The body as `T`. Whatever cannot be read (a missing or mistyped field, a broken form or multipart encoding) is
    /// the sender's to fix: a 400 that names the field, never a server error.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self)
        } catch let error as DecodingError {
            throw Refused(.badRequest, said: UIText.bodyMalformed.said(nesting: [Problem.describe(error)]))
        } catch let error as any AbortError {
            throw error
        } catch {
            throw Refused(.badRequest, .bodyUnreadable)
        }
    }

    /// An API request's JSON body as `T`, on the same terms as `decodeBody`, holding only the fields the OpenAPI
    /// document lists for `schema`: another field (a misspelt name whose value would otherwise be dropped unread) is a
    /// 400 that names it and the fields there are.
    func decodeAPIBody<T: Decodable>(_ type: T.Type, schema: String) throws -> T {
        let decoded = try decodeBody(T.self)
        if let body = self.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] {
            let known = OpenAPIDocument.fields(of: schema)
            if let unknown = object.keys.filter({ !known.contains($0) }).sorted().first {
                throw Refused(.badRequest, .fieldNotTaken, String(unknown.prefix(40)), known.sorted().joined(separator: ", "))
            }
        }
        return decoded
    }

    /// The query string as `T`, on the same terms as `decodeBody`.
    func decodeQuery<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try query.decode(T.self)
        } catch let error as DecodingError {
            throw Refused(.badRequest, said: UIText.queryMalformed.said(nesting: [Problem.describe(error)]))
        } catch {
            throw Refused(.badRequest, .queryUnreadable)
        }
    }
}

import Foundation
import Vapor

/// The 长辈版 (large type) of the public pages, as 工业和信息化部《互联网网站适老化通用设计规范》 asks government sites to
/// offer: larger type and controls, higher contrast, one column, no script. Like the language, the edition is part of
/// the address — `/elder/…`, before `/en` — not a cookie, so each page stays one cacheable, exportable file.
/// `EditionResponder` takes `/elder` off before routing and puts it back on every link, form and redirect of the answer.
enum Edition: String, Sendable {
    case standard, elder

    static let elderPrefix = "/elder"

    /// The address of `path` (an address with its language already on) in this edition.
    func path(_ path: String) -> String {
        switch self {
        case .standard: path
        case .elder: path == "/" ? Self.elderPrefix + "/" : Self.elderPrefix + path
        }
    }

    /// The edition an address is in, and the address with the edition taken off.
    static func of(path: String) -> (Edition, String) {
        guard path == elderPrefix || path.hasPrefix(elderPrefix + "/") else { return (.standard, path) }
        let rest = String(path.dropFirst(elderPrefix.count))
        return (.elder, rest.isEmpty ? "/" : rest)
    }

    /// NB: a link to another edition of the page carries `data-edition="…"` just before its `href`; it is final, and
    /// neither this rewriting nor the language's touches it.
    static let switchMarker = "data-edition"

    /// A 长辈版 page: each address on this site (`href="/…"`, `action="/…"`) under `/elder`.
    static func elder(_ html: String) -> String {
        html.replacing(/(data-edition="[a-z]+" )?\b(href|action)="\/(?!\/)/) { match in
            match.output.1 != nil ? String(match.output.0) : "\(match.output.2)=\"\(elderPrefix)/"
        }
    }
}

extension Request {
    private struct EditionKey: StorageKey { typealias Value = Edition }

    /// The edition of the page asked for (`/elder/…` is the 长辈版).
    var edition: Edition {
        get { storage[EditionKey.self] ?? .standard }
        set { storage[EditionKey.self] = newValue }
    }
}

/// Routes `/elder/…` as `/…` in the 长辈版, and keeps the answer's links, forms and redirects in it.
struct EditionResponder: Responder {
    let next: any Responder

    func respond(to request: Request) -> EventLoopFuture<Response> {
        let (edition, path) = Edition.of(path: request.url.path)
        guard edition == .elder else { return next.respond(to: request) }
        request.url.path = path
        request.edition = .elder
        return next.respond(to: request).map { response in
            if let location = response.headers.first(name: .location), location.hasPrefix("/"), !location.hasPrefix("//") {
                response.headers.replaceOrAdd(name: .location, value: Edition.elder.path(location))
            }
            if response.headers.contentType?.subType == "html", let html = response.body.string {
                response.body = .init(string: Edition.elder(html))
            }
            return response
        }
    }
}

import Foundation
import Vapor

/// The language of a page is part of its address: Chinese at the root, English under `/en/`, so that each page stays
/// one cacheable, exportable file. Handlers and views build links from `SiteURL` without a language; at the edge,
/// `AddressPartResponder.language` takes `/en` off an English request before routing and puts it back on every link, form and
/// redirect of the answer. Letters and published reports stay Chinese whatever the language (legal documents).
enum Language: String, CaseIterable, Sendable {
    case zh = "zh-CN"
    case en

    static let englishPrefix = "/en"

    /// The address of `path` (an address of the Chinese site) in this language.
    func path(_ path: String) -> String { self == .zh ? path : AddressPartResponder.add(Self.englishPrefix, to: path) }

    /// The language an address is in, and the address with its language taken off.
    static func of(path: String) -> (Language, String) {
        AddressPartResponder.strip(englishPrefix, from: path).map { (.en, $0) } ?? (.zh, path)
    }

    /// Whether a request's `Accept-Language` prefers English to Chinese (it only suggests: the address decides).
    static func prefersEnglish(_ header: String?) -> Bool {
        guard let header else { return false }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, q)
        }
        let english = ranked.filter { $0.0 == "en" || $0.0.hasPrefix("en-") }.map(\.1).max() ?? 0
        let chinese = ranked.filter { $0.0 == "zh" || $0.0.hasPrefix("zh-") }.map(\.1).max() ?? 0
        return english > 0 && english > chinese
    }

    /// An English page: each address on this site (`href="/…"`, `action="/…"`) under `/en`. NB: links to the Chinese
    /// page (the language switch) carry `lang="zh-CN"` just before their `href`, and links to the other edition
    /// `data-edition="…"`: both are left as they are.
    static func english(_ html: String) -> String {
        html.replacing(/((?:lang="zh-CN"|data-edition="[a-z]+") )?\b(href|action)="\/(?!\/)/) { match in
            match.output.1 != nil ? String(match.output.0) : "\(match.output.2)=\"\(englishPrefix)/"
        }
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The language of the page asked for (`/en/…` is English).
    var language: Language {
        get { storage[LanguageKey.self] ?? .zh }
        set { storage[LanguageKey.self] = newValue }
    }
}

/// A part of the address in front of the page's own path (`/en`, `/elder`): taken off before routing — `found` tells
/// the request what it meant — and put back on every link, form and redirect of the answer (`rewrite` does the links).
/// One responder per part; the outer one's part comes first in the address (`/elder/en/…`).
struct AddressPartResponder: Responder {
    let next: any Responder
    let prefix: String
    let rewrite: @Sendable (String) -> String
    let found: @Sendable (Request) -> Void

    /// `path` without the part, or nil when it is not in front of it.
    static func strip(_ prefix: String, from path: String) -> String? {
        guard path == prefix || path.hasPrefix(prefix + "/") else { return nil }
        let rest = String(path.dropFirst(prefix.count))
        return rest.isEmpty ? "/" : rest
    }

    /// `path` with the part in front.
    static func add(_ prefix: String, to path: String) -> String { path == "/" ? prefix + "/" : prefix + path }

    func respond(to request: Request) -> EventLoopFuture<Response> {
        guard let path = Self.strip(prefix, from: request.url.path) else { return next.respond(to: request) }
        request.url.path = path
        found(request)
        return next.respond(to: request).map { [prefix, rewrite] response in
            if let location = response.headers.first(name: .location), location.hasPrefix("/"), !location.hasPrefix("//") {
                response.headers.replaceOrAdd(name: .location, value: Self.add(prefix, to: location))
            }
            if response.headers.contentType?.subType == "html", let html = response.body.string {
                response.body = .init(string: rewrite(html))
            }
            return response
        }
    }
}

extension AddressPartResponder {
    /// Routes `/en/…` as `/…` in English, and keeps the answer's links, forms and redirects in English.
    static func language(_ next: any Responder) -> Self {
        Self(next: next, prefix: Language.englishPrefix, rewrite: Language.english, found: { $0.language = .en })
    }

    /// Routes `/elder/…` as `/…` in the 长辈版, and keeps the answer's links, forms and redirects in it.
    static func edition(_ next: any Responder) -> Self {
        Self(next: next, prefix: Edition.elderPrefix, rewrite: Edition.elder, found: { $0.edition = .elder })
    }
}

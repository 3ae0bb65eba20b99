import Foundation
import Vapor

/// The language of a page is part of its address: Chinese at the root, English under `/en/`, so that each page stays
/// one cacheable, exportable file. Handlers and views build links from `SiteURL` without a language; at the edge,
/// `LanguageResponder` takes `/en` off an English request before routing and puts it back on every link, form and
/// redirect of the answer. Letters and published reports stay Chinese whatever the language (legal documents).
enum Language: String, CaseIterable, Sendable {
    case zh = "zh-CN"
    case en

    static let englishPrefix = "/en"

    /// The address of `path` (an address of the Chinese site) in this language.
    func path(_ path: String) -> String {
        switch self {
        case .zh: path
        case .en: path == "/" ? Self.englishPrefix + "/" : Self.englishPrefix + path
        }
    }

    /// The language an address is in, and the address with its language taken off.
    static func of(path: String) -> (Language, String) {
        guard path == englishPrefix || path.hasPrefix(englishPrefix + "/") else { return (.zh, path) }
        let rest = String(path.dropFirst(englishPrefix.count))
        return (.en, rest.isEmpty ? "/" : rest)
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

/// Routes `/en/…` as `/…` in English, and keeps the answer's links, forms and redirects in English.
struct LanguageResponder: Responder {
    let next: any Responder

    func respond(to request: Request) -> EventLoopFuture<Response> {
        let (language, path) = Language.of(path: request.url.path)
        guard language == .en else { return next.respond(to: request) }
        request.url.path = path
        request.language = .en
        return next.respond(to: request).map { response in
            if let location = response.headers.first(name: .location), location.hasPrefix("/"), !location.hasPrefix("//") {
                response.headers.replaceOrAdd(name: .location, value: Language.en.path(location))
            }
            if response.headers.contentType?.subType == "html", let html = response.body.string {
                response.body = .init(string: Language.english(html))
            }
            return response
        }
    }
}

import Foundation
import Vapor

/// The 长辈版 (large type) of the public pages, as 工业和信息化部《互联网网站适老化通用设计规范》 asks government sites to
/// offer: larger type and controls, higher contrast, one column, no script. Like the language, the edition is part of
/// the address — `/elder/…`, before `/en` — not a cookie, so each page stays one cacheable, exportable file.
/// `AddressPartResponder.edition` takes `/elder` off before routing and puts it back on every link, form and redirect of the answer.
enum Edition: String, Sendable {
    case standard, elder

    static let elderPrefix = "/elder"

    /// The address of `path` (an address with its language already on) in this edition.
    func path(_ path: String) -> String { self == .standard ? path : AddressPartResponder.add(Self.elderPrefix, to: path) }

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

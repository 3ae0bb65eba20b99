import Foundation

/// The links of published pages, for 链接可用性 (政府网站与政务新媒体检查指标): which addresses a page leads to, each
/// either on this site (a path to follow) or elsewhere (an address to check only when outbound checks are allowed); and
/// the web addresses written in staff text, which pages show as links.
public enum LinkCheck {
    /// Where a link leads.
    public enum Target: Hashable, Sendable {
        /// A path (with its query) on this site.
        case local(String)
        /// An `http` or `https` address elsewhere.
        case external(String)
    }

    /// The targets of a page's `href` and `src` attributes, in order and each once, resolved against the page's path
    /// (`page`, e.g. `/a/lianfang/items/…`); an address on `site` (e.g. `https://gk.example.gov.cn`, its scheme
    /// and port ignored or matched) is local. Fragments are dropped; `mailto:`, `tel:`, `javascript:` and `data:` are
    /// not links to check.
    public static func links(inHTML html: String, page: String, site: String?) -> [Target] {
        var seen = Set<Target>()
        var targets: [Target] = []
        for name in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: name) {
                let value = rest[start.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                rest = value[end...]
                // NB: `href` inside another attribute's name (`data-href`) is not a link.
                if start.lowerBound > html.startIndex, let before = html[..<start.lowerBound].last, before != " ", before != "\n", before != "\t" {
                    continue
                }
                if let target = resolve(decodeAttribute(value[..<end]), page: page, site: site), seen.insert(target).inserted {
                    targets.append(target)
                }
            }
        }
        return targets
    }

    /// `raw` (an attribute's value) as a target, or nil when it is no link to check.
    public static func resolve(_ raw: String, page: String, site: String?) -> Target? {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]) }
        guard !value.isEmpty else { return nil }
        let lower = value.lowercased()
        if lower.hasPrefix("//") { value = "https:" + value }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            guard let url = URLComponents(string: value), let host = url.host, !host.isEmpty else { return .external(value) }
            // NB: this site whatever the scheme, when neither gives a port or both lead to the same one.
            func port(_ components: URLComponents) -> Int { components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80) }
            if let site, let home = URLComponents(string: site), home.host?.lowercased() == host.lowercased(),
                (url.port == nil && home.port == nil) || port(url) == port(home)
            {
                let path = url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath
                return .local(path + (url.percentEncodedQuery.map { "?" + $0 } ?? ""))
            }
            return .external(value)
        }
        // Another scheme (mailto:, tel:, javascript:, data:) is not a page.
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/"), !lower[..<colon].contains("?") { return nil }
        if value.hasPrefix("/") { return .local(value) }
        // A relative address: resolved against the page's folder.
        guard let base = URL(string: "http://site" + (page.hasPrefix("/") ? page : "/" + page)),
            let resolved = URL(string: value, relativeTo: base).flatMap({ URLComponents(url: $0.absoluteURL, resolvingAgainstBaseURL: true) })
        else { return nil }
        let path = resolved.percentEncodedPath.isEmpty ? "/" : resolved.percentEncodedPath
        return .local(path + (resolved.percentEncodedQuery.map { "?" + $0 } ?? ""))
    }

    /// An attribute's value with the entities an HTML writer puts there decoded.
    static func decodeAttribute(_ value: Substring) -> String {
        guard value.contains("&") else { return String(value) }
        return
            value
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A line of staff text cut into plain runs and the `http`/`https` addresses written in it, so a page can show
    /// the addresses as links. An address ends at a space, at any character outside ASCII (Chinese text or
    /// punctuation after it) or at `<>"'`, and does not keep an ASCII full stop, comma or closing bracket at its end.
    public static func textRuns(_ line: String) -> [(text: String, isAddress: Bool)] {
        var runs: [(text: String, isAddress: Bool)] = []
        var rest = Substring(line)
        while let start = nextAddress(in: rest) {
            let tail = rest[start...]
            var end =
                tail.firstIndex { character in
                    !character.isASCII || character.isWhitespace || "<>\"'".contains(character)
                } ?? tail.endIndex
            while end > start, let last = rest[start..<end].last, ".,;:!?)]}".contains(last) {
                end = rest.index(before: end)
            }
            let address = rest[start..<end]
            // NB: a scheme with nothing after it is text.
            guard address.count > (address.lowercased().hasPrefix("https://") ? 8 : 7) else {
                runs.append((String(rest[..<end]), false))
                rest = rest[end...]
                continue
            }
            if start > rest.startIndex { runs.append((String(rest[..<start]), false)) }
            runs.append((String(address), true))
            rest = rest[end...]
        }
        if !rest.isEmpty { runs.append((String(rest), false)) }
        // Neighbouring plain runs (after a bare scheme) joined.
        return runs.reduce(into: []) { joined, run in
            if !run.isAddress, let last = joined.last, !last.isAddress {
                joined[joined.count - 1].text += run.text
            } else {
                joined.append(run)
            }
        }
    }

    private static func nextAddress(in text: Substring) -> Substring.Index? {
        let http = text.range(of: "http://", options: .caseInsensitive)?.lowerBound
        let https = text.range(of: "https://", options: .caseInsensitive)?.lowerBound
        switch (http, https) {
        case (let a?, let b?): return min(a, b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }
}

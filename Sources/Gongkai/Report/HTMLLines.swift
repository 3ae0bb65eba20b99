import Foundation

/// Turns an HTML page into the lines the report reader reads: each paragraph a line of one cell, each table row
/// a line of cells, with the cells covered by `rowspan`/`colspan` left empty as a flattened table shows them.
///
/// NB: deliberately forgiving, not a conforming HTML parser: government pages are often malformed, and all the
/// reader needs is their text and the grid of their tables.
public enum HTMLLines {
    /// The page's text as a person reads it: a line per paragraph or table row, a row's cells separated by tabs,
    /// entities decoded, scripts and styles left out.
    public static func text(_ html: String) -> String { lines(html).map { $0.joined(separator: "\t") }.joined(separator: "\n") }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
        "footer", "blockquote", "pre", "title", "hr", "dd", "dt", "dl", "center", "main", "nav", "form",
    ]

    private struct PendingCell {
        var text = ""
        var rowspan = 1
        var colspan = 1
    }

    private struct TableBuilder {
        var rows: [[PendingCell]] = []
        var cell: PendingCell?

        mutating func closeCell() {
            if let open = cell {
                if rows.isEmpty { rows.append([]) }
                rows[rows.count - 1].append(open)
                cell = nil
            }
        }

        /// The grid with spanned positions empty.
        func grid() -> [[String]] {
            var grid: [[String?]] = []
            for (r, row) in rows.enumerated() {
                while grid.count <= r { grid.append([]) }
                var c = 0
                for cell in row {
                    while c < grid[r].count, grid[r][c] != nil { c += 1 }
                    // NB: spans are capped so a hostile page cannot make us allocate without bound.
                    let rowspan = min(max(cell.rowspan, 1), 200)
                    let colspan = min(max(cell.colspan, 1), 60)
                    for dr in 0..<rowspan {
                        let rr = r + dr
                        while grid.count <= rr { grid.append([]) }
                        for dc in 0..<colspan {
                            let cc = c + dc
                            while grid[rr].count <= cc { grid[rr].append(nil) }
                            grid[rr][cc] = (dr == 0 && dc == 0) ? cell.text : ""
                        }
                    }
                    c += colspan
                }
            }
            return grid.map { $0.map { $0 ?? "" } }
        }
    }

    /// Lines (each a list of cells) of the page's text and tables, in document order.
    static func lines(_ html: String) -> [[String]] {
        var output: [[String]] = []
        var text = ""
        var tables: [TableBuilder] = []
        // The article region of a portal page: navigation, sidebars and footers around it are not the report.
        var titleLines: [[String]] = []
        var inTitle = false
        var content: (tag: String, depth: Int, start: Int)?
        var region: Range<Int>?
        // NB: on UTF-8 bytes: all markup is ASCII, and byte slices decode to text far faster than scalars append.
        let scalars = Array(html.utf8)
        var i = 0

        func flushText() {
            let collapsed = collapse(text)
            if !collapsed.isEmpty { output.append([collapsed]) }
            text = ""
        }
        func appendText(_ piece: String) {
            if tables.isEmpty {
                text += piece
            } else if tables[tables.count - 1].cell != nil {
                tables[tables.count - 1].cell!.text += piece
            }
        }

        while i < scalars.count {
            let s = scalars[i]
            if s == 0x3C {
                if matches(scalars, i, "<!--") {
                    i = find(scalars, from: i + 4, "-->").map { $0 + 3 } ?? scalars.count
                    continue
                }
                guard let close = scalars[i...].firstIndex(of: 0x3E) else { break }
                let tag = parseTag(scalars[(i + 1)..<close])
                i = close + 1
                guard let name = tag.name else { continue }
                // NB: a chart (an inline SVG and its caption) shows numbers of the tables again; it is not the report.
                if !tag.isEnd, ["script", "style", "svg", "figcaption"].contains(name) {
                    i =
                        find(scalars, from: i, "</" + name).flatMap { end in
                            scalars[end...].firstIndex(of: 0x3E).map { $0 + 1 }
                        } ?? scalars.count
                    continue
                }
                if name == "title" {
                    flushText()
                    if tag.isEnd, inTitle, let last = output.last { titleLines.append(last) }
                    inTitle = !tag.isEnd
                    continue
                }
                if region == nil, tables.isEmpty, ["div", "article", "section", "main", "td"].contains(name) {
                    if var open = content, open.tag == name {
                        open.depth += tag.isEnd ? -1 : 1
                        content = open
                        if open.depth == 0 {
                            flushText()
                            region = open.start..<output.count
                            content = nil
                        }
                    } else if content == nil, !tag.isEnd, tag.isContent {
                        flushText()
                        content = (name, 1, output.count)
                    }
                }
                switch name {
                case "table":
                    if tag.isEnd {
                        guard var table = tables.popLast() else { continue }
                        table.closeCell()
                        let grid = table.grid()
                        if tables.isEmpty {
                            output.append(contentsOf: grid)
                        } else {
                            // A table inside a cell: its text joins the cell.
                            appendText(grid.map { $0.joined(separator: " ") }.joined(separator: " "))
                        }
                    } else {
                        if tables.isEmpty { flushText() }
                        tables.append(TableBuilder())
                    }
                case "tr" where !tables.isEmpty:
                    tables[tables.count - 1].closeCell()
                    if !tag.isEnd { tables[tables.count - 1].rows.append([]) }
                case "td", "th":
                    guard !tables.isEmpty else { continue }
                    tables[tables.count - 1].closeCell()
                    if !tag.isEnd {
                        if tables[tables.count - 1].rows.isEmpty { tables[tables.count - 1].rows.append([]) }
                        tables[tables.count - 1].cell = PendingCell(
                            text: "", rowspan: tag.rowspan, colspan: tag.colspan)
                    }
                default:
                    if blockTags.contains(name) {
                        if tables.isEmpty { flushText() } else { appendText(" ") }
                    }
                }
            } else if s == 0x26 {
                let (decoded, next) = entity(scalars, i)
                appendText(decoded)
                i = next
            } else {
                var end = i + 1
                while end < scalars.count, scalars[end] != 0x3C, scalars[end] != 0x26 { end += 1 }
                appendText(String(decoding: scalars[i..<end], as: UTF8.self))
                i = end
            }
        }
        while var table = tables.popLast() {
            table.closeCell()
            output.append(contentsOf: table.grid())
        }
        flushText()
        if let region, output[region].contains(where: { $0.count > 1 }) {
            output = titleLines + Array(output[region])
        }
        return output.map { $0.map(collapse) }
    }

    private struct Tag {
        var name: String?
        var isEnd = false
        var rowspan = 1
        var colspan = 1
        /// The class or id names the element as the article of a portal page.
        var isContent = false
    }

    /// Class and id words that portal CMSs give the element holding the article (TRS, 政务公开 platforms, …).
    private static let contentMarkers = ["trs_editor", "zoom", "article", "content", "main-txt", "maintxt", "detail", "zwnr", "wzy"]

    private static let attributeTags: Set<String> = ["td", "th", "div", "article", "section", "main"]

    private static func parseTag(_ body: ArraySlice<UInt8>) -> Tag {
        var tag = Tag()
        var rest = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if rest.first == 0x2F {
            tag.isEnd = true
            rest = rest.dropFirst()
        }
        let name = rest.prefix { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
        guard !name.isEmpty else { return tag }
        let lowered = String(decoding: name.map(lower), as: UTF8.self)
        tag.name = lowered
        // NB: attributes matter on a few tags only; reading them on every tag would dominate the time.
        guard !tag.isEnd, attributeTags.contains(lowered) else { return tag }
        let attributes = String(decoding: rest.dropFirst(name.count).map(lower), as: UTF8.self)
        tag.rowspan = attribute("rowspan", in: attributes) ?? 1
        tag.colspan = attribute("colspan", in: attributes) ?? 1
        if LabelText.contains(attributes, "class") || LabelText.contains(attributes, "id") {
            tag.isContent = contentMarkers.contains { LabelText.contains(attributes, $0) }
        }
        return tag
    }

    private static func attribute(_ name: String, in attributes: String) -> Int? {
        let bytes = Array(attributes.utf8)
        let pattern = Array(name.utf8)
        guard bytes.count > pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            var i = start + pattern.count
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x3D || bytes[i] == 0x22 || bytes[i] == 0x27 { i += 1 }
            var value = 0
            var digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 6 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        return nil
    }

    private static let named: [String: String] = [
        "nbsp": " ", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "ensp": " ", "emsp": " ", "middot": "·",
        "hellip": "…", "times": "×",
    ]

    private static func entity(_ scalars: [UInt8], _ start: Int) -> (String, Int) {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != 0x3B {
            let s = scalars[end]
            guard (s >= 0x61 && s <= 0x7A) || (s >= 0x41 && s <= 0x5A) || (s >= 0x30 && s <= 0x39) || s == 0x23 else { break }
            end += 1
        }
        guard end < scalars.count, scalars[end] == 0x3B else { return ("&", start + 1) }
        let body = String(decoding: scalars[(start + 1)..<end], as: UTF8.self)
        if body.hasPrefix("#") {
            let number = body.dropFirst()
            let value =
                number.first == "x" || number.first == "X"
                ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
            if let value, let scalar = Unicode.Scalar(value) { return (String(scalar), end + 1) }
            return ("&", start + 1)
        }
        if let text = named[body.lowercased()] { return (text, end + 1) }
        return ("&", start + 1)
    }

    private static func matches(_ scalars: [UInt8], _ at: Int, _ literal: String) -> Bool {
        var i = at
        for s in literal.utf8 {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    /// The index of the next occurrence of `literal` (ASCII, matched without regard to case) from `from`.
    private static func find(_ scalars: [UInt8], from: Int, _ literal: String) -> Int? {
        let pattern = Array(literal.lowercased().utf8)
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return nil }
        var i = from
        while i + pattern.count <= scalars.count {
            var j = 0
            while j < pattern.count, lower(scalars[i + j]) == pattern[j] { j += 1 }
            if j == pattern.count { return i }
            i += 1
        }
        return nil
    }

    private static func lower(_ s: UInt8) -> UInt8 {
        (s >= 0x41 && s <= 0x5A) ? s + 32 : s
    }

    /// White space runs folded to one space, ends trimmed.
    static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(s)
            }
        }
        return String(result)
    }
}

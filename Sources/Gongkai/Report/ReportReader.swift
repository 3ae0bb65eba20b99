// NB: over 400 lines on purpose. The reader is one parser (`Parser`) with one state — the table being read, the
// row it expects next — over every shape a published report takes (text, HTML, one line per cell or one per row);
// split into files, its parts would have to share that state through internal API.
import Foundation

/// What the caller knows that the report may not say.
public struct ReportReadOptions: Sendable {
    /// The report's year, when its title does not give it (it wins over what the text says).
    public var year: Int?
    /// The agency, when its title does not give it.
    public var agency: String?

    public init(year: Int? = nil, agency: String? = nil) {
        self.year = year
        self.agency = agency
    }
}

/// A report as read, with what the reader had to guess or could not find.
public struct ReadReport: Sendable {
    public var report: AnnualReport
    public var findings: [Finding]
}

/// Reads annual reports as they are published: text with tables flattened to ` | `-separated lines, text with
/// tab- or space-separated cells, Markdown, HTML with `<table>` markup, or Gongkai's own JSON.
public enum ReportReader {
    public static func read(_ data: Data, options: ReportReadOptions = .init()) throws(ReportReadError) -> ReadReport {
        try read(text: TextDecoding.decode(data), options: options)
    }

    public static func read(text: String, options: ReportReadOptions = .init()) throws(ReportReadError) -> ReadReport {
        let start = text.unicodeScalars.first { !$0.properties.isWhitespace }
        guard let start else { throw .empty }
        if start == "{" {
            var result = try ReportJSON.decode(text)
            if let year = options.year { result.report.year = year }
            if let agency = options.agency { result.report.agency = agency }
            return result
        }
        var parser = Parser(lines: sourceLines(text), options: options)
        return try parser.parse()
    }

    /// The document's lines; their cells are split when a table needs them.
    static func sourceLines(_ text: String) -> [SourceLine] {
        if looksLikeHTML(text) {
            return HTMLLines.lines(text).enumerated().map { index, cells in
                SourceLine(number: index + 1, raw: cells.joined(separator: " | "), mode: .given(cells))
            }
        }
        let unified = LabelText.contains(text, "｜") ? text.replacingOccurrences(of: "｜", with: "|") : text
        let rawLines = splitLines(unified)
        var pipes = 0
        var tabs = 0
        for raw in rawLines {
            if raw.utf8.contains(0x7C) {
                pipes += 1
            } else if raw.utf8.contains(0x09) {
                tabs += 1
            }
        }
        let mode: SourceLine.Mode = pipes >= 3 ? .pipe : tabs >= 3 ? .tab : .space
        return rawLines.enumerated().map { index, raw in SourceLine(number: index + 1, raw: raw, mode: mode) }
    }

    /// Lines split at LF, CRLF or a lone CR, without their line ends. NB: on bytes: splitting on Characters is
    /// many times slower.
    static func splitLines(_ text: String) -> [String] {
        let hasLF = text.utf8.contains(0x0A)
        let separator: UInt8 = hasLF ? 0x0A : 0x0D
        return LabelText.split(text, at: separator, droppingTrailingCR: hasLF)
    }

    private static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.utf8.prefix(4096)
        guard head.contains(0x3C) else { return false }
        // NB: ASCII case folding of the first 4 KiB only; full Unicode lowercasing costs more than reading a report.
        let lowered = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return ["<table", "<html", "<body", "<!doctype html", "<p>", "<div"].contains { LabelText.contains(lowered, $0) }
    }
}

struct SourceLine {
    enum Mode {
        case pipe, tab, space
        /// Cells from HTML table markup.
        case given([String])
    }

    let number: Int
    let raw: String
    let mode: Mode

    /// Cells came from real table markup or separators (not from splitting prose at spaces).
    var isTableRow: Bool {
        switch mode {
        case .pipe: raw.utf8.contains(0x7C)
        case .tab: raw.utf8.contains(0x09)
        case .space: false
        case .given(let cells): cells.count > 1
        }
    }

    var cells: [String] {
        switch mode {
        case .pipe: LabelText.split(raw, at: 0x7C)
        case .tab: LabelText.split(raw, at: 0x09)
        case .space: raw.split { $0.isWhitespace }.map(String.init)
        case .given(let cells): cells
        }
    }
}

// MARK: - The parser

private struct Parser {
    let lines: [SourceLine]
    let options: ReportReadOptions
    var findings: [Finding] = []

    init(lines: [SourceLine], options: ReportReadOptions) {
        self.lines = lines
        self.options = options
    }

    /// A line of a table region, its cells classified.
    struct TableLine {
        let line: SourceLine
        let section: Int
        let keys: [String]
        let kinds: [CellValue]
        /// The label: the keys of the text cells up to the last one, joined.
        let label: String
        /// The cells after the label.
        let values: [(raw: String, kind: CellValue)]
        var hasValues: Bool { values.contains { $0.kind.isValue } }
    }

    mutating func parse() throws(ReportReadError) -> ReadReport {
        // 1. Sections, by their headings.
        var sectionOf = Array(repeating: 0, count: lines.count)
        var headings: [Int: (line: Int, title: String)] = [:]
        var current = 0
        for (index, line) in lines.enumerated() {
            if let (number, title) = heading(line), number > current {
                current = number
                headings[number] = (index, title)
                sectionOf[index] = -number
                continue
            }
            sectionOf[index] = current
        }

        // 2. The table regions' lines, classified.
        var tableLines: [TableLine] = []
        var prose: [Int: [String]] = [:]
        for (index, line) in lines.enumerated() {
            let section = sectionOf[index]
            if section < 0 { continue }
            if (section == 1 || section == 5 || section == 6) && !line.isTableRow {
                prose[section, default: []].append(line.raw)
                continue
            }
            tableLines.append(classify(line, section: section))
        }

        // 3. The format, from the labels.
        let format = detectFormat(tableLines)

        // 4. The tables.
        var tables = Tables(format: format)
        var furnitureTable4 = false
        var preamble: [SourceLine] = []
        for tableLine in tableLines {
            if !tableLine.hasValues {
                if isFurniture(tableLine) {
                    if LabelText.contains(tableLine.label, "行政复议") || LabelText.contains(tableLine.label, "结果维持") {
                        furnitureTable4 = true
                    }
                } else if tableLine.section == 0 {
                    preamble.append(tableLine.line)
                } else {
                    prose[tableLine.section, default: []].append(tableLine.line.raw)
                }
                continue
            }
            if tableLine.label.isEmpty {
                if tableLine.section == 4 || furnitureTable4 {
                    readTable4(tableLine, into: &tables)
                }
                continue
            }
            readRow(tableLine, into: &tables)
        }

        guard tables.table2 != nil || tables.table3 != nil || tables.table4 != nil else { throw .notAReport }

        // 5. Title, year and agency.
        let (year, agency, titleLines) = identify(preamble: preamble, sectionOne: prose[1] ?? [])
        let preambleText = preamble.filter { !titleLines.contains($0.number) }.map(\.raw)

        // 6. What is missing.
        var sections: [ReportSection] = []
        for number in 1...6 {
            if let heading = headings[number] {
                sections.append(ReportSection(number: number, title: heading.title, text: joinProse(prose[number] ?? [])))
            } else {
                findings.append(
                    Finding(
                        rule: "read.missing-section", severity: .warning,
                        message: "section \(ReportSectionTitle.heading(number)) was not found"))
            }
        }
        let report = tables.finish(
            year: year, agency: agency, sections: sections, preamble: joinProse(preambleText), findings: &findings)
        return ReadReport(report: report, findings: findings)
    }

    // MARK: Headings

    /// The section number and title when `line` is a section heading (`一、总体情况`, `## 五、…`).
    func heading(_ line: SourceLine) -> (Int, String)? {
        if line.isTableRow { return nil }  // a heading is never a row of cells
        guard let first = line.raw.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != "#" && $0 != "*" })
        else { return nil }
        let number: Int
        switch first.value {
        case 0x4E00: number = 1  // 一
        case 0x4E8C: number = 2  // 二
        case 0x4E09: number = 3  // 三
        case 0x56DB: number = 4  // 四
        case 0x4E94: number = 5  // 五
        case 0x516D: number = 6  // 六
        default: return nil
        }
        // Prose often starts with 一是…, 二是…: a heading has 、 or a full stop right after its numeral.
        if let numeralAt = line.raw.unicodeScalars.firstIndex(of: first) {
            let after = line.raw.unicodeScalars.index(after: numeralAt)
            guard after < line.raw.unicodeScalars.endIndex,
                [0x3001, 0x2E, 0xFF0E, 0xFF0C, 0x2C, 0x20, 0x3000].contains(line.raw.unicodeScalars[after].value)
            else { return nil }
        }
        var key = LabelText.key(line.raw)
        while key.hasPrefix("#") || key.hasPrefix("*") { key.removeFirst() }
        while key.hasSuffix("*") { key.removeLast() }
        let numeral = ReportSectionTitle.numerals[number - 1]
        guard LabelText.hasPrefix(key, numeral + ".") || LabelText.hasPrefix(key, numeral + ",") else { return nil }
        let rest = key.dropFirst(2)
        let titles = [ReportSectionTitle.titles[number - 1]] + (ReportSectionTitle.alternatives[number] ?? [])
        for title in titles {
            let titleKey = LabelText.key(title)
            if LabelText.hasPrefix(rest, titleKey), rest.count - titleKey.count <= 2 { return (number, title) }
            if rest.count <= titleKey.count + 4,
                LabelText.similarity(LabelText.keyScalars(String(rest)), LabelText.keyScalars(titleKey)) >= 0.75
            {
                return (number, title)
            }
        }
        return nil
    }

    // MARK: Lines

    func classify(_ line: SourceLine, section: Int) -> TableLine {
        let cells = line.cells
        let keys = cells.map { LabelText.key($0) }
        let kinds = keys.map { CellValue.classify(key: $0) }
        let lastText = kinds.lastIndex { $0.isText }
        var label = ""
        var values: [(String, CellValue)] = []
        if let lastText {
            for i in 0...lastText where kinds[i].isText { label += keys[i] }
            for i in (lastText + 1)..<cells.count { values.append((cells[i], kinds[i])) }
        } else {
            values = Array(zip(cells, kinds))
        }
        return TableLine(line: line, section: section, keys: keys, kinds: kinds, label: label, values: values)
    }

    private static let furnitureWords = [
        "第二十条", "信息内容", "申请人情况", "勾稽关系", "自然人", "法人或其他组织", "行政复议", "行政诉讼", "结果维持",
        "复议后起诉", "未经复议", "本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理", "本年制发件数",
        "本年新制作数量", "上一年项目数量", "本年处理决定数量", "采购项目数量", "本年收费金额",
    ]

    /// Header lines and the like: part of a table, holding no values.
    func isFurniture(_ line: TableLine) -> Bool {
        if line.line.isTableRow, line.keys.filter({ !$0.isEmpty }).count >= 2 { return true }
        if line.label.isEmpty { return line.line.isTableRow }
        return Self.furnitureWords.contains { LabelText.contains(line.label, $0) }
    }

    // MARK: Format

    private static let markers2021 = [
        "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "行政规范性文件", "逾期不补正",
        "逾期未按收费通知",
    ]
    private static let markers2019 = [
        "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额",
        "政府集中采购", "其他对外管理服务事项",
    ]

    mutating func detectFormat(_ tableLines: [TableLine]) -> ReportFormat {
        var score2019 = 0
        var score2021 = 0
        for line in tableLines where line.line.isTableRow || !line.label.isEmpty {
            let key = line.keys.joined(separator: "|")
            guard key.utf8.count >= 12 else { continue }
            score2021 += Self.markers2021.filter { LabelText.contains(key, $0) }.count
            score2019 += Self.markers2019.filter { LabelText.contains(key, $0) }.count
            if abs(score2021 - score2019) >= 4 { break }  // decided; the rest cannot turn it
        }
        if score2021 > score2019 { return .v2021 }
        if score2019 > score2021 { return .v2019 }
        let byYear = options.year.map(ReportFormat.expected(forYear:)) ?? .v2021
        findings.append(
            Finding(
                rule: "read.format-undecided", severity: .warning,
                message: "the labels do not tell the 2019 format from the 2021 format; read as the \(byYear.rawValue) format"))
        return byYear
    }

    // MARK: Rows

    mutating func readRow(_ line: TableLine, into tables: inout Tables) {
        let preferTable2 = line.section == 2
        let order: [Tables.Kind] = preferTable2 ? [.two, .three] : [.three, .two]
        for kind in order {
            guard let match = tables.match(label: line.label, in: kind) else { continue }
            if match.guessed {
                findings.append(
                    Finding(
                        rule: "read.guessed-label", severity: .info, cell: match.cellName,
                        message: "line \(line.line.number): read “\(line.label)” as “\(match.official)”"))
            }
            if tables.isFilled(match.key, kind) {
                break  // printed twice: keep the first, keep this one as an extra row
            }
            let values = normalizedValues(line, count: match.columns, cellName: match.cellName)
            tables.store(match, kind, values: values, line: line.line.number, findings: &findings)
            return
        }
        guard (2...4).contains(line.section), line.label.count <= 80 else { return }
        let table = ["二", "三", "四"][line.section - 2]
        let raw = line.values.map { HTMLLines.collapse($0.raw) }
        tables.extraRows.append(ExtraRow(table: table, label: HTMLLines.collapse(labelText(line)), values: trimmedTrailing(raw)))
        findings.append(
            Finding(
                rule: "read.extra-row", severity: .warning, cell: "表\(table) \(labelText(line))",
                message: "line \(line.line.number): a row the official format does not have; kept as printed"))
    }

    func labelText(_ line: TableLine) -> String {
        var parts: [String] = []
        let cells = line.line.cells
        for (index, kind) in line.kinds.enumerated() where kind.isText {
            let text = cells[index].trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: " ")
    }

    func trimmedTrailing(_ values: [String]) -> [String] {
        var values = values
        while values.last?.isEmpty == true { values.removeLast() }
        return values
    }

    /// The row's values fitted to `count` columns: padding cells at either end dropped, missing ones blank.
    mutating func normalizedValues(_ line: TableLine, count: Int, cellName: String) -> [(raw: String, kind: CellValue)] {
        var values = line.values
        while values.count > count, case .blank(explicit: false) = values.last!.kind { values.removeLast() }
        while values.count > count, case .blank(explicit: false) = values.first!.kind { values.removeFirst() }
        if values.count > count {
            findings.append(
                Finding(
                    rule: "read.values-count", severity: .warning, cell: cellName,
                    message: "line \(line.line.number): \(values.count) values for \(count) columns; the first \(count) were read"))
            values = Array(values.prefix(count))
        } else if values.count < count {
            findings.append(
                Finding(
                    rule: "read.values-count", severity: .info, cell: cellName,
                    message: "line \(line.line.number): \(values.count) values for \(count) columns; the last \(count - values.count) are blank"))
            values += Array(repeating: ("", CellValue.blank(explicit: false)), count: count - values.count)
        }
        return values
    }

    mutating func readTable4(_ line: TableLine, into tables: inout Tables) {
        guard tables.table4 == nil, line.values.filter({ if case .number = $0.kind { true } else { false } }).count >= 5
        else { return }
        let values = normalizedValues(line, count: Table4Column.count, cellName: "表四")
        tables.table4 = values.enumerated().map { index, value in
            readCount(value, cell: "四 " + Table4Column.label(index), line: line.line.number, findings: &findings)
        }
    }

    // MARK: Identity

    /// The year and agency from the title, the statistics period or the text, and the lines that made the title.
    mutating func identify(preamble: [SourceLine], sectionOne: [String]) -> (Int?, String?, Set<Int>) {
        var year: Int?
        var agency: String?
        var titleLines: Set<Int> = []
        for (index, line) in preamble.enumerated() {
            let key = LabelText.key(line.raw)
            guard LabelText.contains(key, "政府信息公开"), LabelText.contains(key, "报告"), let found = Self.firstYear(in: key) else { continue }
            year = found.year
            titleLines.insert(line.number)
            let before = line.raw.components(separatedBy: String(found.year)).first ?? ""
            var name = before.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            if name.hasSuffix("关于") { name.removeLast(2) }
            if name.isEmpty, index > 0 {
                let previous = preamble[index - 1].raw.trimmingCharacters(in: .whitespaces)
                if previous.count <= 40, !previous.contains(where: \.isNumber), !previous.contains("报告") {
                    name = previous
                    titleLines.insert(preamble[index - 1].number)
                }
            }
            agency = name.isEmpty ? nil : name
            // The same title printed again (a page's <title> and its heading) is title, not preamble.
            for other in preamble[index...] {
                let otherKey = LabelText.key(other.raw)
                if LabelText.contains(otherKey, "政府信息公开"), LabelText.contains(otherKey, "报告"), Self.firstYear(in: otherKey)?.year == found.year {
                    titleLines.insert(other.number)
                }
            }
            break
        }
        if year == nil {
            for line in preamble.map(\.raw) + sectionOne {
                let key = LabelText.key(line)
                if let range = key.range(of: "年1月1日"), let found = Self.firstYear(in: String(key[..<range.upperBound])),
                    key.distance(from: key.startIndex, to: range.lowerBound) >= 4
                {
                    year = found.year
                    break
                }
            }
        }
        if year == nil {
            var counts: [Int: Int] = [:]
            for line in preamble.map(\.raw) + sectionOne {
                for found in Self.years(in: LabelText.key(line)) { counts[found, default: 0] += 1 }
            }
            if let (found, times) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
                year = found
                if options.year == nil {
                    findings.append(
                        Finding(
                            rule: "read.year-from-text", severity: .info,
                            message: "no title gives the year; \(found) is the year the text names most (\(times) times); pass --year to set it"))
                }
            }
        }
        if let given = options.year {
            year = given
        } else if year == nil {
            findings.append(
                Finding(rule: "read.year-unknown", severity: .warning, message: "the year was not found; pass --year"))
        }
        if let given = options.agency {
            agency = given
        } else if agency == nil {
            findings.append(
                Finding(
                    rule: "read.agency-unknown", severity: .info,
                    message: "no title names the agency; pass --agency to set it"))
        }
        return (year, agency, titleLines)
    }

    static func firstYear(in key: String) -> (year: Int, offset: Int)? {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 5 else { return nil }
        for i in 0...(scalars.count - 5) where scalars[i + 4] == "年" {
            if i > 0, isDigit(scalars[i - 1]) { continue }
            if let year = fourDigits(scalars, i), (2007...2100).contains(year) { return (year, i) }
        }
        return nil
    }

    static func years(in key: String) -> [Int] {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 5 else { return [] }
        var found: [Int] = []
        for i in 0...(scalars.count - 5) where scalars[i + 4] == "年" {
            if i > 0, isDigit(scalars[i - 1]) { continue }
            if let year = fourDigits(scalars, i), (2007...2100).contains(year) { found.append(year) }
        }
        return found
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    private static func fourDigits(_ scalars: [Unicode.Scalar], _ at: Int) -> Int? {
        var value = 0
        for s in scalars[at..<(at + 4)] {
            guard isDigit(s) else { return nil }
            value = value * 10 + Int(s.value - 0x30)
        }
        return value
    }

    /// Prose as lines, trimmed, without empty lines (every writer can carry that back).
    func joinProse(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A count from a cell: whole, or blank; anything else is reported and read as blank.
private func readCount(
    _ value: (raw: String, kind: CellValue), cell: @autoclosure () -> String, line: Int, findings: inout [Finding]
) -> Int? {
    switch value.kind {
    case .blank, .text:
        return nil
    case .number(let number):
        if let integer = number.integer { return integer }
        findings.append(
            Finding(
                rule: "count.integral", severity: .error, cell: cell(),
                message: "line \(line): \(number.literal) is not a whole number; a count must be one (read as blank)"))
        return nil
    }
}

// MARK: - Tables being read

private struct Tables {
    enum Kind { case two, three }

    struct Match {
        let key: String
        let official: String
        let cellName: String
        let columns: Int
        let guessed: Bool
    }

    private struct Candidate {
        let key: String
        let official: String
        let cellName: String
        let columns: Int
        let labelKey: String
        let labelScalars: [UInt32]
        /// The label without its own numbering (`属于国家秘密` for `1.属于国家秘密`), when long enough to be safe.
        let bareKey: String?
    }

    let format: ReportFormat
    private let table2Candidates: [Candidate]
    private let table3Candidates: [Candidate]
    private(set) var table2: [String: [Table2Value?]]?
    private(set) var table3: [String: [Int?]]?
    var table4: [Int?]?
    var extraRows: [ExtraRow] = []
    private var lastIndex: [Kind: Int] = [:]
    private var filled2: Set<String> = []
    private var filled3: Set<String> = []

    init(format: ReportFormat) {
        self.format = format
        (table2Candidates, table3Candidates) = format == .v2019 ? Self.candidates2019 : Self.candidates2021
    }

    private static let candidates2019 = makeCandidates(.v2019)
    private static let candidates2021 = makeCandidates(.v2021)

    private static func makeCandidates(_ format: ReportFormat) -> ([Candidate], [Candidate]) {
        let layout = ReportLayout.of(format)
        let two = layout.table2.map { row in
            candidate(key: row.key, official: row.label, cellName: "\(row.blockLabel) \(row.label)", columns: row.columns.count)
        }
        var rows = layout.table3
        if format == .v2021, let single = ReportLayout.table3OtherHandlingAsOneRow.first(where: { $0.id == "3.6" }) {
            rows.append(single)
        }
        let three = rows.map { row in
            candidate(key: row.id, official: row.label, cellName: row.cellName, columns: Table3Column.count)
        }
        return (two, three)
    }

    private static func candidate(key: String, official: String, cellName: String, columns: Int) -> Candidate {
        let labelKey = LabelText.key(official)
        var bare: String?
        if let dot = labelKey.firstIndex(of: "."), labelKey[..<dot].allSatisfy(\.isNumber) {
            let rest = String(labelKey[labelKey.index(after: dot)...])
            if rest.count >= 4 { bare = rest }
        }
        return Candidate(
            key: key, official: official, cellName: cellName, columns: columns, labelKey: labelKey,
            labelScalars: LabelText.keyScalars(labelKey), bareKey: bare)
    }

    func isFilled(_ key: String, _ kind: Kind) -> Bool {
        kind == .two ? filled2.contains(key) : filled3.contains(key)
    }

    /// The official row that `label` names, exactly (after normalising) or, failing that, allowing for typos.
    mutating func match(label: String, in kind: Kind) -> Match? {
        let candidates = kind == .two ? table2Candidates : table3Candidates
        let taken = kind == .two ? filled2 : filled3
        func filled(_ key: String) -> Bool { taken.contains(key) }
        func names(_ candidate: Candidate) -> Bool {
            LabelText.hasSuffix(label, candidate.labelKey)
                || (candidate.bareKey.map { LabelText.hasSuffix(label, $0) } ?? false)
        }
        // Reports print the rows in order: the row after the last one read is the likely one.
        let next = (lastIndex[kind] ?? -1) + 1
        if next < candidates.count, !filled(candidates[next].key), names(candidates[next]) {
            lastIndex[kind] = next
            let c = candidates[next]
            return Match(key: c.key, official: c.official, cellName: c.cellName, columns: c.columns, guessed: false)
        }
        var exact: Int?
        for (index, candidate) in candidates.enumerated()
        where LabelText.hasSuffix(label, candidate.labelKey)
            || (candidate.bareKey.map { LabelText.hasSuffix(label, $0) } ?? false)
        {
            if exact == nil || (filled(candidates[exact!].key) && !filled(candidate.key)) { exact = index }
            if !filled(candidate.key) { break }
        }
        if let exact {
            lastIndex[kind] = exact
            let c = candidates[exact]
            return Match(key: c.key, official: c.official, cellName: c.cellName, columns: c.columns, guessed: false)
        }
        // Typos and broken labels: the closest unfilled row, if close enough.
        let scalars = LabelText.keyScalars(label)
        var best: (index: Int, score: Double)?
        let after = lastIndex[kind] ?? -1
        for (index, candidate) in candidates.enumerated() where !filled(candidate.key) {
            guard candidate.labelScalars.count >= 4 else { continue }
            let score = LabelText.suffixSimilarity(scalars, candidate.labelScalars)
            let nearBonus = index == after + 1 ? 0.02 : 0
            if score >= 0.7, score + nearBonus > (best?.score ?? 0) { best = (index, score + nearBonus) }
        }
        guard let best else { return nil }
        lastIndex[kind] = best.index
        let c = candidates[best.index]
        return Match(key: c.key, official: c.official, cellName: c.cellName, columns: c.columns, guessed: true)
    }

    mutating func store(
        _ match: Match, _ kind: Kind, values: [(raw: String, kind: CellValue)], line: Int, findings: inout [Finding]
    ) {
        let key = match.key
        switch kind {
        case .three:
            let name = match.cellName
            var row: [Int?] = []
            for (index, value) in values.enumerated() {
                row.append(readCount(value, cell: "\(name) / \(Table3Column.labels[index])", line: line, findings: &findings))
            }
            if table3 == nil { table3 = [:] }
            table3![key] = row
            filled3.insert(key)
        case .two:
            let spec = ReportLayout.of(format).table2.first { LabelText.equal($0.key, key) }!
            var row: [Table2Value?] = []
            for (column, value) in zip(spec.columns, values) {
                switch column.kind {
                case .count, .change:
                    let cell = "\(spec.blockLabel) \(spec.label) / \(column.label)"
                    row.append(readCount(value, cell: cell, line: line, findings: &findings).map(Table2Value.number))
                case .money(let defaultUnit):
                    if case .number(let number) = value.kind, let amount = number.decimal {
                        row.append(.money(Money(amount: amount, unit: number.unit ?? defaultUnit)))
                    } else {
                        row.append(nil)
                    }
                }
            }
            if table2 == nil { table2 = [:] }
            table2![key] = row
            filled2.insert(key)
        }
    }

    /// The model, with a finding for each table or row that was not there.
    func finish(
        year: Int?, agency: String?, sections: [ReportSection], preamble: String, findings: inout [Finding]
    ) -> AnnualReport {
        var report = AnnualReport(format: format, year: year, agency: agency, sections: sections, extraRows: extraRows)
        report.preamble = preamble
        let layout = ReportLayout.of(format)

        if var t2 = table2 {
            for row in layout.table2 where t2[row.key] == nil {
                t2[row.key] = Array(repeating: nil, count: row.columns.count)
                findings.append(
                    Finding(
                        rule: "read.missing-row", severity: .warning, cell: "\(row.blockLabel) \(row.label)",
                        message: "table 二 has no row \(row.blockLabel) \(row.label); its cells are blank"))
            }
            report.table2 = t2
        } else {
            findings.append(missingTable("二", "主动公开政府信息情况"))
        }

        if var t3 = table3 {
            if format == .v2021, let single = t3["3.6"] {
                let split = ["3.6.1", "3.6.2", "3.6.3"]
                if split.allSatisfy({ t3[$0] == nil }) {
                    report.otherHandlingAsOneRow = true
                    findings.append(
                        Finding(
                            rule: "read.other-handling-one-row", severity: .info, cell: "三（六）其他处理",
                            message: "this 2021-format report prints （六）其他处理 as one row, as the 2019 format did; it is kept as one row"))
                } else {
                    t3["3.6"] = nil
                    report.extraRows.append(
                        ExtraRow(table: "三", label: "（六）其他处理", values: single.map { $0.map(String.init) ?? "" }))
                    findings.append(
                        Finding(
                            rule: "read.extra-row", severity: .warning, cell: "三（六）其他处理",
                            message: "（六）其他处理 is printed both as one row and as its rows 1–3; the one row is kept as an extra row"))
                }
            }
            for row in report.table3Rows where t3[row.id] == nil {
                t3[row.id] = Array(repeating: nil, count: Table3Column.count)
                findings.append(
                    Finding(
                        rule: "read.missing-row", severity: .warning, cell: row.cellName,
                        message: "table 三 has no row \(row.cellName); its cells are blank"))
            }
            report.table3 = t3
        } else {
            findings.append(missingTable("三", "收到和处理政府信息公开申请情况"))
        }

        if let t4 = table4 {
            report.table4 = t4
        } else {
            findings.append(missingTable("四", "政府信息公开行政复议、行政诉讼情况"))
        }
        return report
    }

    private func missingTable(_ numeral: String, _ title: String) -> Finding {
        Finding(
            rule: "read.missing-table", severity: .error, cell: "表\(numeral)",
            message: "table \(numeral) (\(title)) was not found; the report is incomplete")
    }
}

import Foundation

/// Proves or disproves a report's arithmetic: the hard rules and soft checks of `annual-report-formats.md`.
///
/// A blank cell is not a zero: a rule whose cells are blank is reported as not checkable (a warning), never as an
/// arithmetic error.
public enum ReportChecker {
    /// The rules, by id, with what each demands. Listed in `docs/report-json.md` too.
    public static let rules: [(id: String, severity: Finding.Severity, meaning: String)] = [
        ("3.balance", .error, "表三, every column: 一 + 二 = 三（七）总计 + 四 (the printed 勾稽关系)"),
        ("3.results-total", .error, "表三, every column: （七）总计 = the sum of every result row （一）…（六）"),
        ("3.row-total", .error, "表三, every row: 总计 = 自然人 + the five 法人或其他组织 columns"),
        ("4.group-total", .error, "表四, each of 行政复议, 未经复议直接起诉, 复议后起诉: 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
        ("count.non-negative", .error, "no count is negative (本年增/减 aside)"),
        ("count.integral", .error, "no count is fractional"),
        ("2.published-exceeds-total", .warning, "2019 format: 本年新公开数量 is not above 对外公开总数量"),
        ("format.year", .warning, "the format matches the year: 2019 format for 2019–2020, 2021 format from 2021"),
        ("cross.carry-over", .warning, "last year's 结转下年度 equals this year's 上年结转"),
        ("cross.in-force", .warning, "2021 format: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数"),
    ]

    /// The findings for `report`; with `previous` (last year's report of the same agency) the cross-year checks too.
    public static func check(_ report: AnnualReport, previous: AnnualReport? = nil) -> [Finding] {
        var findings: [Finding] = []
        if let table3 = report.table3 { checkTable3(table3, rows: report.table3Rows, into: &findings) }
        if let table4 = report.table4 { checkTable4(table4, into: &findings) }
        if let table2 = report.table2 { checkTable2(table2, report: report, into: &findings) }
        checkFormatYear(report, into: &findings)
        findings += placeholders(report)
        if let previous { checkAgainstPrevious(report, previous, into: &findings) }
        return findings
    }

    // MARK: Table 三

    private static func checkTable3(_ table: [String: [Int?]], rows: [Table3RowSpec], into findings: inout [Finding]) {
        // NB: by position, not by id: this runs for every report of a directory, thousands a second.
        let blankRow = [Int?](repeating: nil, count: Table3Column.count)
        let m = rows.map { table[$0.id] ?? blankRow }
        func at(_ id: String) -> Int { rows.firstIndex { $0.id == id }! }
        let (new, carriedIn, total, carriedOut) = (at("1"), at("2"), at("3.7"), at("4"))
        let results = rows.indices.filter { rows[$0].isResult }
        func cell(_ row: Int, _ column: Int) -> String { CellName.table3(rows[row], column) }
        func blanks(_ cells: [Int], _ column: Int) -> [String] {
            cells.filter { m[$0][column] == nil }.map { cell($0, column) }
        }

        for (r, values) in m.enumerated() {
            for (column, value) in values.enumerated() {
                if let value, value < 0 {
                    findings.append(
                        Finding(
                            rule: "count.non-negative", severity: .error, cell: cell(r, column), actual: value,
                            problem: .negative))
                }
            }
        }

        for column in 0..<Table3Column.count {
            let label = Table3Column.labels[column]
            // Rule 1: 一 + 二 = 三（七） + 四.
            if let a = m[new][column], let b = m[carriedIn][column], let t = m[total][column], let c = m[carriedOut][column] {
                if a + b != t + c {
                    findings.append(
                        Finding(
                            rule: "3.balance", severity: .error, cell: cell(total, column), expected: a + b - c, actual: t,
                            problem: .balance(new: a, carriedIn: b, total: t, carriedOut: c)))
                }
            } else {
                findings.append(
                    blank(
                        "3.balance", cell: cell(total, column), rule: .balance(column: label),
                        blanks: blanks([new, carriedIn, total, carriedOut], column)))
            }
            // Rule 2: （七）总计 = the sum of the results.
            var sum = 0
            var complete = m[total][column] != nil
            for r in results {
                if let v = m[r][column] { sum += v } else { complete = false }
            }
            if complete, let t = m[total][column] {
                if sum != t {
                    findings.append(
                        Finding(
                            rule: "3.results-total", severity: .error, cell: cell(total, column), expected: sum, actual: t,
                            problem: .resultsTotal(total: t, sum: sum)))
                }
            } else {
                findings.append(
                    blank(
                        "3.results-total", cell: cell(total, column), rule: .resultsTotal(column: label),
                        blanks: blanks([total] + results, column)))
            }
        }

        // Rule 3: every row's 总计 = its six applicant columns.
        for (r, values) in m.enumerated() {
            var sum = 0
            var missing: [Int] = []
            for column in 0..<Table3Column.total {
                if let v = values[column] { sum += v } else { missing.append(column) }
            }
            guard let t = values[Table3Column.total], missing.isEmpty else {
                if values.contains(where: { $0 != nil }) {  // a wholly blank row is reported by the column rules
                    let blankColumns = (0..<Table3Column.count).filter { values[$0] == nil }
                    findings.append(
                        blank(
                            "3.row-total", cell: cell(r, Table3Column.total), rule: .rowTotal(row: rows[r].cellName),
                            blanks: blankColumns.map { cell(r, $0) }))
                }
                continue
            }
            if sum != t {
                findings.append(
                    Finding(
                        rule: "3.row-total", severity: .error, cell: cell(r, Table3Column.total), expected: sum, actual: t,
                        problem: .rowTotal(total: t, sum: sum)))
            }
        }
    }

    // MARK: Table 四

    private static func checkTable4(_ table: [Int?], into findings: inout [Finding]) {
        for (index, value) in table.enumerated() {
            if let value, value < 0 {
                findings.append(
                    Finding(
                        rule: "count.non-negative", severity: .error, cell: CellName.table4(index), actual: value,
                        problem: .negative))
            }
        }
        for group in 0..<3 {
            let cells = (0..<5).map { (Table4Column.label(group * 5 + $0), table[group * 5 + $0]) }
            let totalCell = CellName.table4(group * 5 + 4)
            if let blanks = blankCells(cells) {
                if blanks.count < 5 {
                    findings.append(
                        blank(
                            "4.group-total", cell: totalCell, rule: .groupTotal(group: Table4Column.groups[group]),
                            blanks: blanks.map { "四 " + $0 }))
                }
                continue
            }
            let parts = table[(group * 5)..<(group * 5 + 4)].compactMap { $0 }
            let sum = parts.reduce(0, +)
            guard let total = table[group * 5 + 4], parts.count == 4 else { continue }
            if sum != total {
                findings.append(
                    Finding(
                        rule: "4.group-total", severity: .error, cell: totalCell, expected: sum, actual: total,
                        problem: .groupTotal(total: total, parts: parts)))
            }
        }
    }

    // MARK: Table 二

    private static func checkTable2(_ table: [String: [Table2Value?]], report: AnnualReport, into findings: inout [Finding]) {
        for row in report.layout.table2 {
            guard let values = table[row.key] else { continue }
            for (column, value) in zip(row.columns, values) {
                guard case .count = column.kind, case .number(let n)? = value, n < 0 else { continue }
                findings.append(
                    Finding(
                        rule: "count.non-negative", severity: .error, cell: CellName.table2(row, column),
                        actual: n, problem: .negative))
            }
            if report.format == .v2019, row.block == "20.1",
                case .number(let published)? = values[1], case .number(let total)? = values[2], published > total
            {
                findings.append(
                    Finding(
                        rule: "2.published-exceeds-total", severity: .warning,
                        cell: CellName.table2(row, row.columns[1]), expected: total, actual: published,
                        problem: .publishedAboveTotal(published: published, total: total)))
            }
        }
    }

    private static func checkFormatYear(_ report: AnnualReport, into findings: inout [Finding]) {
        guard let year = report.year else { return }
        let expected = ReportFormat.expected(forYear: year)
        if expected != report.format {
            findings.append(
                Finding(
                    rule: "format.year", severity: .warning,
                    problem: .formatYear(year: year, expected: expected, actual: report.format)))
        }
    }

    // MARK: Text

    /// The words a template leaves for the writer to replace; a report that still holds one says nothing there.
    static let placeholderWords = ["请填写", "待填写", "此处填写", "请补充", "待补充"]

    public static let placeholderRule = "text.placeholder"

    /// Each placeholder left in the preamble or a section, named with its section: an error, so that no report goes
    /// out saying 「（请填写）」.
    public static func placeholders(_ report: AnnualReport) -> [Finding] {
        var findings: [Finding] = []
        var texts = [(0, report.preamble)]
        texts += report.sections.map { ($0.number, $0.text) }
        for (section, text) in texts where placeholderWords.contains(where: { text.contains($0) }) {
            for line in text.split(separator: "\n") where placeholderWords.contains(where: { line.contains($0) }) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                findings.append(
                    Finding(rule: placeholderRule, severity: .error, problem: .placeholder(section: section, text: String(trimmed.prefix(60)))))
            }
        }
        return findings
    }

    // MARK: Across years

    private static func checkAgainstPrevious(_ report: AnnualReport, _ previous: AnnualReport, into findings: inout [Finding]) {
        if let year = report.year, let last = previous.year, last != year - 1 {
            findings.append(
                Finding(
                    rule: "cross.carry-over", severity: .warning,
                    problem: .previousNotLastYear(previous: last, year: year)))
        }
        if let carried = previous.table3?["4"], let brought = report.table3?["2"] {
            for column in 0..<Table3Column.count {
                guard let c = carried[column], let b = brought[column], c != b else { continue }
                findings.append(
                    Finding(
                        rule: "cross.carry-over", severity: .warning,
                        cell: "二 上年结转政府信息公开申请数量 / \(Table3Column.labels[column])", expected: c, actual: b,
                        problem: .carryOver(carried: c, brought: b)))
            }
        }
        guard report.format == .v2021, previous.format == .v2021,
            let now = report.table2, let before = previous.table2
        else { return }
        for row in report.layout.table2 where row.block == "20.1" {
            guard case .number(let issued)? = now[row.key]?[0], case .number(let repealed)? = now[row.key]?[1],
                case .number(let inForce)? = now[row.key]?[2], case .number(let lastInForce)? = before[row.key]?[2]
            else { continue }
            let expected = lastInForce + issued - repealed
            if expected != inForce {
                findings.append(
                    Finding(
                        rule: "cross.in-force", severity: .warning,
                        cell: CellName.table2(row, row.columns[2]), expected: expected, actual: inForce,
                        problem: .inForce(lastYear: lastInForce, issued: issued, repealed: repealed, printed: inForce)))
            }
        }
    }

    // MARK: Blanks

    private static func blankCells(_ cells: [(String, Int?)]) -> [String]? {
        let blanks = cells.filter { $0.1 == nil }.map(\.0)
        return blanks.isEmpty ? nil : blanks
    }

    private static func blank(_ id: String, cell: String, rule: CheckProblem.BlankRule, blanks: [String]) -> Finding {
        Finding(rule: id, severity: .warning, cell: cell, problem: .blank(rule, cells: blanks))
    }
}

import Foundation

/// A sum of money kept exact, with the unit it was written in (`288.829万元`).
public struct Money: Sendable, Equatable, CustomStringConvertible {
    public var amount: Decimal
    /// `万元`, `元`, or nil when the cell gave none.
    public var unit: String?

    public init(amount: Decimal, unit: String?) {
        self.amount = amount
        self.unit = unit
    }

    /// The amount in plain decimal notation, as published (`288.829`).
    public var amountText: String {
        var value = amount
        return NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
    }

    public var description: String { amountText + (unit ?? "") }
}

/// A value in a table 二 cell.
public enum Table2Value: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case money(Money)

    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .money(let m): m.description
        }
    }
}

/// A row the official format does not have (some provinces add rows): kept as printed, and reported.
public struct ExtraRow: Sendable, Equatable {
    /// `二`, `三` or `四`.
    public var table: String
    public var label: String
    /// The cells after the label, as printed (blank cells as empty strings).
    public var values: [String]

    public init(table: String, label: String, values: [String]) {
        self.table = table
        self.label = label
        self.values = values
    }
}

/// One of the six sections, with its prose (the tables of 二, 三 and 四 are held apart).
public struct ReportSection: Sendable, Equatable {
    /// 1 … 6.
    public var number: Int
    public var title: String
    public var text: String

    public init(number: Int, title: String, text: String) {
        self.number = number
        self.title = title
        self.text = text
    }
}

/// An annual report (政府信息公开工作年度报告) in either official format.
///
/// A blank cell is `nil`, never zero: the checker must be able to tell "not published" from "none".
public struct AnnualReport: Sendable, Equatable {
    public var format: ReportFormat
    public var year: Int?
    public var agency: String?
    /// What stands between the title and section 一 (who compiled the report, the period, whom to ask).
    public var preamble: String = ""
    /// Table 二 by row key (`20.1/规章`), one value per column of the row; nil when the table is absent.
    public var table2: [String: [Table2Value?]]?
    /// Table 三 by row id (`3.3.4`), seven values in the order of `Table3Column.labels`; nil when absent.
    public var table3: [String: [Int?]]?
    /// Table 四's fifteen numbers in the official order; nil when absent.
    public var table4: [Int?]?
    /// The sections found, in order.
    public var sections: [ReportSection]
    public var extraRows: [ExtraRow]
    /// A 2021-format report that prints （六）其他处理 as one row (`3.6`) instead of `3.6.1`–`3.6.3`.
    public var otherHandlingAsOneRow: Bool

    public init(
        format: ReportFormat, year: Int? = nil, agency: String? = nil,
        table2: [String: [Table2Value?]]? = nil, table3: [String: [Int?]]? = nil, table4: [Int?]? = nil,
        sections: [ReportSection] = [], extraRows: [ExtraRow] = [], otherHandlingAsOneRow: Bool = false
    ) {
        self.format = format
        self.year = year
        self.agency = agency
        self.table2 = table2
        self.table3 = table3
        self.table4 = table4
        self.sections = sections
        self.extraRows = extraRows
        self.otherHandlingAsOneRow = otherHandlingAsOneRow
    }

    public var layout: ReportLayout { .of(format) }

    /// Table 三's rows as this report prints them.
    public var table3Rows: [Table3RowSpec] {
        format == .v2021 && otherHandlingAsOneRow ? ReportLayout.table3OtherHandlingAsOneRow : layout.table3
    }

    /// A report of `format` with every table present and every cell zero: what an agency with no activity publishes.
    public static func zero(format: ReportFormat, year: Int? = nil, agency: String? = nil) -> AnnualReport {
        let layout = ReportLayout.of(format)
        var table2: [String: [Table2Value?]] = [:]
        for row in layout.table2 {
            table2[row.key] = row.columns.map { column in
                if case .money(let unit) = column.kind { return .money(Money(amount: 0, unit: unit)) }
                return .number(0)
            }
        }
        var table3: [String: [Int?]] = [:]
        for row in layout.table3 { table3[row.id] = Array(repeating: 0, count: Table3Column.count) }
        let sections = (1...6).map {
            ReportSection(number: $0, title: ReportSectionTitle.titles[$0 - 1], text: "")
        }
        return AnnualReport(
            format: format, year: year, agency: agency, table2: table2, table3: table3,
            table4: Array(repeating: 0, count: Table4Column.count), sections: sections)
    }

    /// The text of section `number`, or nil when the report lacks it.
    public func section(_ number: Int) -> ReportSection? {
        sections.first { $0.number == number }
    }

    /// Table 三's seven values for a row id; nil when the table or the row is absent.
    public func table3Row(_ id: String) -> [Int?]? { table3?[id] }
}

/// Something the reader or the checker has to say about a report.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A stable identifier of the rule, e.g. `3.balance`; listed in `docs/report-json.md`.
    public var rule: String
    public var severity: Severity
    /// The cell by its official labels, e.g. `三（三）4 保护第三方合法权益 / 商业企业`.
    public var cell: String?
    public var expected: Int?
    public var actual: Int?
    public var message: String
    /// What the checker found, typed (nil for the reader's findings); `message` is its English.
    public var problem: CheckProblem?

    private enum CodingKeys: String, CodingKey { case rule, severity, cell, expected, actual, message }

    public init(
        rule: String, severity: Severity, cell: String? = nil, expected: Int? = nil, actual: Int? = nil,
        message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.cell = cell
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    public init(rule: String, severity: Severity, cell: String? = nil, expected: Int? = nil, actual: Int? = nil, problem: CheckProblem) {
        self.init(rule: rule, severity: severity, cell: cell, expected: expected, actual: actual, message: problem.message)
        self.problem = problem
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

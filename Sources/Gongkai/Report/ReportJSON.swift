import Foundation

/// Gongkai's JSON form of a report, documented in `docs/report-json.md`.
public enum ReportJSON {
    /// The document as written and read.
    public struct Document: Codable, Sendable {
        public var format: ReportFormat
        public var year: Int?
        public var agency: String?
        public var preamble: String?
        /// Block id (`20.1`) → row label (`规章`) → column label → value (null when blank).
        public var table2: [String: [String: [String: Value?]]]?
        /// Row id (`3.3.4`) → seven numbers in the order 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
        public var table3: [String: [Int?]]?
        public var otherHandlingAsOneRow: Bool?
        /// Fifteen numbers: 行政复议, 未经复议直接起诉, 复议后起诉, each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
        public var table4: [Int?]?
        public var sections: [Section]
        public var extraRows: [Extra]?
        public var findings: [Finding]
        /// Where the report was read from, when checking files.
        public var file: String?

        private enum CodingKeys: String, CodingKey {
            case format, year, agency, preamble, table2, table3, otherHandlingAsOneRow, table4, sections, extraRows
            case findings, file
        }

        /// NB: written by hand so that `year`, `agency` and the tables appear as null when unknown, as documented.
        public func encode(to encoder: any Encoder) throws {
            var object = encoder.container(keyedBy: CodingKeys.self)
            try object.encode(format, forKey: .format)
            try object.encode(year, forKey: .year)
            try object.encode(agency, forKey: .agency)
            try object.encodeIfPresent(preamble, forKey: .preamble)
            try object.encode(table2, forKey: .table2)
            try object.encode(table3, forKey: .table3)
            try object.encodeIfPresent(otherHandlingAsOneRow, forKey: .otherHandlingAsOneRow)
            try object.encode(table4, forKey: .table4)
            try object.encode(sections, forKey: .sections)
            try object.encodeIfPresent(extraRows, forKey: .extraRows)
            try object.encode(findings, forKey: .findings)
            try object.encodeIfPresent(file, forKey: .file)
        }
    }

    public struct Section: Codable, Sendable {
        public var number: Int
        public var title: String
        public var text: String
    }

    public struct Extra: Codable, Sendable {
        public var table: String
        public var label: String
        public var values: [String]
    }

    /// A table 二 value: a number, or money as `{"amount": "288.829", "unit": "万元"}` (the amount a string, exact).
    public enum Value: Codable, Sendable, Equatable {
        case number(Int)
        case money(amount: String, unit: String?)

        private enum Keys: String, CodingKey { case amount, unit }

        public init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let number = try? single.decode(Int.self) {
                self = .number(number)
                return
            }
            let object = try decoder.container(keyedBy: Keys.self)
            self = .money(
                amount: try object.decode(String.self, forKey: .amount),
                unit: try object.decodeIfPresent(String.self, forKey: .unit))
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .number(let n):
                var single = encoder.singleValueContainer()
                try single.encode(n)
            case .money(let amount, let unit):
                var object = encoder.container(keyedBy: Keys.self)
                try object.encode(amount, forKey: .amount)
                try object.encode(unit, forKey: .unit)
            }
        }
    }

    public static func document(_ report: AnnualReport, findings: [Finding], file: String? = nil) -> Document {
        var table2: [String: [String: [String: Value?]]]?
        if let t2 = report.table2 {
            var blocks: [String: [String: [String: Value?]]] = [:]
            for row in report.layout.table2 {
                guard let values = t2[row.key] else { continue }
                var cells: [String: Value?] = [:]
                for (column, value) in zip(row.columns, values) {
                    cells[column.label] = value.map(Self.value)
                }
                blocks[row.block, default: [:]][row.label] = cells
            }
            table2 = blocks
        }
        return Document(
            format: report.format, year: report.year, agency: report.agency,
            preamble: report.preamble.isEmpty ? nil : report.preamble, table2: table2, table3: report.table3,
            otherHandlingAsOneRow: report.otherHandlingAsOneRow, table4: report.table4,
            sections: report.sections.map { Section(number: $0.number, title: $0.title, text: $0.text) },
            extraRows: report.extraRows.map { Extra(table: $0.table, label: $0.label, values: $0.values) },
            findings: findings, file: file)
    }

    private static func value(_ value: Table2Value) -> Value {
        switch value {
        case .number(let n): .number(n)
        case .money(let m): .money(amount: m.amountText, unit: m.unit)
        }
    }

    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func encode(_ report: AnnualReport, findings: [Finding], file: String? = nil) -> String {
        encode(document(report, findings: findings, file: file))
    }

    public static func encode<T: Encodable>(_ value: T) -> String {
        // NB: encoding these plain value types cannot fail; an empty object is the honest fallback if it ever did.
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The report and findings from Gongkai's JSON.
    public static func decode(_ text: String) throws(ReportReadError) -> ReadReport {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw .invalidJSON(describe(error))
        } catch {
            throw .invalidJSON("\(error)")
        }
        return try report(from: document)
    }

    static func report(from document: Document) throws(ReportReadError) -> ReadReport {
        var report = AnnualReport(
            format: document.format, year: document.year, agency: document.agency, table3: document.table3,
            table4: document.table4,
            sections: document.sections.map { ReportSection(number: $0.number, title: $0.title, text: $0.text) },
            extraRows: (document.extraRows ?? []).map { ExtraRow(table: $0.table, label: $0.label, values: $0.values) },
            otherHandlingAsOneRow: document.otherHandlingAsOneRow ?? false)
        report.preamble = document.preamble ?? ""
        if let t3 = document.table3 {
            for row in report.table3Rows where t3[row.id]?.count != Table3Column.count {
                throw .invalidJSON("table3 row \(row.id) (\(row.cellName)) must hold 7 numbers or nulls")
            }
        }
        if let t4 = document.table4, t4.count != Table4Column.count {
            throw .invalidJSON("table4 must hold 15 numbers or nulls, not \(t4.count)")
        }
        if let blocks = document.table2 {
            var t2: [String: [Table2Value?]] = [:]
            for row in report.layout.table2 {
                guard let cells = blocks[row.block]?[row.label] else { continue }
                t2[row.key] = try row.columns.map { column throws(ReportReadError) -> Table2Value? in
                    guard let value = cells[column.label] ?? nil else { return nil }
                    switch value {
                    case .number(let n): return .number(n)
                    case .money(let amount, let unit):
                        guard let decimal = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) else {
                            throw .invalidJSON("table2 \(row.block) \(row.label) \(column.label): “\(amount)” is not an amount")
                        }
                        return .money(Money(amount: decimal, unit: unit))
                    }
                }
            }
            report.table2 = t2
        }
        return ReadReport(report: report, findings: document.findings)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing “\(key.stringValue)”"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

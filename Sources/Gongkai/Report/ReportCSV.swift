import Foundation

/// The tables as CSV (RFC 4180), one file per table, and back.
///
/// - `table2.csv`: `项,信息内容,栏目,数值,单位`, one line per cell (the blocks have different columns);
/// - `table3.csv`: `行,信息内容,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计`, one line per row;
/// - `table4.csv`: one header line of the fifteen columns, one line of numbers.
/// A blank cell is an empty field, never 0.
public enum ReportCSV {
    public static func write(_ report: AnnualReport) -> [(name: String, content: String)] {
        var files: [(String, String)] = []
        if let table = report.table2 {
            var lines = [["项", "信息内容", "栏目", "数值", "单位"]]
            for row in report.layout.table2 {
                let values = table[row.key] ?? []
                for (column, value) in zip(row.columns, values) {
                    switch value {
                    case .money(let m)?: lines.append([row.blockLabel, row.label, column.label, m.amountText, m.unit ?? ""])
                    case .number(let n)?: lines.append([row.blockLabel, row.label, column.label, String(n), ""])
                    case nil: lines.append([row.blockLabel, row.label, column.label, "", ""])
                    }
                }
            }
            files.append(("table2.csv", CSV.encode(lines)))
        }
        if let table = report.table3 {
            var lines = [["行", "信息内容"] + Table3Column.labels]
            for row in report.table3Rows {
                let values = table[row.id] ?? Array(repeating: nil, count: Table3Column.count)
                lines.append([row.id, row.cellName] + values.map { $0.map(String.init) ?? "" })
            }
            files.append(("table3.csv", CSV.encode(lines)))
        }
        if let table = report.table4 {
            let header = (0..<Table4Column.count).map(Table4Column.label)
            files.append(("table4.csv", CSV.encode([header, table.map { $0.map(String.init) ?? "" }])))
        }
        return files
    }

    /// The tables of `report` replaced by those in the CSV files written by `write` (by file name).
    public static func read(_ files: [String: String], into report: AnnualReport) throws(ReportReadError) -> AnnualReport {
        var report = report
        let layout = report.layout
        if let text = files["table2.csv"] {
            var table: [String: [Table2Value?]] = [:]
            for row in layout.table2 { table[row.key] = Array(repeating: nil, count: row.columns.count) }
            for (index, fields) in CSV.decode(text).enumerated().dropFirst() where fields.count >= 4 {
                guard let row = layout.table2.first(where: { $0.blockLabel == fields[0] && $0.label == fields[1] }),
                    let column = row.columns.firstIndex(where: { $0.label == fields[2] })
                else {
                    throw .invalidJSON(
                        "table2.csv line \(index + 1): no cell \(fields[0]) \(fields[1]) / \(fields[2]) in the \(layout.format.rawValue) format")
                }
                guard !fields[3].isEmpty else { continue }
                if case .money = row.columns[column].kind {
                    guard let amount = Decimal(string: fields[3], locale: Locale(identifier: "en_US_POSIX")) else {
                        throw .invalidJSON("table2.csv line \(index + 1): “\(fields[3])” is not an amount")
                    }
                    let unit = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
                    table[row.key]![column] = .money(Money(amount: amount, unit: unit))
                } else {
                    guard let n = Int(fields[3]) else { throw .invalidJSON("table2.csv line \(index + 1): “\(fields[3])” is not a whole number") }
                    table[row.key]![column] = .number(n)
                }
            }
            report.table2 = table
        }
        if let text = files["table3.csv"] {
            var table: [String: [Int?]] = [:]
            for (index, fields) in CSV.decode(text).enumerated().dropFirst() where !fields.isEmpty && !fields[0].isEmpty {
                guard fields.count == 2 + Table3Column.count else {
                    throw .invalidJSON("table3.csv line \(index + 1): \(fields.count) fields, expected \(2 + Table3Column.count)")
                }
                table[fields[0]] = try fields[2...].map { field throws(ReportReadError) -> Int? in
                    if field.isEmpty { return nil }
                    guard let n = Int(field) else { throw .invalidJSON("table3.csv line \(index + 1): “\(field)” is not a whole number") }
                    return n
                }
            }
            report.otherHandlingAsOneRow = report.format == .v2021 && table["3.6"] != nil
            report.table3 = table
        }
        if let text = files["table4.csv"] {
            let lines = CSV.decode(text)
            guard lines.count >= 2, lines[1].count == Table4Column.count else {
                throw .invalidJSON("table4.csv: expected a header line and a line of 15 numbers")
            }
            report.table4 = try lines[1].map { field throws(ReportReadError) -> Int? in
                if field.isEmpty { return nil }
                guard let n = Int(field) else { throw .invalidJSON("table4.csv line 2: “\(field)” is not a whole number") }
                return n
            }
        }
        return report
    }
}

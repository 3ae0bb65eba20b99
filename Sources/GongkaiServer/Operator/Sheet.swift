import Foundation
import Gongkai

extension Operator {
    /// A CSV file an import reads, as Excel or WPS saved it (UTF-8 with or without BOM, or GB18030): its header checked
    /// against the import's columns, then each row as field → value. Rows are numbered as the spreadsheet numbers them
    /// (the header is row 1; a quoted value over several lines is one row; blank rows are skipped but counted).
    struct Sheet {
        struct Row {
            var line: Int
            /// The values as written, by field.
            var values: [String: String]
            /// More values than columns.
            var overflow: Int?

            /// A value without the spaces and line ends around it; "" when the column is absent or empty.
            func trimmed(_ field: String) -> String { (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        var file: String
        var header: [String]
        var rows: [Row]

        /// The file's problem with the header refuses the whole file, as a `Failure` naming each.
        init(_ data: Data, file: String, columns: [(header: String, field: String)], required: [String]) throws {
            let text: String
            do {
                text = try TextDecoding.decode(data)
            } catch {
                throw Failure("\(file): \(error.description)")
            }
            let records = CSV.decode(text)
            guard let first = records.first(where: { !Self.isBlank($0) }) else { throw Failure("\(file): the file is empty") }
            let header = first.map { $0.trimmingCharacters(in: .whitespaces) }
            let known = Dictionary(columns.map { ($0.header, $0.field) }, uniquingKeysWith: { a, _ in a })
            var problems = header.filter { known[$0] == nil }.map {
                "\(file) line 1: unknown column 「\($0)」 (the columns: \(columns.map(\.header).joined(separator: ",")))"
            }
            problems += required.filter { !header.contains($0) }.map { "\(file) line 1: the column 「\($0)」 is missing" }
            guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
            (self.file, self.header) = (file, header)
            let start = (records.firstIndex { !Self.isBlank($0) } ?? 0) + 1
            rows = records.enumerated().dropFirst(start).filter { !Self.isBlank($0.element) }.map { index, record in
                var values: [String: String] = [:]
                for (column, value) in zip(header, record) { values[known[column] ?? column] = value }
                return Row(line: index + 1, values: values, overflow: record.count > header.count ? record.count : nil)
            }
        }

        private static func isBlank(_ record: [String]) -> Bool { record.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

        /// A problem of a row's field, named as the file, row and column.
        func problem(_ row: Int, _ field: String, _ text: String, columns: [(header: String, field: String)]) -> String {
            "\(file) line \(row): \(columns.first { $0.field == field }.map { "「\($0.header)」 " } ?? "")\(text)"
        }

        /// A row with more values than the header has columns.
        func overflow(_ row: Row) -> String? {
            row.overflow.map { "\(file) line \(row.line): \($0) values for \(header.count) columns" }
        }
    }
}

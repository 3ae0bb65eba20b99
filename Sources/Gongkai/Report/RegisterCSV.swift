import Foundation

/// A line of a table 二 register as imported: one kind of record for one year.
public struct RegisterLine: Sendable, Equatable {
    public var year: Int
    public var kind: ReportFacts.RegisterKind
    public var register: ReportFacts.Register

    public init(year: Int, kind: ReportFacts.RegisterKind, register: ReportFacts.Register) {
        self.year = year
        self.kind = kind
        self.register = register
    }
}

/// Everything wrong with a register file, line by line; nothing is imported while it is not empty.
public struct RegisterCSVError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with one line, in the order found.
    public struct Line: Sendable, Equatable {
        public var line: Int
        public var problems: [RegisterCSVProblem]
        /// The line's problems in Chinese.
        public var message: String { problems.map(\.message).joined(separator: "；") }
    }

    public var problems: [Line]

    init(line: Int, _ problem: RegisterCSVProblem) {
        problems = [Line(line: line, problems: [problem])]
    }

    init(problems: [Line]) {
        self.problems = problems
    }

    public var description: String { problems.map { "第\($0.line)行：\($0.message)" }.joined(separator: "\n") }
}

/// One thing wrong in a register file, typed: the Chinese is here, other languages are the server's.
public enum RegisterCSVProblem: Sendable, Equatable {
    case empty
    case header
    case columns(Int)
    case year(String)
    case kind(String)
    case count(RegisterCSVField, String, signed: Bool)
    case amount(String)
    /// The same year and kind as an earlier line.
    case duplicate(ofLine: Int)

    public var message: String {
        switch self {
        case .empty: "文件是空的；第一行应为表头：\(RegisterCSV.header)"
        case .header: "表头应为：\(RegisterCSV.header)"
        case .columns(let count): "应有7栏，现有\(count)栏"
        case .year(let cell): "年份“\(cell)”不是有效年份"
        case .kind(let cell): "类别“\(cell)”不是表二的登记类别（\(ReportFacts.RegisterKind.allCases.map(\.label).joined(separator: "、"))）"
        case .count(let field, let cell, let signed): "\(field.label)“\(cell)”应为\(signed ? "整数" : "非负整数")"
        case .amount(let cell): "金额“\(cell)”应为以万元计的非负数，如 288.829"
        case .duplicate(let earlier): "与第\(earlier)行重复（同一年份同一类别只能有一行）"
        }
    }
}

/// The count columns of a register file.
public enum RegisterCSVField: Sendable, Equatable {
    case previousCount, change, decisions, count

    public var label: String {
        switch self {
        case .previousCount: "上一年项目数量"
        case .change: "本年增减"
        case .decisions: "处理决定数量"
        case .count: "数量"
        }
    }
}

/// The registers of table 二 as CSV, one line per kind and year:
/// `年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）` (the header may also be in English:
/// `year,kind,previous_count,change,decisions,count,amount`). 类别 is 行政许可, 其他对外管理服务事项, 行政处罚,
/// 行政强制, 行政事业性收费 or 政府集中采购 (or the English keys). Empty cells are 0.
public enum RegisterCSV {
    public static let header = "年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）"

    public static func parse(_ text: String) throws(RegisterCSVError) -> [RegisterLine] {
        var problems: [RegisterCSVError.Line] = []
        var lines: [RegisterLine] = []
        var seen: [String: Int] = [:]
        let rows = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = rows.first, !first.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterCSVError(line: 1, .empty)
        }
        let head = first.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard head.count == 7, head.first == "年份" || head.first == "year" else {
            throw RegisterCSVError(line: 1, .header)
        }
        let kinds = Dictionary(uniqueKeysWithValues: ReportFacts.RegisterKind.allCases.flatMap { [($0.rawValue, $0), ($0.label, $0)] })
        for (offset, row) in rows.enumerated().dropFirst() {
            let number = offset + 1
            let text = row.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let cells = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7 else {
                problems.append(RegisterCSVError.Line(line: number, problems: [.columns(cells.count)]))
                continue
            }
            var lineProblems: [RegisterCSVProblem] = []
            let year = Int(cells[0]).flatMap { (2008...2100).contains($0) ? $0 : nil }
            if year == nil { lineProblems.append(.year(cells[0])) }
            let kind = kinds[cells[1]]
            if kind == nil { lineProblems.append(.kind(cells[1])) }
            func count(_ index: Int, _ field: RegisterCSVField, signed: Bool = false) -> Int {
                if cells[index].isEmpty { return 0 }
                guard let value = Int(cells[index]), signed || value >= 0 else {
                    lineProblems.append(.count(field, cells[index], signed: signed))
                    return 0
                }
                return value
            }
            let register = ReportFacts.Register(
                previousCount: count(2, .previousCount), change: count(3, .change, signed: true), decisions: count(4, .decisions),
                count: count(5, .count),
                amount: {
                    if cells[6].isEmpty { return 0 }
                    guard let amount = Decimal(string: cells[6], locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                        cells[6].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
                    else {
                        lineProblems.append(.amount(cells[6]))
                        return 0
                    }
                    return amount
                }())
            if let year, let kind {
                let key = "\(year)/\(kind.rawValue)"
                if let earlier = seen[key] { lineProblems.append(.duplicate(ofLine: earlier)) } else { seen[key] = number }
            }
            if lineProblems.isEmpty, let year, let kind {
                lines.append(RegisterLine(year: year, kind: kind, register: register))
            } else {
                problems.append(RegisterCSVError.Line(line: number, problems: lineProblems))
            }
        }
        guard problems.isEmpty else { throw RegisterCSVError(problems: problems) }
        return lines
    }
}

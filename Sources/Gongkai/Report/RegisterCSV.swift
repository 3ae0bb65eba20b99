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
    public var problems: [(line: Int, message: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.problems.map(\.line) == b.problems.map(\.line) && a.problems.map(\.message) == b.problems.map(\.message)
    }

    public var description: String { problems.map { "第\($0.line)行：\($0.message)" }.joined(separator: "\n") }
}

/// The registers of table 二 as CSV, one line per kind and year:
/// `年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）` (the header may also be in English:
/// `year,kind,previous_count,change,decisions,count,amount`). 类别 is 行政许可, 其他对外管理服务事项, 行政处罚,
/// 行政强制, 行政事业性收费 or 政府集中采购 (or the English keys). Empty cells are 0.
public enum RegisterCSV {
    public static let header = "年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）"

    public static func parse(_ text: String) throws(RegisterCSVError) -> [RegisterLine] {
        var problems: [(Int, String)] = []
        var lines: [RegisterLine] = []
        var seen: [String: Int] = [:]
        let rows = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = rows.first, !first.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterCSVError(problems: [(1, "文件是空的；第一行应为表头：\(header)")])
        }
        let head = first.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard head.count == 7, head.first == "年份" || head.first == "year" else {
            throw RegisterCSVError(problems: [(1, "表头应为：\(header)")])
        }
        let kinds = Dictionary(uniqueKeysWithValues: ReportFacts.RegisterKind.allCases.flatMap { [($0.rawValue, $0), ($0.label, $0)] })
        for (offset, row) in rows.enumerated().dropFirst() {
            let number = offset + 1
            let text = row.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let cells = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7 else {
                problems.append((number, "应有7栏，现有\(cells.count)栏"))
                continue
            }
            var lineProblems: [String] = []
            let year = Int(cells[0]).flatMap { (2008...2100).contains($0) ? $0 : nil }
            if year == nil { lineProblems.append("年份“\(cells[0])”不是有效年份") }
            let kind = kinds[cells[1]]
            if kind == nil {
                lineProblems.append("类别“\(cells[1])”不是表二的登记类别（\(ReportFacts.RegisterKind.allCases.map(\.label).joined(separator: "、"))）")
            }
            func count(_ index: Int, _ name: String, signed: Bool = false) -> Int {
                if cells[index].isEmpty { return 0 }
                guard let value = Int(cells[index]), signed || value >= 0 else {
                    lineProblems.append("\(name)“\(cells[index])”应为\(signed ? "整数" : "非负整数")")
                    return 0
                }
                return value
            }
            let register = ReportFacts.Register(
                previousCount: count(2, "上一年项目数量"), change: count(3, "本年增减", signed: true), decisions: count(4, "处理决定数量"),
                count: count(5, "数量"),
                amount: {
                    if cells[6].isEmpty { return 0 }
                    guard let amount = Decimal(string: cells[6], locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                        cells[6].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
                    else {
                        lineProblems.append("金额“\(cells[6])”应为以万元计的非负数，如 288.829")
                        return 0
                    }
                    return amount
                }())
            if let year, let kind {
                let key = "\(year)/\(kind.rawValue)"
                if let earlier = seen[key] { lineProblems.append("与第\(earlier)行重复（同一年份同一类别只能有一行）") } else { seen[key] = number }
            }
            if lineProblems.isEmpty, let year, let kind {
                lines.append(RegisterLine(year: year, kind: kind, register: register))
            } else {
                problems.append((number, lineProblems.joined(separator: "；")))
            }
        }
        guard problems.isEmpty else { throw RegisterCSVError(problems: problems) }
        return lines
    }
}

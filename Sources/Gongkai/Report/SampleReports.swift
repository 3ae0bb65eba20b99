import Foundation

/// Synthetic reports with non-zero numbers whose arithmetic holds, made from a seed: for demos, tests and benchmarks.
public enum SampleReports {
    /// SplitMix64: the same numbers for the same seed on every machine.
    public struct Generator: RandomNumberGenerator {
        public var state: UInt64
        public init(state: UInt64) { self.state = state }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A report in `format` whose numbers are non-zero and whose arithmetic holds.
    public static func consistent(_ format: ReportFormat, seed: UInt64 = 1, oneRowOtherHandling: Bool = false) -> AnnualReport {
        var random = Generator(state: seed)
        var report = AnnualReport.zero(format: format, year: format == .v2019 ? 2020 : 2023, agency: "测试区人民政府")
        report.otherHandlingAsOneRow = oneRowOtherHandling && format == .v2021
        var table3: [String: [Int?]] = [:]
        for row in report.table3Rows where row.isResult {
            table3[row.id] = (0..<6).map { _ in Int.random(in: 0...12, using: &random) } + [nil]
        }
        var answered = Array(repeating: 0, count: 6)
        for row in report.table3Rows where row.isResult {
            for c in 0..<6 { answered[c] += table3[row.id]![c]! }
        }
        let carriedOut = (0..<6).map { _ in Int.random(in: 0...7, using: &random) }
        let carriedIn = (0..<6).map { Int.random(in: 0...min(5, answered[$0] + carriedOut[$0]), using: &random) }
        // 一 + 二 = 三（七）+ 四 (the printed 勾稽关系).
        table3["1"] = (0..<6).map { answered[$0] + carriedOut[$0] - carriedIn[$0] } + [nil]
        table3["2"] = carriedIn + [nil]
        table3["4"] = carriedOut + [nil]
        table3["3.7"] = answered + [nil]
        for (id, row) in table3 {
            table3[id] = Array(row.prefix(6)) + [row.prefix(6).reduce(0) { $0 + $1! }]
        }
        report.table3 = table3
        var table4: [Int?] = []
        for _ in 0..<3 {
            let parts = (0..<4).map { _ in Int.random(in: 0...9, using: &random) }
            table4 += parts + [parts.reduce(0, +)]
        }
        report.table4 = table4
        var table2: [String: [Table2Value?]] = [:]
        for row in report.layout.table2 {
            table2[row.key] = row.columns.map { column in
                switch column.kind {
                case .count: .number(Int.random(in: 0...400, using: &random))
                case .change: .number(Int.random(in: -20...20, using: &random))
                case .money(let unit): .money(Money(amount: Decimal(Int.random(in: 0...999_999, using: &random)) / 1000, unit: unit ?? "万元"))
                }
            }
        }
        if format == .v2019 {
            // 本年新公开数量 never above 对外公开总数量.
            for key in ["20.1/规章", "20.1/规范性文件"] {
                table2[key] = [.number(5), .number(3), .number(40)]
            }
        }
        report.table2 = table2
        report.sections = (1...6).map {
            ReportSection(
                number: $0, title: ReportSectionTitle.titles[$0 - 1], text: $0 == 2 || $0 == 3 || $0 == 4 ? "" : "第\($0)节的内容。\n2023年，本机关依法做好政府信息公开工作。"
            )
        }
        return report
    }
}

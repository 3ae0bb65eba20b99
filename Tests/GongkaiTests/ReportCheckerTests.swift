import Foundation
import Testing

@testable import Gongkai

@Suite struct ReportCheckerTests {
    static let formats: [(ReportFormat, Bool)] = [(.v2019, false), (.v2021, false), (.v2021, true)]

    /// Issue 16: a template's placeholder left in the text is an error naming its part and line; the published
    /// reports (which have none) have no such finding; the same words inside other text are found too.
    @Test func aPlaceholderLeftInTheTextIsAnErrorNamingItsPart() throws {
        var report = SampleReports.consistent(.v2021)
        report.sections = [
            ReportSection(number: 1, title: "总体情况", text: "（一）主动公开\n本年主动公开信息120条。\n（三）政府信息管理\n（请填写）"),
            ReportSection(number: 5, title: "存在的主要问题及改进情况", text: "存在的问题：待补充。"),
        ]
        let found = ReportChecker.check(report).filter { $0.rule == "text.placeholder" }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.map(\.problem) == [.placeholder(section: 1, text: "（请填写）"), .placeholder(section: 5, text: "存在的问题：待补充。")])
        #expect(found[0].message.contains("section 1") && found[0].message.contains("（请填写）"))
        for name in [Fixture.lianfang] + Fixture.realReports {
            let real = try ReportReader.read(try Fixture.data(name)).report
            #expect(ReportChecker.check(real).allSatisfy { $0.rule != "text.placeholder" }, "\(name)")
        }
    }

    @Test(arguments: formats)
    func checker_passesAConsistentHandMadeReport(format: ReportFormat, oneRow: Bool) {
        for seed in 1...20 as ClosedRange<UInt64> {
            let report = SampleReports.consistent(format, seed: seed, oneRowOtherHandling: oneRow)
            #expect(report.table3?["3.7"]?[6] ?? 0 > 0)
            #expect(ReportChecker.check(report) == [], "seed \(seed)")
        }
    }

    /// One injected error per hard rule, and the cell the checker must name.
    struct Injection: CustomTestStringConvertible, Sendable {
        let name: String
        let rule: String
        let cell: String
        let change: @Sendable (inout AnnualReport) -> Void
        var testDescription: String { name }
    }

    static let injections: [Injection] = [
        Injection(name: "total column of 三（三）4", rule: "3.row-total", cell: "三（三）4 保护第三方合法权益 / 总计") {
            $0.table3!["3.3.4"]![6]! += 1
        },
        Injection(name: "a result cell and its row total", rule: "3.results-total", cell: "三（七）总计 / 商业企业") {
            $0.table3!["3.3.4"]![1]! += 2
            $0.table3!["3.3.4"]![6]! += 2
        },
        Injection(name: "new applications, whole row", rule: "3.balance", cell: "三（七）总计 / 自然人") {
            $0.table3!["1"]![0]! += 3
            $0.table3!["1"]![6]! += 3
        },
        Injection(name: "carried over to next year", rule: "3.balance", cell: "三（七）总计 / 其他") {
            $0.table3!["4"]![5]! += 1
            $0.table3!["4"]![6]! += 1
        },
        Injection(name: "reconsideration total", rule: "4.group-total", cell: "四 行政复议 / 总计") {
            $0.table4![4]! += 1
        },
        Injection(name: "direct lawsuit result", rule: "4.group-total", cell: "四 行政诉讼·未经复议直接起诉 / 总计") {
            $0.table4![6]! += 1
        },
        Injection(name: "lawsuit after reconsideration", rule: "4.group-total", cell: "四 行政诉讼·复议后起诉 / 总计") {
            $0.table4![14]! -= 1
        },
        Injection(name: "negative count", rule: "count.non-negative", cell: "四 行政诉讼·复议后起诉 / 结果维持") {
            $0.table4![10] = -2
        },
    ]

    @Test(arguments: [ReportFormat.v2019, .v2021], injections)
    func checker_catchesEachInjectedErrorAtTheRightCell(format: ReportFormat, injection: Injection) {
        var report = SampleReports.consistent(format, seed: 7)
        injection.change(&report)
        let findings = ReportChecker.check(report)
        let errors = findings.filter { $0.severity == .error }
        #expect(
            errors.contains { $0.rule == injection.rule && $0.cell == injection.cell },
            "expected \(injection.rule) at \(injection.cell), got \(errors.map { "\($0.rule) @ \($0.cell ?? "-")" })")
    }

    @Test func checker_reportsExpectedAndActualForARowTotal() {
        var report = SampleReports.consistent(.v2021, seed: 3)
        let parts = report.table3!["3.3.4"]!.prefix(6).reduce(0) { $0 + $1! }
        report.table3!["3.3.4"]![6] = parts + 4
        let finding = ReportChecker.check(report).first { $0.rule == "3.row-total" }
        #expect(finding?.expected == parts)
        #expect(finding?.actual == parts + 4)
        #expect(finding?.message.contains("a difference of 4") == true)
        // The finding is typed, so the server can say it in Chinese too; its English stays the JSON's `message`.
        #expect(finding?.problem == .rowTotal(total: parts + 4, sum: parts))
    }

    @Test func checker_flagsNegativeCountsButNotANegativeChange() {
        var report = SampleReports.consistent(.v2019, seed: 5)
        report.table2!["20.5/行政许可"] = [.number(10), .number(-4), .number(3)]
        #expect(ReportChecker.check(report).isEmpty)
        report.table2!["20.5/行政许可"] = [.number(-1), .number(-4), .number(3)]
        let findings = ReportChecker.check(report)
        #expect(findings.map(\.cell) == ["第二十条第（五）项 行政许可 / 上一年项目数量"])
        #expect(findings.first?.rule == "count.non-negative")
    }

    @Test func checker_saysBlankCellsPreventARuleInsteadOfClaimingAnError() {
        var report = SampleReports.consistent(.v2021, seed: 9)
        report.table3!["2"]![0] = nil
        let findings = ReportChecker.check(report)
        #expect(!findings.hasErrors)
        let balance = findings.first { $0.rule == "3.balance" }
        #expect(balance?.severity == .warning)
        #expect(balance?.message.contains("blank") == true)
        #expect(balance?.message.contains("二 上年结转政府信息公开申请数量 / 自然人") == true)
        #expect(balance?.problem == .blank(.balance(column: "自然人"), cells: ["二 上年结转政府信息公开申请数量 / 自然人"]))
    }

    @Test func checker_warnsWhenPublishedExceedsTheTotalIn2019Format() {
        var report = SampleReports.consistent(.v2019, seed: 2)
        report.table2!["20.1/规范性文件"] = [.number(5), .number(9), .number(4)]
        let finding = ReportChecker.check(report).first { $0.rule == "2.published-exceeds-total" }
        #expect(finding?.severity == .warning)
        #expect(finding?.cell == "第二十条第（一）项 规范性文件 / 本年新公开数量")
    }

    @Test func checker_comparesCarryOverAndDocumentsInForceWithLastYear() throws {
        let last = try ReportReader.read(try Fixture.data("huaian-hongze-district-2023.txt")).report
        let this = try ReportReader.read(try Fixture.data("huaian-hongze-district-2024.txt")).report
        // The real pair is consistent: 5 + 3 − 0 = 8 行政规范性文件 in force, nothing carried over.
        #expect(ReportChecker.check(this, previous: last).filter { $0.rule.hasPrefix("cross.") }.isEmpty)

        var changed = this
        changed.table2!["20.1/行政规范性文件"]![2] = .number(9)
        changed.table3!["2"]![0] = 2
        let findings = ReportChecker.check(changed, previous: last)
        let inForce = findings.first { $0.rule == "cross.in-force" }
        #expect(inForce?.expected == 8)
        #expect(inForce?.actual == 9)
        let carry = findings.first { $0.rule == "cross.carry-over" }
        #expect(carry?.cell == "二 上年结转政府信息公开申请数量 / 自然人")
        #expect(carry?.severity == .warning)
    }

    @Test func checker_findsTheRealHongze2023ReportsTableFourErrors() throws {
        let report = try ReportReader.read(try Fixture.data("huaian-hongze-district-2023.txt")).report
        let errors = ReportChecker.check(report).filter { $0.severity == .error }
        #expect(errors.map(\.cell) == ["四 行政复议 / 总计", "四 行政诉讼·复议后起诉 / 总计"])
        #expect(errors.map(\.expected) == [11, 5])
    }
}

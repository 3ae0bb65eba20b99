import Foundation
import Testing

@testable import Gongkai

/// The chart of a year's new applications by month and outcome (issue 16): counted from the report's own facts, by the
/// rows table 三 counts them in.
@Suite struct MonthChartTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let facts = ReportFacts(applications: [
        .init(id: "a", received: day("2024-01-15"), closed: day("2024-02-05"), applicantType: .naturalPerson, result: "3.1", withdrawn: false),
        .init(id: "b", received: day("2024-03-04"), closed: day("2024-03-29"), applicantType: .naturalPerson, result: "3.2", withdrawn: false),
        .init(id: "c", received: day("2024-03-11"), closed: day("2024-03-20"), applicantType: .commercialEnterprise, result: nil, withdrawn: true),
        .init(id: "d", received: day("2024-03-12"), closed: day("2024-04-02"), applicantType: .naturalPerson, result: "3.4.1", withdrawn: false),
        .init(id: "e", received: day("2024-12-20"), closed: day("2025-01-10"), applicantType: .naturalPerson, result: "3.1", withdrawn: false),
        .init(id: "f", received: day("2024-06-03"), closed: nil, applicantType: .naturalPerson, result: nil, withdrawn: false, weight: 3),
        // Received last year: table 三's 上年结转, not this year's months.
        .init(id: "g", received: day("2023-12-28"), closed: day("2024-01-10"), applicantType: .naturalPerson, result: "3.1", withdrawn: false),
    ])

    @Test func eachMonthIsSplitByHowItsApplicationsEnded() throws {
        let chart = try #require(ReportCharts.months(year: 2024, facts: Self.facts))
        // 1月: one 予以公开; 3月: one 部分公开 and two others (a withdrawal, 信息不存在); 6月: three still open; 12月: one
        // answered only in January, so 尚未办结 at the year's end.
        #expect(chart.summary.hasPrefix("本年新收政府信息公开申请8件，按收到的月份：1月1件，2月0件，3月3件"))
        #expect(chart.summary.contains("6月3件") && chart.summary.contains("12月1件"))
        #expect(chart.summary.hasSuffix("其中年内办结4件，尚未办结4件。"))
        #expect(chart.svg.contains("<title id=\"chart-months-title\">各月新收申请及办理结果</title>"))
        #expect(chart.svg.components(separatedBy: ">3月</text>").count == 2)
    }

    @Test func theMonthsAddUpToTable3sNewApplications() throws {
        let chart = try #require(ReportCharts.months(year: 2024, facts: Self.facts))
        let report = ReportComputation.compute(year: 2024, agency: "测试机关", facts: Self.facts).report
        let received = try #require(report.table3?["1"]?[Table3Column.total] ?? nil)
        #expect(chart.summary.hasPrefix("本年新收政府信息公开申请\(received)件"))
        // What table 三 carries into next year from this year's new applications is what the chart calls 尚未办结.
        let carried = try #require(report.table3?["4"]?[Table3Column.total] ?? nil)
        #expect(chart.summary.contains("尚未办结\(carried)件"))
    }

    /// The share answered by the deadline: answers given in the year, by month, on time or late; withdrawals, open
    /// applications and answers given next year are not answers of this year.
    @Test func theOnTimeShareCountsTheYearsAnswersAgainstTheirDeadlines() throws {
        let facts = ReportFacts(applications: [
            .init(
                id: "a", received: Self.day("2024-01-15"), closed: Self.day("2024-02-05"), applicantType: .naturalPerson, result: "3.1",
                withdrawn: false, answered: Self.day("2024-02-05"), due: Self.day("2024-02-19")),
            // On the deadline is on time.
            .init(
                id: "b", received: Self.day("2024-03-04"), closed: Self.day("2024-04-01"), applicantType: .naturalPerson, result: "3.2",
                withdrawn: false, answered: Self.day("2024-04-01"), due: Self.day("2024-04-01")),
            .init(
                id: "c", received: Self.day("2024-03-11"), closed: Self.day("2024-04-12"), applicantType: .naturalPerson, result: "3.1",
                withdrawn: false, weight: 2, answered: Self.day("2024-04-12"), due: Self.day("2024-04-09")),
            .init(
                id: "d", received: Self.day("2024-03-11"), closed: Self.day("2024-03-20"), applicantType: .naturalPerson, result: nil, withdrawn: true
            ),
            .init(
                id: "e", received: Self.day("2024-12-20"), closed: Self.day("2025-01-10"), applicantType: .naturalPerson, result: "3.1",
                withdrawn: false, answered: Self.day("2025-01-10"), due: Self.day("2025-01-20")),
        ])
        let chart = try #require(ReportCharts.onTime(year: 2024, facts: facts))
        #expect(chart.summary.hasPrefix("本年答复政府信息公开申请4件，按期答复2件，占50.0%；逾期答复2件。"))
        #expect(chart.summary.contains("2月1件，3月0件，4月3件（逾期2件）"))
        #expect(chart.svg.contains("按期答复") && chart.svg.contains("逾期答复"))
        #expect(ReportCharts.onTime(year: 2024, facts: Self.facts) == nil, "facts without deadlines draw no chart")
    }

    @Test func aYearWithoutNewApplicationsHasNoChart() {
        #expect(ReportCharts.months(year: 2019, facts: Self.facts) == nil)
    }
}

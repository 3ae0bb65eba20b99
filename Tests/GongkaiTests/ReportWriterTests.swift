import Foundation
import Testing

@testable import Gongkai

@Suite struct ReportWriterTests {
    static func reports() throws -> [(String, AnnualReport)] {
        var reports: [(String, AnnualReport)] = []
        for name in [Fixture.lianfang] + Fixture.realReports {
            reports.append((name, try ReportReader.read(try Fixture.data(name)).report))
        }
        reports.append(("made 2019", SampleReports.consistent(.v2019, seed: 11)))
        reports.append(("made 2021", SampleReports.consistent(.v2021, seed: 12)))
        reports.append(("made 2021, （六） as one row", SampleReports.consistent(.v2021, seed: 13, oneRowOtherHandling: true)))
        var blanks = SampleReports.consistent(.v2021, seed: 14)
        blanks.table3!["3.3.1"]![2] = nil
        blanks.table3!["4"]![0] = nil
        blanks.table4![3] = nil
        blanks.table2!["20.6/行政强制"] = [nil]
        blanks.extraRows = [ExtraRow(table: "二", label: "其他主动公开文件", values: ["12"])]
        reports.append(("blank cells and an extra row", blanks))
        return reports
    }

    @Test(arguments: [ReportOutputFormat.txt, .md, .html, .json])
    func writer_roundTripsEveryReportThroughTheReader(format: ReportOutputFormat) throws {
        for (name, report) in try Self.reports() {
            let written = ReportWriter.write(report, as: format)
            let back = try ReportReader.read(text: written).report
            #expect(back == report, "\(name) through \(format.rawValue)")
        }
    }

    @Test func writer_roundTripsTheTablesThroughCSV() throws {
        for (name, report) in try Self.reports() {
            let files = Dictionary(uniqueKeysWithValues: ReportWriter.csv(report).map { ($0.name, $0.content) })
            #expect(files.keys.sorted() == ["table2.csv", "table3.csv", "table4.csv"])
            var empty = AnnualReport(format: report.format)
            empty.otherHandlingAsOneRow = report.otherHandlingAsOneRow
            let back = try ReportCSV.read(files, into: empty)
            #expect(back.table2 == report.table2, "\(name)")
            #expect(back.table3 == report.table3, "\(name)")
            #expect(back.table4 == report.table4, "\(name)")
        }
    }

    @Test func textWriter_usesOfficialLabelsAndFullWidthPunctuation() throws {
        let report = try ReportReader.read(try Fixture.data(Fixture.lianfang)).report
        let text = ReportWriter.text(report)
        #expect(text.hasPrefix("2019年政府信息公开工作年度报告\n"))
        #expect(text.contains("第二十条第（一）项"))
        #expect(text.contains("三、本年度办理结果 | （一）予以公开 |  | 0"))
        #expect(text.contains(" | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 0"))
        #expect(text.contains("政府集中采购 | 51 | 288.829万元"))
        let order = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
        let positions = order.compactMap { text.range(of: "\n" + $0 + "\n")?.lowerBound }
        #expect(positions.count == 6)
        #expect(positions == positions.sorted())
    }

    @Test func htmlWriter_makesAStandalonePrintablePageWithMergedCells() throws {
        let report = try ReportReader.read(try Fixture.data("huaian-city-2024.txt")).report
        let html = ReportWriter.html(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<th rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为"))
        #expect(html.contains("<td rowspan=\"22\">三、本年度办理结果</td>"))
        #expect(!html.contains("<script"))
    }

    /// Issue 16: a report's charts are drawn from its own tables — the numbers in each chart's sentence are the
    /// table's cells — as SVG with a title and a description, no script, and no trap on numbers from the web.
    @Test func charts_showTheTablesOwnNumbers_withATextAlternative() throws {
        let report = try ReportReader.read(try Fixture.data("huaian-city-2024.txt")).report
        let table3 = try #require(report.table3)
        let results = try #require(ReportCharts.results(report))
        let provided = try #require(table3["3.1"]?[Table3Column.total])
        let closed = try #require(table3["3.7"]?[Table3Column.total])
        #expect(results.summary.contains("本年度办结政府信息公开申请\(closed)件") && results.summary.contains("予以公开\(provided)件"))
        #expect(results.svg.hasPrefix("<svg") && results.svg.contains("role=\"img\"") && results.svg.contains("<title id=\"chart-results-title\">"))
        #expect(results.svg.contains(">\(provided)</text>"))
        let applicants = try #require(ReportCharts.applicants(report))
        #expect(applicants.summary.contains("自然人\(table3["1"]?[0] ?? -1)件"))
        let reviews = try #require(ReportCharts.reviews(report))
        let table4 = try #require(report.table4)
        #expect(reviews.summary.hasPrefix("行政复议\(table4[4] ?? -1)件"))
        let html = ReportWriter.html(report)
        #expect(html.components(separatedBy: "<figure class=\"chart\">").count - 1 == 3)
        #expect(!html.contains("<script"))
        // Numbers no report prints do not stop the writer.
        var wild = report
        wild.table3?["3.1"] = Array(repeating: Int.max, count: 7)
        wild.table3?["3.2"] = Array(repeating: Int.max, count: 7)
        wild.table4 = Array(repeating: Int.min, count: 15)
        #expect(ReportCharts.all(wild).count == 3)
    }

    @Test func htmlWriter_escapesText() {
        var report = SampleReports.consistent(.v2021, seed: 1)
        report.agency = "<script>alert(1)</script>"
        report.sections[0].text = "a & b < c"
        let html = ReportWriter.html(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("a &amp; b &lt; c"))
    }

    @Test func jsonWriter_holdsTheDocumentedTopLevel() throws {
        let read = try ReportReader.read(try Fixture.data(Fixture.lianfang))
        let json = ReportJSON.encode(read.report, findings: read.findings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["format", "year", "agency", "table2", "table3", "table4", "sections", "findings"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        #expect(object["format"] as? String == "2019")
        let table3 = try #require(object["table3"] as? [String: [Int]])
        #expect(table3.count == 23)
        #expect(table3["3.3.4"] == [0, 0, 0, 0, 0, 0, 0])
        let table2 = try #require(object["table2"] as? [String: [String: [String: Any]]])
        let amount = try #require(table2["20.9"]?["政府集中采购"]?["采购总金额"] as? [String: String])
        #expect(amount == ["amount": "288.829", "unit": "万元"])
        #expect((object["table4"] as? [Int])?.count == 15)
    }

    @Test func jsonWriter_writesBlankCellsAsNull() throws {
        var report = SampleReports.consistent(.v2021, seed: 1)
        report.table3!["1"]![0] = nil
        let json = ReportJSON.encode(report, findings: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let row = try #require((object["table3"] as? [String: [Any]])?["1"])
        #expect(row.first is NSNull)
    }

    @Test func money_staysExactDecimal() {
        let money = Money(amount: Decimal(string: "288.829")!, unit: "万元")
        #expect(money.description == "288.829万元")
        let sum = (0..<1000).reduce(Decimal(0)) { total, _ in total + Decimal(string: "0.001")! }
        #expect(Money(amount: sum, unit: nil).amountText == "1")
    }
}

import Foundation
import Testing

@testable import Gongkai

@Suite struct ReportReaderTests {
    @Test func reader_readsTheLianfangFixtureIntoItsExactNumbers() throws {
        let read = try ReportReader.read(try Fixture.data(Fixture.lianfang))
        let report = read.report
        #expect(report.format == .v2019)
        #expect(report.year == 2019)
        #expect(report.agency == nil)
        #expect(report.table2?["20.9/政府集中采购"] == [.number(51), .money(Money(amount: Decimal(string: "288.829")!, unit: "万元"))])
        for row in ReportLayout.v2019.table2 where row.block != "20.9" {
            #expect(report.table2?[row.key] == Array(repeating: .number(0), count: row.columns.count), "\(row.key)")
        }
        #expect(report.table3?.count == 23)
        for row in ReportLayout.v2019.table3 {
            #expect(report.table3?[row.id] == Array(repeating: 0, count: 7), "\(row.id)")
        }
        #expect(report.table4 == Array(repeating: 0, count: 15))
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(report.section(1)?.text.contains("主动公开政府信息152条") == true)
        #expect(report.section(6)?.text.hasPrefix("一是希望上级部门") == true)
        #expect(read.findings.contains { $0.rule == "read.year-from-text" })
        #expect(!read.findings.contains { $0.severity != .info })
        #expect(ReportChecker.check(report).isEmpty)
    }

    @Test func reader_takesYearAndAgencyFromFlagsWhenTheTitleIsMissing() throws {
        let read = try ReportReader.read(
            try Fixture.data(Fixture.lianfang), options: ReportReadOptions(year: 2019, agency: "联芳街道办事处"))
        #expect(read.report.agency == "联芳街道办事处")
        #expect(read.report.year == 2019)
        #expect(!read.findings.contains { $0.rule.hasPrefix("read.year") || $0.rule == "read.agency-unknown" })
    }

    @Test func reader_readsTheGBKCopyAsTheText() throws {
        let text = try ReportReader.read(try Fixture.data(Fixture.lianfang)).report
        let gbk = try ReportReader.read(try Fixture.data("lianfang-2019-annual-report.gbk.txt")).report
        #expect(gbk == text)
    }

    @Test func reader_readsThePortalHTMLCopyAsTheText() throws {
        let text = try ReportReader.read(try Fixture.data(Fixture.lianfang)).report
        let read = try ReportReader.read(try Fixture.data("lianfang-2019-annual-report.html"))
        let html = read.report
        #expect(html.format == text.format)
        #expect(html.year == 2019)
        #expect(html.agency == "沙坪坝区联芳街道办事处")
        #expect(html.table2 == text.table2)
        #expect(html.table3 == text.table3)
        #expect(html.table4 == text.table4)
        #expect(html.sections == text.sections)
        #expect(html.extraRows.isEmpty)
        #expect(!read.findings.contains { $0.severity != .info })
    }

    @Test(arguments: [("\u{FEFF}", "BOM"), ("", "no BOM")])
    func reader_acceptsUTF8WithOrWithoutBOM(prefix: String, _ name: String) throws {
        let text = try Fixture.text(Fixture.lianfang)
        let read = try ReportReader.read(Data((prefix + text).utf8))
        #expect(read.report.table2?["20.9/政府集中采购"]?[0] == .number(51))
    }

    @Test func reader_readsTabAndSpaceSeparatedCopies() throws {
        let original = try ReportReader.read(try Fixture.data(Fixture.lianfang)).report
        let text = try Fixture.text(Fixture.lianfang)
        for separator in ["\t", "  ", " "] {
            let copied = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: separator)
            }.joined(separator: "\n")
            let read = try ReportReader.read(text: copied)
            #expect(read.report.table3 == original.table3, "separator \(separator.debugDescription)")
            #expect(read.report.table2 == original.table2, "separator \(separator.debugDescription)")
            #expect(read.report.table4 == original.table4, "separator \(separator.debugDescription)")
        }
    }

    @Test func reader_readsTheRealHuaianCityReport() throws {
        let read = try ReportReader.read(try Fixture.data("huaian-city-2024.txt"))
        let report = read.report
        #expect(report.format == .v2021)
        #expect(report.year == 2024)
        #expect(report.agency == "淮安市人民政府")
        #expect(report.table3?["1"] == [3001, 53, 0, 0, 61, 4, 3119])
        #expect(report.table3?["3.4.1"] == [746, 12, 0, 0, 10, 1, 769])  // （四）无 / 法提供: a label split over two rows
        #expect(report.table3?["3.6.1"] == [67, 3, 0, 0, 1, 0, 71])  // 1、 for 1.
        #expect(report.table3?["4"] == [103, 0, 0, 0, 0, 0, 103])
        #expect(report.table4 == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20])
        #expect(report.table2?["20.8/行政事业性收费"] == [.money(Money(amount: Decimal(string: "96171.6")!, unit: "万元"))])
        #expect(report.table2?["20.1/行政规范性文件"] == [.number(8), .number(26), .number(66)])
        #expect(report.preamble.hasPrefix("本报告由淮安市人民政府办公室"))
        #expect(ReportChecker.check(report).isEmpty)
    }

    @Test func reader_keepsOtherHandlingAsOneRowIn2021FormatAndSaysSo() throws {
        let read = try ReportReader.read(try Fixture.data("huaian-hongze-district-2024.txt"))
        #expect(read.report.format == .v2021)
        #expect(read.report.otherHandlingAsOneRow)
        #expect(read.report.table3?["3.6"] == [0, 0, 0, 0, 0, 0, 0])
        #expect(read.report.table3?["3.6.1"] == nil)
        #expect(read.report.table3?.count == 23)
        #expect(read.findings.contains { $0.rule == "read.other-handling-one-row" })
    }

    @Test func reader_matchesTyposAndStraySpacesAndReportsTheGuess() throws {
        let read = try ReportReader.read(try Fixture.data("huaian-hongze-district-2023.txt"))
        #expect(read.report.table3?["3.2"] == [4, 0, 0, 0, 0, 0, 4])  // 只计这一情 形
        #expect(read.report.table3?["3.3.2"] == [0, 0, 0, 0, 0, 0, 0])  // 2.其他法律行政止公开
        #expect(read.report.table3?["3.5.4"] == [0, 0, 0, 0, 0, 0, 0])  // 4.无正当理由大量反复 申请
        let guess = try #require(read.findings.first { $0.rule == "read.guessed-label" })
        #expect(guess.cell == "三（三）2 其他法律行政法规禁止公开")
        #expect(guess.message.contains("2.其他法律行政止公开"))
    }

    @Test func reader_keepsAndReportsAnUnknownExtraRow() throws {
        let text = try Fixture.text("huaian-city-2024.txt").replacingOccurrences(
            of: "行政强制 | 88283 |", with: "行政强制 | 88283 |\n其他主动公开文件 | 1234 |")
        let read = try ReportReader.read(text: text)
        #expect(read.report.extraRows == [ExtraRow(table: "二", label: "其他主动公开文件", values: ["1234"])])
        #expect(read.findings.contains { $0.rule == "read.extra-row" && $0.severity == .warning })
        #expect(read.report.table2?["20.6/行政强制"] == [.number(88283)])
    }

    @Test func reader_givesAPartialModelWhenATableIsMissing() throws {
        let text = try Fixture.text(Fixture.lianfang)
        let start = try #require(text.range(of: "四、政府信息公开行政复议"))
        let end = try #require(text.range(of: "五、存在的主要问题"))
        let cut = String(text[..<start.lowerBound]) + String(text[end.lowerBound...])
        let read = try ReportReader.read(text: cut)
        #expect(read.report.table4 == nil)
        #expect(read.report.table3 != nil)
        #expect(read.report.section(4) == nil)
        let missing = try #require(read.findings.first { $0.rule == "read.missing-table" })
        #expect(missing.cell == "表四")
        #expect(missing.severity == .error)
        #expect(read.findings.contains { $0.rule == "read.missing-section" && $0.message.contains("四、") })
    }

    @Test func reader_treatsDashesAndSlashesAsBlankCellsNotZero() throws {
        let text = try Fixture.text(Fixture.lianfang).replacingOccurrences(
            of: "(一)予以公开 | 0 | 0 |", with: "(一)予以公开 | — | / |")
        let read = try ReportReader.read(text: text)
        #expect(read.report.table3?["3.1"] == [nil, nil, 0, 0, 0, 0, 0])
    }

    @Test func reader_acceptsHalfAndFullWidthPunctuationAndListCommas() throws {
        let text = try Fixture.text(Fixture.lianfang)
            .replacingOccurrences(of: "(三)不予公开 | 1.属于国家秘密 | 0", with: "（三）不予公开 | 1、属于国家秘密 | 7")
            .replacingOccurrences(of: "3.危及“三安全一稳定” | 0", with: "3.危及\"三安全一稳定\" | 2")
        let read = try ReportReader.read(text: text)
        #expect(read.report.table3?["3.3.1"]?[0] == 7)
        #expect(read.report.table3?["3.3.3"]?[0] == 2)
        #expect(!read.findings.contains { $0.rule == "read.guessed-label" })
    }

    @Test func reader_decidesTheFormatByLabelsNotByYear() throws {
        // A report on 2022 printed in the 2019 format stays a 2019-format report, and the checker says so.
        let text = "沙坪坝区某局2022年政府信息公开工作年度报告\n" + (try Fixture.text(Fixture.lianfang))
        let read = try ReportReader.read(text: text)
        #expect(read.report.format == .v2019)
        #expect(read.report.year == 2022)
        #expect(ReportChecker.check(read.report).contains { $0.rule == "format.year" })
    }
}

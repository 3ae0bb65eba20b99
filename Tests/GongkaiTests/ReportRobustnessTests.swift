import Foundation
import Testing

@testable import Gongkai

@Suite struct ReportRobustnessTests {
    @Test func reader_refusesEmptyInput() {
        #expect(throws: ReportReadError.empty) { try ReportReader.read(Data()) }
        #expect(throws: ReportReadError.empty) { try ReportReader.read(Data(" \n\r\n\t ".utf8)) }
    }

    @Test func reader_refusesBinaryInputNamingTheOffset() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(throws: ReportReadError.binary(offset: 6)) { try ReportReader.read(png) }
    }

    @Test func reader_refusesTextThatIsNoReport() {
        #expect(throws: ReportReadError.notAReport) { try ReportReader.read(Data("hello, world\n1 2 3\n".utf8)) }
    }

    @Test func reader_refusesAFileTruncatedBeforeItsTables() throws {
        let data = try Fixture.data(Fixture.lianfang)
        #expect(throws: ReportReadError.notAReport) { try ReportReader.read(data.prefix(1500)) }
        // Cut inside a multi-byte character: still read up to the cut, and still no tables.
        #expect(throws: ReportReadError.notAReport) { try ReportReader.read(data.prefix(1501)) }
    }

    @Test func reader_givesAPartialReportWhenTruncatedInsideTheTables() throws {
        let data = try Fixture.data(Fixture.lianfang)
        let text = String(decoding: data, as: UTF8.self)
        let cut = try #require(text.range(of: "(四)无法提供"))
        let read = try ReportReader.read(text: String(text[..<cut.lowerBound]))
        #expect(read.report.table2 != nil)
        #expect(read.report.table4 == nil)
        #expect(read.report.table3?["3.4.1"] == Array(repeating: nil, count: 7))
        #expect(read.findings.contains { $0.rule == "read.missing-row" && $0.cell == "三（四）1 本机关不掌握相关政府信息" })
    }

    @Test func reader_refusesMalformedJSONSayingWhere() {
        #expect(throws: ReportReadError.self) { try ReportReader.read(text: "{\"format\": \"2019\"") }
        do {
            _ = try ReportReader.read(text: "{\"format\": \"2019\", \"sections\": [], \"findings\": [], \"table4\": [1, 2]}")
            Issue.record("accepted a table4 of two numbers")
        } catch {
            #expect(error.description.contains("table4 must hold 15 numbers"))
        }
    }

    @Test func reader_neverCrashesOnRandomBytes() {
        var random = SampleReports.Generator(state: 42)
        for length in [1, 2, 3, 7, 64, 1000, 20_000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
                _ = try? ReportReader.read(Data(bytes))
            }
        }
    }

    /// Mutates the fixture thousands of times at random (bytes and whole lines) and reads every mutant; the reader
    /// must return a report or an error, never crash or hang.
    @Test(.timeLimit(.minutes(5))) func reader_survivesThousandsOfRandomMutationsOfTheFixture() throws {
        // Every real report: text, HTML, GB18030, and the three with non-zero numbers.
        let fixtures = try ([Fixture.lianfang, "lianfang-2019-annual-report.html", "lianfang-2019-annual-report.gbk.txt"] + Fixture.realReports)
            .map { [UInt8](try Fixture.data($0)) }
        var random = SampleReports.Generator(state: 2026)
        let interesting: [[UInt8]] = [
            "|", "\n", "—", "<td colspan=\"99999\">", "<tr>", "</table>", "（", "1.", "-", "9999999999999999999999", "&#x110000;", "&", "<", "三、",
            "\t", " ",
        ].map { Array($0.utf8) }
        var readCount = 0
        for round in 0..<4000 {
            var bytes = fixtures[round % fixtures.count]
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: interesting.randomElement(using: &random)!, at: at)
                case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...400, using: &random)))
                case 4:
                    let from = Int.random(in: 0..<bytes.count, using: &random)
                    let piece = bytes[from..<min(bytes.count, from + Int.random(in: 1...200, using: &random))]
                    bytes.insert(contentsOf: piece, at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            if let read = try? ReportReader.read(Data(bytes)) {
                readCount += 1
                let findings = ReportChecker.check(read.report)
                _ = ReportWriter.write(read.report, as: .txt)
                // As the public checker shows it: the tables with the findings' cells marked.
                let marks = Dictionary(findings.compactMap(\.cell).enumerated().map { ($1, $0 + 1) }) { first, _ in first }
                _ = ReportWriter.htmlTables(read.report, marks: marks, idPrefix: "r1-")
            }
        }
        #expect(readCount > 1000)
    }

    /// Inputs shaped to be slow, each at the public checker's limit of 2 MB: the reader returns (a report or an error)
    /// for every one; a reader whose work grew faster than its input would hit the time limit (a guard against a hang,
    /// not a measurement).
    @Test(.timeLimit(.minutes(2))) func reader_returnsOnAdversarialInputsAtTheCheckersLimit() throws {
        let limit = 2 * 1_048_576
        func filled(_ piece: String) -> Data {
            let bytes = Array(piece.utf8)
            return Data((0..<(limit / bytes.count)).flatMap { _ in bytes })
        }
        let table =
            String(decoding: try Fixture.data(Fixture.realReports[0]), as: UTF8.self)
            .components(separatedBy: "\n").filter { $0.contains(" | ") }.joined(separator: "\n") + "\n"
        let inputs = [
            filled("|"), filled(" | 1"), filled("<td colspan=\"99999\">1</td>"), filled("<tr><td>三、本年度办理结果</td>"),
            filled("一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 7\n"), filled("（"), filled("三、收到和处理政府信息公开申请情况\n"),
            filled(table), filled("&#x4E00;"), filled("<table>"),
        ]
        for input in inputs {
            #expect(input.count > limit - 4096 && input.count <= limit)
            _ = try? ReportReader.read(input).report
        }
    }
}

import Foundation
import Gongkai
import Testing

/// Every cell's derivation from the records, on hand-made facts.
@Suite struct ReportComputationTests {
    typealias App = ReportFacts.Application

    static func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func applicationsAreCountedOnceUnderTheirResult_withCarryOverAcrossTheYearBoundary() {
        let facts = ReportFacts(applications: [
            // Received in 2025, answered in 2026: carried over into 2026.
            App(
                id: "a", received: Self.day("2025-12-20"), closed: Self.day("2026-01-15"), applicantType: .naturalPerson, result: "3.1",
                withdrawn: false),
            // Received and answered on the spot.
            App(
                id: "b", received: Self.day("2026-03-02"), closed: Self.day("2026-03-02"), applicantType: .commercialEnterprise, result: "3.4.1",
                withdrawn: false),
            // Received in 2026, still open at its end: carried into 2027.
            App(id: "c", received: Self.day("2026-12-28"), closed: nil, applicantType: .researchInstitution, result: nil, withdrawn: false),
            // Withdrawn: （六）3.其他.
            App(
                id: "d", received: Self.day("2026-05-06"), closed: Self.day("2026-05-08"), applicantType: .naturalPerson, result: nil, withdrawn: true
            ),
            // Abandoned for an unpaid fee.
            App(
                id: "e", received: Self.day("2026-06-01"), closed: Self.day("2026-07-20"), applicantType: .legalServiceInstitution, result: "3.6.2",
                withdrawn: false),
            // Closed before the year: not in it at all.
            App(
                id: "f", received: Self.day("2025-03-01"), closed: Self.day("2025-03-20"), applicantType: .naturalPerson, result: "3.1",
                withdrawn: false),
            // Received after the year: not in it.
            App(id: "g", received: Self.day("2027-01-04"), closed: nil, applicantType: .naturalPerson, result: nil, withdrawn: false),
            // Submitted online, never confirmed: not received, not counted.
            App(id: "h", received: nil, closed: nil, applicantType: .naturalPerson, result: nil, withdrawn: false),
        ])
        let output = ReportComputation.compute(year: 2026, agency: "测试", facts: facts)
        let t = output.report.table3!
        #expect(output.report.format == .v2021)
        #expect(t["1"] == [1, 1, 1, 0, 1, 0, 4])  // b c d e
        #expect(t["2"] == [1, 0, 0, 0, 0, 0, 1])  // a
        #expect(t["3.1"] == [1, 0, 0, 0, 0, 0, 1])
        #expect(t["3.4.1"] == [0, 1, 0, 0, 0, 0, 1])
        #expect(t["3.6.3"] == [1, 0, 0, 0, 0, 0, 1])
        #expect(t["3.6.2"] == [0, 0, 0, 0, 1, 0, 1])
        #expect(t["3.7"] == [2, 1, 0, 0, 1, 0, 4])
        #expect(t["4"] == [0, 0, 1, 0, 0, 0, 1])
        #expect(ReportChecker.check(output.report).filter { $0.severity == .error }.isEmpty)
        #expect(output.sources["三（一）予以公开/自然人"] == ["a"])
        #expect(output.sources["四 结转下年度继续办理/科研机构"] == ["c"])

        // Last year's 结转下年度 is this year's 上年结转.
        let lastYear = ReportComputation.compute(year: 2025, agency: "测试", facts: facts).report.table3!
        #expect(lastYear["4"] == t["2"])
        // In a 2019-format year, （六）'s sub-rows fold into （六）.
        let facts2020 = ReportFacts(applications: [
            App(
                id: "x", received: Self.day("2020-05-06"), closed: Self.day("2020-05-08"), applicantType: .naturalPerson, result: nil, withdrawn: true
            ),
            App(
                id: "y", received: Self.day("2020-05-06"), closed: Self.day("2020-06-30"), applicantType: .naturalPerson, result: "3.6",
                withdrawn: false),
        ])
        let t2020 = ReportComputation.compute(year: 2020, agency: "测试", facts: facts2020).report.table3!
        #expect(t2020["3.6"] == [2, 0, 0, 0, 0, 0, 2])
    }

    /// Cases filed in the year and those carried in undecided (r4, filed 2025, decided 2026) count with their result
    /// at the year's end; a case decided before the year began (r5) does not.
    @Test func reviewCasesCountInTheYearFiledOrCarriedWithTheirResultAtItsEnd() {
        let facts = ReportFacts(reviews: [
            .init(id: "r1", kind: .reconsideration, filed: Self.day("2026-02-01"), decided: Self.day("2026-04-01"), result: .upheld),
            .init(id: "r2", kind: .reconsideration, filed: Self.day("2026-11-01"), decided: Self.day("2027-01-10"), result: .corrected),
            .init(id: "r3", kind: .litigationAfterReconsideration, filed: Self.day("2026-06-01"), decided: nil, result: .pending),
            .init(id: "r4", kind: .litigationDirect, filed: Self.day("2025-06-01"), decided: Self.day("2026-01-10"), result: .other),
            .init(id: "r5", kind: .litigationDirect, filed: Self.day("2024-06-01"), decided: Self.day("2025-12-31"), result: .upheld),
        ])
        let t4 = ReportComputation.compute(year: 2026, agency: "测试", facts: facts).report.table4!
        #expect(t4 == [1, 0, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1])
        // In 2025, r4 was 尚未审结 and r5 was decided (upheld).
        let t2025 = ReportComputation.compute(year: 2025, agency: "测试", facts: facts).report.table4!
        #expect(t2025 == [0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0])
    }

    @Test func table2ComesFromTheRegistersAndTheCatalogue() {
        var facts = ReportFacts(documents: [
            .init(id: "d1", isRule: false, written: Self.day("2019-03-01"), published: Self.day("2019-03-05"), repealed: nil),
            .init(id: "d2", isRule: false, written: Self.day("2018-11-01"), published: Self.day("2019-01-05"), repealed: nil),
            .init(id: "d3", isRule: false, written: Self.day("2017-11-01"), published: Self.day("2017-12-05"), repealed: nil),
        ])
        facts.registers[.procurement] = .init(count: 51, amount: Decimal(string: "288.829")!)
        facts.registers[.penalty] = .init(previousCount: 4, change: -1, decisions: 12)
        let t2 = ReportComputation.compute(year: 2019, agency: "测试", facts: facts).report.table2!
        #expect(t2["20.1/规范性文件"] == [.number(1), .number(2), .number(3)])
        #expect(t2["20.6/行政处罚"] == [.number(4), .number(-1), .number(12)])
        #expect(t2["20.9/政府集中采购"] == [.number(51), .money(Money(amount: Decimal(string: "288.829")!, unit: "万元"))])
        facts.documents.append(
            .init(id: "d4", isRule: false, written: Self.day("2015-01-01"), published: Self.day("2015-01-05"), repealed: Self.day("2021-06-01")))
        facts.registers[.fee] = .init(amount: Decimal(string: "1.25")!)
        let t2021 = ReportComputation.compute(year: 2021, agency: "测试", facts: facts).report.table2!
        #expect(t2021["20.1/行政规范性文件"] == [.number(0), .number(1), .number(3)])
        #expect(t2021["20.8/行政事业性收费"] == [.money(Money(amount: Decimal(string: "1.25")!, unit: "万元"))])
    }
}

@Suite struct RegisterCSVTests {
    @Test func aCleanFileGivesItsLines() throws {
        let lines = try RegisterCSV.parse(
            "\u{FEFF}年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）\r\n2019,政府集中采购,,,,51,288.829\r\n2019,penalty,4,-1,12,,\r\n\r\n")
        #expect(
            lines == [
                RegisterLine(year: 2019, kind: .procurement, register: .init(count: 51, amount: Decimal(string: "288.829")!)),
                RegisterLine(year: 2019, kind: .penalty, register: .init(previousCount: 4, change: -1, decisions: 12)),
            ])
    }

    @Test func everyBadLineIsNamed() {
        let text = """
            year,kind,previous_count,change,decisions,count,amount
            2019,行政许可,1,0,2,0,0
            19,行政许可,1,0,2,0,0
            2019,行政奖励,1,0,2,0,0
            2019,行政处罚,-1,0,x,0,0
            2019,政府集中采购,0,0,0,51,288,829
            2019,行政许可,1,0,2,0,1.5万
            2019,行政许可,1,0,2,0,0
            """
        do {
            _ = try RegisterCSV.parse(text)
            Issue.record("a file with bad lines was accepted")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 5, 6, 7, 8])
            #expect(error.problems[0].message.contains("年份“19”"))
            #expect(error.problems[1].message.contains("类别“行政奖励”"))
            #expect(error.problems[2].message.contains("上一年项目数量“-1”") && error.problems[2].message.contains("处理决定数量“x”"))
            #expect(error.problems[3].message.contains("应有7栏，现有8栏"))
            #expect(error.problems[4].message.contains("金额“1.5万”"))
            #expect(error.problems[5].message.contains("与第2行重复"))
        }
        #expect(throws: RegisterCSVError.self) { try RegisterCSV.parse("") }
        #expect(throws: RegisterCSVError.self) { try RegisterCSV.parse("a,b\n1,2") }
    }
}

@Suite struct PledgeTests {
    @Test func aQuarterlyTrainingPledgeIsCheckedQuarterByQuarter() throws {
        let text = "改进的措施:一是加强业务培训。计划在2020年每个季度都开展至少1次政务公开工作培训。二是尽快完善制度。"
        let days = ["2020-02-10", "2020-05-10", "2020-08-10", "2020-11-10"].map { Day(iso: $0)! }
        #expect(try #require(Pledges.review(previousSectionFive: text, trainings: days, year: 2020)).contains("已落实，2020年四个季度均开展了培训（共4次）"))
        #expect(try #require(Pledges.review(previousSectionFive: text, trainings: Array(days.prefix(1)), year: 2020)).contains("第2、3、4季度未开展培训"))
        #expect(try #require(Pledges.review(previousSectionFive: text, trainings: [], year: 2020)).contains("尽快完善制度”：（请说明落实情况）"))
        #expect(Pledges.review(previousSectionFive: "无。", trainings: [], year: 2020) == nil)
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct AnnualReportTests {
    static var fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lianfang-2019-annual-report.txt")
    }

    /// The demo holds 联芳街道's 2019 records; the report computed from them has exactly the fixture's tables.
    @Test func theLianfang2019ReportIsReproducedNumberByNumber() async throws {
        try await withServer(demo: true) { app, _ in
            let published = try ReportReader.read(try Data(contentsOf: Self.fixture)).report
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let generated = try await AnnualReports(db: app.db).generate(agency: agency, year: 2019)
            let report = generated.report
            #expect(report.format == published.format)
            var compared = 0
            for row in report.layout.table2 {
                #expect(report.table2?[row.key] == published.table2?[row.key], "表二 \(row.key)")
                compared += row.columns.count
            }
            for row in report.layout.table3 {
                #expect(report.table3?[row.id] == published.table3?[row.id], "表三 \(row.cellName)")
                compared += Table3Column.count
            }
            #expect(report.table4 == published.table4)
            compared += Table4Column.count
            #expect(compared == 22 + 23 * 7 + 15)
            #expect(generated.findings.filter { $0.severity == .error }.isEmpty)
            #expect(report.section(1)?.text.contains("通过政府网站公开152条") == true)
            #expect(report.section(1)?.text.contains("业务培训3次") == true)
            #expect(generated.sources["二/20.9/政府集中采购/采购项目数量"] == nil)  // a register, not records
        }
    }

    @Test func applicationsAnsweredThroughTheWorkflowAppearInTheTables() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let answered = try await ApplicationTests.register(client, received: "2026-11-02")
            try await ApplicationTests.move(client, answered, [("move", "answer"), ("result", "3.2"), ("detail", "部分公开"), ("date", "2026-11-20")])
            _ = try await ApplicationTests.register(client, received: "2026-11-03")
            try await client.post("/staff/applications/\(answered.uuidString)/reviews", form: [("kind", "reconsideration"), ("body", "沙坪坝区人民政府"), ("filedOn", "2026-11-20"), ("result", "pending")])
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let report = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026)
            #expect(report.report.table3?["1"] == [2, 0, 0, 0, 0, 0, 2])
            #expect(report.report.table3?["3.2"] == [1, 0, 0, 0, 0, 0, 1])
            #expect(report.report.table3?["4"] == [1, 0, 0, 0, 0, 0, 1])
            #expect(report.report.table4?[3] == 1 && report.report.table4?[4] == 1)
            #expect(report.findings.filter { $0.severity == .error }.isEmpty)
            let tracking = try #require(try await ApplicationRecord.find(answered, on: app.db)).trackingNumber
            #expect(report.sources["三（二）部分公开/自然人"] == [tracking])
        }
    }
}

import Fluent
import Foundation
import Gongkai
import SQLKit
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
            try await client.post(
                SiteURL.staffApplicationReviews(answered).path,
                form: [("kind", "reconsideration"), ("body", "沙坪坝区人民政府"), ("filedOn", "2026-11-20"), ("result", "pending")])
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

    /// What `gongkai report generate` and `report rollup` do, on a database file the way the CLI opens it.
    @Test func theCommandLineGeneratesTheReportFromTheServersDatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = ServerConfiguration(
            database: .sqlite(path: folder.appendingPathComponent("demo.sqlite").path), calendarFile: "/nonexistent")
        let app = try await Application.make(.testing)
        try await GongkaiServer.configure(app, configuration)
        _ = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: Day(iso: "2026-11-20")!)
        try await app.asyncShutdown()

        let (text, hasErrors) = try await ReportGenerator.generate(configuration, agencyCode: DemoSeed.lianfangCode, year: 2019, as: .txt)
        #expect(!hasErrors)
        let generated = try ReportReader.read(text: text).report
        let fixture = try ReportReader.read(try Data(contentsOf: Self.fixture)).report
        #expect(generated.table2 == fixture.table2 && generated.table3 == fixture.table3 && generated.table4 == fixture.table4)
        await #expect(throws: ReportGenerator.Failure.self) {
            try await ReportGenerator.generate(configuration, agencyCode: "NOSUCHCODE", year: 2019, as: .txt)
        }
        let (rollup, _) = try await ReportGenerator.rollup(configuration, year: 2019, today: Day(iso: "2026-11-20")!)
        #expect(rollup.contains("\(DemoSeed.lianfangCode)\t重庆市沙坪坝区联芳街道办事处\t已按时发布"))
        #expect(rollup.contains("政府集中采购 | 51 | 288.829万元"))
    }

    /// The roll-up counts applications in database groups; the tables must equal those counted record by record.
    @Test func groupedCountsEqualRecordByRecordCounts() async throws {
        try await withServer(demo: true) { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            let agencies = try await AgencyRecord.query(on: app.db).administrative().all()
            try await DemoGenerator.generateApplications(3000, agencies: agencies, sql: sql, today: Day(iso: "2026-11-20")!) { _ in }
            let reports = AnnualReports(db: app.db)
            var compared = 0
            for agency in agencies.prefix(3) {
                for year in [2019, 2021, 2025, 2026] {
                    let one = ReportComputation.compute(year: year, agency: agency.name, facts: try await reports.facts(of: agency, year: year))
                        .report
                    let grouped = ReportComputation.compute(
                        year: year, agency: agency.name, facts: try await reports.groupedFacts(of: agency, year: year)
                    ).report
                    #expect(one.table3 == grouped.table3, "\(agency.code) \(year)")
                    #expect(one.table4 == grouped.table4)
                    compared += one.table3?["1"]?[Table3Column.total] ?? 0
                }
            }
            #expect(compared > 100)  // the years compared did hold applications
        }
    }

    /// A report refused for its arithmetic says what is wrong in the reader's language; the cells keep their official
    /// labels in both (issue 11: the checker's findings were English sentences on Chinese pages).
    @Test func anUnbalancedReportIsRefusedInTheReadersLanguage() throws {
        var report = SampleReports.consistent(.v2021, seed: 3)
        let total = try #require(report.table3?["3.3.4"]?[6] ?? nil)
        report.table3?["3.3.4"]?[6] = total + 4
        let errors = ReportChecker.check(report).filter { $0.severity == .error }
        let said = AnnualReports.Unbalanced(errors: errors).said
        #expect(said.zh.contains("三（三）4 保护第三方合法权益 / 总计：总计为\(total + 4)，但自然人与五类法人或其他组织之和为\(total)（相差4）"))
        #expect(!said.zh.contains("difference"))
        #expect(said.en.hasPrefix("The report's arithmetic does not hold") && said.en.contains("(a difference of 4)"))
    }

    @Test func theDashboardWarnsAsTheReportDeadlineApproaches() async throws {
        // 2027-01-10: the 2026 report of a subdistrict is due 2027-01-31 (the default until a local date is set).
        try await withServer(demo: true, today: Day(iso: "2027-01-10")!) { app, client in
            try await client.signIn("lianfang-officer")
            #expect(try await client.get(SiteURL.staffHome.path).body.string.contains("2026年政府信息公开工作年度报告应于2027-01-31前发布，还有21天"))
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            agency.reportDeadline = "01-05"
            try await agency.save(on: app.db)
            #expect(try await client.get(SiteURL.staffHome.path).body.string.contains("已逾期5天"))
        }
    }

    @Test func trainingsEnteredInTheLogKeepLastYearsPledge() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-officer")
            try await client.get(SiteURL.staffTrainings.path)
            let bad = try await client.post(SiteURL.staffTrainings.path, form: [("heldOn", "2020-13-01"), ("topic", ""), ("attendees", "0")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("日期须为 YYYY-MM-DD") && bad.body.string.contains("请填写培训内容") && bad.body.string.contains("参加人数须为正整数"))
            for (day, topic) in [("2020-05-14", "信息公开属性源头认定"), ("2020-11-19", "年度报告编制")] {
                try await client.get(SiteURL.staffTrainings.path)
                #expect(
                    try await client.post(SiteURL.staffTrainings.path, form: [("heldOn", day), ("topic", topic), ("attendees", "15")]).status
                        == .seeOther)
            }
            #expect(try await client.get(SiteURL.staffTrainings.path).body.string.contains("年度报告编制"))
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let five = try await AnnualReports(db: app.db).generate(agency: agency, year: 2020).report.section(5)?.text ?? ""
            #expect(five.contains("已落实，2020年四个季度均开展了培训（共4次）"))
        }
    }

    @Test func theRollupSumsEveryAgencysTables() async throws {
        try await withServer(demo: true) { app, client in
            let other = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == "11500106009208300B").first())
            let register = RegisterRecord()
            register.$agency.id = other.id!
            (register.year, register.kind, register.previousCount, register.change, register.decisions, register.count, register.amount) = (
                2019, "procurement", 0, 0, 0, 4, "1.5"
            )
            try await register.create(on: app.db)
            let agencies = try await AgencyRecord.query(on: app.db).administrative().all()
            let (rows, sum) = try await AnnualReports(db: app.db).rollup(agencies, year: 2019, today: Day(iso: "2026-11-20")!)
            #expect(rows.count == agencies.count)
            #expect(sum.table2?["20.9/政府集中采购"] == [.number(55), .money(Money(amount: Decimal(string: "290.329")!, unit: "万元"))])
            try await client.signIn("district-supervisor")
            // Issue 16: the district's totals are real tables in the official layout, the agencies side by side a chart.
            let page = try await client.get(SiteURL.staffReports(year: 2019).path).body.string
            #expect(page.contains("<tr><td>政府集中采购</td><td class=\"n\">55</td><td colspan=\"2\" class=\"n\">290.329万元</td></tr>"), "\(page)")
            #expect(page.contains("<th rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为") && !page.contains("<pre"))
            #expect(page.contains("aria-labelledby=\"chart-agencies-title chart-agencies-desc\""))
            #expect(page.contains("联芳街道办事处办结"))  // the chart's sentence names each agency
            #expect(page.components(separatedBy: "<svg").count - 1 == 4)  // the agencies, then 申请人, 办理结果 and 表四
        }
    }

    @Test func lastYearsPledgesAreCheckedAgainstTheTrainingLog() async throws {
        try await withServer(demo: true) { app, _ in
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let five = try await AnnualReports(db: app.db).generate(agency: agency, year: 2020).report.section(5)?.text ?? ""
            #expect(five.contains("计划在2020年每个季度都开展至少1次政务公开工作培训"))
            #expect(five.contains("第2、4季度未开展培训"))
        }
    }

    @Test func thePortalShowsThePublishedReportWithDownloadsThatReadBack() async throws {
        try await withServer(demo: true) { _, client in
            let list = try await client.get(SiteURL.reports(DemoSeed.lianfangCode).path)
            #expect(list.body.string.contains("2019年政府信息公开工作年度报告"))
            let page = try await client.get(SiteURL.annualReport(DemoSeed.lianfangCode, 2019).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("288.829"))
            #expect(page.body.string.contains("lang=\"zh-CN\""))
            let text = try await client.get(SiteURL.annualReportDownload(DemoSeed.lianfangCode, 2019, format: "txt").path)
            let reread = try ReportReader.read(text: text.body.string).report
            let fixture = try ReportReader.read(try Data(contentsOf: Self.fixture)).report
            #expect(reread.table3 == fixture.table3 && reread.table4 == fixture.table4 && reread.table2 == fixture.table2)
            #expect(try await client.get(SiteURL.annualReportDownload(DemoSeed.lianfangCode, 2019, format: "json").path).headers.contentType == .json)
            #expect(try await client.get(SiteURL.annualReportDownload(DemoSeed.lianfangCode, 2019, format: "pdf").path).status == .badRequest)
            #expect(try await client.get(SiteURL.annualReport(DemoSeed.lianfangCode, 2018).path).status == .notFound)
        }
    }

    @Test func anArithmeticErrorBlocksPublication_andACorrectionIsANewVersionWithItsDifferences() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-officer")
            let path = SiteURL.staffReport(DemoSeed.lianfangCode, 2019).path
            #expect(try await client.get(path).body.string.contains("已按时发布"))
            // A register line typed wrong: a negative count breaks a hard rule, and publishing is refused.
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let wrong = RegisterRecord()
            wrong.$agency.id = agency.id!
            (wrong.year, wrong.kind, wrong.previousCount, wrong.change, wrong.decisions, wrong.count, wrong.amount) = (
                2019, "penalty", 0, 0, -3, 0, "0"
            )
            try await wrong.create(on: app.db)
            let page = try await client.get(path)
            #expect(page.body.string.contains("勾稽关系错误"))
            let refused = try await client.post(path + "/publish", form: [])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("不能发布"))
            #expect(refused.body.string.contains("行政处罚"))
            #expect(try await AnnualReportRecord.query(on: app.db).filter(\.$version >= 1).count() == 1)
            try await wrong.delete(on: app.db)

            // Issue 16: a template's placeholder left in the text blocks publication too, named with its part.
            try await client.get(path)
            #expect(try await client.post(path + "/save", form: [("section5", "（请填写存在的主要问题及改进情况）")]).status == .seeOther)
            let placeholder = try await client.post(path + "/publish", form: [])
            #expect(placeholder.status == .conflict)
            #expect(placeholder.body.string.contains("第五部分仍是模板的占位文字“（请填写存在的主要问题及改进情况）”"), "\(placeholder.body.string.prefix(600))")
            #expect(try await AnnualReportRecord.query(on: app.db).filter(\.$version >= 1).count() == 1)

            // An edited narrative, published as version 2; version 1 stays readable and the differences are shown.
            try await client.get(path)
            #expect(try await client.post(path + "/save", form: [("section5", "存在的问题：培训不足。改进措施：每季度培训一次。")]).status == .seeOther)
            #expect(try await client.get(path).body.string.contains("每季度培训一次"))
            #expect(try await client.post(path + "/publish", form: []).status == .seeOther)
            let after = try await client.get(path).body.string
            #expect(after.contains("第2版"))
            #expect(after.contains("五、存在的主要问题及改进情况：文字有修改"))
            let portal = TestClient(app: app, passwords: [:])
            #expect(try await portal.get(SiteURL.annualReport(DemoSeed.lianfangCode, 2019).path).body.string.contains("每季度培训一次"))
            #expect(!(try await portal.get(SiteURL.annualReport(DemoSeed.lianfangCode, 2019).path + "?version=1").body.string.contains("每季度培训一次")))
            // Editors read the report but do not publish it.
            let editor = TestClient(app: app, passwords: client.passwords)
            try await editor.signIn("lianfang-editor")
            try await editor.get(path)
            #expect(try await editor.post(path + "/publish", form: []).status == .forbidden)
        }
    }

    @Test func theSupervisorSeesEveryAgencysStatusTheSummedTablesAndTheFindings() async throws {
        try await withServer(demo: true) { _, client in
            try await client.signIn("district-supervisor")
            let page = try await client.get(SiteURL.staffReports(year: 2019).path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("重庆市沙坪坝区联芳街道办事处"))
            #expect(html.contains("已按时发布"))
            #expect(html.contains("已逾期未发布"))  // the other agencies published nothing on 2019
            #expect(html.contains("<tr><td>政府集中采购</td><td class=\"n\">51</td><td colspan=\"2\" class=\"n\">288.829万元</td></tr>"))
            #expect(html.contains("勾稽错误"))
        }
    }

    static func upload(_ client: TestClient, _ path: String, csv: String, year: Int) async throws -> TestingHTTPResponse {
        let boundary = "gongkai-test-boundary"
        var body = ""
        for (name, value) in [("_csrf", client.csrf ?? ""), ("year", String(year))] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"registers.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await client.send(
            .POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
    }

    @Test func registersAreImportedOnlyWhenTheWholeFileIsClean_andReachTheReport() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-officer")
            try await client.get(SiteURL.staffRegisters(year: 2025).path)
            let bad = try await Self.upload(
                client, SiteURL.staffRegistersImport.path, csv: "年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）\n2025,行政许可,3,1,17,0,0\n2025,行政奖励,0,0,0,0,0",
                year: 2025)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("registers.csv 第3行：类别“行政奖励”不是表二的登记类别"))
            #expect(try await RegisterRecord.query(on: app.db).filter(\.$year == 2025).count() == 0)
            // The same refusal on the English page, each problem in English.
            try await client.get(Language.en.path(SiteURL.staffRegisters(year: 2025).path))
            let english = try await Self.upload(
                client, Language.en.path(SiteURL.staffRegistersImport.path),
                csv: "year,kind,previous_count,change,decisions,count,amount\n2025,licence,-3,1,17,0,0",
                year: 2025)
            #expect(english.status == .unprocessableEntity)
            #expect(english.body.string.contains("registers.csv line 2: the previous year"))
            #expect(english.body.string.contains("count (上一年项目数量) “-3” should be a whole number not below zero"))
            try await client.get(SiteURL.staffRegisters(year: 2025).path)
            let good = try await Self.upload(
                client, SiteURL.staffRegistersImport.path,
                csv: "年份,类别,上一年项目数量,本年增减,处理决定数量,数量,金额（万元）\n2025,行政许可,3,1,17,0,0\n2025,行政事业性收费,0,0,0,0,1.25",
                year: 2025)
            #expect(good.status == .seeOther)
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let report = try await AnnualReports(db: app.db).generate(agency: agency, year: 2025).report
            #expect(report.table2?["20.5/行政许可"] == [.number(17)])
            #expect(report.table2?["20.8/行政事业性收费"] == [.money(Money(amount: Decimal(string: "1.25")!, unit: "万元"))])
            // The form: a negative count is refused beside its kind, nothing saved.
            try await client.get(SiteURL.staffRegisters(year: 2025).path)
            let typed = try await client.post(SiteURL.staffRegistersSave.path, form: [("year", "2025"), ("penalty.decisions", "-2")])
            #expect(typed.status == .unprocessableEntity)
            #expect(typed.body.string.contains("行政处罚：处理决定数量“-2”"))
            // A catalogue editor does not keep the registers.
            let editor = TestClient(app: app, passwords: client.passwords)
            try await editor.signIn("lianfang-editor")
            try await editor.get(SiteURL.staffRegisters().path)
            #expect(try await editor.post(SiteURL.staffRegistersSave.path, form: [("year", "2025")]).status == .forbidden)
        }
    }
}

@Suite struct ComplaintTests {
    @Test func aComplaintIsTakenOnThePortal_handledByTheOffice_andCountedInTheReport() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let portal = TestClient(app: app, passwords: [:])
            #expect(
                try await portal.post(SiteURL.complaints(DemoSeed.lianfangCode).path, form: [("content", "  ")], csrf: false).status
                    == .unprocessableEntity
            )
            let made = try await portal.post(
                SiteURL.complaints(DemoSeed.lianfangCode).path, form: [("content", "公开栏长期未更新"), ("name", "李某"), ("contact", "13700001111")],
                csrf: false)
            #expect(made.status == .created)
            #expect(made.body.string.contains("已收到，编号 TS-2026-"))
            #expect(!(try await portal.get(SiteURL.agency(DemoSeed.lianfangCode).path).body.string.contains("13700001111")))
            try await client.signIn("lianfang-officer")
            let list = try await client.get(SiteURL.staffComplaints.path)
            #expect(list.body.string.contains("公开栏长期未更新"))
            let id = try #require(try await ComplaintRecord.query(on: app.db).first()?.id)
            #expect(try await client.post(SiteURL.staffComplaint(id).path, form: [("handling", "已督促社区更新公开栏并回复投诉人")]).status == .seeOther)
            #expect(try await client.post(SiteURL.staffComplaint(id).path, form: [("handling", "again")]).status == .conflict)
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let report = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026).report
            #expect(report.section(1)?.text.contains("投诉举报1件，已处理1件") == true)
            let supervisor = TestClient(app: app, passwords: client.passwords)
            try await supervisor.signIn("district-supervisor")
            let seen = try await supervisor.get(SiteURL.staffComplaints.path).body.string
            #expect(seen.contains("公开栏长期未更新") && !seen.contains("13700001111"))
        }
    }
}

/// Issue 13, item 8: a case filed in one year and decided in the next is 尚未审结 in the first report and counted
/// with its result in the second.
@Suite struct CarriedReviewCaseTests {
    @Test func aCaseDecidedTheYearAfterItWasFiledIsCountedInBoth() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            let id = try await ApplicationTests.register(client, received: "2025-11-03")
            let filed = try await client.post(
                SiteURL.staffApplicationReviews(id).path,
                form: [
                    ("kind", "reconsideration"), ("body", "重庆市沙坪坝区人民政府"), ("filedOn", "2025-12-01"), ("decidedOn", "2026-02-01"),
                    ("result", "upheld"),
                ])
            #expect(filed.status == .seeOther, "\(filed.status)")
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let reports = AnnualReports(db: app.db)
            let y2025 = try await reports.generate(agency: agency, year: 2025).report.table4
            let y2026 = try await reports.generate(agency: agency, year: 2026).report.table4
            #expect(Array((y2025 ?? []).prefix(5)) == [0, 0, 0, 1, 1], "2025: 尚未审结")
            #expect(Array((y2026 ?? []).prefix(5)) == [1, 0, 0, 0, 1], "2026: 结果维持")
        }
    }

    /// A case about proactive disclosure has no application: it is recorded on the agency's own page, says what it is
    /// about, and counts in table 四 all the same.
    @Test func aCaseWithoutAnApplicationIsRecordedAndCounted() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-officer")
            try await client.get(SiteURL.staffReviewCases.path)
            let case1 = [
                ("kind", "litigation-direct"), ("body", "重庆市沙坪坝区人民法院"), ("filedOn", "2026-05-11"), ("result", "pending"),
            ]
            let bare = try await client.post(SiteURL.staffReviewCases.path, form: case1)
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("id=\"subject-error\""))
            #expect(bare.body.string.contains("value=\"重庆市沙坪坝区人民法院\""), "what was typed comes back")
            let foreign = try await client.post(SiteURL.staffReviewCases.path, form: case1 + [("trackingNumber", "NOPE-2026-00001")])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("本机关没有编号为“NOPE-2026-00001”的申请"))
            let subject = "原告认为本机关未依法主动公开2025年城乡低保资金使用情况（第二十条第（八）项）"
            #expect(try await client.post(SiteURL.staffReviewCases.path, form: case1 + [("subject", subject)]).status == .seeOther)
            let listed = try await client.get(SiteURL.staffReviewCases.path).body.string
            #expect(listed.contains(subject) && listed.contains("尚未审结"))
            let record = try #require(try await ReviewCaseRecord.query(on: app.db).filter(\.$subject == subject).first())
            #expect(record.$application.id == nil)
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let table4 = try await AnnualReports(db: app.db).generate(agency: agency, year: 2026).report.table4 ?? []
            #expect(Array(table4[5..<10]) == [0, 0, 0, 1, 1], "行政诉讼（未经复议直接起诉）：尚未审结 1")
            // A supervisor reads cases but records none.
            let supervisor = TestClient(app: app, passwords: client.passwords)
            try await supervisor.signIn("district-supervisor")
            #expect(try await supervisor.get(SiteURL.staffReviewCases.path).status != .internalServerError)
        }
    }
}

/// Issue 13, items 6 and 7: table 二 counts a normative document once, by its chain of versions — a repeal is no new
/// 制发 and counts under 废止 in the year it takes effect; an amendment changes no count; 规章 are those marked so —
/// and 第二十六条 counts a new version's 20 working days from its change.
@Suite struct NormativeDocumentTests {
    @Test func aRepealCountsInTheYearItTakesEffect_andAChangeIsLateFromTheChange() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, _ in
            let db = app.db
            let district = try #require(try await AgencyRecord.query(on: db).filter(\.$code == DemoSeed.districtCode).first())
            let agency = AgencyRecord(code: "TEST-DOCS", name: "重庆市沙坪坝区示例局", kind: .department, parentID: district.id)
            try await agency.create(on: db)
            let category = CategoryRecord(agencyID: try agency.requireID(), name: "政策文件", article: "第二十条第（一）项", position: 0)
            try await category.create(on: db)
            var users: [StaffUser] = []
            for (name, role) in [("docs-editor", StaffRole.editor), ("docs-reviewer", .reviewer)] {
                let record = StaffRecord(username: name, displayName: name, passwordHash: "!", role: role.rawValue, agencyID: agency.id)
                try await record.create(on: db)
                users.append(try StaffUser(record))
            }
            let (editor, reviewer) = (users[0], users[1])
            let catalogue = Catalogue(db: db, calendar: .official)
            let categoryID = try category.requireID()
            func input(_ number: String, written: String, rule: Bool = false, change: (String, String)? = nil) -> Catalogue.ItemInput {
                Catalogue.ItemInput(
                    categoryID: categoryID, title: "关于\(number)的通知", documentNumber: number, body: "正文", writtenOn: written,
                    validity: Validity.inForce.rawValue, isRule: rule ? "on" : nil, changeKind: change?.0, changedOn: change?.1)
            }
            func publish(_ item: ItemRecord, on day: String) async throws {
                let today = try #require(Day(iso: day))
                try await catalogue.act(.submit, on: item, by: editor, reason: nil, confirmedReview: false, today: today)
                try await catalogue.act(.approve, on: item, by: reviewer, reason: nil, confirmedReview: true, today: today)
                try await catalogue.act(.publish, on: item, by: reviewer, reason: nil, confirmedReview: false, today: today)
            }
            // 2025: 坪坝发〔2025〕5号. 2026: seven more, and on 06-30 5号 is repealed (a new version, published 07-02).
            let five = try await catalogue.createDraft(input("坪坝发〔2025〕5号", written: "2025-03-03"), agency: agency, by: editor)
            try await publish(five, on: "2025-03-10")
            for n in 1...7 {
                let item = try await catalogue.createDraft(input("坪坝发〔2026〕\(n)号", written: "2026-02-0\(n)"), agency: agency, by: editor)
                try await publish(item, on: "2026-02-1\(n)")
            }
            let repeal = try await catalogue.newVersion(of: try await catalogue.item(try five.requireID()), by: editor)
            try await catalogue.update(
                repeal, with: input("坪坝发〔2025〕5号", written: "2025-03-03", change: ("repealed", "2026-06-30")), agency: agency, by: editor)
            try await publish(repeal, on: "2026-07-02")
            // A 规章 marked as such, though its 文号 carries no 令; amended in 2026: still one document, still in force.
            let rule = try await catalogue.createDraft(input("沙府规〔2026〕1号", written: "2026-03-02", rule: true), agency: agency, by: editor)
            try await publish(rule, on: "2026-03-04")
            let amended = try await catalogue.newVersion(of: try await catalogue.item(try rule.requireID()), by: editor)
            try await catalogue.update(
                amended, with: input("沙府规〔2026〕1号", written: "2026-03-02", rule: true, change: ("amended", "2026-09-01")), agency: agency,
                by: editor)
            // Published 30 working days after the change: 10 past 第二十六条's 20, counted from the change, not 03-02.
            let late = WorkdayCalendar.official.adding(workingDays: 30, to: try #require(Day(iso: "2026-09-01")))
            try await publish(amended, on: late.iso)

            let reports = AnnualReports(db: db)
            let y2025 = try await reports.generate(agency: agency, year: 2025).report.table2
            let y2026 = try await reports.generate(agency: agency, year: 2026).report.table2
            #expect(y2025?["20.1/行政规范性文件"] == [.number(1), .number(0), .number(1)])
            #expect(y2026?["20.1/行政规范性文件"] == [.number(7), .number(1), .number(7)])
            #expect(y2025?["20.1/规章"] == [.number(0), .number(0), .number(0)])
            #expect(y2026?["20.1/规章"] == [.number(1), .number(0), .number(1)])

            let repealed = try await catalogue.item(try repeal.requireID())
            #expect(repealed.validity == Validity.repealed.rawValue && repealed.changeEffectiveOn == "2026-06-30")
            #expect(repealed.daysLate == 0, "two days after the repeal, not a year after the document was written")
            #expect(try await catalogue.item(try amended.requireID()).daysLate == 10)
        }
    }

    @Test func aNewVersionNamesTheDayOfItsChange() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            try await client.signIn("lianfang-editor")
            let item = try #require(
                try await ItemRecord.query(on: app.db).filter(\.$state == PublicationState.published.rawValue).join(
                    AgencyRecord.self, on: \ItemRecord.$agency.$id == \AgencyRecord.$id
                ).filter(AgencyRecord.self, \.$code == DemoSeed.lianfangCode).first())
            let draft = try await Catalogue(db: app.db, calendar: .official).newVersion(
                of: item, by: try StaffUser(try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first())))
            let path = SiteURL.staffEditItem(try draft.requireID()).path
            let form = try await client.get(path).body.string
            #expect(form.contains("name=\"changedOn\"") && form.contains("name=\"changeKind\""))
            let refused = try await client.post(
                path,
                form: [
                    ("categoryID", draft.$category.id.uuidString), ("title", draft.title), ("body", draft.body), ("writtenOn", draft.writtenOn),
                    ("changeKind", "repealed"),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("新版本须填写变更日期") && refused.body.string.contains("只有有效性的规范性文件才有修订或废止"))
        }
    }
}

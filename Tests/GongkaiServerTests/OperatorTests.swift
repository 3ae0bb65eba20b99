import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// Issue 15: a real agency's day one and its operators' jobs — setup, accounts and tokens from the command line,
/// verify, backup and restore — on an SQLite file, or on PostgreSQL when TEST_DATABASE_URL is set.
@Suite(.serialized) struct OperatorTests {
    static let code = "11500107MB1502143H"  // passes GB 32100
    static let setup = Operator.Setup(
        siteName: "重庆市九龙坡区政府信息公开平台", agencyName: "重庆市九龙坡区人民政府", agencyCode: code, agencyKind: "district-government",
        reconsiderationBody: "重庆市人民政府", reportDeadline: "", username: "jlp-admin", displayName: "王管理", password: "first-password-2026")

    /// `gongkai inspect --links` on a day-one site: the agency's pages are followed without a running server, the
    /// check is kept, and a later `gongkai inspect` reports the same check.
    @Test func inspectWithLinks_checksTheAgencysPagesAndKeepsTheCheck() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            let before = try #require(try await Operator.inspect(configuration, agency: Self.code).first)
            #expect(before.links == nil)
            let checked = try #require(try await Operator.inspect(configuration, agency: Self.code, checkLinks: true).first)
            let links = try #require(checked.links)
            #expect(links.pages >= 4, "home, guide, catalogue, reports at least: \(links)")
            #expect(links.broken == 0 && links.externalUnchecked == 0)
            let later = try #require(try await Operator.inspect(configuration, agency: Self.code).first)
            #expect(later.links?.checkedAt == links.checkedAt)
        }
    }

    @Test func setup_makesTheSiteItsAgencyAndAnAdministratorWhoSignsIn_once() async throws {
        try await withOperatorDatabase { configuration in
            var wrong = Self.setup
            wrong.agencyCode = "11500107MB1502143X"
            wrong.password = "short"
            await #expect {
                try await Operator.setup(configuration, wrong)
            } throws: { error in
                let text = String(describing: error)
                return text.contains("--agency-code") && text.contains("GB 32100") && text.contains("the password")
            }
            #expect(try await Operator.hasAdministrator(configuration) == false)
            let said = try await Operator.setup(configuration, Self.setup)
            #expect(said.contains { $0.contains("重庆市九龙坡区人民政府") })
            #expect(try await Operator.hasAdministrator(configuration))
            await #expect {
                try await Operator.setup(configuration, Self.setup)
            } throws: { String(describing: $0).contains("set up already") }

            try await withApp(configuration) { app, client in
                let home = try await client.get(SiteURL.home.path)
                #expect(home.body.string.contains("重庆市九龙坡区政府信息公开平台"))
                #expect(home.body.string.contains("重庆市九龙坡区人民政府"))
                try await client.get(SiteURL.staffLogin.path)
                let signedIn = try await client.post(
                    SiteURL.staffLogin.path, form: [("username", "jlp-admin"), ("password", "first-password-2026")])
                #expect(signedIn.status == .seeOther)
                #expect(try await client.get(SiteURL.admin.path).status == .ok)
                let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == Self.code).first()
                #expect(agency?.reconsiderationBody == "重庆市人民政府")
                let entries = try await AuditRecord.query(on: app.db).filter(\.$actor == Audit.Actor.commandLine).all()
                #expect(Set(entries.map(\.entity)) == ["agency", "staff"])
            }
        }
    }

    @Test func userCommands_lockEndsTheSessionAndTheToken_unlockAndResetWork_allAudited() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            await #expect {
                try await Operator.addUser(
                    configuration, username: "jlp-officer", displayName: "李办事", role: "officer", agency: nil, password: "officer-password-1")
            } throws: { String(describing: $0).contains("--agency") }
            try await Operator.addUser(
                configuration, username: "jlp-officer", displayName: "李办事", role: "officer", agency: Self.code, password: "officer-password-1")
            let token = try await Operator.issueToken(configuration, username: "jlp-officer")
            await #expect(throws: Operator.Failure.self) { try await Operator.lock(configuration, username: "nobody") }

            try await withApp(configuration) { app, client in
                try await client.get(SiteURL.staffLogin.path)
                let signedIn = try await client.post(
                    SiteURL.staffLogin.path, form: [("username", "jlp-officer"), ("password", "officer-password-1")])
                #expect(signedIn.status == .seeOther)
                #expect(try await client.get(SiteURL.staffHome.path).status == .ok)
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let applications = SiteURL.apiApplications.path
                #expect(try await client.get(applications, headers: bearer).status == .ok)

                try await Operator.lock(configuration, username: "jlp-officer")
                #expect(try await client.get(SiteURL.staffHome.path).status != .ok, "the locked account's session ended")
                #expect(try await client.get(applications, headers: bearer).status == .unauthorized, "and its token")
                let again = TestClient(app: app, passwords: [:])
                try await again.get(SiteURL.staffLogin.path)
                #expect(
                    try await again.post(SiteURL.staffLogin.path, form: [("username", "jlp-officer"), ("password", "officer-password-1")]).status
                        == .unauthorized)

                try await Operator.unlock(configuration, username: "jlp-officer")
                #expect(try await client.get(applications, headers: bearer).status == .ok, "unlocked, the token works again")
                try await Operator.resetPassword(configuration, username: "jlp-officer", password: "officer-password-2")
                #expect(try await client.get(applications, headers: bearer).status == .unauthorized, "a reset ends the token")
                #expect(
                    try await again.post(SiteURL.staffLogin.path, form: [("username", "jlp-officer"), ("password", "officer-password-2")]).status
                        == .seeOther)
                let newToken = try await Operator.issueToken(configuration, username: "jlp-officer")
                #expect(try await client.get(applications, headers: ["Authorization": "Bearer \(newToken)"]).status == .ok)
                try await Operator.revokeToken(configuration, username: "jlp-officer")
                #expect(try await client.get(applications, headers: ["Authorization": "Bearer \(newToken)"]).status == .unauthorized)

                let actions = try await AuditRecord.query(on: app.db).filter(\.$actor == Audit.Actor.commandLine).sort(\.$seq).all().map(\.action)
                #expect(
                    actions == ["create", "create", "create", "issue-token", "lock", "unlock", "reset-password", "issue-token", "revoke-token"])
            }
            let accounts = try await Operator.listUsers(configuration)
            #expect(accounts.map(\.username) == ["jlp-admin", "jlp-officer"])
            #expect(accounts.last?.agency == "重庆市九龙坡区人民政府")
            #expect(accounts.last?.hasToken == false)
        }
    }

    @Test func verify_findsAnAuditEntryEditedAroundTheDatabase_aMissingEntry_andACounterBehind() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            try await Operator.addUser(
                configuration, username: "jlp-editor", displayName: "赵编辑", role: "editor", agency: Self.code, password: "editor-password-1")
            try await Operator.lock(configuration, username: "jlp-editor")
            let sound = try await Operator.verify(configuration)
            #expect(sound.problems.isEmpty, "\(sound.problems)")
            #expect(sound.auditEntries == 4)
            let head = sound.auditHead

            try await withApp(configuration) { app, _ in
                guard let sql = app.db as? any SQLDatabase else { return }
                let postgres = SearchIndex.isPostgres(sql)
                // Around the database's own refusal: its trigger switched off, as someone with the database's keys could.
                try await sql.raw(
                    postgres ? "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only" : "DROP TRIGGER audit_log_no_update"
                ).run()
                try await sql.raw("UPDATE audit_log SET actor = 'jlp-admin' WHERE seq = 3").run()
            }
            let edited = try await Operator.verify(configuration)
            #expect(edited.problems.count == 1)
            #expect(edited.problems.first?.contains("entry 3") == true)
            #expect(edited.problems.first?.contains("changed after it was written") == true)
            #expect(edited.auditHead != head)

            try await withApp(configuration) { app, _ in
                guard let sql = app.db as? any SQLDatabase else { return }
                try await sql.raw("UPDATE audit_log SET actor = \(bind: Audit.Actor.commandLine) WHERE seq = 3").run()
            }
            #expect(try await Operator.verify(configuration).problems.isEmpty, "put back as it was, the chain holds again")

            try await withApp(configuration) { app, _ in
                guard let sql = app.db as? any SQLDatabase else { return }
                if !SearchIndex.isPostgres(sql) { try await sql.raw("DROP TRIGGER audit_log_no_delete").run() }
                try await sql.raw("DELETE FROM audit_log WHERE seq = 4").run()
            }
            let lastGone = try await Operator.verify(configuration)
            #expect(lastGone.problems == ["audit log: the head row says entry 4 with hash \(head.prefix(12))…, but the log ends at entry 3"])

            try await withApp(configuration) { app, _ in
                guard let sql = app.db as? any SQLDatabase else { return }
                // A counter set back below the numbers handed out.
                let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == Self.code).first()!
                let input = Applications.Input(
                    applicantType: "natural-person", name: "张三", idType: "passport", idNumber: "E12345678", phone: "13800000000", email: nil,
                    address: nil, infoTitle: "2025年九龙坡区低保对象名单", infoNumber: nil, infoDescription: nil, formWanted: "electronic",
                    delivery: "online", channel: nil, receivedOn: nil)
                let today = Day.today(at: Date())
                let stored = try await Applications(db: app.db, calendar: app.workdays).submit(input, agency: agency, byStaff: nil, today: today)
                    .record
                try await sql.raw("UPDATE tracking_counters SET next = 1").run()
                #expect(stored.trackingNumber == "\(Self.code)-\(today.year)-00001")
            }
            let broken = try await Operator.verify(configuration)
            #expect(broken.problems.contains { $0.contains("entry 4 is missing") }, "\(broken.problems)")
            #expect(
                broken.problems.contains {
                    $0.contains("tracking_counters hands out number 1 next, but \(Self.code)-") && $0.contains("-00001 is stored")
                },
                "\(broken.problems)")
        }
    }
}

extension OperatorTests {
    /// A credit code with its GB 32100 check character.
    static func creditCode(_ first17: String) -> String {
        let characters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(first17, weights).reduce(0) { $0 + (characters.firstIndex(of: $1.0) ?? 0) * $1.1 }
        return first17 + String(characters[(31 - sum % 31) % 31])
    }

    @Test func agencyImport_readsGB18030AndBOM_refusesAWholeFileForOneBadLine_andRunsTwiceWithoutDuplicates() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            let bureau = Self.creditCode("11500107MB1502151"), street = Self.creditCode("11500107MB1502178")
            let community = Self.creditCode("11500107MB1502186")
            // The community's parent comes before it in the file only by reference: it is on the next line.
            let lines = [
                "代码,名称,上级代码,类型,联系电话,公开指南",
                "\(community),谢家湾社区居民委员会,\(street),社区,,",
                "\(bureau),重庆市九龙坡区民政局,\(Self.code),部门,023-68780000,\"一、公开的主体和范围\n二、主动公开，含“逗号,引号”\"",
                "\(street),重庆市九龙坡区谢家湾街道办事处,\(Self.code),街道,023-68000001,",
            ]
            let gb18030 = try #require(lines.joined(separator: "\r\n").data(using: TextDecoding.gb18030))
            #expect(String(data: gb18030, encoding: .utf8) == nil, "the file is really not UTF-8")

            var bad = lines
            bad[2] = bad[2].replacingOccurrences(of: bureau, with: "11500107MB1502151X")
            bad[3] = bad[3].replacingOccurrences(of: "\(Self.code),街道", with: "NOPE,街道")
            await #expect {
                try await Operator.importAgencies(configuration, data: Data(("\u{FEFF}" + bad.joined(separator: "\n")).utf8), file: "bad.csv")
            } throws: { error in
                let text = String(describing: error)
                return text.contains("bad.csv line 3: 「代码」") && text.contains("GB 32100") && text.contains("bad.csv line 4: 「上级代码」")
                    && text.contains("NOPE") && text.contains("bad.csv line 2: 「上级代码」 上级机关在第4行")
            }
            let stored = try await withApp(configuration) { app, _ in try await AgencyRecord.query(on: app.db).count() }
            #expect(stored == 1, "nothing of a bad file")

            #expect(try await Operator.importAgencies(configuration, data: gb18030, file: "agencies.csv") == .init(created: 3))
            #expect(try await Operator.importAgencies(configuration, data: gb18030, file: "agencies.csv") == .init(unchanged: 3))
            let exported = try await Operator.exportAgencies(configuration)
            #expect(exported.hasPrefix("\u{FEFF}代码,名称,上级代码,类型"))
            #expect(try await Operator.importAgencies(configuration, data: Data(exported.utf8), file: "exported.csv") == .init(unchanged: 4))
            let changed = lines.map { $0.replacingOccurrences(of: "023-68780000", with: "023-68781111") }.joined(separator: "\n")
            #expect(
                try await Operator.importAgencies(configuration, data: Data(changed.utf8), file: "changed.csv") == .init(updated: 1, unchanged: 2))

            try await withApp(configuration) { app, _ in
                let agencies = try await AgencyRecord.query(on: app.db).all()
                #expect(agencies.count == 4)
                let byCode = Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0) })
                #expect(byCode[bureau]?.guide == "一、公开的主体和范围\n二、主动公开，含“逗号,引号”")
                #expect(byCode[bureau]?.phone == "023-68781111")
                #expect(byCode[community]?.kind == .community)
                #expect(byCode[community]?.$parent.id == byCode[street]?.id)
                let audited = try await AuditRecord.query(on: app.db).filter(\.$entity == "agency").filter(\.$actor == Audit.Actor.commandLine).all()
                #expect(audited.map(\.action).sorted() == ["create", "create", "create", "create", "update"])
            }
        }
    }
}

extension OperatorTests {
    @Test func itemImport_bringsLastYearsItemsWithAttachments_keepsOrAssignsIndexNumbers_allOrNothing_twiceAddsNothing() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let pdf = Data("%PDF-1.4 低保名单（已去除身份证号码）".utf8)
            try pdf.write(to: folder.appendingPathComponent("2025低保名单.pdf"))
            let body = "根据《重庆市最低生活保障条例》，现将2025年第四季度城乡低保对象名单公示如下。\n\n公示期间如有异议，请向区民政局反映。"
            let lines = [
                "索引号,标题,分类,文号,成文日期,发布日期,有效性,公开方式,公开栏位置,正文,附件",
                "\(Self.code)/2025-00003,关于2025年第四季度城乡低保对象的公示,公示公告,,2025-12-01,2025-12-03,,政府网站、公开栏,谢家湾街道公开栏,\"\(body)\",2025低保名单.pdf",
                ",重庆市九龙坡区2025年政府工作报告,政策文件,九龙坡府发〔2025〕1号,2025-01-15,2025-01-20,有效,,,政府工作报告全文。,",
            ]
            let good = try #require(lines.joined(separator: "\r\n").data(using: TextDecoding.gb18030))
            var bad = lines
            bad.append(",一条坏的记录,不存在的分类,,2025-02-30,2025-01-01,永久,,,正文,")
            bad.append(",附件不在,政策文件,,2025-03-01,2025-03-02,,,,正文,没有这个文件.pdf")
            await #expect {
                try await Operator.importItems(
                    configuration, data: Data(bad.joined(separator: "\n").utf8), file: "items.csv", agency: Self.code, attachments: folder.path,
                    today: Day(iso: "2026-12-07")!)
            } throws: { error in
                let text = String(describing: error)
                return text.contains("items.csv line 4: 「分类」 「不存在的分类」") && text.contains("items.csv line 4: 「有效性」 「永久」")
                    && text.contains("items.csv line 4: 「成文日期」") && text.contains("items.csv line 5: 「附件」")
            }
            let stored = try await withApp(configuration) { app, _ in try await ItemRecord.query(on: app.db).count() }
            #expect(stored == 0, "nothing of a bad file")

            let imported = try await Operator.importItems(
                configuration, data: good, file: "items.csv", agency: Self.code, attachments: folder.path, today: Day(iso: "2026-12-07")!)
            #expect(imported == .init(created: 2))
            let again = try await Operator.importItems(
                configuration, data: good, file: "items.csv", agency: Self.code, attachments: folder.path, today: Day(iso: "2026-12-07")!)
            #expect(again == .init(unchanged: 2))

            try await withApp(configuration) { app, client in
                let items = try await ItemRecord.query(on: app.db).sort(\.$writtenOn).all()
                #expect(items.map(\.indexNumber) == ["\(Self.code)/2025-00001", "\(Self.code)/2025-00003"], "assigned, and kept")
                #expect(items.allSatisfy { $0.state == "published" })
                #expect(items.last?.channels == "website,bulletin-board")
                #expect(items.last?.body == body)
                #expect(items.first?.validity == "in-force")
                // The counter is past both, so the next 2025 item gets neither number.
                let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == Self.code).first()!
                let next = try await Counters.next(.indexNumbers, agency: agency.requireID(), year: 2025, on: app.db)
                #expect(next == 4)
                let attachment = try await AttachmentRecord.query(on: app.db).first()
                #expect(attachment?.data == pdf)
                let page = try await client.get(SiteURL.item(Self.code, items.last!.id!).path)
                #expect(page.status == .ok)
                #expect(page.body.string.contains("2025低保名单.pdf"))
                let found = try await client.get(SiteURL.search(query: "政府工作报告").path)
                #expect(found.body.string.contains(SiteURL.item(Self.code, items.first!.id!).path))
                #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "import").count() == 2)
            }
            let verified = try await Operator.verify(configuration)
            #expect(verified.problems.isEmpty, "\(verified.problems)")
        }
    }
}

extension OperatorTests {
    @Test func applicationImport_lastYearsLedgerIsCarriedOverIntoThisYearsReport_allOrNothing_twiceAddsNothing() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            let lines = [
                "编号,申请人类型,申请人,申请内容,提交方式,收到日期,办结日期,结果,复议诉讼,复议诉讼机关,立案日期,审结日期,复议诉讼结果",
                "JLP-2025-001,自然人,张三,2024年度低保资金发放明细,,2025-03-03,2025-03-20,3.1,,,,,",
                "JLP-2025-002,商业企业,重庆某建设有限公司,某地块征收补偿方案,信函,2025-12-15,,,,,,,",
                "JLP-2025-003,自然人,李四,某小区加装电梯审批材料,,2025-11-20,2026-01-10,3.2,,,,,",
                "JLP-2025-004,自然人,王五,某道路改造工程预算,,2025-05-05,2025-05-12,撤回,,,,,",
                "JLP-2025-005,自然人,赵六,某企业环评报告全本,,2025-04-01,2025-04-20,3.3.4,行政复议,重庆市九龙坡区人民政府,2025-05-10,2025-07-01,结果维持",
            ]
            var bad = lines
            bad.append("JLP-2025-001,个体户,,某事项,,2025-13-01,,3.1,,,,,")
            await #expect {
                try await Operator.importApplications(
                    configuration, data: Data(bad.joined(separator: "\n").utf8), file: "ledger.csv", agency: Self.code, today: Day(iso: "2026-12-07")!
                )
            } throws: { error in
                let text = String(describing: error)
                return text.contains("ledger.csv line 7: 「编号」 the same 编号 as line 2") && text.contains("ledger.csv line 7: 「申请人类型」 「个体户」")
                    && text.contains("ledger.csv line 7: 「收到日期」") && text.contains("ledger.csv line 7: 「结果」")
            }
            let data = try #require(lines.joined(separator: "\r\n").data(using: TextDecoding.gb18030))
            let today = Day(iso: "2026-12-07")!
            #expect(
                try await Operator.importApplications(configuration, data: data, file: "ledger.csv", agency: Self.code, today: today)
                    == .init(created: 5))
            #expect(
                try await Operator.importApplications(configuration, data: data, file: "ledger.csv", agency: Self.code, today: today)
                    == .init(unchanged: 5))

            try await withApp(configuration) { app, client in
                let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == Self.code).first()!
                let reports = AnnualReports(db: app.db)
                let last = try await reports.generate(agency: agency, year: 2025)
                #expect(!last.findings.hasErrors)
                #expect(last.report.table3?["1"]?[Table3Column.total] == 5, "received in 2025")
                #expect(last.report.table3?["4"]?[Table3Column.total] == 2, "open at the end of 2025: 002 and 003")
                let this = try await reports.generate(agency: agency, year: 2026)
                #expect(!this.findings.hasErrors)
                #expect(this.report.table3?["2"] == [1, 1, 0, 0, 0, 0, 2], "carried over into 2026")
                #expect(this.report.table3?["3.2"]?[0] == 1, "003 closed in 2026, 部分公开")
                #expect(this.report.table3?["4"]?[Table3Column.total] == 1, "002 still open")
                #expect(try await ReviewCaseRecord.query(on: app.db).count() == 1)
                // The officer's views open every imported application.
                try await client.get(SiteURL.staffLogin.path)
                _ = try await client.post(SiteURL.staffLogin.path, form: [("username", "jlp-admin"), ("password", "first-password-2026")])
                for application in try await ApplicationRecord.query(on: app.db).all() {
                    let page = try await client.get(SiteURL.staffApplication(application.id!).path)
                    #expect(page.status == .ok, "\(application.trackingNumber)")
                }
            }
            #expect(try await Operator.verify(configuration).problems.isEmpty)
        }
    }
}

extension OperatorTests {
    @Test func reportImport_keepsAPublishedReportAsPublished_errorsIncluded_onceAndNeverReplaced() async throws {
        try await withOperatorDatabase { configuration in
            _ = try await Operator.setup(configuration, Self.setup)
            let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
            let html = try Data(contentsOf: fixtures.appendingPathComponent("lianfang-2019-annual-report.html"))
            let today = Day(iso: "2026-12-07")!
            await #expect(throws: Operator.Failure.self, "published before the year ended") {
                try await Operator.importReport(
                    configuration, data: html, file: "r.html", agency: Self.code, year: nil, publishedOn: Day(iso: "2019-12-01")!, today: today)
            }
            await #expect(throws: Operator.Failure.self, "not a report") {
                try await Operator.importReport(
                    configuration, data: Data("今天天气很好".utf8), file: "x.txt", agency: Self.code, year: nil, publishedOn: Day(iso: "2020-01-20")!,
                    today: today)
            }
            let first = try await Operator.importReport(
                configuration, data: html, file: "r.html", agency: Self.code, year: nil, publishedOn: Day(iso: "2020-01-20")!, today: today)
            #expect(first.errors == 0)
            let again = try await Operator.importReport(
                configuration, data: html, file: "r.html", agency: Self.code, year: nil, publishedOn: Day(iso: "2020-01-20")!, today: today)
            #expect(again.lines.first?.contains("nothing changed") == true)
            let text = try Data(contentsOf: fixtures.appendingPathComponent("lianfang-2019-annual-report.txt"))
            await #expect(throws: Operator.Failure.self, "a published year is never replaced") {
                try await Operator.importReport(
                    configuration, data: text, file: "r.txt", agency: Self.code, year: nil, publishedOn: Day(iso: "2020-01-20")!, today: today)
            }
            // A report that breaks its own arithmetic is kept as it was published, and says so.
            let hongze = try Data(contentsOf: fixtures.appendingPathComponent("huaian-hongze-district-2023.txt"))
            let broken = try await Operator.importReport(
                configuration, data: hongze, file: "h.txt", agency: Self.code, year: nil, publishedOn: Day(iso: "2024-01-25")!, today: today)
            #expect(broken.errors > 0)

            try await withApp(configuration) { app, client in
                let page = try await client.get(SiteURL.annualReport(Self.code, 2019).path)
                #expect(page.status == .ok)
                let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == Self.code).first()!
                let stored = try await AnnualReports(db: app.db).versions(of: agency, year: 2019)
                #expect(stored.map(\.version) == [1])
                #expect(stored.first?.publishedOn == "2020-01-20")
                let report = try AnnualReports.decode(stored[0])
                let fixture = try ReportReader.read(html).report
                #expect(report.table3 == fixture.table3 && report.table4 == fixture.table4 && report.table2 == fixture.table2)
            }
        }
    }
}

/// A database for operator commands, empty and migrated: a new SQLite file, or the test PostgreSQL database reset.
func withOperatorDatabase<T>(_ test: (ServerConfiguration) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-operator-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let postgres = TestDatabase.postgresURL else {
        return try await test(
            ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("gongkai.sqlite").path), calendarFile: "/nonexistent/c.json"))
    }
    await TestDatabase.lock.acquire()
    do {
        let configuration = ServerConfiguration(database: .postgres(url: postgres), calendarFile: "/nonexistent/c.json")
        try await withApp(configuration) { app, _ in
            try await app.autoRevert()
            try await app.autoMigrate()
        }
        let result = try await test(configuration)
        await TestDatabase.lock.release()
        return result
    } catch {
        await TestDatabase.lock.release()
        throw error
    }
}

/// An app on the database of `configuration`, with a browser-like client, shut down after `work`.
func withApp<T>(_ configuration: ServerConfiguration, _ work: (Application, TestClient) async throws -> T) async throws -> T {
    let app = try await Application.make(.testing)
    app.threadPool = NIOThreadPool(numberOfThreads: 2)
    app.logger.logLevel = .warning
    do {
        try await GongkaiServer.configure(app, configuration)
        let result = try await work(app, TestClient(app: app, passwords: [:]))
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

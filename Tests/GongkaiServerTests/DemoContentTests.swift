import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// The demo district as a disclosure officer would believe it (issue 16, part 6). 联芳街道's 2019 records are checked
/// number by number against the real report in `AnnualReportTests`.
@Suite struct DemoContentTests {
    static let quarterEnds = ["一": (3, 31), "二": (6, 30), "三": (9, 30), "四": (12, 31), "1": (3, 31), "2": (6, 30), "3": (9, 30), "4": (12, 31)]

    @Test func itemsAgreeWithTheirDatesPeriodsAndIssuers() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, _ in
            let items = try await ItemRecord.query(on: app.db).with(\.$agency).all()
            #expect(items.count > 400)
            var quarterly = 0
            for item in items {
                let written = try #require(Day(iso: item.writtenOn)), published = try #require(item.publishedOn.flatMap(Day.init(iso:)))
                #expect(written <= published, "\(item.title): published before it was written")
                let workday = WorkdayCalendar.official.isWorkday(written)
                #expect(workday, "\(item.title): written on \(item.writtenOn), a day off")
                // A quarter's 公示 is written after the quarter.
                if let match = item.title.firstMatch(of: /(\d{4})年第([一二三四1-4])季度/), let end = Self.quarterEnds[String(match.output.2)] {
                    quarterly += 1
                    let last = try #require(Day(year: Int(match.output.1) ?? 0, month: end.0, day: end.1))
                    #expect(written > last, "\(item.title) written on \(item.writtenOn), before its quarter ended")
                }
                // 低保 and 特困 are the matters of the subdistricts, the towns and the 民政局.
                if item.title.contains("低保") || item.title.contains("特困") {
                    #expect(
                        [.subdistrict, .town].contains(item.agency.kind) || item.agency.name.hasSuffix("民政局"),
                        "\(item.agency.name) publishes \(item.title)")
                }
                // A 文号 is the issuer's own, and only governments and departments issue numbered documents.
                if !item.documentNumber.isEmpty {
                    #expect([.districtGovernment, .department].contains(item.agency.kind), "\(item.agency.name): \(item.documentNumber)")
                    #expect(item.documentNumber.hasPrefix("沙"), "\(item.documentNumber)")
                }
                // A posting period starts on publication and ends after it.
                if let from = item.postingFrom.flatMap(Day.init(iso:)), let to = item.postingTo.flatMap(Day.init(iso:)) {
                    #expect(from >= published && to > from, "\(item.title): posted \(from.iso)–\(to.iso), published \(published.iso)")
                }
                // Lists are masked: no whole name on a list line, no identity number anywhere.
                for line in item.body.split(separator: "\n") where line.hasPrefix("- ") && line.contains("，") {
                    let name = line.dropFirst(2).prefix { $0 != "，" }
                    #expect(name.count <= 3 && name.contains("*"), "\(item.title): an unmasked name on its list: \(line)")
                }
                #expect(item.body.firstMatch(of: /\d{17}[\dX]/) == nil, "\(item.title) shows an identity number")
            }
            #expect(quarterly >= 8)
            // Titles do not repeat within an agency's year (the old demo had the same 公示 four times).
            let repeated = Dictionary(grouping: items, by: { "\($0.$agency.id)\($0.writtenOn.prefix(4))\($0.title)" }).filter { $0.value.count > 1 }
            #expect(repeated.isEmpty, "repeated titles: \(repeated.values.compactMap(\.first?.title).prefix(5))")
            // What is on notice today is a masked list with its posting period.
            let notices = items.filter { $0.postingTo.map { $0 >= "2026-11-20" } == true && $0.title.contains("城乡低保对象的公示") }
            #expect(!notices.isEmpty && notices.allSatisfy { $0.body.contains("*") })
        }
    }

    @Test func applicationsAreInEveryStateOfTheWorkflow() async throws {
        try await withServer(demo: false, today: Day(iso: "2026-11-20")!) { app, _ in
            let today = Day(iso: "2026-11-20")!
            let accounts = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today, applications: true)
            let client = TestClient(app: app, passwords: Dictionary(uniqueKeysWithValues: accounts.map { ($0.username, $0.password) }))
            let applications = try await ApplicationRecord.query(on: app.db).all()
            let byStatus = Dictionary(grouping: applications, by: \.status).mapValues(\.count)
            for status in ApplicationStatus.allCases {
                #expect((2...4).contains(byStatus[status] ?? 0), "\(status): \(byStatus[status] ?? 0) applications")
            }
            for application in applications {
                #expect(IdentityDocument.residentIDCard.problem(with: application.idNumber) == nil, "\(application.idNumber)")
            }
            // Each answered one carries its letter, and the deadlines put them in every pile of the desk.
            let answered = applications.filter { $0.status == .answered }
            for application in answered {
                #expect(try await LetterRecord.query(on: app.db).filter(\.$application.$id == application.requireID()).count() >= 1)
            }
            let rows = try await Applications(db: app.db, calendar: .official).histories(applications)
            let service = Applications(db: app.db, calendar: .official)
            var piles: [String: Int] = [:]
            for application in applications {
                let deadline = try service.deadline(application, history: rows[try application.requireID()] ?? [], today: today, explain: false)
                piles[ApplicationStaffController.bucket(application, deadline, calendar: .official, today: today), default: 0] += 1
            }
            for pile in ["unconfirmed", "open", "due-soon", "overdue", "waiting", "closed"] {
                #expect((piles[pile] ?? 0) >= 1, "no application in the pile \(pile): \(piles)")
            }
            // The staff's report page on the year shows them by month, as many as table 三's 本年新收.
            let lianfang = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let generated = try await AnnualReports(db: app.db).generate(agency: lianfang, year: 2026)
            let received = try #require(generated.report.table3?["1"]?[Table3Column.total] ?? nil)
            #expect(received > 0 && generated.months?.summary.hasPrefix("本年新收政府信息公开申请\(received)件") == true)
            try await client.signIn("lianfang-officer")
            let page = try await client.get(SiteURL.staffReport(DemoSeed.lianfangCode, 2026).path).body.string
            #expect(page.contains("各月新收申请及办理结果"))
            // And the year's answers on time and late, counted against the deadlines the applications carry.
            let answeredThisYear = try await ApplicationRecord.query(on: app.db).filter(\.$agency.$id == lianfang.requireID())
                .filter(\.$answeredOn >= "2026-01-01").filter(\.$answeredOn <= "2026-12-31").filter(\.$dueOn != nil).all()
            let late = answeredThisYear.filter { ($0.answeredOn ?? "") > ($0.dueOn ?? "") }.count
            let onTime = try #require(generated.onTime)
            #expect(onTime.summary.hasPrefix("本年答复政府信息公开申请\(answeredThisYear.count)件，按期答复\(answeredThisYear.count - late)件"))
            let shown = page.contains("按期答复情况（按答复月份）")
            #expect(shown)
            // Loading again adds none.
            _ = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today, applications: true)
            #expect(try await ApplicationRecord.query(on: app.db).count() == applications.count)
        }
    }
}

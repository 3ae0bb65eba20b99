import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// The district's annual reports over the years (issue 16): each year the roll-up's own sums.
@Suite struct TrendsTests {
    @Test func eachYearShowsItsReportsAndTheDistrictsTotals() async throws {
        try await withServer(demo: false, today: Day(iso: "2027-03-01")!) { app, _ in
            let accounts = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: Day(iso: "2026-11-20")!, applications: true)
            let passwords = Dictionary(uniqueKeysWithValues: accounts.map { ($0.username, $0.password) })
            let supervisor = TestClient(app: app, passwords: passwords)
            try await supervisor.signIn("district-supervisor")
            #expect(
                try await supervisor.get(SiteURL.staffReports(year: 2026).path).body.string.contains("href=\"\(SiteURL.staffReportTrends.path)\""))
            let page = try await supervisor.get(SiteURL.staffReportTrends.path)
            #expect(page.status == .ok)
            let html = page.body.string
            // 2019 to 2026, each a row; 联芳街道's 2019 report is the one published that year, of six agencies.
            for year in 2019...2026 { #expect(html.contains(">\(year)</a></td>"), "no row for \(year)") }
            #expect(!html.contains(">2027</a></td>"))
            let row2019 = html.contains(">2019</a></td><td>1/6</td><td>5</td>")
            #expect(row2019, "2019: one report of six published, the other five overdue")
            // 2026: the demo's applications to 联芳街道, as its report on the year counts them.
            let lianfang = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let table3 = try #require(try await AnnualReports(db: app.db).generate(agency: lianfang, year: 2026).report.table3)
            let (received, closed, carried) = (
                table3["1"]?[Table3Column.total] ?? 0, table3["3.7"]?[Table3Column.total] ?? 0, table3["4"]?[Table3Column.total] ?? 0
            )
            #expect(received > 0 && closed > 0 && carried > 0)
            let row2026 = html.contains(
                ">2026</a></td><td>0/6</td><td>5</td><td>\(received)</td><td>\(closed)</td><td>\(carried)</td><td>0</td><td>0</td></tr>")
            #expect(row2026, "the 2026 totals")
            #expect(html.contains("<title id=\"chart-trends-title\">"))
            // An officer reads only 联芳街道.
            let officer = TestClient(app: app, passwords: passwords)
            try await officer.signIn("lianfang-officer")
            #expect(try await officer.get(SiteURL.staffReportTrends.path).body.string.contains(">2019</a></td><td>1/1</td>"))
        }
    }
}

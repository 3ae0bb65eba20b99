import Foundation
import Testing

@testable import Gongkai

@Suite struct WorkdayCalendarTests {
    @Test func day_theBoundsOfDatesAreTheDaysTheirDocumentsName() {
        #expect(Day.regulationsInForce.iso == "2008-05-01")
        #expect(Day.earliestDocument.iso == "1949-10-01")
        #expect(Day.latestDate.iso == "2100-12-31")
    }

    @Test func calendar_classifiesEveryDayFrom2019To2026AsTheOfficialData() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: try Fixture.data("cn-workdays.json")) as? [String: Any])
        let years = try #require(object["years"] as? [String: [String: Any]])
        var off: Set<String> = []
        var work: Set<String> = []
        for (_, entry) in years {
            off.formUnion(entry["off"] as? [String] ?? [])
            work.formUnion(entry["work"] as? [String] ?? [])
        }
        let calendar = WorkdayCalendar.official
        var day = try #require(Day(iso: "2019-01-01"))
        let last = try #require(Day(iso: "2026-12-31"))
        var checked = 0
        while day <= last {
            let expected = work.contains(day.iso) || (!off.contains(day.iso) && !day.isWeekend)
            #expect(calendar.isWorkday(day) == expected, "\(day.iso)")
            day = day.adding(days: 1)
            checked += 1
        }
        #expect(checked == 2922)
    }

    @Test func calendar_countsTheOfficialWorkingDaysOfEachYear() {
        let counts = (2019...2026).map { WorkdayCalendar.official.summary(of: $0).workingDays }
        #expect(counts == [250, 249, 250, 249, 249, 251, 248, 248])
        #expect((2019...2026).allSatisfy { !WorkdayCalendar.official.isProvisional($0) })
    }

    @Test func calendar_knowsTheWorkingSaturdayBefore2019() {
        #expect(WorkdayCalendar.official.isWorkday(Day(iso: "2018-12-29")!))
        #expect(!WorkdayCalendar.official.isWorkday(Day(iso: "2018-12-31")!))
    }

    /// Issue 13, 9: a year with no notice is Monday–Friday less its statutory holidays (2024 revision), provisional.
    /// 2027 by hand: 元旦 01-01 (Fri); 春节 除夕 02-05 (Fri) to 初三 02-08 (Mon), 02-06/07 a weekend; 清明 04-05 (Mon);
    /// 劳动节 05-01/02 a weekend; 端午 06-09 (Wed); 中秋 09-15 (Wed); 国庆 10-01 (Fri), 10-02/03 a weekend. 261 − 7 = 254.
    @Test func calendar_computesAYearWithNoNoticeAsProvisional_lessItsStatutoryHolidays() {
        let summary = WorkdayCalendar.official.summary(of: 2027)
        #expect(summary.provisional)
        #expect(summary.off.map(\.iso) == ["2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01"])
        #expect(summary.workingDays == 254)
        #expect(summary.work.isEmpty)  // the 调休 is what stays unknown
        #expect(!WorkdayCalendar.official.isWorkday(Day(iso: "2027-01-01")!))
    }

    /// The revisions: 2013's gave 春节 初一 to 初三 and 劳动节 one day (2018: 春节 on 02-16); 2007's 除夕 to 初二 (2010:
    /// 春节 on 02-14).
    @Test func statutoryHolidays_followTheRevisionInForce() {
        let y2018 = StatutoryHolidays.days(in: 2018).map(\.iso).sorted()
        #expect(y2018.contains("2018-02-16") && y2018.contains("2018-02-18") && !y2018.contains("2018-02-15") && !y2018.contains("2018-05-02"))
        let y2010 = StatutoryHolidays.days(in: 2010).map(\.iso).sorted()
        #expect(y2010.contains("2010-02-13") && y2010.contains("2010-02-15") && !y2010.contains("2010-02-16"))
        #expect(StatutoryHolidays.days(in: 2027).count == 13)  // 1 + 4 + 1 + 2 + 1 + 1 + 3
        #expect(StatutoryHolidays.qingming(2026) == 5 && StatutoryHolidays.qingming(2024) == 4 && StatutoryHolidays.qingming(2028) == 4)
    }

    /// The table against the published dates of years that had a notice (春节, 端午, 中秋 of 2019–2026) and of 2027.
    @Test(arguments: [
        (2019, "2019-02-05", "2019-06-07", "2019-09-13"), (2020, "2020-01-25", "2020-06-25", "2020-10-01"),
        (2021, "2021-02-12", "2021-06-14", "2021-09-21"), (2022, "2022-02-01", "2022-06-03", "2022-09-10"),
        (2023, "2023-01-22", "2023-06-22", "2023-09-29"), (2024, "2024-02-10", "2024-06-10", "2024-09-17"),
        (2025, "2025-01-29", "2025-05-31", "2025-10-06"), (2026, "2026-02-17", "2026-06-19", "2026-09-25"),
        (2027, "2027-02-06", "2027-06-09", "2027-09-15"),
    ])
    func statutoryHolidays_lunarTableMatchesPublishedDates(year: Int, newYear: String, duanwu: String, midAutumn: String) {
        let days = StatutoryHolidays.lunarDays(year)
        #expect(days.newYear?.iso == newYear && days.duanwu?.iso == duanwu && days.midAutumn?.iso == midAutumn)
        #expect((2008...2099).allSatisfy { StatutoryHolidays.lunarDays($0).midAutumn != nil })
    }

    @Test func calendar_summaryListsWeekdaysOffAndWorkingWeekends() {
        let summary = WorkdayCalendar.official.summary(of: 2026)
        #expect(summary.work.map(\.iso) == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        #expect(summary.off.contains(Day(iso: "2026-10-07")!))
        #expect(!summary.off.contains(Day(iso: "2026-10-03")!))  // a Saturday inside the holiday is no weekday off
    }

    @Test(arguments: [
        ("2026-09-28", 20, "2026-10-30"),
        ("2026-02-13", 1, "2026-02-14"),  // 调休 Saturday
        ("2026-02-14", 1, "2026-02-24"),  // across the Spring Festival
        ("2025-12-31", 1, "2026-01-04"),  // across the year, onto a working Sunday
        ("2026-10-10", 0, "2026-10-10"),
    ])
    func calendar_addsWorkingDays(from: String, days: Int, expected: String) {
        #expect(WorkdayCalendar.official.adding(workingDays: days, to: Day(iso: from)!).iso == expected)
    }

    @Test func calendar_importsANewYearReplacingTheProvisionalOne() throws {
        let json = """
            {
              "years": {
                "2027": {
                  "notice": "国务院办公厅关于2027年部分节假日安排的通知 (test)",
                  "off": ["2027-01-01", "2027-01-02", "2027-01-03"],
                  "work": ["2027-01-09"],
                  "working_days": 261
                }
              }
            }
            """
        let imported = try WorkdayCalendar.parse(Data(json.utf8))
        #expect(imported.years == [2027])
        let calendar = WorkdayCalendar.official.merging(imported.calendar)
        #expect(!calendar.isProvisional(2027))
        #expect(!calendar.isWorkday(Day(iso: "2027-01-01")!))
        #expect(calendar.isWorkday(Day(iso: "2027-01-09")!))
        #expect(calendar.summary(of: 2027).workingDays == 261)
        #expect(calendar.summary(of: 2026).workingDays == 248)
        // What is stored reads back the same.
        let stored = try WorkdayCalendar.parse(Data(calendar.fileJSON(years: [2027]).utf8)).calendar
        #expect(stored.arrangements[2027] == calendar.arrangements[2027])
    }

    @Test(
        arguments: [
            ("{\n \"years\": {\n  \"2027\": {\n   \"off\": [\"2027-02-30\"],\n   \"work\": []\n  }\n }\n}", 4, "2027-02-30"),
            ("{\n \"years\": {\n  \"2027\": {\n   \"off\": [],\n   \"work\": [\"2027-01-05\"]\n  }\n }\n}", 5, "星期二"),
            ("{\n \"years\": {\n  \"2027\": {\n   \"off\": [\"2026-12-31\"],\n   \"work\": []\n  }\n }\n}", 4, "filed under 2027"),
            ("{\n \"years\": {\n  \"2027\": {\n   \"off\": [],\n   \"work\": [],\n   \"working_days\": 250\n  }\n }\n}", 6, "give 261 working days"),
            ("{\n \"years\": {\n  \"2027\": {\n   \"off\": [\"2027-01-01\",, ]\n  }\n }\n}", 4, "not valid JSON"),
            ("{\n \"yeers\": {}\n}", nil, "no \"years\""),
        ] as [(String, Int?, String)])
    func calendar_refusesAMalformedFileNamingTheLineAndProblem(json: String, line: Int?, problem: String) {
        do {
            _ = try WorkdayCalendar.parse(Data(json.utf8))
            Issue.record("accepted a malformed file")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }
}

@Suite struct DayTests {
    @Test func day_parsesAndPrintsISODatesStrictly() {
        #expect(Day(iso: "2026-02-28")?.iso == "2026-02-28")
        #expect(Day(iso: "2024-02-29") != nil)
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01x"] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func day_knowsItsWeekday() {
        #expect(Day(iso: "2026-10-10")?.weekday == 6)
        #expect(Day(iso: "1970-01-01")?.weekday == 4)
        #expect(Day(iso: "2027-01-03")?.weekday == 7)
    }
}

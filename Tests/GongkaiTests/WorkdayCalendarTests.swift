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

    @Test func calendar_computesAYearWithNoNoticeAsProvisionalMondayToFriday() {
        let summary = WorkdayCalendar.official.summary(of: 2027)
        #expect(summary.provisional)
        #expect(summary.workingDays == 261)
        #expect(summary.off.isEmpty && summary.work.isEmpty)
        #expect(WorkdayCalendar.official.isWorkday(Day(iso: "2027-01-01")!))  // assumed, until the notice is loaded
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

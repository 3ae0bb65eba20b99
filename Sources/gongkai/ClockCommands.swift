import ArgumentParser
import Foundation
import Gongkai

/// Where imported years of the calendar are kept; the server reads the same file.
struct CalendarStore: ParsableArguments {
    static let defaultPath = "gongkai-calendar.json"

    @Option(name: .customLong("calendar-file"), help: "Imported holiday arrangements (default: ./\(defaultPath)).")
    var path: String = defaultPath

    /// The built-in calendar with the imported years over it.
    func load() throws -> WorkdayCalendar {
        guard FileManager.default.fileExists(atPath: path) else { return .official }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("gongkai: the calendar file \(path) cannot be read")
            throw Exit.unusable
        }
        do {
            return WorkdayCalendar.official.merging(try WorkdayCalendar.parse(data).calendar)
        } catch {
            printError("gongkai: the calendar file \(path) is broken: \(error.description)")
            throw Exit.unusable
        }
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "China's working-day calendar (official holidays and 调休 days).",
        subcommands: [Show.self, IsWorkday.self, Add.self, Import.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A year's working days, days off and 调休 working weekends.")

        @Argument(help: "The year, e.g. 2026.")
        var year: Int

        @Flag(help: "Print JSON: year, workingDays, off, work, provisional.")
        var json = false

        @OptionGroup var store: CalendarStore

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError("the year must be from 2000 to 2100, not \(year)") }
        }

        func run() throws {
            let summary = try store.load().summary(of: year)
            if json {
                print(ReportJSON.encode(summary))
                return
            }
            print(
                "\(year): \(summary.workingDays) working days"
                    + (summary.provisional
                        ? " — PROVISIONAL: no holiday arrangement has been published for \(year); Monday–Friday assumed (load the notice with `gongkai calendar import`)"
                        : ""))
            if let notice = summary.notice { print("  notice: \(notice)") }
            print("  weekdays off (\(summary.off.count)): \(summary.off.map(\.iso).joined(separator: " "))")
            print(
                "  weekend working days, 调休 (\(summary.work.count)): \(summary.work.map { "\($0.iso)(\($0.chineseWeekday))" }.joined(separator: " "))"
            )
        }
    }

    struct IsWorkday: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "is-workday", abstract: "Whether a date is a working day.")

        @Argument(help: "The date, YYYY-MM-DD.")
        var date: Day

        @OptionGroup var store: CalendarStore

        func run() throws {
            let calendar = try store.load()
            let working = calendar.isWorkday(date)
            var why = ""
            if working && date.isWeekend { why = " (调休: a \(date.chineseWeekday) declared a working day)" }
            let provisionalYear = calendar.isProvisional(date.year)
            if !working && !date.isWeekend {
                why = provisionalYear ? " (a statutory holiday, 全国年节及纪念日放假办法)" : " (an official holiday)"
            }
            let provisional =
                provisionalYear ? " — provisional: no arrangement published for \(date.year); its 调休 is not known yet" : ""
            print("\(date.iso) \(date.chineseWeekday) is \(working ? "a working day" : "not a working day")\(why)\(provisional)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The date N working days after DATE (DATE is day 0).")

        @Argument(help: "The starting date, YYYY-MM-DD.")
        var date: Day

        @Argument(help: "How many working days.")
        var days: Int

        @OptionGroup var store: CalendarStore

        func validate() throws {
            guard (0...2000).contains(days) else { throw ValidationError("N must be from 0 to 2000 working days, not \(days)") }
        }

        func run() throws {
            let calendar = try store.load()
            let result = calendar.adding(workingDays: days, to: date)
            let provisional = calendar.provisionalYears(after: date, through: result)
            print(
                result.iso
                    + (provisional.isEmpty
                        ? "" : " (provisional: no holiday arrangement published for \(provisional.map(String.init).joined(separator: ", ")))"))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a year's holiday notice from a JSON file of the shape of cn-workdays.json.",
            discussion: "The years are stored in --calendar-file, replacing what was provisional; the server reads the same file."
        )

        @Argument(help: "The JSON file: {\"years\": {\"2027\": {\"notice\": …, \"off\": [dates], \"work\": [dates], \"working_days\": N}}}.")
        var file: String

        @OptionGroup var store: CalendarStore

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("gongkai: \(file): no such file, or it cannot be read")
                throw Exit.unusable
            }
            let imported: (calendar: WorkdayCalendar, years: [Int])
            do {
                imported = try WorkdayCalendar.parse(data)
            } catch {
                printError("gongkai: \(file): \(error.description); nothing was imported")
                throw Exit.unusable
            }
            // Keep what was imported before, with the new years over it.
            var stored: WorkdayCalendar?
            if let existing = FileManager.default.contents(atPath: store.path) {
                stored = try? WorkdayCalendar.parse(existing).calendar
            }
            let merged = (stored ?? WorkdayCalendar(arrangements: [:])).merging(imported.calendar)
            let years = merged.arrangements.keys.sorted()
            do {
                try Data(merged.fileJSON(years: years).utf8).write(to: URL(fileURLWithPath: store.path), options: .atomic)
            } catch {
                printError("gongkai: cannot write \(store.path): \(error.localizedDescription)")
                throw Exit.unusable
            }
            for year in imported.years {
                let summary = merged.summary(of: year)
                let replaced =
                    WorkdayCalendar.official.isProvisional(year)
                    ? "replacing the provisional Monday–Friday year" : "replacing the built-in arrangement"
                print(
                    "imported \(year): \(summary.workingDays) working days, \(summary.off.count) weekday(s) off, \(summary.work.count) weekend working day(s) (\(replaced)); stored in \(store.path)"
                )
            }
        }
    }
}

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "The answer deadline of an application from its history (条例第三十条–第三十三条).",
        discussion: """
            Events are KIND@YYYY-MM-DD, in any order: clarify-sent, clarify-received, clarify-expired, consult-sent,
            consult-received (the party received the letter: its 15 working days run from here), consult-answered,
            extended (extended@DATE+N for N working days, default 20), deferred (deferred@DATE:UNTIL, 第三十五条),
            fee-sent, fee-received (the applicant received the notice: 20 working days to pay run from here), fee-paid,
            answered, withdrawn. The day of an event is day 0.
            """
    )

    @Option(help: "The day the application was received, YYYY-MM-DD (第三十一条).")
    var received: Day

    @Option(help: "in-person, post, letter, online or fax.")
    var channel: ReceiptChannel = .inPerson

    @Option(name: .customLong("event"), help: "KIND@YYYY-MM-DD; repeat for each event.")
    var events: [String] = []

    @Option(help: "Compute as of this day (default: today).")
    var today: Day?

    @Flag(inversion: .prefixedNo, help: "Whether the time from the fee notice to payment is left out of the period.")
    var feePause = true

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: CalendarStore

    func run() throws {
        var parsed: [ClockEvent] = []
        for text in events {
            guard let event = Self.parseEvent(text) else {
                printError(
                    "gongkai: --event \(text): expected KIND@YYYY-MM-DD with KIND one of \(ClockEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
                throw Exit.unusable
            }
            parsed.append(event)
        }
        let engine = DeadlineEngine(calendar: try store.load(), settings: ClockSettings(feeTimeExcluded: feePause))
        let deadline: Deadline
        do {
            deadline = try engine.compute(received: received, channel: channel, events: parsed, today: today ?? Day.today(at: Date()))
        } catch {
            printError("gongkai: the history is impossible: \(error.description)")
            throw Exit.unusable
        }
        if json {
            print(ReportJSON.encode(deadline))
            return
        }
        print("status: \(deadline.status.rawValue)")
        if let due = deadline.due { print("due: \(due.iso) \(due.chineseWeekday)\(deadline.provisional ? " (provisional)" : "")") }
        print(
            "working days: \(deadline.usedWorkingDays) used of \(deadline.limit), \(deadline.remainingWorkingDays) left"
                + (deadline.overdue ? "; OVERDUE by \(deadline.overdueWorkingDays)" : ""))
        for step in deadline.steps {
            print(
                "  \(step.date.iso)  \(step.event.padding(toLength: 16, withPad: " ", startingAt: 0)) \(step.article.isEmpty ? "" : "[\(step.article)] ")\(step.text)"
            )
        }
        for warning in deadline.warnings { print("warning: \(warning.text)") }
    }

    static func parseEvent(_ text: String) -> ClockEvent? {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ClockEvent.Kind(rawValue: parts[0]) else { return nil }
        var dateText = parts[1]
        var days: Int?
        var until: Day?
        if kind == .extended, let plus = dateText.firstIndex(of: "+") {
            guard let n = Int(dateText[dateText.index(after: plus)...]) else { return nil }
            days = n
            dateText = String(dateText[..<plus])
        }
        if kind == .deferred, let colon = dateText.firstIndex(of: ":") {
            guard let day = Day(iso: String(dateText[dateText.index(after: colon)...])) else { return nil }
            until = day
            dateText = String(dateText[..<colon])
        }
        guard let date = Day(iso: dateText) else { return nil }
        return ClockEvent(kind, date, days: days, until: until)
    }
}

extension ReceiptChannel: ExpressibleByArgument {}

struct FeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee",
        abstract: "The information-processing fee (国办函〔2020〕109号), by one scale: per application or per page."
    )

    @Option(help: "One applicant's applications in one calendar month (the per-application scale).")
    var applicationsThisMonth: Int?

    @Option(help: "Pages provided in one application (the per-page scale).")
    var pages: Int?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        switch (applicationsThisMonth, pages) {
        case (nil, nil): throw ValidationError("give --applications-this-month N or --pages N")
        case (.some, .some): throw ValidationError("give one scale only: the two scales are never both charged on one application")
        case (let n?, nil) where n < 1: throw ValidationError("--applications-this-month must be at least 1, not \(n)")
        case (nil, let n?) where n < 1: throw ValidationError("--pages must be at least 1, not \(n)")
        default: break
        }
    }

    func run() throws {
        let charge = applicationsThisMonth.map { InformationProcessingFee.perApplication($0) } ?? InformationProcessingFee.perPage(pages ?? 1)
        if json {
            print(ReportJSON.encode(charge))
            return
        }
        let unit = charge.scale == .perApplication ? "applications" : "pages"
        print("total: \(charge.total) 元 for \(charge.quantity) \(unit)")
        for band in charge.bands {
            print("  \(band.from)–\(band.to): \(band.units) × \(band.price) 元 = \(band.subtotal) 元")
        }
        if let n = applicationsThisMonth {
            print("the \(n)th application alone: \(InformationProcessingFee.perApplication(ordinal: n).total) 元 (what its fee notice charges)")
        }
        print("basis: \(charge.basis)")
    }
}

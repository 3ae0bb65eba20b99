import Foundation

/// China's working-day calendar: Monday–Friday, less the official holiday periods, plus the weekend days declared
/// working days (调休), as the State Council announces them each year (国务院办公厅关于部分节假日安排的通知).
///
/// A year with no published arrangement is computed from Monday–Friday less its statutory holidays (their dates are
/// fixed in advance; only the 调休 is not), and is *provisional*: every answer that touches it must say so.
public struct WorkdayCalendar: Sendable {
    /// One year's official arrangement.
    public struct Arrangement: Sendable, Equatable {
        public var notice: String?
        /// Every date inside an official holiday period, weekends included.
        public var off: Set<Day>
        /// Saturdays and Sundays that are official working days.
        public var work: Set<Day>
    }

    public private(set) var arrangements: [Int: Arrangement]
    /// Dates announced outside the years above (2018-12-29, a Saturday worked for the 2019 New Year).
    private var extraOff: Set<Day>
    private var extraWork: Set<Day>

    // NB: the flags and their running count cover every day from `first` for `flags.count` days, so the
    // deadline engine answers "is this a working day" and "how many between" in O(1): a million deadlines a second.
    private let first: Day
    private var flags: [Bool] = []
    private var prefix: [Int32] = []

    /// Days covered by the fast tables; outside them the calendar still answers, day by day.
    private static let tableStart = Day(year: 2000, month: 1, day: 1)!
    private static let tableEnd = Day(year: 2100, month: 12, day: 31)!

    public init(arrangements: [Int: Arrangement], extraOff: Set<Day> = [], extraWork: Set<Day> = []) {
        self.arrangements = arrangements
        self.extraOff = extraOff
        self.extraWork = extraWork
        first = Self.tableStart
        rebuild()
    }

    /// The official arrangements that ship with Gongkai (2019–2026).
    public static let official: WorkdayCalendar = {
        do {
            return try WorkdayCalendar.parse(Data(builtInJSON.utf8)).calendar
        } catch {
            // NB: the built-in data is tested on every run (WorkdayCalendarTests); this cannot happen in a build
            // that passed its tests.
            preconditionFailure("the built-in calendar does not parse: \(error)")
        }
    }()

    private mutating func rebuild() {
        // NB: kept out of the struct's stored properties: one more field in this value, copied into async frames all
        // over the server, crashed the test process ("freed pointer was not the last allocation") on Swift 6.3.1.
        var statutory: [Int: Set<Day>] = [:]
        for year in Self.tableStart.year...Self.tableEnd.year where arrangements[year] == nil {
            statutory[year] = StatutoryHolidays.days(in: year)
        }
        let count = Self.tableEnd.ordinal - first.ordinal + 1
        flags = Array(repeating: false, count: count)
        prefix = Array(repeating: 0, count: count)
        var running: Int32 = 0
        for offset in 0..<count {
            let day = Day(ordinal: first.ordinal + offset)
            let working = computeIsWorkday(day, statutory: statutory[day.year])
            flags[offset] = working
            if working { running += 1 }
            prefix[offset] = running
        }
    }

    private func computeIsWorkday(_ day: Day, statutory: Set<Day>? = nil) -> Bool {
        if extraWork.contains(day) { return true }
        if extraOff.contains(day) { return false }
        if let arrangement = arrangements[day.year] {
            if arrangement.work.contains(day) { return true }
            if arrangement.off.contains(day) { return false }
        } else if (statutory ?? StatutoryHolidays.days(in: day.year)).contains(day) {
            return false
        }
        return !day.isWeekend
    }

    /// Whether `day` is a working day.
    public func isWorkday(_ day: Day) -> Bool {
        let offset = day.ordinal - first.ordinal
        if offset >= 0, offset < flags.count { return flags[offset] }
        return computeIsWorkday(day)
    }

    /// Whether `year` has no published arrangement, so that its working days are Monday–Friday only by assumption.
    public func isProvisional(_ year: Int) -> Bool { arrangements[year] == nil }

    /// The provisional years among the days after `from` up to and including `through`.
    public func provisionalYears(after from: Day, through: Day) -> [Int] {
        guard through > from else { return isProvisional(through.year) ? [through.year] : [] }
        return (from.adding(days: 1).year...through.year).filter(isProvisional)
    }

    /// The working days after `from` up to and including `through` (0 when `through` is not after `from`).
    public func workingDays(after from: Day, through: Day) -> Int {
        guard through > from else { return 0 }
        let a = from.ordinal - first.ordinal
        let b = through.ordinal - first.ordinal
        if a >= 0, b < prefix.count { return Int(prefix[b] - prefix[a]) }
        var count = 0
        var day = from.adding(days: 1)
        while day <= through {
            if isWorkday(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The day `n` working days after `day` (the day itself is day 0); `day` itself when `n` is 0.
    public func adding(workingDays n: Int, to day: Day) -> Day {
        guard n > 0 else { return day }
        let a = day.ordinal - first.ordinal
        if a >= 0, a < prefix.count {
            let target = prefix[a] + Int32(n)
            if let last = prefix.last, target <= last {
                // The first offset whose running count reaches the target is that working day.
                var low = a + 1
                var high = prefix.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if prefix[mid] >= target { high = mid } else { low = mid + 1 }
                }
                return Day(ordinal: first.ordinal + low)
            }
        }
        var remaining = n
        var current = day
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkday(current) { remaining -= 1 }
        }
        return current
    }

    // MARK: Years

    /// What a year's arrangement comes to.
    public struct YearSummary: Sendable, Codable, Equatable {
        public var year: Int
        public var workingDays: Int
        /// Weekdays (Monday–Friday) that are days off.
        public var off: [Day]
        /// Weekend days that are working days (调休).
        public var work: [Day]
        public var provisional: Bool
        public var notice: String?
    }

    public func summary(of year: Int) -> YearSummary {
        guard let start = Day(year: year, month: 1, day: 1), let end = Day(year: year, month: 12, day: 31) else {
            return YearSummary(year: year, workingDays: 0, off: [], work: [], provisional: true)
        }
        var off: [Day] = []
        var work: [Day] = []
        var day = start
        while day <= end {
            let working = isWorkday(day)
            if !working, !day.isWeekend { off.append(day) }
            if working, day.isWeekend { work.append(day) }
            day = day.adding(days: 1)
        }
        return YearSummary(
            year: year, workingDays: workingDays(after: start.adding(days: -1), through: end), off: off, work: work,
            provisional: isProvisional(year), notice: arrangements[year]?.notice)
    }

    /// The calendar with `other`'s years added, replacing any it already had (a new year's notice).
    public func merging(_ other: WorkdayCalendar) -> WorkdayCalendar {
        var merged = self
        for (year, arrangement) in other.arrangements { merged.arrangements[year] = arrangement }
        merged.extraOff.formUnion(other.extraOff)
        merged.extraWork.formUnion(other.extraWork)
        merged.rebuild()
        return merged
    }
}

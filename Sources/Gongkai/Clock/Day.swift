import Foundation

/// A calendar date in China (no time, no zone), as the law counts: 2026-09-28.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day `year`-`month`-`day`, or nil when there is no such date (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` strictly.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { parts.year }
    public var month: Int { parts.1 }
    public var dayOfMonth: Int { parts.2 }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((ordinal % 7 + 7) % 7 + 3) % 7 + 1 }

    public var isWeekend: Bool { weekday >= 6 }

    public var iso: String {
        let (y, m, d) = parts
        func digits(_ value: Int, _ count: Int) -> [UInt8] {
            var out = [UInt8](repeating: 0x30, count: count)
            var v = value
            for i in stride(from: count - 1, through: 0, by: -1) {
                out[i] = UInt8(0x30 + v % 10)
                v /= 10
            }
            return out
        }
        return String(decoding: digits(y, 4) + [0x2D] + digits(m, 2) + [0x2D] + digits(d, 2), as: UTF8.self)
    }

    public var description: String { iso }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The weekday in Chinese, for explanations: 星期一 … 星期日.
    public var chineseWeekday: String { ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][weekday - 1] }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "“\(text)” is not a date YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(iso)
    }
}

extension Day {
    /// 2008-05-01, the day the 条例 came into force (2007年《政府信息公开条例》第三十八条): no disclosure application,
    /// and no step of one, is older.
    public static let regulationsInForce = Day(ordinal: 14_000)

    /// 1949-10-01: the earliest 成文日期 of a document that can still be in force and so count in table 二.
    public static let earliestDocument = Day(ordinal: -7_397)

    /// 2100-12-31: the last day any date of Gongkai is taken for (the working-day tables end here too).
    public static let latestDate = Day(ordinal: 47_846)
}

extension Day {
    /// The day it is in China at the instant `now`: UTC+8 all year (no daylight saving since 1991), where the law's
    /// days are counted. The only "today" of Gongkai; the caller reads the wall clock and passes it in.
    public static func today(at now: Date) -> Day {
        let seconds = now.timeIntervalSince1970 + 8 * 3600
        // NB: an instant outside 1970 ± 10⁹ days is no real clock's; clamped rather than trapped on.
        let days = (seconds / 86_400).rounded(.down)
        return Day(ordinal: Int(max(-1e9, min(1e9, days.isNaN ? 0 : days))))
    }
}

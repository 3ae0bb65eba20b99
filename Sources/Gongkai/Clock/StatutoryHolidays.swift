import Foundation

/// The national statutory holidays of a year (《全国年节及纪念日放假办法》), for years whose arrangement is not
/// published yet: the days themselves are known in advance, only the 调休 around them is not. From 2025 (2024
/// revision): 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. From 2014 to 2024 (2013
/// revision): 春节 初一 to 初三 and 劳动节 1 day; from 2008 to 2013 (2007 revision): 春节 除夕 to 初二. Lunar dates come
/// from a table made with Foundation's Chinese calendar in China's time zone; 清明 from its solar term.
public enum StatutoryHolidays {
    /// The statutory holidays of `year`; empty before 2008 (not needed: the 条例 took effect on 2008-05-01).
    public static func days(in year: Int) -> Set<Day> {
        guard year >= 2008, year <= 2099 else { return [] }
        var days: Set<Day> = []
        func add(_ month: Int, _ day: Int) {
            if let date = Day(year: year, month: month, day: day) { days.insert(date) }
        }
        add(1, 1)
        let (newYear, duanwu, midAutumn) = lunarDays(year)
        if let newYear {
            let offsets = year >= 2025 ? -1...2 : year >= 2014 ? 0...2 : -1...1
            for offset in offsets { days.insert(newYear.adding(days: offset)) }
        }
        add(4, qingming(year))
        add(5, 1)
        if year >= 2025 { add(5, 2) }
        if let duanwu { days.insert(duanwu) }
        if let midAutumn { days.insert(midAutumn) }
        for day in 1...3 { add(10, day) }
        return days
    }

    /// The day of April that 清明 falls on in `year` (2000–2099): the solar-term formula ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋.
    static func qingming(_ year: Int) -> Int {
        let y = Double(year % 100)
        return Int((y * 0.2422 + 4.81).rounded(.down)) - Int((y / 4).rounded(.down))
    }

    /// 春节 (正月初一), 端午 (五月初五) and 中秋 (八月十五) of `year`, from the table below.
    static func lunarDays(_ year: Int) -> (newYear: Day?, duanwu: Day?, midAutumn: Day?) {
        let parts = (lunarTable[year] ?? "").split(separator: " ").map { part -> Day? in
            guard part.count == 4, let month = Int(part.prefix(2)), let day = Int(part.suffix(2)) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        guard parts.count == 3 else { return (nil, nil, nil) }
        return (parts[0], parts[1], parts[2])
    }

    // NB: a table, made once with Foundation's Chinese calendar (Asia/Shanghai) by `Scripts/lunar-table.swift`, rather
    // than converted at every start: that cost a third of a second (`gongkai calendar is-workday` 0.14 s → 0.49 s),
    // and converting through the Chinese calendar while the server's other work ran crashed the test process twice.
    /// MMDD of 春节, 端午 and 中秋 for each year.
    static let lunarTable: [Int: String] = [
        2008: "0207 0608 0914", 2009: "0126 0528 1003", 2010: "0214 0616 0922", 2011: "0203 0606 0912", 2012: "0123 0623 0930",
        2013: "0210 0612 0919", 2014: "0131 0602 0908", 2015: "0219 0620 0927", 2016: "0208 0609 0915", 2017: "0128 0530 1004",
        2018: "0216 0618 0924", 2019: "0205 0607 0913", 2020: "0125 0625 1001", 2021: "0212 0614 0921", 2022: "0201 0603 0910",
        2023: "0122 0622 0929", 2024: "0210 0610 0917", 2025: "0129 0531 1006", 2026: "0217 0619 0925", 2027: "0206 0609 0915",
        2028: "0126 0528 1003", 2029: "0213 0616 0922", 2030: "0203 0605 0912", 2031: "0123 0624 1001", 2032: "0211 0612 0919",
        2033: "0131 0601 0908", 2034: "0219 0620 0927", 2035: "0208 0610 0916", 2036: "0128 0530 1004", 2037: "0215 0618 0924",
        2038: "0204 0607 0913", 2039: "0124 0527 1002", 2040: "0212 0614 0920", 2041: "0201 0603 0910", 2042: "0122 0622 0928",
        2043: "0210 0611 0917", 2044: "0130 0531 1005", 2045: "0217 0619 0925", 2046: "0206 0608 0915", 2047: "0126 0529 1004",
        2048: "0214 0615 0922", 2049: "0202 0604 0911", 2050: "0123 0623 0930", 2051: "0211 0613 0919", 2052: "0201 0601 0907",
        2053: "0219 0620 0926", 2054: "0208 0610 0916", 2055: "0128 0530 1005", 2056: "0215 0617 0924", 2057: "0204 0606 0913",
        2058: "0124 0625 1002", 2059: "0212 0614 0921", 2060: "0202 0603 0909", 2061: "0121 0622 0928", 2062: "0209 0611 0917",
        2063: "0129 0601 1006", 2064: "0217 0619 0925", 2065: "0205 0608 0915", 2066: "0126 0528 1003", 2067: "0214 0616 0923",
        2068: "0203 0604 0911", 2069: "0123 0623 0929", 2070: "0211 0613 0919", 2071: "0131 0602 0908", 2072: "0219 0620 0926",
        2073: "0207 0610 0916", 2074: "0127 0530 1005", 2075: "0215 0617 0924", 2076: "0205 0606 0912", 2077: "0124 0624 1001",
        2078: "0212 0614 0920", 2079: "0202 0604 0910", 2080: "0122 0622 0928", 2081: "0209 0611 0917", 2082: "0129 0601 1006",
        2083: "0217 0619 0926", 2084: "0206 0607 0914", 2085: "0126 0527 1003", 2086: "0214 0615 0922", 2087: "0203 0605 0911",
        2088: "0124 0623 0929", 2089: "0210 0613 0918", 2090: "0130 0602 0908", 2091: "0218 0621 0927", 2092: "0207 0609 0916",
        2093: "0127 0529 1005", 2094: "0215 0617 0924", 2095: "0205 0606 0913", 2096: "0125 0624 0930", 2097: "0212 0614 0920",
        2098: "0201 0604 0909", 2099: "0121 0623 0929",
    ]

}

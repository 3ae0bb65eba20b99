import Foundation

/// Why a calendar file was refused: the line, and what is wrong there.
public struct CalendarFileError: Error, Equatable, CustomStringConvertible {
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    public var problem: String

    public var description: String {
        line.map { "line \($0): \(problem)" } ?? problem
    }
}

extension WorkdayCalendar {
    /// A calendar file: `{"years": {"2027": {"notice": "…", "off": ["2027-01-01", …], "work": […], "working_days": N}}}`,
    /// the shape of the built-in data, optionally with `outside_range` dates.
    public static func parse(_ data: Data) throws(CalendarFileError) -> (calendar: WorkdayCalendar, years: [Int]) {
        let text = String(decoding: data, as: UTF8.self)
        func line(of needle: String) -> Int? {
            guard let range = text.range(of: needle) else { return nil }
            return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            var lineNumber: Int?
            if let offset = detail.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .punctuationCharacters)) }) {
                lineNumber = data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            }
            throw CalendarFileError(line: lineNumber, problem: "not valid JSON (\(detail))")
        }
        guard let root = object as? [String: Any] else {
            throw CalendarFileError(line: 1, problem: "the file must be a JSON object with \"years\"")
        }
        guard let years = root["years"] as? [String: Any] else {
            throw CalendarFileError(
                line: line(of: "\"years\""), problem: "there is no \"years\" object mapping each year to its \"off\" and \"work\" dates")
        }
        var arrangements: [Int: Arrangement] = [:]
        for (key, value) in years {
            let at = line(of: "\"\(key)\"")
            guard key.count == 4, let year = Int(key), (2000...2100).contains(year) else {
                throw CalendarFileError(line: at, problem: "“\(key)” is not a year from 2000 to 2100")
            }
            guard let entry = value as? [String: Any] else {
                throw CalendarFileError(line: at, problem: "year \(year) must be an object with \"off\" and \"work\"")
            }
            func dates(_ field: String) throws(CalendarFileError) -> Set<Day> {
                guard let list = entry[field] as? [Any] else {
                    throw CalendarFileError(line: at, problem: "year \(year) has no \"\(field)\" list of dates")
                }
                var days: Set<Day> = []
                for item in list {
                    guard let string = item as? String, let day = Day(iso: string) else {
                        throw CalendarFileError(
                            line: (item as? String).flatMap { line(of: "\"\($0)\"") } ?? at,
                            problem: "“\(item)” in the \"\(field)\" dates of \(year) is not a date YYYY-MM-DD")
                    }
                    guard day.year == year else {
                        throw CalendarFileError(
                            line: line(of: "\"\(string)\""), problem: "\(string) is filed under \(year); each date belongs under its own year")
                    }
                    days.insert(day)
                }
                return days
            }
            let off = try dates("off")
            let work = try dates("work")
            for day in work where !day.isWeekend {
                throw CalendarFileError(
                    line: line(of: "\"\(day.iso)\""),
                    problem: "\(day.iso) is a \(day.chineseWeekday); \"work\" lists only Saturdays and Sundays declared working days")
            }
            if let both = off.intersection(work).min() {
                throw CalendarFileError(line: line(of: "\"\(both.iso)\""), problem: "\(both.iso) is listed both as a day off and as a working day")
            }
            arrangements[year] = Arrangement(notice: entry["notice"] as? String, off: off, work: work)
            if let stated = entry["working_days"] as? Int {
                let calendar = WorkdayCalendar(arrangements: [year: arrangements[year]!])
                let counted = calendar.summary(of: year).workingDays
                if counted != stated {
                    throw CalendarFileError(
                        line: line(of: "\"working_days\": \(stated)") ?? at,
                        problem: "working_days of \(year) says \(stated), but its dates give \(counted) working days")
                }
            }
        }
        var extraOff: Set<Day> = []
        var extraWork: Set<Day> = []
        if let outside = root["outside_range"] as? [String: Any] {
            for (key, value) in outside {
                guard let day = Day(iso: key), let kind = value as? String else {
                    throw CalendarFileError(line: line(of: "\"\(key)\""), problem: "“\(key)” in outside_range is not a date with \"work\" or \"off\"")
                }
                if kind.hasPrefix("work") {
                    extraWork.insert(day)
                } else if kind.hasPrefix("off") {
                    extraOff.insert(day)
                } else {
                    throw CalendarFileError(line: line(of: "\"\(key)\""), problem: "outside_range \(key) must say \"work\" or \"off\"")
                }
            }
        }
        guard !arrangements.isEmpty else {
            throw CalendarFileError(line: line(of: "\"years\""), problem: "\"years\" holds no year")
        }
        return (WorkdayCalendar(arrangements: arrangements, extraOff: extraOff, extraWork: extraWork), arrangements.keys.sorted())
    }

    /// The calendar in the file shape `parse` reads, for storing imported years.
    public func fileJSON(years: [Int]) -> String {
        var object: [String: Any] = [:]
        var entries: [String: Any] = [:]
        for year in years {
            guard let arrangement = arrangements[year] else { continue }
            var entry: [String: Any] = [
                "off": arrangement.off.sorted().map(\.iso),
                "work": arrangement.work.sorted().map(\.iso),
                "working_days": summary(of: year).workingDays,
            ]
            if let notice = arrangement.notice { entry["notice"] = notice }
            entries[String(year)] = entry
        }
        object["years"] = entries
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

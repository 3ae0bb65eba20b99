// Prints the table StatutoryHolidays.lunarTable holds: MMDD of 春节 (正月初一), 端午 (五月初五) and 中秋 (八月十五)
// for 2008–2099, from Foundation's Chinese calendar in Asia/Shanghai. Run: swift Scripts/lunar-table.swift
import Foundation

var chinese = Calendar(identifier: .chinese)
chinese.timeZone = TimeZone(identifier: "Asia/Shanghai")!
var greg = Calendar(identifier: .gregorian)
greg.timeZone = TimeZone(identifier: "Asia/Shanghai")!
func find(_ year: Int, _ m: Int, _ d: Int, _ from: (Int, Int), _ to: (Int, Int)) -> String {
    var date = greg.date(from: DateComponents(year: year, month: from.0, day: from.1, hour: 12))!
    let end = greg.date(from: DateComponents(year: year, month: to.0, day: to.1, hour: 12))!
    while date <= end {
        let p = chinese.dateComponents([.month, .day], from: date)
        if p.month == m, p.day == d, p.isLeapMonth != true {
            let g = greg.dateComponents([.month, .day], from: date)
            return String(format: "%02d%02d", g.month!, g.day!)
        }
        date = greg.date(byAdding: .day, value: 1, to: date)!
    }
    return "????"
}
var out: [String] = []
for y in 2008...2099 { out.append("\(y): \"\(find(y,1,1,(1,19),(2,22))) \(find(y,5,5,(5,26),(6,26))) \(find(y,8,15,(9,6),(10,9)))\"") }
print(out.joined(separator: ", "))

import Foundation

/// What a checker finding says, as a typed value: the numbers it compared. `message` is the English the command line
/// and the JSON carry (`docs/report-json.md`); the server says the same in the reader's language.
public enum CheckProblem: Sendable, Equatable {
    /// A count below zero.
    case negative
    /// 一 + 二 ≠ 三（七）+ 四.
    case balance(new: Int, carriedIn: Int, total: Int, carriedOut: Int)
    /// （七）总计 ≠ the sum of the result rows.
    case resultsTotal(total: Int, sum: Int)
    /// A row's 总计 ≠ its six applicant columns.
    case rowTotal(total: Int, sum: Int)
    /// 表四: a group's 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结 (`parts` in that order).
    case groupTotal(total: Int, parts: [Int])
    /// 2019 format: 本年新公开数量 above 对外公开总数量.
    case publishedAboveTotal(published: Int, total: Int)
    /// The tables are in another format than the year's.
    case formatYear(year: Int, expected: ReportFormat, actual: ReportFormat)
    /// The previous report given is not on the year before.
    case previousNotLastYear(previous: Int, year: Int)
    /// Last year's 结转下年度 ≠ this year's 上年结转.
    case carryOver(carried: Int, brought: Int)
    /// 现行有效件数 ≠ last year's + 本年制发件数 − 本年废止件数.
    case inForce(lastYear: Int, issued: Int, repealed: Int, printed: Int)
    /// A rule not checkable because some of its cells are blank (a blank is not a zero).
    case blank(BlankRule, cells: [String])
    /// The text of section `section` (0: the preamble) still holds a template's placeholder (「（请填写）」): the report
    /// says nothing there yet.
    case placeholder(section: Int, text: String)

    /// The rule a blank cell keeps from being checked, with the column, row or group it was checked for.
    public enum BlankRule: Sendable, Equatable {
        case balance(column: String)
        case resultsTotal(column: String)
        case rowTotal(row: String)
        case groupTotal(group: String)

        public var english: String {
            switch self {
            case .balance(let column): "一 + 二 = 三（七）+ 四 for \(column)"
            case .resultsTotal(let column): "（七）总计 = the sum of the results for \(column)"
            case .rowTotal(let row): "总计 = 自然人 + 法人或其他组织 in \(row)"
            case .groupTotal(let group): "总计 = 维持 + 纠正 + 其他 + 尚未审结 for \(group)"
            }
        }
    }

    public var message: String {
        switch self {
        case .negative:
            return "a count cannot be negative"
        case .balance(let a, let b, let t, let c):
            return "一 + 二 = \(a) + \(b) = \(a + b), but 三（七）+ 四 = \(t) + \(c) = \(t + c) (a difference of \(abs(a + b - t - c)))"
        case .resultsTotal(let t, let sum):
            return "（七）总计 is \(t) but the result rows add up to \(sum) (a difference of \(abs(t - sum)))"
        case .rowTotal(let t, let sum):
            return "总计 is \(t) but 自然人 and the five 法人或其他组织 columns add up to \(sum) (a difference of \(abs(t - sum)))"
        case .groupTotal(let total, let parts):
            let sum = parts.reduce(0, +)
            return
                "总计 is \(total) but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = \(parts.map(String.init).joined(separator: " + ")) = \(sum) (a difference of \(abs(total - sum)))"
        case .publishedAboveTotal(let published, let total):
            return "本年新公开数量 (\(published)) is above 对外公开总数量 (\(total))"
        case .formatYear(let year, let expected, let actual):
            return "a report on \(year) should use the \(expected.rawValue) format, but its tables are in the \(actual.rawValue) format"
        case .previousNotLastYear(let previous, let year):
            return "the previous report is on \(previous), not on \(year - 1); the cross-year checks compare them anyway"
        case .carryOver(let carried, let brought):
            return "last year's 结转下年度继续办理 was \(carried) but this year's 上年结转 is \(brought)"
        case .inForce(let last, let issued, let repealed, let printed):
            return
                "last year's 现行有效件数 \(last) + 本年制发件数 \(issued) − 本年废止件数 \(repealed) = \(last + issued - repealed), but \(printed) is printed"
        case .blank(let rule, let cells):
            return "cannot check \(rule.english): blank cells (a blank is not a zero): \(cells.joined(separator: "; "))"
        case .placeholder(let section, let text):
            return "\(section == 0 ? "the preamble" : "section \(section)") still holds the placeholder “\(text)”: write what it asks for"
        }
    }
}

import Gongkai

// The report checker's findings and a register file's problems in the reader's language. The checker's English is
// its own (the JSON's `message`); its Chinese is here. A register file's Chinese is the domain's, its English here.

extension CheckProblem {
    /// The finding in the reader's language; the English is the checker's own.
    func text(_ language: Language) -> String {
        guard language == .zh else { return message }
        switch self {
        case .negative:
            return "数量不能为负数"
        case .balance(let a, let b, let t, let c):
            return "一 + 二 = \(a) + \(b) = \(a + b)，但三（七）+ 四 = \(t) + \(c) = \(t + c)（相差\(abs(a + b - t - c))）"
        case .resultsTotal(let t, let sum):
            return "（七）总计为\(t)，但各项办理结果之和为\(sum)（相差\(abs(t - sum))）"
        case .rowTotal(let t, let sum):
            return "总计为\(t)，但自然人与五类法人或其他组织之和为\(sum)（相差\(abs(t - sum))）"
        case .groupTotal(let total, let parts):
            let sum = parts.reduce(0, +)
            return "总计为\(total)，但结果维持 + 结果纠正 + 其他结果 + 尚未审结 = \(parts.map(String.init).joined(separator: " + ")) = \(sum)（相差\(abs(total - sum))）"
        case .publishedAboveTotal(let published, let total):
            return "本年新公开数量（\(published)）大于对外公开总数量（\(total)）"
        case .formatYear(let year, let expected, let actual):
            return "\(year)年度报告应使用\(expected.rawValue)年格式，但其表格为\(actual.rawValue)年格式"
        case .previousNotLastYear(let previous, let year):
            return "所给上一份报告为\(previous)年度，而非\(year - 1)年度；仍按其作跨年度核对"
        case .carryOver(let carried, let brought):
            return "上年度“结转下年度继续办理”为\(carried)，但本年度“上年结转”为\(brought)"
        case .inForce(let last, let issued, let repealed, let printed):
            return "上年度现行有效件数\(last) + 本年制发件数\(issued) − 本年废止件数\(repealed) = \(last + issued - repealed)，但报告为\(printed)"
        case .blank(let rule, let cells):
            let what =
                switch rule {
                case .balance(let column): "\(column)的“一 + 二 = 三（七）+ 四”"
                case .resultsTotal(let column): "\(column)的“（七）总计 = 各项办理结果之和”"
                case .rowTotal(let row): "\(row)的“总计 = 自然人 + 法人或其他组织”"
                case .groupTotal(let group): "\(group)的“总计 = 维持 + 纠正 + 其他 + 尚未审结”"
                }
            return "无法核对\(what)：有空白单元格（空白不等于零）：\(cells.joined(separator: "；"))"
        case .placeholder(let section, let text):
            let part = (1...6).contains(section) ? "第\(ReportSectionTitle.numerals[section - 1])部分" : "导语"
            return "\(part)仍是模板的占位文字“\(text)”，请写明实际情况"
        }
    }
}

extension Redaction.Problem {
    var said: Said {
        switch self {
        case .noGround(let line): UIText.redactionNoGround.said(line)
        case .unknownGround(let line, let named): UIText.redactionUnknownGround.said(line, named)
        case .notInText(let passage): UIText.redactionNotInText.said(passage)
        }
    }
}

extension ReportReadError {
    /// Why the input is no report, in both languages.
    var said: Said {
        switch self {
        case .empty: UIText.readEmpty.said()
        case .binary(let offset): UIText.readBinary.said(offset)
        case .undecodable: UIText.readUndecodable.said()
        case .notAReport: UIText.readNotAReport.said()
        case .invalidJSON(let why): UIText.readInvalidJSON.said(why)
        }
    }
}

extension Finding.Severity {
    var label: UIText {
        switch self {
        case .error: .severityError
        case .warning: .severityWarning
        case .info: .severityInfo
        }
    }
}

extension Finding {
    /// The cell (or rule) and what was found there, in the reader's language.
    func text(_ language: Language) -> String {
        let said = problem?.text(language) ?? message
        return language == .en ? "\(cell ?? rule): \(said)" : "\(cell ?? rule)：\(said)"
    }
}

extension RegisterCSVProblem {
    func text(_ language: Language) -> String {
        guard language == .en else { return message }
        let header = "year,kind,previous_count,change,decisions,count,amount (or in Chinese: \(RegisterCSV.header))"
        return switch self {
        case .empty: "the file is empty; its first line should be the header \(header)"
        case .header: "the first line should be the header \(header)"
        case .columns(let count): "7 columns are expected, this line has \(count)"
        case .year(let cell): "the year “\(cell)” is not a valid year"
        case .kind(let cell):
            "the kind “\(cell)” is not a register of table 二 (\(ReportFacts.RegisterKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .count(let field, let cell, let signed): "\(field.english) “\(cell)” should be a whole number\(signed ? "" : " not below zero")"
        case .amount(let cell): "the amount “\(cell)” should be a number not below zero, in 10,000 yuan (万元), such as 288.829"
        case .duplicate(let earlier): "repeats line \(earlier) (one line per year and kind)"
        }
    }
}

extension RegisterCSVField {
    var english: String {
        switch self {
        case .previousCount: "the previous year's count (上一年项目数量)"
        case .change: "the change this year (本年增减)"
        case .decisions: "the decisions (处理决定数量)"
        case .count: "the count (数量)"
        }
    }
}

extension RegisterCSVError.Line {
    /// The line's problems in the reader's language.
    func text(_ language: Language) -> String {
        problems.map { $0.text(language) }.joined(separator: language == .en ? "; " : "；")
    }
}

import Foundation

/// Personal data in text about to be published (个人信息保护法; the website indicators penalise it): 居民身份证号码 that
/// pass the GB 11643 check, mobile numbers, bank card numbers that pass Luhn, and household addresses next to a name —
/// each found where it is and masked as 公示 lists mask them (「110105********002X」, 「139****5678」).
///
/// Numbers are found as whole runs of ASCII letters and digits, so a run inside a longer code is not a number of its
/// own: the 11 digits inside 统一社会信用代码 or a 索引号 such as 11500106009208537T are no phone, a 文号 「〔2019〕12号」 or
/// a date or an amount is no address or card.
public enum PersonalData {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case residentID = "resident-id"
        case mobile
        case bankCard = "bank-card"
        case address
    }

    /// One piece of personal data: what it is, where (line and column, from 1, in characters), and how it is masked.
    public struct Finding: Sendable, Equatable {
        public var kind: Kind
        public var line: Int
        public var column: Int
        /// The characters found, as offsets into the text's characters.
        public var range: Range<Int>
        public var masked: String
    }

    /// Every piece of personal data in `text`, in order.
    public static func scan(_ text: String) -> [Finding] {
        let chars = Array(text)
        var found: [Finding] = []
        var lineStarts = [0]
        // NB: a browser sends a textarea's line ends as CRLF, which Swift reads as one Character.
        for (index, c) in chars.enumerated() where c.isNewline { lineStarts.append(index + 1) }
        func place(_ offset: Int) -> (Int, Int) {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }
        func add(_ kind: Kind, _ range: Range<Int>, _ masked: String) {
            let (line, column) = place(range.lowerBound)
            found.append(Finding(kind: kind, line: line, column: column, range: range, masked: masked))
        }

        // Runs of ASCII letters and digits: the numbers.
        var runs: [Range<Int>] = []
        var start: Int?
        for index in 0...chars.count {
            let inRun = index < chars.count && chars[index].isASCII && (chars[index].isLetter || chars[index].isNumber)
            if inRun, start == nil { start = index }
            if !inRun, let s = start {
                runs.append(s..<index)
                start = nil
            }
        }
        var taken = Set<Int>()
        for (n, run) in runs.enumerated() where !taken.contains(n) {
            let token = String(chars[run])
            if let masked = residentID(token) {
                add(.residentID, run, masked)
            } else if let masked = mobile(token) {
                add(.mobile, run, masked)
            } else if let masked = bankCard(token) {
                add(.bankCard, run, masked)
            } else if token.count == 3, n + 2 < runs.count, runs[n + 1].lowerBound == run.upperBound + 1,
                runs[n + 2].lowerBound == runs[n + 1].upperBound + 1, [" ", "-"].contains(chars[run.upperBound]),
                chars[runs[n + 1].upperBound] == chars[run.upperBound]
            {
                // 139-1234-5678, 139 1234 5678.
                let whole = run.lowerBound..<runs[n + 2].upperBound
                let digits = token + String(chars[runs[n + 1]]) + String(chars[runs[n + 2]])
                if runs[n + 1].count == 4, runs[n + 2].count == 4, let masked = mobile(digits) {
                    let separator = chars[run.upperBound]
                    add(.mobile, whole, String(masked.prefix(3)) + String(separator) + "****" + String(separator) + String(masked.suffix(4)))
                    taken.formUnion([n + 1, n + 2])
                }
            }
        }
        found += addresses(chars, place: place)
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `text` with every finding masked.
    public static func masked(_ text: String) -> String { mask(text, scan(text)) }

    /// `text` with `findings` (from `scan` of this text) masked.
    public static func mask(_ text: String, _ findings: [Finding]) -> String {
        var chars = Array(text)
        for finding in findings.sorted(by: { $0.range.lowerBound > $1.range.lowerBound })
        where finding.range.upperBound <= chars.count {
            chars.replaceSubrange(finding.range, with: Array(finding.masked))
        }
        return String(chars)
    }

    // MARK: The kinds

    static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// An 18-character resident identity number: a region, a real birth date, GB 11643's check character.
    static func residentID(_ token: String) -> String? {
        let c = Array(token.uppercased())
        guard c.count == 18, c.prefix(17).allSatisfy(\.isNumber), c[17].isNumber || c[17] == "X", c[0] != "0" else { return nil }
        let birth = String(c[6..<14])
        guard let day = Day(iso: "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"), day.year >= 1900,
            IdentityDocument.residentIDCheckCharacter(String(c.prefix(17))) == c[17]
        else { return nil }
        return String(c.prefix(6)) + String(repeating: "*", count: 8) + String(c.suffix(4))
    }

    /// A mainland mobile number: 11 digits from 13 to 19, or with 86 before them.
    static func mobile(_ token: String) -> String? {
        var digits = Array(token)
        if digits.count == 13, digits.starts(with: ["8", "6"]) { digits.removeFirst(2) }
        guard digits.count == 11, digits.allSatisfy(\.isNumber), digits[0] == "1", ("3"..."9").contains(digits[1]) else { return nil }
        let prefix = token.count == 13 ? "86" : ""
        return prefix + String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    /// A bank card: 16 to 19 digits starting as card schemes do (3, 4, 5, 6), passing Luhn.
    static func bankCard(_ token: String) -> String? {
        let digits = token.compactMap(\.wholeNumberValue)
        guard (16...19).contains(token.count), digits.count == token.count, (3...6).contains(digits[0]) else { return nil }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            let value = index % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        guard sum % 10 == 0 else { return nil }
        return String(token.prefix(4)) + String(repeating: "*", count: token.count - 8) + String(token.suffix(4))
    }

    // MARK: Addresses

    /// Where a street or a community ends and its numbers begin.
    static let placeEnds: Set<Character> = ["路", "街", "巷", "弄", "村", "组", "区", "苑", "园", "里"]
    /// What makes an address a household's: a building, a unit, a room.
    static let householdMarks: Set<Character> = ["栋", "幢", "单", "室", "户"]
    static let surnames: Set<Character> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")

    /// A household address — a place name, then a number with 号 and a building, unit or room — with a person's name
    /// (a common surname and one or two more characters, or a masked one such as 吴*德) shortly before it on its line.
    /// Its digits are masked.
    static func addresses(_ chars: [Character], place: (Int) -> (Int, Int)) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index < chars.count {
            guard placeEnds.contains(chars[index]), index + 1 < chars.count, chars[index + 1].isNumber else {
                index += 1
                continue
            }
            // The numbers after the place: digits, 号, 栋, 单元, 室, -, 附.
            var end = index + 1
            var household = false
            var hasNumberSign = false
            while end < chars.count {
                let c = chars[end]
                if c.isASCII && c.isNumber || c == "-" || c == "附" || c == "号" || c == "楼" || c == "元" || householdMarks.contains(c) {
                    if c == "号" { hasNumberSign = true }
                    if householdMarks.contains(c) { household = true }
                    if c == "-", end + 1 < chars.count, chars[end + 1].isNumber, hasNumberSign { household = true }
                    end += 1
                } else {
                    break
                }
            }
            defer { index = max(end, index + 1) }
            guard household, hasNumberSign || chars[index + 1..<end].contains(where: householdMarks.contains) else { continue }
            // A name within the 20 characters before the place, on the same line.
            let lineStart = chars[..<index].lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
            let window = chars[max(lineStart, index - 20)..<index]
            guard hasName(window) else { continue }
            let range = (index + 1)..<end
            let masked = String(chars[range].map { $0.isNumber ? "*" : $0 })
            let (line, column) = place(range.lowerBound)
            found.append(Finding(kind: .address, line: line, column: column, range: range, masked: masked))
        }
        return found
    }

    /// Whether `window` holds a name as 公示 lists print them: a surname, then one or two Han characters or a `*`,
    /// standing alone between separators.
    static func hasName(_ window: ArraySlice<Character>) -> Bool {
        let separators: Set<Character> = ["，", ",", "、", " ", "\t", "|", "：", ":", "；", ";", "（", "(", "）", ")"]
        var tokens: [[Character]] = [[]]
        for c in window {
            if separators.contains(c) { tokens.append([]) } else { tokens[tokens.count - 1].append(c) }
        }
        return tokens.contains { token in
            guard (2...3).contains(token.count), let first = token.first, surnames.contains(first) else { return false }
            return token.dropFirst().allSatisfy { $0 == "*" || $0 == "＊" || ("\u{4E00}"..."\u{9FFF}").contains($0) }
        }
    }
}

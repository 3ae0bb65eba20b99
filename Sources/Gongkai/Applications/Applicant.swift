import Foundation

/// Who applies, exactly as table 三 of the annual report counts them (申请人情况).
public enum ApplicantType: String, Sendable, Codable, CaseIterable {
    case naturalPerson = "natural-person"
    case commercialEnterprise = "commercial-enterprise"
    case researchInstitution = "research-institution"
    case publicInterestOrganisation = "public-interest-organisation"
    case legalServiceInstitution = "legal-service-institution"
    case otherOrganisation = "other-organisation"

    /// The column of table 三 (0 自然人 … 5 其他), as `Table3Column.labels` names them.
    public var column: Int { Self.allCases.firstIndex(of: self)! }

    public var label: String {
        self == .naturalPerson ? "自然人" : "法人或其他组织·" + Table3Column.labels[column]
    }

    public var isNaturalPerson: Bool { self == .naturalPerson }
}

/// An identity document, and whether its number is well formed (with its check character where it has one).
public enum IdentityDocument: String, Sendable, Codable, CaseIterable {
    /// 居民身份证, GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.
    case residentIDCard = "resident-id"
    /// 统一社会信用代码, GB 32100: 18 characters with a MOD 31 check character.
    case creditCode = "credit-code"
    case passport
    /// 港澳居民来往内地通行证 / 台湾居民来往大陆通行证.
    case travelPermit = "travel-permit"
    /// 外国人永久居留身份证.
    case foreignPermanentResident = "foreign-permanent-resident"
    case other

    public var label: String {
        switch self {
        case .residentIDCard: "居民身份证"
        case .creditCode: "统一社会信用代码证"
        case .passport: "护照"
        case .travelPermit: "港澳台居民通行证"
        case .foreignPermanentResident: "外国人永久居留身份证"
        case .other: "其他有效身份证件"
        }
    }

    /// The documents a natural person shows; an organisation shows its credit code or another document.
    public static func allowed(for type: ApplicantType) -> [IdentityDocument] {
        type.isNaturalPerson ? [.residentIDCard, .passport, .travelPermit, .foreignPermanentResident, .other] : [.creditCode, .other]
    }

    /// The number as stored: trimmed, upper-cased.
    public static func normalized(_ number: String) -> String {
        number.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// What is wrong with `number` for this document; nil when it is well formed.
    public func problem(with number: String) -> IdentityNumberProblem? {
        let n = Self.normalized(number)
        if n.isEmpty { return .empty }
        switch self {
        case .residentIDCard: return Self.residentIDProblem(n)
        case .creditCode: return Self.creditCodeProblem(n)
        default:
            return n.count > 40 || n.unicodeScalars.contains(where: { $0.properties.isWhitespace }) ? .malformed : nil
        }
    }

    static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let idCheck = Array("10X98765432")

    /// The GB 11643 check character of a resident identity number's first 17 characters; nil unless they are digits.
    public static func residentIDCheckCharacter(_ first: String) -> Character? {
        let digits = first.compactMap(\.wholeNumberValue)
        guard first.count == 17, digits.count == 17 else { return nil }
        return idCheck[zip(digits, idWeights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    static func residentIDProblem(_ n: String) -> IdentityNumberProblem? {
        let chars = Array(n)
        guard chars.count == 18 else { return .length(.residentIDCard, chars.count) }
        let digits = chars.prefix(17).compactMap { $0.wholeNumberValue }
        guard digits.count == 17, chars[17].isNumber || chars[17] == "X" else { return .idCharacters }
        let birth = String(chars[6..<14])
        guard let day = Day(iso: "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"), day.year >= 1900 else {
            return .birthDate(birth)
        }
        guard residentIDCheckCharacter(String(chars.prefix(17))) == chars[17] else { return .checkCharacter(.residentIDCard) }
        return nil
    }

    static let creditCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    static func creditCodeProblem(_ n: String) -> IdentityNumberProblem? {
        let chars = Array(n)
        guard chars.count == 18 else { return .length(.creditCode, chars.count) }
        let values = chars.compactMap { creditCharacters.firstIndex(of: $0) }
        guard values.count == 18 else { return .creditCharacters }
        let sum = zip(values.prefix(17), creditWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        guard values[17] == check else { return .checkCharacter(.creditCode) }
        return nil
    }
}

/// What is wrong with an identity document's number.
public enum IdentityNumberProblem: Sendable, Equatable {
    case empty
    /// Too long, or with spaces inside (documents without a check character).
    case malformed
    /// 18 characters are required; the number has `count`.
    case length(IdentityDocument, Int)
    /// 居民身份证: 17 digits, then a digit or X.
    case idCharacters
    /// 居民身份证: the birth date inside (YYYYMMDD) is no date.
    case birthDate(String)
    /// 统一社会信用代码 uses no I, O, Z, S, V.
    case creditCharacters
    case checkCharacter(IdentityDocument)

    /// What the form says, in Chinese.
    public var message: String {
        switch self {
        case .empty: "请填写证件号码"
        case .malformed: "证件号码格式不正确"
        case .length(let document, let count): "\(document == .creditCode ? "统一社会信用代码" : "居民身份证号码")应为18位（现为\(count)位）"
        case .idCharacters: "居民身份证号码前17位应为数字，末位为数字或X"
        case .birthDate(let birth): "居民身份证号码中的出生日期\(birth)不是有效日期"
        case .creditCharacters: "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）"
        case .checkCharacter(let document):
            document == .creditCode ? "统一社会信用代码校验位不符（GB 32100），请核对" : "居民身份证号码校验位不符（GB 11643），请核对"
        }
    }
}

/// How applicants' details show in staff lists: enough to tell them apart, not enough to copy.
public enum Masking {
    /// `110105********002X`: the first four and last four characters.
    public static func identity(_ number: String) -> String {
        let chars = Array(number)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }

    /// `张**`: the first character of a name.
    public static func name(_ name: String) -> String { String(name.prefix(1)) + "**" }

    /// `138****5678`.
    public static func phone(_ number: String) -> String {
        let chars = Array(number.filter { !$0.isWhitespace })
        guard chars.count > 7 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 7) + String(chars.suffix(4))
    }
}

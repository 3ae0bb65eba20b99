/// A case of an enumeration stored and sent in forms by a code of its own.
public protocol Coded: CaseIterable {
    var code: String { get }
}

extension Coded {
    public init?(code: String) {
        guard let found = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = found
    }
}

/// Reconsiderations and lawsuits over an answer (table 四 of the annual report), as staff record them.
extension ReportFacts.ReviewCase.Kind: Coded {
    /// How the kind is stored and sent in forms.
    public var code: String {
        switch self {
        case .reconsideration: "reconsideration"
        case .litigationDirect: "litigation-direct"
        case .litigationAfterReconsideration: "litigation-after-reconsideration"
        }
    }

    public var label: String {
        switch self {
        case .reconsideration: "行政复议"
        case .litigationDirect: "行政诉讼（未经复议直接起诉）"
        case .litigationAfterReconsideration: "行政诉讼（复议后起诉）"
        }
    }
}

extension ReportFacts.ReviewCase.Result: Coded {
    /// How the result is stored and sent in forms.
    public var code: String {
        switch self {
        case .upheld: "upheld"
        case .corrected: "corrected"
        case .other: "other"
        case .pending: "pending"
        }
    }

    public var label: String {
        switch self {
        case .upheld: "结果维持"
        case .corrected: "结果纠正"
        case .other: "其他结果"
        case .pending: "尚未审结"
        }
    }

    /// The results a case can be decided with.
    public static let decisions: [Self] = [.upheld, .corrected, .other]
}

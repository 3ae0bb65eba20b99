import Foundation

/// What an application asks: information disclosed (第二十七条), or a record about the applicant corrected
/// (第四十一条). Stored as its raw value. Only disclosure applications are counted in the annual report's table 三 and
/// in the fee scales' monthly count.
public enum ApplicationKind: String, Sendable, Codable, CaseIterable {
    case disclosure
    /// 第四十一条: the applicant has evidence that a record the agency provided about them is inaccurate.
    case correction

    public var label: String {
        switch self {
        case .disclosure: "政府信息公开申请"
        case .correction: "更正本人相关政府信息记录的申请（第四十一条）"
        }
    }
}

/// The answers of 第四十一条 to a request to correct one's own records.
public enum CorrectionResult: String, Sendable, Codable, CaseIterable {
    /// 审核属实，予以更正.
    case corrected
    /// Not this agency's to correct: forwarded to the agency that may, the applicant told.
    case forwarded
    /// Not this agency's to correct: the applicant told which agency to ask.
    case redirected
    /// Not found inaccurate: not corrected, with the reason.
    case notCorrected = "not-corrected"

    public var label: String {
        switch self {
        case .corrected: "经审核属实，予以更正"
        case .forwarded: "不属于本机关职能范围，转送有权更正的行政机关处理"
        case .redirected: "不属于本机关职能范围，告知向有权更正的行政机关提出"
        case .notCorrected: "经审核，不予更正"
        }
    }

    /// The sentence of the answer that decides.
    public var decision: String {
        switch self {
        case .corrected: "经审核，您提供的证据能够证明相关政府信息记录不准确，本机关已予以更正。"
        case .forwarded: "经审核，更正该政府信息记录不属于本机关职能范围，本机关已将您的申请转送有权更正的行政机关处理。"
        case .redirected: "经审核，更正该政府信息记录不属于本机关职能范围，请您向有权更正的行政机关提出。"
        case .notCorrected: "经审核，您提供的证据不能证明相关政府信息记录不准确，本机关不予更正。"
        }
    }

    /// What the answer states besides (what was corrected, the agency, the reason).
    public var requiredDetail: String {
        switch self {
        case .corrected: "更正的内容"
        case .forwarded, .redirected: "有权更正的行政机关"
        case .notCorrected: "不予更正的理由"
        }
    }
}

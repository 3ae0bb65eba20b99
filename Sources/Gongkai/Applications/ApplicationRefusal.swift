import Foundation

/// Why a move was refused; nothing was changed.
public enum ApplicationRefusal: Error, Equatable, Sendable {
    /// The role does not handle applications (editors, reviewers, supervisors).
    case roleCannotAct(StaffRole)
    /// 第三十三条: an extension needs the head of the disclosure office.
    case extensionNeedsOfficeHead
    case dateInFuture(ApplicationMove.Kind, date: Day, today: Day)
    case closed(ApplicationStatus, ApplicationMove.Kind)
    case alreadyConfirmed(on: Day)
    case confirmedBeforeSubmission(submitted: Day)
    case notConfirmed(ApplicationMove.Kind)
    case notAResult(String, year: Int, format: ReportFormat)
    /// 3.6.1 and 3.6.2 close an application by a lapse, never by an answer.
    case resultOfALapse(AnswerResult)
    case clarificationListsNothing
    case consultationNamesNobody
    /// 第三十五条: asking for reasons says what was observed; the reasons, a deferral's ground, and help given are
    /// written down.
    case reasonsRequestSaysNothing
    case reasonsNotWritten
    case deferralWithoutReason
    case helpNotDescribed
    case feeNotPositive
    /// The answer does not state what 第三十六条 requires for its result.
    case answerLacks(AnswerResult, String)
    /// 3.4.3 (still unclear after 补正) with no 补正 returned.
    case unclearWithoutClarification
    /// No finding that the applicant's applications clearly exceed a reasonable range: no fee is the rule (第四十二条).
    case feeWithoutFinding
    /// The notice would not say how to pay.
    case feeWithoutPayment
    case feePeriodRunning
    /// The fee notice ran out unpaid: the application is deemed abandoned and only that can be recorded.
    case feeLapsed
    /// The move is not one a request of this kind can have (an answer of 第四十一条 to a disclosure application, a fee
    /// on a correction …).
    case notForKind(ApplicationKind, ApplicationMove.Kind)
    /// 第四十一条: the answer states what was corrected, the agency responsible, or why nothing was.
    case correctionLacks(CorrectionResult)
    /// The clock refuses the history with this move in it.
    case clock(ApplicationMove.Kind, ClockError)

    /// What staff read.
    public var message: String {
        switch self {
        case .roleCannotAct(let role): "\(role.label)账号不办理依申请公开：请由本机关的依申请公开经办人或负责人办理"
        case .extensionNeedsOfficeHead: "延期答复须经政府信息公开工作机构负责人同意（第三十三条）：请由负责人账号办理"
        case .dateInFuture(let kind, let date, let today): "\(kind.label)的日期\(date.iso)晚于今天\(today.iso)"
        case .closed(let status, let kind): "申请已办结（\(status.label)），不能再\(kind.label)"
        case .alreadyConfirmed(let day): "该申请已于\(day.iso)确认收到"
        case .confirmedBeforeSubmission(let submitted): "确认日期不能早于提交日期\(submitted.iso)"
        case .notConfirmed(let kind): "该申请尚未确认收到（第三十一条：网上申请以双方确认之日为收到申请之日），不能\(kind.label)；请先确认收到"
        case .notAResult(let result, let year, let format): "“\(result)”不是\(year)年（\(format.rawValue)年版格式）表三的办理结果"
        case .resultOfALapse(let result): "\(result.label)由“逾期未补正”或“逾期未缴费”办理，不作为答复结果选择"
        case .clarificationListsNothing: "补正告知须一次列明需要补正的全部事项（第三十条）"
        case .consultationNamesNobody: "请写明被征求意见的第三方或机关（第三十二条、第三十四条）"
        case .reasonsRequestSaysNothing: "要求说明理由须写明申请的数量、频次为何明显超过合理范围（第三十五条）"
        case .reasonsNotWritten: "请写明申请人说明的理由"
        case .deferralWithoutReason: "延迟答复须写明无法在法定期限内答复的原因（第三十五条）"
        case .helpNotDescribed: "请写明提供了什么帮助（第四十三条）"
        case .feeNotPositive: "按收费标准计算，本申请不收费（国办函〔2020〕109号）：不收费的申请无需发出收费通知"
        case .answerLacks(let result, let needed): "“\(result.label)”的答复须写明\(needed)（第三十六条）"
        case .unclearWithoutClarification: "“补正后申请内容仍不明确”须以补正为前提：本申请没有收到补正的记录（第三十条）"
        case .feeWithoutFinding: "不收费是原则（第四十二条）：须先写明认定申请人申请的数量、频次明显超过合理范围的理由，才能发出收费通知"
        case .feeWithoutPayment: "收费通知须写明缴费方式：请管理员先在本机关的设置中填写信息处理费的缴费方式"
        case .feePeriodRunning: "缴费期限（收费通知后\(DeadlineEngine.feePaymentPeriod)个工作日，国办函〔2020〕109号）尚未届满，不能按逾期未缴费处理"
        case .feeLapsed: "收费通知的缴费期限已届满而未缴费，视为放弃申请（第四十二条）：请按“逾期未缴费”办结"
        case .clock(let kind, let error): "依据答复期限规则不能\(kind.label)：\(error.description)"
        case .notForKind(let applicationKind, let kind): "\(applicationKind.label)不能\(kind.label)"
        case .correctionLacks(let result): "“\(result.label)”的答复须写明\(result.requiredDetail)（第四十一条）"
        }
    }
}

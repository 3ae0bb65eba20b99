import Foundation

/// How an application reached the agency; it decides which day counts as the day of receipt (条例第三十一条).
public enum ReceiptChannel: String, Sendable, Codable, CaseIterable {
    /// 当面提交: the day it is handed in.
    case inPerson = "in-person"
    /// 邮寄并签收: the day the office signs for it.
    case postSigned = "post"
    /// 平常信函: the day the office confirms with the applicant.
    case letterConfirmed = "letter"
    /// 互联网渠道: the day both sides confirm.
    case online
    /// 传真: the day both sides confirm.
    case fax

    public var explanation: String {
        switch self {
        case .inPerson: "当面提交：提交之日为收到申请之日（第三十一条第（一）项）"
        case .postSigned: "邮寄：签收之日为收到申请之日（第三十一条第（二）项）"
        case .letterConfirmed: "平常信函：与申请人确认之日为收到申请之日（第三十一条第（二）项）"
        case .online: "互联网渠道：双方确认之日为收到申请之日（第三十一条第（三）项）"
        case .fax: "传真：双方确认之日为收到申请之日（第三十一条第（三）项）"
        }
    }
}

/// Something that happened to an application, on a day.
public struct ClockEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 补正告知 sent (第三十条).
        case clarifySent = "clarify-sent"
        /// The clarified application received: the 20 days start again (第三十条).
        case clarifyReceived = "clarify-received"
        /// The clarification period ran out: the application is deemed abandoned (第三十条).
        case clarifyExpired = "clarify-expired"
        /// A third party or another agency consulted (第三十二条, 第三十四条).
        case consultSent = "consult-sent"
        /// The consulted party received the letter: its 15 working days run from here (without it, from the sending day).
        case consultReceived = "consult-received"
        case consultAnswered = "consult-answered"
        /// The one extension, approved by the head of the disclosure office (第三十三条).
        case extended
        /// 收费通知 sent (国办函〔2020〕109号).
        case feeSent = "fee-sent"
        /// The applicant received the fee notice: the 20 working days to pay run from here (without it, from the
        /// sending day).
        case feeReceived = "fee-received"
        case feePaid = "fee-paid"
        /// 第三十五条: a reasonable later date set for an application far beyond a reasonable range (`until`).
        case deferred
        case answered
        case withdrawn
    }

    public var kind: Kind
    public var date: Day
    /// For `extended`: how many working days (at most 20).
    public var days: Int?
    /// For `deferred`: the day the answer is put off to.
    public var until: Day?

    public init(_ kind: Kind, _ date: Day, days: Int? = nil, until: Day? = nil) {
        self.kind = kind
        self.date = date
        self.days = days
        self.until = until
    }

    /// `kind@YYYY-MM-DD` (`extended@…+DAYS`, `deferred@…:UNTIL`), as the CLI takes it.
    public var text: String { "\(kind.rawValue)@\(date.iso)" + (days.map { "+\($0)" } ?? "") + (until.map { ":\($0.iso)" } ?? "") }
}

/// Settings of the clock that are the agency's to choose.
public struct ClockSettings: Sendable, Equatable {
    /// The period from the fee notice to payment does not count toward the answer deadline (a reading of
    /// 国办函〔2020〕109号 that most agencies follow; on by default, and said on screen).
    public var feeTimeExcluded: Bool = true

    public init(feeTimeExcluded: Bool = true) {
        self.feeTimeExcluded = feeTimeExcluded
    }
}

/// Why a history was refused: which event is wrong.
public struct ClockError: Error, Equatable, CustomStringConvertible {
    public var event: String
    public var problem: ClockProblem
    public var description: String { "\(event): \(problem.message)" }
}

/// What is wrong with an event, by the 条例's rules for the answer period.
public enum ClockProblem: Equatable, Sendable {
    case beforeReceipt(Day)
    case afterClosing(Day, Deadline.Status)
    /// 第三十条: the applicant is told everything to clarify at once.
    case secondClarification
    case noClarificationSent
    case noClarificationPending
    case noConsultation
    /// 第三十三条: one extension only.
    case secondExtension
    case extensionTooLong(Int, maximum: Int)
    /// 第三十三条: decided within the answer period.
    case extensionTooLate(Day)
    case feeOutstanding
    case noFeeNotice
    case feeReceiptRecorded
    /// 第三十五条: a deferral names the day the answer is put off to.
    case deferralWithoutDate
    case secondDeferral
    /// The deferral comes after the answer was due.
    case deferralTooLate(Day)
    /// The day set is not after the day the answer is due anyway.
    case deferralNotLater(Day)
    case paidTooLate(Day, period: Int)
    case answerAwaitsClarification(Day)
    case awaitingClarification(Day)

    /// What staff read, in Chinese.
    public var message: String {
        switch self {
        case .beforeReceipt(let received): "早于收到申请之日\(received.iso)"
        case .afterClosing(let day, let status):
            "申请已于\(day.iso)\(status == .answered ? "答复" : status == .withdrawn ? "撤回" : "视为放弃")办结，此后不能再有办理步骤"
        case .secondClarification: "第二次补正告知：第三十条规定一次性告知需要补正的全部事项，只能告知一次"
        case .noClarificationSent: "此前没有发出补正告知，不能收到补正后的申请"
        case .noClarificationPending: "没有待补正的告知，不存在逾期未补正"
        case .noConsultation: "此前没有征求意见，不能收到被征求方意见"
        case .secondExtension: "第二次延期：第三十三条只允许延长一次"
        case .extensionTooLong(let days, let maximum): "延长\(days)个工作日：第三十三条规定延长期限最长不超过\(maximum)个工作日"
        case .extensionTooLate(let due): "延期晚于原答复期限\(due.iso)：第三十三条要求在答复期限内决定延期"
        case .feeOutstanding: "前一份收费通知尚未缴费，不能再发收费通知"
        case .noFeeNotice: "此前没有发出收费通知，不能记录缴费或收到通知"
        case .feeReceiptRecorded: "申请人收到收费通知的日期已经记录"
        case .deferralWithoutDate: "延迟答复须确定答复的日期（第三十五条）"
        case .secondDeferral: "延迟答复的期限已经确定过一次（第三十五条）"
        case .deferralTooLate(let due): "延迟答复晚于答复期限\(due.iso)：须在答复期限内确定并告知申请人（第三十五条）"
        case .deferralNotLater(let due): "确定的日期不晚于原答复期限\(due.iso)，无需延迟答复"
        case .paidTooLate(let payBy, let period): "缴费晚于缴费期限\(payBy.iso)（收费通知后\(period)个工作日），申请已视为放弃"
        case .answerAwaitsClarification(let sent): "\(sent.iso)发出的补正告知尚待补正，不能答复；请先记录收到补正或逾期未补正"
        case .awaitingClarification(let sent): "申请正等待\(sent.iso)告知的补正，收到补正或逾期未补正之前不能办理其他步骤"
        }
    }
}

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
        case consultAnswered = "consult-answered"
        /// The one extension, approved by the head of the disclosure office (第三十三条).
        case extended
        /// 收费通知 sent (国办函〔2020〕109号).
        case feeSent = "fee-sent"
        case feePaid = "fee-paid"
        case answered
        case withdrawn
    }

    public var kind: Kind
    public var date: Day
    /// For `extended`: how many working days (at most 20).
    public var days: Int?

    public init(_ kind: Kind, _ date: Day, days: Int? = nil) {
        self.kind = kind
        self.date = date
        self.days = days
    }

    /// `kind@YYYY-MM-DD`, as the CLI takes it.
    public var text: String { "\(kind.rawValue)@\(date.iso)" + (days.map { "+\($0)" } ?? "") }
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
    public var problem: String
    public var description: String { "\(event): \(problem)" }
}

import Foundation

/// Where an application for disclosure stands. Stored as its raw value.
public enum ApplicationStatus: String, Sendable, Codable, CaseIterable {
    /// Sent online; received only when staff confirm it (第三十一条第（三）项).
    case submitted
    /// Received; the agency owes an answer and the clock runs.
    case open
    /// The clock stands still: a clarification, a consultation or a fee is waited for — or a fee notice ran out
    /// unpaid and staff have still to record it.
    case paused
    case answered
    case withdrawn
    /// Deemed abandoned: not clarified (第三十条) or the fee not paid in time.
    case abandoned

    public var label: String {
        switch self {
        case .submitted: "已提交，待确认收到"
        case .open: "办理中"
        case .paused: "暂停计算（等待申请人或被征求方）"
        case .answered: "已答复"
        case .withdrawn: "已撤回"
        case .abandoned: "视为放弃申请"
        }
    }

    /// Nothing more can happen to it.
    public var isClosed: Bool { self == .answered || self == .withdrawn || self == .abandoned }

    public static let inProgress: [ApplicationStatus] = allCases.filter { !$0.isClosed }
    public static let closed: [ApplicationStatus] = allCases.filter(\.isClosed)
}

/// A step of the workflow, with what it needs.
public enum ApplicationMove: Sendable, Equatable {
    case confirm
    case clarify(what: String)
    case clarified
    case clarifyExpired
    case consult(party: String)
    /// The consulted party received the letter: its 15 working days run from that day (第三十二条).
    case consultReceived
    case consultAnswered(party: String)
    case extend(days: Int)
    case fee(FeeNotice)
    /// The applicant received the fee notice: the 20 working days to pay run from that day.
    case feeReceived
    case feePaid
    case feeUnpaid
    /// 第三十五条: the applications clearly exceed a reasonable range; the applicant is asked for the reasons (`what`
    /// says what staff observed and ask about).
    case askReasons(what: String)
    /// The applicant's reasons, as given.
    case reasonsGiven(reasons: String)
    /// 第三十五条: the reasons hold but the answer cannot be given in time; a reasonable later date is set and the
    /// applicant told why.
    case deferAnswer(until: Day, reason: String)
    /// 第四十三条: help given to an applicant who needs it (reading, sight, hearing), as recorded.
    case assist(help: String)
    /// `result` is a row id of table 三 in the format of the year of the answer; `detail` what 第三十六条 asks the
    /// answer to state for it. `elsewhere`, for 3.4.1 only: nil when the information does not exist (第三十六条第（四）项);
    /// else it is not this agency's to disclose (第（五）项), and the text names the agency that is, with its contact,
    /// or is empty when that cannot be determined.
    case answer(result: String, detail: String, elsewhere: String? = nil)
    /// 第四十一条: the answer to a request to correct one's own records, with what it states besides.
    case answerCorrection(CorrectionResult, detail: String)
    case withdraw

    /// The moves by name, as forms and the API send them, in the order staff meet them.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case confirm, clarify, clarified
        case clarifyExpired = "clarify-expired"
        case consult
        case consultReceived = "consult-received"
        case consultAnswered = "consult-answered"
        case extend, fee
        case feeReceived = "fee-received"
        case feePaid = "fee-paid"
        case feeUnpaid = "fee-unpaid"
        case askReasons = "ask-reasons"
        case reasonsGiven = "reasons-given"
        case deferAnswer = "defer"
        case assist
        case answer
        case answerCorrection = "answer-correction"
        case withdraw

        public var label: String {
            switch self {
            case .confirm: "确认收到申请"
            case .clarify: "发出补正告知"
            case .clarified: "收到补正后的申请"
            case .clarifyExpired: "逾期未补正，视为放弃申请"
            case .consult: "征求第三方或其他机关意见"
            case .consultReceived: "被征求方收到征求意见书"
            case .consultAnswered: "收到被征求方意见"
            case .extend: "延期答复"
            case .fee: "发出收费通知"
            case .feeReceived: "申请人收到收费通知"
            case .feePaid: "申请人已缴费"
            case .feeUnpaid: "逾期未缴费，视为放弃申请"
            case .askReasons: "要求申请人说明理由"
            case .reasonsGiven: "申请人说明理由"
            case .deferAnswer: "确定延迟答复的期限"
            case .assist: "为申请人提供必要帮助"
            case .answer: "作出答复"
            case .answerCorrection: "答复更正申请"
            case .withdraw: "申请人撤回申请"
            }
        }

        /// The letter the move sends, if any.
        public var letter: LetterKind? {
            switch self {
            case .clarify: .clarification
            case .extend: .postponement
            case .consult: .consultation
            case .fee: .fee
            case .askReasons: .reasonsRequest
            case .deferAnswer: .deferral
            case .answer: .answer
            case .answerCorrection: .correctionAnswer
            case .clarifyExpired, .feeUnpaid: .abandonment
            default: nil
            }
        }

        /// The event the clock sees; confirming receipt starts the clock instead, and recording an unpaid fee only
        /// writes down what the clock already knows.
        public var clockKind: ClockEvent.Kind? {
            switch self {
            case .confirm, .feeUnpaid, .askReasons, .reasonsGiven, .assist: nil
            case .clarify: .clarifySent
            case .clarified: .clarifyReceived
            case .clarifyExpired: .clarifyExpired
            case .consult: .consultSent
            case .consultReceived: .consultReceived
            case .consultAnswered: .consultAnswered
            case .extend: .extended
            case .fee: .feeSent
            case .feeReceived: .feeReceived
            case .feePaid: .feePaid
            case .deferAnswer: .deferred
            case .answer, .answerCorrection: .answered
            case .withdraw: .withdrawn
            }
        }

        /// What a request to correct one's records (第四十一条) can have done to it: no consultation, fee or
        /// 第三十五条 steps, and its own answer.
        public var servesCorrections: Bool {
            [.confirm, .clarify, .clarified, .clarifyExpired, .extend, .assist, .answerCorrection, .withdraw].contains(self)
        }

        /// The move that puts `event` in a history.
        public init?(recording event: ClockEvent.Kind) {
            guard let kind = Self.allCases.first(where: { $0.clockKind == event }) else { return nil }
            self = kind
        }
    }

    public var kind: Kind {
        switch self {
        case .confirm: .confirm
        case .clarify: .clarify
        case .clarified: .clarified
        case .clarifyExpired: .clarifyExpired
        case .consult: .consult
        case .consultReceived: .consultReceived
        case .consultAnswered: .consultAnswered
        case .extend: .extend
        case .fee: .fee
        case .feeReceived: .feeReceived
        case .feePaid: .feePaid
        case .feeUnpaid: .feeUnpaid
        case .askReasons: .askReasons
        case .reasonsGiven: .reasonsGiven
        case .deferAnswer: .deferAnswer
        case .assist: .assist
        case .answer: .answer
        case .answerCorrection: .answerCorrection
        case .withdraw: .withdraw
        }
    }

    public var label: String { kind.label }
    public var letter: LetterKind? { kind.letter }

    public var clockKind: ClockEvent.Kind? { kind.clockKind }

    /// The line of the application's history that records the move.
    public var detail: String {
        switch self {
        case .confirm: "工作人员确认收到网上申请（第三十一条第（三）项）"
        case .clarify(let what): "需补正：\(what)"
        case .consult(let party): "征求意见：\(party)"
        case .consultAnswered(let party): "收到意见：\(party)"
        case .extend(let days): "延长\(days)个工作日"
        case .fee(let notice): "收费\(notice.charge.total)元（\(notice.charge.scaleName)：\(notice.charge.breakdown)）；认定理由：\(notice.finding)"
        case .feeUnpaid: "缴费期限届满未缴费，视为放弃申请"
        case .askReasons(let what): "要求说明理由（第三十五条）：\(what)"
        case .reasonsGiven(let reasons): "申请人说明的理由：\(reasons)"
        case .deferAnswer(let until, let reason): "确定延迟至\(until.iso)答复（第三十五条）：\(reason)"
        case .assist(let help): "提供必要帮助（第四十三条）：\(help)"
        case .answer(let result, _, _): "答复结果：\(result)"
        case .answerCorrection(let result, _): "更正申请答复：\(result.label)"
        default: label
        }
    }
}

/// An application as the workflow sees it: its status and the clock's events.
public struct ApplicationCase: Sendable, Equatable {
    public var status: ApplicationStatus
    public var submitted: Day
    /// The day of receipt (第三十一条); nil until an online application is confirmed.
    public var received: Day?
    public var channel: ReceiptChannel
    public var events: [ClockEvent]
    public var kind: ApplicationKind

    public init(
        status: ApplicationStatus, submitted: Day, received: Day?, channel: ReceiptChannel, events: [ClockEvent], kind: ApplicationKind = .disclosure
    ) {
        self.status = status
        self.submitted = submitted
        self.received = received
        self.channel = channel
        self.events = events
        self.kind = kind
    }
}

/// What a move does to an application.
public struct ApplicationOutcome: Sendable, Equatable {
    public var status: ApplicationStatus
    /// Set by confirming receipt.
    public var received: Day?
    /// The event to add to the history, if the clock sees the move.
    public var event: ClockEvent?
    /// The row of table 三 the application is counted in once closed by an answer or a lapse, and its format.
    public var result: String?
    public var resultFormat: ReportFormat?
    public var answered: Day?
    public var closed: Day?
    /// The clock after the move; nil while receipt is unconfirmed.
    public var deadline: Deadline?
}

/// The workflow of an application (条例第三十条–第三十四条, 第四十二条): who may make which move when, and what it
/// does. The clock (`DeadlineEngine`) decides whether a history is lawful; this adds the rest.
public enum ApplicationWorkflow {
    /// The roles that handle applications.
    public static func handles(_ role: StaffRole) -> Bool { role.keepsOfficeRecords }

    /// The roles that see applications: those that handle them, and supervisors (read-only, personal data masked).
    public static func reads(_ role: StaffRole) -> Bool { handles(role) || role == .supervisor }

    /// Whether `role` may make moves of `kind` at all.
    public static func may(_ role: StaffRole, make kind: ApplicationMove.Kind) -> Bool {
        guard handles(role) else { return false }
        return kind != .extend || role == .officeHead || role == .administrator
    }

    /// The move applied to `application` on `date`, or why it is refused.
    public static func apply(
        _ move: ApplicationMove, to application: ApplicationCase, on date: Day, by role: StaffRole, today: Day, engine: DeadlineEngine
    ) throws(ApplicationRefusal) -> ApplicationOutcome {
        let kind = move.kind
        guard handles(role) else { throw .roleCannotAct(role) }
        guard may(role, make: kind) else { throw .extensionNeedsOfficeHead }
        guard date <= today else { throw .dateInFuture(kind, date: date, today: today) }
        guard !application.status.isClosed else { throw .closed(application.status, kind) }
        guard application.kind == .correction ? kind.servesCorrections : kind != .answerCorrection else {
            throw .notForKind(application.kind, kind)
        }
        var received = application.received
        if kind == .confirm {
            if let received { throw .alreadyConfirmed(on: received) }
            guard date >= application.submitted else { throw .confirmedBeforeSubmission(submitted: application.submitted) }
            received = date
        } else if received == nil, kind != .withdraw, kind != .assist {
            throw .notConfirmed(kind)
        }

        if kind != .feeUnpaid, let received,
            let before = try? engine.compute(
                received: received, channel: application.channel, events: application.events, today: date, explain: false),
            before.status == .abandoned
        {
            throw .feeLapsed
        }

        let format = ReportFormat.expected(forYear: date.year)
        var outcome = ApplicationOutcome(status: application.status, received: received)
        switch move {
        case .answer(let row, let detail, _):
            guard let result = AnswerResult.find(row, format: format) else { throw .notAResult(row, year: date.year, format: format) }
            guard !result.closesALapse else { throw .resultOfALapse(result) }
            if let needed = result.requiredDetail, detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .answerLacks(result, needed)
            }
            // 补正后仍不明确 presumes a 补正 that came back.
            if result.rowID == "3.4.3", !application.events.contains(where: { $0.kind == .clarifyReceived }) { throw .unclearWithoutClarification }
            outcome.result = result.rowID
        case .clarify(let what) where what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .clarificationListsNothing
        case .consult(let party) where party.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .consultationNamesNobody
        case .fee(let notice):
            if let refusal = notice.refusal { throw refusal }
        case .answerCorrection(let result, let detail):
            if detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .correctionLacks(result) }
        case .askReasons(let what) where what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .reasonsRequestSaysNothing
        case .reasonsGiven(let reasons) where reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .reasonsNotWritten
        case .deferAnswer(_, let reason) where reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .deferralWithoutReason
        case .assist(let help) where help.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .helpNotDescribed
        default: break
        }

        if let clockKind = move.clockKind {
            var days: Int?
            var until: Day?
            if case .extend(let n) = move { days = n }
            if case .deferAnswer(let day, _) = move { until = day }
            outcome.event = ClockEvent(clockKind, date, days: days, until: until)
        }
        if let received {
            do {
                outcome.deadline = try engine.compute(
                    received: received, channel: application.channel, events: application.events + (outcome.event.map { [$0] } ?? []),
                    today: today, explain: false)
            } catch {
                throw .clock(kind, error)
            }
        }

        switch move {
        case .answer, .answerCorrection:
            outcome.status = .answered
            outcome.answered = date
        case .clarifyExpired, .feeUnpaid:
            if kind == .feeUnpaid, outcome.deadline?.status != .abandoned { throw .feePeriodRunning }
            outcome.status = .abandoned
            outcome.result = AnswerResult.abandoned(format: format, unpaidFee: kind == .feeUnpaid)
        case .withdraw:
            outcome.status = .withdrawn
        default:
            outcome.status = status(after: outcome.deadline)
        }
        if outcome.status.isClosed {
            outcome.closed = date
            if outcome.result != nil { outcome.resultFormat = format }
        }
        return outcome
    }

    /// The status an application in progress has by its clock. A fee notice that ran out unpaid leaves it paused
    /// until staff record the lapse (`feeUnpaid`), so that it is closed on a day someone saw.
    public static func status(after deadline: Deadline?) -> ApplicationStatus {
        switch deadline?.status {
        case nil: .submitted
        case .open: .open
        case .paused, .abandoned: .paused
        case .answered: .answered
        case .withdrawn: .withdrawn
        }
    }

    /// The moves `role` can make today, in the order of `ApplicationMove.Kind`: each one that `apply` would accept
    /// today with ordinary details (the page then asks for the real ones).
    public static func offered(to role: StaffRole, for application: ApplicationCase, today: Day, engine: DeadlineEngine) -> [ApplicationMove.Kind] {
        let examples: [ApplicationMove] = [
            .confirm, .clarify(what: "事项"), .clarified, .clarifyExpired, .consult(party: "第三方"), .consultReceived, .consultAnswered(party: ""),
            .extend(days: 1), .fee(FeeNotice(finding: "—", charge: InformationProcessingFee.perApplication(ordinal: 11), payment: "—")), .feeReceived,
            .feePaid, .feeUnpaid, .askReasons(what: "—"), .reasonsGiven(reasons: "—"), .deferAnswer(until: today.adding(days: 366), reason: "—"),
            .assist(help: "—"), .answer(result: "3.1", detail: "—"), .answerCorrection(.corrected, detail: "—"), .withdraw,
        ]
        return examples.filter { (try? apply($0, to: application, on: today, by: role, today: today, engine: engine)) != nil }.map(\.kind)
    }
}

extension AnswerResult {
    /// 3.6.1 and 3.6.2: given by the lapse itself (not clarified, fee not paid), never chosen as an answer.
    public var closesALapse: Bool { [false, true].contains { rowID == Self.abandoned(format: .v2021, unpaidFee: $0) } }

    /// The results an answer can have in `format`: every result row but those of a lapse.
    public static func answers(_ format: ReportFormat) -> [AnswerResult] {
        all(format).filter { !$0.closesALapse }
    }
}

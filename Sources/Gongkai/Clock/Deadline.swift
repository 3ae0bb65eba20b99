import Foundation

/// The answer deadline of one application (条例第三十条–第三十三条), with the steps that explain it.
public struct Deadline: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Running: the agency owes an answer.
        case open
        /// Stopped while a third party, another agency or the applicant (fee, clarification) is waited for.
        case paused
        case answered
        case withdrawn
        /// Deemed abandoned: no clarification in time (第三十条) or the fee not paid in time.
        case abandoned
    }

    /// One line of the explanation.
    public struct Step: Sendable, Equatable, Codable {
        public var date: Day
        public var event: String
        public var article: String
        public var text: String
    }

    public var status: Status
    /// The day the current 20 working days run from (day 0): receipt, or receipt of the clarified application.
    public var start: Day
    /// The last day to answer; nil once the application is abandoned or withdrawn before any period ran.
    public var due: Day?
    /// The period in working days: 20, or up to 40 with the extension.
    public var limit: Int
    public var usedWorkingDays: Int
    public var remainingWorkingDays: Int
    public var overdue: Bool
    /// Working days past the due date (answered late, or still open after it).
    public var overdueWorkingDays: Int
    /// The computation touches a year with no published holiday arrangement (Monday–Friday assumed).
    public var provisional: Bool
    public var provisionalYears: [Int]
    public var steps: [Step]
    public var warnings: [String]
}

/// Computes the deadline of an application from its history, on the working-day calendar.
public struct DeadlineEngine: Sendable {
    public var calendar: WorkdayCalendar
    public var settings: ClockSettings

    /// 条例第三十三条: 20 working days; one extension of at most 20 more.
    public static let answerPeriod = 20
    public static let maximumExtension = 20
    /// 条例第三十条: the clarification notice within 7 working days of receipt.
    public static let clarificationNoticePeriod = 7
    /// 条例第三十二条, 第三十四条: the consulted party has 15 working days.
    public static let consultationPeriod = 15
    /// 国办函〔2020〕109号: 20 working days to pay from the day after the fee notice is received.
    public static let feePaymentPeriod = 20

    public init(calendar: WorkdayCalendar = .official, settings: ClockSettings = .init()) {
        self.calendar = calendar
        self.settings = settings
    }

    /// A stretch of days that does not count: from the day after `from` through `to`.
    struct Pause {
        var from: Day
        var to: Day
    }

    /// The deadline of an application received on `received` through `channel`, after `events`, as of `today`.
    /// With `explain` false the steps are left out: the same dates, for lists of thousands of applications.
    public func compute(
        received: Day, channel: ReceiptChannel = .inPerson, events: [ClockEvent], today: Day, explain: Bool = true
    ) throws(ClockError) -> Deadline {
        // Events in date order; the order given breaks ties (an answer on the spot comes after its receipt).
        let inOrder = zip(events, events.dropFirst()).allSatisfy { $0.date <= $1.date }
        let ordered = inOrder ? events : events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        var steps: [Deadline.Step] = []
        var warnings: [String] = []
        func step(_ make: @autoclosure () -> Deadline.Step) {
            if explain { steps.append(make()) }
        }
        var start = received
        var limit = Self.answerPeriod
        var pauses: [Pause] = []
        // Each open consultation: sent, and the day the party received the letter when it is recorded.
        var openConsultations: [(sent: Day, received: Day?)] = []
        var clarification: (sent: Day, resolved: Bool)?
        // 第三十条 restarts the period only from a notice sent while an answer was still owed: one sent after the due
        // date leaves the application overdue from that date.
        var clarificationAfterDue = false
        // Likewise a fee notice: one sent after the due date pauses nothing (the application stays overdue).
        var feeAfterDue = false
        var feeNotice: Day?
        var extended = false
        var closed: (Day, Deadline.Status)?

        step(
            Deadline.Step(
                date: received, event: "received", article: "第三十一条",
                text: "收到申请（\(channel.explanation)）；此日为第0日，答复期限自次日起算"))

        for event in ordered {
            guard event.date >= received else {
                throw ClockError(event: event.text, problem: .beforeReceipt(received))
            }
            if let (closedOn, status) = closed {
                throw ClockError(
                    event: event.text,
                    problem: .afterClosing(closedOn, status))
            }
            switch event.kind {
            case .clarifySent:
                guard clarification == nil else {
                    throw ClockError(
                        event: event.text, problem: .secondClarification)
                }
                let used = calendar.workingDays(after: received, through: event.date)
                let dueThen = dueDate(start: start, limit: limit, pauses: pauses)
                clarificationAfterDue = event.date > dueThen
                if clarificationAfterDue {
                    warnings.append("补正通知在答复期限（\(dueThen.iso)）届满后才发出，不能停止或重新计算答复期限：申请自\(dueThen.iso)次日起逾期")
                } else if used > Self.clarificationNoticePeriod {
                    warnings.append(
                        "补正通知在收到申请后第\(used)个工作日发出；第三十条要求在收到申请之日起\(Self.clarificationNoticePeriod)个工作日内一次性告知"
                    )
                }
                clarification = (event.date, false)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十条",
                        text: clarificationAfterDue
                            ? "发出补正通知（收到申请后第\(used)个工作日，答复期限已届满）；答复期限不停止计算"
                            : "发出补正通知（收到申请后第\(used)个工作日）；答复期限停止计算，待收到补正后的申请重新起算"))
            case .clarifyReceived:
                guard let sent = clarification, !sent.resolved else {
                    throw ClockError(event: event.text, problem: .noClarificationSent)
                }
                clarification = (sent.sent, true)
                if clarificationAfterDue {
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十条",
                            text: "收到补正后的申请；补正通知发出时答复期限已届满，答复期限不重新计算"))
                } else {
                    start = event.date
                    pauses = []
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十条",
                            text: "收到补正后的申请；答复期限自次日起重新计算\(Self.answerPeriod)个工作日"))
                }
            case .clarifyExpired:
                guard let sent = clarification, !sent.resolved else {
                    throw ClockError(event: event.text, problem: .noClarificationPending)
                }
                closed = (event.date, .abandoned)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十条",
                        text: "申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理"))
            case .consultSent:
                try requireRunning(event, clarification)
                openConsultations.append((event.date, nil))
                let answerBy = calendar.adding(workingDays: Self.consultationPeriod, to: event.date)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                        text: "书面征求第三方或其他机关意见；征求意见期间不计入答复期限；被征求方应在\(Self.consultationPeriod)个工作日内（\(answerBy.iso)前）提出意见"))
            case .consultAnswered:
                guard !openConsultations.isEmpty else {
                    throw ClockError(event: event.text, problem: .noConsultation)
                }
                let consultation = openConsultations.removeFirst()
                let lapse = consultationLapse(consultation)
                if event.date <= lapse {
                    pauses.append(Pause(from: consultation.sent, to: event.date))
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                            text: "收到被征求方意见；\(consultation.sent.iso)至\(event.date.iso)不计入答复期限，次日起恢复计算"))
                } else {
                    // Only the party's 15 working days are left out; its late answer does not stop the clock again.
                    pauses.append(Pause(from: consultation.sent, to: lapse))
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                            text: "收到被征求方意见（逾期：被征求方的\(Self.consultationPeriod)个工作日于\(lapse.iso)届满，答复期限已于次日恢复计算）"))
                }
            case .consultReceived:
                guard let index = openConsultations.firstIndex(where: { $0.received == nil }) else {
                    throw ClockError(event: event.text, problem: .noConsultation)
                }
                openConsultations[index].received = event.date
                let answerBy = calendar.adding(workingDays: Self.consultationPeriod, to: event.date)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                        text: "被征求方收到征求意见书；其\(Self.consultationPeriod)个工作日自次日起算，至\(answerBy.iso)"))
            case .extended:
                guard !extended else {
                    throw ClockError(event: event.text, problem: .secondExtension)
                }
                try requireRunning(event, clarification)
                let days = event.days ?? Self.maximumExtension
                guard days >= 1, days <= Self.maximumExtension else {
                    throw ClockError(
                        event: event.text, problem: .extensionTooLong(days, maximum: Self.maximumExtension))
                }
                let pausesSoFar =
                    pauses + openConsultations.map { Pause(from: $0.sent, to: max($0.sent, min(event.date, consultationLapse($0)))) }
                    + (feeNotice.map { [Pause(from: $0, to: event.date)] } ?? [])
                let originalDue = dueDate(start: start, limit: limit, pauses: pausesSoFar)
                guard event.date <= originalDue else {
                    throw ClockError(
                        event: event.text,
                        problem: .extensionTooLate(originalDue))
                }
                extended = true
                limit += days
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十三条",
                        text: "经政府信息公开工作机构负责人同意延长答复期限\(days)个工作日，并告知申请人（原期限\(originalDue.iso)）"))
            case .feeSent:
                try requireRunning(event, clarification)
                guard feeNotice == nil else {
                    throw ClockError(event: event.text, problem: .feeOutstanding)
                }
                feeNotice = event.date
                let dueThen = dueDate(
                    start: start, limit: limit,
                    pauses: pauses + openConsultations.map { Pause(from: $0.sent, to: max($0.sent, min(event.date, consultationLapse($0)))) })
                feeAfterDue = event.date > dueThen
                if feeAfterDue {
                    warnings.append("收费通知在答复期限（\(dueThen.iso)）届满后才发出，缴费期间不能停止计算答复期限：申请自\(dueThen.iso)次日起逾期")
                }
                let payBy = calendar.adding(workingDays: Self.feePaymentPeriod, to: event.date)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第四十二条、国办函〔2020〕109号",
                        text: "发出收费通知；申请人应在\(Self.feePaymentPeriod)个工作日内（\(payBy.iso)前）缴费"
                            + (settings.feeTimeExcluded ? "；通知至缴费期间不计入答复期限（本机关设置）" : "；本机关设置为缴费期间照常计算答复期限")))
            case .feePaid:
                guard let sent = feeNotice else {
                    throw ClockError(event: event.text, problem: .noFeeNotice)
                }
                let payBy = calendar.adding(workingDays: Self.feePaymentPeriod, to: sent)
                guard event.date <= payBy else {
                    throw ClockError(
                        event: event.text,
                        problem: .paidTooLate(payBy, period: Self.feePaymentPeriod)
                    )
                }
                feeNotice = nil
                if settings.feeTimeExcluded, !feeAfterDue { pauses.append(Pause(from: sent, to: event.date)) }
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "国办函〔2020〕109号",
                        text: settings.feeTimeExcluded ? "申请人缴费；\(sent.iso)至\(event.date.iso)不计入答复期限，次日起恢复计算" : "申请人缴费"))
            case .answered:
                guard clarification.map({ $0.resolved }) ?? true else {
                    throw ClockError(
                        event: event.text,
                        problem: .answerAwaitsClarification(clarification!.sent)
                    )
                }
                closed = (event.date, .answered)
                step(Deadline.Step(date: event.date, event: event.kind.rawValue, article: "第三十三条、第三十六条", text: "作出答复"))
            case .withdrawn:
                closed = (event.date, .withdrawn)
                step(Deadline.Step(date: event.date, event: event.kind.rawValue, article: "", text: "申请人撤回申请"))
            }
        }

        // A fee notice left unpaid for 20 working days: deemed abandoned.
        if closed == nil, let sent = feeNotice {
            let payBy = calendar.adding(workingDays: Self.feePaymentPeriod, to: sent)
            if today > payBy {
                closed = (payBy.adding(days: 1), .abandoned)
                if settings.feeTimeExcluded, !feeAfterDue { pauses.append(Pause(from: sent, to: payBy)) }
                feeNotice = nil
                step(
                    Deadline.Step(
                        date: payBy, event: "fee-unpaid", article: "国办函〔2020〕109号",
                        text: "申请人逾期未按收费通知要求缴纳费用，视为放弃申请，行政机关不再处理"))
            }
        }

        // The clock as of the end: closed, or today.
        let end = closed?.0 ?? today
        var status: Deadline.Status = closed?.1 ?? .open
        var allPauses = pauses
        // An unanswered consultation pauses the clock until the party's 15 working days run out (第三十二条,
        // 第三十三条第三款), never longer; for another agency, silence is then taken as consent (第三十四条).
        var consulting = false
        for consultation in openConsultations where closed?.1 != .withdrawn && closed?.1 != .abandoned {
            let lapse = consultationLapse(consultation)
            allPauses.append(Pause(from: consultation.sent, to: max(consultation.sent, min(end, lapse))))
            if end <= lapse {
                consulting = true
            } else {
                step(
                    Deadline.Step(
                        date: lapse, event: "consult-lapsed", article: "第三十二条、第三十四条",
                        text: "被征求方在\(Self.consultationPeriod)个工作日内未提出意见；答复期限自次日起恢复计算（其他机关逾期未提出意见的，视为同意公开）"))
            }
        }
        let feeStopsTheClock = feeNotice != nil && settings.feeTimeExcluded && !feeAfterDue
        if closed == nil, let sent = feeNotice, feeStopsTheClock { allPauses.append(Pause(from: sent, to: max(sent, today))) }
        if status == .open, consulting || feeStopsTheClock { status = .paused }

        // A notice sent after the due date stops nothing: the application stays overdue from that date.
        let awaitingClarification = (clarification.map { !$0.resolved } ?? false) && !clarificationAfterDue
        if status == .open, awaitingClarification { status = .paused }

        var due: Day?
        var used = 0
        if awaitingClarification {
            // Stopped since the notice: the period so far counts, the rest waits for the clarified application.
            used = countedDays(start: start, through: min(end, clarification!.sent), pauses: allPauses)
        } else {
            due = dueDate(start: start, limit: limit, pauses: allPauses)
            used = countedDays(start: start, through: end, pauses: allPauses)
        }
        // Abandoned (第三十条, or the fee unpaid): nothing is owed any more, so there is no due date.
        if status == .abandoned { due = nil }

        let remaining = max(0, limit - used)
        var overdueDays = 0
        if let due, status != .withdrawn, status != .abandoned {
            let reference = status == .answered ? end : today
            if reference > due { overdueDays = calendar.workingDays(after: due, through: reference) }
        }
        if let due {
            let pausedNote = status == .paused ? "；目前暂停计算，到期日随暂停天数顺延" : ""
            step(
                Deadline.Step(
                    date: due, event: "due", article: "第三十三条",
                    text: "答复期限届满：自\(start.iso)次日起第\(limit)个工作日\(allPauses.isEmpty ? "" : "（不计暂停期间）")\(pausedNote)"))
        }
        let through = max(due ?? end, end)
        let provisionalYears = calendar.provisionalYears(after: received, through: through)
        if !provisionalYears.isEmpty {
            warnings.append(
                "\(provisionalYears.map(String.init).joined(separator: "、"))年的节假日安排尚未公布，暂按周一至周五计算，以上日期为暂定"
            )
        }
        return Deadline(
            status: status, start: start, due: due, limit: limit, usedWorkingDays: used, remainingWorkingDays: remaining,
            overdue: overdueDays > 0, overdueWorkingDays: overdueDays, provisional: !provisionalYears.isEmpty,
            provisionalYears: provisionalYears, steps: steps.sorted { $0.date < $1.date }, warnings: warnings)
    }

    /// The last day of the consulted party's 15 working days, from its receipt of the letter (or from the sending day).
    private func consultationLapse(_ consultation: (sent: Day, received: Day?)) -> Day {
        calendar.adding(workingDays: Self.consultationPeriod, to: consultation.received ?? consultation.sent)
    }

    private func requireRunning(_ event: ClockEvent, _ clarification: (sent: Day, resolved: Bool)?) throws(ClockError) {
        if let clarification, !clarification.resolved {
            throw ClockError(
                event: event.text,
                problem: .awaitingClarification(clarification.sent)
            )
        }
    }

    /// Working days after `start` through `through` that count (pauses excluded).
    func countedDays(start: Day, through: Day, pauses: [Pause]) -> Int {
        var counted = calendar.workingDays(after: start, through: through)
        for pause in merged(pauses, after: start) where pause.from < through {
            counted -= calendar.workingDays(after: pause.from, through: min(pause.to, through))
        }
        return max(0, counted)
    }

    /// The day the `limit`th counting working day after `start` falls on, pauses excluded.
    func dueDate(start: Day, limit: Int, pauses: [Pause]) -> Day {
        var remaining = limit
        var cursor = start
        for pause in merged(pauses, after: start) {
            let candidate = calendar.adding(workingDays: remaining, to: cursor)
            if candidate <= pause.from { return candidate }
            remaining -= calendar.workingDays(after: cursor, through: pause.from)
            cursor = max(cursor, pause.to)
        }
        return calendar.adding(workingDays: remaining, to: cursor)
    }

    /// Pauses clipped to after `start`, sorted and overlapping ones joined.
    private func merged(_ pauses: [Pause], after start: Day) -> [Pause] {
        guard !pauses.isEmpty else { return [] }
        var result: [Pause] = []
        for pause in pauses.map({ Pause(from: max($0.from, start), to: $0.to) }).filter({ $0.to > $0.from }).sorted(by: { $0.from < $1.from }) {
            if let last = result.last, pause.from <= last.to {
                result[result.count - 1].to = max(last.to, pause.to)
            } else {
                result.append(pause)
            }
        }
        return result
    }
}

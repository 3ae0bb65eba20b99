import Foundation

// NB: over 400 lines on purpose: `compute` is one pass over an application's events in which every case reads and
// changes the same state (the start, the pauses, the open consultations, the 补正, the fee notice, the later date);
// split into functions, that state would travel through each of them. What the steps say is in `DeadlineNotes.swift`.

/// The answer deadline of one application (条例第三十条–第三十三条), with the steps that explain it.
public struct Deadline: Sendable, Equatable, Encodable {
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
    public struct Step: Sendable, Equatable, Encodable {
        public var date: Day
        public var event: String
        public var article: String
        public var note: Note
        /// The step in Chinese, citing the 条例.
        public var text: String { note.text }

        private enum CodingKeys: String, CodingKey { case date, event, article, text }

        /// The command line's JSON: the step as it reads.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(event, forKey: .event)
            try container.encode(article, forKey: .article)
            try container.encode(text, forKey: .text)
        }
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
    public var warnings: [Warning]
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
        var warnings: [Deadline.Warning] = []
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
        // The fee notice outstanding: sent, and the day the applicant received it when that is recorded.
        var feeNotice: (sent: Day, received: Day?)?
        // 第三十五条: the reasonable later date set for the answer.
        var deferredUntil: Day?
        var extended = false
        var closed: (Day, Deadline.Status)?
        // The day the answer is due as things stand on `day`: the pauses so far, with each open consultation and a fee
        // notice that stops the clock counted up to `day`.
        func dueAsOf(_ day: Day) -> Day {
            let fee = feeNotice.map { settings.feeTimeExcluded && !feeAfterDue ? [Pause(from: $0.sent, to: day)] : [] } ?? []
            return dueDate(start: start, limit: limit, pauses: pauses + openConsultations.map { consultationPause($0, until: day) } + fee)
        }

        step(
            Deadline.Step(
                date: received, event: "received", article: "第三十一条",
                note: .received(channel)))

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
                let dueThen = dueAsOf(event.date)
                clarificationAfterDue = event.date > dueThen
                if clarificationAfterDue {
                    warnings.append(.clarificationAfterDue(due: dueThen))
                } else if used > Self.clarificationNoticePeriod {
                    warnings.append(.clarificationLate(workingDay: used))
                }
                clarification = (event.date, false)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十条",
                        note: .clarificationSent(workingDay: used, afterDue: clarificationAfterDue)))
            case .clarifyReceived:
                guard let sent = clarification, !sent.resolved else {
                    throw ClockError(event: event.text, problem: .noClarificationSent)
                }
                clarification = (sent.sent, true)
                if clarificationAfterDue {
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十条",
                            note: .clarificationReceived(restarts: false)))
                } else {
                    start = event.date
                    pauses = []
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十条",
                            note: .clarificationReceived(restarts: true)))
                }
            case .clarifyExpired:
                guard let sent = clarification, !sent.resolved else {
                    throw ClockError(event: event.text, problem: .noClarificationPending)
                }
                closed = (event.date, .abandoned)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十条",
                        note: .clarificationLapsed))
            case .consultSent:
                try requireRunning(event, clarification)
                openConsultations.append((event.date, nil))
                let answerBy = calendar.adding(workingDays: Self.consultationPeriod, to: event.date)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                        note: .consultationSent(answerBy: answerBy)))
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
                            note: .consultationAnswered(from: consultation.sent, to: event.date)))
                } else {
                    // Only the party's 15 working days are left out; its late answer does not stop the clock again.
                    pauses.append(Pause(from: consultation.sent, to: lapse))
                    step(
                        Deadline.Step(
                            date: event.date, event: event.kind.rawValue, article: "第三十二条、第三十四条",
                            note: .consultationAnsweredLate(lapse: lapse)))
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
                        note: .consultationReceived(answerBy: answerBy)))
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
                let originalDue = dueAsOf(event.date)
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
                        note: .extended(days: days, originalDue: originalDue)))
            case .feeSent:
                try requireRunning(event, clarification)
                guard feeNotice == nil else {
                    throw ClockError(event: event.text, problem: .feeOutstanding)
                }
                feeNotice = (event.date, nil)
                let dueThen = dueAsOf(event.date)
                feeAfterDue = event.date > dueThen
                if feeAfterDue {
                    warnings.append(.feeAfterDue(due: dueThen))
                }
                let payBy = feePayBy(event.date, nil)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第四十二条、国办函〔2020〕109号",
                        note: .feeSent(payBy: payBy, timeExcluded: settings.feeTimeExcluded)))
            case .feeReceived:
                guard let notice = feeNotice else {
                    throw ClockError(event: event.text, problem: .noFeeNotice)
                }
                guard notice.received == nil else {
                    throw ClockError(event: event.text, problem: .feeReceiptRecorded)
                }
                feeNotice = (notice.sent, event.date)
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "国办函〔2020〕109号",
                        note: .feeReceived(payBy: feePayBy(notice.sent, event.date))))
            case .deferred:
                try requireRunning(event, clarification)
                guard deferredUntil == nil else {
                    throw ClockError(event: event.text, problem: .secondDeferral)
                }
                guard let until = event.until else {
                    throw ClockError(event: event.text, problem: .deferralWithoutDate)
                }
                let dueThen = dueAsOf(event.date)
                guard event.date <= dueThen else {
                    throw ClockError(event: event.text, problem: .deferralTooLate(dueThen))
                }
                guard until > dueThen else {
                    throw ClockError(event: event.text, problem: .deferralNotLater(dueThen))
                }
                deferredUntil = until
                step(
                    Deadline.Step(
                        date: event.date, event: event.kind.rawValue, article: "第三十五条",
                        note: .deferred(until: until, originalDue: dueThen)))
            case .feePaid:
                guard let (sent, receivedOn) = feeNotice else {
                    throw ClockError(event: event.text, problem: .noFeeNotice)
                }
                let payBy = feePayBy(sent, receivedOn)
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
                        note: .feePaid(from: sent, to: event.date, timeExcluded: settings.feeTimeExcluded)))
            case .answered:
                if let pending = clarification, !pending.resolved {
                    throw ClockError(event: event.text, problem: .answerAwaitsClarification(pending.sent))
                }
                closed = (event.date, .answered)
                step(Deadline.Step(date: event.date, event: event.kind.rawValue, article: "第三十三条、第三十六条", note: .answered))
            case .withdrawn:
                closed = (event.date, .withdrawn)
                step(Deadline.Step(date: event.date, event: event.kind.rawValue, article: "", note: .withdrawn))
            }
        }

        // A fee notice left unpaid for 20 working days: deemed abandoned.
        if closed == nil, let (sent, receivedOn) = feeNotice {
            let payBy = feePayBy(sent, receivedOn)
            if today > payBy {
                closed = (payBy.adding(days: 1), .abandoned)
                if settings.feeTimeExcluded, !feeAfterDue { pauses.append(Pause(from: sent, to: payBy)) }
                feeNotice = nil
                step(
                    Deadline.Step(
                        date: payBy, event: "fee-unpaid", article: "国办函〔2020〕109号",
                        note: .feeUnpaid))
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
            allPauses.append(consultationPause(consultation, until: end))
            if end <= lapse {
                consulting = true
            } else {
                step(
                    Deadline.Step(
                        date: lapse, event: "consult-lapsed", article: "第三十二条、第三十四条",
                        note: .consultationLapsed))
            }
        }
        let feeStopsTheClock = feeNotice != nil && settings.feeTimeExcluded && !feeAfterDue
        if closed == nil, let sent = feeNotice?.sent, feeStopsTheClock { allPauses.append(Pause(from: sent, to: max(sent, today))) }
        if status == .open, consulting || feeStopsTheClock { status = .paused }

        // A notice sent after the due date stops nothing: the application stays overdue from that date.
        let awaitingClarification = (clarification.map { !$0.resolved } ?? false) && !clarificationAfterDue
        if status == .open, awaitingClarification { status = .paused }

        var due: Day?
        var used = 0
        if awaitingClarification, let notice = clarification?.sent {
            // Stopped since the notice: the period so far counts, the rest waits for the clarified application.
            used = countedDays(start: start, through: min(end, notice), pauses: allPauses)
        } else {
            due = dueDate(start: start, limit: limit, pauses: allPauses)
            used = countedDays(start: start, through: end, pauses: allPauses)
        }
        // 第三十五条: the day set replaces a due date before it (pauses after it may still put the answer later).
        var dueByDeferral = false
        if let until = deferredUntil, let computed = due, until > computed {
            due = until
            dueByDeferral = true
        }
        // Abandoned (第三十条, or the fee unpaid): nothing is owed any more, so there is no due date.
        if status == .abandoned { due = nil }

        var remaining = max(0, limit - used)
        if dueByDeferral, let due { remaining = end < due ? calendar.workingDays(after: end, through: due) : 0 }
        var overdueDays = 0
        if let due, status != .withdrawn, status != .abandoned {
            let reference = status == .answered ? end : today
            if reference > due { overdueDays = calendar.workingDays(after: due, through: reference) }
        }
        if let due {
            step(
                dueByDeferral
                    ? Deadline.Step(date: due, event: "due", article: "第三十五条", note: .deferredDue)
                    : Deadline.Step(
                        date: due, event: "due", article: "第三十三条",
                        note: .due(start: start, limit: limit, pausesExcluded: !allPauses.isEmpty, pausedNow: status == .paused)))
        }
        let through = max(due ?? end, end)
        let provisionalYears = calendar.provisionalYears(after: received, through: through)
        if !provisionalYears.isEmpty {
            warnings.append(.provisional(years: provisionalYears))
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

    /// The last day to pay a fee: 20 working days from the applicant's receipt of the notice (the sending day stands in
    /// until receipt is recorded).
    private func feePayBy(_ sent: Day, _ received: Day?) -> Day {
        calendar.adding(workingDays: Self.feePaymentPeriod, to: received ?? sent)
    }

    /// The days an open consultation has stopped the clock by `day`: from its sending through `day`, never past the
    /// party's 15 working days (第三十二条, 第三十三条第三款).
    private func consultationPause(_ consultation: (sent: Day, received: Day?), until day: Day) -> Pause {
        Pause(from: consultation.sent, to: max(consultation.sent, min(day, consultationLapse(consultation))))
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

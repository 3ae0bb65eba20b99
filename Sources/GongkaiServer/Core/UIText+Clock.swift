import Gongkai

// The statutory clock's steps, warnings and refusals in the reader's language: their Chinese is the domain's (the
// command line prints it), their English is here. A switch without a default: a new case cannot compile without it.

extension ClockProblem {
    var english: String {
        switch self {
        case .beforeReceipt(let received): "before the application was received (\(received.iso))"
        case .afterClosing(let day, _): "the application was closed on \(day.iso); nothing more can happen to it"
        case .secondClarification: "a second request for clarification: Article 30 asks for everything at once, once"
        case .noClarificationSent: "no clarification was asked for"
        case .noClarificationPending: "no clarification is awaited, so none can lapse"
        case .noConsultation: "nobody was consulted"
        case .secondExtension: "a second extension: Article 33 allows one"
        case .extensionTooLong(let days, let maximum): "\(days) working days: Article 33 allows at most \(maximum)"
        case .extensionTooLate(let due): "the extension comes after the answer was due (\(due.iso)); Article 33 wants it decided before"
        case .feeOutstanding: "the previous fee notice is not paid yet"
        case .noFeeNotice: "no fee notice was sent"
        case .feeReceiptRecorded: "the day the applicant received the fee notice is already recorded"
        case .deferralWithoutDate: "a later date for the answer names the day (Article 35)"
        case .secondDeferral: "a later date for the answer was already set once (Article 35)"
        case .deferralTooLate(let due): "the later date comes after the answer was due (\(due.iso)); Article 35 wants it set and told in time"
        case .deferralNotLater(let due): "the day set is not after the answer is due anyway (\(due.iso)): no later date is needed"
        case .paidTooLate(let payBy, let period):
            "paid after \(payBy.iso) (\(period) working days after the notice): the application was deemed abandoned"
        case .answerAwaitsClarification(let sent): "the clarification asked for on \(sent.iso) is still awaited: record it, or its lapse, first"
        case .awaitingClarification(let sent):
            "the clarification asked for on \(sent.iso) is awaited; nothing else can be done until it arrives or lapses"
        }
    }
}

extension Deadline.Note {
    func text(_ language: Language) -> String {
        guard language == .en else { return text }
        let consultation = DeadlineEngine.consultationPeriod
        return switch self {
        case .received(let channel):
            "Application received (\(channel.explanation(.en))); this is day 0, the period runs from the next day"
        case .clarificationSent(let day, let afterDue):
            afterDue
                ? "Clarification asked for (补正, working day \(day) after receipt, after the answer was due): the period does not stop"
                : "Clarification asked for (补正, working day \(day) after receipt): the period stops and starts again from the clarified application"
        case .clarificationReceived(let restarts):
            restarts
                ? "Clarified application received: \(DeadlineEngine.answerPeriod) working days run again from the next day"
                : "Clarified application received: the notice came after the answer was due, so the period does not start again"
        case .clarificationLapsed:
            "No clarification in time without good reason: the application is deemed abandoned and not handled further"
        case .consultationSent(let answerBy):
            "Third party or another agency consulted in writing; the consultation does not count toward the period; the party has \(consultation) working days (until \(answerBy.iso))"
        case .consultationReceived(let answerBy):
            "The consulted party received the letter; its \(consultation) working days run from the next day, until \(answerBy.iso)"
        case .consultationAnswered(let from, let to):
            "The consulted party's opinion received; \(from.iso) to \(to.iso) does not count, the period runs again from the next day"
        case .consultationAnsweredLate(let lapse):
            "The consulted party's opinion received late: its \(consultation) working days ended on \(lapse.iso) and the period ran again from the next day"
        case .consultationLapsed:
            "No opinion within \(consultation) working days; the period runs again from the next day (another agency's silence counts as consent to disclose)"
        case .extended(let days, let originalDue):
            "Extended by \(days) working days with the head of the disclosure office's approval, and the applicant told (first due \(originalDue.iso))"
        case .feeSent(let payBy, let timeExcluded):
            "Fee notice sent; the applicant pays within \(DeadlineEngine.feePaymentPeriod) working days of receiving it (until its receipt is recorded, counted from sending: by \(payBy.iso))"
                + (timeExcluded
                    ? "; the time until payment does not count (this agency's setting)"
                    : "; this agency's setting keeps the period running meanwhile")
        case .feeReceived(let payBy):
            "The applicant received the fee notice; \(DeadlineEngine.feePaymentPeriod) working days to pay run from the next day, until \(payBy.iso)"
        case .deferred(let until, let originalDue):
            "The applications clearly exceed a reasonable range and the reasons hold, but the answer cannot be given in time: answer put off to \(until.iso), the applicant told (first due \(originalDue.iso))"
        case .deferredDue: "The later date set for the answer (Article 35)"
        case .feePaid(let from, let to, let timeExcluded):
            timeExcluded ? "Fee paid; \(from.iso) to \(to.iso) does not count, the period runs again from the next day" : "Fee paid"
        case .feeUnpaid:
            "The fee was not paid in time: the application is deemed abandoned and not handled further"
        case .answered: "Answered"
        case .withdrawn: "Withdrawn by the applicant"
        case .due(let start, let limit, let pausesExcluded, let pausedNow):
            "Answer due: working day \(limit) after \(start.iso)\(pausesExcluded ? " (pauses excluded)" : "")"
                + (pausedNow ? "; the clock is stopped now, and the due date moves with each day it stays stopped" : "")
        }
    }
}

extension Deadline.Warning {
    func text(_ language: Language) -> String {
        guard language == .en else { return text }
        return switch self {
        case .clarificationAfterDue(let due):
            "The clarification notice went out after the answer was due (\(due.iso)); it cannot stop or restart the period: the application is overdue from the next day"
        case .clarificationLate(let day):
            "The clarification notice went out on working day \(day) after receipt; Article 30 asks for it within \(DeadlineEngine.clarificationNoticePeriod) working days, all at once"
        case .feeAfterDue(let due):
            "The fee notice went out after the answer was due (\(due.iso)); waiting for payment cannot stop the period: the application is overdue from the next day"
        case .provisional(let years):
            "The holiday arrangements of \(years.map(String.init).joined(separator: ", ")) are not published yet; Monday to Friday is assumed, so these dates are provisional"
        }
    }
}

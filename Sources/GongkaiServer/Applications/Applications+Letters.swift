import Fluent
import Foundation
import Gongkai
import Vapor

/// The letters of the workflow: drafted from the application's facts, assessed fees, the 复议机关 they name, and the
/// text as staff send it.
extension Applications {
    /// The first draft of the letter `move` sends, from the application's facts.
    func draftLetter(
        _ move: ApplicationMove, for record: ApplicationRecord, agency: AgencyRecord, date: Day, today: Day
    ) async throws -> (title: String, body: String)? {
        guard let kind = move.letter else { return nil }
        if kind.isNumbered, agency.letterNumberPattern.isEmpty { throw Refused(.conflict, .letterNumberPatternMissing, agency.name) }
        let history = try await history(record)
        let current = try deadline(record, history: history, today: today, explain: false)
        var facts = LetterFacts(
            agencyName: agency.name, agencyAddress: agency.address, agencyPhone: agency.phone, trackingNumber: record.trackingNumber,
            applicantName: record.name, received: record.receivedOn.flatMap(Day.init(iso:)), request: Self.request(record), today: date,
            due: current?.due)
        if kind.isDecision { facts.reconsiderationBody = try await Self.reconsiderationBody(of: agency, on: db) }
        switch move {
        case .feeUnpaid: facts.abandonedUnpaid = true
        case .clarify(let what): facts.clarifyWhat = what
        case .extend(let days):
            facts.extensionDays = days
            facts.due = current?.due.map { engine.calendar.adding(workingDays: days, to: $0) }
        case .consult(let party):
            facts.consultedParty = party
            facts.consultationReply = engine.calendar.adding(workingDays: DeadlineEngine.consultationPeriod, to: date)
        case .fee(let notice):
            facts.fee = notice
            facts.feeTimeExcluded = agency.feeTimeExcluded
            // Sent electronically, the notice is received the day it goes out; by post or collected, its 20 working
            // days run from a receipt not yet known, and the notice says so in words.
            if ["email", "online"].contains(record.delivery) {
                facts.feePayBy = engine.calendar.adding(workingDays: DeadlineEngine.feePaymentPeriod, to: date)
            }
        case .answer(let result, let detail, let elsewhere):
            facts.result = AnswerResult.find(result, format: ReportFormat.expected(forYear: date.year))
            facts.answerDetail = detail
            facts.elsewhere = elsewhere
            facts.consulted = history.contains { $0.kind == ClockEvent.Kind.consultSent.rawValue }
        case .answerCorrection(let result, let detail):
            facts.correction = result
            facts.answerDetail = detail
        case .askReasons(let what): facts.reasonsAsked = what
        case .deferAnswer(let until, let reason):
            facts.deferredUntil = until
            facts.deferralReason = reason
            facts.reasonsGiven = history.contains { $0.kind == ApplicationMove.Kind.reasonsGiven.rawValue }
        default: break
        }
        return LetterDrafter.draft(kind, facts)
    }

    /// The 复议机关 of `agency` (行政复议法 2023, 第二十四条): its own setting, or else the nearest district 人民政府 above
    /// it — which hears cases against its departments, its subdistricts (派出机关) and its towns. Nil when neither
    /// is on record (a district government with no body set): the letter then names none rather than guess.
    static func reconsiderationBody(of agency: AgencyRecord, on db: any Database) async throws -> String? {
        let own = agency.reconsiderationBody.trimmingCharacters(in: .whitespaces)
        if !own.isEmpty { return own }
        var parentID = agency.$parent.id
        for _ in 0..<16 {
            guard let id = parentID, let parent = try await AgencyRecord.find(id, on: db) else { return nil }
            if parent.kind == .districtGovernment { return parent.name }
            parentID = parent.$parent.id
        }
        return nil
    }

    /// The fee notice a form asks for, assessed from the scales of 国办函〔2020〕109号 — the amount is computed here,
    /// never typed: by the applicant's applications to this agency in the calendar month of receipt (counted by
    /// identity number, this one included), or by the pages to be provided.
    func feeNotice(finding: String?, scale: String?, pages: String?, for record: ApplicationRecord, agency: AgencyRecord) async throws -> FeeNotice {
        let charge: InformationProcessingFee.Charge
        switch InformationProcessingFee.Scale(rawValue: scale ?? "") ?? .perApplication {
        case .perPage:
            guard let count = Int((pages ?? "").trimmingCharacters(in: .whitespaces)), (1...1_000_000).contains(count) else {
                throw Refused(.unprocessableEntity, .feePagesRange)
            }
            charge = InformationProcessingFee.perPage(count)
        case .perApplication:
            guard !record.idNumber.isEmpty else { throw Refused(.unprocessableEntity, .feeNeedsIdentity) }
            charge = InformationProcessingFee.perApplication(ordinal: try await ordinalInMonth(record))
        }
        let notice = FeeNotice(
            finding: (finding ?? "").trimmingCharacters(in: .whitespacesAndNewlines), charge: charge,
            payment: agency.feePayment.trimmingCharacters(in: .whitespacesAndNewlines))
        // Refused before a letter is even drafted: the same reasons the workflow gives when it is sent.
        if let refusal = notice.refusal { throw Refusal(refusal: refusal) }
        return notice
    }

    /// Which of its applicant's applications to the agency in its calendar month of receipt this one is (1 for the
    /// first), in the order of receipt and then of tracking number.
    func ordinalInMonth(_ record: ApplicationRecord) async throws -> Int {
        guard let received = record.receivedOn.flatMap(Day.init(iso:)) else { return 1 }
        // NB: days are stored as ISO text, so the month is the text range from its "-01" to before "-32".
        let month = String(received.iso.prefix(7))
        let same = try await ApplicationRecord.query(on: db).filter(\.$agency.$id == record.$agency.id).filter(\.$idNumber == record.idNumber)
            .filter(\.$kind == .disclosure)
            .filter(\.$receivedOn >= month + "-01").filter(\.$receivedOn < month + "-32").all()
        let mine = (received.iso, record.trackingNumber)
        return same.filter { other in
            guard let day = other.receivedOn else { return false }
            return (day, other.trackingNumber) <= mine
        }.count
    }

    /// The letter as it goes out: the staff's edited title and body, or the draft where they left them empty.
    func letterAsSent(
        _ move: ApplicationMove, for record: ApplicationRecord, agency: AgencyRecord, date: Day, today: Day, title: String?, body: String?
    ) async throws -> (title: String, body: String)? {
        guard let drafted = try await draftLetter(move, for: record, agency: agency, date: date, today: today) else { return nil }
        // NB: a browser sends a textarea's line breaks as CRLF; the letter is kept with the drafts' LF.
        let edited = (body ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if case .fee(let notice) = move, !edited.isEmpty,
            !(edited.contains("人民币\(notice.charge.total)元") && edited.contains(notice.charge.breakdown))
        {
            // The amount comes from the scales: wording may change, the amount and its breakdown may not.
            throw Refused(.unprocessableEntity, .feeAmountFixed, notice.charge.total)
        }
        let heading = (title ?? "").trimmingCharacters(in: .whitespaces)
        return (title: heading.isEmpty ? drafted.title : heading, body: edited.isEmpty ? drafted.body : edited)
    }
}

import Crypto
import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// Applications for disclosure on the statutory clock: intake, the moves of the workflow, letters, notifications.
/// Every move is checked by the same `DeadlineEngine` the CLI uses; a move the law does not allow is refused with
/// its reason and changes nothing.
struct Applications {
    let db: any Database
    let calendar: WorkdayCalendar
    var mailer: Mailer? = nil
    var eventLoopGroup: (any EventLoopGroup)? = nil
    var settings = ClockSettings()

    var engine: DeadlineEngine { DeadlineEngine(calendar: calendar, settings: settings) }

    /// The clock of one application: the fee setting is the agency's when the fee notice went out.
    func engine(for record: ApplicationRecord) -> DeadlineEngine {
        var settings = settings
        settings.feeTimeExcluded = record.feeTimeExcluded
        return DeadlineEngine(calendar: calendar, settings: settings)
    }

    // MARK: Intake

    typealias InvalidInput = InvalidFields

    /// A refused move: the law (or the application's state) does not allow it; nothing was changed.
    struct Refusal: SaidError {
        var refusal: ApplicationRefusal
        var status: HTTPResponseStatus { .conflict }
        var said: Said { refusal.said }
    }

    static func secretHash(_ secret: String) -> String { SHA256.hash(data: Data(secret.utf8)).hex }

    /// A secret for status look-ups: 12 characters that cannot be mistaken for one another.
    static func newSecret() -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }

    /// An application taken in: the record, its secret (shown once, stored only as a hash), and whether it had been
    /// sent before with the same key.
    struct Submission {
        var record: ApplicationRecord
        var secret: String
        var repeated = false
    }

    /// Whether `key` can be a submission key: 16 to 64 letters, digits, `-` or `_` (a UUID is one).
    static func isSubmissionKey(_ key: String) -> Bool {
        (16...64).contains(key.count)
            && key.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Takes in an application. Online ones wait for staff to confirm receipt (第三十一条); registered ones are
    /// received on the day given. The same submission key sent again (a double click, a retry after a lost answer,
    /// two at once) is the application it made: nothing is registered twice, and the public is given a new secret
    /// for it, since the first answer may never have arrived.
    /// `limits` (the public's submissions): counted first thing in the transaction that stores the application, so an
    /// accepted one costs one commit, not one more for each count.
    func submit(
        _ input: Input, agency: AgencyRecord, byStaff staff: StaffUser?, today: Day, limits: RateLimit.Check? = nil
    ) async throws
        -> Submission
    {
        let key = try (input.submissionKey?.trimmingCharacters(in: .whitespaces)).flatMap { sent -> String? in
            if sent.isEmpty { return nil }
            guard Self.isSubmissionKey(sent) else { throw BadParameter(name: "submissionKey", problem: UIText.notASubmissionKey.said()) }
            return SHA256.hash(data: Data(sent.utf8)).hex
        }
        if let key, let earlier = try await ApplicationRecord.query(on: db).filter(\.$submissionKey == key).first() {
            return try await repeated(earlier, agency: agency, byStaff: staff, today: today)
        }
        if staff == nil, let earlier = try await sameAsSentToday(input, agency: agency, today: today) {
            return try await repeated(earlier, agency: agency, byStaff: nil, today: today)
        }
        do {
            return try await submitNew(input, key: key, agency: agency, byStaff: staff, today: today, limits: limits)
        } catch  where (error as? any DatabaseError)?.isConstraintFailure == true && key != nil {
            // The same key, sent at once: the other request made the application.
            guard let earlier = try await ApplicationRecord.query(on: db).filter(\.$submissionKey == key).first() else { throw error }
            return try await repeated(earlier, agency: agency, byStaff: staff, today: today)
        }
    }

    /// An online application sent today, not yet confirmed, with the same identity number and the same request: a
    /// person who went back to the form (which made the form a new key) and sent it again sent the same application.
    private func sameAsSentToday(_ input: Input, agency: AgencyRecord, today: Day) async throws -> ApplicationRecord? {
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let idNumber = IdentityDocument.normalized(input.idNumber ?? "")
        guard !idNumber.isEmpty else { return nil }
        return try await ApplicationRecord.query(on: db).filter(\.$agency.$id == agency.requireID()).filter(\.$status == .submitted)
            .filter(\.$submittedOn == today.iso).filter(\.$channel == ReceiptChannel.online.rawValue).filter(\.$idNumber == idNumber)
            .filter(\.$infoTitle == text(input.infoTitle)).filter(\.$infoNumber == text(input.infoNumber))
            .filter(\.$infoDescription == text(input.infoDescription)).first()
    }

    /// The application an earlier submission with the same key made, with a new secret for the public (written in its
    /// history, which says the form came again); staff's registrations have no secret to give.
    private func repeated(_ earlier: ApplicationRecord, agency: AgencyRecord, byStaff staff: StaffUser?, today: Day) async throws -> Submission {
        guard earlier.$agency.id == agency.id else {
            throw BadParameter(name: "submissionKey", problem: UIText.notASubmissionKey.said())
        }
        guard staff == nil else { return Submission(record: earlier, secret: "", repeated: true) }
        let secret = Self.newSecret()
        earlier.secretHash = Self.secretHash(secret)
        try await db.transaction { db in
            try await earlier.save(on: db)
            try await append(
                earlier, kind: "repeated", date: today.iso, actor: Audit.Actor.applicant, detail: "同一份申请再次提交，未重复登记；查询码已重新生成",
                on: db)
        }
        return Submission(record: earlier, secret: secret, repeated: true)
    }

    private func submitNew(
        _ input: Input, key: String?, agency: AgencyRecord, byStaff staff: StaffUser?, today: Day, limits: RateLimit.Check?
    ) async throws -> Submission {
        let problems = input.problems(byStaff: staff != nil, today: today)
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        @Sendable func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        // NB: `problems` already refused a staff registration without a channel; none is ever guessed.
        guard let channel = staff == nil ? ReceiptChannel.online : ReceiptChannel(rawValue: text(input.channel)) else {
            throw InvalidInput(problems: ["channel": UIText.problemChannel.said()])
        }
        let received: Day? = channel == .online ? nil : Day(iso: text(input.receivedOn))
        let secret = Self.newSecret()
        let agencyID = try agency.requireID()
        let (record, mail) = try await db.transaction { db -> (ApplicationRecord, UUID?) in
            try await limits?.count(on: db)
            let sequence = try await Counters.next(.trackingNumbers, agency: agencyID, year: today.year, on: db)
            let record = ApplicationRecord()
            record.$agency.id = agencyID
            record.trackingNumber = "\(agency.code)-\(today.year)-\(String(format: "%05d", sequence))"
            record.secretHash = Self.secretHash(secret)
            record.applicantType = text(input.applicantType)
            record.name = text(input.name)
            record.idType = text(input.idType)
            record.idNumber = IdentityDocument.normalized(input.idNumber ?? "")
            record.phone = text(input.phone)
            record.email = text(input.email)
            record.address = text(input.address)
            record.infoTitle = text(input.infoTitle)
            record.infoNumber = text(input.infoNumber)
            record.infoDescription = text(input.infoDescription)
            record.infoKey = SearchText.indexed(record.infoTitle)
            record.formWanted = text(input.formWanted)
            record.delivery = text(input.delivery)
            record.channel = channel.rawValue
            record.submittedOn = (received ?? today).iso
            record.receivedOn = received?.iso
            record.status = received == nil ? .submitted : .open
            record.answerDetail = ""
            record.feeTimeExcluded = agency.feeTimeExcluded
            record.letterNumber = ""
            record.oral = staff != nil && input.isOral
            record.kind = input.applicationKind ?? .disclosure
            record.revision = 0
            record.submissionKey = key
            if let staff { record.$officer.id = staff.id }
            if let received { record.dueOn = engine.calendar.adding(workingDays: DeadlineEngine.answerPeriod, to: received).iso }
            try await record.create(on: db)
            let actor = staff?.username ?? Audit.Actor.applicant
            try await append(
                record, kind: "submitted", date: (received ?? today).iso, actor: actor,
                detail: staff == nil
                    ? "通过网上申请平台提交"
                    : record.oral ? "申请人口头提出，工作人员代为填写，经申请人核对确认（第二十九条）" : "工作人员登记：\(channel.explanation)", on: db)
            if received != nil {
                try await append(record, kind: "confirmed", date: received!.iso, actor: actor, detail: channel.explanation, on: db)
            }
            try await Audit.record(.create, .application, id: record.id!.uuidString, agency: agency.code, by: actor, on: db)
            let asked = record.kind == .correction ? "更正申请" : "政府信息公开申请"
            let mail = try await notify(
                record, subject: "\(asked)已提交",
                body: staff == nil
                    ? "您的\(asked)已提交，申请编号\(record.trackingNumber)。本机关确认收到后，答复期限自确认之日起计算。"
                    : "本机关已于\(record.receivedOn ?? "")收到您的\(asked)，申请编号\(record.trackingNumber)。", today: today, on: db)
            return (record, mail)
        }
        await deliver(mail, today: today)
        return Submission(record: record, secret: secret)
    }

    // MARK: History and the clock

    func history(_ record: ApplicationRecord) async throws -> [ApplicationEventRecord] {
        try await ApplicationEventRecord.query(on: db).filter(\.$application.$id == record.requireID()).sort(\.$seq).all()
    }

    /// The histories of many applications in one query (for lists), by application id.
    func histories(_ records: [ApplicationRecord]) async throws -> [UUID: [ApplicationEventRecord]] {
        var out: [UUID: [ApplicationEventRecord]] = [:]
        let ids = records.compactMap(\.id)
        for chunk in stride(from: 0, to: ids.count, by: 1000) {
            let events = try await ApplicationEventRecord.query(on: db).filter(\.$application.$id ~~ Array(ids[chunk..<min(chunk + 1000, ids.count)]))
                .sort(\.$seq).all()
            for event in events { out[event.$application.id, default: []].append(event) }
        }
        return out
    }

    static func clockEvents(_ history: [ApplicationEventRecord]) -> [ClockEvent] {
        history.compactMap { event in
            guard let kind = ClockEvent.Kind(rawValue: event.kind), let day = Day(iso: event.date) else { return nil }
            return ClockEvent(kind, day, days: event.days, until: event.until.flatMap(Day.init(iso:)))
        }
    }

    /// The deadline as the clock computes it now; nil until receipt is confirmed.
    func deadline(_ record: ApplicationRecord, history: [ApplicationEventRecord], today: Day, explain: Bool = true) throws -> Deadline? {
        guard let received = record.receivedOn.flatMap(Day.init(iso:)) else { return nil }
        do {
            return try engine(for: record).compute(
                received: received, channel: ReceiptChannel(rawValue: record.channel) ?? .inPerson,
                events: Self.clockEvents(history), today: today, explain: explain)
        } catch {
            throw Abort(.internalServerError, reason: "申请 \(record.trackingNumber) 的办理记录无法计算期限：\(error.description)")
        }
    }

    @discardableResult
    private func append(
        _ record: ApplicationRecord, kind: String, date: String, days: Int? = nil, until: Day? = nil, actor: String, detail: String,
        on db: any Database
    ) async throws -> ApplicationEventRecord {
        try await Self.appendEvent(record, kind: kind, date: date, days: days, until: until, actor: actor, detail: detail, on: db)
    }

    /// Appends a line to an application's history, numbered after the last one.
    @discardableResult
    static func appendEvent(
        _ record: ApplicationRecord, kind: String, date: String, days: Int? = nil, until: Day? = nil, actor: String, detail: String,
        on db: any Database
    ) async throws -> ApplicationEventRecord {
        let last = try await ApplicationEventRecord.query(on: db).filter(\.$application.$id == record.requireID()).max(\.$seq) ?? 0
        let event = ApplicationEventRecord(
            applicationID: try record.requireID(), kind: kind, date: date, days: days, until: until?.iso, actor: actor, detail: detail,
            seq: last + 1)
        try await event.create(on: db)
        return event
    }

    // MARK: Moves

    /// The application as the domain's workflow sees it.
    static func workflowCase(_ record: ApplicationRecord, history: [ApplicationEventRecord]) -> ApplicationCase {
        ApplicationCase(
            status: record.status, submitted: Day(iso: record.submittedOn) ?? .regulationsInForce,
            received: record.receivedOn.flatMap(Day.init(iso:)),
            channel: ReceiptChannel(rawValue: record.channel) ?? .inPerson, events: clockEvents(history), kind: record.kind)
    }

    /// The moves `user` may make on the application today (the page offers only these).
    func offeredMoves(_ record: ApplicationRecord, history: [ApplicationEventRecord], to user: StaffUser, today: Day) -> [ApplicationMove.Kind] {
        ApplicationWorkflow.offered(to: user.role, for: Self.workflowCase(record, history: history), today: today, engine: engine(for: record))
    }

    /// Refuses `move` as `perform` would, without changing anything: a letter is drafted only for a move that can be
    /// sent (an answer lacking what 第三十六条 asks for is refused before its letter is written, not after).
    func check(_ move: ApplicationMove, on record: ApplicationRecord, date: Day, by user: StaffUser, today: Day) async throws {
        let history = try await history(record)
        do {
            _ = try ApplicationWorkflow.apply(
                move, to: Self.workflowCase(record, history: history), on: date, by: user.role, today: today, engine: engine(for: record))
        } catch {
            throw Refusal(refusal: error)
        }
    }

    /// Performs `move` on `date`, as the domain's workflow allows it; `letter` is the text as sent (drafted by
    /// `draftLetter`, edited by staff).
    func perform(
        _ move: ApplicationMove, on record: ApplicationRecord, date: Day, letter: (title: String, body: String)?, by user: StaffUser, today: Day
    ) async throws {
        let history = try await history(record)
        if case .fee = move {
            // The agency's fee setting as it stands when the notice goes out governs this application's clock.
            record.feeTimeExcluded = try await record.$agency.get(on: db).feeTimeExcluded
        }
        let outcome: ApplicationOutcome
        do {
            outcome = try ApplicationWorkflow.apply(
                move, to: Self.workflowCase(record, history: history), on: date, by: user.role, today: today, engine: engine(for: record))
        } catch {
            throw Refusal(refusal: error)
        }
        let before = record.status
        let mail = try await db.transaction { db -> UUID? in
            try await claim(record, on: db)
            if case .confirm = move {
                try await append(record, kind: "confirmed", date: date.iso, actor: user.username, detail: move.detail, on: db)
                if record.$officer.id == nil { record.$officer.id = user.id }
            } else {
                try await append(
                    record, kind: outcome.event?.kind.rawValue ?? move.kind.rawValue, date: date.iso, days: outcome.event?.days,
                    until: outcome.event?.until,
                    actor: user.username,
                    detail: move.detail, on: db)
            }
            if let letter, let kind = move.letter {
                let stored = LetterRecord()
                stored.$application.id = try record.requireID()
                stored.number = ""
                if kind.isNumbered {
                    let agency = try await record.$agency.get(on: db)
                    let sequence = try await Counters.next(.letterNumbers, agency: try agency.requireID(), year: date.year, on: db)
                    stored.number = LetterNumber.make(pattern: agency.letterNumberPattern, year: date.year, sequence: sequence)
                    record.letterNumber = stored.number
                }
                stored.kind = kind.rawValue
                stored.title = letter.title
                stored.body = letter.body
                stored.sentOn = date.iso
                stored.sentBy = user.username
                try await stored.create(on: db)
                try await append(
                    record, kind: "letter", date: date.iso, actor: user.username,
                    detail: "发出《\(letter.title)》" + (stored.number.isEmpty ? "" : "（\(stored.number)）"), on: db)
            }
            record.status = outcome.status
            record.receivedOn = outcome.received?.iso
            record.dueOn = outcome.deadline?.due?.iso
            if let result = outcome.result { record.result = result }
            if let format = outcome.resultFormat { record.resultFormat = format.rawValue }
            if let answered = outcome.answered { record.answeredOn = answered.iso }
            if let closed = outcome.closed { record.closedOn = closed.iso }
            switch move {
            case .answer(_, let detail, _):
                record.answerDetail = detail
                // 第十八条: what was withheld is assessed again, first a year on.
                if let result = outcome.result.flatMap({ AnswerResult.find($0, format: ReportFormat.expected(forYear: date.year)) }), result.withholds
                {
                    record.reassessOn = AnswerResult.reassessment(after: date).iso
                }
            case .fee(let notice): record.feeAmount = notice.charge.total
            case .feePaid: record.feePaidOn = date.iso
            default: break
            }
            try await record.save(on: db)
            try await Audit.record(
                .init(move), .application, id: record.id!.uuidString, agency: nil, by: user.username, before: Audit.json(["status": before.rawValue]),
                after: Audit.json(["status": record.status.rawValue]), on: db)
            let number = record.letterNumber.isEmpty || move.letter?.isNumbered != true ? "" : record.letterNumber + "\n\n"
            let body =
                letter.map { number + $0.body }
                ?? "您的政府信息公开申请（申请编号\(record.trackingNumber)）：\(move.label)（\(date.iso)）。当前状态：\(record.status.label)。"
            return try await notify(record, subject: letter?.title ?? "政府信息公开申请：\(move.label)", body: body, today: today, on: db)
        }
        await deliver(mail, today: today)
    }

    /// Records an assessment of withheld information (第十八条): its conclusion, in the history and the audit log, and
    /// the next one's day (none when the information is now disclosed or no longer held back).
    func reassess(_ record: ApplicationRecord, conclusion: String, next: Day?, on date: Day, by user: StaffUser) async throws {
        let before = record.reassessOn
        record.reassessOn = next?.iso
        try await db.transaction { db in
            try await claim(record, on: db)
            try await append(
                record, kind: "reassessed", date: date.iso, actor: user.username,
                detail: "第十八条复查：\(conclusion)；" + (next.map { "下次复查：\($0.iso)" } ?? "不再复查"), on: db)
            try await record.save(on: db)
            try await Audit.record(
                .reassess, .application, id: record.requireID().uuidString, agency: nil, by: user.username,
                before: Audit.json(["reassessOn": before]), after: Audit.json(["reassessOn": next?.iso, "conclusion": conclusion]), on: db)
        }
    }

    /// Takes `record` for one change, first thing in the change's transaction: its revision goes up by one only if it
    /// is still the one the change was decided on. Of two moves made at once on one application (two officers, a
    /// double click, a retried API call), one is done and the other refused with a 409, never both written over the
    /// same history. NB: the UPDATE comes first so that on SQLite the transaction holds the write lock before it reads.
    func claim(_ record: ApplicationRecord, on db: any Database) async throws {
        let sql = try db.sql()
        let claimed = try await sql.raw(
            "UPDATE applications SET revision = revision + 1 WHERE id = \(bind: try record.requireID()) AND revision = \(bind: record.revision) RETURNING revision"
        ).all()
        guard !claimed.isEmpty else { throw try Applications.changedMeanwhile(record) }
        record.revision += 1
    }

    /// The refusal of a move on an application changed since: its page links back to the application as it is now.
    static func changedMeanwhile(_ record: ApplicationRecord) throws -> Refused {
        Refused(.conflict, .applicationChangedMeanwhile, record.trackingNumber)
            .goingOn(to: SiteURL.staffApplication(try record.requireID()).path, UIText.openApplicationAgain.said(record.trackingNumber))
    }

    static func request(_ record: ApplicationRecord) -> String {
        [record.infoTitle, record.infoNumber.isEmpty ? "" : "文号：\(record.infoNumber)", record.infoDescription]
            .filter { !$0.isEmpty }.joined(separator: "；")
    }

    /// What anyone holding the tracking number and secret may see: status and dates, never personal data.
    func publicStatus(_ record: ApplicationRecord, today: Day) async throws -> ApplicationStatusDTO {
        let agency = try await record.$agency.get(on: db)
        let deadline = try deadline(record, history: try await history(record), today: today, explain: false)
        return ApplicationStatusDTO(
            trackingNumber: record.trackingNumber, agencyCode: agency.code, agencyName: agency.name, status: record.status.rawValue,
            statusLabel: record.status.label, submittedOn: record.submittedOn, receivedOn: record.receivedOn,
            dueOn: deadline?.due?.iso ?? record.dueOn, provisional: deadline?.provisional ?? false, closedOn: record.closedOn,
            result: record.result,
            resultLabel: record.result.flatMap { AnswerResult.find($0, format: ReportFormat(rawValue: record.resultFormat ?? "") ?? .v2021)?.label })
    }

    // MARK: Notifications

    /// Tells the applicant, on `db` (the transaction of the change it tells of, so the two are one unit): the full
    /// text goes into the history always, and into the outbox when SMTP is configured and the applicant left an
    /// address. Returns the outbox message's id for `deliver` after the commit.
    func notify(_ record: ApplicationRecord, subject: String, body: String, today: Day, on db: any Database) async throws -> UUID? {
        let to = record.email.isEmpty ? "（未留电子邮箱，请电话或邮寄告知：\(Masking.phone(record.phone))）" : record.email
        try await append(record, kind: "notified", date: today.iso, actor: Audit.Actor.system, detail: "致\(to)：\(subject)\n\n\(body)", on: db)
        guard mailer != nil, !record.email.isEmpty else { return nil }
        return try await Outbox.enqueue(application: try record.requireID(), to: record.email, subject: subject, body: body, on: db)
    }

    /// Mails the message queued by a change, once that change is committed; what fails stays in the outbox for the
    /// worker's next try (a mail server that is down loses nothing).
    func deliver(_ message: UUID?, today: Day) async {
        guard let message, let mailer, let group = eventLoopGroup else { return }
        await Outbox(db: db, mailer: mailer, group: group, today: today).deliver([message])
    }
}

extension ApplicationRecord {
    /// Answered by giving the information in whole or in part (the answers 第四十四条 can bring into the catalogue).
    var providesInformation: Bool {
        guard status == .answered, let result else { return false }
        return AnswerResult.find(result, format: ReportFormat(rawValue: resultFormat ?? "") ?? .v2021)?.providesInformation == true
    }
}

import Crypto
import Fluent
import Foundation
import Gongkai
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

    /// What an applicant (or staff registering a paper application) fills in. No purpose or reason is asked.
    struct Input: Content {
        var applicantType: String?
        var name: String?
        var idType: String?
        var idNumber: String?
        var phone: String?
        var email: String?
        var address: String?
        var infoTitle: String?
        var infoNumber: String?
        var infoDescription: String?
        var formWanted: String?
        var delivery: String?
        /// Staff only: how it came in and the day of receipt.
        var channel: String?
        var receivedOn: String?
        /// Staff only (第二十九条): "on" when the application was made orally and written down by staff, and when the
        /// applicant has checked what was written and confirmed it.
        var oral: String?
        var applicantConfirmed: String?
        /// `disclosure` (the default) or `correction` (第四十一条).
        var kind: String?

        /// What the application asks; a missing kind is a disclosure application.
        var applicationKind: ApplicationKind? { kind.map { ApplicationKind(rawValue: $0) } ?? .disclosure }

        static let forms: [(key: String, value: UIText)] = [("paper", .formPaper), ("electronic", .formElectronic)]
        static let deliveries: [(key: String, value: UIText)] = [
            ("post", .deliveryPost), ("email", .deliveryEmail), ("collect", .deliveryCollect), ("online", .deliveryOnline),
        ]

        /// The words for a stored form or delivery (the stored key when it is none of them).
        static func words(_ key: String, in choices: [(key: String, value: UIText)], _ language: Language) -> String {
            choices.first { $0.key == key }?.value(language) ?? key
        }

        var isOral: Bool { oral == "on" }

        var values: [String: String] {
            [
                "applicantType": applicantType ?? "", "name": name ?? "", "idType": idType ?? "", "idNumber": idNumber ?? "",
                "phone": phone ?? "", "email": email ?? "", "address": address ?? "", "infoTitle": infoTitle ?? "",
                "infoNumber": infoNumber ?? "", "infoDescription": infoDescription ?? "", "formWanted": formWanted ?? "",
                "delivery": delivery ?? "", "channel": channel ?? "", "receivedOn": receivedOn ?? "", "oral": oral ?? "",
                "applicantConfirmed": applicantConfirmed ?? "", "kind": kind ?? ApplicationKind.disclosure.rawValue,
            ]
        }

        /// Field → what is wrong, in the words the form shows beside the field.
        func problems(byStaff: Bool, today: Day) -> [String: Said] {
            var problems: [String: Said] = [:]
            func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            let type = ApplicantType(rawValue: text(applicantType))
            if type == nil { problems["applicantType"] = UIText.problemApplicantType.said() }
            if applicationKind == nil { problems["kind"] = UIText.problemApplicationKind.said() }
            if text(name).isEmpty { problems["name"] = (type?.isNaturalPerson == false ? UIText.problemOrganisationName : .problemPersonName).said() }
            if text(name).count > 100 { problems["name"] = UIText.problemNameLength.said() }
            if let document = IdentityDocument(rawValue: text(idType)) {
                if let type, !IdentityDocument.allowed(for: type).contains(document) {
                    problems["idType"] = Said(
                        zh: UIText.problemDocumentNotFor(.zh, type.label, document.label),
                        en: UIText.problemDocumentNotFor(.en, type.label(.en), document.label(.en)))
                } else if let problem = document.problem(with: text(idNumber)) {
                    problems["idNumber"] = problem.said
                }
            } else {
                problems["idType"] = UIText.problemIdType.said()
            }
            let phoneDigits = text(phone).filter { !"- ".contains($0) }
            if phoneDigits.isEmpty {
                problems["phone"] = UIText.problemPhone.said()
            } else if phoneDigits.count < 7 || phoneDigits.count > 20 || !phoneDigits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) {
                problems["phone"] = UIText.problemPhoneDigits.said()
            }
            let mail = text(email)
            if !mail.isEmpty, mail.count > 200 || !mail.contains("@") || mail.hasPrefix("@") || mail.hasSuffix("@") || mail.contains(" ") {
                problems["email"] = UIText.problemEmail.said()
            }
            if text(delivery) == "email", mail.isEmpty { problems["email"] = UIText.problemEmailNeeded.said() }
            if text(delivery) == "post", text(address).isEmpty { problems["address"] = UIText.problemAddressNeeded.said() }
            if text(infoTitle).isEmpty, text(infoNumber).isEmpty, text(infoDescription).isEmpty {
                problems["infoTitle"] = UIText.problemInfo.said()
            }
            if text(infoDescription).count > 2000 { problems["infoDescription"] = UIText.problemDescriptionLength.said() }
            if !Self.forms.contains(where: { $0.key == text(formWanted) }) { problems["formWanted"] = UIText.problemForm.said() }
            if !Self.deliveries.contains(where: { $0.key == text(delivery) }) { problems["delivery"] = UIText.problemDelivery.said() }
            if byStaff {
                let channel = ReceiptChannel(rawValue: text(channel))
                if channel == nil { problems["channel"] = UIText.problemChannel.said() }
                // 第二十九条: an oral application is made in person and written down for the applicant, who confirms it.
                if isOral {
                    if channel != .inPerson { problems["channel"] = UIText.problemOralInPerson.said() }
                    if applicantConfirmed != "on" { problems["applicantConfirmed"] = UIText.problemOralUnconfirmed.said() }
                }
                if channel != .online {
                    if let day = Day(iso: text(receivedOn)) {
                        if day > today { problems["receivedOn"] = UIText.problemReceivedFuture.said() }
                        if day < .regulationsInForce { problems["receivedOn"] = UIText.problemReceivedBeforeLaw.said(Day.regulationsInForce.iso) }
                    } else {
                        problems["receivedOn"] = UIText.problemReceivedOn.said()
                    }
                }
            }
            return problems
        }
    }

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

    /// Takes in an application. Online ones wait for staff to confirm receipt (第三十一条); registered ones are
    /// received on the day given. Returns the record and the secret (shown once, stored only as a hash).
    func submit(_ input: Input, agency: AgencyRecord, byStaff staff: StaffUser?, today: Day) async throws -> (ApplicationRecord, String) {
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
        let record = try await db.transaction { db -> ApplicationRecord in
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
            return record
        }
        let asked = record.kind == .correction ? "更正申请" : "政府信息公开申请"
        try await notify(
            record, subject: "\(asked)已提交",
            body: staff == nil
                ? "您的\(asked)已提交，申请编号\(record.trackingNumber)。本机关确认收到后，答复期限自确认之日起计算。"
                : "本机关已于\(record.receivedOn ?? "")收到您的\(asked)，申请编号\(record.trackingNumber)。", today: today)
        return (record, secret)
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
        try await db.transaction { db in
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
        }
        let number = record.letterNumber.isEmpty || move.letter?.isNumbered != true ? "" : record.letterNumber + "\n\n"
        let body =
            letter.map { number + $0.body } ?? "您的政府信息公开申请（申请编号\(record.trackingNumber)）：\(move.label)（\(date.iso)）。当前状态：\(record.status.label)。"
        try await notify(record, subject: letter?.title ?? "政府信息公开申请：\(move.label)", body: body, today: today)
    }

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

    /// Records an assessment of withheld information (第十八条): its conclusion, in the history and the audit log, and
    /// the next one's day (none when the information is now disclosed or no longer held back).
    func reassess(_ record: ApplicationRecord, conclusion: String, next: Day?, on date: Day, by user: StaffUser) async throws {
        let before = record.reassessOn
        record.reassessOn = next?.iso
        try await db.transaction { db in
            try await append(
                record, kind: "reassessed", date: date.iso, actor: user.username,
                detail: "第十八条复查：\(conclusion)；" + (next.map { "下次复查：\($0.iso)" } ?? "不再复查"), on: db)
            try await record.save(on: db)
            try await Audit.record(
                .reassess, .application, id: record.requireID().uuidString, agency: nil, by: user.username,
                before: Audit.json(["reassessOn": before]), after: Audit.json(["reassessOn": next?.iso, "conclusion": conclusion]), on: db)
        }
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

    /// Tells the applicant: recorded in the timeline with the full text always; mailed when SMTP is configured and
    /// the applicant left an address, with the outcome recorded too (a mail server that is down loses nothing).
    func notify(_ record: ApplicationRecord, subject: String, body: String, today: Day) async throws {
        let to = record.email.isEmpty ? "（未留电子邮箱，请电话或邮寄告知：\(Masking.phone(record.phone))）" : record.email
        try await append(record, kind: "notified", date: today.iso, actor: Audit.Actor.system, detail: "致\(to)：\(subject)\n\n\(body)", on: db)
        guard let mailer, let group = eventLoopGroup, !record.email.isEmpty else { return }
        do {
            try await mailer.send(to: record.email, subject: subject, body: body, on: group)
            try await append(
                record, kind: "mailed", date: today.iso, actor: Audit.Actor.system, detail: "已通过电子邮件发送至\(record.email)：\(subject)", on: db)
        } catch {
            try await append(
                record, kind: "mail-failed", date: today.iso, actor: Audit.Actor.system, detail: "电子邮件未能发送（\(String(describing: error))），请另行告知",
                on: db)
        }
    }
}

extension ApplicationRecord {
    /// Answered by giving the information in whole or in part (the answers 第四十四条 can bring into the catalogue).
    var providesInformation: Bool {
        guard status == .answered, let result else { return false }
        return AnswerResult.find(result, format: ReportFormat(rawValue: resultFormat ?? "") ?? .v2021)?.providesInformation == true
    }
}

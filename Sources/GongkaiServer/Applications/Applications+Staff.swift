import Fluent
import Gongkai
import Vapor

/// The disclosure officer's side: the dashboard, registering applications, the moves of the workflow with their
/// letters, review cases, and moving answers into the catalogue (第四十四条).
typealias ReviewKind = ReportFacts.ReviewCase.Kind
typealias ReviewResult = ReportFacts.ReviewCase.Result

struct ApplicationStaffController {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffApplications, use: dashboard)
        signedIn.get(.staffNewApplication, use: newForm)
        signedIn.post(.staffNewApplication, use: create)
        signedIn.get(.staffApplication, use: show)
        signedIn.get(.staffApplicationCompose, use: compose)
        signedIn.post(.staffApplicationMove, use: move)
        signedIn.get(.staffApplicationLetter, use: letter)
        signedIn.get(.staffApplicationForm, use: printedForm)
        signedIn.post(.staffApplicationReviews, use: addReview)
        signedIn.post(.staffApplicationReview, use: decideReview)
        signedIn.post(.staffApplicationPublish, use: publish)
        signedIn.post(.staffApplicationReassess, use: reassess)
    }

    /// Who sees applications: the agency's officers, its office head and administrators (all details), a
    /// supervisor (read-only, masked). Editors and reviewers of the catalogue do not.
    struct Reader {
        var user: StaffUser
        var access: Access
        var canAct: Bool
        var seesDetails: Bool

        static func of(_ req: Request) async throws -> Reader {
            let user = try req.requireStaff()
            let access = try await Access.of(user, on: req.db)
            switch user.role {
            case .officer, .officeHead, .administrator: return Reader(user: user, access: access, canAct: true, seesDetails: true)
            case .supervisor: return Reader(user: user, access: access, canAct: false, seesDetails: false)
            case .editor, .reviewer: throw Refused(.forbidden, .applicationsForOfficers)
            }
        }
    }

    private func application(_ req: Request, _ reader: Reader) async throws -> ApplicationRecord {
        guard let id = req.parameters.get("id", as: UUID.self),
            let record = try await ApplicationRecord.query(on: req.db).filter(\.$id == id).with(\.$agency).with(\.$officer).first(),
            reader.access.canRead(agency: record.$agency.id)
        else { throw Refused(.notFound, .noSuchApplication) }
        return record
    }

    private func service(_ req: Request) -> Applications { req.applications }

    // MARK: Dashboard

    struct Row {
        var application: ApplicationSummary
        var deadline: Deadline?
        var bucket: String
    }

    func dashboard(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let view = try req.queryText("view") ?? "open"
        let officer = try req.queryText("officer")
        var rows = try await Self.rows(req, access: reader.access, view: view)
        let counts = Dictionary(grouping: rows, by: \.bucket).mapValues(\.count)
        let officers = Set(rows.compactMap(\.application.officerUsername)).sorted()
        if let officer { rows = rows.filter { $0.application.officerUsername == officer } }
        switch view {
        case "due-soon": rows = rows.filter { $0.bucket == "due-soon" }
        case "overdue": rows = rows.filter { $0.bucket == "overdue" }
        case "waiting": rows = rows.filter { $0.bucket == "waiting" }
        case "unconfirmed": rows = rows.filter { $0.bucket == "unconfirmed" }
        case "to-close": rows = rows.filter { $0.bucket == "to-close" }
        default: break
        }
        let sort = try req.queryText("sort") ?? "due"
        let descending = try req.queryText("order") == "desc"
        rows.sort { a, b in
            let (x, y): (String, String) =
                switch sort {
                case "received": (a.application.receivedOn ?? a.application.submittedOn, b.application.receivedOn ?? b.application.submittedOn)
                case "status": (a.application.status.rawValue, b.application.status.rawValue)
                case "officer": (a.application.officerUsername ?? "", b.application.officerUsername ?? "")
                case "number": (a.application.trackingNumber, b.application.trackingNumber)
                default: (a.deadline?.due?.iso ?? "9999", b.deadline?.due?.iso ?? "9999")
                }
            return x == y ? a.application.trackingNumber < b.application.trackingNumber : (descending ? x > y : x < y)
        }
        return PageRenderer.render(
            ApplicationStaffViews.dashboard(
                rows: rows, counts: counts, view: view, sort: sort, descending: descending, officer: officer, officers: officers,
                seesDetails: reader.seesDetails, viewer: req.staffViewer))
    }

    /// The applications `access` reads, each with its deadline and pile: those in progress, the closed ones
    /// (`view` "closed") or all (`view` "all"); at most 5,000.
    static func rows(_ req: Request, access: Access, view: String) async throws -> [Row] {
        var query = ApplicationRecord.query(on: req.db).with(\.$agency).with(\.$officer)
        if let agencies = access.readableAgencies { query = query.filter(\.$agency.$id ~~ Array(agencies)) }
        if view != "all", view != "closed" { query = query.filter(\.$status ~~ ApplicationStatus.inProgress) }
        if view == "closed" { query = query.filter(\.$status ~~ ApplicationStatus.closed) }
        let records = try await query.limit(5000).all()
        let service = req.applications
        let histories = try await service.histories(records)
        return try records.map { record in
            let deadline = try service.deadline(record, history: histories[try record.requireID()] ?? [], today: req.today, explain: false)
            return Row(
                application: try ApplicationSummary(record), deadline: deadline,
                bucket: bucket(record, deadline, calendar: req.workdays, today: req.today))
        }
    }

    /// Which pile of the dashboard an application is on.
    static func bucket(_ record: ApplicationRecord, _ deadline: Deadline?, calendar: WorkdayCalendar, today: Day) -> String {
        if record.status == .submitted { return "unconfirmed" }
        guard let deadline else { return "closed" }
        switch deadline.status {
        case .answered, .withdrawn: return "closed"
        case .paused: return "waiting"
        case .abandoned: return record.status == .paused ? "to-close" : "closed"
        case .open:
            if deadline.overdue { return "overdue" }
            if deadline.remainingWorkingDays <= 5 { return "due-soon" }
            return "open"
        }
    }

    // MARK: Registering

    func newForm(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        guard reader.canAct, reader.user.agencyID != nil else { throw Refused(.forbidden, .onlyOfficersRegister) }
        return PageRenderer.render(ApplicationStaffViews.register(values: ["receivedOn": req.today.iso], problems: [:], viewer: req.staffViewer))
    }

    func create(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        guard reader.canAct, let agencyID = reader.user.agencyID, let agency = try await AgencyRecord.find(agencyID, on: req.db) else {
            throw Refused(.forbidden, .onlyOfficersRegister)
        }
        let input = try req.decodeBody(Applications.Input.self)
        do {
            let record = try await service(req).submit(input, agency: agency, byStaff: reader.user, today: req.today).record
            return req.redirect(to: SiteURL.staffApplication(record.id!).path)
        } catch let invalid as Applications.InvalidInput {
            return PageRenderer.render(
                ApplicationStaffViews.register(values: input.values, problems: invalid.problems, viewer: req.staffViewer),
                status: .unprocessableEntity)
        }
    }

    // MARK: One application

    func show(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        let service = service(req)
        let history = try await service.history(record)
        let deadline = try service.deadline(record, history: history, today: req.today)
        let letters = try await LetterRecord.query(on: req.db).filter(\.$application.$id == record.id!).sort(\.$createdAt).all()
        let reviews = try await ReviewCaseRecord.query(on: req.db).filter(\.$application.$id == record.id!).sort(\.$filedOn).all()
        let similar = try await Self.similar(to: record, on: req.db)
        let canAct = reader.canAct && reader.access.canWrite(agency: record.$agency.id)
        let page = ApplicationPage(
            application: try ApplicationSummary(record), deadline: deadline, history: history.map(ApplicationPage.Event.init),
            letters: try letters.map(ApplicationPage.Letter.init), reviews: try reviews.map(ApplicationPage.Review.init),
            similar: try similar.map { .init(id: try $0.requireID(), trackingNumber: $0.trackingNumber, status: $0.status) }, canAct: canAct,
            seesDetails: reader.seesDetails,
            moves: canAct ? service.offeredMoves(record, history: history, to: reader.user, today: req.today) : [])
        return PageRenderer.render(ApplicationStaffViews.show(page, today: req.today, viewer: req.staffViewer))
    }

    /// Other applications to the same agency for the same information (第四十四条): the same 文号, or the same title
    /// once punctuation and spacing are set aside.
    static func similar(to record: ApplicationRecord, on db: any Database) async throws -> [ApplicationRecord] {
        guard !record.infoKey.isEmpty || !record.infoNumber.isEmpty else { return [] }
        return try await ApplicationRecord.query(on: db).filter(\.$agency.$id == record.$agency.id).filter(\.$id != record.id!)
            .group(.or) { group in
                if !record.infoNumber.isEmpty { group.filter(\.$infoNumber == record.infoNumber) }
                if !record.infoKey.isEmpty { group.filter(\.$infoKey == record.infoKey) }
            }.sort(\.$trackingNumber).limit(200).all()
    }

    static func day(_ text: String?, today: Day) throws -> Day {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return today }
        guard let day = Day(iso: value) else { throw Refused(.unprocessableEntity, .dateFormat, value.prefix(40)) }
        // 条例 in force from 2008-05-01; nothing done in an application's course lies in the future.
        guard day >= .regulationsInForce, day <= today else {
            throw Refused(.unprocessableEntity, .dateRangeLaw, day.iso, Day.regulationsInForce.iso, today.iso)
        }
        return day
    }

    /// The letter of a move, drafted and shown for editing before it is sent.
    func compose(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        let form = try req.decodeQuery(MoveForm.self)
        // Refused before a letter is written for an application that has changed since the page was shown.
        try form.checkRevision(of: record)
        let move = try await form.parse(service(req), record)
        let date = try Self.day(form.date, today: req.today)
        try await service(req).check(move, on: record, date: date, by: reader.user, today: req.today)
        guard let draft = try await service(req).draftLetter(move, for: record, agency: record.agency, date: date, today: req.today) else {
            throw Refused(.badRequest, .noLetterForMove, form.move)
        }
        return PageRenderer.render(
            ApplicationStaffViews.compose(
                try ApplicationSummary(record), form: form, label: move.kind.label(req.language), date: date, draft: draft, viewer: req.staffViewer))
    }

    func move(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        let form = try req.decodeBody(MoveForm.self)
        try form.checkRevision(of: record)
        let service = service(req)
        let move = try await form.parse(service, record)
        let date = try Self.day(form.date, today: req.today)
        let letter = try await service.letterAsSent(
            move, for: record, agency: record.agency, date: date, today: req.today, title: form.letterTitle, body: form.letterBody)
        try await service.perform(move, on: record, date: date, letter: letter, by: reader.user, today: req.today)
        try await form.keepOriginal(on: record, db: req.db)
        return req.redirect(to: SiteURL.staffApplication(record.id!).path)
    }

    func letter(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.seesDetails, let id = req.parameters.get("letter", as: UUID.self),
            let letter = try await LetterRecord.find(id, on: req.db), letter.$application.id == record.id
        else { throw Refused(.notFound, .noSuchLetter) }
        return PageRenderer.render(ApplicationStaffViews.letter(try ApplicationPage.Letter(letter), viewer: req.staffViewer))
    }

    /// The application as a form to print: read to the applicant and signed (第二十九条), or kept with the file.
    func printedForm(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.seesDetails else { throw Refused(.forbidden, .readOnlyApplications) }
        return PageRenderer.render(ApplicationStaffViews.printedForm(try ApplicationSummary(record), oral: record.oral, viewer: req.staffViewer))
    }

    // MARK: Reviews

    func addReview(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        let form = try req.decodeBody(ReviewCaseStaff.Form.self)
        try await ReviewCases(db: req.db).add(form.input, to: record.agency, about: record, by: reader.user.username, today: req.today)
        return req.redirect(to: SiteURL.staffApplication(record.id!).path)
    }

    /// A pending case decided: its result and the day, recorded once.
    func decideReview(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        guard let id = req.parameters.get("review", as: UUID.self), let review = try await ReviewCaseRecord.find(id, on: req.db),
            review.$application.id == record.id
        else {
            throw Refused(.notFound, .noSuchReview)
        }
        guard review.result == ReviewResult.pending.code else { throw Refused(.conflict, .reviewDecided, review.decidedOn ?? "") }
        let form = try req.decodeBody(ReviewCaseStaff.Form.self)
        guard let result = form.result.flatMap(ReviewResult.init(code:)), ReviewResult.decisions.contains(result) else {
            throw Refused(.unprocessableEntity, .chooseDecision)
        }
        let decided = try Self.day(form.decidedOn, today: req.today)
        guard let filed = Day(iso: review.filedOn), decided >= filed, decided <= req.today else {
            throw Refused(.unprocessableEntity, .decisionDateRange, review.filedOn)
        }
        review.result = result.code
        review.decidedOn = decided.iso
        try await req.db.transaction { db in
            try await review.save(on: db)
            try await Audit.record(
                .decide, .reviewCase, id: id.uuidString, agency: record.agency.code, by: reader.user.username,
                before: Audit.json(["result": ReviewResult.pending.code]), after: Audit.json(["result": result.code, "decidedOn": decided.iso]),
                on: db)
        }
        return req.redirect(to: SiteURL.staffApplication(record.id!).path)
    }

    // MARK: 第十八条

    struct ReassessForm: Content {
        var conclusion: String?
        var nextOn: String?
    }

    /// An assessment of withheld information recorded: its conclusion and the next one's day (none to stop).
    func reassess(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        guard record.reassessOn != nil else { throw Refused(.conflict, .nothingToReassess) }
        let form = try req.decodeBody(ReassessForm.self)
        let conclusion = (form.conclusion ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !conclusion.isEmpty else { throw Refused(.unprocessableEntity, .reassessConclusionNeeded) }
        let nextText = (form.nextOn ?? "").trimmingCharacters(in: .whitespaces)
        var next: Day?
        if !nextText.isEmpty {
            guard let day = Day(iso: nextText), day > req.today, day <= Day.latestDate else {
                throw Refused(.unprocessableEntity, .reassessNextDate, nextText.prefix(40))
            }
            next = day
        }
        try await service(req).reassess(record, conclusion: conclusion, next: next, on: req.today, by: reader.user)
        return req.redirect(to: SiteURL.staffApplication(try record.requireID()).path)
    }

    // MARK: 第四十四条

    /// Drafts a catalogue item from an answer that provided information; it then goes through review as any draft.
    func publish(_ req: Request) async throws -> Response {
        let reader = try await Reader.of(req)
        let record = try await application(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        guard record.providesInformation else {
            throw Refused(.conflict, .onlyDisclosedPublished)
        }
        if let existing = record.publishedItemID { return req.redirect(to: SiteURL.staffItem(existing).path) }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let categories = try await catalogue.categories(of: record.agency)
        guard let category = categories.first(where: { $0.name == "其他" }) ?? categories.first else {
            throw Refused(.conflict, .noCategoryYet, record.agency.name)
        }
        let input = Catalogue.ItemInput(
            categoryID: category.id!, title: record.infoTitle.isEmpty ? Applications.request(record) : record.infoTitle,
            documentNumber: record.infoNumber, issuingAgency: nil, summary: "依申请公开后转为主动公开（第四十四条）",
            body: record.answerDetail.isEmpty ? Applications.request(record) : record.answerDetail, writtenOn: req.today.iso,
            validity: nil, channels: ["website"], bulletinPlace: nil, postingFrom: nil, postingTo: nil)
        let item = try await catalogue.createDraft(input, agency: record.agency, by: reader.user)
        record.publishedItemID = item.id
        try await record.save(on: req.db)
        return req.redirect(to: SiteURL.staffItem(item.id!).path)
    }
}

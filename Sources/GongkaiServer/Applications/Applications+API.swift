import Fluent
import Gongkai
import Vapor

/// An application as the API shows it to staff tools. Identity number and phone are masked unless the token's
/// account handles the agency's applications.
struct ApplicationDTO: Content {
    struct Step: Content {
        var date: String
        var kind: String
        var actor: String
        var detail: String
    }

    var id: UUID
    var trackingNumber: String
    var agencyCode: String
    var status: String
    var applicantType: String
    var name: String
    var idType: String
    var idNumber: String
    var phone: String
    var email: String
    var request: String
    var formWanted: String
    var delivery: String
    var channel: String
    var submittedOn: String
    var receivedOn: String?
    var dueOn: String?
    var remainingWorkingDays: Int?
    var overdue: Bool
    var provisional: Bool
    var result: String?
    var resultFormat: String?
    var closedOn: String?
    /// The clock's explanation of the due date, one line a step.
    var explanation: [String]
    var history: [Step]?
    /// How many times the application has changed; sent back with a move, a move on a changed application is a 409.
    var revision: Int
}

/// What a public client gets back for a submission: the tracking number and, once, the secret.
struct ApplicationReceiptDTO: Content {
    var trackingNumber: String
    var secret: String
    var status: String
}

/// The status a public look-up answers (the portal's page and the API alike): no personal data.
struct ApplicationStatusDTO: Content {
    var trackingNumber: String
    var agencyCode: String
    var agencyName: String
    var status: String
    var statusLabel: String
    var submittedOn: String
    var receivedOn: String?
    var dueOn: String?
    /// The due date touches a year whose holidays are not published yet (Monday–Friday assumed).
    var provisional: Bool
    var closedOn: String?
    var result: String?
    var resultLabel: String?
}

/// Applications under /api/v1: public submission and status look-up (rate-limited), and the staff operations
/// with a bearer token (the same moves, refusals and letters as the back office).
struct ApplicationAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(.apiAgencyApplications, use: submit)
        routes.post(.apiApplicationStatus, use: status)
        let tokens = routes.grouped(
            StaffTokenAuthenticator(),
            StaffUser.guardMiddleware(throwing: Refused(.unauthorized, .apiTokenNeeded)))
        tokens.get(.apiApplications, use: list)
        tokens.post(.apiApplications, use: create)
        tokens.get(.apiApplication, use: show)
        tokens.post(.apiApplicationMoves, use: move)
    }

    func submit(_ req: Request) async throws -> Response {
        let agency = try await Catalogue(db: req.db, calendar: req.workdays).agency(code: req.parameters.get("code") ?? "")
        guard agency.kind.takesApplications else { throw Refused(.notFound, .noApplicationsHere, agency.name) }
        let input = try Self.withIdempotencyKey(req.decodeAPIBody(Applications.Input.self, schema: "ApplicationInput"), req)
        let submitted = try await req.applications.submit(
            input, agency: agency, byStaff: nil, today: req.today, limits: Applications.limits(for: input, req))
        let record = submitted.record
        let response = Response(status: submitted.repeated ? .ok : .created)
        try response.content.encode(
            ApplicationReceiptDTO(trackingNumber: record.trackingNumber, secret: submitted.secret, status: record.status.rawValue))
        return response
    }

    /// The call's `Idempotency-Key` header, when sent, is the submission's key (it wins over a `submissionKey` field):
    /// the same call repeated after a lost answer returns the application it made (200) instead of a new one (201).
    static func withIdempotencyKey(_ input: Applications.Input, _ req: Request) throws -> Applications.Input {
        guard let header = req.headers.first(name: "Idempotency-Key") else { return input }
        guard Applications.isSubmissionKey(header) else { throw BadParameter(name: "Idempotency-Key", problem: UIText.notASubmissionKey.said()) }
        var input = input
        input.submissionKey = header
        return input
    }

    struct StatusQuery: Content {
        var trackingNumber: String
        var secret: String
    }

    func status(_ req: Request) async throws -> ApplicationStatusDTO {
        try await req.admit(req.application.rateLimits.statusLookups, what: .whatLookingUp)
        let query = try req.decodeAPIBody(StatusQuery.self, schema: "StatusQuery")
        guard let record = try await ApplicationRecord.query(on: req.db).filter(\.$trackingNumber == query.trackingNumber).with(\.$agency).first(),
            record.secretHash == Applications.secretHash(query.secret.uppercased())
        else { throw Refused(.notFound, .wrongNumberOrSecret) }
        return try await req.applications.publicStatus(record, today: req.today)
    }

    private func reader(_ req: Request) async throws -> ApplicationStaffController.Reader {
        try await ApplicationStaffController.Reader.of(req)
    }

    private func dto(
        _ record: ApplicationRecord, _ reader: ApplicationStaffController.Reader, req: Request, withHistory: Bool,
        history known: [ApplicationEventRecord]? = nil
    ) async throws -> ApplicationDTO {
        let service = req.applications
        let history: [ApplicationEventRecord]
        if let known { history = known } else { history = try await service.history(record) }
        let deadline = try service.deadline(record, history: history, today: req.today, explain: withHistory)
        let full = reader.seesDetails && withHistory
        return ApplicationDTO(
            id: record.id!, trackingNumber: record.trackingNumber, agencyCode: record.agency.code, status: record.status.rawValue,
            // One masking rule for every output of a role: a supervisor reads names masked here as on the pages.
            applicantType: record.applicantType, name: reader.seesDetails ? record.name : Masking.name(record.name), idType: record.idType,
            idNumber: full ? record.idNumber : Masking.identity(record.idNumber), phone: full ? record.phone : Masking.phone(record.phone),
            email: full ? record.email : "", request: Applications.request(record), formWanted: record.formWanted, delivery: record.delivery,
            channel: record.channel, submittedOn: record.submittedOn, receivedOn: record.receivedOn, dueOn: deadline?.due?.iso,
            remainingWorkingDays: deadline.map { $0.status == .open || $0.status == .paused ? $0.remainingWorkingDays : nil } ?? nil,
            overdue: deadline?.overdue ?? false, provisional: deadline?.provisional ?? false, result: record.result,
            resultFormat: record.resultFormat,
            closedOn: record.closedOn, explanation: deadline?.steps.map { "\($0.date.iso) \($0.text)" } ?? [],
            history: withHistory
                ? history.map {
                    ApplicationDTO.Step(date: $0.date, kind: $0.kind, actor: $0.actor, detail: full || $0.kind != "notified" ? $0.detail : "")
                } : nil, revision: record.revision)
    }

    func list(_ req: Request) async throws -> [ApplicationDTO] {
        let reader = try await reader(req)
        var query = ApplicationRecord.query(on: req.db).with(\.$agency).sort(\.$trackingNumber)
        if let agencies = reader.access.readableAgencies { query = query.filter(\.$agency.$id ~~ Array(agencies)) }
        if let text = try req.queryText("status") {
            guard let status = ApplicationStatus(rawValue: text) else {
                throw BadParameter(name: "status", problem: UIText.oneOf.said(ApplicationStatus.allCases.map(\.rawValue).joined(separator: "、")))
            }
            query = query.filter(\.$status == status)
        }
        let records = try await query.limit(1000).all()
        let histories = try await req.applications.histories(records)
        var out: [ApplicationDTO] = []
        for record in records {
            out.append(try await dto(record, reader, req: req, withHistory: false, history: record.id.flatMap { histories[$0] } ?? []))
        }
        return out
    }

    private func record(_ req: Request, _ reader: ApplicationStaffController.Reader) async throws -> ApplicationRecord {
        guard let id = req.parameters.get("id", as: UUID.self),
            let record = try await ApplicationRecord.query(on: req.db).filter(\.$id == id).with(\.$agency).first(),
            reader.access.canRead(agency: record.$agency.id)
        else { throw Refused(.notFound, .noSuchApplication) }
        return record
    }

    func show(_ req: Request) async throws -> ApplicationDTO {
        let reader = try await reader(req)
        return try await dto(try await record(req, reader), reader, req: req, withHistory: true)
    }

    func create(_ req: Request) async throws -> Response {
        let reader = try await reader(req)
        guard reader.canAct, let agencyID = reader.user.agencyID, let agency = try await AgencyRecord.find(agencyID, on: req.db) else {
            throw Refused(.forbidden, .onlyOfficersRegister)
        }
        let input = try Self.withIdempotencyKey(req.decodeAPIBody(Applications.Input.self, schema: "ApplicationInput"), req)
        let submitted = try await req.applications.submit(input, agency: agency, byStaff: reader.user, today: req.today)
        let record = submitted.record
        record.$agency.value = agency
        let response = Response(status: submitted.repeated ? .ok : .created)
        try response.content.encode(try await dto(record, reader, req: req, withHistory: true))
        return response
    }

    func move(_ req: Request) async throws -> ApplicationDTO {
        let reader = try await reader(req)
        let record = try await record(req, reader)
        guard reader.canAct, reader.access.canWrite(agency: record.$agency.id) else { throw Refused(.forbidden, .readOnlyApplications) }
        let form = try req.decodeAPIBody(ApplicationStaffController.MoveForm.self, schema: "MoveInput")
        try form.checkRevision(of: record)
        let service = req.applications
        let move = try await form.parse(service, record)
        let date = try ApplicationStaffController.day(form.date, today: req.today)
        let letter = try await service.letterAsSent(
            move, for: record, agency: record.agency, date: date, today: req.today, title: form.letterTitle, body: form.letterBody)
        try await service.perform(move, on: record, date: date, letter: letter, by: reader.user, today: req.today)
        try await form.keepOriginal(on: record, db: req.db)
        return try await dto(record, reader, req: req, withHistory: true)
    }
}

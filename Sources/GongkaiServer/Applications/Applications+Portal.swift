import Fluent
import Gongkai
import Vapor

/// The online application form, its receipt, the status look-up and the letters sent to an applicant. Rate-limited per
/// client; the number and the secret are posted, never in a URL; no identity data is ever shown (a letter shows the
/// name it is addressed to, to the one who holds its secret); none of these answers may be kept by a cache.
struct ApplicationPortalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.apply, use: form)
        routes.post(.apply, use: submit)
        routes.get(.applicationStatus, use: lookupForm)
        routes.post(.applicationStatus, use: lookup)
        routes.post(.applicationLetter, use: letter)
    }

    private func agency(_ req: Request) async throws -> (AgencyRecord, AgencyDTO) {
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let agency = try await catalogue.agency(code: req.parameters.get("code") ?? "")
        guard agency.kind.takesApplications else { throw Refused(.notFound, .noApplicationsHere, agency.name) }
        return (agency, try await catalogue.agencyDTO(agency))
    }

    func form(_ req: Request) async throws -> Response {
        let (agency, dto) = try await agency(req)
        return PageRenderer.render(
            ApplicationPortalViews.form(agency: dto, values: [:], problems: [:], viewer: try await req.viewer(in: agency, .apply)))
    }

    func submit(_ req: Request) async throws -> Response {
        let (agency, dto) = try await agency(req)
        let input = try req.decodeBody(Applications.Input.self)
        let applications = req.applications
        do {
            let submitted = try await applications.submit(
                input, agency: agency, byStaff: nil, today: req.today, limits: Applications.limits(for: input, req))
            let response = PageRenderer.render(
                ApplicationPortalViews.receipt(
                    agency: dto, record: submitted.record, secret: submitted.secret, repeated: submitted.repeated, viewer: req.viewer),
                status: submitted.repeated ? .ok : .created)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let invalid as Applications.InvalidInput {
            let response = PageRenderer.render(
                ApplicationPortalViews.form(
                    agency: dto, values: input.values, problems: invalid.problems, viewer: try await req.viewer(in: agency, .apply)),
                status: .unprocessableEntity)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    func lookupForm(_ req: Request) async throws -> Response {
        PageRenderer.render(ApplicationPortalViews.lookup(trackingNumber: "", problem: nil, found: nil, viewer: req.viewer))
    }

    struct LookupForm: Content {
        var trackingNumber: String?
        var secret: String?
        var letter: String?

        var number: String { (trackingNumber ?? "").trimmingCharacters(in: .whitespaces) }
        var code: String { (secret ?? "").trimmingCharacters(in: .whitespaces).uppercased() }
    }

    /// The application whose number and secret were posted, or nil — the same whether the number or the secret is
    /// wrong: no probing for numbers.
    private func verified(_ req: Request, _ form: LookupForm) async throws -> ApplicationRecord? {
        guard let record = try await ApplicationRecord.query(on: req.db).filter(\.$trackingNumber == form.number).with(\.$agency).first(),
            record.secretHash == Applications.secretHash(form.code)
        else { return nil }
        return record
    }

    private func noStore(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func lookup(_ req: Request) async throws -> Response {
        try await req.admit(req.application.rateLimits.statusLookups, what: .whatLookingUp)
        let form = try req.decodeBody(LookupForm.self)
        guard let record = try await verified(req, form) else {
            return noStore(
                PageRenderer.render(
                    ApplicationPortalViews.lookup(
                        trackingNumber: form.number, problem: UIText.wrongNumberOrSecret(req.language), found: nil, viewer: req.viewer),
                    status: .notFound))
        }
        let letters = try await LetterRecord.query(on: req.db).filter(\.$application.$id == record.requireID()).filter(\.$sentOn != nil)
            .sort(\.$createdAt).all().map(ApplicationPage.Letter.init)
        let found = ApplicantStatus(
            status: try await req.applications.publicStatus(record, today: req.today), request: Applications.request(record),
            delivery: record.delivery, letters: letters, secret: form.code)
        return noStore(
            PageRenderer.render(ApplicationPortalViews.lookup(trackingNumber: form.number, problem: nil, found: found, viewer: req.viewer)))
    }

    /// One letter sent to the applicant, when they chose to get it online (网上获取): as sent, to read and print.
    func letter(_ req: Request) async throws -> Response {
        try await req.admit(req.application.rateLimits.statusLookups, what: .whatLookingUp)
        let form = try req.decodeBody(LookupForm.self)
        guard let record = try await verified(req, form) else { throw Refused(.notFound, .wrongNumberOrSecret) }
        guard record.delivery == "online", let id = form.letter.flatMap(UUID.init(uuidString:)),
            let letter = try await LetterRecord.find(id, on: req.db), letter.$application.id == record.id, letter.sentOn != nil
        else { throw Refused(.notFound, .noSuchPublicLetter) }
        return noStore(
            PageRenderer.render(
                ApplicationPortalViews.letter(
                    try ApplicationPage.Letter(letter), trackingNumber: record.trackingNumber, secret: form.code, viewer: req.viewer)))
    }
}

/// What an applicant sees after looking up: where the application stands and the letters sent to them.
struct ApplicantStatus {
    var status: ApplicationStatusDTO
    /// What was asked for, as the application says it.
    var request: String
    /// How the applicant chose to get the information (`online` lets them read the letters here).
    var delivery: String
    var letters: [ApplicationPage.Letter]
    /// The secret they posted, carried in the forms that open a letter (never in a URL).
    var secret: String

    var online: Bool { delivery == "online" }
}

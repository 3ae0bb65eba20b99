import Fluent
import Gongkai
import Vapor

/// The online application form and the status look-up. Rate-limited per client; no personal data is ever shown
/// except to the person who typed it, on the same response.
struct ApplicationPortalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.apply, use: form)
        routes.post(.apply, use: submit)
        routes.get(.applicationStatus, use: lookupForm)
        routes.post(.applicationStatus, use: lookup)
    }

    private func agency(_ req: Request) async throws -> (AgencyRecord, AgencyDTO) {
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let agency = try await catalogue.agency(code: req.parameters.get("code") ?? "")
        guard agency.kind.takesApplications else { throw Refused(.notFound, .noApplicationsHere, agency.name) }
        return (agency, try await catalogue.agencyDTO(agency))
    }

    func form(_ req: Request) async throws -> Response {
        let (_, dto) = try await agency(req)
        return PageRenderer.render(ApplicationPortalViews.form(agency: dto, values: [:], problems: [:], viewer: req.viewer))
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
                    agency: dto, trackingNumber: submitted.record.trackingNumber, secret: submitted.secret, repeated: submitted.repeated,
                    viewer: req.viewer),
                status: submitted.repeated ? .ok : .created)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let invalid as Applications.InvalidInput {
            let response = PageRenderer.render(
                ApplicationPortalViews.form(agency: dto, values: input.values, problems: invalid.problems, viewer: req.viewer),
                status: .unprocessableEntity)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    func lookupForm(_ req: Request) async throws -> Response {
        PageRenderer.render(ApplicationPortalViews.lookup(trackingNumber: "", problem: nil, status: nil, viewer: req.viewer))
    }

    struct LookupForm: Content {
        var trackingNumber: String?
        var secret: String?
    }

    func lookup(_ req: Request) async throws -> Response {
        try await req.admit(req.application.rateLimits.statusLookups, what: .whatLookingUp)
        let form = try req.decodeBody(LookupForm.self)
        let number = (form.trackingNumber ?? "").trimmingCharacters(in: .whitespaces)
        let secret = (form.secret ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard let record = try await ApplicationRecord.query(on: req.db).filter(\.$trackingNumber == number).with(\.$agency).first(),
            record.secretHash == Applications.secretHash(secret)
        else {
            // The same answer whether the number or the code is wrong: no probing for numbers.
            return PageRenderer.render(
                ApplicationPortalViews.lookup(
                    trackingNumber: number, problem: UIText.wrongNumberOrSecret(req.language), status: nil, viewer: req.viewer), status: .notFound)
        }
        let status = try await req.applications.publicStatus(record, today: req.today)
        let response = PageRenderer.render(ApplicationPortalViews.lookup(trackingNumber: number, problem: nil, status: status, viewer: req.viewer))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

import Gongkai
import Vapor

/// 投诉举报 on the portal: the form on each agency's pages, and taking a complaint in.
struct ComplaintPortal {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.complaints, use: form)
        routes.post(.complaints, use: submit)
    }

    struct Form: Content {
        var content: String?
        var name: String?
        var contact: String?
    }

    private func agency(_ req: Request) async throws -> AgencyRecord {
        try await Catalogue(db: req.db, calendar: req.workdays).agency(code: req.parameters.get("code") ?? "")
    }

    func form(_ req: Request) async throws -> Response {
        let agency = try await agency(req)
        return PageRenderer.render(
            ComplaintViews.form(
                ComplaintFormPage(agencyCode: agency.code, agencyName: agency.name), viewer: try await req.viewer(in: agency, .complaints)))
    }

    func submit(_ req: Request) async throws -> Response {
        let agency = try await agency(req)
        let limits = req.application.rateLimits
        try await req.admit(limits.complaints, what: .whatSubmitting)
        let form = try req.decodeBody(Form.self)
        try await req.admit(limits.complainant, keys: [RateLimit.submitted("contact", form.contact ?? "")], what: .whatSubmitting)
        var page = ComplaintFormPage(agencyCode: agency.code, agencyName: agency.name)
        do {
            page.number = try await Complaints(db: req.db).submit(
                to: agency, content: form.content ?? "", name: form.name ?? "", contact: form.contact ?? "", today: req.today)
            return PageRenderer.render(ComplaintViews.form(page, viewer: try await req.viewer(in: agency, .complaints)), status: .created)
        } catch let refusal as Complaints.Refusal {
            (page.content, page.name, page.contact, page.problem) = (
                form.content ?? "", form.name ?? "", form.contact ?? "", refusal.said(req.language)
            )
            return PageRenderer.render(ComplaintViews.form(page, viewer: try await req.viewer(in: agency, .complaints)), status: refusal.status)
        }
    }
}

import Fluent
import Gongkai
import Vapor

/// The agency's reconsiderations and lawsuits in the back office: listed, and recorded whether or not they concern an
/// application (those that do can also be recorded from the application's page).
struct ReviewCaseStaff {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffReviewCases, use: show)
        signedIn.post(.staffReviewCases, use: add)
    }

    /// A case from a form: this page's, or an application's (which sends no subject and no number).
    struct Form: Content {
        var kind: String?
        var body: String?
        var subject: String?
        var trackingNumber: String?
        var filedOn: String?
        var decidedOn: String?
        var result: String?

        /// The case as typed (the application, if any, is looked up by its number apart).
        var input: ReviewCases.Input {
            ReviewCases.Input(
                kind: kind ?? "", body: body ?? "", subject: subject ?? "", filedOn: filedOn ?? "", decidedOn: decidedOn ?? "",
                result: result ?? "")
        }
    }

    func show(_ req: Request) async throws -> Response {
        let (_, agency) = try await req.ownAgency(writing: false)
        let page = ReviewCasesPage(agencyName: agency.name, entries: try await ReviewCases(db: req.db).list(of: agency))
        return PageRenderer.render(ReviewCaseViews.page(page, viewer: req.staffViewer))
    }

    func add(_ req: Request) async throws -> Response {
        let (user, agency) = try await req.ownAgency(writing: true)
        let form = try req.decodeBody(Form.self)
        let input = form.input
        let cases = ReviewCases(db: req.db)
        let tracking = (form.trackingNumber ?? "").trimmingCharacters(in: .whitespaces)
        var problems: [String: Said] = [:]
        var application: ApplicationRecord?
        if !tracking.isEmpty {
            let agencyID = try agency.requireID()
            application = try await ApplicationRecord.query(on: req.db).filter(\.$trackingNumber == tracking)
                .filter(\.$agency.$id == agencyID).first()
            if application == nil { problems["trackingNumber"] = UIText.noApplicationNumbered.said(tracking.prefix(60)) }
        }
        do {
            guard problems.isEmpty else { throw ReviewCases.InvalidInput(problems: problems) }
            try await cases.add(input, to: agency, about: application, by: user.username, today: req.today)
            return req.redirect(to: SiteURL.staffReviewCases.path)
        } catch let invalid as ReviewCases.InvalidInput {
            let page = ReviewCasesPage(
                agencyName: agency.name, entries: try await cases.list(of: agency), input: input, trackingNumber: tracking,
                problems: invalid.problems)
            return PageRenderer.render(ReviewCaseViews.page(page, viewer: req.staffViewer), status: invalid.status)
        }
    }
}

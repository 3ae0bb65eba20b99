import Gongkai
import Vapor

/// The training log in the back office.
struct TrainingStaff {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffTrainings, use: show)
        signedIn.post(.staffTrainings, use: add)
    }

    struct Form: Content {
        var heldOn: String?
        var topic: String?
        var attendees: String?
    }

    func show(_ req: Request) async throws -> Response {
        let (_, agency) = try await req.ownAgency(writing: false)
        let page = TrainingLogPage(agencyName: agency.name, entries: try await Trainings(db: req.db).log(of: agency))
        return PageRenderer.render(TrainingViews.log(page, viewer: req.staffViewer))
    }

    func add(_ req: Request) async throws -> Response {
        let (user, agency) = try await req.ownAgency(writing: true)
        let form = try req.decodeBody(Form.self)
        let input = Trainings.Input(heldOn: form.heldOn ?? "", topic: form.topic ?? "", attendees: form.attendees ?? "")
        let trainings = Trainings(db: req.db)
        do {
            try await trainings.add(input, to: agency, by: user.username, today: req.today)
            return req.redirect(to: SiteURL.staffTrainings.path)
        } catch let invalid as Trainings.InvalidInput {
            let page = TrainingLogPage(
                agencyName: agency.name, entries: try await trainings.log(of: agency), input: input, problems: invalid.problems)
            return PageRenderer.render(TrainingViews.log(page, viewer: req.staffViewer), status: invalid.status)
        }
    }
}

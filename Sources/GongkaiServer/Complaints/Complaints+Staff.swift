import Gongkai
import Vapor

/// 投诉举报 in the back office: the list, and recording how one was handled.
struct ComplaintStaff {
    func register(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffComplaints, use: list)
        signedIn.post(.staffComplaint, use: handle)
    }

    func list(_ req: Request) async throws -> Response {
        let access = try await Access.of(try req.requireStaff(), on: req.db)
        let page = ComplaintListPage(entries: try await Complaints(db: req.db).list(for: access))
        return PageRenderer.render(ComplaintViews.list(page, viewer: req.staffViewer))
    }

    func handle(_ req: Request) async throws -> Response {
        let access = try await Access.of(try req.requireStaff(), on: req.db)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Complaints.Refusal.notFound }
        let handling = (try? req.content.get(String.self, at: "handling")) ?? ""
        try await Complaints(db: req.db).handle(id, handling: handling, by: access, today: req.today)
        return req.redirect(to: SiteURL.staffComplaints.path)
    }
}

import Fluent
import Foundation
import Gongkai
import Vapor

/// The audit log, read by administrators.
extension StaffController {
    func audit(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        guard user.role == .administrator else { throw Refused(.forbidden, .adminReadsAudit) }
        var query = AuditRecord.query(on: req.db)
        let actor = try req.queryText("actor")
        let action = try req.queryText("action")
        let agency = try req.queryText("agency")
        if let actor { query = query.filter(\.$actor == actor) }
        if let action { query = query.filter(\.$action == action) }
        if let agency { query = query.filter(\.$agencyCode == agency) }
        let entries = try await query.sort(\.$at, .descending).limit(500).all()
        return PageRenderer.render(
            StaffViews.audit(
                entries.map { ($0.at, $0.actor, $0.action, $0.entity, $0.entityID, $0.agencyCode, $0.before, $0.after) }, actor: actor,
                action: action, agency: agency, viewer: req.staffViewer))
    }
}

import Fluent
import SQLKit
import Vapor

func routes(_ app: Application) throws {
    PortalController().register(app)
    ApplicationPortalController().register(app)
    ComplaintPortal().register(app)
    ReportCheckTool().register(app)
    StaffController().register(app)
    APIController().register(app)
    ApplicationAPIController().register(app)
    app.get(.healthz, use: healthz)
    app.get(.metrics, use: metricsEndpoint)
    app.get(.stylesheet, use: Stylesheet.serve)
    app.get(.emblem, use: SiteEmblem.serve)
}

/// Healthy when the database answers.
@Sendable func healthz(_ req: Request) async throws -> Response {
    do {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let started = ContinuousClock.now
        try await sql.raw("SELECT 1").run()
        req.application.metrics.healthLatency.record(ContinuousClock.now - started)
        return Response(status: .ok, body: .init(string: "ok\n"))
    } catch {
        req.logger.error("health check: the database does not answer: \(String(reflecting: error))")
        return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
    }
}

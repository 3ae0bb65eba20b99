import Foundation
import Gongkai
import SQLKit
import Vapor

/// Work every app server does in the background while it runs: every `interval` it reads the site's settings again
/// and sends the outbox's due messages (when SMTP is configured), and once an hour it forgets rate-limit windows that ended long ago.
struct Housekeeping: LifecycleHandler {
    var interval: Duration = .seconds(30)

    final class Running: @unchecked Sendable {
        var task: Task<Void, Never>?
    }
    let running = Running()

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let pruneEvery = max(1, Int(Duration.seconds(3600) / interval))
        running.task = Task { [weak app] in
            var ticks = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let app else { return }
                ticks += 1
                // What another app server saved (the site's name and footer) shows here within one interval.
                if let settings = try? await SiteSettings.load(on: app.db) { app.siteSettings = settings }
                if let mailer = app.mailer {
                    await Outbox(db: app.db, mailer: mailer, group: app.eventLoopGroup, today: app.fixedToday ?? Day.today(at: Date())).deliver()
                }
                if ticks % pruneEvery == 0, let sql = app.db as? any SQLDatabase {
                    do { try await RateLimit.prune(on: sql) } catch { app.logger.warning("housekeeping: \(String(reflecting: error))") }
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        running.task?.cancel()
    }
}

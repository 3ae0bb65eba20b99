import Fluent
import Foundation
import Gongkai
import Vapor

/// Signing staff in and out of the back office.
extension StaffController {
    struct LoginForm: Content {
        var username: String
        var password: String
    }

    func loginForm(_ req: Request) async throws -> Response {
        PageRenderer.render(StaffViews.login(error: nil, username: "", viewer: req.staffViewer))
    }

    func login(_ req: Request) async throws -> Response {
        let form = try req.decodeBody(LoginForm.self)
        let refused: (Said, HTTPResponseStatus)
        switch try await SignIn(db: req.db, passwords: req.password.async).check(
            username: form.username, password: form.password, from: req.clientKey, at: Date())
        {
        case .signedIn(let record, let failuresBefore):
            // A new session, with a new id and a new CSRF token, for the new identity.
            try await StaffSessions.begin(req, for: record, at: Date())
            if failuresBefore > 0 { req.session.data[StaffSessions.Key.failuresBefore] = String(failuresBefore) }
            return req.redirect(to: SiteURL.staffHome.path)
        case .wrong: refused = (UIText.wrongPassword.said(), .unauthorized)
        case .locked(let until): refused = (UIText.accountLocked.said(Self.time(until)), .tooManyRequests)
        }
        return PageRenderer.render(
            StaffViews.login(error: refused.0(req.language), username: form.username, viewer: req.staffViewer), status: refused.1)
    }

    func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path)
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

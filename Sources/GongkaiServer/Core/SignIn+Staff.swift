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
        guard let record = try await StaffRecord.query(on: req.db).filter(\.$username == form.username).first() else {
            return PageRenderer.render(StaffViews.login(error: "用户名或密码不正确", username: form.username, viewer: req.staffViewer), status: .unauthorized)
        }
        if let until = record.lockedUntil, until > Date() {
            return PageRenderer.render(
                StaffViews.login(error: "连续多次密码错误，账号已锁定至\(Self.time(until))，请稍后再试或联系管理员", username: form.username, viewer: req.staffViewer),
                status: .tooManyRequests)
        }
        guard try await req.password.async.verify(form.password, created: record.passwordHash) else {
            record.failedLogins += 1
            if record.failedLogins >= Lockout.attempts {
                record.lockedUntil = Date().addingTimeInterval(Lockout.duration)
                record.failedLogins = 0
            }
            try await record.save(on: req.db)
            return PageRenderer.render(StaffViews.login(error: "用户名或密码不正确", username: form.username, viewer: req.staffViewer), status: .unauthorized)
        }
        record.failedLogins = 0
        record.lockedUntil = nil
        try await record.save(on: req.db)
        req.session.data["staff"] = record.id!.uuidString
        req.session.data["csrf"] = [UInt8].random(count: 24).base64  // a new token for the new identity
        try await Audit.record(.login, .staff, id: record.id!.uuidString, agency: nil, by: record.username, on: req.db)
        return req.redirect(to: SiteURL.staffHome.path)
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

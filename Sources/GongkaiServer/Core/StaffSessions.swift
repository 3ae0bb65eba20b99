import Fluent
import Foundation
import Vapor

/// Where the site is reached, as configured (`PUBLIC_URL`).
struct SiteAddress: Sendable {
    var base: String
    var secureCookies: Bool
}

struct SiteAddressKey: StorageKey {
    typealias Value = SiteAddress
}

extension Application {
    var siteAddress: SiteAddress { storage[SiteAddressKey.self] ?? SiteAddress(base: "http://localhost:8080", secureCookies: false) }
}

/// A member of staff's session: made only at sign-in (a new id, so one planted before cannot be taken over), ended on
/// sign-out, after 2 hours idle or 12 hours in all, and everywhere at once when the account's password is reset (its
/// session epoch moves on). Kept in the database, so every app server sees the same sessions.
enum StaffSessions {
    static let idleLimit: TimeInterval = 2 * 3600
    static let absoluteLimit: TimeInterval = 12 * 3600

    enum Key {
        static let staff = "staff"
        static let csrf = "csrf"
        static let epoch = "epoch"
        static let signedInAt = "signedInAt"
        /// Wrong passwords tried for the account since its previous sign-in: shown once on the desk, then forgotten.
        static let failuresBefore = "failuresBefore"
        static let seenAt = "seenAt"
    }

    /// Starts a new session for `record`: any session the browser came with is deleted and a new id issued.
    static func begin(_ req: Request, for record: StaffRecord, at now: Date) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data[Key.staff] = try record.requireID().uuidString
        req.session.data[Key.csrf] = [UInt8].random(count: 24).base64
        req.session.data[Key.epoch] = String(record.sessionEpoch)
        req.session.data[Key.signedInAt] = String(Int(now.timeIntervalSince1970))
        req.session.data[Key.seenAt] = String(Int(now.timeIntervalSince1970))
    }

    /// The signed-in account of the session, or nil (and the session ended) when it has expired or was ended.
    static func current(_ req: Request, at now: Date) async throws -> StaffRecord? {
        // NB: without the cookie, the session is not touched at all, so no row is made for a visitor.
        guard req.cookies[req.application.sessions.configuration.cookieName] != nil else { return nil }
        let data = req.session.data
        guard let id = data[Key.staff].flatMap(UUID.init(uuidString:)), let record = try await StaffRecord.find(id, on: req.db),
            data[Key.epoch] == String(record.sessionEpoch), !record.locked,
            let signedIn = data[Key.signedInAt].flatMap(Double.init), let seen = data[Key.seenAt].flatMap(Double.init),
            now.timeIntervalSince1970 - signedIn <= absoluteLimit, now.timeIntervalSince1970 - seen <= idleLimit
        else {
            req.session.destroy()
            return nil
        }
        req.session.data[Key.seenAt] = String(Int(now.timeIntervalSince1970))
        return record
    }
}

/// Loads the staff member of the session, if any.
struct StaffSessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let record = try await StaffSessions.current(request, at: Date()) {
            request.auth.login(try StaffUser(record))
        }
        return try await next.respond(to: request)
    }
}

/// The CSRF token of a visitor who is not signed in (the sign-in form) lives in a cookie of its own, sent back with
/// the form (double submit), so a visit stores nothing on the server.
enum AnonymousCSRF {
    static let cookie = "gongkai-csrf"

    struct PendingKey: StorageKey {
        typealias Value = String
    }

    static func token(_ req: Request) -> String {
        if let token = req.cookies[cookie]?.string, token.count == 32 { return token }
        if let pending = req.storage[PendingKey.self] { return pending }
        let token = [UInt8].random(count: 24).base64
        req.storage[PendingKey.self] = token
        return token
    }

    /// Sets the cookie on `response` when this request made a token.
    static func attach(_ req: Request, to response: Response) {
        guard let token = req.storage[PendingKey.self] else { return }
        response.cookies[cookie] = HTTPCookies.Value(
            string: token, maxAge: 3600, path: "/", isSecure: req.application.siteAddress.secureCookies, isHTTPOnly: true,
            sameSite: .strict)
    }
}

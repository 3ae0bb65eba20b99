import Fluent
import Gongkai
import Vapor

/// A signed-in member of staff, as the handlers see them.
struct StaffUser: Authenticatable, Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var role: StaffRole
    var agencyID: UUID?

    init(_ record: StaffRecord) throws {
        guard let id = record.id, let role = StaffRole(rawValue: record.role) else {
            throw Refused(.internalServerError, .unknownRole, record.username, record.role)
        }
        self.id = id
        username = record.username
        displayName = record.displayName
        self.role = role
        agencyID = record.$agency.id
    }
}

/// Who may do what with which agency's records. Staff of one agency never read or change another's drafts.
struct Access {
    let user: StaffUser
    /// The agencies a supervisor reads: its own and every one below it.
    let supervised: Set<UUID>

    static func of(_ user: StaffUser, on db: any Database) async throws -> Access {
        guard user.role == .supervisor, let root = user.agencyID else { return Access(user: user, supervised: []) }
        let all = try await AgencyRecord.query(on: db).all()
        var below: Set<UUID> = [root]
        var changed = true
        while changed {
            changed = false
            for agency in all where agency.$parent.id.map(below.contains) == true && !below.contains(agency.id!) {
                below.insert(agency.id!)
                changed = true
            }
        }
        return Access(user: user, supervised: below)
    }

    func canRead(agency: UUID) -> Bool {
        switch user.role {
        case .administrator: true
        case .supervisor: supervised.contains(agency)
        default: user.agencyID == agency
        }
    }

    func canWrite(agency: UUID) -> Bool {
        switch user.role {
        case .administrator: true
        case .supervisor: false
        default: user.agencyID == agency
        }
    }

    /// The agencies whose records this account lists; nil for all.
    var readableAgencies: Set<UUID>? {
        switch user.role {
        case .administrator: nil
        case .supervisor: supervised
        default: Set(user.agencyID.map { [$0] } ?? [])
        }
    }
}

/// Staff tooling signs API writes with `Authorization: Bearer <token>`.
struct StaffTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = SHA256.hash(data: Data(bearer.token.utf8)).hex
        if let record = try await StaffRecord.query(on: request.db).filter(\.$tokenHash == hash).first(), !record.locked {
            request.auth.login(try StaffUser(record))
        }
    }
}

/// Every state-changing form carries a CSRF token — the session's once signed in, the sign-in form's own cookie before
/// (`AnonymousCSRF`); a request without it is refused.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // NB: the route collects the body only after this middleware; a form that is still arriving would
            // have no token yet, so it is collected here first, within the route's limit.
            try await BodyLimit.collect(request)
            let sent = try? request.content.get(String.self, at: Self.field)
            let expected =
                request.auth.has(StaffUser.self)
                ? request.session.data[StaffSessions.Key.csrf] : request.cookies[AnonymousCSRF.cookie]?.string
            guard let expected, let sent, constantTimeEqual(sent, expected) else {
                throw Refused(.forbidden, .csrfExpired)
            }
        }
        let response = try await next.respond(to: request)
        AnonymousCSRF.attach(request, to: response)
        return response
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The CSRF token forms carry: the session's once signed in, else the sign-in form's cookie.
    var csrfToken: String {
        guard auth.has(StaffUser.self), let token = session.data[StaffSessions.Key.csrf] else { return AnonymousCSRF.token(self) }
        return token
    }

    /// For public pages: no session is touched, so the portal sets no cookie.
    var viewer: Viewer {
        let site = application.siteSettings
        return Viewer(
            staff: nil, csrf: nil, language: language, edition: edition,
            address: method == .GET ? url.query.map { url.path + "?" + $0 } ?? url.path : nil,
            suggestsEnglish: url.path == SiteURL.home.path && language == .zh && Language.prefersEnglish(headers.first(name: .acceptLanguage)),
            siteName: site.name, emblem: site.emblem, footer: site.footer)
    }

    /// For back-office pages, which run behind the sessions middleware.
    var staffViewer: Viewer {
        var viewer = self.viewer
        (viewer.staff, viewer.csrf) = (auth.get(StaffUser.self), csrfToken)
        return viewer
    }

    func requireStaff() throws -> StaffUser {
        guard let user = auth.get(StaffUser.self) else { throw Refused(.unauthorized, .problemSignIn) }
        return user
    }
}

extension Digest {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

/// Repeated failures lock an account for a while.
enum Lockout {
    static let attempts = 5
    static let duration: TimeInterval = 15 * 60
}

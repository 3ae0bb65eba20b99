import Fluent
import Foundation

/// A member of staff.
final class StaffRecord: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The agency the account works for; for a supervisor, the agency whose subordinates it reads.
    @OptionalParent(key: "agency_id") var agency: AgencyRecord?
    @Field(key: "failed_logins") var failedLogins: Int
    /// SHA-256 of the API token, for staff tooling; nil when none was issued.
    @OptionalField(key: "token_hash") var tokenHash: String?
    /// Moves on when the password is reset: every session made before ends.
    @Field(key: "session_epoch") var sessionEpoch: Int
    /// Locked by an operator (`gongkai user lock`): no sign-in, no session, no token until unlocked.
    @Field(key: "locked") var locked: Bool

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: String, agencyID: UUID?) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$agency.id = agencyID
        failedLogins = 0
        sessionEpoch = 0
        locked = false
    }
}

import Fluent
import SQLKit

/// 024: sessions end everywhere when an account's password is reset (`staff.session_epoch`), and failed sign-ins are
/// counted per user name and address in one shared table — atomically, so concurrent guesses cannot slip past the
/// limit, and per address, so a stranger cannot lock an account out for everyone.
struct M024_SessionsAndSignInThrottles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("staff").field("session_epoch", .int, .required, .sql(.default(0))).update()
        try await database.schema("sign_in_throttles")
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("failures", .int, .required)
            .field("locked_until", .double)
            .unique(on: "username", "address")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttles").delete()
        try await database.schema("staff").deleteField("session_epoch").update()
    }
}

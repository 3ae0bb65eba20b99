import Fluent
import SQLKit

/// 026: mail to applicants goes through an outbox written in the same transaction as the change it tells of, so a
/// crash between the commit and the mail server loses nothing; any app server sends what is due.
struct M026_Outbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("not_before", .int64, .required)
            .field("claimed_until", .int64, .required)
            .field("last_error", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX outbox_due ON outbox (state, not_before)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
    }
}

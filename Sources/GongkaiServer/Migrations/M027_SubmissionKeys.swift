import Fluent
import SQLKit

/// 027: an application remembers the key of the form (or the API call's `Idempotency-Key`) it came from, hashed, so
/// a retry after a lost acknowledgement finds it instead of making a second application.
struct M027_SubmissionKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("submission_key", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE UNIQUE INDEX applications_submission_key ON applications (submission_key)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX applications_submission_key").run() }
        try await database.schema("applications").deleteField("submission_key").update()
    }
}

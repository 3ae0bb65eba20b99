import Fluent
import SQLKit

/// 020: information withheld in an answer is assessed again from time to time (第十八条): the day the next assessment
/// is due, per application, and an index to list those due.
struct M020_AddReassessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("reassess_on", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX applications_reassess ON applications (reassess_on)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX applications_reassess").run() }
        try await database.schema("applications").deleteField("reassess_on").update()
    }
}

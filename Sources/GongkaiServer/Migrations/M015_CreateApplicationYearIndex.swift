import Fluent
import SQLKit

/// 015: the applications a year's report counts are those closed in or after it, or still open: an index by
/// (agency, closed_on) holding every column counted, so the roll-up reads the index alone.
struct M015_CreateApplicationYearIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE INDEX applications_agency_closed ON applications (agency_id, closed_on, received_on, applicant_type, status, result)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX applications_agency_closed").run()
    }
}

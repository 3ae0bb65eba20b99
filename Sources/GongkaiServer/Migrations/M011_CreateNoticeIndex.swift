import Fluent
import SQLKit

/// 011: notices in their posting period, per agency, without reading every item of the agency (a partial index:
/// only items with a posting period are in it).
struct M011_CreateNoticeIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX items_notices ON items (agency_id, state, posting_to) WHERE posting_to IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX items_notices").run()
    }
}

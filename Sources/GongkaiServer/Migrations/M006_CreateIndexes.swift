import Fluent
import SQLKit

/// 006: indexes for the portal's lists (published items of an agency by date) and the search.
struct M006_CreateIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // NB: the lists sort by (published_on, index_number); both columns are in the index so no sort is needed.
        try await sql.raw("CREATE INDEX items_agency_state_published ON items (agency_id, state, published_on, index_number)").run()
        try await sql.raw("CREATE INDEX items_state_published ON items (state, published_on, index_number)").run()
        try await sql.raw("CREATE INDEX items_category ON items (category_id, state)").run()
        try await sql.raw("CREATE INDEX categories_agency ON categories (agency_id)").run()
        try await sql.raw("CREATE INDEX audit_at ON audit_log (at)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in ["items_agency_state_published", "items_state_published", "items_category", "categories_agency", "audit_at"] {
            try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
    }
}

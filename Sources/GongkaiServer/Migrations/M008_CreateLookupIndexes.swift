import Fluent
import SQLKit

/// 008: indexes for lookups that every item page and the back office make: attachments of an item, the audit
/// history of a record, the next version of an item.
struct M008_CreateLookupIndexes: AsyncMigration {
    static let indexes = [
        ("attachments_item", "attachments (item_id)"),
        ("audit_entity", "audit_log (entity_id, at)"),
        ("items_supersedes", "items (supersedes_id)"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, target) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: target)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, _) in Self.indexes {
            try await sql.raw("DROP INDEX \(unsafeRaw: name)").run()
        }
    }
}

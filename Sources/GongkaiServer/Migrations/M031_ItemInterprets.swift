import Fluent
import SQLKit

/// 031: an item that interprets a policy (政策解读) names it by its 索引号, so the link holds across the policy's
/// versions; indexed, since every item page asks which interpretations name it.
struct M031_ItemInterprets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("items").field("interprets", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX items_interprets ON items (interprets)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX items_interprets").run() }
        try await database.schema("items").deleteField("interprets").update()
    }
}

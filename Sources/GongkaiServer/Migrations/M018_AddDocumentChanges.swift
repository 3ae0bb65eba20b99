import Fluent

/// 018: what table 二 and 第二十六条 need of a normative document: whether it is a 规章 (a field, not a guess from its
/// 文号), and on a new version the change — its kind (amended, repealed), the day it changed (第二十六条 counts from
/// it) and the day it takes effect (a repeal counts in that year).
struct M018_AddDocumentChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // NB: one column per ALTER: SQLite adds a single column a statement.
        try await database.schema("items").field("is_rule", .bool, .required, .sql(.default(false))).update()
        try await database.schema("items").field("change_kind", .string).update()
        try await database.schema("items").field("changed_on", .string).update()
        try await database.schema("items").field("change_effective_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        for name in ["change_effective_on", "changed_on", "change_kind", "is_rule"] {
            try await database.schema("items").deleteField(.init(stringLiteral: name)).update()
        }
    }
}

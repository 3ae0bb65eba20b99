import Fluent

/// 025: each application counts its changes, so that of two moves made on it at once one is done and the other is
/// refused instead of both writing over the same history.
struct M025_ApplicationRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("revision", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("revision").update()
    }
}

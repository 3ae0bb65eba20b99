import Fluent

/// 017: the 文号 of a letter as sent, and the counters that hand them out per agency and year.
struct M017_AddLetterNumbers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("letters").field("number", .string, .required, .sql(.default(""))).update()
        try await database.schema("letter_counters")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("year", .int, .required)
            .field("next", .int, .required)
            .unique(on: "agency_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("letter_counters").delete()
        try await database.schema("letters").deleteField("number").update()
    }
}

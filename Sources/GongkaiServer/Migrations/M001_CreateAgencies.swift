import Fluent

/// 001: agencies, their profile (第二十条（二）) and disclosure guide (第十二条).
struct M001_CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references("agencies", "id"))
            .field("functions", .string, .required)
            .field("organisation", .string, .required)
            .field("address", .string, .required)
            .field("office_hours", .string, .required)
            .field("phone", .string, .required)
            .field("fax", .string, .required)
            .field("email", .string, .required)
            .field("head_name", .string, .required)
            .field("guide", .string, .required)
            .field("disclosure_office", .string, .required)
            .field("index_pattern", .string, .required)
            .field("position", .int, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agencies").delete()
    }
}

import Fluent

/// 002: each agency's catalogue categories.
struct M002_CreateCategories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("categories")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("parent_id", .uuid, .references("categories", "id"))
            .field("name", .string, .required)
            .field("article", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("categories").delete()
    }
}

import Fluent

/// 003: staff accounts with their role and agency.
struct M003_CreateStaff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("staff")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("agency_id", .uuid, .references("agencies", "id"))
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("token_hash", .string)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff").delete()
    }
}

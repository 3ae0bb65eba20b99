import Fluent

/// 034: files the administrator gives the site (its emblem in the header), kept in the database so every app server
/// serves the same.
struct M034_SiteFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("site_files")
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("site_files").delete()
    }
}

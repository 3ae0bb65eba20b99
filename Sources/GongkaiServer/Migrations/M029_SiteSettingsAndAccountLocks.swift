import Fluent

/// 029: what `gongkai setup` records about the site (its name), and accounts an operator has locked.
struct M029_SiteSettingsAndAccountLocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("site_settings")
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "key")
            .create()
        try await database.schema("staff").field("locked", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff").deleteField("locked").update()
        try await database.schema("site_settings").delete()
    }
}

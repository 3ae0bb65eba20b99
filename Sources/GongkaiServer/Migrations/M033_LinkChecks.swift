import Fluent

/// 033: each agency's last link check (链接可用性, issue 17), kept so every app server and `gongkai inspect` read it.
struct M033_LinkChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("link_checks")
            .field("agency_code", .string, .required)
            .field("checked_at", .string, .required)
            .field("result", .string, .required)
            .unique(on: "agency_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("link_checks").delete()
    }
}

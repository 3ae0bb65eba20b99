import Fluent

/// 021: an answer put off under 第三十五条 keeps the day it was put off to, on the event that set it.
struct M021_AddDeferral: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("application_events").field("until", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("application_events").deleteField("until").update()
    }
}

import Fluent

/// 032: a 部分公开 answer's information as the officer wrote it, before the withheld passages were taken out (第三十七条);
/// staff read it on the application, the applicant never.
struct M032_ProvidedOriginal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("provided_original", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("provided_original").update()
    }
}

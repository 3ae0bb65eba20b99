import Fluent

/// 023: an application asks for information (第二十七条) or for a record about the applicant to be corrected
/// (第四十一条); only the first kind is counted in the annual report and the fee scales.
struct M023_AddApplicationKinds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("kind", .string, .required, .sql(.default("disclosure"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("kind").update()
    }
}

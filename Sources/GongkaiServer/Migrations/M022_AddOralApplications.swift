import Fluent

/// 022: an application made orally and written down by staff (第二十九条) is marked as such, so that its printed form
/// says so above the applicant's signature.
struct M022_AddOralApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("oral", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("oral").update()
    }
}

import Fluent
import SQLKit

/// 014: complaints and reports about disclosure work (投诉举报, 第四十七条、第五十一条) and their handling.
struct M014_CreateComplaints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("complaints")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("number", .string, .required)
            .field("received_on", .string, .required)
            .field("content", .string, .required)
            .field("name", .string, .required)
            .field("contact", .string, .required)
            .field("handling", .string, .required)
            .field("handled_on", .string)
            .field("handled_by", .string)
            .field("created_at", .datetime)
            .unique(on: "number")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX complaints_agency ON complaints (agency_id, received_on)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("complaints").delete()
    }
}

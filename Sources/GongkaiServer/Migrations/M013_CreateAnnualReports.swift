import Fluent
import SQLKit

/// 013: annual report drafts and published versions, and each agency's publication deadline (第四十九条).
struct M013_CreateAnnualReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("annual_reports")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("year", .int, .required)
            /// 0 for the draft; 1, 2 … for published versions.
            .field("version", .int, .required)
            /// The report as Gongkai JSON: for the draft its sections (tables are computed afresh), frozen when published.
            .field("document", .string, .required)
            .field("published_on", .string)
            .field("published_by", .string)
            .field("updated_at", .datetime)
            .unique(on: "agency_id", "year", "version")
            .create()
        // MM-DD in the year after the report's year; empty: by the agency's kind (31 January / 31 March).
        try await database.schema("agencies").field("report_deadline", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agencies").deleteField("report_deadline").update()
        try await database.schema("annual_reports").delete()
    }
}

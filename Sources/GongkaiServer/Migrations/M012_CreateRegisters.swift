import Fluent
import SQLKit

/// 012: the registers of table 二 (licences, penalties, fees, procurement …) per agency and year, and the training log.
struct M012_CreateRegisters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("registers")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("previous_count", .int, .required)
            .field("change", .int, .required)
            .field("decisions", .int, .required)
            .field("count", .int, .required)
            // 万元, exact: a decimal as text ("288.829").
            .field("amount", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "agency_id", "year", "kind")
            .create()
        try await database.schema("trainings")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("held_on", .string, .required)
            .field("topic", .string, .required)
            .field("attendees", .int, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX trainings_agency ON trainings (agency_id, held_on)").run()
            try await sql.raw("CREATE INDEX review_cases_agency ON review_cases (agency_id, filed_on)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX review_cases_agency").run()
        }
        try await database.schema("trainings").delete()
        try await database.schema("registers").delete()
    }
}

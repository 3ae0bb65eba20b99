import Fluent
import SQLKit

/// 019: a reconsideration or lawsuit stands on its own — about an application, or about proactive disclosure or a
/// complaint (第五十一条) — so its application becomes optional and it says in words what it is about.
///
/// NB: SQLite cannot drop a NOT NULL constraint, so there the table is rebuilt with its rows; PostgreSQL alters it.
struct M019_StandaloneReviewCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await database.schema("review_cases_rebuilt")
                .id()
                .field("application_id", .uuid, .references("applications", "id"))
                .field("agency_id", .uuid, .required, .references("agencies", "id"))
                .field("kind", .string, .required)
                .field("body", .string, .required)
                .field("filed_on", .string, .required)
                .field("decided_on", .string)
                .field("result", .string, .required)
                .field("created_at", .datetime)
                .field("subject", .string, .required, .sql(.default("")))
                .create()
            try await sql.raw(
                """
                INSERT INTO review_cases_rebuilt (id, application_id, agency_id, kind, body, filed_on, decided_on, result, created_at, subject)
                SELECT id, application_id, agency_id, kind, body, filed_on, decided_on, result, created_at, '' FROM review_cases
                """
            ).run()
            try await sql.raw("DROP TABLE review_cases").run()
            try await sql.raw("ALTER TABLE review_cases_rebuilt RENAME TO review_cases").run()
            // The indexes of 010 and 012 went with the old table.
            try await sql.raw("CREATE INDEX review_cases_app ON review_cases (application_id)").run()
            try await sql.raw("CREATE INDEX review_cases_agency ON review_cases (agency_id, filed_on)").run()
        } else {
            try await sql.raw("ALTER TABLE review_cases ALTER COLUMN application_id DROP NOT NULL").run()
            try await database.schema("review_cases").field("subject", .string, .required, .sql(.default(""))).update()
        }
    }

    /// NB: the application stays optional: cases recorded without one would otherwise be lost.
    func revert(on database: any Database) async throws {
        try await database.schema("review_cases").deleteField("subject").update()
    }
}

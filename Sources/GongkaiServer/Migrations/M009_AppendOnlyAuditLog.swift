import Fluent
import SQLKit

/// 009: the database itself refuses to change or delete audit entries, whatever code asks.
struct M009_AppendOnlyAuditLog: AsyncMigration {
    static let message = "the audit log is append-only: entries are never changed or deleted"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if SearchIndex.isPostgres(sql) {
            try await sql.raw(
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: Self.message)'; END $$
                """
            ).run()
            try await sql.raw(
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
            ).run()
        } else {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.message)'); END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if SearchIndex.isPostgres(sql) {
            try await sql.raw("DROP TRIGGER audit_log_append_only ON audit_log").run()
            try await sql.raw("DROP FUNCTION audit_log_append_only()").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_log_no_update").run()
            try await sql.raw("DROP TRIGGER audit_log_no_delete").run()
        }
    }
}

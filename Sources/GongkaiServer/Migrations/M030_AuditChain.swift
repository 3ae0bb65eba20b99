import Fluent
import Foundation
import SQLKit

/// 030: each audit entry carries its place in the log and the hash of the entry before it, so that an entry edited
/// around the database's own refusal (M009), or a whole rewritten log, is found by `gongkai verify`. Entries written
/// before this migration are chained in the order they were written.
struct M030_AuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // NB: one column a statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("audit_log").field("seq", .int64).update()
        try await database.schema("audit_log").field("prev_hash", .string).update()
        try await database.schema("audit_log").field("hash", .string).update()
        try await database.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        // The entries so far, chained in the order written (the append-only triggers stand aside for this once).
        try await M009_AppendOnlyAuditLog().revert(on: database)
        var previous = AuditChain.genesis
        var seq = 0
        while true {
            let page = try await AuditChain.Entry.unchained(offset: seq, on: sql)
            if page.isEmpty { break }
            for var entry in page {
                seq += 1
                entry.seq = seq
                entry.previousHash = previous
                previous = AuditChain.hash(entry)
                try await sql.raw(
                    "UPDATE audit_log SET seq = \(bind: seq), prev_hash = \(bind: entry.previousHash), hash = \(bind: previous) WHERE id = \(bind: entry.id)"
                ).run()
            }
        }
        try await M009_AppendOnlyAuditLog().prepare(on: database)
        try await sql.raw("INSERT INTO audit_head (id, seq, hash) VALUES (1, \(bind: seq), \(bind: previous))").run()
        try await sql.raw("CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX audit_log_seq").run()
        try await database.schema("audit_head").delete()
        try await M009_AppendOnlyAuditLog().revert(on: database)
        for column in ["hash", "prev_hash", "seq"] { try await database.schema("audit_log").deleteField(.string(column)).update() }
        try await M009_AppendOnlyAuditLog().prepare(on: database)
    }
}

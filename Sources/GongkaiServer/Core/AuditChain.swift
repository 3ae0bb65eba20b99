import Crypto
import Fluent
import Foundation
import SQLKit

/// The audit log as a hash chain: entry n stores the hash of entry n − 1 and its own hash over both, so that editing
/// an entry breaks its link, and rewriting the whole log changes the head hash operators record outside the database.
/// Appends are serialised by the one row of `audit_head`, claimed by an UPDATE (on SQLite the transaction then holds
/// the write lock; on PostgreSQL other appenders wait on the row until this transaction ends), so several app servers
/// cannot fork the chain.
enum AuditChain {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// An entry as the chain sees it.
    struct Entry: Decodable, Sendable {
        var id: UUID
        var at: Date
        var actor: String
        var action: String
        var entity: String
        var entityID: String
        var agencyCode: String?
        var before: String?
        var after: String?
        var seq: Int?
        var previousHash: String?
        var hash: String?

        enum CodingKeys: String, CodingKey {
            case id, at, actor, action, entity, before, after, seq, hash
            case entityID = "entity_id"
            case agencyCode = "agency_code"
            case previousHash = "prev_hash"
        }

        static let columns: SQLQueryString = "id, at, actor, action, entity, entity_id, agency_code, before, after, seq, prev_hash, hash"

        /// Entries in the order they were written, for chaining those written before the chain existed.
        static func unchained(offset: Int, on sql: any SQLDatabase) async throws -> [Entry] {
            try await sql.raw("SELECT \(columns) FROM audit_log ORDER BY at, id LIMIT 2000 OFFSET \(bind: offset)").all(decoding: Entry.self)
        }

        /// The next entries of the chain after `seq`.
        static func chained(after seq: Int, on sql: any SQLDatabase) async throws -> [Entry] {
            try await sql.raw("SELECT \(columns) FROM audit_log WHERE seq > \(bind: seq) ORDER BY seq LIMIT 2000").all(decoding: Entry.self)
        }
    }

    /// The time as the chain hashes it: whole milliseconds, which every database keeps exactly.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// A time rounded to what the chain hashes, so that the stored entry hashes the same when read back.
    static func rounded(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000) }

    /// SHA-256 over the previous hash and every field of the entry, as a JSON array (unambiguous, fixed order).
    static func hash(_ entry: Entry) -> String {
        let fields: [String?] = [
            "gongkai-audit-1", entry.previousHash, entry.seq.map(String.init), entry.id.uuidString, String(milliseconds(entry.at)), entry.actor,
            entry.action, entry.entity, entry.entityID, entry.agencyCode, entry.before, entry.after,
        ]
        let data = (try? JSONEncoder().encode(fields)) ?? Data()
        return SHA256.hash(data: data).hex
    }

    /// Adds `record` at the head of the chain, inside the caller's transaction.
    static func append(_ record: AuditRecord, on db: any Database) async throws {
        let sql = try db.sql()
        struct Head: Decodable {
            var seq: Int
            var hash: String
        }
        guard let head = try await sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first(decoding: Head.self)
        else { throw ChainError.noHead }
        record.id = UUID()
        record.at = rounded(record.at)
        record.seq = head.seq
        record.previousHash = head.hash
        let hash = Self.hash(
            Entry(
                id: record.id!, at: record.at, actor: record.actor, action: record.action, entity: record.entity, entityID: record.entityID,
                agencyCode: record.agencyCode, before: record.before, after: record.after, seq: head.seq, previousHash: head.hash))
        record.hash = hash
        try await record.create(on: db)
        try await sql.raw("UPDATE audit_head SET hash = \(bind: hash) WHERE id = 1").run()
    }

    enum ChainError: Error, CustomStringConvertible {
        case noHead
        var description: String {
            switch self {
            case .noHead: "the audit log's head row (audit_head) is missing: run `gongkai verify`"
            }
        }
    }

    /// What `verify` found walking the chain.
    struct Report: Sendable, Equatable {
        var entries = 0
        /// The last entry's hash: recorded outside the database, it shows a later rewrite of the whole log.
        var headHash = AuditChain.genesis
        /// The first entry that does not follow from the one before, in a sentence; nil when the chain holds.
        var firstBreak: String?
    }

    /// Walks the whole chain from the first entry, recomputing every hash.
    static func verify(on sql: any SQLDatabase) async throws -> Report {
        var report = Report()
        var previous = genesis
        var seq = 0
        walk: while true {
            let page = try await Entry.chained(after: seq, on: sql)
            if page.isEmpty { break }
            for entry in page {
                let expected = seq + 1
                let at = "entry \(entry.seq ?? expected) (id \(entry.id.uuidString.lowercased()), \(entry.action) \(entry.entity) by \(entry.actor))"
                if entry.seq != expected {
                    report.firstBreak = "entry \(expected) is missing: the log goes from entry \(seq) to \(entry.seq ?? 0)"
                } else if entry.previousHash != previous {
                    report.firstBreak = "\(at) does not link to the entry before it (its previous hash is not that entry's hash)"
                } else if entry.hash != hash(entry) {
                    report.firstBreak = "\(at) was changed after it was written (its fields no longer give its hash)"
                }
                if report.firstBreak != nil { break walk }
                previous = entry.hash ?? ""
                seq = expected
                report.entries = seq
            }
        }
        report.headHash = previous
        if report.firstBreak == nil {
            let unchained = try await sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE seq IS NULL").first(decoding: Count.self)?.n ?? 0
            struct Head: Decodable {
                var seq: Int
                var hash: String
            }
            let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first(decoding: Head.self)
            if unchained > 0 {
                report.firstBreak = "\(unchained) entries have no place in the chain (written around Gongkai)"
            } else if let head, head.seq != seq || head.hash != previous {
                report.firstBreak = "the head row says entry \(head.seq) with hash \(head.hash.prefix(12))…, but the log ends at entry \(seq)"
            } else if head == nil {
                report.firstBreak = ChainError.noHead.description
            }
        }
        return report
    }

    private struct Count: Decodable { var n: Int }
}

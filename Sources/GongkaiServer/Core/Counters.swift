import Fluent
import Foundation
import Gongkai
import SQLKit

/// Per-agency, per-year sequence numbers (索引号, tracking numbers), handed out atomically: one upsert that
/// returns the number, so concurrent requests on any number of app servers never get the same one.
enum Counters {
    enum Table: String {
        case indexNumbers = "index_counters"
        case trackingNumbers = "tracking_counters"
        case letterNumbers = "letter_counters"
    }

    /// The next number of `agency` in `year`, from 1.
    static func next(_ table: Table, agency: UUID, year: Int, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw CountersError() }
        struct Row: Decodable { var next: Int }
        // NB: the row stores the number after the one handed out, as the records always did.
        let row = try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: table.rawValue) (id, agency_id, year, next) VALUES (\(bind: UUID()), \(bind: agency), \(bind: year), 2)
            ON CONFLICT (agency_id, year) DO UPDATE SET next = \(unsafeRaw: table.rawValue).next + 1
            RETURNING next
            """
        ).first(decoding: Row.self)
        guard let row else { throw CountersError() }
        return row.next - 1
    }

    struct CountersError: Error, CustomStringConvertible {
        var description: String { "the database did not hand out a sequence number" }
    }
}

extension Counters {
    /// A kind of number an agency hands out: the counter, where the numbers are stored, and how one is made.
    struct Numbering {
        var counter: Table
        var table: String
        var column: String
        /// The date whose year numbers items and applications (their numbers of a year are counted together).
        var dateColumn: String
        var pattern: String
        var code: String
        var agency: UUID

        /// 索引号, by the agency's pattern.
        static func indexNumbers(_ agency: AgencyRecord) throws -> Numbering {
            Numbering(
                counter: .indexNumbers, table: "items", column: "index_number", dateColumn: "written_on", pattern: agency.indexPattern,
                code: agency.code, agency: try agency.requireID())
        }

        /// Tracking numbers, `<code>-<year>-<5 digits>`.
        static func trackingNumbers(_ agency: AgencyRecord) throws -> Numbering {
            Numbering(
                counter: .trackingNumbers, table: "applications", column: "tracking_number", dateColumn: "submitted_on",
                pattern: "{code}-{year}-{seq:5}", code: agency.code, agency: try agency.requireID())
        }

        /// The highest sequence number among the stored numbers of `year` that the pattern made; 0 when none.
        func highest(year: Int, on sql: any SQLDatabase) async throws -> Int {
            guard let (prefix, _) = IndexNumber.affixes(pattern: pattern, code: code, year: year) else { return 0 }
            struct Row: Decodable { var number: String }
            // NB: LIKE only narrows (a `_` in the prefix matches any one character); the pattern decides.
            let rows = try await sql.raw(
                """
                SELECT \(ident: column) AS number FROM \(ident: table)
                WHERE agency_id = \(bind: agency) AND \(ident: column) LIKE \(bind: prefix.replacingOccurrences(of: "%", with: "_") + "%")
                """
            ).all(decoding: Row.self)
            return rows.compactMap { IndexNumber.sequence(of: $0.number, pattern: pattern, code: code, year: year) }.max() ?? 0
        }

        /// The number the counter hands out next for `year` (1 when it has not counted that year yet).
        func next(year: Int, on sql: any SQLDatabase) async throws -> Int {
            struct Row: Decodable { var next: Int }
            return try await sql.raw(
                "SELECT next FROM \(unsafeRaw: counter.rawValue) WHERE agency_id = \(bind: agency) AND year = \(bind: year)"
            ).first(decoding: Row.self)?.next ?? 1
        }

        /// Every year the agency has numbers or a counter for.
        func years(on sql: any SQLDatabase) async throws -> [Int] {
            struct Year: Decodable { var year: String }
            struct Counted: Decodable { var year: Int }
            let stored = try await sql.raw(
                "SELECT DISTINCT substr(\(ident: dateColumn), 1, 4) AS year FROM \(ident: table) WHERE agency_id = \(bind: agency)"
            ).all(decoding: Year.self).compactMap { Int($0.year) }
            let counted = try await sql.raw("SELECT year FROM \(unsafeRaw: counter.rawValue) WHERE agency_id = \(bind: agency)")
                .all(decoding: Counted.self).map(\.year)
            return Set(stored + counted).sorted()
        }

        /// Moves the counter of `year` past every number stored (never back).
        func moveAhead(year: Int, on sql: any SQLDatabase) async throws {
            let next = try await highest(year: year, on: sql) + 1
            try await sql.raw(
                """
                INSERT INTO \(unsafeRaw: counter.rawValue) (id, agency_id, year, next) VALUES (\(bind: UUID()), \(bind: agency), \(bind: year), \(bind: next))
                ON CONFLICT (agency_id, year) DO UPDATE SET next = CASE WHEN \(unsafeRaw: counter.rawValue).next < excluded.next
                THEN excluded.next ELSE \(unsafeRaw: counter.rawValue).next END
                """
            ).run()
        }
    }
}

extension Database {
    /// The database as SQL, which every driver Gongkai uses (SQLite, PostgreSQL) speaks; a 500 with a sentence otherwise.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw Refused(.internalServerError, .databaseNotSQL) }
        return sql
    }
}

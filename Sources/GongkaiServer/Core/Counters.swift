import Fluent
import Foundation
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

import Fluent
import Foundation
import Gongkai
import SQLKit
import SQLiteKit
import Vapor

/// The search index of published items. Title (with 文号) and text (summary and body) are indexed apart so that
/// title matches rank first; within each, the most recently published come first (documents are numbered in order
/// of publication, so the newest is the highest `doc`).
///
/// SQLite: an FTS5 table of single-character terms (`SearchText`), queried as a phrase.
/// PostgreSQL: arrays of terms and adjacent pairs under GIN indexes, checked against the spaced terms.
struct SearchIndex {
    let sql: any SQLDatabase

    /// Counting stops here: beyond it a query is too broad to page through and the portal says so.
    static let countLimit = 10_000

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    struct Document {
        var itemID: UUID
        var agencyID: UUID
        var categoryID: UUID
        var publishedOn: String
        var title: String
        var text: String

        init(
            itemID: UUID, agencyID: UUID, categoryID: UUID, publishedOn: String, title: String, documentNumber: String, summary: String, body: String
        ) {
            self.itemID = itemID
            self.agencyID = agencyID
            self.categoryID = categoryID
            self.publishedOn = publishedOn
            self.title = documentNumber.isEmpty ? title : title + " " + documentNumber
            self.text = summary.isEmpty ? body : summary + "\n" + body
        }

        init(_ item: ItemRecord) throws {
            self.init(
                itemID: try item.requireID(), agencyID: item.$agency.id, categoryID: item.$category.id, publishedOn: item.publishedOn ?? "",
                title: item.title, documentNumber: item.documentNumber, summary: item.summary, body: item.body)
        }
    }

    // MARK: Changing

    /// Adds documents in the order given (the last is the newest).
    func add(_ documents: [Document]) async throws {
        guard !documents.isEmpty else { return }
        if Self.isPostgres(sql) {
            let rows: [SQLQueryString] = documents.map { d in
                "(\(bind: d.itemID), \(bind: d.agencyID), \(bind: d.categoryID), \(bind: d.publishedOn), \(bind: SearchText.indexed(d.title)), \(bind: SearchText.indexed(d.text)), \(bind: SearchText.grams(d.title)), \(bind: SearchText.grams(d.text)))"
            }
            try await sql.raw(
                "INSERT INTO search_docs (item_id, agency_id, category_id, published_on, title_text, body_text, title_grams, body_grams) VALUES \(Self.list(rows))"
            ).run()
            return
        }
        let rows: [SQLQueryString] = documents.map { d in "(\(bind: d.itemID), \(bind: d.agencyID), \(bind: d.categoryID), \(bind: d.publishedOn))" }
        struct Inserted: Decodable {
            var doc: Int
            var item_id: UUID
        }
        let inserted = try await sql.raw(
            "INSERT INTO search_docs (item_id, agency_id, category_id, published_on) VALUES \(Self.list(rows)) RETURNING doc, item_id"
        )
        .all(decoding: Inserted.self)
        let byItem = Dictionary(uniqueKeysWithValues: documents.map { ($0.itemID, $0) })
        let terms: [SQLQueryString] = inserted.map { row in
            let d = byItem[row.item_id]!
            return "(\(bind: row.doc), \(bind: SearchText.indexed(d.title)), \(bind: SearchText.indexed(d.text)))"
        }
        try await sql.raw("INSERT INTO search_fts (rowid, title, body) VALUES \(Self.list(terms))").run()
    }

    /// Takes an item out of search (withdrawn or superseded).
    func remove(itemID: UUID) async throws {
        if !Self.isPostgres(sql) {
            try await sql.raw("DELETE FROM search_fts WHERE rowid IN (SELECT doc FROM search_docs WHERE item_id = \(bind: itemID))").run()
        }
        try await sql.raw("DELETE FROM search_docs WHERE item_id = \(bind: itemID)").run()
    }

    /// Empties the index and fills it again from every published item, oldest publication first.
    func rebuild(batch: Int = 500) async throws {
        if !Self.isPostgres(sql) { try await sql.raw("DELETE FROM search_fts").run() }
        try await sql.raw("DELETE FROM search_docs").run()
        struct Row: Decodable {
            var id: UUID, agency_id: UUID, category_id: UUID, published_on: String
            var title: String, document_number: String, summary: String, body: String
        }
        var after: (String, String)? = nil
        while true {
            // Keyset paging over (published_on, index_number): no OFFSET, so each batch costs the same.
            let next: SQLQueryString =
                after.map { "AND (published_on > \(bind: $0.0) OR (published_on = \(bind: $0.0) AND index_number > \(bind: $0.1)))" } ?? ""
            struct Keyed: Decodable { var index_number: String }
            let rows = try await sql.raw(
                """
                SELECT id, agency_id, category_id, published_on, title, document_number, summary, body, index_number FROM items
                WHERE state = 'published' AND published_on IS NOT NULL \(next)
                ORDER BY published_on, index_number LIMIT \(literal: batch)
                """
            ).all()
            if rows.isEmpty { break }
            let decoded = try rows.map { try $0.decode(model: Row.self) }
            try await add(
                decoded.map {
                    Document(
                        itemID: $0.id, agencyID: $0.agency_id, categoryID: $0.category_id, publishedOn: $0.published_on,
                        title: $0.title, documentNumber: $0.document_number, summary: $0.summary, body: $0.body)
                })
            let last = try rows.last!.decode(model: Keyed.self)
            after = (decoded.last!.published_on, last.index_number)
            if rows.count < batch { break }
        }
    }

    // MARK: Querying

    struct Filters {
        var agency: UUID?
        var category: UUID?
        var year: Int?
    }

    struct Result {
        var itemIDs: [UUID]
        /// Matches, counted up to `countLimit`.
        var total: Int
        /// True when there are more than `countLimit`.
        var capped: Bool
    }

    /// The page of `limit` matches from `offset`: title matches first, then text-only ones, each newest first.
    func search(_ query: String, filters: Filters, offset: Int, limit: Int, timeLimit: Double = SearchIndex.timeLimit) async throws -> Result {
        guard let phrase = SearchText.phrase(query) else { return Result(itemIDs: [], total: 0, capped: false) }
        let postgres = Self.isPostgres(sql)
        let spaced = SearchText.indexed(query)
        let grams = SearchText.queryGrams(query)
        let title: SQLQueryString =
            postgres
            ? "d.title_grams @> \(bind: grams) AND strpos(d.title_text, \(bind: spaced)) > 0"
            : "search_fts MATCH \(bind: "title : " + phrase)"
        let textOnly: SQLQueryString =
            postgres
            ? "d.body_grams @> \(bind: grams) AND strpos(d.body_text, \(bind: spaced)) > 0 AND NOT (d.title_grams @> \(bind: grams) AND strpos(d.title_text, \(bind: spaced)) > 0)"
            : "search_fts MATCH \(bind: "body : " + phrase + " NOT title : " + phrase)"
        var conditions: [SQLQueryString] = []
        if let agency = filters.agency { conditions.append("AND d.agency_id = \(bind: agency)") }
        if let category = filters.category { conditions.append("AND d.category_id = \(bind: category)") }
        if let year = filters.year {
            conditions.append(
                "AND d.published_on >= \(bind: String(format: "%04d-01-01", year)) AND d.published_on <= \(bind: String(format: "%04d-12-31", year))")
        }
        let filter = conditions.reduce("" as SQLQueryString) { "\($0) \($1)" }
        let from: SQLQueryString = postgres ? "search_docs d" : "search_fts JOIN search_docs d ON d.doc = search_fts.rowid"
        let order: SQLQueryString = postgres ? "d.doc DESC" : "search_fts.rowid DESC"

        struct Count: Decodable { var n: Int }
        struct Hit: Decodable { var item_id: UUID }
        return try await Self.bounded(sql, seconds: timeLimit) { sql, inTime in
            func count(_ match: SQLQueryString) async throws -> Int {
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(from) WHERE \(match) \(filter) \(inTime) LIMIT \(literal: Self.countLimit + 1)) AS hits"
                )
                .first(decoding: Count.self)?.n ?? 0
            }
            func page(_ match: SQLQueryString, offset: Int, limit: Int) async throws -> [UUID] {
                guard limit > 0 else { return [] }
                return try await sql.raw(
                    "SELECT d.item_id FROM \(from) WHERE \(match) \(filter) \(inTime) ORDER BY \(order) LIMIT \(literal: limit) OFFSET \(literal: offset)"
                )
                .all(decoding: Hit.self).map(\.item_id)
            }
            let inTitle = try await count(title)
            let inText = inTitle > Self.countLimit ? 0 : try await count(textOnly)
            var ids: [UUID] = []
            if offset < inTitle { ids = try await page(title, offset: offset, limit: limit) }
            if ids.count < limit {
                ids += try await page(textOnly, offset: max(0, offset - inTitle), limit: limit - ids.count)
            }
            let total = inTitle + inText
            return Result(itemIDs: ids, total: min(total, Self.countLimit), capped: total > Self.countLimit)
        }
    }

    // MARK: A time bound

    /// How long one search may take, all its queries together, before it is stopped and the searcher told so.
    static let timeLimit = 2.0

    /// A search that ran past its time: the database stopped it. A 503 with the sentence and a `Retry-After`.
    struct TooSlow: SaidError {
        var status: HTTPResponseStatus { .serviceUnavailable }
        var headers: HTTPHeaders { ["Retry-After": "5"] }
        var said: Said { UIText.searchTooSlow.said(Int(SearchIndex.timeLimit)) }
    }

    /// Runs `body` on one connection with its work bounded by `seconds`.
    ///
    /// PostgreSQL: in a transaction with `SET LOCAL statement_timeout`, which the server enforces. SQLite, which has
    /// no such setting (and SQLiteNIO gives no progress handler): `body` adds `inTime` to every query's `WHERE`; it
    /// calls a function installed on the connection that fails the query once the deadline has passed, so a query is
    /// stopped at the next row it considers.
    static func bounded<R: Sendable>(
        _ sql: any SQLDatabase, seconds: Double, _ body: @escaping @Sendable (any SQLDatabase, SQLQueryString) async throws -> R
    ) async throws -> R {
        if isPostgres(sql) {
            return try await sql.withSession { session in
                try await session.raw("BEGIN").run()
                do {
                    try await session.raw("SET LOCAL statement_timeout = \(literal: max(1, Int(seconds * 1000)))").run()
                    let result = try await body(session, "")
                    try await session.raw("COMMIT").run()
                    return result
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    if String(reflecting: error).contains("57014") { throw TooSlow() }  // query_canceled
                    throw error
                }
            }
        }
        guard let sqlite = sql as? any SQLiteDatabase else { return try await body(sql, "") }
        let deadline = Date().timeIntervalSince1970 + seconds
        return try await sqlite.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.install(customFunction: inTimeFunction)
                do {
                    return try await body(connection.sql(), "AND gk_in_time(\(bind: deadline))")
                } catch let error as SQLiteError where error.message.contains(tooSlowMessage) {
                    throw TooSlow()
                }
            }
        }.get()
    }

    private static let tooSlowMessage = "gongkai: the search ran past its time"
    private static let inTimeFunction = SQLiteCustomFunction("gk_in_time", argumentCount: 1, pure: false) { arguments in
        guard let deadline = arguments.first?.double, Date().timeIntervalSince1970 <= deadline else {
            throw InTimeError()
        }
        return 1
    }
    private struct InTimeError: Error, CustomStringConvertible {
        var description: String { tooSlowMessage }
    }

    private static func list(_ parts: [SQLQueryString]) -> SQLQueryString {
        parts.dropFirst().reduce(parts[0]) { "\($0), \($1)" }
    }
}

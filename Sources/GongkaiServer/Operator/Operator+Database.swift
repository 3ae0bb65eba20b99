import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai verify`, `backup` and `restore`.
extension Operator {
    /// What `gongkai verify` found: each problem in a sentence (none: the database is sound), and the audit log's head.
    public struct Verification: Sendable {
        public var problems: [String] = []
        public var notes: [String] = []
        public var auditEntries = 0
        /// Record this outside the database (the daily backup log): a rewritten log has another head.
        public var auditHead = AuditChain.genesis
    }

    /// Checks the database as it is: it is not migrated first (a database of an older version is said to be one).
    public static func verify(_ configuration: ServerConfiguration) async throws -> Verification {
        try await withDatabase(configuration, migrate: false) { app in
            let sql = try app.db.sql()
            try await requireCurrent(sql)
            var result = Verification()
            if SearchIndex.isPostgres(sql) {
                result.notes.append("PostgreSQL: the pages' integrity is the server's to check (initdb --data-checksums, amcheck); not checked here")
            } else {
                struct Line: Decodable { var integrity_check: String }
                let lines = try await sql.raw("PRAGMA integrity_check").all(decoding: Line.self).map(\.integrity_check)
                if lines != ["ok"] { result.problems += lines.prefix(20).map { "SQLite integrity: \($0)" } }
            }
            let chain = try await AuditChain.verify(on: sql)
            result.auditEntries = chain.entries
            result.auditHead = chain.headHash
            if let broken = chain.firstBreak { result.problems.append("audit log: \(broken)") }
            result.problems += try await counterProblems(app.db, sql)
            return result
        }
    }

    /// Each agency's counters of 索引号 and tracking numbers, for every year it has numbers in, must be past the highest
    /// number stored (a counter behind would hand out a number again, refused when the item is published).
    static func counterProblems(_ db: any Database, _ sql: any SQLDatabase) async throws -> [String] {
        var problems: [String] = []
        for agency in try await AgencyRecord.query(on: db).all() {
            for numbering in [try Counters.Numbering.indexNumbers(agency), try Counters.Numbering.trackingNumbers(agency)] {
                for year in try await numbering.years(on: sql) {
                    let next = try await numbering.next(year: year, on: sql)
                    let highest = try await numbering.highest(year: year, on: sql)
                    if next <= highest {
                        let number = IndexNumber.make(pattern: numbering.pattern, code: agency.code, year: year, sequence: highest)
                        problems.append(
                            "\(agency.name) (\(agency.code)) \(year): \(numbering.counter.rawValue) hands out number \(next) next, but \(number) is stored already"
                        )
                    }
                }
            }
        }
        return problems
    }

    /// Refuses a database this version has not migrated yet (or an empty one), saying how to bring it up to date.
    static func requireCurrent(_ sql: any SQLDatabase) async throws {
        struct Count: Decodable { var n: Int }
        let applied = (try? await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first(decoding: Count.self)?.n) ?? 0
        guard applied >= migrations.count else {
            throw Failure(
                applied == 0
                    ? "this is not a Gongkai database (no migrations recorded)"
                    : "the database has \(applied) of this version's \(migrations.count) migrations: start `gongkai serve` on it once (it migrates on start), then verify"
            )
        }
    }

    /// What `backup` wrote.
    public struct Backup: Sendable {
        public var path: String
        public var bytes: Int
        public var how: String
    }

    /// A consistent copy of the whole database — attachments are rows, so they are in it — taken while the server runs:
    /// SQLite's `VACUUM INTO` (one read transaction, so the copy is the database at one moment), or `pg_dump`.
    public static func backup(_ configuration: ServerConfiguration, to path: String) async throws -> Backup {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure("\(path) exists already; a backup never overwrites a file") }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw Failure("cannot write \(path): \(directory) is not a writable directory")
        }
        switch configuration.database {
        case .postgres(let url):
            try run("pg_dump", ["--format=custom", "--no-owner", "--file", path, "--dbname", url])
            return Backup(path: path, bytes: size(path), how: "pg_dump --format=custom (restore with `gongkai restore`, which calls pg_restore)")
        case .sqlite, .sqliteInMemory:
            // NB: not migrated first: the backup before an upgrade is of the database as the old version left it.
            try await withDatabase(configuration, migrate: false) { app in
                let sql = try app.db.sql()
                try await sql.raw("VACUUM INTO \(bind: path)").run()
            }
            return Backup(path: path, bytes: size(path), how: "SQLite VACUUM INTO (one consistent read of the whole file)")
        }
    }

    /// Puts a backup into an empty database (a new SQLite file, or a PostgreSQL database without tables), then migrates it
    /// to this version of Gongkai and verifies it.
    public static func restore(_ configuration: ServerConfiguration, from path: String) async throws -> Verification {
        guard FileManager.default.isReadableFile(atPath: path) else { throw Failure("cannot read the backup \(path)") }
        let head = (FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) }) ?? Data()
        let isSQLite = head == Data("SQLite format 3\0".utf8)
        let isPostgresDump = head.starts(with: Data("PGDMP".utf8))
        switch configuration.database {
        case .sqlite(let target):
            guard isSQLite else {
                throw Failure("\(path) is not an SQLite backup\(isPostgresDump ? " (it is a pg_dump: restore it with DATABASE_URL set)" : "")")
            }
            if let size = try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int, size > 0 {
                throw Failure("\(target) exists and is not empty; restore into a new file (--database NEW.sqlite) so nothing is overwritten")
            }
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: path, toPath: target)
        case .postgres(let url):
            guard isPostgresDump else {
                throw Failure("\(path) is not a pg_dump backup\(isSQLite ? " (it is an SQLite backup: restore it with --database FILE)" : "")")
            }
            let tables = try await withDatabase(configuration, migrate: false) { app -> Int in
                struct Count: Decodable { var n: Int }
                return try await (app.db as? any SQLDatabase)?.raw(
                    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'"
                ).first(decoding: Count.self)?.n ?? 0
            }
            guard tables == 0 else { throw Failure("the database of DATABASE_URL has \(tables) tables; restore only into an empty database") }
            try run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", url, path])
        case .sqliteInMemory:
            throw Failure("restore needs a database that lasts")
        }
        return try await verify(configuration)
    }

    private static func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    /// Runs a PostgreSQL client program, or says why it could not.
    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure("\(program) could not be started (install the PostgreSQL client, e.g. Debian's postgresql-client): \(error)")
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                process.terminationStatus == 127
                    ? "\(program) is not installed (Debian: apt-get install postgresql-client)"
                    : "\(program) failed: \(said.trimmingCharacters(in: .whitespacesAndNewlines).prefix(2000))")
        }
    }
}

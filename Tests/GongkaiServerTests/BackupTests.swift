import Fluent
import Foundation
import Gongkai
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

@testable import GongkaiServer

/// Issue 15: `gongkai backup` while applications pour in, then `gongkai restore` into an empty database: the restored
/// database is the live one at one moment — every row it holds is in the live database as it is there, each
/// application with all of its history, everything acknowledged before the backup began and nothing half-written —
/// and it verifies (integrity, audit chain, counters). On an SQLite file (VACUUM INTO) and on PostgreSQL (pg_dump).
@Suite(.serialized) struct BackupTests {
    /// The tables a submission writes to and nothing later changes, compared row by row.
    static let appendOnly = ["agencies", "staff", "categories", "items", "attachments", "applications", "application_events", "audit_log"]
    // NB: the demo has no attachment; items and agencies come from it, applications and their events from the load.

    @Test func backupUnderLoad_restoresToTheDatabaseAtOneMoment() async throws {
        try await ServerProcess.with { server, _ in
            let path = SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path
            let acknowledged = NIOLockedValueBox<Set<String>>([])
            let stop = NIOLockedValueBox(false)
            func submit(_ client: Int, _ n: Int) async {
                let body = Array(
                    #"{"applicantType":"natural-person","name":"备份测试\#(client)","idType":"passport","idNumber":"B\#(client)N\#(n)","phone":"13800000000","formWanted":"electronic","delivery":"online","infoTitle":"备份测试第\#(client)-\#(n)份"}"#
                        .utf8)
                let request = RawHTTP.request(
                    "POST", path,
                    headers: [("Content-Type", "application/json"), ("X-Forwarded-For", "10.9.\(client).\(n % 250 + 1)")], body: body)
                if let answer = try? await RawHTTP.exchange(port: server.port, pieces: [request], timeout: 30), answer.status == 201,
                    let number = answer.text.firstMatch(of: /"trackingNumber":"([^"]+)"/).map({ String($0.output.1) })
                {
                    acknowledged.withLockedValue { _ = $0.insert(number) }
                }
            }
            let load = Task {
                await withTaskGroup(of: Void.self) { group in
                    for client in 0..<4 {
                        group.addTask {
                            var n = 0
                            while !stop.withLockedValue({ $0 }) && n < 200 {
                                await submit(client, n)
                                n += 1
                            }
                        }
                    }
                }
            }
            while acknowledged.withLockedValue({ $0.count }) < 20 { try await Task.sleep(for: .milliseconds(20)) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let before = acknowledged.withLockedValue { $0 }
            let backup = try await Operator.backup(server.configuration, to: folder.appendingPathComponent("backup").path)
            let during = acknowledged.withLockedValue { $0 }
            // Writing goes on after the backup, so that the live database moves past it.
            while acknowledged.withLockedValue({ $0.count }) < during.count + 10 { try await Task.sleep(for: .milliseconds(20)) }
            stop.withLockedValue { $0 = true }
            await load.value
            server.stop()
            #expect(backup.bytes > 0)

            let restoredConfiguration = try await emptyDatabase(beside: server.configuration, in: folder)
            let verification = try await Operator.restore(restoredConfiguration, from: backup.path)
            #expect(verification.problems.isEmpty, "\(verification.problems)")
            await #expect(throws: Operator.Failure.self, "a restore never goes into a database with data") {
                try await Operator.restore(restoredConfiguration, from: backup.path)
            }

            try await withApp(server.configuration) { live, _ in
                try await withApp(restoredConfiguration) { restored, _ in
                    guard let liveSQL = live.db as? any SQLDatabase, let restoredSQL = restored.db as? any SQLDatabase else { return }
                    for table in Self.appendOnly {
                        let inLive = Set(try await rows(of: table, liveSQL))
                        let inBackup = try await rows(of: table, restoredSQL)
                        #expect(!inBackup.isEmpty || inLive.isEmpty, "\(table) was backed up")
                        let strays = inBackup.filter { !inLive.contains($0) }
                        #expect(
                            strays.isEmpty,
                            "\(strays.count) rows of \(table) in the backup are not in the live database as they are: \(strays.prefix(2))")
                    }
                    let numbers = Set(
                        try await ApplicationRecord.query(on: restored.db).filter(\.$name ~~ "备份测试").all().map(\.trackingNumber))
                    #expect(before.isSubset(of: numbers), "everything acknowledged before the backup began is in it")
                    #expect(numbers.count < acknowledged.withLockedValue { $0.count }, "the backup is not the database after it")
                    // Each application's history is whole: as many events as the live database has for it.
                    struct Count: Decodable {
                        var tracking_number: String
                        var n: Int
                    }
                    let query: SQLQueryString = """
                        SELECT a.tracking_number, COUNT(e.id) AS n FROM applications a JOIN application_events e ON e.application_id = a.id \
                        GROUP BY a.tracking_number
                        """
                    let liveCounts = Dictionary(
                        try await liveSQL.raw(query).all(decoding: Count.self).map { ($0.tracking_number, $0.n) }, uniquingKeysWith: { a, _ in a })
                    for count in try await restoredSQL.raw(query).all(decoding: Count.self) {
                        #expect(liveCounts[count.tracking_number] == count.n, "\(count.tracking_number): half its history")
                    }
                    print(
                        "BACKUP: \(before.count) acknowledged before it began, \(during.count) when it ended, \(numbers.count) in it, "
                            + "\(acknowledged.withLockedValue { $0.count }) in the end; \(backup.bytes) bytes")
                }
            }
        }
    }

    /// Every row of `table` as text, for comparing two databases.
    func rows(of table: String, _ sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { var r: String }
        if SearchIndex.isPostgres(sql) {
            return try await sql.raw("SELECT row_to_json(t)::text AS r FROM \(ident: table) t").all(decoding: Row.self).map(\.r)
        }
        struct Column: Decodable {
            var name: String
            var type: String
        }
        let columns = try await sql.raw("PRAGMA table_info(\(ident: table))").all(decoding: Column.self)
        let list = columns.map { $0.type.uppercased() == "BLOB" ? "hex(\"\($0.name)\")" : "\"\($0.name)\"" }.joined(separator: ", ")
        return try await sql.raw("SELECT json_array(\(unsafeRaw: list)) AS r FROM \(ident: table)").all(decoding: Row.self).map(\.r)
    }

    /// A new, empty database of the same kind: an SQLite file in `folder`, or a new PostgreSQL database on the same server.
    func emptyDatabase(beside configuration: ServerConfiguration, in folder: URL) async throws -> ServerConfiguration {
        guard case .postgres(let url) = configuration.database, var components = URLComponents(string: url) else {
            return ServerConfiguration(
                database: .sqlite(path: folder.appendingPathComponent("restored.sqlite").path), calendarFile: "/nonexistent/c.json")
        }
        let name = "gongkai_restore_test"
        try await withApp(configuration) { app, _ in
            guard let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
            try await sql.raw("CREATE DATABASE \(ident: name)").run()
        }
        components.path = "/" + name
        return ServerConfiguration(database: .postgres(url: components.string ?? url), calendarFile: "/nonexistent/c.json")
    }
}

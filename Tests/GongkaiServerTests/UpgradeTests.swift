import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor

@testable import GongkaiServer

/// Issue 15: upgrading is stop, back up, replace the binary, start — the new binary migrates on start. A database made
/// by migrations M001–M015 with data in it (committed as a fixture) opens with today's migrations, keeps every row,
/// chains its old audit entries, verifies, and serves its portal and back office.
@Suite struct UpgradeTests {
    @Test func aDatabaseOfM001ToM015_migratesKeepsItsDataAndVerifies() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/m001-m015-demo.sqlite.gz")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gunzip.arguments = ["gzip", "-dc", fixture.path]
        FileManager.default.createFile(atPath: path, contents: nil)
        gunzip.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try gunzip.run()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        let configuration = ServerConfiguration(database: .sqlite(path: path), calendarFile: "/nonexistent/c.json")
        // Before the upgrade: the backup is of the database as the old version left it, and verify says it is behind.
        let backup = try await Operator.backup(configuration, to: folder.appendingPathComponent("before-upgrade.sqlite").path)
        let backupConfiguration = ServerConfiguration(database: .sqlite(path: backup.path), calendarFile: "/nonexistent/c.json")
        for database in [configuration, backupConfiguration] {
            await #expect {
                try await Operator.verify(database)
            } throws: { String(describing: $0).contains("the database has 16 of this version's \(migrations.count) migrations") }
        }

        try await withApp(configuration) { app, client in
            guard let sql = app.db as? any SQLDatabase else { return }
            struct Name: Decodable { var name: String }
            let applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Name.self).map(\.name)
            #expect(applied.count == migrations.count, "every migration of today applied")
            #expect(try await ItemRecord.query(on: app.db).count() == 607)
            #expect(try await ApplicationRecord.query(on: app.db).count() == 40)
            #expect(try await AgencyRecord.query(on: app.db).count() == 8)
            let audit = try await AuditRecord.query(on: app.db).sort(\.$seq).all()
            #expect(audit.map(\.seq) == Array(1...5))
            #expect(audit.filter { $0.action == "login" }.count == 3)

            #expect(try await client.get(SiteURL.agency(DemoSeed.lianfangCode).path).status == .ok)
            try await client.get(SiteURL.staffLogin.path)
            let signedIn = try await client.post(SiteURL.staffLogin.path, form: [("username", "admin"), ("password", "8r3u5dznKDXP")])
            #expect(signedIn.status == .seeOther, "the old password still signs in")
            #expect(try await client.get(SiteURL.admin.path).status == .ok)
        }
        let verification = try await Operator.verify(configuration)
        #expect(verification.problems.isEmpty, "\(verification.problems)")
        #expect(verification.auditEntries == 6, "five old entries chained, and the sign-in after the upgrade")
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// Which database the server suite runs on: in-memory SQLite by default; PostgreSQL when `TEST_DATABASE_URL` is set
/// (`.ci/run` sets it and runs the suite a second time).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// NB: one PostgreSQL database is shared, so tests that use it take turns; SQLite tests each have their own.
    static let lock = AsyncLock()

    /// NB: the tests that load the machine (the 200-client load test, the server processes) take turns, so that one
    /// does not starve another's requests past their time-outs on two cores. Taken before `lock`, always. So do the
    /// tests that write to one SQLite file from several connections at once: SQLiteNIO waits for a lock by spinning
    /// on a thread of the process's one thread pool (two threads here), so two such databases in one process can
    /// each hold a thread spinning for a lock whose holder needs the other thread to finish — and neither finishes.
    static let heavy = AsyncLock()

    /// Runs `work` holding `heavy`.
    static func heavily<T>(_ work: () async throws -> T) async throws -> T {
        await heavy.acquire()
        do {
            let result = try await work()
            await heavy.release()
            return result
        } catch {
            await heavy.release()
            throw error
        }
    }
}

actor AsyncLock {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

/// An app on a fresh database, migrated; with `demo`, the demo district loaded as of `today`.
/// `sqliteFile`: on SQLite, a database file in a temporary folder instead of memory (for tests that need several
/// connections, as a real server has).
func withServer<T>(
    demo: Bool = false, today: Day = Day(iso: "2026-11-20")!, sqliteFile: Bool = false, _ test: (Application, TestClient) async throws -> T
) async throws -> T {
    let postgres = TestDatabase.postgresURL
    if postgres != nil { await TestDatabase.lock.acquire() }
    do {
        let result = try await runServer(postgres: postgres, demo: demo, today: today, sqliteFile: sqliteFile, test)
        if postgres != nil { await TestDatabase.lock.release() }
        return result
    } catch {
        if postgres != nil { await TestDatabase.lock.release() }
        throw error
    }
}

private func runServer<T>(
    postgres: String?, demo: Bool, today: Day, sqliteFile: Bool, _ test: (Application, TestClient) async throws -> T
) async throws -> T {
    let app = try await Application.make(.testing)
    // NB: each test's app has its own thread pool (for SQLite and bcrypt), as a server has; with the process's one
    // pool, one test's SQLite connections spinning for a lock could hold every thread another test's database needs.
    app.threadPool = NIOThreadPool(numberOfThreads: 2)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var sqlite = ServerConfiguration.Database.sqliteInMemory
    if sqliteFile {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sqlite = .sqlite(path: folder.appendingPathComponent("test.sqlite").path)
    }
    app.logger.logLevel = .warning  // migrations and requests at info would bury the test output
    do {
        let configuration = ServerConfiguration(
            database: postgres.map { .postgres(url: $0) } ?? sqlite, calendarFile: "/nonexistent/gongkai-calendar.json")
        if postgres != nil {
            // Start from nothing: what an earlier test left is reverted first.
            try await GongkaiServer.configure(app, configuration)
            try await app.autoRevert()
            try await app.autoMigrate()
        } else {
            try await GongkaiServer.configure(app, configuration)
        }
        app.fixedToday = today
        var accounts: [String: String] = [:]
        if demo {
            for account in try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today) {
                accounts[account.username] = account.password
            }
        }
        let result = try await test(app, TestClient(app: app, passwords: accounts))
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// A browser-like client: keeps the session cookie and reads the CSRF token from the forms it is shown.
final class TestClient: @unchecked Sendable {
    let app: Application
    let passwords: [String: String]
    var jar = CookieJar()
    var csrf: String?

    init(app: Application, passwords: [String: String]) {
        self.app = app
        self.passwords = passwords
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// A form post; the CSRF token is added unless `csrf: false`.
    @discardableResult
    func post(_ path: String, form: [(String, String)], csrf withToken: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withToken, let csrf { fields.append(("_csrf", csrf)) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if let cookie = jar.header { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        jar.take(response.headers[.setCookie])
        let html = response.body.string
        if let range = html.range(of: "name=\"_csrf\" value=\"") {
            let rest = html[range.upperBound...]
            csrf = String(rest.prefix { $0 != "\"" })
        }
        return response
    }

    /// Signs in as a demo account.
    func signIn(_ username: String) async throws {
        try await get("/staff/login")
        let response = try await post("/staff/login", form: [("username", username), ("password", passwords[username] ?? "")])
        #expect(response.status == .seeOther, "sign-in of \(username) answered \(response.status)")
        try await get("/staff")
    }
}

/// The cookies a browser keeps: each by name, replaced when set again, dropped when the server expires it.
struct CookieJar {
    var cookies: [String: String] = [:]

    var header: String? { cookies.isEmpty ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    mutating func take(_ setCookies: [String]) {
        for line in setCookies {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let expired = parts.contains { $0.lowercased() == "max-age=0" || $0.lowercased().hasPrefix("expires=thu, 01 jan 1970") }
            cookies[name] = expired ? nil : String(pair[pair.index(after: equals)...])
        }
    }

    func value(_ name: String) -> String? { cookies[name] }
}

import Fluent
import Foundation
import Gongkai
import Testing
import Vapor

@testable import GongkaiServer

#if canImport(Glibc)
    import Glibc
#endif

/// The `gongkai` executable run as a real server process on a loopback port, as a person meets it: requests arrive
/// over TCP in whatever pieces the network makes, and a trap ends the process (which the test sees).
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL
    /// Where it serves from, to start it again on the same database.
    private let postgres: String?
    private let sqlite: String
    private let folder: URL

    /// What was prepared in the database before the server started: the demo accounts' passwords, a staff API token,
    /// the routes the app registers, and ids of real records to put in URLs.
    struct Prepared: Sendable {
        var passwords: [String: String]
        var token: String
        var routes: [(method: String, path: [String])]
        var ids: [String: UUID]
    }

    /// The built executable: beside the test bundle (SwiftPM builds every product before testing), or `GONGKAI_BINARY`.
    static func binary() throws -> URL {
        var candidates: [String] = []
        if let given = ProcessInfo.processInfo.environment["GONGKAI_BINARY"], !given.isEmpty { candidates.append(given) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("gongkai").path)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("gongkai").path)
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ServerProcessError(
                "the gongkai executable was not found (looked at \(candidates.joined(separator: ", "))); run `swift build` first or set GONGKAI_BINARY"
            )
        }
        return URL(fileURLWithPath: found)
    }

    /// Migrates and loads the demo into `database` (a fresh one), then starts `gongkai serve` on it; the test runs with
    /// the process and the process is stopped afterwards. On PostgreSQL the shared test database is held meanwhile.
    static func with<T>(_ test: (ServerProcess, Prepared) async throws -> T) async throws -> T {
        try await TestDatabase.heavily { try await run(test) }
    }

    private static func run<T>(_ test: (ServerProcess, Prepared) async throws -> T) async throws -> T {
        let postgres = TestDatabase.postgresURL
        if postgres != nil { await TestDatabase.lock.acquire() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-process-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folder)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let sqlite = folder.appendingPathComponent("gongkai.sqlite").path
            let prepared = try await prepare(postgres: postgres, sqlite: sqlite)
            let server = try start(postgres: postgres, sqlite: sqlite, folder: folder)
            let result: T
            do {
                result = try await test(server, prepared)
            } catch {
                server.stop()
                throw error
            }
            server.stop()
            if postgres != nil { await TestDatabase.lock.release() }
            return result
        } catch {
            if postgres != nil { await TestDatabase.lock.release() }
            throw error
        }
    }

    private static func prepare(postgres: String?, sqlite: String) async throws -> Prepared {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            let configuration = ServerConfiguration(
                database: postgres.map { .postgres(url: $0) } ?? .sqlite(path: sqlite), calendarFile: "/nonexistent/gongkai-calendar.json")
            try await GongkaiServer.configure(app, configuration)
            if postgres != nil {
                try await app.autoRevert()
                try await app.autoMigrate()
            }
            let today = Day.today(at: Date())
            var passwords: [String: String] = [:]
            for account in try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today) {
                passwords[account.username] = account.password
            }
            let token = "hostile-test-token-\(UUID().uuidString)"
            guard let admin = try await StaffRecord.query(on: app.db).filter(\.$username == "admin").first() else {
                throw ServerProcessError("the demo has no admin account")
            }
            admin.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
            try await admin.save(on: app.db)
            var ids: [String: UUID] = [:]
            let lianfang = try await Catalogue(db: app.db, calendar: app.workdays).agency(code: DemoSeed.lianfangCode)
            ids["item"] = try await ItemRecord.query(on: app.db).filter(\.$agency.$id == lianfang.requireID()).filter(\.$state == "published")
                .first()?.id
            ids["category"] = try await CategoryRecord.query(on: app.db).filter(\.$agency.$id == lianfang.requireID()).first()?.id
            ids["account"] = try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-officer").first()?.id
            let input = Applications.Input(
                applicantType: "natural-person", name: "张三", idType: "passport", idNumber: "E12345678", phone: "13800000000", email: nil,
                address: nil, infoTitle: "2019年联芳街道低保对象名单", infoNumber: nil, infoDescription: nil, formWanted: "electronic", delivery: "online",
                channel: nil, receivedOn: nil)
            let application = try await Applications(db: app.db, calendar: app.workdays).submit(
                input, agency: lianfang, byStaff: nil, today: today
            ).record
            ids["application"] = application.id
            let routes = app.routes.all.map { route in (method: route.method.rawValue, path: route.path.map(\.description)) }
            try await app.asyncShutdown()
            return Prepared(passwords: passwords, token: token, routes: routes, ids: ids)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func start(postgres: String?, sqlite: String, folder: URL) throws -> ServerProcess {
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = try binary()
        var arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--calendar-file", folder.appendingPathComponent("calendar.json").path]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SMTP_URL")
        // Loopback is the proxy: a test names its clients in X-Forwarded-For (the limits key on them).
        environment["TRUSTED_PROXIES"] = "127.0.0.1"
        if let postgres {
            environment["DATABASE_URL"] = postgres
        } else {
            environment.removeValue(forKey: "DATABASE_URL")
            arguments += ["--database", sqlite]
        }
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // The server prints the port it listens on once it accepts connections.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "Gongkai is serving http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) {
                    return ServerProcess(process: process, port: port, log: log, postgres: postgres, sqlite: sqlite, folder: folder)
                }
            }
            guard process.isRunning else { throw ServerProcessError("the server exited at start:\n\(text.suffix(3000))") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw ServerProcessError("the server did not start within 120 s:\n\(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(3000))")
    }

    private init(process: Process, port: Int, log: URL, postgres: String?, sqlite: String, folder: URL) {
        self.process = process
        self.port = port
        self.log = log
        self.postgres = postgres
        self.sqlite = sqlite
        self.folder = folder
    }

    /// Kills the server with SIGKILL — no shutdown, no flush, as a power cut or the OOM killer would — and starts a new
    /// one on the same database (on another port); the caller stops the new one.
    func killAndRestart() throws -> ServerProcess {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return try Self.start(postgres: postgres, sqlite: sqlite, folder: folder)
    }

    /// The database the server runs on, for operator commands run beside it.
    var configuration: ServerConfiguration {
        ServerConfiguration(
            database: postgres.map { .postgres(url: $0) } ?? .sqlite(path: sqlite), calendarFile: "/nonexistent/gongkai-calendar.json")
    }

    /// An app on the server's database, to check what it holds (the server stopped or not).
    func openDatabase() async throws -> Application {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let configuration = ServerConfiguration(
            database: postgres.map { .postgres(url: $0) } ?? .sqlite(path: sqlite), calendarFile: "/nonexistent/gongkai-calendar.json")
        do {
            try await GongkaiServer.configure(app, configuration)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    var isRunning: Bool { process.isRunning }

    /// The end of what the server printed (where a trap's message would be).
    var output: String { String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(4000)) }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One HTTP/1.1 exchange over a plain socket: the request sent in the pieces given, with pauses between them (so the
/// server sees a body that is still arriving), and the whole answer read.
struct RawResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

enum RawHTTP {
    /// `method target` with `headers` and `body`, as bytes (Connection: close, so the answer ends with the connection).
    static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    /// `bytes` cut into `count` pieces of about equal size.
    static func pieces(_ bytes: [UInt8], count: Int) -> [[UInt8]] {
        let size = max(1, (bytes.count + count - 1) / max(count, 1))
        return stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
    }

    static func exchange(port: Int, pieces: [[UInt8]], pause: TimeInterval = 0, timeout: Int = 120) async throws -> RawResponse {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try blockingExchange(port: port, pieces: pieces, pause: pause, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func blockingExchange(port: Int, pieces: [[UInt8]], pause: TimeInterval, timeout: Int) throws -> RawResponse {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerProcessError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        // Each piece leaves as its own segment rather than being merged with the next.
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServerProcessError("connect to 127.0.0.1:\(port) failed: errno \(errno)") }
        sending: for (index, piece) in pieces.enumerated() {
            if index > 0, pause > 0 { Thread.sleep(forTimeInterval: pause) }
            var sent = 0
            while sent < piece.count {
                let n = piece[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                // The server may answer and close before the whole body is sent (a 413): read what it said.
                if n <= 0 { break sending }
                sent += n
            }
        }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                data += buffer[0..<n]
            } else if n == 0 {
                break
            } else if errno == EINTR {
                continue
            } else {
                if data.isEmpty {
                    let line = String(decoding: (pieces.first ?? []).prefix { $0 != 13 }.prefix(200), as: UTF8.self)
                    throw ServerProcessError("no answer from 127.0.0.1:\(port) to \(line): errno \(errno)")
                }
                break
            }
        }
        return try parse(data)
    }

    private static func parse(_ data: [UInt8]) throws -> RawResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<$0 + 4]) == separator }) else {
            throw ServerProcessError("an answer without a complete head: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        let lines = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ServerProcessError("a bad status line: \(lines[0])") }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(data[(end + 4)...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return RawResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<max(index, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { break }
            out += bytes[start..<start + size]
            index = start + size + 2
        }
        return out
    }
}

/// A browser over plain sockets: keeps the session cookie and the CSRF token of the last form it was shown.
final class SocketBrowser: @unchecked Sendable {
    let port: Int
    var jar = CookieJar()
    var csrf: String?

    init(port: Int) { self.port = port }

    static func formEncoded(_ fields: [(String, String)]) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return Array(text.utf8)
    }

    @discardableResult
    func get(_ target: String) async throws -> RawResponse {
        try await send("GET", target)
    }

    /// A form post with the CSRF token, sent in `pieces` pieces `pause` seconds apart.
    @discardableResult
    func post(_ target: String, form: [(String, String)], pieces: Int = 1, pause: TimeInterval = 0) async throws -> RawResponse {
        let fields = form + (csrf.map { [("_csrf", $0)] } ?? [])
        return try await send(
            "POST", target, contentType: "application/x-www-form-urlencoded", body: Self.formEncoded(fields), pieces: pieces, pause: pause)
    }

    @discardableResult
    func send(
        _ method: String, _ target: String, contentType: String? = nil, extraHeaders: [(String, String)] = [], body: [UInt8] = [], pieces: Int = 1,
        pause: TimeInterval = 0
    ) async throws -> RawResponse {
        var headers = extraHeaders
        if let cookie = jar.header { headers.append(("Cookie", cookie)) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        let bytes = RawHTTP.request(method, target, headers: headers, body: body)
        // The head goes first on its own, then the body in pieces, as a slow network delivers it.
        let head = bytes.count - body.count
        let parts = pieces <= 1 ? [bytes] : [Array(bytes[0..<head])] + RawHTTP.pieces(body, count: pieces)
        let response = try await RawHTTP.exchange(port: port, pieces: parts, pause: pause)
        jar.take(response.headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1))
        if let range = response.text.range(of: "name=\"_csrf\" value=\"") {
            csrf = String(response.text[range.upperBound...].prefix { $0 != "\"" })
        }
        return response
    }

    /// Signs in as `username`; true when the back office then answers.
    @discardableResult
    func signIn(_ username: String, password: String) async throws -> Bool {
        jar = CookieJar()
        csrf = nil
        try await get(SiteURL.staffLogin.path)
        let answer = try await post(SiteURL.staffLogin.path, form: [("username", username), ("password", password)])
        guard answer.status == 303 else { return false }
        return try await get(SiteURL.staffHome.path).status == 200
    }
}

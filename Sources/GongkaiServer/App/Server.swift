import Fluent
import Gongkai
import Vapor

/// Starting the server, for `gongkai serve`: the executable parses flags, this does the rest.
public enum Server {
    /// Why the server did not start, in a sentence.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs until interrupted (SIGINT/SIGTERM finish the requests in flight, then stop).
    public static func run(_ configuration: ServerConfiguration, demo: Bool, today: Day, say: @Sendable (String) -> Void) async throws {
        var environment = Environment(
            name: "production", arguments: ["gongkai", "serve", "--hostname", configuration.hostname, "--port", String(configuration.port)])
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, configuration)
            if demo {
                let accounts = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today, applications: true)
                say("Demo accounts (new passwords at every start with --demo):")
                for account in accounts {
                    say(
                        "  \(account.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.password)  \(account.role) · \(account.agency)"
                    )
                }
            }
            if try await StaffRecord.query(on: app.db).filter(\.$role == StaffRole.administrator.rawValue).count() == 0 {
                say(
                    "No administrator yet, so nobody can sign in: stop the server and run `gongkai setup` with the same database flags (it asks for the site's name, the top agency and the administrator)."
                )
            }
            // NB: the server is started and stopped here rather than by Vapor's serve command, so that on SIGTERM or
            // SIGINT the HTTP server first finishes the requests in flight and only then the database pool closes.
            let stop = Self.signals([SIGTERM, SIGINT])
            try await app.asyncBoot()
            try await app.server.start(address: .hostname(configuration.hostname, port: configuration.port))
            // NB: with --port 0 the system chooses the port; the one printed is the one listened on.
            let port = app.http.server.shared.localAddress?.port ?? configuration.port
            if port != configuration.port {
                // NB: links to this site (feeds, the sitemap, the link check) name the port listened on.
                app.storage[SiteAddressKey.self] = SiteAddress(
                    base: configuration.siteAddress(port: port), secureCookies: configuration.secureCookies)
            }
            say("Gongkai is serving http://\(configuration.hostname):\(port)/ (staff: /staff/login); database: \(describe(configuration.database))")
            for await signal in stop.stream {
                say("signal \(signal): no new connections; finishing the requests in flight")
                break
            }
            await app.server.shutdown()
            stop.cancel()
        } catch let error as ConfigurationError {
            try? await app.asyncShutdown()
            throw StartError(description: error.description)
        } catch {
            try? await app.asyncShutdown()
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw StartError(
                    description:
                        "port \(configuration.port) on \(configuration.hostname) is already in use by another program; stop it or choose another port with --port"
                )
            }
            if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
                throw StartError(description: "cannot listen on \(configuration.hostname): no network interface of this machine has that address")
            }
            throw StartError(description: "the server could not start: \(text)")
        }
        try await app.asyncShutdown()
    }

    /// The first of `signals` to arrive, as a stream (the default action is switched off while it listens).
    static func signals(_ signals: [Int32]) -> (stream: AsyncStream<Int32>, cancel: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        let box = SourcesBox(sources)
        return (
            stream,
            {
                box.sources.forEach { $0.cancel() }
                continuation.finish()
            }
        )
    }

    final class SourcesBox: @unchecked Sendable {
        let sources: [any DispatchSourceSignal]
        init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }
    }

    static func describe(_ database: ServerConfiguration.Database) -> String {
        switch database {
        case .sqlite(let path): "SQLite \(path)"
        case .postgres(let url): "PostgreSQL \(URLComponents(string: url).map { "\($0.host ?? "")\($0.path)" } ?? "")"
        case .sqliteInMemory: "SQLite in memory"
        }
    }
}

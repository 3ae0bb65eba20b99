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
        var environment = Environment(name: "production", arguments: ["gongkai", "serve", "--hostname", configuration.hostname, "--port", String(configuration.port)])
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, configuration)
            if demo {
                let accounts = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: today)
                say("Demo accounts (new passwords at every start with --demo):")
                for account in accounts {
                    say("  \(account.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.password)  \(account.role) · \(account.agency)")
                }
            }
            say("Gongkai is serving http://\(configuration.hostname):\(configuration.port)/ (staff: /staff/login); database: \(describe(configuration.database))")
            try await app.execute()
        } catch let error as ConfigurationError {
            try? await app.asyncShutdown()
            throw StartError(description: error.description)
        } catch {
            try? await app.asyncShutdown()
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw StartError(description: "port \(configuration.port) on \(configuration.hostname) is already in use by another program; stop it or choose another port with --port")
            }
            if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
                throw StartError(description: "cannot listen on \(configuration.hostname): no network interface of this machine has that address")
            }
            throw StartError(description: "the server could not start: \(text)")
        }
        try await app.asyncShutdown()
    }

    static func describe(_ database: ServerConfiguration.Database) -> String {
        switch database {
        case .sqlite(let path): "SQLite \(path)"
        case .postgres(let url): "PostgreSQL \(URLComponents(string: url).map { "\($0.host ?? "")\($0.path)" } ?? "")"
        case .sqliteInMemory: "SQLite in memory"
        }
    }
}

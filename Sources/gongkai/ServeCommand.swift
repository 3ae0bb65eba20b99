import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

/// The flags every command that opens the server's database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite file (default: ./gongkai.sqlite). Without it, DATABASE_URL=postgres://… selects PostgreSQL.")
    var database: String?

    /// `overrides` stand over the environment (`serve --base-url` over `PUBLIC_URL`).
    func configuration(
        hostname: String = "127.0.0.1", port: Int = 8080, calendarFile: String, overrides: [String: String] = [:]
    ) throws -> ServerConfiguration {
        do {
            var configuration = try ServerConfiguration.resolve(
                databasePath: database, environment: ProcessInfo.processInfo.environment.merging(overrides) { _, new in new }, hostname: hostname,
                port: port)
            configuration.calendarFile = calendarFile
            return configuration
        } catch {
            printError("gongkai: \(error.description)")
            throw Exit.unusable
        }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the portal, the back office and the API.",
        discussion: """
            Environment: DATABASE_URL=postgres://user:password@host:5432/db uses PostgreSQL (unless --database is given); \
            SMTP_URL=smtp://host:25?from=address or smtps://user:password@host:465?from=address mails applicants' notifications \
            (without it they are recorded in each application's timeline only). /healthz checks the database, /metrics is for Prometheus.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(
        help: "The address visitors use, e.g. https://gk.example.gov.cn (as PUBLIC_URL; this wins): feed and sitemap links, Secure cookies, HSTS.")
    var baseURL: String?

    @Flag(help: "Load the demo district (重庆市沙坪坝区, 联芳街道办事处 …) once, and print the demo accounts' new passwords.")
    var demo = false

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var store: CalendarStore

    func run() async throws {
        let configuration = try databaseOptions.configuration(
            hostname: host, port: port, calendarFile: store.path, overrides: baseURL.map { ["PUBLIC_URL": $0] } ?? [:])
        do {
            // NB: written line by line, unbuffered: under systemd or with output to a file, print's stdout is
            // block-buffered and "serving" would not appear until long after the server answers.
            try await Server.run(configuration, demo: demo, today: Day.today(at: Date())) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            printError("gongkai: \(error)")
            throw Exit.unusable
        }
    }
}

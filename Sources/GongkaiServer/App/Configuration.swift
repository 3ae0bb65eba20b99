import Foundation

/// Everything the server needs to know to start, read in one place (flags and the environment).
public struct ServerConfiguration: Sendable, Equatable {
    public enum Database: Sendable, Equatable {
        /// The embedded default: one file, created and migrated on start.
        case sqlite(path: String)
        /// `DATABASE_URL=postgres://…`: how Gongkai grows past one machine.
        case postgres(url: String)
        /// For tests.
        case sqliteInMemory
    }

    public var database: Database

    /// PostgreSQL connections each event loop may open (the pool of one app server is this times its cores).
    static let postgresConnectionsPerEventLoop = 4

    /// How many database connections the pool of this server may hold with `eventLoops` loops.
    func poolSize(eventLoops: Int) -> Int {
        switch database {
        case .postgres: Self.postgresConnectionsPerEventLoop * eventLoops
        case .sqlite, .sqliteInMemory: eventLoops  // Fluent's SQLite default: one connection per event loop
        }
    }
    public var hostname: String
    public var port: Int
    /// Imported holiday arrangements (`gongkai calendar import`).
    public var calendarFile: String
    /// `SMTP_URL`: where applicants' notifications are mailed; nil records them only in the timeline.
    public var smtpURL: String?
    /// `PUBLIC_URL`: the address visitors use (`https://gk.example.gov.cn`), for absolute links in feeds and the
    /// sitemap — never the request's `Host` — and, when it is HTTPS, `Secure` cookies. Without it, the bound address.
    public var publicURL: String?
    /// `METRICS_TOKEN`: `/metrics` answers only a request bearing it; unset, `/metrics` is off.
    public var metricsToken: String?
    /// `TRUSTED_PROXIES`: the reverse proxies or load balancers in front, whose `X-Forwarded-For` names the client.
    var trustedProxies: [IPNetwork] = []

    /// The scheme and host links are made from.
    var siteAddress: String { siteAddress(port: port) }

    /// The scheme and host links are made from, when the server listens on `port` (the one the system chose for
    /// `--port 0`).
    func siteAddress(port: Int) -> String {
        publicURL ?? "http://\(hostname == "0.0.0.0" || hostname == "::" ? "localhost" : hostname):\(port)"
    }

    /// Cookies are `Secure` when visitors reach the site over HTTPS (behind a proxy that ends TLS, as usual).
    var secureCookies: Bool { publicURL?.hasPrefix("https://") == true }

    public init(database: Database, hostname: String = "127.0.0.1", port: Int = 8080, calendarFile: String = "gongkai-calendar.json") {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.calendarFile = calendarFile
    }

    /// What the start was given: `--database PATH`, else `DATABASE_URL`, else `./gongkai.sqlite`.
    public static func resolve(
        databasePath: String?, environment: [String: String], hostname: String = "127.0.0.1", port: Int = 8080
    ) throws(ConfigurationError) -> ServerConfiguration {
        guard (0...65535).contains(port) else {
            throw ConfigurationError("--port \(port) is not a port number (1–65535, or 0 to let the system choose)")
        }
        let smtpURL = environment["SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try Mailer.from(url: smtpURL)
        } catch {
            throw ConfigurationError(String(describing: error))
        }
        var configuration = try resolveDatabase(databasePath: databasePath, environment: environment, hostname: hostname, port: port)
        configuration.smtpURL = smtpURL
        configuration.publicURL = try publicURL(environment["PUBLIC_URL"])
        configuration.metricsToken = environment["METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.trustedProxies = try ClientAddress.parse(environment["TRUSTED_PROXIES"])
        return configuration
    }

    /// `PUBLIC_URL` as `scheme://host[:port]`, or nil when unset.
    static func publicURL(_ value: String?) throws(ConfigurationError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard let url = URLComponents(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil, url.user == nil
        else {
            throw ConfigurationError(
                "PUBLIC_URL (or --base-url) \"\(value.prefix(200))\" is not the address visitors use: give the scheme and host only, like https://gk.example.gov.cn"
            )
        }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    private static func resolveDatabase(
        databasePath: String?, environment: [String: String], hostname: String, port: Int
    ) throws(ConfigurationError) -> ServerConfiguration {
        if databasePath == nil, let url = environment["DATABASE_URL"], !url.isEmpty {
            guard let components = URLComponents(string: url), let scheme = components.scheme,
                scheme == "postgres" || scheme == "postgresql"
            else {
                throw ConfigurationError(
                    "DATABASE_URL is set but is not a PostgreSQL URL (postgres://user:password@host:5432/database): “\(url)”; unset it to use the embedded SQLite file"
                )
            }
            guard let host = components.host, !host.isEmpty else {
                throw ConfigurationError("DATABASE_URL names no host: “\(url)”")
            }
            guard components.path.count > 1 else {
                throw ConfigurationError("DATABASE_URL names no database (the part after the last /): “\(url)”")
            }
            return ServerConfiguration(database: .postgres(url: url), hostname: hostname, port: port)
        }
        let path = databasePath ?? "gongkai.sqlite"
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError("cannot create the database \(path): the directory \(directory) does not exist")
        }
        if FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.isWritableFile(atPath: path) else {
                throw ConfigurationError("cannot open the database \(path) for writing: permission denied")
            }
        } else if !FileManager.default.isWritableFile(atPath: directory) {
            throw ConfigurationError("cannot create the database \(path): the directory \(directory) is not writable")
        }
        return ServerConfiguration(database: .sqlite(path: path), hostname: hostname, port: port)
    }
}

/// A configuration that cannot work, said in one sentence.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

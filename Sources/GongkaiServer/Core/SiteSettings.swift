import Fluent
import SQLKit
import Vapor

/// What the operator said about the site at `gongkai setup` (its name), read when the server starts: a change is
/// seen by each app server at its next start.
struct SiteSettings: Sendable, Equatable {
    /// The name in every page's header (e.g. 重庆市沙坪坝区政府信息公开平台); nil for the generic name.
    var name: String?

    static let nameKey = "site-name"
    /// Longest name the header takes.
    static let nameLimit = 60

    private struct Row: Decodable {
        var key: String
        var value: String
    }

    static func load(on db: any Database) async throws -> SiteSettings {
        guard let sql = db as? any SQLDatabase else { return SiteSettings() }
        let rows = try await sql.raw("SELECT key, value FROM site_settings").all(decoding: Row.self)
        let name = rows.first { $0.key == nameKey }?.value
        return SiteSettings(name: name?.isEmpty == false ? name : nil)
    }

    static func save(name: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO site_settings (key, value) VALUES (\(bind: nameKey), \(bind: name))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """
        ).run()
    }
}

struct SiteSettingsKey: StorageKey {
    typealias Value = SiteSettings
}

extension Application {
    var siteSettings: SiteSettings {
        get { storage[SiteSettingsKey.self] ?? SiteSettings() }
        set { storage[SiteSettingsKey.self] = newValue }
    }
}

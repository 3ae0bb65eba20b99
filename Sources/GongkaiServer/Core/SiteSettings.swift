import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What the operator says about the site: its name (set at `gongkai setup`, changed on the administration page) and
/// its footer (主办单位, 承办单位, 联系我们, 网站标识码, ICP备案号, 公安机关备案号 — 政府网站发展指引 asks every government
/// site to show them; each is shown only once set). Kept in `site_settings`, one row per key; every app server reads
/// them at its start and again every half minute (`Housekeeping`), and the one that saves a change sees it at once.
struct SiteSettings: Sendable, Equatable {
    /// The name in every page's header (e.g. 重庆市沙坪坝区政府信息公开平台); nil for the generic name.
    var name: String?
    /// The footer's lines, by field; a field not set is absent.
    var footer: [FooterField: String] = [:]
    /// Whether the link check may visit addresses on other sites (链接可用性 counts external links too); off until the
    /// administrator allows it, since it makes this server open connections to the outside.
    var outboundLinkChecks = false
    /// The emblem's version (`SiteEmblem`), shown before the name in the header; nil when none was uploaded.
    var emblem: String?

    static let nameKey = "site-name"
    static let outboundLinkChecksKey = "outbound-link-checks"
    /// Longest name the header takes.
    static let nameLimit = 60
    /// Longest footer value.
    static let footerLimit = 200

    /// The footer's fields in the order a government site shows them.
    enum FooterField: String, CaseIterable, Sendable {
        case host = "site-host"
        case organiser = "site-organiser"
        case contact = "site-contact"
        case siteCode = "site-code"
        case icp = "site-icp"
        case police = "site-police"

        var label: UIText {
            switch self {
            case .host: .footerHost
            case .organiser: .footerOrganiser
            case .contact: .footerContact
            case .siteCode: .footerSiteCode
            case .icp: .footerICP
            case .police: .footerPolice
            }
        }
    }

    private struct Row: Decodable {
        var key: String
        var value: String
    }

    static func load(on db: any Database) async throws -> SiteSettings {
        guard let sql = db as? any SQLDatabase else { return SiteSettings() }
        let rows = try await sql.raw("SELECT key, value FROM site_settings").all(decoding: Row.self)
        let values = Dictionary(rows.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        var settings = SiteSettings(name: values[nameKey].flatMap { $0.isEmpty ? nil : $0 })
        settings.outboundLinkChecks = values[outboundLinkChecksKey] == "on"
        settings.emblem = try await SiteEmblem.version(on: db)
        for field in FooterField.allCases {
            if let value = values[field.rawValue], !value.isEmpty { settings.footer[field] = value }
        }
        return settings
    }

    static func save(name: String, on db: any Database) async throws {
        try await save([nameKey: name], on: db)
    }

    /// Stores each value under its key (an empty value clears a footer line).
    static func save(_ values: [String: String], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try await sql.raw(
                """
                INSERT INTO site_settings (key, value) VALUES (\(bind: key), \(bind: value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """
            ).run()
        }
    }
}

/// The settings as this app server last read them, safe to read from any request and to replace from any task.
final class SiteSettingsBox: Sendable {
    private let box = NIOLockedValueBox(SiteSettings())
    var value: SiteSettings {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

struct SiteSettingsKey: StorageKey {
    typealias Value = SiteSettingsBox
}

extension Application {
    /// NB: the box is put in storage once, at configuration; afterwards only its value changes.
    var siteSettingsBox: SiteSettingsBox {
        if let box = storage[SiteSettingsKey.self] { return box }
        let box = SiteSettingsBox()
        storage[SiteSettingsKey.self] = box
        return box
    }

    var siteSettings: SiteSettings {
        get { siteSettingsBox.value }
        set { siteSettingsBox.value = newValue }
    }
}

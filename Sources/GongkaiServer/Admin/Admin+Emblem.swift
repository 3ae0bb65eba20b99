import Crypto
import Fluent
import Foundation
import Plot
import SQLKit
import Vapor

/// The site's emblem (issue 16): an image the administrator uploads, shown before the site's name in every page's
/// header. Nothing official ships with Gongkai; until one is uploaded the header has none. Kept in `site_files`, so
/// every app server serves the same; served at `/assets/emblem?v=` its hash, so browsers and a CDN keep it for a year
/// and see a new one at once.
enum SiteEmblem {
    static let name = "emblem"
    /// Largest image taken.
    static let limit = 200 * 1024

    /// The image kinds taken, by their first bytes (an SVG could carry script, so it is not one).
    static func kind(of data: Data) -> HTTPMediaType? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return HTTPMediaType(type: "image", subType: "webp")
        }
        return nil
    }

    /// The emblem's version (the first 16 hex digits of its SHA-256), or nil when there is none.
    static func version(on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return nil }
        struct Row: Decodable { var sha256: String }
        return try await sql.raw("SELECT sha256 FROM site_files WHERE name = \(bind: name)").first(decoding: Row.self).map {
            String($0.sha256.prefix(16))
        }
    }

    static func save(_ data: Data, type: HTTPMediaType, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        let sha256 = SHA256.hash(data: data).hex
        try await sql.raw(
            """
            INSERT INTO site_files (name, content_type, sha256, data) VALUES (\(bind: name), \(bind: type.serialize()), \(bind: sha256), \(bind: data))
            ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type, sha256 = excluded.sha256, data = excluded.data
            """
        ).run()
        return sha256
    }

    static func remove(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DELETE FROM site_files WHERE name = \(bind: name)").run()
    }

    /// `/assets/emblem`: the image, kept a year when asked for by its current version.
    @Sendable static func serve(_ req: Request) async throws -> Response {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.notFound) }
        struct Row: Decodable {
            var content_type: String
            var sha256: String
            var data: Data
        }
        guard let row = try await sql.raw("SELECT content_type, sha256, data FROM site_files WHERE name = \(bind: name)").first(decoding: Row.self)
        else { throw Refused(.notFound, .emblemNone) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: row.content_type)
        let current = req.query[String.self, at: "v"] == String(row.sha256.prefix(16))
        headers.replaceOrAdd(name: .cacheControl, value: current ? "public, max-age=31536000, immutable" : "public, max-age=300")
        headers.replaceOrAdd(name: .eTag, value: "\"\(row.sha256.prefix(32))\"")
        if req.headers.first(name: .ifNoneMatch) == "\"\(row.sha256.prefix(32))\"" { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(data: row.data))
    }
}

extension AdminController {
    struct EmblemForm: Content {
        var file: File?
        /// "remove" to take the emblem away.
        var action: String?
    }

    /// Uploads or removes the emblem; audited with the image's hash, size and type.
    func saveEmblem(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(EmblemForm.self)
        let before = try await SiteEmblem.version(on: req.db)
        let after: [String: String?]
        if form.action == "remove" {
            try await req.db.transaction { db in
                try await SiteEmblem.remove(on: db)
                try await Audit.record(
                    .update, .site, id: SiteEmblem.name, agency: nil, by: user.username, before: Audit.json(["emblem": before]),
                    after: Audit.json(["emblem": nil]), on: db)
            }
            after = [:]
        } else {
            guard let file = form.file, file.data.readableBytes > 0 else { throw Refused(.unprocessableEntity, .emblemNoFile) }
            let name = String(file.filename.prefix(80))
            let data = Data(buffer: file.data)
            guard data.count <= SiteEmblem.limit else {
                throw Refused(.unprocessableEntity, .emblemTooLarge, name, (data.count + 1023) / 1024, SiteEmblem.limit / 1024)
            }
            guard let type = SiteEmblem.kind(of: data) else { throw Refused(.unprocessableEntity, .emblemNotImage, name) }
            after = try await req.db.transaction { db in
                let sha256 = try await SiteEmblem.save(data, type: type, on: db)
                let after: [String: String?] = ["emblem": String(sha256.prefix(16)), "type": type.serialize(), "bytes": String(data.count)]
                try await Audit.record(
                    .update, .site, id: SiteEmblem.name, agency: nil, by: user.username, before: Audit.json(["emblem": before]),
                    after: Audit.json(after), on: db)
                return after
            }
        }
        req.application.siteSettings.emblem = after["emblem"] ?? nil
        return req.redirect(to: SiteURL.adminSite.path + "#emblem")
    }

    /// Below the site's settings: the emblem now shown, and the forms to replace or remove it.
    static func emblemSection(_ version: String?, viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        return .section(
            .id("emblem"),
            .h2(.text(UIText.emblemTitle(l))),
            .p(.class("hint"), .text(UIText.emblemHint(l, SiteEmblem.limit / 1024))),
            .unwrap(
                version,
                { version in
                    .group(
                        .p(.img(.src(Views.attr(SiteURL.emblem(version: version).path)), .alt(UIText.emblemCurrent(l)), .class("emblem-preview"))),
                        .form(
                            .method(.post), .action(Views.attr(SiteURL.adminSiteEmblem.path)), StaffViews.csrf(viewer),
                            .input(.type(.hidden), .name("action"), .value("remove")),
                            .button(.type(.submit), .text(UIText.emblemRemove(l)))))
                }, else: .p(.text(UIText.emblemNone(l)))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.adminSiteEmblem.path)), .enctype(.multipartData), StaffViews.csrf(viewer),
                StaffViews.field(
                    "emblem-file", UIText.emblemFile(l), problems: [:],
                    .input(
                        .type(.file), .name("file"), .id("emblem-file"),
                        .attribute(named: "accept", value: "image/png,image/jpeg,image/gif,image/webp"))),
                .button(.type(.submit), .text(UIText.emblemUpload(l))))
        )
    }
}

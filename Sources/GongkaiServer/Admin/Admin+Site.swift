import Fluent
import Vapor

/// The site's name and footer, set by the administrator; audited with before and after, seen by this app server at
/// once and by the others within half a minute (`Housekeeping`).
extension AdminController {
    struct SiteForm: Content {
        var name: String?
        var host: String?
        var organiser: String?
        var contact: String?
        var siteCode: String?
        var icp: String?
        var police: String?
        var outbound: String?

        /// The form's field for each footer line.
        static let footerFields: [(name: String, field: SiteSettings.FooterField)] = [
            ("host", .host), ("organiser", .organiser), ("contact", .contact), ("siteCode", .siteCode), ("icp", .icp), ("police", .police),
        ]

        func value(_ name: String) -> String {
            let raw: String? =
                switch name {
                case "name": self.name
                case "host": host
                case "organiser": organiser
                case "contact": contact
                case "siteCode": siteCode
                case "icp": icp
                case "outbound": outbound == "on" ? "on" : ""
                default: police
                }
            return (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        static func values(of settings: SiteSettings) -> [String: String] {
            var values = ["name": settings.name ?? ""]
            for (name, field) in footerFields { values[name] = settings.footer[field] ?? "" }
            values["outbound"] = settings.outboundLinkChecks ? "on" : ""
            return values
        }
    }

    static func siteFields(_ l: Language) -> [FormField] {
        [FormField(name: "name", label: UIText.siteNameField(l), hint: UIText.siteNameHint(l))]
            + SiteForm.footerFields.map { name, field in
                FormField(
                    name: name, label: field.label(l), kind: name == "contact" ? .text(rows: 2) : .line,
                    hint: name == "host" ? UIText.footerHint(l) : nil)
            }
            + [FormField(name: "outbound", label: UIText.outboundLinkChecksField(l), kind: .checkbox, hint: UIText.outboundLinkChecksHint(l))]
    }

    private func sitePage(_ req: Request, values: [String: String], problems: [String: Said], status: HTTPResponseStatus = .ok) -> Response {
        PageRenderer.render(
            AdminViews.form(
                title: UIText.siteSettingsTitle(req.language), action: SiteURL.adminSite.path, fields: Self.siteFields(req.language), values: values,
                problems: problems, submit: UIText.save(req.language), viewer: req.staffViewer,
                after: Self.emblemSection(req.application.siteSettings.emblem, viewer: req.staffViewer)), status: status)
    }

    func site(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        return sitePage(req, values: SiteForm.values(of: try await SiteSettings.load(on: req.db)), problems: [:])
    }

    func saveSite(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let form = try req.decodeBody(SiteForm.self)
        var problems: [String: Said] = [:]
        let name = form.value("name")
        if name.count > SiteSettings.nameLimit { problems["name"] = UIText.siteFieldTooLong.said(SiteSettings.nameLimit) }
        var values = [SiteSettings.nameKey: name, SiteSettings.outboundLinkChecksKey: form.value("outbound")]
        for (field, setting) in SiteForm.footerFields {
            let value = form.value(field)
            if value.count > SiteSettings.footerLimit { problems[field] = UIText.siteFieldTooLong.said(SiteSettings.footerLimit) }
            values[setting.rawValue] = value
        }
        guard problems.isEmpty else {
            var typed = ["name": name, "outbound": form.value("outbound")]
            for (field, _) in SiteForm.footerFields { typed[field] = form.value(field) }
            return sitePage(req, values: typed, problems: problems, status: .unprocessableEntity)
        }
        let before = try await SiteSettings.load(on: req.db)
        let stored = values
        let after = try await req.db.transaction { db in
            try await SiteSettings.save(stored, on: db)
            let after = try await SiteSettings.load(on: db)
            try await Audit.record(
                .update, .site, id: "site", agency: nil, by: user.username,
                before: Audit.json(SiteForm.values(of: before).mapValues { Optional($0) }),
                after: Audit.json(SiteForm.values(of: after).mapValues { Optional($0) }), on: db)
            return after
        }
        req.application.siteSettings = after
        return req.redirect(to: SiteURL.adminSite.path)
    }
}

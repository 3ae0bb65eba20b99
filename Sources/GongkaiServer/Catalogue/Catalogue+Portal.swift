import Fluent
import Gongkai
import Plot
import Vapor

/// The public portal: server-rendered pages that work without JavaScript.
struct PortalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.home, use: home)
        routes.get(.agency, use: agency)
        routes.get(.guide, use: guide)
        routes.get(.catalogue, use: catalogue)
        routes.get(.item, use: item)
        routes.get(.attachment, use: attachment)
        routes.get(.notices, use: notices)
        routes.get(.reports, use: reports)
        routes.get(.annualReport, use: annualReport)
        routes.get(.annualReportDownload, use: annualReportDownload)
        routes.get(.feed, use: feed)
        routes.get(.search, use: search)
        routes.get(.sitemap, use: sitemap)
    }

    private func store(_ req: Request) -> Catalogue { Catalogue(db: req.db, calendar: req.workdays) }

    /// The district's home: its agencies grouped as a district's portal groups them, the latest items, what is on
    /// notice today anywhere in the district, and each agency's annual report on last year with where it stands.
    func home(_ req: Request) async throws -> Response {
        let agencies = try await AgencyRecord.query(on: req.db).sort(\.$position).all()
        let latest = try await store(req).published(agency: nil, category: nil, year: nil, page: 1, perPage: 10, counted: false)
        let codes = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.code) })
        let today = req.today
        let year = today.year - 1
        // One query for every agency's versions of the year, without their documents: this is the most-read page.
        let reports = try await AnnualReports(db: req.db).statuses(of: agencies.filter { $0.kind != .community }, year: year, today: today).map {
            PortalViews.HomeReport(
                code: $0.agency.code, name: $0.agency.name, published: $0.published, due: $0.due.iso, overdue: $0.status == .overdue)
        }
        return PageRenderer.render(
            PortalViews.home(
                agencies: agencies.map { agency in agency.dto(parentCode: agency.$parent.id.flatMap { codes[$0] }) }, latest: latest.items,
                notices: try await store(req).notices(agency: nil, today: today), reports: reports, year: year, viewer: req.viewer))
    }

    func agency(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let dto = try await c.agencyDTO(agency)
        let children = try await AgencyRecord.query(on: req.db).filter(\.$parent.$id == agency.requireID()).sort(\.$position).all()
        let latest = try await c.published(agency: agency.id, category: nil, year: nil, page: 1, perPage: 10, counted: false)
        let notices = try await c.notices(agency: agency.requireID(), today: req.today)
        let categories = try await c.categories(of: agency)
        return PageRenderer.render(
            PortalViews.agency(
                dto, children: children.map { $0.dto(parentCode: agency.code) }, categories: categories.map(\.dto),
                latest: latest.items, notices: notices, viewer: try await req.viewer(in: agency, .home, categories: categories)))
    }

    func guide(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let categories = try await c.categories(of: agency)
        return PageRenderer.render(
            PortalViews.guide(
                try await c.agencyDTO(agency), categories: categories.map(\.dto),
                viewer: try await req.viewer(in: agency, .guide, categories: categories)))
    }

    func catalogue(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let category = try req.queryUUID("category")
        let year = try req.yearQuery()
        let page = try req.pageParameter()
        let categories = try await c.categories(of: agency)
        if let category, !categories.contains(where: { $0.id == category }) {
            throw Refused(.notFound, .noSuchCategory, agency.name)
        }
        let items = try await c.published(agency: agency.id, category: category, year: year, page: page)
        return PageRenderer.render(
            PortalViews.catalogue(
                try await c.agencyDTO(agency), categories: categories.map(\.dto), selected: category, year: year, items: items, today: req.today,
                viewer: try await req.viewer(in: agency, .catalogue, category: category, categories: categories)))
    }

    func item(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refused(.notFound, .noSuchItem) }
        let record = try await store(req).item(id)
        guard record.agency.code == req.parameters.get("code"),
            record.state == PublicationState.published.rawValue || record.state == PublicationState.withdrawn.rawValue
                || record.state == PublicationState.superseded.rawValue
        else {
            throw Refused(.notFound, .noPublishedItem, id.uuidString)
        }
        // Every published version of the same information (same 索引号), oldest first.
        let versions = try await ItemRecord.query(on: req.db).filter(\.$indexNumber == record.indexNumber)
            .filter(\.$state ~~ [PublicationState.published.rawValue, PublicationState.superseded.rawValue, PublicationState.withdrawn.rawValue])
            .sort(\.$version).all()
        // A withdrawn item keeps only its catalogue entry, marked withdrawn with the day: never its text or files (410).
        // Withdrawing the current version withdraws the information: its earlier versions show no text either.
        let withdrawnVersion =
            record.state == PublicationState.withdrawn.rawValue ? record : versions.last { $0.state == PublicationState.withdrawn.rawValue }
        let withdrawn = withdrawnVersion != nil
        let attachments =
            withdrawn
            ? []
            : try await AttachmentRecord.query(on: req.db).filter(\.$item.$id == id).field(\.$id).field(\.$filename).field(\.$size).field(
                \.$contentType
            ).all()
        let withdrawnOn =
            withdrawn
            ? try await AuditRecord.query(on: req.db).filter(\.$entityID == (withdrawnVersion?.id ?? id).uuidString)
                .filter(\.$action == ReviewAction.withdraw.rawValue).sort(\.$at, .descending).first().map { Day.today(at: $0.at).iso } : nil
        // 政策解读 and its policy link to each other.
        let (policy, readings) = withdrawn ? (nil, []) : try await store(req).interpretations(of: record)
        func link(_ item: ItemRecord) throws -> PortalViews.ItemLink {
            PortalViews.ItemLink(title: item.title, path: SiteURL.item(item.agency.code, try item.requireID()).path, date: item.publishedOn ?? "")
        }
        return PageRenderer.render(
            PortalViews.item(
                record.dto(agency: record.agency, category: record.category),
                versions: versions.map {
                    PortalViews.VersionLink(
                        version: $0.version, publishedOn: $0.publishedOn ?? "", path: SiteURL.item(record.agency.code, $0.id!).path,
                        current: $0.id == id, state: $0.state)
                },
                attachments: attachments.map {
                    PortalViews.AttachmentLink(
                        name: $0.filename, size: $0.size, type: $0.contentType, path: SiteURL.attachment(record.agency.code, id, $0.id!).path)
                },
                withdrawnOn: withdrawn ? (withdrawnOn ?? "") : nil, address: req.baseURL + SiteURL.item(record.agency.code, id).path,
                interprets: try policy.map(link), interpretations: try readings.map(link),
                viewer: try await req.viewer(in: record.agency, .catalogue, category: record.$category.id)),
            status: withdrawn ? .gone : .ok)
    }

    func attachment(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let fileID = req.parameters.get("file", as: UUID.self) else {
            throw Refused(.notFound, .noSuchAttachment)
        }
        let record = try await store(req).item(id)
        guard record.agency.code == req.parameters.get("code"), record.state != PublicationState.draft.rawValue,
            [PublicationState.published.rawValue, PublicationState.superseded.rawValue].contains(record.state),
            // An earlier version's files go with the information when it is withdrawn.
            try await ItemRecord.query(on: req.db).filter(\.$indexNumber == record.indexNumber)
                .filter(\.$state == PublicationState.withdrawn.rawValue).count() == 0,
            let file = try await AttachmentRecord.query(on: req.db).filter(\.$id == fileID).filter(\.$item.$id == id).first()
        else { throw Refused(.notFound, .noPublishedAttachment) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.contentType)
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-SHA256", value: file.sha256)
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }

    func notices(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let today = req.today
        return PageRenderer.render(
            PortalViews.notices(
                try await c.agencyDTO(agency), items: try await c.notices(agency: agency.requireID(), today: today), today: today,
                viewer: try await req.viewer(in: agency, .notices))
        )
    }

    func reports(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let categories = try await c.categories(of: agency)
        let category = categories.first { $0.name == DemoSeed.annualReportCategory }
        let items =
            try await category.asyncMap {
                try await c.published(agency: agency.id, category: $0.id, year: nil, page: 1, perPage: 50, counted: false).items
            } ?? []
        let versions = try await AnnualReportRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).filter(\.$version >= 1)
            .sort(\.$year, .descending).sort(\.$version, .descending).field(\.$year).field(\.$version).field(\.$publishedOn).all()
        return PageRenderer.render(
            PortalViews.reports(
                try await c.agencyDTO(agency), versions: versions.map { ($0.year, $0.version, $0.publishedOn ?? "") }, items: items,
                viewer: try await req.viewer(in: agency, .reports, categories: categories)))
    }

    /// A published annual report (the latest version, or `?version=N`), as a page that prints on A4.
    private func publishedReport(_ req: Request) async throws -> (AgencyRecord, AnnualReportRecord) {
        let agency = try await store(req).agency(code: req.parameters.get("code") ?? "")
        let year = try req.yearPath()
        var query = AnnualReportRecord.query(on: req.db).filter(\.$agency.$id == (try agency.requireID())).filter(\.$year == year).filter(
            \.$version >= 1)
        if let version = try req.queryInt("version", in: ParameterBounds.version) { query = query.filter(\.$version == version) }
        guard let record = try await query.sort(\.$version, .descending).first() else {
            throw Refused(.notFound, .noReportYet, agency.name, year)
        }
        return (agency, record)
    }

    func annualReport(_ req: Request) async throws -> Response {
        let (agency, record) = try await publishedReport(req)
        var html = ReportWriter.html(try AnnualReports.decode(record))
        let l = req.language
        let downloads = [("txt", UIText.plainText(l)), ("json", "JSON"), ("csv", "CSV")].map { format, label in
            "<a href=\"\(ReportWriter.escape(SiteURL.annualReportDownload(agency.code, record.year, format: format, version: record.version).path))\">\(label)</a>"
        }.joined(separator: " · ")
        let reports = ReportWriter.escape(UIText.reportsOf(l, agency.name))
        let version = ReportWriter.escape(UIText.otherVersion(l, record.version, record.publishedOn ?? ""))
        let banner =
            "<nav class=\"noprint\" aria-label=\"\(ReportWriter.escape(UIText.annualReports(l)))\" lang=\"\(l.rawValue)\"><div><a href=\"\(ReportWriter.escape(SiteURL.reports(agency.code).path))\">\(reports)</a> · \(version) · \(UIText.download(l))\(downloads)</div></nav>"
        if let body = html.range(of: "<body>") { html.insert(contentsOf: "\n" + banner, at: body.upperBound) }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    func annualReportDownload(_ req: Request) async throws -> Response {
        let (agency, record) = try await publishedReport(req)
        let report = try AnnualReports.decode(record)
        let format = try req.queryText("format") ?? "txt"
        var headers = HTTPHeaders()
        let body: String
        switch format {
        case "txt":
            body = ReportWriter.text(report)
            headers.contentType = .plainText
        case "json":
            body = ReportJSON.encode(report, findings: ReportChecker.check(report))
            headers.contentType = .json
        case "csv":
            body = ReportWriter.csv(report).map { "# \($0.name)\n\($0.content)" }.joined(separator: "\n")
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        default: throw Refused(.badRequest, .reportFormat, format)
        }
        let name = "\(agency.code)-\(record.year)-v\(record.version).\(format)"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    func search(_ req: Request) async throws -> Response {
        let q = try req.queryText("q", maxLength: ParameterBounds.searchLength) ?? ""
        let agencyCode = try req.queryText("agency")
        let category = try req.queryUUID("category")
        let year = try req.yearQuery()
        let page = try req.pageParameter()
        if !q.trimmingCharacters(in: .whitespaces).isEmpty { try req.admitSearch() }
        let c = store(req)
        let agency = try await agencyCode.asyncMap { try await c.agency(code: $0) }
        let results = try await c.search(q, agency: agency?.id, category: category, year: year, page: page)
        let agencies = try await AgencyRecord.query(on: req.db).sort(\.$position).all()
        // Categories are an agency's own: offered once an agency is chosen.
        let categories = try await agency.asyncMap { try await c.categories(of: $0).filter { $0.$parent.id == nil } } ?? []
        return PageRenderer.render(
            PortalViews.search(
                query: q, agencyCode: agencyCode, category: category, year: year, results: results, agencies: agencies.map { ($0.code, $0.name) },
                categories: try categories.map { (try $0.requireID(), $0.name) }, thisYear: req.today.year, viewer: req.viewer))
    }

    func feed(_ req: Request) async throws -> Response {
        let c = store(req)
        let agency = try await c.agency(code: req.parameters.get("code") ?? "")
        let items = try await c.published(agency: agency.id, category: nil, year: nil, page: 1, perPage: 30, counted: false).items
        let base = req.baseURL
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(XML.escape(agency.name))政府信息公开</title>
            <id>\(XML.escape(base + SiteURL.agency(agency.code).path))</id>
            <link rel="alternate" href="\(XML.escape(base + SiteURL.agency(agency.code).path))"/>
            <link rel="self" href="\(XML.escape(base + SiteURL.feed(agency.code).path))"/>
            <updated>\(items.first?.publishedOn ?? "2019-01-01")T00:00:00+08:00</updated>

            """
        for item in items {
            let url = base + SiteURL.item(item.agencyCode, item.id).path
            xml += """
                <entry><title>\(XML.escape(item.title))</title><id>\(XML.escape(url))</id><link href="\(XML.escape(url))"/>\
                <updated>\(item.publishedOn ?? item.writtenOn)T00:00:00+08:00</updated><author><name>\(XML.escape(item.issuingAgency))</name></author>\
                <summary>\(XML.escape(item.summary.isEmpty ? String(item.body.prefix(200)) : item.summary))</summary></entry>

                """
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    func sitemap(_ req: Request) async throws -> Response {
        let base = req.baseURL
        let agencies = try await AgencyRecord.query(on: req.db).all()
        // NB: a sitemap holds at most 50,000 addresses; the newest items fill what the agency pages leave.
        let items = try await ItemRecord.query(on: req.db).filter(\.$state == PublicationState.published.rawValue)
            .sort(\.$publishedOn, .descending).limit(50_000 - agencies.count * 3).with(\.$agency).all()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml += "<url><loc>\(XML.escape(base + SiteURL.home.path))</loc></url>\n"
        for agency in agencies {
            for url in [SiteURL.agency(agency.code), .guide(agency.code), .catalogue(agency.code)] {
                xml += "<url><loc>\(XML.escape(base + url.path))</loc></url>\n"
            }
        }
        for item in items {
            xml +=
                "<url><loc>\(XML.escape(base + SiteURL.item(item.agency.code, item.id!).path))</loc><lastmod>\(item.publishedOn ?? "")</lastmod></url>\n"
        }
        xml += "</urlset>\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Request {
    /// The scheme and host of the site, for absolute links in feeds and sitemaps: the configured `PUBLIC_URL`, never
    /// the `Host` a client sent.
    var baseURL: String { application.siteAddress.base }
}

enum XML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension Request {
    /// The viewer of a page of `agency`'s: framed by its banner and column set, `column` marked as the one shown.
    func viewer(
        in agency: AgencyRecord, _ column: AgencyFrame.Column, category: UUID? = nil, categories: [CategoryRecord]? = nil
    ) async throws -> Viewer {
        var viewer = self.viewer
        viewer.frame = try await Catalogue(db: db, calendar: workdays).frame(agency, column, category: category, categories: categories)
        return viewer
    }
}

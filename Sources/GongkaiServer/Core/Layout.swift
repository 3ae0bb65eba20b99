import Gongkai
import Plot
import Vapor

/// Renders a page model to a response; every page is escaped by Plot, never assembled from strings.
enum PageRenderer {
    static func render(_ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html.render()))
    }
}

/// Who is looking at a page: nobody, or a member of staff.
struct Viewer {
    var staff: StaffUser?
    var csrf: String?
    var language: Language = .zh
    /// The 长辈版 (`/elder/…`) or the standard edition.
    var edition: Edition = .standard
    /// The page's own address on the Chinese site (path and query), for the link to it in the other language; nil
    /// for an answer to a posted form, whose address is not a page to go back to.
    var address: String? = "/"
    /// On the Chinese home page, when the browser prefers English: a link to the English home.
    var suggestsEnglish = false
    /// The site's name set at `gongkai setup`; nil for the generic 政府信息公开平台.
    var siteName: String?
    /// The site's emblem's version, when the administrator has uploaded one.
    var emblem: String?
    /// The site's footer lines the administrator has set.
    var footer: [SiteSettings.FooterField: String] = [:]
    /// On an agency's pages: its banner and column set.
    var frame: AgencyFrame? = nil
}

enum Views {
    /// NB: Plot escapes text but not attribute values: every value put in an attribute goes through this.
    static func attr(_ value: String) -> String { ReportWriter.escape(value) }

    /// The page frame: `lang="zh-CN"`, one `h1`, a skip link, navigation and a search box with a label.
    static func page(title: String, viewer: Viewer = Viewer(), crumbs: [(String, String)] = [], _ content: Node<HTML.BodyContext>...) -> HTML {
        let language = viewer.language
        return HTML(
            .attribute(named: "lang", value: language.rawValue),
            viewer.edition == .elder ? .attribute(named: "class", value: "elder") : .empty,
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.text(title + UIText.titleSuffix(language))]),
                .link(.rel(.stylesheet), .href(Views.attr(SiteURL.stylesheet.path)))
            ),
            .body(
                .a(.href(Views.attr("#main")), .class("skip noprint"), .text(UIText.skipToContent(language))),
                .header(
                    .class("site"),
                    homeLink(viewer),
                    .form(
                        .action(SiteURL.search(query: "").path), .method(.get), .attribute(named: "role", value: "search"),
                        .label(
                            .attribute(named: "for", value: "site-q"),
                            .text(UIText.searchLabel(language) + " ")),
                        .input(.type(.search), .name("q"), .id("site-q"))
                    ),
                    languageSwitch(viewer),
                    editionSwitch(viewer),
                    .unwrap(viewer.staff) { staff in
                        .span(
                            .class("user"),
                            .a(
                                .href(Views.attr(SiteURL.staffHome.path)),
                                .text(UIText.userWithRole(language, staff.displayName, staff.role.label(language)))))
                    }
                ),
                .main(
                    .id("main"),
                    .if(
                        viewer.suggestsEnglish,
                        .p(
                            .attribute(named: "lang", value: "en"),
                            .a(.href(Views.attr(Language.en.path(SiteURL.home.path))), .text(UIText.englishSuggestion(.en))))),
                    .unwrap(viewer.frame) { banner($0, language) },
                    .if(
                        !crumbs.isEmpty,
                        .element(
                            named: "nav",
                            nodes: [
                                .class("crumbs"), .attribute(named: "aria-label", value: UIText.crumbsLabel(language)),
                                .group(
                                    crumbs.enumerated().map { index, crumb in
                                        .group(.if(index > 0, .text(" › ")), .a(.href(Views.attr(crumb.1)), .text(crumb.0)))
                                    }),
                            ])),
                    viewer.frame.map { frame in
                        // The 长辈版 is one column, the page first and the agency's column set after it.
                        let page: Node<HTML.BodyContext> = .div(.class("column-page"), .h1(.text(title)), .group(content))
                        return viewer.edition == .elder
                            ? .div(.class("with-columns"), page, columns(frame, language))
                            : .div(.class("with-columns"), columns(frame, language), page)
                    }
                        ?? (viewer.staff != nil
                            ? .div(
                                .class("with-columns"), StaffViews.navigation(viewer), .div(.class("column-page"), .h1(.text(title)), .group(content))
                            )
                            : .group(.h1(.text(title)), .group(content)))
                ),
                footer(viewer)
            )
        )
    }

    /// The site's footer: 主办单位, 承办单位 and 联系我们 on one line, 网站标识码 and the two 备案号 on the next (the ICP
    /// number linked to the MIIT register, as government sites do), each only when the administrator has set it.
    static func footer(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        func line(_ fields: [SiteSettings.FooterField]) -> Node<HTML.BodyContext> {
            let set = fields.compactMap { field in viewer.footer[field].map { (field, $0) } }
            return .if(
                !set.isEmpty,
                .p(
                    .forEach(Array(set.enumerated())) { index, entry in
                        .group(
                            .if(index > 0, .text("　")),
                            .span(
                                .text(UIText.labelled(l, entry.0.label(l), "")),
                                entry.0 == .icp
                                    ? .a(.href("https://beian.miit.gov.cn/"), .attribute(named: "rel", value: "noopener"), .text(entry.1))
                                    : .text(entry.1)))
                    }))
        }
        return .footer(
            .class("site"),
            line([.host, .organiser, .contact]),
            line([.siteCode, .icp, .police]),
            .p(.text(UIText.footer(l)))
        )
    }

    /// The link to this page in the other language. NB: on an English page the link to the Chinese one has
    /// `lang="zh-CN"` just before its `href`, which tells the rewriting to leave it as it is.
    /// The site's name in the header, leading home, after the emblem when there is one.
    private static func homeLink(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        // NB: the emblem says nothing the name beside it does not, so screen readers skip it (an empty `alt`).
        let emblem: Node<HTML.AnchorContext> =
            viewer.emblem.map { version in
                .img(
                    .src(attr(SiteURL.emblem(version: version).path)),
                    Attribute<HTML.ImageContext>(name: "alt", value: "", ignoreIfValueIsEmpty: false), .class("emblem"))
            } ?? .empty
        return .a(.href(attr(SiteURL.home.path)), emblem, .text(viewer.siteName ?? UIText.siteName(viewer.language)))
    }

    private static func languageSwitch(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        guard let address = viewer.address else { return .empty }
        let other: Language = viewer.language == .zh ? .en : .zh
        return .a(
            .class("lang noprint"), .attribute(named: "hreflang", value: other.rawValue), .attribute(named: "lang", value: other.rawValue),
            .href(Views.attr(other.path(address))), .text(UIText.languageSwitch(viewer.language)))
    }

    /// On a public page, the link to this page in the other edition (长辈版 or 标准版), in the same language. NB: it
    /// carries `data-edition` just before its `href`, which tells both rewritings that its address is final.
    private static func editionSwitch(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        guard viewer.staff == nil, let address = viewer.address else { return .empty }
        let other: Edition = viewer.edition == .elder ? .standard : .elder
        return .a(
            .class("edition noprint"), .attribute(named: Edition.switchMarker, value: other.rawValue),
            .href(Views.attr(other.path(viewer.language.path(address)))),
            .text(viewer.edition == .elder ? UIText.standardEdition(viewer.language) : UIText.elderEdition(viewer.language)))
    }

    /// An error page: the site's frame, what went wrong in a sentence, and the ways back.
    static func error(status: HTTPResponseStatus, message: String, goOn: GoOn? = nil, request: Request) -> HTML {
        let staff = request.url.path.hasPrefix(SiteURL.staffHome.path)
        let language = request.language
        return page(
            title: Problem.title(for: status)(language), viewer: request.viewer,
            .p(.class("error"), .attribute(named: "role", value: "alert"), .text(message)),
            .p(.class("meta-status"), .text(UIText.errorCode(language, status.code))),
            .unwrap(goOn) { .p(.a(.class("button"), .href(Views.attr($0.path)), .text($0.label(language)))) },
            .p(
                .if(staff, .a(.href(Views.attr(SiteURL.staffHome.path)), .text(UIText.backToDesk(language)))),
                .if(staff, .text(" · ")),
                .a(.href(Views.attr(SiteURL.home.path)), .text(UIText.backHome(language))),
                .text(" · "),
                .a(.href(Views.attr(SiteURL.search(query: "").path)), .text(UIText.searchInformation(language)))
            )
        )
    }

    /// An `<option>` with its text (Plot's own writes a self-closed element with no text).
    static func option(_ value: String, _ label: String, selected: Bool = false) -> Node<HTML.SelectContext> {
        .element(
            named: "option",
            nodes: [
                .attribute(named: "value", value: Views.attr(value), ignoreIfValueIsEmpty: false),
                selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ])
    }

    /// Staff-written text as paragraphs, lists and headings: escaped, never HTML.
    static func safeText(_ text: String) -> Node<HTML.BodyContext> {
        .group(
            SafeText.blocks(text).map { block in
                switch block {
                case .heading(let heading): .h2(.text(heading))
                case .paragraph(let lines): .p(.group(lines.enumerated().map { index, line in .group(.if(index > 0, .br()), linked(line)) }))
                case .list(let items): .ul(.forEach(items) { .li(linked($0)) })
                }
            })
    }

    /// A line of staff text with the web addresses written in it as links (to be followed by readers and by the link
    /// check); the rest as text.
    private static func linked(_ line: String) -> Node<HTML.BodyContext> {
        .group(
            LinkCheck.textRuns(line).map { run in
                run.isAddress ? .a(.href(attr(run.text)), .attribute(named: "rel", value: "noopener noreferrer"), .text(run.text)) : .text(run.text)
            })
    }

    /// `text` with each occurrence of `term` marked (for search results); escaped.
    static func highlighted<Context>(_ text: String, _ term: String) -> Node<Context> {
        guard !term.isEmpty else { return .text(text) }
        var nodes: [Node<Context>] = []
        var rest = Substring(text)
        while let range = rest.range(of: term, options: .caseInsensitive) {
            nodes.append(.text(String(rest[..<range.lowerBound])))
            nodes.append(.element(named: "mark", nodes: [.text(String(rest[range]))]))
            rest = rest[range.upperBound...]
        }
        nodes.append(.text(String(rest)))
        return .group(nodes)
    }

    static func pagination(page: Int, total: Int, perPage: Int, language: Language, link: (Int) -> String) -> Node<HTML.BodyContext> {
        let pages = max(1, (max(total, 0) + max(perPage, 1) - 1) / max(perPage, 1))
        guard pages > 1 || page > pages else { return .empty }
        // NB: `page` may lie past the last page (a stale link, a typed URL): the window is built around the nearest
        // real page, so its bounds are always in order, and "上一页" leads back to the last page.
        let anchor = min(max(page, 1), pages)
        let window = max(1, anchor - 4)...min(pages, anchor + 4)
        return .element(
            named: "nav",
            nodes: [
                .class("pages"), .attribute(named: "aria-label", value: UIText.pagesLabel(language)),
                .if(!window.contains(1), .a(.href(Views.attr(link(1))), .text(UIText.firstPage(language)))),
                .if(
                    page > 1,
                    .a(.href(Views.attr(link(min(page - 1, pages)))), .attribute(named: "rel", value: "prev"), .text(UIText.previousPage(language)))),
                .group(
                    window.map { number in
                        number == page
                            ? .span(.attribute(named: "aria-current", value: "page"), .text(UIText.pageNumber(language, number)))
                            : .a(.href(Views.attr(link(number))), .text(String(number)))
                    }),
                .if(page < pages, .a(.href(Views.attr(link(page + 1))), .attribute(named: "rel", value: "next"), .text(UIText.nextPage(language)))),
                .if(!window.contains(pages), .a(.href(Views.attr(link(pages))), .text(UIText.lastPage(language)))),
                .span(.text(UIText.pageTotals(language, total, pages))),
            ])
    }

    /// A list of items; `pastTheEnd` is the page asked for when it lies beyond the last one.
    static func itemList(
        _ items: [ItemDTO], showAgency: Bool = false, pastTheEnd page: Int? = nil, language: Language = .zh
    ) -> Node<HTML.BodyContext> {
        if let page { return .p(.text(UIText.pastTheLastPage(language, page))) }
        guard !items.isEmpty else { return .p(.text(UIText.nothingYet(language))) }
        return .ul(
            .class("items"),
            .forEach(items) { item in
                .li(
                    .a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text(item.title)),
                    .if(showAgency, .span(.class("date"), .text(item.agencyName))),
                    .span(.class("date"), .text(item.publishedOn ?? ""))
                )
            })
    }
}

extension Node {
    /// Text exactly as it was stored, every `&` escaped too: Plot's own `.text` leaves what looks like an entity alone,
    /// so `&#60;script&#62;` would read as `<script>`, and a letter's `&amp;` would come back from its textarea as `&`
    /// (issue 14). Declared here, it shadows Plot's for every view of the server.
    static func text(_ text: String) -> Node { .raw(ReportWriter.escape(text)) }
}

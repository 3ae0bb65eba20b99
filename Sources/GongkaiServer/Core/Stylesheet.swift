import Crypto
import Foundation
import Gongkai
import Vapor

/// The site's one stylesheet, served from `/assets/site.css` and linked with its content's hash in the address, so a
/// browser may keep it for a year and still never shows an old one. No page carries a `<style>` element or a `style=`
/// attribute: the content security policy allows styles from this address only (and, by its hash, the `<style>` of
/// the published annual report's standalone page).
enum Stylesheet {
    static let text = """
        :root { --ink: #1a1a1a; --muted: #555; --line: #ccc; --accent: #a40000; --bg: #fff; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.7; font-size: 17px; }
        a { color: #0b4ea2; } a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffbf47; }
        header.site { background: var(--accent); color: #fff; padding: .6em 1em; display: flow-root; }
        header.site a { color: #fff; text-decoration: none; font-weight: bold; }
        header.site img.emblem { height: 2em; width: auto; vertical-align: middle; margin-right: .4em; }
        img.emblem-preview { max-height: 4em; width: auto; }
        div.check { margin: .2em 0 .8em; }
        header.site form { display: inline; margin-left: 1em; }
        header.site label { display: inline; color: #fff; font-weight: normal; }
        header.site .user { float: right; }
        header.site a.lang { margin-left: 1em; font-weight: normal; }
        nav.crumbs { font-size: .9em; color: var(--muted); margin: .5em 0; }
        main { max-width: 72em; margin: 0 auto; padding: 0 1em 2em; }
        .agency-banner { margin: 0 -1em; padding: 1em 1.5em; background: linear-gradient(#fdf3f3, #fff); border-bottom: 3px solid var(--accent); }
        .agency-banner a { text-decoration: none; color: var(--accent); }
        .agency-name { font-size: 1.5em; font-weight: bold; letter-spacing: .05em; }
        .agency-column { margin-left: .8em; color: var(--muted); font-size: 1.1em; }
        .home-grid { display: grid; grid-template-columns: 20em minmax(0, 1fr); gap: 2em; align-items: start; }
        .home-agencies h3 { font-size: 1em; margin: 1em 0 .3em; padding-left: .5em; border-left: 4px solid var(--accent); }
        ul.agency-list { list-style: none; padding: 0; margin: 0; } ul.agency-list > li { padding: .15em 0; }
        ul.communities { list-style: none; padding-left: 1.2em; font-size: .9em; }
        .with-columns { display: grid; grid-template-columns: 15em minmax(0, 1fr); gap: 2em; align-items: start; }
        nav.columns { border: 1px solid var(--line); border-top: 3px solid var(--accent); background: #fafafa; margin-top: 1.5em; font-size: .95em; }
        nav.columns ul { list-style: none; margin: 0; padding: 0; }
        nav.columns > ul > li > a { display: block; padding: .5em .9em; border-bottom: 1px solid var(--line); text-decoration: none; font-weight: bold; color: #222; }
        nav.columns ul.sub a { display: block; padding: .25em .9em .25em 1.8em; text-decoration: none; font-size: .92em; color: #0b4ea2; }
        nav.columns a[aria-current=page], nav.columns ul.sub a[aria-current=page] { background: var(--accent); color: #fff; }
        nav.columns a:hover { text-decoration: underline; }
        nav.staff-nav .nav-section { display: block; padding: .5em .9em .1em; font-weight: bold; color: var(--muted); font-size: .85em; }
        nav.staff-nav > ul > li { border-bottom: 1px solid var(--line); padding-bottom: .3em; } nav.staff-nav ul.sub a { padding-left: .9em; }
        nav.staff-nav form.sign-out { padding: .3em .9em .6em; }
        ul.tiles { list-style: none; padding: 0; margin: .5em 0 1.5em; display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: .6em; }
        a.tile { display: block; height: 100%; padding: .6em .8em; border: 1px solid var(--line); border-top: 3px solid #0b4ea2; text-decoration: none; color: var(--ink); }
        a.tile strong { display: block; font-size: 1.8em; line-height: 1.2; color: #0b4ea2; } a.tile span { font-size: .9em; }
        a.tile.urgent { border-top-color: #b00020; background: #fff5f5; } a.tile.urgent strong { color: #b00020; } a.tile.none strong { color: var(--muted); }
        form.scoped-search { padding: .6em .9em; border-bottom: 1px solid var(--line); }
        form.scoped-search label { margin-top: 0; font-size: .9em; }
        form.scoped-search input { width: 100%; } form.scoped-search button { margin-top: .4em; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
        .meta th { width: 9em; background: #f5f5f5; font-weight: normal; }
        ul.items { list-style: none; padding: 0; } ul.items li { border-bottom: 1px solid var(--line); padding: .4em 0; }
        .date { color: var(--muted); font-size: .9em; margin-left: .5em; }
        mark { background: #ffe066; color: inherit; }
        .pages a, .pages span { margin-right: .6em; }
        .notice { border-left: 4px solid var(--accent); background: #fff5f5; padding: .5em 1em; }
        .error { color: #b00020; } label { display: block; margin-top: .6em; font-weight: bold; }
        input[type=text], input[type=password], input[type=search], input[type=date], select, textarea { font: inherit; padding: .3em; width: 100%; max-width: 40em; }
        button { font: inherit; padding: .3em 1em; margin-top: .6em; }
        .report table { font-size: .9em; margin: .5em 0 1em; } .report th { background: #f5f5f5; font-weight: normal; }
        .report td.n { text-align: right; font-variant-numeric: tabular-nums; } .table-box { overflow-x: auto; }
        table.findings td:nth-child(2), table.findings td:last-child, table.findings th { white-space: nowrap; }
        table.findings td:nth-child(4) { overflow-wrap: anywhere; }
        .report h3 { break-after: avoid; } figure.chart { margin: 1em 0; max-width: 40em; break-inside: avoid; }
        figure.chart figcaption { font-size: .9em; color: var(--muted); }
        .report td.flagged { background: #fde8e8; outline: 2px solid #b00020; outline-offset: -2px; } .report a.flag { color: #b00020; font-size: .85em; }
        .ok { color: #1b5e20; } ol.findings li { margin: .3em 0; } ol.findings li.error strong { color: #b00020; }
        section.status h2 { color: var(--accent); margin-bottom: .2em; }
        a.button { display: inline-block; padding: .3em 1em; border: 1px solid #0b4ea2; border-radius: 3px; text-decoration: none; }
        footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85em; padding: 1em; text-align: center; }
        .skip { position: absolute; left: -999px; top: .4em; z-index: 10; background: #fff; color: #0b4ea2; padding: .3em .8em; }
        .skip:focus { left: 1em; }
        @media (max-width: 600px) {
          body { font-size: 16px; } .meta th { width: 6em; }
          header.site .user { float: none !important; display: block; margin-top: .3em; }
          table { display: block; overflow-x: auto; }
          .with-columns, .home-grid { display: block; }
          nav.columns { margin-top: .8em; }
          nav.columns > ul { display: grid; grid-template-columns: 1fr 1fr; }
          nav.columns > ul > li > a { border-right: 1px solid var(--line); font-size: .95em; }
          nav.columns ul.sub { display: none; }
          nav.staff-nav > ul { display: block; } nav.staff-nav ul.sub { display: flex; flex-wrap: wrap; } nav.staff-nav ul.sub a { padding: .3em .9em; }
          ul.tiles { grid-template-columns: 1fr 1fr; } a.tile strong { font-size: 1.4em; }
          nav.staff-nav .nav-section { display: none; } nav.staff-nav > ul > li { padding: 0; border: 0; }
          .agency-name { font-size: 1.2em; } .agency-column { display: block; margin: 0; }
        }
        header.site a.edition { margin-left: 1em; font-weight: normal; border: 1px solid #fff; border-radius: 3px; padding: 0 .5em; }
        p.share a { overflow-wrap: anywhere; }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        html.elder body { font-size: 22px; line-height: 1.9; --ink: #000; --muted: #222; --line: #555; color: #000; }
        html.elder a { color: #003a8c; text-decoration: underline; text-underline-offset: .15em; }
        html.elder header.site a, html.elder nav.columns a[aria-current=page] { color: #fff; }
        html.elder .with-columns, html.elder .home-grid { display: block; }
        html.elder nav.columns ul.sub { display: block; } html.elder nav.columns a { padding-top: .5em; padding-bottom: .5em; }
        html.elder input[type=text], html.elder input[type=search], html.elder input[type=date], html.elder select, html.elder textarea { font-size: 1em; padding: .5em; min-height: 2.6em; max-width: none; border: 2px solid #333; }
        html.elder button, html.elder a.button { font-size: 1em; padding: .5em 1.4em; min-height: 2.6em; }
        html.elder .date, html.elder .meta-status, html.elder figure.chart figcaption, html.elder footer.site { font-size: .95em; color: #222; }
        html.elder h1, html.elder h2, html.elder h3 { line-height: 1.35; } html.elder h1 { font-size: 1.6em; }
        html.elder header.site input[type=search] { width: 16em; max-width: 100%; } html.elder .meta th { white-space: nowrap; width: auto; }
        html.elder table { font-size: .95em; } html.elder main { max-width: 60em; }
        @media (max-width: 600px) { html.elder body { font-size: 20px; } html.elder header.site form { display: block; margin: .3em 0; } }
        @media print { .with-columns { display: block; } header.site form, nav.crumbs, footer.site, .noprint { display: none; } header.site { background: none; color: #000; } header.site a { color: #000; } a { color: #000; text-decoration: none; } }

        .inline { display: inline; }
        .plain { font-weight: normal; }
        label.choice { display: inline; font-weight: normal; margin-right: 1em; }
        form.action { margin: .5em 0; }
        """ + letter

    /// NB: 16 px at a line height of 1.9 on A4 within 25 mm × 20 mm margins holds about 34 lines: an answer of usual
    /// length prints on one page; `break-inside` keeps the signature with the last lines. The print rules for a
    /// letter apply only to a page that holds one (`:has`), so other pages print with their headings.
    static let letter = """
        @page { size: A4; margin: 25mm 20mm; }
        .letter { max-width: 170mm; font-size: 16px; line-height: 1.9; }
        .letter-title { text-align: center; font-size: 22px; font-weight: bold; margin: 0 0 .3em; }
        .letter-number { text-align: center; margin: 0 0 1em; }
        .letter-body { white-space: pre-wrap; }
        .letter-signature { text-align: right; margin-top: 4.5em; break-inside: avoid; }
        .letter-signature p { margin: 0; }
        @media print { body:has(article.letter) :is(header.site, footer, .noprint, nav, h1) { display: none !important; } body:has(article.letter) main { padding: 0; margin: 0; } }
        .letter table { width: 100%; border-collapse: collapse; }
        .letter th, .letter td { border: 1px solid #000; padding: .3em .5em; text-align: left; vertical-align: top; }
        .letter th { width: 9em; white-space: nowrap; }
        """

    /// The first 16 hex digits of the stylesheet's SHA-256: its version in links.
    static let version = String(SHA256.hash(data: Data(text.utf8)).hex.prefix(16))

    @Sendable static func serve(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        let current = req.query[String.self, at: "v"] == version
        headers.replaceOrAdd(name: .cacheControl, value: current ? "public, max-age=31536000, immutable" : "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

/// Headers every answer carries, error pages included: a content security policy with no script at all, styles
/// from the site's stylesheet (and the report page's one `<style>`, by hash), no framing, no type sniffing, the
/// referrer only to the site itself; and, when the site is served over HTTPS, HSTS.
struct SecurityHeaders: AsyncMiddleware {
    let https: Bool

    static let reportStyleHash = "sha256-" + Data(SHA256.hash(data: Data(ReportWriter.htmlStyle.utf8))).base64EncodedString()

    static let policy = [
        "default-src 'none'", "style-src 'self' '\(reportStyleHash)'", "img-src 'self' data:", "form-action 'self'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.policy), ("X-Frame-Options", "DENY"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if https { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        return response
    }
}

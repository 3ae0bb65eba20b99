import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct PortalTests {
    @Test func portal_showsTheDemoDistrictWithItsAgencies() async throws {
        try await withServer(demo: true) { _, client in
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.headers.contentType == .html)
            let html = home.body.string
            #expect(html.contains("<html lang=\"zh-CN\">"))
            #expect(html.contains("重庆市沙坪坝区人民政府"))
            #expect(html.contains("重庆市沙坪坝区联芳街道办事处"))
            #expect(html.contains("<label for=\"site-q\""))
            #expect(home.headers.first(name: .setCookie) == nil)  // the public portal sets no cookie
        }
    }

    @Test func portal_aPagePastTheEndIsAnEmptyLastPage_andAnOverflowingNumberA400NamingTheParameter() async throws {
        try await withServer(demo: true) { _, client in
            let code = DemoSeed.lianfangCode
            let past = try await client.get(SiteURL.catalogue(code, page: 20).path)
            #expect(past.status == .ok)
            #expect(past.body.string.contains("第20页没有信息"))
            #expect(past.body.string.contains("rel=\"prev\""))
            // The first and last pages are one click away from anywhere (the window of numbers shows nine).
            func pager(_ page: String) throws -> String { String(try #require(page.firstMatch(of: /<nav class="pages".*?<\/nav>/)).output) }
            let first = try pager(try await client.get(SiteURL.catalogue(code).path).body.string)
            let last = try #require(first.firstMatch(of: /<a href="([^"]*page=(\d+))">末页<\/a>/))
            #expect(!first.contains(">首页</a>"))
            let lastPage = try pager(try await client.get(String(last.output.1)).body.string)
            #expect(lastPage.contains("<span aria-current=\"page\">第\(last.output.2)页</span>") && !lastPage.contains("rel=\"next\""))
            #expect(lastPage.contains(">首页</a>") && !lastPage.contains(">末页</a>"))
            let search = try await client.get(SiteURL.search(query: "低保", page: 20).path)
            #expect(search.status == .ok)
            for path in [
                SiteURL.catalogue(code, page: 9223372036854775807).path, SiteURL.apiItems.path + "?page=4583343807117241856",
                SiteURL.catalogue(code).path + "?page=abc",
                SiteURL.search(query: "x").path + "&page=-1",
            ] {
                let refused = try await client.get(path)
                #expect(refused.status == .badRequest, "\(path) answered \(refused.status)")
                #expect(refused.body.string.contains("参数 page 有误"), "\(path) does not name the parameter")
            }
            let year = try await client.get(SiteURL.catalogue(code).path + "?year=99999999999")
            #expect(year.status == .badRequest)
            #expect(year.body.string.contains("参数 year 有误"))
        }
    }

    /// Issue 16: the home groups the district's agencies as a district portal does, lists what is on notice today and
    /// last year's annual reports with where each stands; every page of an agency carries its banner and column set
    /// (第二十条's kinds as sub-columns), the page's column marked, and a search box scoped to the agency.
    @Test func portal_hasTheColumnSetOfADisclosurePlatform() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { _, client in
            let home = try await client.get(SiteURL.home.path).body.string
            let order = ["<h3>区人民政府</h3>", "<h3>区政府部门</h3>", "<h3>街道办事处</h3>", "<h3>镇人民政府</h3>"].compactMap { home.range(of: $0)?.lowerBound }
            #expect(order.count == 4 && order == order.sorted(), "the agencies are not grouped in the district's order")
            #expect(home.contains("<h2>2025年度政府信息公开工作年度报告</h2>"))
            #expect(home.contains("已逾期未发布（第四十九条规定的发布期限为2026-01-31）"), "each agency's report says where it stands")
            let code = DemoSeed.lianfangCode
            for (path, current) in [
                (SiteURL.agency(code).path, "机关概况"), (SiteURL.guide(code).path, "政府信息公开指南"), (SiteURL.catalogue(code).path, "法定主动公开内容"),
                (SiteURL.notices(code).path, "公示公告"), (SiteURL.reports(code).path, "政府信息公开年报"), (SiteURL.apply(code).path, "依申请公开"),
                (SiteURL.complaints(code).path, "投诉举报"),
            ] {
                let page = try await client.get(path).body.string
                #expect(page.contains("<div class=\"agency-banner\">"), "\(path)")
                #expect(page.contains("aria-current=\"page\">\(current)</a>"), "\(path) does not mark \(current)")
                let nav = page.firstMatch(of: /<nav class="columns noprint"[\s\S]*?<\/nav>/).map { String($0.output) } ?? ""
                #expect(nav.components(separatedBy: "aria-current=\"page\"").count == 2, "\(path) marks more or fewer than one column")
                #expect(page.contains(">财政预算决算</a>"), "\(path): the 第二十条 kinds are not sub-columns")
                #expect(page.contains("<input type=\"hidden\" name=\"agency\" value=\"\(code)\"/>"), "\(path): no scoped search")
            }
            // 政府信息公开制度 is a column of its own, the 第十二条 category; the 第二十条 kinds are the sub-columns of
            // 法定主动公开内容, without it and without the annual reports, which have their own column.
            let agency = try await client.get(SiteURL.agency(code).path).body.string
            let nav = agency.firstMatch(of: /<nav class="columns noprint"[\s\S]*?<\/nav>/).map { String($0.output) } ?? ""
            let rules = try #require(nav.firstMatch(of: /<a href="([^"]+)">政府信息公开制度<\/a>/)).output.1
            let rulesPage = try await client.get(String(rules).replacingOccurrences(of: "&amp;", with: "&")).body.string
            #expect(rulesPage.contains("aria-current=\"page\">政府信息公开制度</a>"))
            let sub = try #require(nav.firstMatch(of: /<ul class="sub">[\s\S]*?<\/ul>/)).output
            #expect(!sub.contains("政府信息公开指南和制度") && !sub.contains("政府信息公开工作年度报告") && sub.contains(">政策文件</a>"))
            // An item is shown under its category's column.
            let items = try await client.get(SiteURL.apiItems.path + "?agency=\(code)").content.decode(ListPage<ItemDTO>.self)
            let item = try #require(items.items.first)
            let page = try await client.get(SiteURL.item(code, item.id).path).body.string
            #expect(page.contains("aria-current=\"page\">\(item.categoryName)</a>"))
            // A community's 依申请公开 leads to its subdistrict's form.
            let community = try await client.get(SiteURL.agency("11500106L0001").path).body.string
            #expect(community.contains("href=\"\(SiteURL.apply(code).path)\""))
            // The scoped search finds within the agency; once an agency is chosen, its categories are a select, and the
            // year is a select from 2008 to this year.
            let scoped = try await client.get(SiteURL.search(query: "低保", agency: code).path).body.string
            #expect(!scoped.contains("小龙坎街道办事处 20"), "a result of another agency in a scoped search")
            #expect(scoped.contains("<select name=\"category\" id=\"category\"><option value>全部类别</option>"))
            #expect(scoped.contains("<option value=\"2026\">2026</option>") && scoped.contains("<option value=\"2008\">2008</option>"))
            let everywhere = try await client.get(SiteURL.search(query: "低保", year: 2026).path).body.string
            #expect(!everywhere.contains("name=\"category\""), "categories offered before an agency is chosen")
            #expect(everywhere.contains("<option value=\"2026\" selected=\"selected\">2026</option>"))
        }
    }

    /// Issue 14: an address that exists, asked with a method it does not take, is a 405 naming the methods it takes;
    /// an address that does not exist stays a 404; OPTIONS says what an address takes.
    @Test func aMethodAnAddressDoesNotTakeIs405WithAllow_andAnUnknownAddressStays404() async throws {
        try await withServer(demo: true) { _, client in
            let delete = try await client.send(.DELETE, "/api/v1/agencies/\(DemoSeed.lianfangCode)")
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers.first(name: "Allow") == "GET, HEAD, OPTIONS")
            #expect(delete.body.string.contains("此地址不接受这种请求方式"))
            let put = try await client.send(.PUT, SiteURL.applicationStatus.path)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: "Allow") == "GET, HEAD, OPTIONS, POST")
            #expect(put.body.string.contains("<html"))  // a page outside /api
            let options = try await client.send(.OPTIONS, "/api/v1/search")
            #expect(options.status == .noContent && options.headers.first(name: "Allow") == "GET, HEAD, OPTIONS")
            #expect(try await client.send(.DELETE, "/no/such/address").status == .notFound)
            #expect(try await client.get("/a/NOSUCHAGENCY").status == .notFound)  // a route, answering 404 itself
        }
    }

    @Test func portal_aNULInThePathOrAFormIsA400OnEveryDatabase() async throws {
        try await withServer(demo: true) { _, client in
            for path in ["/a/%00", "/api/v1/agencies/%00", "/a/%1B/catalogue"] {
                #expect(try await client.get(path).status == .badRequest, "\(path)")
            }
            let form = try await client.post(SiteURL.applicationStatus.path, form: [("trackingNumber", "a\u{0}b"), ("secret", "x")], csrf: false)
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("空字符"))
            var headers = HTTPHeaders()
            headers.contentType = .json
            let json = try await client.send(
                .POST, SiteURL.apiApplicationStatus.path, headers: headers, body: ByteBuffer(string: #"{"trackingNumber":"a\u0000","secret":"x"}"#))
            #expect(json.status == .badRequest)
        }
    }

    @Test func portal_agencyPagesShowProfileGuideCatalogueAndNotices() async throws {
        try await withServer(demo: true) { _, client in
            let code = DemoSeed.lianfangCode
            let agency = try await client.get(SiteURL.agency(code).path)
            #expect(agency.status == .ok)
            #expect(agency.body.string.contains("机构职能"))
            #expect(agency.body.string.contains("正在公示"))  // the demo's notices in their posting period
            let guide = try await client.get(SiteURL.guide(code).path)
            #expect(guide.body.string.contains("政府信息公开指南"))
            #expect(guide.body.string.contains("20个工作日内予以答复"))
            let catalogue = try await client.get(SiteURL.catalogue(code).path + "?year=2019")
            #expect(catalogue.status == .ok)
            #expect(catalogue.body.string.contains("共158条"))  // 152 on the website, 3 on bulletin boards, 3 posted
            #expect(catalogue.body.string.contains("rel=\"next\""))
            let page2 = try await client.get(SiteURL.catalogue(code, page: 2).path + "&year=2019")
            #expect(page2.body.string.contains("aria-current=\"page\">第2页"))
            let notices = try await client.get(SiteURL.notices(code).path)
            #expect(notices.body.string.contains("城乡低保对象的公示"))
            #expect(try await client.get(SiteURL.reports(code).path).status == .ok)
            #expect(try await client.get(SiteURL.agency("NOSUCHCODE").path).status == .notFound)
        }
    }

    @Test func portal_itemPageShowsTheCatalogueEntry() async throws {
        try await withServer(demo: true) { app, client in
            let item = try #require(try await ItemRecord.query(on: app.db).filter(\.$state == "published").with(\.$agency).first())
            let page = try await client.get(SiteURL.item(item.agency.code, item.id!).path)
            #expect(page.status == .ok)
            for label in ["索引号", "发布机构", "文号", "生成日期", "发布日期", "公开方式"] { #expect(page.body.string.contains(label)) }
            #expect(page.body.string.contains(item.indexNumber))
            // The wrong agency in the address: not found.
            #expect(
                try await client.get(SiteURL.item(DemoSeed.districtCode, item.id!).path).status == .notFound
                    || item.agency.code == DemoSeed.districtCode)
        }
    }

    @Test func search_findsTwoCharacterChineseQueriesAndHighlightsThem() async throws {
        try await withServer(demo: true) { _, client in
            let page = try await client.get(SiteURL.search(query: "低保").path)  // 低保
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<mark>低保</mark>"))
            #expect(!html.contains("共找到0条"))
            let one = try await client.get(SiteURL.search(query: "保").path)  // 保
            #expect(one.body.string.contains("<mark>保</mark>"))
            let filtered = try await client.get(SiteURL.search(query: "低保").path + "&agency=\(DemoSeed.lianfangCode)&year=2019")
            #expect(filtered.body.string.contains("共找到"))
            #expect(!filtered.body.string.contains("区民政局 2"))
        }
    }

    @Test func search_escapesWhatItShows() async throws {
        try await withServer(demo: false) { _, client in
            let page = try await client.get(SiteURL.search(query: "\"><script>alert(1)</script>").path)  // "><script>alert(1)</script>
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("<script>"))
            #expect(page.body.string.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))  // the attribute holds it, escaped
            #expect(page.body.string.contains("&lt;script&gt;"))
        }
    }

    @Test func feedAndSitemap_listPublishedItems() async throws {
        try await withServer(demo: true) { _, client in
            let feed = try await client.get(SiteURL.feed(DemoSeed.lianfangCode).path)
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("application/atom+xml") == true)
            #expect(feed.body.string.contains("<entry>"))
            let sitemap = try await client.get(SiteURL.sitemap.path)
            #expect(sitemap.body.string.contains("<urlset"))
            #expect(sitemap.body.string.contains(SiteURL.guide(DemoSeed.lianfangCode).path))
            // Issue 14: links are made from the configured address, never from the Host a client sent.
            let forged = try await client.get(SiteURL.sitemap.path, headers: ["Host": "evil.example"])
            #expect(!forged.body.string.contains("evil.example") && forged.body.string.contains("<loc>http://"))
            let feedForged = try await client.get(SiteURL.feed(DemoSeed.lianfangCode).path, headers: ["Host": "evil.example"])
            #expect(!feedForged.body.string.contains("evil.example"))
        }
    }

    /// `PUBLIC_URL` is the scheme and host visitors use; over HTTPS the cookies are `Secure`.
    @Test func thePublicAddressIsConfigured_andHTTPSMakesCookiesSecure() throws {
        let https = try ServerConfiguration.resolve(databasePath: "/tmp/x.sqlite", environment: ["PUBLIC_URL": "https://gk.example.gov.cn/"])
        #expect(https.siteAddress == "https://gk.example.gov.cn" && https.secureCookies)
        let plain = try ServerConfiguration.resolve(databasePath: "/tmp/x.sqlite", environment: [:], hostname: "0.0.0.0", port: 8080)
        #expect(plain.siteAddress == "http://localhost:8080" && !plain.secureCookies)
        for bad in ["gk.example.gov.cn", "ftp://gk.example.gov.cn", "https://gk.example.gov.cn/portal", "https://a@gk.example.gov.cn"] {
            #expect(throws: ConfigurationError.self, "\(bad)") {
                try ServerConfiguration.resolve(databasePath: "/tmp/x.sqlite", environment: ["PUBLIC_URL": bad])
            }
        }
    }

    /// Issue 14: pages take their style from the one stylesheet, which answers under the address they link, kept a
    /// year when its version matches; HSTS is sent only when the site is served over HTTPS.
    @Test func pagesLinkTheStylesheet_andHSTSOnlyOverHTTPS() async throws {
        try await withServer(demo: true) { _, client in
            let home = try await client.get(SiteURL.home.path).body.string
            let link = String(try #require(home.firstMatch(of: #/<link rel="stylesheet" href="([^"]+)"/#)).output.1)
            #expect(link == SiteURL.stylesheet.path && link.contains("?v=\(Stylesheet.version)"))
            let css = try await client.get(link)
            #expect(css.status == .ok && css.headers.contentType?.subType == "css")
            #expect(css.body.string.contains(".letter-signature") && css.body.string.contains("header.site label"))
            #expect(css.body.string.contains("@page { size: A4"))
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(try await client.get("/assets/site.css?v=old").headers.first(name: .cacheControl) == "public, max-age=300")
            #expect(home.contains("<link rel=\"stylesheet\"") && !home.contains("<style"))
        }
        for https in [true, false] {
            let app = try await Application.make(.testing)
            app.middleware.use(SecurityHeaders(https: https))
            app.get("x") { _ in "x" }
            try await app.testing().test(.GET, "x") { response in
                #expect(response.headers.first(name: "Strict-Transport-Security") == (https ? "max-age=31536000" : nil))
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("script-src") == false)
                #expect(response.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") == true)
            }
            try await app.asyncShutdown()
        }
    }

    @Test func healthz_checksTheDatabase() async throws {
        try await withServer { _, client in
            let health = try await client.get(SiteURL.healthz.path)
            #expect(health.status == .ok)
            #expect(health.body.string == "ok\n")
        }
    }

    @Test func migrations_revertAndRunAgain() async throws {
        try await withServer(demo: true) { app, _ in
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await AgencyRecord.query(on: app.db).count() == 0)
            #expect(try await ItemRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func demo_loadsOnceAndStaysTheSame() async throws {
        try await withServer(demo: true) { app, _ in
            let items = try await ItemRecord.query(on: app.db).count()
            let again = try await DemoSeed.load(on: app.db, passwords: app.password.async, today: Day(iso: "2026-11-20")!)
            #expect(again.count == 8)
            #expect(try await ItemRecord.query(on: app.db).count() == items)
            #expect(try await AgencyRecord.query(on: app.db).count() == DemoSeed.agencies.count)
        }
    }
}

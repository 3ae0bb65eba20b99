import Fluent
import Foundation
import Gongkai
import Testing
import VaporTesting

@testable import GongkaiServer

/// The 长辈版 (issue 16, part 5): chosen by the address like the language, so each page stays one cacheable file.
@Suite struct EditionTests {
    /// The addresses on this site that a page links to or posts to.
    static func local(_ html: String) -> [String] {
        html.matches(of: /(href|action)="(\/[^"\/][^"]*|\/)"/).map { String($0.output.2) }
    }

    @Test func everyPublicPageHasItsElderEdition_whoseLinksStayInIt() async throws {
        try await withServer(demo: true) { app, client in
            let code = DemoSeed.lianfangCode
            let item = try #require(try await ItemRecord.query(on: app.db).filter(\.$state == "published").first()?.requireID())
            let agencyCode = try #require(try await ItemRecord.query(on: app.db).filter(\.$id == item).with(\.$agency).first()?.agency.code)
            let pages = [
                SiteURL.home.path, SiteURL.agency(code).path, SiteURL.guide(code).path, SiteURL.catalogue(code).path,
                SiteURL.item(agencyCode, item).path, SiteURL.notices(code).path, SiteURL.reports(code).path, SiteURL.search(query: "低保").path,
                SiteURL.apply(code).path, SiteURL.applicationStatus.path, SiteURL.complaints(code).path, SiteURL.annualReport(code, 2019).path,
            ]
            for path in pages {
                let elder = try await client.get(Edition.elder.path(path))
                #expect(elder.status == .ok, "\(path)")
                let html = elder.body.string
                #expect(html.contains("<html lang=\"zh-CN\" class=\"elder\">") || path == SiteURL.annualReport(code, 2019).path, "\(path)")
                let leaving = Self.local(html).filter { !$0.hasPrefix("/elder/") && $0 != path }
                #expect(leaving.isEmpty, "\(path): links that leave the 长辈版: \(leaving)")
                #expect(elder.headers.first(name: .setCookie) == nil, "\(path) sets a cookie")
                let standard = try await client.get(path)
                #expect(elder.headers.first(name: .cacheControl) == standard.headers.first(name: .cacheControl), "\(path)")
                guard path != SiteURL.annualReport(code, 2019).path else { continue }
                #expect(html.contains("data-edition=\"standard\" href=\"\(Views.attr(path))\">标准版</a>"), "\(path): no way back")
                #expect(standard.body.string.contains("data-edition=\"elder\" href=\"\(Views.attr(Edition.elder.path(path)))\">长辈版</a>"), "\(path)")
                #expect(!standard.body.string.contains("class=\"elder\""))
            }
        }
    }

    @Test func theElderEditionCombinesWithEnglish_andKeepsRedirectsAndFormsInIt() async throws {
        try await withServer(demo: true) { _, client in
            let code = DemoSeed.lianfangCode
            let english = try await client.get("/elder/en" + SiteURL.agency(code).path).body.string
            #expect(english.contains("<html lang=\"en\" class=\"elder\">"))
            #expect(english.contains("data-edition=\"standard\" href=\"/en\(SiteURL.agency(code).path)\">Standard edition</a>"))
            #expect(english.contains("lang=\"zh-CN\" href=\"/elder\(SiteURL.agency(code).path)\">中文</a>"), "the language switch leaves the 长辈版")
            let leaving = Self.local(english).filter { !$0.hasPrefix("/elder/en/") && $0 != "/en" + SiteURL.agency(code).path }
                .filter { $0 != "/elder" + SiteURL.agency(code).path }
            #expect(leaving.isEmpty, "links that leave the English 长辈版: \(leaving)")
            let chinese = try await client.get("/elder" + SiteURL.agency(code).path).body.string
            #expect(chinese.contains("lang=\"en\" href=\"/elder/en\(SiteURL.agency(code).path)\">English</a>"))

            let redirected = try await client.get("/elder" + SiteURL.staffHome.path)
            #expect(redirected.status == .seeOther && redirected.headers.first(name: .location) == "/elder" + SiteURL.staffLogin.path)
            let applied = try await client.post("/elder" + SiteURL.apply(code).path, form: ApplicationTests.form(), csrf: false)
            #expect(applied.status == .created && applied.body.string.contains("class=\"elder\""))
            #expect(try await client.get("/elderly/").status == .notFound, "only /elder itself is the 长辈版")
        }
    }
}

import Foundation
import Testing
import Vapor

@testable import GongkaiServer

/// The text table and the language in the address (issue 11): Chinese at the root, English under /en/.
@Suite struct LanguageTests {
    /// Every key reads in both languages, with the same values to fill in; English keeps Chinese only for legal terms
    /// in parentheses (and the name of the other language on the switch).
    @Test(arguments: UIText.allCases)
    func everyKeyIsTranslated(key: UIText) throws {
        let chinese = try #require(UIText.chinese[key], "\(key) has no Chinese")
        let english = try #require(UIText.english[key], "\(key) has no English")
        #expect(!chinese.isEmpty && !english.isEmpty)
        func slots(_ text: String) -> [String] { text.matches(of: /\{\d\}/).map { String($0.output) }.sorted() }
        #expect(slots(chinese) == slots(english), "\(key) takes different values in its two languages")
        let outsideParentheses = english.replacing(/（[^）]*）|\([^)]*\)/, with: "")
        let han = outsideParentheses.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }
        #expect(han.isEmpty || key == .languageSwitch, "\(key)'s English has Chinese outside parentheses: \(english)")
    }

    @Test func languagesAreReadFromTheAddress() {
        #expect(Language.of(path: "/en/a/X/catalogue") == (.en, "/a/X/catalogue"))
        #expect(Language.of(path: "/en") == (.en, "/"))
        #expect(Language.of(path: "/en/") == (.en, "/"))
        #expect(Language.of(path: "/entries") == (.zh, "/entries"))
        #expect(Language.en.path("/") == "/en/" && Language.zh.path("/a/X") == "/a/X")
        #expect(Language.prefersEnglish("en-GB,en;q=0.9,zh-CN;q=0.5"))
        #expect(!Language.prefersEnglish("zh-CN,zh;q=0.9,en;q=0.8"))
        #expect(!Language.prefersEnglish(nil) && !Language.prefersEnglish("fr"))
    }

    @Test func englishPages_keepEveryLinkAndFormInEnglish_andLinkBackToChinese() async throws {
        try await withServer(demo: true) { _, client in
            let code = DemoSeed.lianfangCode
            let page = try await client.get(Language.en.path(SiteURL.catalogue(code).path))
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("Skip to content") && html.contains("Next</a>") && html.contains("Pages"))
            #expect(html.contains("href=\"/en/a/\(code)/catalogue?page=2\""), "the pager leaves English")
            #expect(html.contains("action=\"/en/search\""), "the search form leaves English")
            #expect(html.contains("lang=\"zh-CN\" href=\"/a/\(code)/catalogue\">中文</a>"), "no way back to the Chinese page")
            let local = html.matches(of: /(href|action)="(\/[^"]*)"/).map { String($0.output.2) }
            #expect(!local.isEmpty)
            let leaving = local.filter { !$0.hasPrefix("/en/") && $0 != "/a/\(code)/catalogue" }
            #expect(leaving.isEmpty, "links that leave English: \(leaving)")

            let chinese = try await client.get(SiteURL.catalogue(code).path).body.string
            #expect(chinese.contains("<html lang=\"zh-CN\">") && chinese.contains("下一页"))
            #expect(chinese.contains("lang=\"en\" href=\"/en/a/\(code)/catalogue\">English</a>"))
            #expect(!chinese.contains("href=\"/en/a/\(code)/catalogue?page=2\""))
        }
    }

    @Test func englishErrorPages_redirects_andTheHomePageSuggestion() async throws {
        try await withServer(demo: true) { _, client in
            let missing = try await client.get("/en/a/no-such-agency")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("<html lang=\"en\">") && missing.body.string.contains("Page not found"))
            #expect(missing.body.string.contains("(error code 404)") && missing.body.string.contains("href=\"/en/\""))

            let signIn = try await client.get(Language.en.path(SiteURL.staffHome.path))
            #expect(signIn.status == .seeOther && signIn.headers.first(name: .location) == Language.en.path(SiteURL.staffLogin.path))
            try await client.get(Language.en.path(SiteURL.staffLogin.path))
            let signedIn = try await client.post(
                Language.en.path(SiteURL.staffLogin.path),
                form: [("username", "lianfang-officer"), ("password", client.passwords["lianfang-officer"] ?? "")])
            #expect(signedIn.headers.first(name: .location) == Language.en.path(SiteURL.staffHome.path), "signing in leaves English")
            let desk = try await client.get(Language.en.path(SiteURL.staffHome.path)).body.string
            #expect(desk.contains("Applications (依申请公开)") && desk.contains("Sign out") && desk.contains("action=\"/en/staff/logout\""))

            let suggested = try await client.get("/", headers: ["Accept-Language": "en-US,en;q=0.9"]).body.string
            #expect(suggested.contains("<p lang=\"en\"><a href=\"/en/\">English</a></p>"))
            let notSuggested = try await client.get("/", headers: ["Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"]).body.string
            #expect(!notSuggested.contains("<p lang=\"en\">"))
            let posted = try await client.post(SiteURL.complaints(DemoSeed.lianfangCode).path, form: [("content", " ")], csrf: false)
            #expect(posted.status == .unprocessableEntity && !posted.body.string.contains(">English</a>"), "a switch to a posted form's address")
            let item = try await client.get("/en/search?q=" + "低保".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(item.status == .ok && item.body.string.contains("<html lang=\"en\">"))
        }
    }
}

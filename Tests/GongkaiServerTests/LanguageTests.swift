import Fluent
import Foundation
import Gongkai
import SQLKit
import Testing
import Vapor

@testable import GongkaiServer

/// The text table and the language in the address (issue 11): Chinese at the root, English under /en/.
@Suite struct LanguageTests {
    /// Every key reads in both languages, with the same values to fill in; English keeps Chinese only for legal terms
    /// in parentheses (and the name of the other language on the switch).
    @Test(arguments: UIText.allCases)
    func everyKeyIsTranslated(key: UIText) {
        let (chinese, english) = key.texts
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
            let switches = ["/a/\(code)/catalogue", Edition.elder.path("/en/a/\(code)/catalogue")]
            let leaving = local.filter { !$0.hasPrefix("/en/") && !switches.contains($0) }
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
            #expect(desk.contains("Disclosure on application") && desk.contains("Sign out") && desk.contains("action=\"/en/staff/logout\""))

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

    /// What the request itself carries wrong (a NUL, a control character in the address, a field missing or of the
    /// wrong type) is refused in the reader's language, naming the field.
    @Test func refusalsOfUnreadableRequests_speakTheReadersLanguage() async throws {
        try await withServer(demo: true) { _, client in
            let status = Language.en.path(SiteURL.applicationStatus.path)
            let nul = try await client.post(status, form: [("trackingNumber", "a\u{0}b"), ("secret", "x")], csrf: false)
            #expect(nul.status == .badRequest && nul.body.string.contains("has a NUL character and cannot be stored"))
            let path = try await client.get("/en/a/%1B/catalogue")
            #expect(path.status == .badRequest && path.body.string.contains("The address has control characters"))
            let chinese = try await client.get("/a/%1B/catalogue")
            #expect(chinese.body.string.contains("地址中含有控制字符"))

            var headers = HTTPHeaders()
            headers.contentType = .json
            let missing = try await client.send(
                .POST, SiteURL.apiApplicationStatus.path, headers: headers, body: ByteBuffer(string: #"{"trackingNumber":"A"}"#))
            #expect(missing.status == .badRequest)
            #expect(try missing.content.decode(APIError.self).error == "提交的内容格式不对：缺少字段 secret")
            let mistyped = try await client.send(
                .POST, SiteURL.apiApplicationStatus.path, headers: headers, body: ByteBuffer(string: #"{"trackingNumber":1,"secret":"x"}"#))
            #expect(try mistyped.content.decode(APIError.self).error == "提交的内容格式不对：字段 trackingNumber 的值类型不对")
            #expect(
                UIText.bodyMalformed.said(nesting: [UIText.missingField.said("secret")]).en
                    == "What was sent is malformed: the field secret is missing")
        }
    }
}

/// The portal walked in English over a district whose own data is all ASCII: whatever Chinese is left on a page is
/// text the portal failed to translate (legal terms in parentheses and the 中文 switch aside).
@Suite struct EnglishPortalTests {
    /// The Han characters of `html` outside parentheses and outside elements that say they are Chinese (`lang="zh-CN"`:
    /// the switch to the Chinese page, records and legal documents kept as written).
    static func untranslated(_ html: String) -> String {
        let visible = withoutChineseElements(html).replacing(/（[^）]*）|\([^)]*\)/, with: "")
        return String(visible.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.map(Character.init))
    }

    /// `html` without the elements marked `lang="zh-CN"` and what they hold.
    static func withoutChineseElements(_ html: String) -> String {
        var html = html
        while let open = html.firstMatch(of: /<(\w+)[^>]*\blang="zh-CN"[^>]*>/) {
            let name = String(open.output.1)
            guard let tags = try? Regex("<(/?)\(name)\\b[^>]*>") else { break }
            var depth = 1
            var end = html.endIndex
            for tag in html[open.range.upperBound...].matches(of: tags) {
                depth += tag.output[1].substring == "/" ? -1 : 1
                if depth == 0 {
                    end = tag.range.upperBound
                    break
                }
            }
            html.removeSubrange(open.range.lowerBound..<end)
        }
        return html
    }

    static func district(_ app: Application) async throws -> (code: String, item: UUID) {
        let district = AgencyRecord(code: "T00000000000000001", name: "Riverside District", kind: .districtGovernment, parentID: nil)
        district.address = "1 River Road"
        district.officeHours = "Mon-Fri 9-17"
        district.guide = "How to ask for information."
        try await district.create(on: app.db)
        let community = AgencyRecord(code: "T00000000000000002", name: "Elm Community", kind: .community, parentID: district.id)
        try await community.create(on: app.db)
        let category = CategoryRecord(agencyID: try district.requireID(), name: "Rules", article: "Art. 20", position: 0)
        try await category.create(on: app.db)
        let staff = StaffRecord(username: "editor", displayName: "Editor", passwordHash: "x", role: "editor", agencyID: district.id)
        try await staff.create(on: app.db)
        let item = ItemRecord()
        item.isRule = false
        item.$agency.id = try district.requireID()
        item.$category.id = try category.requireID()
        item.indexNumber = "T00000000000000001/2026-00001"
        item.title = "Road works notice"
        item.documentNumber = ""
        item.issuingAgency = "Riverside District"
        item.summary = ""
        item.body = "The road is closed in November."
        item.writtenOn = "2026-11-02"
        item.publishedOn = "2026-11-02"
        item.validity = Validity.inForce.rawValue
        item.channels = "website,bulletin-board"
        item.bulletinPlace = "Town hall"
        item.postingFrom = "2026-11-02"
        item.postingTo = "2026-12-02"
        item.state = PublicationState.published.rawValue
        item.$draftedBy.id = try staff.requireID()
        item.version = 1
        item.daysLate = 0
        try await item.create(on: app.db)
        try await SearchIndex(sql: app.db as! any SQLDatabase).add([SearchIndex.Document(item)])
        return (district.code, try item.requireID())
    }

    @Test func everyPortalPage_readsInEnglish() async throws {
        try await withServer { app, client in
            let (code, item) = try await Self.district(app)
            let pages = [
                SiteURL.home.path, SiteURL.agency(code).path, SiteURL.guide(code).path, SiteURL.catalogue(code).path,
                SiteURL.catalogue(code, year: 2026).path, SiteURL.catalogue(code, page: 9).path, SiteURL.item(code, item).path,
                SiteURL.notices(code).path, SiteURL.reports(code).path, SiteURL.search(query: "road").path, SiteURL.search(query: "").path,
                SiteURL.apply(code).path, SiteURL.applicationStatus.path, SiteURL.complaints(code).path, SiteURL.agency("T00000000000000002").path,
                SiteURL.apply("T00000000000000002").path, SiteURL.annualReport(code, 2025).path, "/no/such/page",
            ]
            for path in pages {
                let page = try await client.get(Language.en.path(path))
                #expect(page.body.string.contains("<html lang=\"en\">"), "\(path)")
                #expect(Self.untranslated(page.body.string).isEmpty, "\(path) (\(page.status.code)): \(Self.untranslated(page.body.string))")
            }
            #expect(try await client.get(Language.en.path(SiteURL.item(code, item).path)).body.string.contains("Notice period"))

            let refused = try await client.post(Language.en.path(SiteURL.apply(code).path), form: [("idType", "resident-id"), ("idNumber", "123")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("A resident ID number (居民身份证号码) has 18 characters (this one has 3)"))
            #expect(Self.untranslated(refused.body.string).isEmpty, "\(Self.untranslated(refused.body.string))")
            let wrong = try await client.post(Language.en.path(SiteURL.applicationStatus.path), form: [("trackingNumber", "X"), ("secret", "Y")])
            #expect(wrong.status == .notFound && wrong.body.string.contains("The application number or the look-up code is wrong"))
            let empty = try await client.post(Language.en.path(SiteURL.complaints(code).path), form: [("content", " ")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Please write the complaint or report"))
            #expect(Self.untranslated(empty.body.string).isEmpty, "\(Self.untranslated(empty.body.string))")
        }
    }

    /// Staff of the ASCII district, each with this password.
    static let password = "correct-horse-battery"

    @Test func theBackOffice_readsInEnglish() async throws {
        try await withServer { app, anonymous in
            let (code, item) = try await Self.district(app)
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == code).first())
            let hash = try await app.password.async.hash(Self.password)
            for (username, role) in [("officer", StaffRole.officer), ("admin", .administrator), ("reviewer", .reviewer)] {
                try await StaffRecord(
                    username: username, displayName: username.capitalized, passwordHash: hash, role: role.rawValue, agencyID: agency.id
                )
                .create(on: app.db)
            }
            let sent = try await anonymous.post(
                Language.en.path(SiteURL.apply(code).path),
                form: [
                    ("applicantType", "natural-person"), ("name", "Ann Lee"), ("idType", "passport"), ("idNumber", "E12345678"),
                    ("phone", "13800000000"),
                    ("infoTitle", "Road plans"), ("formWanted", "electronic"), ("delivery", "online"),
                ])
            #expect(sent.status == .created && sent.body.string.contains("Application sent"))
            let application = try #require(try await ApplicationRecord.query(on: app.db).first()).id!

            func walk(_ username: String, _ paths: [String], posts: [(String, [(String, String)], HTTPStatus, String)] = []) async throws {
                let client = TestClient(app: app, passwords: [username: Self.password])
                try await client.get(Language.en.path(SiteURL.staffLogin.path))
                let signedIn = try await client.post(
                    Language.en.path(SiteURL.staffLogin.path), form: [("username", username), ("password", Self.password)])
                #expect(signedIn.status == .seeOther, "\(username) could not sign in")
                for path in paths {
                    let page = try await client.get(Language.en.path(path))
                    #expect(page.status == .ok, "\(path): \(page.status)")
                    #expect(Self.untranslated(page.body.string).isEmpty, "\(username) \(path): \(Self.untranslated(page.body.string))")
                }
                // Refused forms: the refusal in English, beside the form or on the error page.
                for (path, form, status, sentence) in posts {
                    let page = try await client.post(Language.en.path(path), form: form)
                    #expect(page.status == status, "\(path): \(page.status)")
                    #expect(
                        sentence.isEmpty || page.body.string.contains(sentence),
                        "\(path) does not say “\(sentence)”: \(page.body.string.replacing(/<style>[^<]*<\/style>/, with: "").suffix(1500))")
                    #expect(Self.untranslated(page.body.string).isEmpty, "\(username) POST \(path): \(Self.untranslated(page.body.string))")
                }
            }
            try await walk(
                "officer",
                [
                    SiteURL.staffHome.path, SiteURL.staffApplications().path, SiteURL.staffApplications(view: "all").path,
                    SiteURL.staffApplication(application).path, SiteURL.staffApplicationForm(application).path, SiteURL.staffNewApplication.path,
                    SiteURL.staffReports().path,
                    SiteURL.staffReport(code, 2025).path, SiteURL.staffRegisters().path, SiteURL.staffTrainings.path, SiteURL.staffComplaints.path,
                    SiteURL.staffReviewCases.path,
                ],
                posts: [
                    (
                        SiteURL.staffApplicationMove(application).path, [("move", "extend"), ("days", "10")], .conflict,
                        "An extension needs the head of the disclosure office"
                    ),
                    (
                        SiteURL.staffApplicationMove(application).path, [("move", "clarify"), ("what", " ")], .unprocessableEntity,
                        "Please give what is"
                    ),
                    (
                        SiteURL.staffTrainings.path, [("heldOn", "2099-01-01"), ("topic", ""), ("attendees", "x")], .unprocessableEntity,
                        "Give the topic"
                    ),
                    (SiteURL.staffNewApplication.path, [("name", "")], .unprocessableEntity, "Give the day the application was received"),
                    (
                        SiteURL.staffReviewCases.path, [("kind", "reconsideration"), ("body", "Court"), ("filedOn", "2026-01-05")],
                        .unprocessableEntity, "Say what the case is about"
                    ),
                    (SiteURL.staffApplicationMove(application).path, [("move", "confirm")], .seeOther, ""),
                    (SiteURL.staffApplicationMove(application).path, [("move", "consult"), ("party", "Acme Ltd")], .seeOther, ""),
                ])
            // The clock explains itself in the reader's language, the articles kept in Chinese in parentheses.
            try await walk("officer", [SiteURL.staffApplication(application).path])
            let officer = TestClient(app: app, passwords: ["officer": Self.password])
            try await officer.signIn("officer")
            let english = try await officer.get(Language.en.path(SiteURL.staffApplication(application).path)).body.string
            #expect(english.contains("Application received (Online: received on the day both sides confirm it"))
            #expect(english.contains("consulted in writing") && english.contains("(第三十二条、第三十四条)"))
            let chinese = try await officer.get(SiteURL.staffApplication(application).path).body.string
            #expect(chinese.contains("收到申请（互联网渠道") && chinese.contains("书面征求第三方或其他机关意见"))
            try await walk(
                "reviewer", [SiteURL.staffHome.path, SiteURL.staffItem(item).path],
                posts: [
                    (SiteURL.staffItemAction(item).path, [("action", "approve")], .conflict, "cannot be given the step “Approve”"),
                    (SiteURL.staffReportPublish(code, 2025).path, [], .forbidden, "may read annual reports but not publish them"),
                ])
            try await walk(
                "admin",
                [
                    SiteURL.admin.path, SiteURL.adminNewAgency.path, SiteURL.adminAgency(code).path, SiteURL.adminCategories(code).path,
                    SiteURL.adminNewAccount.path, SiteURL.staffAudit.path, SiteURL.staffNewItem.path, SiteURL.staffItem(item).path,
                ],
                posts: [
                    (SiteURL.adminNewAgency.path, [("code", "bad code"), ("name", "")], .unprocessableEntity, "An agency code has 1 to 40"),
                    (SiteURL.adminNewAccount.path, [("username", "x"), ("password", "short")], .unprocessableEntity, "at least 10 characters"),
                    (SiteURL.staffNewItem.path, [("title", "")], .unprocessableEntity, "Give the title"),
                    (SiteURL.staffApplications(view: "all").path, [], .methodNotAllowed, "This address does not take this kind of request"),
                ])
            try await anonymous.get(Language.en.path(SiteURL.staffLogin.path))
            let wrong = try await anonymous.post(Language.en.path(SiteURL.staffLogin.path), form: [("username", "officer"), ("password", "wrong")])
            #expect(wrong.status == .unauthorized && wrong.body.string.contains("The user name or the password is wrong"))
            let login = try await anonymous.get(Language.en.path(SiteURL.staffLogin.path))
            #expect(Self.untranslated(login.body.string).isEmpty, "\(Self.untranslated(login.body.string))")
        }
    }
}

/// Gongkai's own 413 (an attachment over its limit) keeps its sentence in the reader's language; Vapor's own 413
/// says the route's limit (the error middleware once took every 413 as Vapor's and showed its Chinese reason).
@Suite struct TooLargeRefusalTests {
    struct Throwing: AsyncResponder {
        var error: any Error
        func respond(to request: Request) async throws -> Response { throw error }
    }

    @Test func anAttachmentOverItsLimitIsRefusedInTheReadersLanguage() async throws {
        try await withServer { app, _ in
            let refusal = Refused(.payloadTooLarge, .attachmentTooLarge, "名单.pdf", "21 MB", "20 MB")
            let english = Request(application: app, method: .POST, url: URI(path: "/staff/items/x/attachments"), on: app.eventLoopGroup.next())
            english.language = .en  // as the language responder sets it for /en/…
            let page = try await ProblemMiddleware().respond(to: english, chainingTo: Throwing(error: refusal))
            let text = page.body.string ?? ""
            #expect(page.status == .payloadTooLarge)
            #expect(text.contains("an attachment may have at most 20 MB"), "\(text.suffix(500))")
            let chinese = Request(application: app, method: .POST, url: URI(path: "/staff/items/x/attachments"), on: app.eventLoopGroup.next())
            let vapors = try await ProblemMiddleware().respond(
                to: chinese, chainingTo: Throwing(error: Abort(.payloadTooLarge, reason: "body too big")))
            let said = vapors.body.string ?? ""
            #expect(vapors.status == .payloadTooLarge && !said.contains("body too big") && said.contains("MB"))
        }
    }
}

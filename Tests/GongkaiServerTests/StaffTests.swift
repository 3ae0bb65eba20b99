import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct StaffTests {
    static func draftForm(_ categoryID: UUID, title: String = "关于2026年第四季度临时救助对象的公示") -> [(String, String)] {
        [
            ("categoryID", categoryID.uuidString), ("title", title), ("writtenOn", "2026-11-18"), ("summary", "临时救助对象公示"),
            ("body", "经审核，拟对以下对象给予临时救助。\n\n公示期七天。"), ("channels[]", "website"), ("channels[]", "bulletin-board"),
            ("bulletinPlace", "联芳社区公开栏"), ("postingFrom", "2026-11-18"), ("postingTo", "2026-11-25"),
        ]
    }

    static func category(_ app: Application, agency code: String, named name: String = "公示公告") async throws -> UUID {
        let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == code).first())
        return try #require(try await CategoryRecord.query(on: app.db).filter(\.$agency.$id == agency.id!).filter(\.$name == name).first()?.id)
    }

    /// Drafts an item as the lianfang editor and returns its id.
    static func draft(_ app: Application, _ client: TestClient, title: String = "关于2026年第四季度临时救助对象的公示") async throws -> UUID {
        try await client.signIn("lianfang-editor")
        try await client.get(SiteURL.staffNewItem.path)
        let created = try await client.post(
            SiteURL.staffNewItem.path, form: draftForm(try await category(app, agency: DemoSeed.lianfangCode), title: title))
        #expect(created.status == .seeOther)
        let location = try #require(created.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last!)))
    }

    /// Issue 14: text that looks like an entity is shown exactly as stored — on the page, in its title and in the edit
    /// form — never decoded into markup or into other characters.
    @Test func textThatLooksLikeAnEntityIsShownAsStored() async throws {
        try await withServer(demo: true) { app, editor in
            let title = "A&amp;B &#60;script&#62;公示&lt;"
            let id = try await Self.draft(app, editor, title: title)
            #expect(try await ItemRecord.find(id, on: app.db)?.title == title)
            let escaped = "A&amp;amp;B &amp;#60;script&amp;#62;公示&amp;lt;"
            let page = try await editor.get(SiteURL.staffItem(id).path).body.string
            #expect(page.contains("<h1>\(escaped)</h1>") && page.contains("<title>\(escaped)"), "\(page.prefix(1200))")
            #expect(!page.contains("&#60;script"))
            let form = try await editor.get(SiteURL.staffEditItem(id).path).body.string
            #expect(form.contains("value=\"\(escaped)\""))
        }
    }

    @Test func review_draftSubmitApprovePublishShowsOnPortalSearchAndAPI() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await Self.draft(app, editor, title: "联芳街道关于测试专用公告的公示")
            let item = try #require(try await ItemRecord.find(id, on: app.db))
            #expect(item.indexNumber.hasPrefix("\(DemoSeed.lianfangCode)/2026-"))
            #expect(item.state == "draft")
            // Not on the portal yet.
            #expect(try await editor.get(SiteURL.item(DemoSeed.lianfangCode, id).path).status == .notFound)
            try await editor.get(SiteURL.staffItem(id).path)
            #expect(try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")]).status == .seeOther)
            // An editor does not approve.
            #expect(
                try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")]).status
                    == .conflict)

            let reviewer = TestClient(app: app, passwords: editor.passwords)
            try await reviewer.signIn("lianfang-reviewer")
            try await reviewer.get(SiteURL.staffItem(id).path)
            // Without the confidentiality review confirmed: refused.
            let unconfirmed = try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve")])
            #expect(unconfirmed.status == .conflict)
            #expect(unconfirmed.body.string.contains("请先确认已进行保密审查"))
            #expect(!unconfirmed.body.string.contains("confirm the"), "the refusal is in English")
            // The refusal stands on the item's own page, above the step to take again, not on an error page.
            let refusedPage = unconfirmed.body.string
            #expect(refusedPage.contains("<title>联芳街道关于测试专用公告的公示 - 政府信息公开</title>"))
            let alert = try #require(refusedPage.range(of: "<p class=\"error\" id=\"refusal\" role=\"alert\">请先确认已进行保密审查"))
            let box = try #require(refusedPage.range(of: "name=\"confirmedReview\""))
            #expect(alert.upperBound < box.lowerBound)
            #expect(
                refusedPage.contains("href=\"/en\(SiteURL.staffItem(id).path)\">English</a>"),
                "the language switch leads to the item, not to the posted form")
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "approve"), ("confirmedReview", "on")]).status
                    == .seeOther)
            #expect(try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "publish")]).status == .seeOther)

            let published = try #require(try await ItemRecord.find(id, on: app.db))
            #expect(published.state == "published")
            #expect(published.publishedOn != nil)
            #expect(try await ItemVersionRecord.query(on: app.db).filter(\.$item.$id == id).count() == 1)
            let portal = TestClient(app: app, passwords: [:])
            let page = try await portal.get(SiteURL.item(DemoSeed.lianfangCode, id).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("联芳街道关于测试专用公告的公示"))
            let search = try await portal.get(SiteURL.search(query: "测试专用").path)  // 测试专用
            #expect(search.body.string.contains(id.uuidString))
            let api = try await portal.get(SiteURL.apiItem(id).path)
            #expect(api.status == .ok)
            #expect(try api.content.decode(ItemDTO.self).state == "published")
            // Every step is in the audit log with who did it.
            let log = try await AuditRecord.query(on: app.db).filter(\.$entityID == id.uuidString).sort(\.$at).all()
            #expect(log.map(\.action) == ["create", "submit", "approve", "publish"])
            #expect(log.map(\.actor) == ["lianfang-editor", "lianfang-editor", "lianfang-reviewer", "lianfang-reviewer"])
            #expect(log[1].before?.contains("\"state\":\"draft\"") == true)
            #expect(log[1].after?.contains("\"state\":\"submitted\"") == true)
            // The item's history names the steps in Chinese (it once said create / submit / approve / publish).
            let history = try await reviewer.get(SiteURL.staffItem(id).path).body.string
            for verb in ["<td>创建</td>", "<td>提交审核</td>", "<td>审核通过</td>", "<td>发布</td>"] { #expect(history.contains(verb), "\(verb)") }
            #expect(!history.contains("<td>approve</td>"))
        }
    }

    @Test func review_theDrafterCannotApproveTheirOwnItem() async throws {
        try await withServer(demo: true) { app, client in
            let item = ItemRecord()
            item.isRule = false
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == DemoSeed.lianfangCode).first())
            let reviewer = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-reviewer").first())
            item.$agency.id = agency.id!
            item.$category.id = try await Self.category(app, agency: DemoSeed.lianfangCode)
            item.indexNumber = "test/2026-99999"
            item.title = "审核员自己起草的信息"
            item.documentNumber = ""
            item.issuingAgency = agency.name
            item.summary = ""
            item.body = "正文"
            item.writtenOn = "2026-11-18"
            item.channels = "website"
            item.bulletinPlace = ""
            item.state = "submitted"
            item.$draftedBy.id = reviewer.id!
            item.version = 1
            item.daysLate = 0
            try await item.create(on: app.db)
            try await client.signIn("lianfang-reviewer")
            try await client.get(SiteURL.staffItem(item.id!).path)
            let response = try await client.post(
                SiteURL.staffItemAction(item.id!).path, form: [("action", "approve"), ("confirmedReview", "on")])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("起草人不能审核自己起草的信息"))
        }
    }

    @Test func review_returningNeedsAReasonAndTheEditorSeesIt() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await Self.draft(app, editor)
            try await editor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")])
            let reviewer = TestClient(app: app, passwords: editor.passwords)
            try await reviewer.signIn("lianfang-reviewer")
            try await reviewer.get(SiteURL.staffItem(id).path)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "return"), ("reason", "")]).status == .conflict)
            #expect(
                try await reviewer.post(SiteURL.staffItemAction(id).path, form: [("action", "return"), ("reason", "公示期写错了")]).status
                    == .seeOther)
            let page = try await editor.get(SiteURL.staffItem(id).path)
            #expect(page.body.string.contains("公示期写错了"))
            #expect(page.body.string.contains("已退回"))
        }
    }

    @Test func staff_ofOneAgencyCannotReadOrChangeAnothersDrafts() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await Self.draft(app, editor)
            let other = TestClient(app: app, passwords: editor.passwords)
            try await other.signIn("minzheng-editor")
            #expect(try await other.get(SiteURL.staffItem(id).path).status == .notFound)
            #expect(try await other.get(SiteURL.staffEditItem(id).path).status == .notFound)
            #expect(try await other.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")]).status == .notFound)
            #expect(
                try await other.post(
                    SiteURL.staffEditItem(id).path,
                    form: Self.draftForm(try await Self.category(app, agency: DemoSeed.lianfangCode), title: "篡改")
                ).status == .notFound)
            let dashboard = try await other.get(SiteURL.staffHome.path)
            #expect(!dashboard.body.string.contains(id.uuidString))
            #expect(try await ItemRecord.find(id, on: app.db)?.title != "篡改")
        }
    }

    @Test func supervisor_readsSubordinateAgenciesButChangesNothing() async throws {
        try await withServer(demo: true) { app, editor in
            let id = try await Self.draft(app, editor)
            let supervisor = TestClient(app: app, passwords: editor.passwords)
            try await supervisor.signIn("district-supervisor")
            let page = try await supervisor.get(SiteURL.staffItem(id).path)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("提交审核"))
            #expect(try await supervisor.post(SiteURL.staffItemAction(id).path, form: [("action", "submit")]).status == .forbidden)
        }
    }

    @Test func csrf_aFormWithoutTheTokenIsRefused() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-editor")
            let response = try await client.post(
                SiteURL.staffNewItem.path, form: Self.draftForm(try await Self.category(app, agency: DemoSeed.lianfangCode)), csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("安全校验码"))
            #expect(try await ItemRecord.query(on: app.db).filter(\.$title == "关于2026年第四季度临时救助对象的公示").count() == 0)
        }
    }

    @Test func login_locksTheAccountAfterRepeatedFailures() async throws {
        try await withServer(demo: true) { _, client in
            try await client.get(SiteURL.staffLogin.path)
            for _ in 0..<Lockout.attempts {
                #expect(
                    try await client.post(SiteURL.staffLogin.path, form: [("username", "lianfang-editor"), ("password", "wrong")]).status
                        == .unauthorized)
            }
            let locked = try await client.post(
                SiteURL.staffLogin.path, form: [("username", "lianfang-editor"), ("password", client.passwords["lianfang-editor"]!)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("登录失败次数过多"))
        }
    }

    /// Issue 14: the account's holder is told, once, of wrong passwords tried for the account since the last sign-in.
    @Test func signingIn_tellsTheHolderOfWrongPasswordsTriedMeanwhile() async throws {
        try await withServer(demo: true) { app, holder in
            let stranger = TestClient(app: app, passwords: [:])
            try await stranger.get(SiteURL.staffLogin.path)
            for _ in 0..<2 {
                _ = try await stranger.post(SiteURL.staffLogin.path, form: [("username", "lianfang-editor"), ("password", "guess")])
            }
            try await holder.get(SiteURL.staffLogin.path)
            let signedIn = try await holder.post(
                SiteURL.staffLogin.path, form: [("username", "lianfang-editor"), ("password", holder.passwords["lianfang-editor"] ?? "")])
            #expect(signedIn.headers.first(name: .location) == SiteURL.staffHome.path)
            let desk = try await holder.get(SiteURL.staffHome.path).body.string
            #expect(desk.contains("有人以您的用户名登录并输错密码2次"))
            #expect(!(try await holder.get(SiteURL.staffHome.path).body.string.contains("输错密码")), "said once")
            let next = TestClient(app: app, passwords: holder.passwords)
            try await next.signIn("lianfang-editor")
            #expect(!(try await next.get(SiteURL.staffHome.path).body.string.contains("输错密码")), "nothing since the last sign-in")
        }
    }

    /// Issue 14, sessions: a visit to the sign-in page stores nothing on the server; signing in issues a new session
    /// id (one planted before is worth nothing); a password reset ends every session of the account; an idle or old
    /// session ends on the server, whatever the cookie says.
    @Test func sessions_areMadeAtSignIn_endOnReset_andExpireOnTheServer() async throws {
        try await withServer(demo: true) { app, client in
            let sessions = { try await SessionRecord.query(on: app.db).count() }
            try await client.get(SiteURL.staffLogin.path)
            try await client.get(Language.en.path(SiteURL.staffLogin.path))
            #expect(try await sessions() == 0, "a visit to the sign-in page stored a session")
            #expect(client.jar.value("gongkai-session") == nil && client.jar.value("gongkai-csrf") != nil)

            try await client.signIn("lianfang-officer")
            let first = try #require(client.jar.value("gongkai-session"))
            // Signing in again (another identity, same browser) replaces the session: the old id no longer works.
            let signedInAgain = try await client.post(
                SiteURL.staffLogin.path, form: [("username", "lianfang-editor"), ("password", client.passwords["lianfang-editor"] ?? "")])
            #expect(signedInAgain.status == .seeOther)
            let second = try #require(client.jar.value("gongkai-session"))
            #expect(first != second)
            let planted = TestClient(app: app, passwords: client.passwords)
            planted.jar.cookies["gongkai-session"] = first
            #expect(try await planted.get(SiteURL.staffHome.path).status == .seeOther, "the session id from before sign-in still works")
            #expect(try await sessions() == 1)

            // A password reset by the administrator ends the editor's session.
            #expect(try await client.get(SiteURL.staffHome.path).status == .ok)
            let admin = TestClient(app: app, passwords: client.passwords)
            try await admin.signIn("admin")
            let editor = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first())
            try await admin.get(SiteURL.adminAccount(try editor.requireID()).path)
            let reset = try await admin.post(
                SiteURL.adminAccount(try editor.requireID()).path,
                form: [
                    ("displayName", editor.displayName), ("role", editor.role), ("agency", DemoSeed.lianfangCode),
                    ("password", "a-new-password-2026"),
                ])
            #expect(reset.status == .seeOther, "\(reset.status) \(reset.body.string.suffix(400))")
            #expect(try await client.get(SiteURL.staffHome.path).status == .seeOther, "a reset password left the old session working")

            // Idle for more than 2 hours: ended on the server.
            try await client.signIn("lianfang-officer")
            #expect(try await client.get(SiteURL.staffHome.path).status == .ok)
            let key = try #require(client.jar.value("gongkai-session"))
            let stored = try #require(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: key)).first())
            stored.data["seenAt"] = String(Int(Date().timeIntervalSince1970 - StaffSessions.idleLimit - 60))
            try await stored.save(on: app.db)
            #expect(try await client.get(SiteURL.staffHome.path).status == .seeOther, "an idle session was still accepted")
            #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: key)).count() == 0)
        }
    }

    @Test func login_isRequiredForTheBackOffice() async throws {
        try await withServer { _, client in
            let response = try await client.get(SiteURL.staffHome.path)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == SiteURL.staffLogin.path)
        }
    }

    @Test func form_keepsWhatWasTypedAndNamesEachProblem() async throws {
        try await withServer(demo: true) { app, client in
            try await client.signIn("lianfang-editor")
            try await client.get(SiteURL.staffNewItem.path)
            var form = Self.draftForm(try await Self.category(app, agency: DemoSeed.lianfangCode), title: "保留我输入的标题")
            form.removeAll { $0.0 == "writtenOn" || $0.0 == "postingTo" }
            form.append(("writtenOn", "2026-02-30"))
            let response = try await client.post(SiteURL.staffNewItem.path, form: form)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("value=\"保留我输入的标题\""))
            #expect(html.contains("id=\"writtenOn-error\""))
            #expect(html.contains("id=\"postingTo-error\""))
        }
    }

    @Test func audit_isForAdministratorsAndFilters() async throws {
        try await withServer(demo: true) { app, editor in
            _ = try await Self.draft(app, editor)
            #expect(try await editor.get(SiteURL.staffAudit.path).status == .forbidden)
            let admin = TestClient(app: app, passwords: editor.passwords)
            try await admin.signIn("admin")
            let page = try await admin.get(SiteURL.staffAudit.path + "?actor=lianfang-editor&action=create")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("lianfang-editor"))
            #expect(!page.body.string.contains(">login<"))
        }
    }
}

import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// Administrators manage agencies, categories and accounts; nobody else does; every change is audited.
@Suite struct AdminTests {
    /// A 2×2 red PNG, as an administrator's emblem.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
        0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63,
        0x58, 0xC2, 0xC0, 0x00, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x14, 0x8E, 0x02, 0x91, 0xC4, 0x2D, 0x2B, 0xCB, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// Issue 16: the administrator uploads the site's emblem, every page's header shows it before the name, it is
    /// served with a year's caching by its hash; a file that is no image or too large is refused naming it; removed,
    /// it is gone.
    @Test func theAdministratorUploadsAnEmblem_everyHeaderShowsIt_andRemovesIt() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            let before = try await admin.get(SiteURL.adminSite.path).body.string
            #expect(before.contains("尚未上传徽标。"))
            let path = SiteURL.adminSiteEmblem.path
            #expect(try await VersionAndAttachmentTests.multipart(admin, path: path, filename: "区徽.png", bytes: Self.png).status == .seeOther)
            let version = try #require(app.siteSettings.emblem)
            let home = try await TestClient(app: app, passwords: [:]).get(SiteURL.home.path).body.string
            let shown = home.contains("<a href=\"/\"><img src=\"\(SiteURL.emblem(version: version).path)\" alt class=\"emblem\"/>")
            #expect(shown)
            let image = try await TestClient(app: app, passwords: [:]).get(SiteURL.emblem(version: version).path)
            #expect(image.status == .ok && image.headers.first(name: .contentType) == "image/png" && Array(image.body.readableBytesView) == Self.png)
            #expect(image.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")

            let text = try await VersionAndAttachmentTests.multipart(admin, path: path, filename: "徽标.txt", bytes: Array("不是图片".utf8))
            #expect(text.status == .unprocessableEntity && text.body.string.contains("文件「徽标.txt」不是 PNG、JPEG、GIF 或 WebP 图片。"))
            let large = try await VersionAndAttachmentTests.multipart(
                admin, path: path, filename: "大图.png", bytes: Self.png + Array(repeating: 0, count: SiteEmblem.limit))
            #expect(large.status == .unprocessableEntity && large.body.string.contains("超过200KB的上限"))
            #expect(app.siteSettings.emblem == version, "a refused file leaves the emblem as it was")

            let editor = TestClient(app: app, passwords: admin.passwords)
            try await editor.signIn("lianfang-editor")
            #expect(try await VersionAndAttachmentTests.multipart(editor, path: path, filename: "区徽.png", bytes: Self.png).status == .forbidden)

            #expect(try await admin.post(path, form: [("action", "remove")]).status == .seeOther)
            let after = try await TestClient(app: app, passwords: [:]).get(SiteURL.home.path).body.string
            #expect(!after.contains("class=\"emblem\""))
            #expect(try await TestClient(app: app, passwords: [:]).get(SiteURL.emblem(version: version).path).status == .notFound)
            let logged = try await AuditRecord.query(on: app.db).filter(\.$entity == "site").filter(\.$entityID == SiteEmblem.name).count()
            #expect(logged == 2)
        }
    }

    static let newAgency: [(String, String)] = [
        ("code", "11500106MB1234567X"), ("name", "重庆市沙坪坝区测试街道办事处"), ("kind", "subdistrict"), ("parent", DemoSeed.districtCode),
        ("functions", "负责辖区内的公共服务。"), ("organisation", "党政办公室、社区事务办公室"), ("headName", "张三"),
        ("address", "沙坪坝区测试路1号"), ("officeHours", "工作日 9:00-17:00"), ("phone", "023-60000000"), ("fax", "023-60000001"),
        ("email", "test@example.gov.cn"), ("disclosureOffice", "党政办公室"), ("guide", "一、公开的主体和范围\n本机关主动公开第二十条所列信息。"),
        ("indexPattern", "{code}/{year}-{seq:6}"),
    ]

    /// Issue 16: the administrator sets the site's name and footer; every public page shows the lines set and no
    /// empty ones; the change is audited; another app server sees it at its next settings read; nobody else may.
    @Test func theAdministratorSetsTheSitesNameAndFooter_shownOnEveryPage() async throws {
        try await withServer(demo: true) { app, admin in
            let portal = TestClient(app: app, passwords: [:])
            #expect(!(try await portal.get(SiteURL.home.path).body.string.contains("主办单位")))
            try await admin.signIn("admin")
            #expect(try await admin.get(SiteURL.adminSite.path).status == .ok)
            let tooLong = try await admin.post(SiteURL.adminSite.path, form: [("name", String(repeating: "长", count: 61))])
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("不能超过60个字"))
            let saved = try await admin.post(
                SiteURL.adminSite.path,
                form: [
                    ("name", "重庆市沙坪坝区政府信息公开平台"), ("host", "重庆市沙坪坝区人民政府办公室"), ("organiser", "重庆市沙坪坝区大数据应用发展管理局"),
                    ("contact", "023-65366000"), ("siteCode", "5001060001"), ("icp", "渝ICP备05003300号"), ("police", ""),
                ])
            #expect(saved.status == .seeOther)
            for path in [SiteURL.home.path, SiteURL.agency(DemoSeed.lianfangCode).path, SiteURL.applicationStatus.path] {
                let page = try await portal.get(path).body.string
                #expect(page.contains(">重庆市沙坪坝区政府信息公开平台</a>"), "\(path)")
                #expect(page.contains("主办单位：") && page.contains("重庆市沙坪坝区人民政府办公室") && page.contains("网站标识码："), "\(path)")
                #expect(page.contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">渝ICP备05003300号</a>"), "\(path)")
                #expect(!page.contains("公安机关备案号"), "an empty line is not shown: \(path)")
            }
            let log = try #require(try await AuditRecord.query(on: app.db).filter(\.$entity == "site").first())
            #expect(log.after?.contains("渝ICP备05003300号") == true && log.actor == "admin")
            // Another app server (here: the settings as another server would have them) reads the change.
            app.siteSettings = SiteSettings()
            app.siteSettings = try await SiteSettings.load(on: app.db)
            #expect(app.siteSettings.footer[.icp] == "渝ICP备05003300号")
            let officer = TestClient(app: app, passwords: admin.passwords)
            try await officer.signIn("lianfang-officer")
            #expect(try await officer.post(SiteURL.adminSite.path, form: [("name", "x")]).status == .forbidden)
        }
    }

    @Test func anAdministratorCreatesAnAgencyThatThePortalShowsWithItsGuideAndCategories() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            #expect(try await admin.get(SiteURL.admin.path).status == .ok)
            #expect(try await admin.get(SiteURL.adminNewAgency.path).status == .ok)
            let created = try await admin.post(SiteURL.adminNewAgency.path, form: Self.newAgency)
            #expect(created.status == .seeOther)
            let portal = TestClient(app: app, passwords: [:])
            let home = try await portal.get(SiteURL.agency("11500106MB1234567X").path)
            #expect(home.status == .ok)
            #expect(home.body.string.contains("重庆市沙坪坝区测试街道办事处"))
            let guide = try await portal.get(SiteURL.guide("11500106MB1234567X").path)
            #expect(guide.body.string.contains("023-60000001"))
            #expect(guide.body.string.contains("本机关主动公开第二十条所列信息"))
            let agency = try #require(try await AgencyRecord.query(on: app.db).filter(\.$code == "11500106MB1234567X").first())
            #expect(agency.indexPattern == "{code}/{year}-{seq:6}")
            #expect(try await CategoryRecord.query(on: app.db).filter(\.$agency.$id == agency.id!).count() == DemoSeed.categories.count)
            let log = try await AuditRecord.query(on: app.db).filter(\.$entity == "agency").all()
            #expect(log.map(\.action) == ["create"])
            #expect(log.first?.after?.contains("张三") == true)

            // The same code again, a loop in the hierarchy, and a pattern without {seq}: each refused beside its field,
            // with what was typed kept.
            var again = Self.newAgency
            again[again.firstIndex { $0.0 == "indexPattern" }!] = ("indexPattern", "{code}/{year}")
            let refused = try await admin.post(SiteURL.adminNewAgency.path, form: again)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("已有机关使用代码 11500106MB1234567X"))
            #expect(refused.body.string.contains("索引号格式须包含"))
            #expect(refused.body.string.contains("负责辖区内的公共服务。"))
            let loop = try await admin.post(
                SiteURL.adminAgency(DemoSeed.districtCode).path,
                form: [
                    ("name", "重庆市沙坪坝区人民政府"), ("kind", "district-government"), ("parent", "11500106MB1234567X"),
                    ("indexPattern", IndexNumber.defaultPattern),
                ])
            #expect(loop.status == .unprocessableEntity)
            #expect(loop.body.string.contains("上级机关不能是本机关或其下级机关"))
        }
    }

    @Test func anAdministratorEditsTheProfileAndTheChangeIsAuditedWithBeforeAndAfter() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            let page = try await admin.get(SiteURL.adminAgency(DemoSeed.lianfangCode).path)
            #expect(page.body.string.contains("重庆市沙坪坝区联芳街道办事处"))
            var form = Self.newAgency.filter { $0.0 != "code" }
            form[form.firstIndex { $0.0 == "name" }!] = ("name", "重庆市沙坪坝区联芳街道办事处")
            form[form.firstIndex { $0.0 == "phone" }!] = ("phone", "023-61234567")
            #expect(try await admin.post(SiteURL.adminAgency(DemoSeed.lianfangCode).path, form: form).status == .seeOther)
            let guide = try await TestClient(app: app, passwords: [:]).get(SiteURL.guide(DemoSeed.lianfangCode).path)
            #expect(guide.body.string.contains("023-61234567"))
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$entity == "agency").filter(\.$action == "update").first())
            #expect(entry.after?.contains("023-61234567") == true)
            #expect(entry.before?.contains("023-61234567") == false)
        }
    }

    @Test func categoriesAreAddedAndRenamed_andTheEditorsFormOffersThem() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            try await admin.get(SiteURL.adminCategories(DemoSeed.lianfangCode).path)
            #expect(
                try await admin.post(
                    SiteURL.adminCategories(DemoSeed.lianfangCode).path,
                    form: [("name", "疫情防控"), ("article", "第二十条第（十二）项"), ("parent", ""), ("position", "")]
                ).status == .seeOther)
            let duplicate = try await admin.post(
                SiteURL.adminCategories(DemoSeed.lianfangCode).path, form: [("name", "疫情防控"), ("position", "x")])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("本机关已有分类“疫情防控”"))
            #expect(duplicate.body.string.contains("顺序须为整数"))
            let id = try await StaffTests.category(app, agency: DemoSeed.lianfangCode, named: "疫情防控")
            #expect(
                try await admin.post(
                    SiteURL.adminCategory(DemoSeed.lianfangCode, id).path, form: [("name", "公共卫生应急"), ("position", "3")]
                ).status == .seeOther)
            let editor = TestClient(app: app, passwords: admin.passwords)
            try await editor.signIn("lianfang-editor")
            #expect(try await editor.get(SiteURL.staffNewItem.path).body.string.contains("公共卫生应急"))
            // Another agency's category cannot be changed through this agency's address.
            let other = try await StaffTests.category(app, agency: DemoSeed.districtCode)
            #expect(
                try await admin.post(
                    SiteURL.adminCategory(DemoSeed.lianfangCode, other).path, form: [("name", "x"), ("position", "1")]
                ).status == .notFound)
        }
    }

    @Test func accountsAreCreatedAndCanSignIn_passwordsResetAndLockoutsLifted() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            try await admin.get(SiteURL.adminNewAccount.path)
            let weak = try await admin.post(
                SiteURL.adminNewAccount.path,
                form: [("username", "xl-editor"), ("displayName", "小龙坎信息员"), ("role", "editor"), ("agency", ""), ("password", "short")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("密码至少10位"))
            #expect(weak.body.string.contains("信息编辑须属于一个机关"))
            #expect(weak.body.string.contains("小龙坎信息员"))  // kept
            #expect(
                try await admin.post(
                    SiteURL.adminNewAccount.path,
                    form: [
                        ("username", "xl-editor"), ("displayName", "小龙坎信息员"), ("role", "editor"), ("agency", "11500106009208300B"),
                        ("password", "correct horse battery"),
                    ]
                ).status == .seeOther)
            let account = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "xl-editor").first())
            #expect(account.passwordHash != "correct horse battery")

            let newcomer = TestClient(app: app, passwords: [:])
            try await newcomer.get(SiteURL.staffLogin.path)
            #expect(
                try await newcomer.post(SiteURL.staffLogin.path, form: [("username", "xl-editor"), ("password", "correct horse battery")]).status
                    == .seeOther)

            // Locked out after five failures; the administrator lifts it and sets a new password.
            let stranger = TestClient(app: app, passwords: [:])
            try await stranger.get(SiteURL.staffLogin.path)
            for _ in 0..<Lockout.attempts {
                try await stranger.post(SiteURL.staffLogin.path, form: [("username", "xl-editor"), ("password", "wrong")])
            }
            #expect(
                try await stranger.post(SiteURL.staffLogin.path, form: [("username", "xl-editor"), ("password", "correct horse battery")]).status
                    == .tooManyRequests)
            // The administrator's list says the sign-in is stopped, from the shared table of stops.
            #expect(try await admin.get(SiteURL.admin.path).body.string.contains("登录暂停至"))
            try await admin.get(SiteURL.adminAccount(account.id!).path)
            #expect(
                try await admin.post(
                    SiteURL.adminAccount(account.id!).path,
                    form: [
                        ("displayName", "小龙坎信息员"), ("role", "reviewer"), ("agency", "11500106009208300B"), ("password", "another good password"),
                        ("unlock", "是"),
                    ]
                ).status == .seeOther)
            #expect(
                try await stranger.post(SiteURL.staffLogin.path, form: [("username", "xl-editor"), ("password", "another good password")]).status
                    == .seeOther)
            let updated = try #require(try await StaffRecord.find(account.id, on: app.db))
            #expect(updated.role == "reviewer")
            #expect(
                try await AuditRecord.query(on: app.db).filter(\.$entity == "staff").filter(\.$entityID == account.id!.uuidString).filter(
                    \.$actor == "admin"
                ).sort(\.$at).all().map(\.action) == ["create", "update"])
            // An administrator does not demote themself.
            let me = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "admin").first())
            #expect(
                try await admin.post(
                    SiteURL.adminAccount(me.id!).path, form: [("displayName", "x"), ("role", "editor"), ("agency", DemoSeed.lianfangCode)]
                ).status == .conflict)
        }
    }

    @Test func anAdministratorIssuesAnAPITokenShownOnce_andItSignsAPIWrites() async throws {
        try await withServer(demo: true) { app, admin in
            try await admin.signIn("admin")
            let officer = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-officer").first())
            #expect(try await admin.get(SiteURL.adminAccount(officer.id!).path).body.string.contains("发放令牌"))
            let issued = try await admin.post(SiteURL.adminAccountToken(officer.id!).path, form: [])
            #expect(issued.status == .ok)
            let token = try #require(issued.body.string.firstMatch(of: /<pre>([A-Za-z0-9_-]{40,})<\/pre>/).map { String($0.1) })
            #expect(try #require(try await StaffRecord.find(officer.id, on: app.db)).tokenHash != token)
            let list = try await admin.get(SiteURL.apiApplications.path, headers: ["Authorization": "Bearer \(token)"])
            #expect(list.status == .ok)
            // A second token replaces the first.
            try await admin.get(SiteURL.adminAccount(officer.id!).path)
            try await admin.post(SiteURL.adminAccountToken(officer.id!).path, form: [])
            #expect(try await admin.get(SiteURL.apiApplications.path, headers: ["Authorization": "Bearer \(token)"]).status == .unauthorized)
        }
    }

    @Test func onlyAnAdministratorManages() async throws {
        try await withServer(demo: true) { app, client in
            for username in ["lianfang-editor", "lianfang-reviewer", "district-supervisor"] {
                let user = TestClient(app: app, passwords: client.passwords)
                try await user.signIn(username)
                #expect(try await user.get(SiteURL.admin.path).status == .forbidden, "\(username) opened the admin page")
                #expect(try await user.post(SiteURL.adminNewAgency.path, form: Self.newAgency).status == .forbidden, "\(username) created an agency")
                #expect(
                    try await user.post(
                        SiteURL.adminNewAccount.path,
                        form: [("username", "x-\(username)"), ("displayName", "x"), ("role", "administrator"), ("password", "0123456789ab")]
                    ).status == .forbidden)
            }
            #expect(try await StaffRecord.query(on: app.db).filter(\.$role == "administrator").count() == 1)
            // Without the form's token even the administrator is refused.
            try await client.signIn("admin")
            #expect(try await client.post(SiteURL.adminNewAgency.path, form: Self.newAgency, csrf: false).status == .forbidden)
            #expect(try await AgencyRecord.query(on: app.db).filter(\.$code == "11500106MB1234567X").count() == 0)
        }
    }
}

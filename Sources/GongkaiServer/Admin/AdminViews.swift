import Foundation
import Gongkai
import Plot

/// The administrator's pages: agencies, their categories, and staff accounts.
enum AdminViews {
    static func overview(agencies: [AgencyRecord], accounts: [StaffRecord], viewer: Viewer) -> HTML {
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        return Views.page(
            title: "系统管理", viewer: viewer,
            StaffViews.header(viewer),
            .h2(.text("机关")),
            .p(.a(.href(Views.attr(SiteURL.adminNewAgency.path)), .text("新建机关"))),
            .table(
                .tr(.th(.text("名称")), .th(.text("代码")), .th(.text("类别")), .th(.text("上级机关")), .th(.text("管理"))),
                .forEach(agencies) { agency in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.agency(agency.code).path)), .text(agency.name))),
                        .td(.text(agency.code)),
                        .td(.text(agency.kind.label)),
                        .td(.text(agency.$parent.id.flatMap { names[$0] } ?? "")),
                        .td(
                            .a(.href(Views.attr(SiteURL.adminAgency(agency.code).path)), .text("概况与指南")), .text(" · "),
                            .a(.href(Views.attr(SiteURL.adminCategories(agency.code).path)), .text("目录分类"))
                        )
                    )
                }
            ),
            .h2(.text("工作人员账号")),
            .p(.a(.href(Views.attr(SiteURL.adminNewAccount.path)), .text("新建账号"))),
            .table(
                .tr(.th(.text("用户名")), .th(.text("姓名")), .th(.text("角色")), .th(.text("机关")), .th(.text("状态"))),
                .forEach(accounts) { account in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.adminAccount(account.id!).path)), .text(account.username))),
                        .td(.text(account.displayName)),
                        .td(.text(StaffRole(rawValue: account.role)?.label ?? account.role)),
                        .td(.text(account.$agency.id.flatMap { names[$0] } ?? "")),
                        .td(.text(account.lockedUntil.map { $0 > Date() ? "锁定至\(StaffController.time($0))" : "正常" } ?? "正常"))
                    )
                }
            )
        )
    }

    /// A form of `fields` filled from `values`, each problem beside its field.
    static func form(
        title: String, action: String, fields: [FormField], values: [String: String], problems: [String: String], submit: String, viewer: Viewer,
        after: Node<HTML.BodyContext> = .empty
    ) -> HTML {
        Views.page(
            title: title, viewer: viewer,
            StaffViews.header(viewer),
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.admin.path)), .text("返回系统管理"))),
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text("表单有\(problems.count)处需要修改，见各栏下方说明。"))),
            .form(
                .method(.post), .action(Views.attr(action)),
                StaffViews.csrf(viewer),
                FormViews.fields(fields, values: values, problems: problems),
                .button(.type(.submit), .text(submit))
            ),
            after
        )
    }

    static func tokenForm(_ id: UUID, hasToken: Bool, viewer: Viewer) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(Views.attr(SiteURL.adminAccountToken(id).path)), StaffViews.csrf(viewer),
            .h2(.text("接口令牌")),
            .p(.text(hasToken ? "已发放令牌。重新发放后旧令牌立即失效。" : "尚未发放令牌。令牌供本账号的办公工具调用 /api/v1 的写入接口。")),
            .button(.type(.submit), .text(hasToken ? "重新发放令牌" : "发放令牌"))
        )
    }

    static func token(username: String, token: String, viewer: Viewer) -> HTML {
        Views.page(
            title: "\(username) 的接口令牌", viewer: viewer,
            StaffViews.header(viewer),
            .p(.text("请立即复制保存；本页关闭后无法再次查看。调用时加上请求头 Authorization: Bearer 令牌。")),
            .element(named: "pre", text: token),
            .p(.a(.href(Views.attr(SiteURL.admin.path)), .text("返回系统管理")))
        )
    }

    static func categories(
        agency: AgencyRecord, categories: [CategoryRecord], counts: [UUID: Int], values: [String: String], problems: [String: String], viewer: Viewer
    ) -> HTML {
        let fields = AdminController.categoryFields(categories)
        return form(
            title: "\(agency.name)：目录分类", action: SiteURL.adminCategories(agency.code).path, fields: fields, values: values,
            problems: problems, submit: "添加分类", viewer: viewer,
            after: .group(
                .h2(.text("现有分类")),
                .table(
                    .tr(.th(.text("顺序")), .th(.text("名称")), .th(.text("依据")), .th(.text("已有信息")), .th(.text("修改"))),
                    .forEach(categories) { category in
                        .tr(
                            .td(.text(String(category.position))),
                            .td(.text(category.name)),
                            .td(.text(category.article)),
                            .td(.text(String(counts[category.id!] ?? 0))),
                            .td(
                                .form(
                                    .method(.post), .action(Views.attr(SiteURL.adminCategory(agency.code, category.id!).path)),
                                    StaffViews.csrf(viewer),
                                    .input(
                                        .type(.text), .name("name"), .value(Views.attr(category.name)), .attribute(named: "aria-label", value: "新名称")),
                                    .input(
                                        .type(.text), .name("position"), .value(String(category.position)),
                                        .attribute(named: "aria-label", value: "顺序")),
                                    .button(.type(.submit), .text("保存"))
                                ))
                        )
                    }
                )
            ))
    }
}

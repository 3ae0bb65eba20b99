import Foundation
import Gongkai
import Plot

/// The administrator's overview: every agency and every account.
struct AdminOverviewPage {
    struct Agency {
        var code: String
        var name: String
        var kind: AgencyKind
        var parentName: String
    }

    struct Account {
        var id: UUID
        var username: String
        var displayName: String
        var role: String
        var agencyName: String
        /// Set while the account is locked.
        var lockedUntil: Date?
    }

    var agencies: [Agency]
    var accounts: [Account]
}

/// An agency's categories with how many items each holds.
struct CategoriesPage {
    struct Category {
        var id: UUID
        var name: String
        var article: String
        var position: Int
        var items: Int
    }

    var agency: AgencyRef
    var categories: [Category]
}

/// The administrator's pages: agencies, their categories, and staff accounts.
enum AdminViews {
    static func overview(_ page: AdminOverviewPage, viewer: Viewer) -> HTML {
        let l = viewer.language
        let (agencies, accounts) = (page.agencies, page.accounts)
        return Views.page(
            title: UIText.administration(l), viewer: viewer,
            .p(.a(.href(Views.attr(SiteURL.adminSite.path)), .text(UIText.siteSettingsTitle(l)))),
            .h2(.text(UIText.agency(l))),
            .p(.a(.href(Views.attr(SiteURL.adminNewAgency.path)), .text(UIText.newAgency(l)))),
            .table(
                .tr(
                    .th(.text(UIText.name(l))), .th(.text(UIText.code(l))), .th(.text(UIText.kind(l))), .th(.text(UIText.parentAgency(l))),
                    .th(.text(UIText.manage(l)))),
                .forEach(agencies) { agency in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.agency(agency.code).path)), .text(agency.name))),
                        .td(.text(agency.code)),
                        .td(.text(agency.kind.label(l))),
                        .td(.text(agency.parentName)),
                        .td(
                            .a(.href(Views.attr(SiteURL.adminAgency(agency.code).path)), .text(UIText.profileAndGuide(l))), .text(" · "),
                            .a(.href(Views.attr(SiteURL.adminCategories(agency.code).path)), .text(UIText.categories(l)))
                        )
                    )
                }
            ),
            .h2(.text(UIText.staffAccounts(l))),
            .p(.a(.href(Views.attr(SiteURL.adminNewAccount.path)), .text(UIText.newAccount(l)))),
            .table(
                .tr(
                    .th(.text(UIText.username(l))), .th(.text(UIText.personName(l))), .th(.text(UIText.role(l))), .th(.text(UIText.agency(l))),
                    .th(.text(UIText.status(l)))),
                .forEach(accounts) { account in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.adminAccount(account.id).path)), .text(account.username))),
                        .td(.text(account.displayName)),
                        .td(.text(StaffRole(rawValue: account.role)?.label(l) ?? account.role)),
                        .td(.text(account.agencyName)),
                        .td(
                            .text(
                                account.lockedUntil.map { UIText.lockedUntil(l, StaffController.time($0)) } ?? UIText.active(l)))
                    )
                }
            )
        )
    }

    /// A form of `fields` filled from `values`, each problem beside its field.
    static func form(
        title: String, action: String, fields: [FormField], values: [String: String], problems: [String: Said], submit: String, viewer: Viewer,
        after: Node<HTML.BodyContext> = .empty
    ) -> HTML {
        let l = viewer.language
        return Views.page(
            title: title, viewer: viewer,
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.admin.path)), .text(UIText.backToAdministration(l)))),
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text(UIText.fieldsToChange(l, problems.count)))),
            .form(
                .method(.post), .action(Views.attr(action)),
                StaffViews.csrf(viewer),
                FormViews.fields(fields, values: values, problems: problems.mapValues { $0(l) }),
                .button(.type(.submit), .text(submit))
            ),
            after
        )
    }

    static func tokenForm(_ id: UUID, hasToken: Bool, viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        return .form(
            .method(.post), .action(Views.attr(SiteURL.adminAccountToken(id).path)), StaffViews.csrf(viewer),
            .h2(.text(UIText.apiToken(l))),
            .p(.text(hasToken ? UIText.tokenIssued(l) : UIText.noToken(l))),
            .button(.type(.submit), .text(hasToken ? UIText.reissueToken(l) : UIText.issueToken(l)))
        )
    }

    static func token(username: String, token: String, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.tokenOf(l, username), viewer: viewer,
            .p(.text(UIText.copyTokenNow(l))),
            .element(named: "pre", nodes: [.text(token)]),
            .p(.a(.href(Views.attr(SiteURL.admin.path)), .text(UIText.backToAdministration(l))))
        )
    }

    static func categories(_ page: CategoriesPage, values: [String: String], problems: [String: Said], viewer: Viewer) -> HTML {
        let l = viewer.language
        let (agency, categories) = (page.agency, page.categories)
        let fields = AdminController.categoryFields(categories.map { ($0.id, $0.name) }, l)
        return form(
            title: UIText.categoriesOf(l, agency.name), action: SiteURL.adminCategories(agency.code).path, fields: fields, values: values,
            problems: problems, submit: UIText.addCategory(l), viewer: viewer,
            after: .group(
                .h2(.text(UIText.existingCategories(l))),
                .table(
                    .tr(
                        .th(.text(UIText.order(l))), .th(.text(UIText.name(l))), .th(.text(UIText.basis(l))), .th(.text(UIText.itemCount(l))),
                        .th(.text(UIText.edit(l)))),
                    .forEach(categories) { category in
                        .tr(
                            .td(.text(String(category.position))),
                            .td(.text(category.name)),
                            .td(.text(category.article)),
                            .td(.text(String(category.items))),
                            .td(
                                .form(
                                    .method(.post), .action(Views.attr(SiteURL.adminCategory(agency.code, category.id).path)),
                                    StaffViews.csrf(viewer),
                                    .input(
                                        .type(.text), .name("name"), .value(Views.attr(category.name)),
                                        .attribute(named: "aria-label", value: UIText.newName(l))),
                                    .input(
                                        .type(.text), .name("position"), .value(String(category.position)),
                                        .attribute(named: "aria-label", value: UIText.order(l))),
                                    .button(.type(.submit), .text(UIText.save(l)))
                                ))
                        )
                    }
                )
            ))
    }
}

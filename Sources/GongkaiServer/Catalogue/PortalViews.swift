import Foundation
import Gongkai
import Plot

/// The public portal's pages: each a function from its page model to HTML.
enum PortalViews {
    static func home(agencies: [AgencyDTO], latest: [ItemDTO], viewer: Viewer) -> HTML {
        let roots = agencies.filter { $0.parentCode == nil }
        func tree(_ parent: AgencyDTO) -> Node<HTML.ListContext> {
            let children = agencies.filter { $0.parentCode == parent.code && $0.kind.takesApplications }
            return .li(
                .a(.href(Views.attr(SiteURL.agency(parent.code).path)), .text(parent.name)),
                .if(!children.isEmpty, .ul(.forEach(children) { tree($0) }))
            )
        }
        return Views.page(
            title: roots.first.map { "\($0.name)政府信息公开" } ?? "政府信息公开",
            viewer: viewer,
            .section(.h2(.text("机关")), .ul(.forEach(roots) { tree($0) })),
            .section(.h2(.text("最新公开")), Views.itemList(latest, showAgency: true))
        )
    }

    static func agencyNav(_ agency: AgencyDTO) -> Node<HTML.BodyContext> {
        .element(
            named: "nav",
            nodes: [
                .attribute(named: "aria-label", value: "本机关"),
                .p(
                    .a(.href(Views.attr(SiteURL.guide(agency.code).path)), .text("公开指南")), .text(" · "),
                    .a(.href(Views.attr(SiteURL.catalogue(agency.code).path)), .text("公开目录")), .text(" · "),
                    .a(.href(Views.attr(SiteURL.notices(agency.code).path)), .text("公示")), .text(" · "),
                    .a(.href(Views.attr(SiteURL.reports(agency.code).path)), .text("年度报告")), .text(" · "),
                    // A community (居民委员会) only posts on its boards; applications go to its subdistrict or town.
                    agency.kind.takesApplications
                        ? .group(.a(.href(Views.attr(SiteURL.apply(agency.code).path)), .text("申请公开")), .text(" · "))
                        : .unwrap(agency.parentCode) {
                            .group(.a(.href(Views.attr(SiteURL.apply($0).path)), .text("申请公开（向所属街道、镇提出）")), .text(" · "))
                        },
                    .a(.href(Views.attr(SiteURL.applicationStatus.path)), .text("申请查询")), .text(" · "),
                    .a(.href(Views.attr(SiteURL.complaints(agency.code).path)), .text("投诉举报")), .text(" · "),
                    .a(.href(Views.attr(SiteURL.feed(agency.code).path)), .text("订阅（Atom）"))
                ),
            ])
    }

    static func crumbs(_ agency: AgencyDTO) -> [(String, String)] {
        [("首页", SiteURL.home.path), (agency.name, SiteURL.agency(agency.code).path)]
    }

    static func agency(
        _ agency: AgencyDTO, children: [AgencyDTO], categories: [CategoryDTO], latest: [ItemDTO], notices: [ItemDTO], viewer: Viewer
    ) -> HTML {
        Views.page(
            title: agency.name, viewer: viewer, crumbs: [("首页", SiteURL.home.path)],
            agencyNav(agency),
            .section(
                .h2(.text("机关概况")),
                .table(
                    .class("meta"),
                    .tr(.th(.text("机构职能")), .td(Views.safeText(agency.functions))),
                    .tr(.th(.text("机构设置")), .td(Views.safeText(agency.organisation))),
                    .tr(.th(.text("办公地址")), .td(.text(agency.address))),
                    .tr(.th(.text("办公时间")), .td(.text(agency.officeHours))),
                    .tr(.th(.text("联系电话")), .td(.text(agency.phone))),
                    .tr(.th(.text("负责人")), .td(.text(agency.headName)))
                )
            ),
            .if(!notices.isEmpty, .section(.class("notice"), .h2(.text("正在公示")), Views.itemList(notices))),
            .section(.h2(.text("最新公开")), Views.itemList(latest)),
            .section(
                .h2(.text("目录分类")),
                .ul(
                    .forEach(categories.filter { $0.parentID == nil }) { category in
                        .li(.a(.href(Views.attr(SiteURL.catalogue(agency.code, category: category.id).path)), .text(category.name)))
                    })
            ),
            .if(
                !children.isEmpty,
                .section(
                    .h2(.text("下属机关和社区公开栏")),
                    .ul(
                        .forEach(children) { child in
                            .li(
                                .a(.href(Views.attr(SiteURL.agency(child.code).path)), .text(child.name)),
                                .span(.class("date"), .text(child.kind.label)))
                        })
                ))
        )
    }

    static func guide(_ agency: AgencyDTO, categories: [CategoryDTO], viewer: Viewer) -> HTML {
        Views.page(
            title: "\(agency.name)政府信息公开指南", viewer: viewer, crumbs: crumbs(agency),
            .p(.text("依据《中华人民共和国政府信息公开条例》第十二条编制。")),
            Views.safeText(agency.guide),
            .h2(.text("主动公开的信息分类")),
            .ul(.forEach(categories.filter { $0.parentID == nil }) { .li(.text($0.name), .span(.class("date"), .text($0.article))) }),
            .h2(.text("依申请公开的办理机构")),
            .table(
                .class("meta"),
                .tr(.th(.text("办理机构")), .td(.text(agency.disclosureOffice))),
                .tr(.th(.text("地址")), .td(.text(agency.address))),
                .tr(.th(.text("办公时间")), .td(.text(agency.officeHours))),
                .tr(.th(.text("电话")), .td(.text(agency.phone))),
                .tr(.th(.text("传真")), .td(.text(agency.fax))),
                .tr(.th(.text("电子邮箱")), .td(.text(agency.email)))
            )
        )
    }

    static func catalogue(
        _ agency: AgencyDTO, categories: [CategoryDTO], selected: UUID?, year: Int?, items: ListPage<ItemDTO>, today: Day, viewer: Viewer
    ) -> HTML {
        let current = categories.first { $0.id == selected }
        let thisYear = today.year
        return Views.page(
            title: "\(agency.name)政府信息公开目录" + (current.map { "：\($0.name)" } ?? ""), viewer: viewer, crumbs: crumbs(agency),
            filterForm(agency, categories: categories, selected: selected, year: year, thisYear: thisYear),
            Views.itemList(items.items, pastTheEnd: items.items.isEmpty && items.total > 0 ? items.page : nil, language: viewer.language),
            Views.pagination(page: items.page, total: items.total, perPage: items.perPage, language: viewer.language) {
                SiteURL.catalogue(agency.code, category: selected, year: year, page: $0).path
            }
        )
    }

    static func filterForm(_ agency: AgencyDTO, categories: [CategoryDTO], selected: UUID?, year: Int?, thisYear: Int) -> Node<HTML.BodyContext> {
        let categoryOptions: [Node<HTML.SelectContext>] =
            [Views.option("", "全部")] + categories.map { Views.option($0.id.uuidString, $0.name, selected: $0.id == selected) }
        let yearOptions: [Node<HTML.SelectContext>] =
            [Views.option("", "全部")] + (2015...thisYear).reversed().map { Views.option(String($0), "\($0)年", selected: $0 == year) }
        return .form(
            .method(.get), .action(SiteURL.catalogue(agency.code).path), .class("noprint"),
            .label(.attribute(named: "for", value: "category"), .text("分类")),
            .select(.attribute(named: "name", value: "category"), .id("category"), .group(categoryOptions)),
            .label(.attribute(named: "for", value: "year"), .text("年份")),
            .select(.attribute(named: "name", value: "year"), .id("year"), .group(yearOptions)),
            .button(.type(.submit), .text("筛选"))
        )
    }

    struct VersionLink {
        var version: Int
        var publishedOn: String
        var path: String
        var current: Bool
        var state: String
    }

    static func item(_ item: ItemDTO, versions: [VersionLink], attachments: [(String, Int, String)], viewer: Viewer) -> HTML {
        let agency = (item.agencyName, SiteURL.agency(item.agencyCode).path)
        return Views.page(
            title: item.title, viewer: viewer,
            crumbs: [("首页", SiteURL.home.path), agency, ("公开目录", SiteURL.catalogue(item.agencyCode).path)],
            .if(
                item.state != PublicationState.published.rawValue,
                .p(.class("notice"), .text("本信息\(PublicationState(rawValue: item.state)?.label ?? item.state)，以下为原发布内容，仅供查阅。"))),
            .table(
                .class("meta"),
                .tr(.th(.text("索引号")), .td(.text(item.indexNumber))),
                .tr(.th(.text("分类")), .td(.text(item.categoryName))),
                .tr(.th(.text("发布机构")), .td(.text(item.issuingAgency))),
                .tr(.th(.text("文号")), .td(.text(item.documentNumber.isEmpty ? "无" : item.documentNumber))),
                .tr(.th(.text("生成日期")), .td(.text(item.writtenOn))),
                .tr(.th(.text("发布日期")), .td(.text(item.publishedOn ?? ""))),
                .unwrap(item.validity.flatMap(Validity.init(rawValue:))) { .tr(.th(.text("有效性")), .td(.text($0.label))) },
                .tr(
                    .th(.text("公开方式")),
                    .td(
                        .text(
                            item.channels.compactMap { PublicationChannel(rawValue: $0)?.label }.joined(separator: "、")
                                + (item.bulletinPlace.isEmpty ? "" : "（\(item.bulletinPlace)）")))),
                .unwrap(item.postingFrom) { from in .tr(.th(.text("公示期")), .td(.text("\(from) 至 \(item.postingTo ?? "")"))) }
            ),
            .article(Views.safeText(item.body)),
            .if(
                !attachments.isEmpty,
                .section(
                    .h2(.text("附件")), .ul(.forEach(attachments) { .li(.a(.href(Views.attr($0.2)), .text($0.0)), .text("（\($0.1 / 1024 + 1) KB）")) }))),
            .if(
                versions.count > 1,
                .section(
                    .h2(.text("版本记录")),
                    .ul(
                        .forEach(versions) { v in
                            .li(
                                v.current
                                    ? .text("第\(v.version)版，\(v.publishedOn)发布（本页）")
                                    : .a(
                                        .href(Views.attr(v.path)),
                                        .text("第\(v.version)版，\(v.publishedOn)发布\(v.state == PublicationState.superseded.rawValue ? "（已被替代）" : "")")))
                        })))
        )
    }

    static func notices(_ agency: AgencyDTO, items: [ItemDTO], today: Day, viewer: Viewer) -> HTML {
        Views.page(
            title: "\(agency.name)正在公示的信息", viewer: viewer, crumbs: crumbs(agency),
            .p(.text("截至\(today.iso)，以下信息处于公示期内。")),
            .ul(
                .class("items"),
                .forEach(items) { item in
                    .li(
                        .a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text(item.title)),
                        .span(.class("date"), .text("公示期 \(item.postingFrom ?? "") 至 \(item.postingTo ?? "")")))
                }),
            .if(items.isEmpty, .p(.text("目前没有处于公示期的信息。")))
        )
    }

    static func reports(_ agency: AgencyDTO, versions: [(year: Int, version: Int, publishedOn: String)], items: [ItemDTO], viewer: Viewer) -> HTML {
        Views.page(
            title: "\(agency.name)政府信息公开工作年度报告", viewer: viewer, crumbs: crumbs(agency),
            .p(.text("依据《中华人民共和国政府信息公开条例》第四十九条、第五十条公布。")),
            versions.isEmpty
                ? .empty
                : .ul(
                    .forEach(versions) { entry in
                        .li(
                            .a(
                                .href(Views.attr(SiteURL.annualReport(agency.code, entry.year, version: entry.version).path)),
                                .text("\(agency.name)\(entry.year)年政府信息公开工作年度报告" + (entry.version > 1 ? "（第\(entry.version)版，更正）" : ""))),
                            .text(" \(entry.publishedOn)"))
                    }),
            // The published reports above, then any report posted as a catalogue item; "none" only when both are empty.
            items.isEmpty && !versions.isEmpty ? .empty : Views.itemList(items)
        )
    }

    static func searchForm(query: String, agencyCode: String?, year: Int?, agencies: [(String, String)]) -> Node<HTML.BodyContext> {
        let agencyOptions: [Node<HTML.SelectContext>] =
            [Views.option("", "全部机关")] + agencies.map { Views.option($0.0, $0.1, selected: $0.0 == agencyCode) }
        return .form(
            .method(.get), .action(SiteURL.search(query: "").path), .attribute(named: "role", value: "search"),
            .label(.attribute(named: "for", value: "q"), .text("关键词")),
            .input(.type(.search), .name("q"), .id("q"), .value(Views.attr(query))),
            .label(.attribute(named: "for", value: "agency"), .text("机关")),
            .select(.attribute(named: "name", value: "agency"), .id("agency"), .group(agencyOptions)),
            .label(.attribute(named: "for", value: "year"), .text("年份")),
            .input(.type(.text), .name("year"), .id("year"), .value(Views.attr(year.map(String.init) ?? ""))),
            .button(.type(.submit), .text("搜索"))
        )
    }

    static func search(
        query: String, agencyCode: String?, category: UUID?, year: Int?, results: ListPage<SearchHitDTO>, agencies: [(String, String)], viewer: Viewer
    ) -> HTML {
        Views.page(
            title: query.isEmpty ? "搜索" : "搜索：\(query)", viewer: viewer, crumbs: [("首页", SiteURL.home.path)],
            searchForm(query: query, agencyCode: agencyCode, year: year, agencies: agencies),
            .if(!query.isEmpty, .p(.text(results.totalIsCapped ? "找到超过\(results.total)条结果，请增加检索词或按机关、年份筛选。" : "共找到\(results.total)条结果。"))),
            .ul(
                .class("items"),
                .forEach(results.items) { hit in
                    .li(
                        .a(.href(Views.attr(SiteURL.item(hit.item.agencyCode, hit.item.id).path)), Views.highlighted(hit.item.title, query)),
                        .span(.class("date"), .text("\(hit.item.agencyName) \(hit.item.publishedOn ?? "")")),
                        .p(.small(Views.highlighted(hit.snippet, query)))
                    )
                }),
            Views.pagination(page: results.page, total: results.total, perPage: results.perPage, language: viewer.language) {
                SiteURL.search(query: query, agency: agencyCode, category: category, year: year, page: $0).path
            }
        )
    }
}

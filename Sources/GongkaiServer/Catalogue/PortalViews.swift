import Foundation
import Gongkai
import Plot
import Vapor

/// The public portal's pages: each a function from its page model to HTML.
enum PortalViews {
    /// An agency's annual report on the year before, as the home page lists it.
    struct HomeReport {
        var code: String
        var name: String
        /// The day its first version was published; nil while it is not.
        var published: String?
        var due: String
        var overdue: Bool
    }

    static func home(agencies: [AgencyDTO], latest: [ItemDTO], notices: [ItemDTO], reports: [HomeReport], year: Int, viewer: Viewer) -> HTML {
        let l = viewer.language
        let roots = agencies.filter { $0.parentCode == nil }
        let groups: [(UIText, [AgencyKind])] = [
            (.homeGovernment, [.districtGovernment]), (.homeDepartments, [.department]), (.homeSubdistricts, [.subdistrict]), (.homeTowns, [.town]),
        ]
        func link(_ agency: AgencyDTO) -> Node<HTML.ListContext> {
            let communities = agencies.filter { $0.parentCode == agency.code && $0.kind == .community }
            return .li(
                .a(.href(Views.attr(SiteURL.agency(agency.code).path)), .text(agency.name)),
                .if(
                    !communities.isEmpty,
                    .ul(
                        .class("communities"),
                        .forEach(communities) { .li(.a(.href(Views.attr(SiteURL.agency($0.code).path)), .text($0.name))) })))
        }
        return Views.page(
            title: roots.first.map { UIText.agencyDisclosure(l, $0.name) } ?? UIText.disclosure(l),
            viewer: viewer,
            .div(
                .class("home-grid"),
                .section(
                    .class("home-agencies"), .h2(.text(UIText.agencies(l))),
                    .forEach(groups) { label, kinds in
                        let members = agencies.filter { kinds.contains($0.kind) }
                        return .if(!members.isEmpty, .group(.h3(.text(label(l))), .ul(.class("agency-list"), .forEach(members) { link($0) })))
                    }),
                .div(
                    .class("home-news"),
                    .if(
                        !notices.isEmpty,
                        .section(
                            .class("notice"), .h2(.text(UIText.onNoticeNow(l))),
                            .ul(
                                .class("items"),
                                .forEach(notices.prefix(10)) { item in
                                    .li(
                                        .a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text(item.title)),
                                        .span(
                                            .class("date"),
                                            .text(item.agencyName + " " + UIText.noticeRange(l, item.postingFrom ?? "", item.postingTo ?? ""))))
                                }))),
                    .section(.h2(.text(UIText.latest(l))), Views.itemList(latest, showAgency: true, language: l)),
                    .section(
                        .h2(.text(UIText.homeReports(l, year))),
                        .ul(
                            .class("items"),
                            .forEach(reports) { report in
                                .li(
                                    .text(report.name + " "),
                                    report.published.map { day in
                                        .a(.href(Views.attr(SiteURL.annualReport(report.code, year).path)), .text(UIText.homeReportPublished(l, day)))
                                    }
                                        ?? .span(
                                            .class("date"),
                                            .text(report.overdue ? UIText.homeReportOverdue(l, report.due) : UIText.homeReportDue(l, report.due))))
                            }),
                        .p(.class("noprint"), .a(.href(Views.attr(SiteURL.reportCheck.path)), .text(UIText.checkerLink(l)))))
                )
            )
        )
    }

    static func crumbs(_ agency: AgencyDTO, _ l: Language) -> [(String, String)] {
        [(UIText.home(l), SiteURL.home.path), (agency.name, SiteURL.agency(agency.code).path)]
    }

    static func agency(
        _ agency: AgencyDTO, children: [AgencyDTO], categories: [CategoryDTO], latest: [ItemDTO], notices: [ItemDTO], viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        return Views.page(
            title: agency.name, viewer: viewer, crumbs: [(UIText.home(l), SiteURL.home.path)],
            .section(
                .h2(.text(UIText.agencyProfile(l))),
                .table(
                    .class("meta"),
                    .tr(.th(.text(UIText.functions(l))), .td(Views.safeText(agency.functions))),
                    .tr(.th(.text(UIText.organisation(l))), .td(Views.safeText(agency.organisation))),
                    .tr(.th(.text(UIText.officeAddress(l))), .td(.text(agency.address))),
                    .tr(.th(.text(UIText.officeHours(l))), .td(.text(agency.officeHours))),
                    .tr(.th(.text(UIText.telephone(l))), .td(.text(agency.phone))),
                    .tr(.th(.text(UIText.headOfAgency(l))), .td(.text(agency.headName)))
                )
            ),
            .if(!notices.isEmpty, .section(.class("notice"), .h2(.text(UIText.onNoticeNow(l))), Views.itemList(notices, language: l))),
            .section(.h2(.text(UIText.latest(l))), Views.itemList(latest, language: l)),
            .section(
                .h2(.text(UIText.categories(l))),
                .ul(
                    .forEach(categories.filter { $0.parentID == nil }) { category in
                        .li(.a(.href(Views.attr(SiteURL.catalogue(agency.code, category: category.id).path)), .text(category.name)))
                    })
            ),
            .if(
                !children.isEmpty,
                .section(
                    .h2(.text(UIText.subordinates(l))),
                    .ul(
                        .forEach(children) { child in
                            .li(
                                .a(.href(Views.attr(SiteURL.agency(child.code).path)), .text(child.name)),
                                .span(.class("date"), .text(child.kind.label(l))))
                        })
                ))
        )
    }

    static func guide(_ agency: AgencyDTO, categories: [CategoryDTO], viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.guideTitle(l, agency.name), viewer: viewer, crumbs: crumbs(agency, l),
            .p(.text(UIText.guideBasis(l))),
            Views.safeText(agency.guide),
            .h2(.text(UIText.proactiveCategories(l))),
            .ul(.forEach(categories.filter { $0.parentID == nil }) { .li(.text($0.name), .span(.class("date"), .text($0.article))) }),
            .h2(.text(UIText.applicationOffice(l))),
            .table(
                .class("meta"),
                .tr(.th(.text(UIText.office(l))), .td(.text(agency.disclosureOffice))),
                .tr(.th(.text(UIText.address(l))), .td(.text(agency.address))),
                .tr(.th(.text(UIText.officeHours(l))), .td(.text(agency.officeHours))),
                .tr(.th(.text(UIText.phone(l))), .td(.text(agency.phone))),
                .tr(.th(.text(UIText.fax(l))), .td(.text(agency.fax))),
                .tr(.th(.text(UIText.email(l))), .td(.text(agency.email)))
            )
        )
    }

    static func catalogue(
        _ agency: AgencyDTO, categories: [CategoryDTO], selected: UUID?, year: Int?, items: ListPage<ItemDTO>, today: Day, viewer: Viewer
    ) -> HTML {
        let current = categories.first { $0.id == selected }
        let thisYear = today.year
        let l = viewer.language
        return Views.page(
            title: current.map { UIText.catalogueCategoryTitle(l, agency.name, $0.name) } ?? UIText.catalogueTitle(l, agency.name), viewer: viewer,
            crumbs: crumbs(agency, l),
            filterForm(agency, categories: categories, selected: selected, year: year, thisYear: thisYear, l),
            Views.itemList(items.items, pastTheEnd: items.items.isEmpty && items.total > 0 ? items.page : nil, language: viewer.language),
            Views.pagination(page: items.page, total: items.total, perPage: items.perPage, language: viewer.language) {
                SiteURL.catalogue(agency.code, category: selected, year: year, page: $0).path
            }
        )
    }

    static func filterForm(
        _ agency: AgencyDTO, categories: [CategoryDTO], selected: UUID?, year: Int?, thisYear: Int, _ l: Language
    ) -> Node<
        HTML.BodyContext
    > {
        let categoryOptions: [Node<HTML.SelectContext>] =
            [Views.option("", UIText.all(l))] + categories.map { Views.option($0.id.uuidString, $0.name, selected: $0.id == selected) }
        let yearOptions: [Node<HTML.SelectContext>] =
            [Views.option("", UIText.all(l))]
            + (2015...thisYear).reversed().map { Views.option(String($0), UIText.yearOption(l, $0), selected: $0 == year) }
        return .form(
            .method(.get), .action(SiteURL.catalogue(agency.code).path), .class("noprint"),
            .label(.attribute(named: "for", value: "category"), .text(UIText.category(l))),
            .select(.attribute(named: "name", value: "category"), .id("category"), .group(categoryOptions)),
            .label(.attribute(named: "for", value: "year"), .text(UIText.year(l))),
            .select(.attribute(named: "name", value: "year"), .id("year"), .group(yearOptions)),
            .button(.type(.submit), .text(UIText.filter(l)))
        )
    }

    struct VersionLink {
        var version: Int
        var publishedOn: String
        var path: String
        var current: Bool
        var state: String
    }

    /// An item's page; `withdrawnOn` (the day, or empty when not known) for a withdrawn item, which shows only its
    /// catalogue entry.
    /// An attachment as an item page lists it: its name, type and size, and where it downloads.
    struct AttachmentLink {
        var name: String
        var size: Int
        var type: String
        var path: String

        /// The kind of file in words (PDF, Word …), from its stored type, else its name's extension.
        var kind: String {
            let known: [(String, String)] = [
                ("application/pdf", "PDF"), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
                ("application/msword", "Word"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
                ("application/vnd.ms-excel", "Excel"), ("image/jpeg", "JPEG"), ("image/png", "PNG"), ("text/plain", "TXT"),
                ("application/zip", "ZIP"), ("application/ofd", "OFD"),
            ]
            if let word = known.first(where: { type.hasPrefix($0.0) })?.1 { return word }
            let ext = (name as NSString).pathExtension.uppercased()
            return ext.isEmpty ? type : ext
        }
    }

    /// A link to another item: its title, address and the day it was published.
    struct ItemLink {
        var title: String
        var path: String
        var date: String
    }

    static func item(
        _ item: ItemDTO, versions: [VersionLink], attachments: [AttachmentLink], withdrawnOn: String? = nil, address: String? = nil,
        interprets: ItemLink? = nil, interpretations: [ItemLink] = [], viewer: Viewer
    )
        -> HTML
    {
        let agency = (item.agencyName, SiteURL.agency(item.agencyCode).path)
        let l = viewer.language
        return Views.page(
            title: item.title, viewer: viewer,
            crumbs: [(UIText.home(l), SiteURL.home.path), agency, (UIText.catalogue(l), SiteURL.catalogue(item.agencyCode).path)],
            .unwrap(withdrawnOn) { .p(.class("notice"), .text(UIText.itemWithdrawn(l, $0.isEmpty ? "" : UIText.onDay(l, $0)))) },
            .if(
                item.state != PublicationState.published.rawValue && withdrawnOn == nil,
                .p(.class("notice"), .text(UIText.noLongerInForce(l, PublicationState(rawValue: item.state)?.label(l) ?? item.state)))),
            .table(
                .class("meta"),
                .tr(.th(.text(UIText.indexNumber(l))), .td(.text(item.indexNumber))),
                .tr(.th(.text(UIText.category(l))), .td(.text(item.categoryName))),
                .tr(.th(.text(UIText.issuedBy(l))), .td(.text(item.issuingAgency))),
                .tr(.th(.text(UIText.documentNumber(l))), .td(.text(item.documentNumber.isEmpty ? UIText.noneGiven(l) : item.documentNumber))),
                .tr(.th(.text(UIText.writtenOn(l))), .td(.text(item.writtenOn))),
                .tr(.th(.text(UIText.publishedOn(l))), .td(.text(item.publishedOn ?? ""))),
                .unwrap(item.validity.flatMap(Validity.init(rawValue:))) { .tr(.th(.text(UIText.validity(l))), .td(.text($0.label(l)))) },
                .tr(
                    .th(.text(UIText.publishedThrough(l))),
                    .td(
                        .text(
                            item.channels.compactMap { PublicationChannel(rawValue: $0)?.label(l) }.joined(separator: l == .en ? ", " : "、")
                                + (item.bulletinPlace.isEmpty ? "" : l == .en ? " (\(item.bulletinPlace))" : "（\(item.bulletinPlace)）")))),
                .unwrap(item.postingFrom) { from in
                    .tr(.th(.text(UIText.postingPeriod(l))), .td(.text(UIText.dateRange(l, from, item.postingTo ?? ""))))
                }
            ),
            .unwrap(interprets) { policy in
                .p(.class("interprets"), .text(UIText.interpretationOf(l)), .a(.href(Views.attr(policy.path)), .text("《\(policy.title)》")))
            },
            .if(withdrawnOn == nil, .article(Views.safeText(item.body))),
            .if(
                !interpretations.isEmpty,
                .section(
                    .class("interpretations"), .h2(.text(UIText.interpretationsOfThis(l))),
                    .ul(.forEach(interpretations) { .li(.a(.href(Views.attr($0.path)), .text($0.title)), .span(.class("date"), .text($0.date))) }))),
            .if(
                !attachments.isEmpty,
                .section(
                    .h2(.text(UIText.attachments(l))),
                    .ul(
                        .class("attachments"),
                        .forEach(attachments) { file in
                            .li(
                                .a(.href(Views.attr(file.path)), .text(file.name)),
                                .span(.class("date"), .text(file.kind + " · " + ByteCount.describe(file.size))))
                        }))),
            .unwrap(address) { address in
                .p(.class("share noprint"), .text(UIText.thisPageAddress(l) + " "), .a(.href(Views.attr(address)), .text(address)))
            },
            .if(
                versions.count > 1,
                .section(
                    .h2(.text(UIText.versions(l))),
                    .ul(
                        .forEach(versions) { v in
                            .li(
                                v.current
                                    ? .text(UIText.thisVersion(l, v.version, v.publishedOn))
                                    : .a(
                                        .href(Views.attr(v.path)),
                                        .text(
                                            UIText.otherVersion(l, v.version, v.publishedOn)
                                                + (v.state == PublicationState.superseded.rawValue ? UIText.supersededMark(l) : ""))))
                        })))
        )
    }

    static func notices(_ agency: AgencyDTO, items: [ItemDTO], today: Day, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.noticesTitle(l, agency.name), viewer: viewer, crumbs: crumbs(agency, l),
            .p(.text(UIText.noticesAsOf(l, today.iso))),
            .ul(
                .class("items"),
                .forEach(items) { item in
                    .li(
                        .a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text(item.title)),
                        .span(.class("date"), .text(UIText.noticeRange(l, item.postingFrom ?? "", item.postingTo ?? ""))))
                }),
            .if(items.isEmpty, .p(.text(UIText.noNotices(l))))
        )
    }

    static func reports(_ agency: AgencyDTO, versions: [(year: Int, version: Int, publishedOn: String)], items: [ItemDTO], viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.reportsTitle(l, agency.name), viewer: viewer, crumbs: crumbs(agency, l),
            .p(.text(UIText.reportsBasis(l))),
            versions.isEmpty
                ? .empty
                : .ul(
                    .forEach(versions) { entry in
                        .li(
                            .a(
                                .href(Views.attr(SiteURL.annualReport(agency.code, entry.year, version: entry.version).path)),
                                .text(
                                    UIText.reportName(l, agency.name, entry.year)
                                        + (entry.version > 1 ? UIText.correctedVersion(l, entry.version) : ""))),
                            .text(" \(entry.publishedOn)"))
                    }),
            // The published reports above, then any report posted as a catalogue item; "none" only when both are empty.
            items.isEmpty && !versions.isEmpty ? .empty : Views.itemList(items, language: l),
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.reportCheck.path)), .text(UIText.checkerLink(l))))
        )
    }

    /// The search form: the words, the agency (all, or one — the scope of an agency's own search box), once an agency
    /// is chosen its categories, and the year published, each a select; and the button.
    static func searchForm(
        query: String, agencyCode: String?, category: UUID?, year: Int?, agencies: [(String, String)], categories: [(UUID, String)],
        thisYear: Int, _ l: Language
    ) -> Node<HTML.BodyContext> {
        let agencyOptions: [Node<HTML.SelectContext>] =
            [Views.option("", UIText.allAgencies(l))] + agencies.map { Views.option($0.0, $0.1, selected: $0.0 == agencyCode) }
        let years = Array((2008...max(thisYear, 2008)).reversed())
        let yearOptions: [Node<HTML.SelectContext>] =
            [Views.option("", UIText.allYears(l))] + years.map { Views.option(String($0), String($0), selected: $0 == year) }
        let categoryOptions: [Node<HTML.SelectContext>] =
            [Views.option("", UIText.allCategories(l))] + categories.map { Views.option($0.0.uuidString, $0.1, selected: $0.0 == category) }
        return .form(
            .class("search-form"), .method(.get), .action(SiteURL.search(query: "").path), .attribute(named: "role", value: "search"),
            .label(.attribute(named: "for", value: "q"), .text(UIText.keywords(l))),
            .input(.type(.search), .name("q"), .id("q"), .value(Views.attr(query)), .attribute(named: "maxlength", value: "100")),
            .label(.attribute(named: "for", value: "agency"), .text(UIText.agency(l))),
            .select(.attribute(named: "name", value: "agency"), .id("agency"), .group(agencyOptions)),
            .if(
                !categories.isEmpty,
                .group(
                    .label(.attribute(named: "for", value: "category"), .text(UIText.category(l))),
                    .select(.attribute(named: "name", value: "category"), .id("category"), .group(categoryOptions)))),
            .label(.attribute(named: "for", value: "year"), .text(UIText.year(l))),
            .select(.attribute(named: "name", value: "year"), .id("year"), .group(yearOptions)),
            .button(.type(.submit), .text(UIText.searchLabel(l)))
        )
    }

    static func search(
        query: String, agencyCode: String?, category: UUID?, year: Int?, results: ListPage<SearchHitDTO>, agencies: [(String, String)],
        categories: [(UUID, String)] = [], thisYear: Int, viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        return Views.page(
            title: query.isEmpty ? UIText.searchLabel(l) : UIText.searchTitle(l, query), viewer: viewer,
            crumbs: [(UIText.home(l), SiteURL.home.path)],
            searchForm(
                query: query, agencyCode: agencyCode, category: category, year: year, agencies: agencies, categories: categories, thisYear: thisYear,
                l),
            .if(!query.isEmpty, .p(.text(results.totalIsCapped ? UIText.moreResultsThan(l, results.total) : UIText.results(l, results.total)))),
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

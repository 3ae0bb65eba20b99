import Foundation
import Gongkai
import Plot

/// The frame of an agency's pages, as a government disclosure platform lays it out (政府网站发展指引, 国办发〔2017〕47号):
/// the agency's banner, and its 政府信息公开 column set as navigation — a column on the left on a desktop, a block of
/// links above the page on a phone — with a search box scoped to the agency.
struct AgencyFrame: Sendable {
    /// Which column a page belongs to (marked `aria-current` in the navigation).
    enum Column: Sendable {
        case home, guide, catalogue, notices, reports, apply, complaints
    }

    var code: String
    var name: String
    var takesApplications: Bool
    var parentCode: String?
    /// The top-level catalogue categories: the 第二十条 kinds and the agency's own columns.
    var categories: [(id: UUID, name: String)]
    /// The category of the guide and the rules of the agency's disclosure work (第十二条), if it has one: the
    /// column 政府信息公开制度.
    var rules: UUID? = nil
    var current: Column
    var currentCategory: UUID? = nil
}

extension Catalogue {
    /// The frame of `agency`'s pages: its top-level categories (`categories`, when the page has read them already, else
    /// one query) and, for a community, which applies through its parent, that parent's code.
    func frame(
        _ agency: AgencyRecord, _ current: AgencyFrame.Column, category: UUID? = nil, categories known: [CategoryRecord]? = nil
    ) async throws -> AgencyFrame {
        let all: [CategoryRecord]
        if let known { all = known } else { all = try await categories(of: agency) }
        // The guide and rules (第十二条) and the annual reports (第五十条) have columns of their own.
        let top = all.filter { $0.$parent.id == nil }
        let rules = top.first { $0.article == "第十二条" }
        let categories = top.filter { $0.article != "第十二条" && $0.article != "第五十条" }
        let parentCode =
            agency.kind.takesApplications ? nil : try await agency.$parent.id.asyncMap { try await AgencyRecord.find($0, on: db)?.code } ?? nil
        return AgencyFrame(
            code: agency.code, name: agency.name, takesApplications: agency.kind.takesApplications, parentCode: parentCode,
            categories: try categories.map { (try $0.requireID(), $0.name) }, rules: rules?.id, current: current, currentCategory: category)
    }
}

extension Views {
    /// The agency's banner: its name over the words 政府信息公开.
    static func banner(_ frame: AgencyFrame, _ l: Language) -> Node<HTML.BodyContext> {
        .div(
            .class("agency-banner"),
            .a(.href(Views.attr(SiteURL.agency(frame.code).path)), .span(.class("agency-name"), .text(frame.name))),
            .span(.class("agency-column"), .text(UIText.disclosure(l)))
        )
    }

    /// The agency's column set, with the scoped search box above it.
    static func columns(_ frame: AgencyFrame, _ l: Language) -> Node<HTML.BodyContext> {
        func link(_ column: AgencyFrame.Column, _ path: String, _ label: String, _ more: Node<HTML.BodyContext> = .empty) -> Node<HTML.ListContext> {
            let here = column == frame.current && frame.currentCategory == nil
            return .li(
                .a(.href(Views.attr(path)), here ? .attribute(named: "aria-current", value: "page") : .empty, .text(label)),
                more)
        }
        let apply: Node<HTML.ListContext> =
            frame.takesApplications
            ? link(.apply, SiteURL.apply(frame.code).path, UIText.columnApply(l))
            : frame.parentCode.map { link(.apply, SiteURL.apply($0).path, UIText.applyThroughParent(l)) } ?? .empty
        return .element(
            named: "nav",
            nodes: [
                .class("columns noprint"), .attribute(named: "aria-label", value: UIText.columnsLabel(l, frame.name)),
                .form(
                    .class("scoped-search"), .method(.get), .action(SiteURL.search(query: "").path), .attribute(named: "role", value: "search"),
                    .label(.attribute(named: "for", value: "agency-q"), .text(UIText.searchThisAgency(l))),
                    .input(.type(.hidden), .name("agency"), .value(Views.attr(frame.code))),
                    .input(.type(.search), .name("q"), .id("agency-q"), .attribute(named: "maxlength", value: "100")),
                    .button(.type(.submit), .text(UIText.searchLabel(l)))
                ),
                .ul(
                    link(.home, SiteURL.agency(frame.code).path, UIText.columnHome(l)),
                    link(.guide, SiteURL.guide(frame.code).path, UIText.columnGuide(l)),
                    .unwrap(frame.rules) { rules in
                        .li(
                            .a(
                                .href(Views.attr(SiteURL.catalogue(frame.code, category: rules).path)),
                                frame.currentCategory == rules ? .attribute(named: "aria-current", value: "page") : .empty,
                                .text(UIText.columnRules(l))))
                    },
                    link(
                        .catalogue, SiteURL.catalogue(frame.code).path, UIText.columnProactive(l),
                        .ul(
                            .class("sub"),
                            .forEach(frame.categories) { category in
                                .li(
                                    .a(
                                        .href(Views.attr(SiteURL.catalogue(frame.code, category: category.id).path)),
                                        frame.currentCategory == category.id ? .attribute(named: "aria-current", value: "page") : .empty,
                                        .text(category.name)))
                            })),
                    link(.notices, SiteURL.notices(frame.code).path, UIText.columnNotices(l)),
                    link(.reports, SiteURL.reports(frame.code).path, UIText.columnReports(l)),
                    apply,
                    .li(.a(.href(Views.attr(SiteURL.applicationStatus.path)), .text(UIText.applicationStatus(l)))),
                    link(.complaints, SiteURL.complaints(frame.code).path, UIText.complaints(l)),
                    .li(.a(.href(Views.attr(SiteURL.feed(frame.code).path)), .text(UIText.feed(l))))
                ),
            ])
    }
}

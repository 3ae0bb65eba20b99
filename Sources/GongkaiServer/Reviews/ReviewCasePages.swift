import Foundation
import Gongkai
import Plot

/// The agency's cases: the form (with what was typed and its problems when refused) above the list.
struct ReviewCasesPage {
    var agencyName: String
    var entries: [ReviewCases.Entry]
    var input = ReviewCases.Input()
    var trackingNumber = ""
    var problems: [String: Said] = [:]
}

enum ReviewCaseViews {
    static func fields(_ l: Language) -> [FormField] {
        [
            FormField(name: "kind", label: UIText.kind(l), kind: .choice(ReviewKind.allCases.map { ($0.code, $0.label(l)) })),
            FormField(name: "body", label: UIText.reviewBody(l)),
            FormField(name: "trackingNumber", label: UIText.trackingNumberField(l)),
            FormField(name: "subject", label: UIText.subjectField(l), kind: .text(rows: 2)),
            FormField(name: "filedOn", label: UIText.filedOn(l)),
            FormField(name: "result", label: UIText.result(l), kind: .choice(ReviewResult.allCases.map { ($0.code, $0.label(l)) })),
            FormField(name: "decidedOn", label: UIText.decidedOn(l)),
        ]
    }

    static func page(_ page: ReviewCasesPage, viewer: Viewer) -> HTML {
        let l = viewer.language
        var values = page.input.values
        values["trackingNumber"] = page.trackingNumber
        return Views.page(
            title: UIText.reviewCasesOf(l, page.agencyName), viewer: viewer,
            .p(.text(UIText.reviewCasesExplained(l))),
            .form(
                .method(.post), .action(SiteURL.staffReviewCases.path), StaffViews.csrf(viewer),
                FormViews.fields(fields(l), values: values, problems: page.problems.mapValues { $0(l) }),
                .button(.type(.submit), .text(UIText.record(l)))),
            page.entries.isEmpty
                ? .p(.text(UIText.noReviewCases(l)))
                : .table(
                    .tr(
                        .th(.text(UIText.filedOn(l))), .th(.text(UIText.kind(l))), .th(.text(UIText.reviewBody(l))),
                        .th(.text(UIText.subjectField(l))), .th(.text(UIText.result(l))), .th(.text(UIText.decidedOn(l)))),
                    .forEach(page.entries) { entry in
                        .tr(
                            .td(.text(entry.filedOn)), .td(.text(entry.kind.label(l))),
                            .td(.attribute(named: "lang", value: "zh-CN"), .text(entry.body)),
                            .td(
                                .unwrap(entry.application) {
                                    .a(.href(Views.attr(SiteURL.staffApplication($0.id).path)), .text(UIText.aboutApplication(l, $0.trackingNumber)))
                                },
                                .if(!entry.subject.isEmpty, .span(.attribute(named: "lang", value: "zh-CN"), .text(" " + entry.subject)))),
                            .td(.text(entry.result.label(l))), .td(.text(entry.decidedOn ?? "")))
                    })
        )
    }
}

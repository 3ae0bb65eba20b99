import Foundation
import Plot

/// The training log's page: the form (with what was typed and its problems when refused) above the log.
struct TrainingLogPage {
    var agencyName: String
    var entries: [Trainings.Entry]
    var input = Trainings.Input()
    var problems: [String: Said] = [:]
}

enum TrainingViews {
    static func fields(_ l: Language) -> [FormField] {
        [
            FormField(name: "heldOn", label: UIText.dateField(l)), FormField(name: "topic", label: UIText.topic(l)),
            FormField(name: "attendees", label: UIText.attendees(l)),
        ]
    }

    static func log(_ page: TrainingLogPage, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.trainingsOf(l, page.agencyName), viewer: viewer,
            .form(
                .method(.post), .action(SiteURL.staffTrainings.path), StaffViews.csrf(viewer),
                FormViews.fields(fields(l), values: page.input.values, problems: page.problems.mapValues { $0(l) }),
                .button(.type(.submit), .text(UIText.record(l)))),
            page.entries.isEmpty
                ? .p(.text(UIText.noTrainings(l)))
                : .table(
                    .tr(.th(.text(UIText.date(l))), .th(.text(UIText.content(l))), .th(.text(UIText.people(l)))),
                    .forEach(page.entries) { .tr(.td(.text($0.heldOn)), .td(.text($0.topic)), .td(.text(String($0.attendees)))) })
        )
    }
}

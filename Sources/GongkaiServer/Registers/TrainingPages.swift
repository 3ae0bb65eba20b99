import Foundation
import Plot

/// The training log's page: the form (with what was typed and its problems when refused) above the log.
struct TrainingLogPage {
    var agencyName: String
    var entries: [Trainings.Entry]
    var input = Trainings.Input()
    var problems: [String: String] = [:]
}

enum TrainingViews {
    static let fields = [
        FormField(name: "heldOn", label: "日期（YYYY-MM-DD）"), FormField(name: "topic", label: "培训内容"), FormField(name: "attendees", label: "参加人数"),
    ]

    static func log(_ page: TrainingLogPage, viewer: Viewer) -> HTML {
        Views.page(
            title: "\(page.agencyName)：政府信息公开培训记录", viewer: viewer,
            StaffViews.header(viewer),
            .form(
                .method(.post), .action(SiteURL.staffTrainings.path), StaffViews.csrf(viewer),
                FormViews.fields(fields, values: page.input.values, problems: page.problems), .button(.type(.submit), .text("记录"))),
            page.entries.isEmpty
                ? .p(.text("尚无培训记录。"))
                : .table(
                    .tr(.th(.text("日期")), .th(.text("内容")), .th(.text("人数"))),
                    .forEach(page.entries) { .tr(.td(.text($0.heldOn)), .td(.text($0.topic)), .td(.text(String($0.attendees)))) })
        )
    }
}

import Foundation
import Plot

/// The portal's complaint form: what was typed (kept when refused), the problem, or the number it was taken under.
struct ComplaintFormPage {
    var agencyCode: String
    var agencyName: String
    var content = ""
    var name = ""
    var contact = ""
    var problem: String?
    var number: String?
}

/// The staff's list of complaints.
struct ComplaintListPage {
    var entries: [Complaints.Entry]
}

enum ComplaintViews {
    static func form(_ page: ComplaintFormPage, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.complaintTitle(l, page.agencyName), viewer: viewer,
            .p(.text(UIText.complaintIntro(l))),
            .unwrap(page.number) { .p(.attribute(named: "role", value: "status"), .strong(.text(UIText.complaintTaken(l, $0)))) },
            .unwrap(page.problem) { .p(.class("error"), .id("content-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(Views.attr(SiteURL.complaints(page.agencyCode).path)),
                .label(.attribute(named: "for", value: "content"), .text(UIText.complaintContent(l))),
                .textarea(
                    .name("content"), .id("content"), .attribute(named: "rows", value: "6"),
                    .if(page.problem != nil, .attribute(named: "aria-invalid", value: "true")),
                    .if(page.problem != nil, .attribute(named: "aria-describedby", value: "content-error")),
                    .text(page.content)),
                .label(.attribute(named: "for", value: "name"), .text(UIText.complaintName(l))),
                .input(.type(.text), .name("name"), .id("name"), .value(Views.attr(page.name))),
                .label(.attribute(named: "for", value: "contact"), .text(UIText.complaintContact(l))),
                .input(.type(.text), .name("contact"), .id("contact"), .value(Views.attr(page.contact))),
                .button(.type(.submit), .text(UIText.send(l)))
            )
        )
    }

    static func list(_ page: ComplaintListPage, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.complaints(l), viewer: viewer,
            page.entries.isEmpty
                ? .p(.text(UIText.noneAtAll(l)))
                : .ol(.forEach(page.entries) { entry(of: $0, viewer: viewer) })
        )
    }

    private static func entry(of complaint: Complaints.Entry, viewer: Viewer) -> Node<HTML.ListContext> {
        let l = viewer.language
        let field = "handling-\(complaint.id.uuidString)"
        return .li(
            .p(.strong(.text("\(complaint.number) · \(complaint.agencyName) · \(complaint.receivedOn)"))),
            .p(.text(complaint.content)),
            .p(.text(UIText.contactPerson(l, complaint.name.isEmpty ? UIText.anonymous(l) : complaint.name, complaint.contact))),
            .unwrap(
                complaint.handling, { .p(.text(UIText.handledBy(l, $0.on, $0.by, $0.text))) },
                else: complaint.mayHandle
                    ? .form(
                        .method(.post), .action(Views.attr(SiteURL.staffComplaint(complaint.id).path)),
                        StaffViews.csrf(viewer),
                        .label(.attribute(named: "for", value: field), .text(UIText.handling(l))),
                        .textarea(.name("handling"), .id(field), .attribute(named: "rows", value: "3")),
                        .button(.type(.submit), .text(UIText.recordHandling(l))))
                    : .p(.text(UIText.notHandled(l))))
        )
    }
}

import Foundation
import Gongkai
import Plot

/// The back office's pages.
enum StaffViews {
    static func csrf(_ viewer: Viewer) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.field), .value(Views.attr(viewer.csrf ?? "")))
    }

    static func login(error: String?, username: String, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.staffSignIn(l), viewer: viewer,
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.staffLogin.path),
                csrf(viewer),
                .label(.attribute(named: "for", value: "username"), .text(UIText.username(l))),
                .input(.type(.text), .name("username"), .id("username"), .value(Views.attr(username)), .autocomplete(false), .required(true)),
                .label(.attribute(named: "for", value: "password"), .text(UIText.password(l))),
                .input(.type(.password), .name("password"), .id("password"), .required(true)),
                .button(.type(.submit), .text(UIText.signIn(l)))
            )
        )
    }

    /// The back office's navigation, by role: each account is offered only what its role may do, grouped by the work
    /// (主动公开, 依申请公开, 年报与台账, 系统管理); the section the page belongs to is marked. A column on the left on
    /// a desktop, a block of links above the page on a phone; not printed.
    static func navigation(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        guard let staff = viewer.staff else { return .empty }
        let l = viewer.language
        let links = navigationLinks(staff)
        let here = current(links.flatMap(\.links).map(\.path), address: viewer.address)
        return .element(
            named: "nav",
            nodes: [
                .class("columns staff-nav noprint"), .attribute(named: "aria-label", value: UIText.staffNavigation(l)),
                .ul(
                    .forEach(links) { section in
                        .li(
                            .unwrap(section.heading) { .span(.class("nav-section"), .text($0(l))) },
                            .ul(
                                .class("sub"),
                                .forEach(section.links) { link in
                                    .li(
                                        .a(
                                            .href(Views.attr(link.path)),
                                            link.path == here ? .attribute(named: "aria-current", value: "page") : .empty,
                                            .text(link.text(l))))
                                }))
                    }),
                .form(
                    .method(.post), .action(SiteURL.staffLogout.path), .class("sign-out"), csrf(viewer),
                    .button(.type(.submit), .text(UIText.signOut(l)))),
            ])
    }

    typealias NavigationSection = (heading: UIText?, links: [(path: String, text: UIText)])

    /// The sections of the back office's navigation that `staff`'s role may use, in the order of the work.
    static func navigationLinks(_ staff: StaffUser) -> [NavigationSection] {
        let drafts = ReviewWorkflow.drafts(staff.role) && staff.agencyID != nil
        let readsApplications = ApplicationWorkflow.reads(staff.role)
        let sections: [NavigationSection] = [
            (nil, [(SiteURL.staffHome.path, .desk)]),
            (
                .navProactive,
                (drafts ? [(SiteURL.staffNewItem.path, .draftItem)] : [])
                    + (staff.role == .officer
                        ? [] : [(SiteURL.staffPrivacy.path, .privacyRetroTitle), (SiteURL.staffInspection().path, .inspectionTitle)])
            ),
            (
                .navOnApplication,
                readsApplications ? [(SiteURL.staffApplications().path, .handleApplications), (SiteURL.staffReviewCases.path, .reviewCases)] : []
            ),
            (
                .navReportsAndRecords,
                [
                    (SiteURL.staffReports().path, .annualReports), (SiteURL.staffRegisters().path, .registers),
                    (SiteURL.staffTrainings.path, .trainings), (SiteURL.staffComplaints.path, .complaints),
                ]
            ),
            (
                .administration,
                staff.role == .administrator
                    ? [
                        (SiteURL.admin.path, .agenciesAndAccounts), (SiteURL.adminSite.path, .siteSettingsTitle),
                        (SiteURL.staffAudit.path, .auditLog),
                    ]
                    : []
            ),
        ]
        return sections.filter { !$0.links.isEmpty }
    }

    /// Of `paths`, the one the page at `address` belongs to: the longest that is the page's path or a folder above it.
    static func current(_ paths: [String], address: String?) -> String? {
        guard let address else { return nil }
        let path = String(address.prefix { $0 != "?" })
        return paths.filter { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }.max { $0.count < $1.count }
    }

    /// A count on the desk of what needs the user today, linked to the list it counts.
    struct Tile {
        enum Label {
            case text(UIText)
            case itemsInState(PublicationState)
        }
        var count: Int
        var label: Label
        var link: String
        /// Drawn in the warning colour (something is overdue).
        var urgent: Bool

        func text(_ l: Language) -> String {
            switch label {
            case .text(let text): text(l)
            case .itemsInState(let state): UIText.itemsInStateTile(l, state.label(l))
            }
        }
    }

    static func tiles(_ tiles: [Tile], _ l: Language) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "today"),
            .h2(.id("today"), .text(UIText.deskToday(l))),
            .ul(
                .class("tiles"),
                .forEach(tiles) { tile in
                    .li(
                        .a(
                            .class(tile.urgent ? "tile urgent" : (tile.count == 0 ? "tile none" : "tile")), .href(Views.attr(tile.link)),
                            .strong(.text(String(tile.count))), .span(.text(tile.text(l)))))
                }))
    }

    /// An application listed on the desk: id, tracking number, agency, and the day that puts it there.
    typealias ApplicationRow = (id: UUID, number: String, agency: String, date: String)

    static func dashboard(
        user: StaffUser, items: [ItemDTO], late: [ItemDTO], unconfirmed: [ApplicationRow] = [], reassessments: [ApplicationRow] = [],
        tiles: [Tile] = [], reportWarning: Said? = nil, signInWarning: Said? = nil, viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        func rows(_ list: [ApplicationRow], dated: UIText) -> Node<HTML.BodyContext> {
            .table(
                .tr(.th(.text(UIText.trackingNumber(l))), .th(.text(UIText.agency(l))), .th(.text(dated(l)))),
                .forEach(list) { row in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.staffApplication(row.id).path)), .text(row.number))), .td(.text(row.agency)),
                        .td(.text(row.date)))
                })
        }
        return Views.page(
            title: UIText.desk(l), viewer: viewer,
            .unwrap(signInWarning) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .text($0(l))) },
            .unwrap(reportWarning) {
                .p(.class("notice"), .attribute(named: "role", value: "status"), .a(.href(SiteURL.staffReports().path), .text($0(l))))
            },
            .if(!tiles.isEmpty, self.tiles(tiles, l)),
            .if(
                !unconfirmed.isEmpty,
                .group(
                    .h2(.text(UIText.unconfirmedApplications(l, unconfirmed.count))), .p(.text(UIText.confirmExplained(l))),
                    rows(unconfirmed, dated: .submittedOn))),
            .if(
                !reassessments.isEmpty,
                .group(
                    .h2(.id("reassess"), .text(UIText.reassessmentsDue(l, reassessments.count))), .p(.text(UIText.reassessmentsExplained(l))),
                    rows(reassessments, dated: .reassessOnColumn))),
            .h2(.id("items"), .text(UIText.itemsToHandle(l))),
            itemTable(items, l),
            .h2(.id("late"), .text(UIText.publishedLate(l))),
            itemTable(late, l)
        )
    }

    static func itemTable(_ items: [ItemDTO], _ l: Language) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.text(UIText.noneAtAll(l))) }
        return .table(
            .tr(
                .th(.text(UIText.indexNumber(l))), .th(.text(UIText.title(l))), .th(.text(UIText.agency(l))), .th(.text(UIText.status(l))),
                .th(.text(UIText.writtenOn(l))), .th(.text(UIText.workingDaysLate(l)))),
            .forEach(items) { item in
                .tr(
                    .td(.text(item.indexNumber)),
                    .td(.a(.href(Views.attr(SiteURL.staffItem(item.id).path)), .text(item.title))),
                    .td(.text(item.agencyName)),
                    .td(.text(PublicationState(rawValue: item.state)?.label(l) ?? item.state)),
                    .td(.text(item.writtenOn)),
                    .td(.text(item.daysLate > 0 ? String(item.daysLate) : ""))
                )
            }
        )
    }

    static func field(_ name: String, _ label: String, problems: [String: String], _ control: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        .group(
            .label(.attribute(named: "for", value: name), .text(label)),
            control,
            .unwrap(problems[name]) { .p(.class("error"), .id("\(name)-error"), .text($0)) }
        )
    }

    static func itemForm(
        title: String, action: String, input: Catalogue.ItemInput?, categories: [CategoryDTO], problems said: [String: Said], today: Day,
        newVersion: Bool = false, viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        let problems = said.mapValues { $0(l) }
        let channels = Set(input?.channels ?? [PublicationChannel.website.rawValue])
        return Views.page(
            title: title, viewer: viewer,
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text(UIText.fieldsToChange(l, problems.count)))),
            .form(
                .method(.post), .action(action),
                csrf(viewer),
                field(
                    "categoryID", UIText.categories(l), problems: problems,
                    .select(
                        .attribute(named: "name", value: "categoryID"), .id("categoryID"),
                        .group(categories.map { Views.option($0.id.uuidString, $0.name, selected: $0.id == input?.categoryID) })
                    )),
                field(
                    "title", UIText.titleField(l), problems: problems,
                    .input(.type(.text), .name("title"), .id("title"), .value(Views.attr(input?.title ?? "")), .required(true))),
                field(
                    "documentNumber", UIText.documentNumber(l), problems: problems,
                    .input(.type(.text), .name("documentNumber"), .id("documentNumber"), .value(Views.attr(input?.documentNumber ?? "")))),
                field(
                    "issuingAgency", UIText.issuedByField(l), problems: problems,
                    .input(.type(.text), .name("issuingAgency"), .id("issuingAgency"), .value(Views.attr(input?.issuingAgency ?? "")))),
                field(
                    "writtenOn", UIText.writtenOn(l), problems: problems,
                    .input(.type(.date), .name("writtenOn"), .id("writtenOn"), .value(Views.attr(input?.writtenOn ?? today.iso)), .required(true))),
                field(
                    "validity", UIText.validityField(l), problems: problems,
                    .select(
                        .attribute(named: "name", value: "validity"), .id("validity"),
                        .group(
                            [Views.option("", UIText.notApplicable(l))]
                                + Validity.allCases.map { Views.option($0.rawValue, $0.label(l), selected: $0.rawValue == input?.validity) })
                    )),
                .p(
                    .input(.type(.checkbox), .name("isRule"), .id("isRule"), .value("on"), .checked(input?.isRule == "on")),
                    .label(.attribute(named: "for", value: "isRule"), .class("inline"), .text(UIText.isRuleField(l)))),
                .if(
                    newVersion,
                    .fieldset(
                        .element(named: "legend", nodes: [.text(UIText.changeLegend(l))]),
                        field(
                            "changedOn", UIText.changedOnField(l), problems: problems,
                            .input(.type(.date), .name("changedOn"), .id("changedOn"), .value(Views.attr(input?.changedOn ?? "")), .required(true))),
                        field(
                            "changeKind", UIText.changeKindField(l), problems: problems,
                            .select(
                                .attribute(named: "name", value: "changeKind"), .id("changeKind"),
                                .group(
                                    [Views.option("", UIText.notApplicable(l))]
                                        + DocumentChange.allCases.map {
                                            Views.option($0.rawValue, $0.label(l), selected: $0.rawValue == input?.changeKind)
                                        }))),
                        field(
                            "changeEffectiveOn", UIText.changeEffectiveField(l), problems: problems,
                            .input(
                                .type(.date), .name("changeEffectiveOn"), .id("changeEffectiveOn"),
                                .value(Views.attr(input?.changeEffectiveOn ?? "")))))),
                .fieldset(
                    .element(named: "legend", nodes: [.text(UIText.publishedThrough(l))]),
                    .forEach(PublicationChannel.allCases) { channel in
                        .label(
                            .class("choice"),
                            .input(
                                .type(.checkbox), .name("channels[]"), .value(Views.attr(channel.rawValue)),
                                .checked(channels.contains(channel.rawValue))),
                            .text(channel.label(l))
                        )
                    },
                    .unwrap(problems["channels"]) { .p(.class("error"), .text($0)) }
                ),
                field(
                    "bulletinPlace", UIText.bulletinPlace(l), problems: problems,
                    .input(.type(.text), .name("bulletinPlace"), .id("bulletinPlace"), .value(Views.attr(input?.bulletinPlace ?? "")))),
                field(
                    "postingFrom", UIText.postingFrom(l), problems: problems,
                    .input(.type(.date), .name("postingFrom"), .id("postingFrom"), .value(Views.attr(input?.postingFrom ?? "")))),
                field(
                    "postingTo", UIText.postingTo(l), problems: problems,
                    .input(.type(.date), .name("postingTo"), .id("postingTo"), .value(Views.attr(input?.postingTo ?? "")))),
                field(
                    "interprets", UIText.interpretsField(l), problems: problems,
                    .group(
                        .p(.class("hint"), .id("interprets-hint"), .text(UIText.interpretsHint(l))),
                        .input(
                            .type(.text), .name("interprets"), .id("interprets"), .value(Views.attr(input?.interprets ?? "")),
                            .attribute(named: "aria-describedby", value: "interprets-hint"), .attribute(named: "maxlength", value: "100")))),
                field(
                    "summary", UIText.summary(l), problems: problems,
                    .textarea(.name("summary"), .id("summary"), .rows(3), .text(input?.summary ?? ""))),
                field(
                    "body", UIText.bodyField(l), problems: problems,
                    .textarea(.name("body"), .id("body"), .rows(14), .text(input?.body ?? ""))),
                .button(.type(.submit), .text(UIText.saveDraft(l)))
            )
        )
    }

    static func item(
        _ item: ItemDTO, drafter: String, returnReason: String?, canWrite: Bool, isDrafter: Bool, publishBy: Day?,
        history: [(String, String, String)], attachments: [(String, Int, String)], privacy: PrivacyGuard.Scan? = nil, refusal: String? = nil,
        viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        let state = PublicationState(rawValue: item.state) ?? .draft
        let personalData = !(privacy?.found.isEmpty ?? true)
        func actionForm(_ action: ReviewAction, _ label: String, extra: Node<HTML.FormContext> = .empty) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(SiteURL.staffItemAction(item.id).path), .class("action"), csrf(viewer),
                .input(.type(.hidden), .name("action"), .value(Views.attr(action.rawValue))), extra, .button(.type(.submit), .text(label)))
        }
        // The steps come from the domain's review workflow: only what this role may do from this state is offered.
        let role = viewer.staff?.role
        let offered = role.map { ReviewWorkflow.offered(from: state, to: $0) } ?? []
        let edits = role.map { ReviewWorkflow.edits(state, role: $0) } ?? false
        let revises = role.map { ReviewWorkflow.revises(state, role: $0) } ?? false
        return Views.page(
            title: item.title, viewer: viewer,
            .table(
                .class("meta"),
                .tr(.th(.text(UIText.status(l))), .td(.text(state.label(l)))),
                .tr(.th(.text(UIText.indexNumber(l))), .td(.text(item.indexNumber))),
                .tr(.th(.text(UIText.agency(l))), .td(.text(item.agencyName))),
                .tr(.th(.text(UIText.category(l))), .td(.text(item.categoryName))),
                .tr(.th(.text(UIText.drafter(l))), .td(.text(drafter))),
                .tr(.th(.text(UIText.writtenOn(l))), .td(.text(item.writtenOn))),
                .unwrap(publishBy) { .tr(.th(.text(UIText.publishBy(l))), .td(.text(UIText.publishByArticle26(l, $0.iso)))) },
                .unwrap(item.publishedOn) {
                    .tr(.th(.text(UIText.publishedOn(l))), .td(.text($0 + (item.daysLate > 0 ? UIText.daysLate(l, item.daysLate) : ""))))
                },
                .unwrap(returnReason) { .tr(.th(.text(UIText.returnReason(l))), .td(.text($0))) }
            ),
            .if(state == .published, .p(.a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text(UIText.seeOnPortal(l))))),
            // NB: what the privacy guard finds comes before the steps, as it decides whether approval can be given.
            .unwrap(privacy) { scan in
                privacySection(scan, item: item, canMask: canWrite && [.draft, .returned, .submitted].contains(state), viewer)
            },
            .if(
                canWrite,
                .section(
                    .class("noprint"),
                    .h2(.text(UIText.action(l))),
                    .unwrap(refusal) { .p(.class("error"), .id("refusal"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .if(edits, .p(.a(.href(Views.attr(SiteURL.staffEditItem(item.id).path)), .text(UIText.edit(l))))),
                    .if(offered.contains(.submit), actionForm(.submit, UIText.submitForReview(l))),
                    .if(
                        offered.contains(.approve),
                        .group(
                            .if(isDrafter, .p(.class("error"), .text(UIText.youDrafted(l)))),
                            actionForm(
                                .approve, UIText.approve(l),
                                extra: .group(
                                    .label(
                                        .class("plain"), .input(.type(.checkbox), .name("confirmedReview"), .value(Views.attr("on"))),
                                        .text(" " + UIText.reviewConfirmed(l))),
                                    .if(
                                        personalData,
                                        .group(
                                            .label(.attribute(named: "for", value: "privacyReason"), .text(UIText.privacyOverrideReason(l))),
                                            .textarea(.name("privacyReason"), .id("privacyReason"), .rows(2), .text("")))))),
                            actionForm(
                                .return, UIText.returnForChanges(l),
                                extra: .group(
                                    .label(.attribute(named: "for", value: "reason"), .text(UIText.returnReason(l))),
                                    .textarea(.name("reason"), .id("reason"), .rows(2), .text(""))))
                        )),
                    .if(
                        edits,
                        .form(
                            .method(.post), .action(SiteURL.staffAttachments(item.id).path), .enctype(.multipartData), .class("action"),
                            csrf(viewer),
                            .label(.attribute(named: "for", value: "file"), .text(UIText.addAttachment(l))),
                            .input(.type(.file), .name("file"), .id("file"), .required(true)),
                            .button(.type(.submit), .text(UIText.upload(l)))
                        )),
                    .if(offered.contains(.publish), actionForm(.publish, UIText.publish(l))),
                    .if(
                        revises,
                        .form(
                            .method(.post), .action(SiteURL.staffNewVersion(item.id).path), csrf(viewer),
                            .button(.type(.submit), .text(UIText.revise(l)))
                        )),
                    .if(offered.contains(.withdraw), actionForm(.withdraw, UIText.withdraw(l)))
                )),
            .if(
                !attachments.isEmpty,
                .group(
                    .h2(.text(UIText.attachments(l))),
                    .ul(.forEach(attachments) { .li(.text(UIText.attachmentLine(l, $0.0, $0.1, $0.2.prefix(16)))) }))),
            .h2(.text(UIText.summary(l))), .p(.text(item.summary)),
            .h2(.text(UIText.body(l))), Views.safeText(item.body),
            .h2(.text(UIText.history(l))),
            .table(.forEach(history) { entry in .tr(.td(.text(entry.0)), .td(.text(entry.1)), .td(.text(entry.2))) })
        )
    }

    /// What the privacy guard finds in an item before it is published: each finding where it is and how it would be
    /// masked, the attachments it could not read, and the one-click masking of the title, summary and text.
    static func privacySection(_ scan: PrivacyGuard.Scan, item: ItemDTO, canMask: Bool, _ viewer: Viewer) -> Node<HTML.BodyContext> {
        let l = viewer.language
        return .section(
            .id("privacy"), .class(scan.found.isEmpty ? "" : "notice"),
            .h2(.text(UIText.privacyTitle(l))),
            scan.found.isEmpty ? .p(.text(UIText.privacyClean(l))) : .ul(.forEach(scan.found) { .li(.text($0.said(l))) }),
            .if(!scan.unchecked.isEmpty, .ul(.forEach(scan.unchecked) { .li(.text(UIText.privacyUnchecked(l, $0.filename, $0.why(l)))) })),
            .if(
                canMask && scan.found.contains(where: \.isText),
                .form(
                    .method(.post), .action(SiteURL.staffItemAction(item.id).path), .class("action noprint"), csrf(viewer),
                    .input(.type(.hidden), .name("action"), .value("mask")), .button(.type(.submit), .text(UIText.privacyMaskAll(l))))),
            .if(scan.found.contains { !$0.isText }, .p(.text(UIText.privacyAttachmentsFix(l))))
        )
    }

    /// The retro-scan: published items with personal data in their title, summary or text, each finding where it is.
    static func privacyReview(_ rows: [(item: ItemDTO, places: [PrivacyGuard.Place])], capped: Int?, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.privacyRetroTitle(l), viewer: viewer,
            .p(.text(UIText.privacyRetroExplained(l))),
            rows.isEmpty
                ? .p(.class("ok"), .text(UIText.privacyRetroNone(l)))
                : .ul(
                    .class("items"),
                    .forEach(rows) { row in
                        .li(
                            .a(.href(Views.attr(SiteURL.staffItem(row.item.id).path)), .text(row.item.title)),
                            .span(.class("date"), .text(" \(row.item.agencyName) \(row.item.indexNumber) \(row.item.publishedOn ?? "")")),
                            .ul(.forEach(row.places) { .li(.text($0.said(l))) }))
                    }),
            .unwrap(capped) { .p(.text(UIText.privacyRetroCapped(l, $0))) }
        )
    }

    static func audit(
        _ entries: [(Date, String, String, String, String, String?, String?, String?)], actor: String?, action: String?, agency: String?,
        viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.auditLog(l), viewer: viewer,
            .form(
                .method(.get), .action(SiteURL.staffAudit.path),
                .label(.attribute(named: "for", value: "actor"), .text(UIText.actor(l))),
                .input(.type(.text), .name("actor"), .id("actor"), .value(Views.attr(actor ?? ""))),
                .label(.attribute(named: "for", value: "action"), .text(UIText.action(l))),
                .input(.type(.text), .name("action"), .id("action"), .value(Views.attr(action ?? ""))),
                .label(.attribute(named: "for", value: "agency"), .text(UIText.agencyCode(l))),
                .input(.type(.text), .name("agency"), .id("agency"), .value(Views.attr(agency ?? ""))),
                .button(.type(.submit), .text(UIText.filter(l)))
            ),
            .table(
                .tr(
                    .th(.text(UIText.time(l))), .th(.text(UIText.actor(l))), .th(.text(UIText.action(l))), .th(.text(UIText.object(l))),
                    .th(.text(UIText.agency(l))), .th(.text(UIText.before(l))), .th(.text(UIText.after(l)))),
                .forEach(entries) { entry in
                    .tr(
                        .td(.text(StaffController.time(entry.0))), .td(.text(Audit.actor(entry.1, l))),
                        .td(.text(Audit.Action(rawValue: entry.2).label(l)), .small(.text(" \(entry.2)"))),
                        .td(.text("\(entry.3) \(entry.4.prefix(8))")), .td(.text(entry.5 ?? "")),
                        .td(.small(.text(String((entry.6 ?? "").prefix(300))))), .td(.small(.text(String((entry.7 ?? "").prefix(300)))))
                    )
                }
            )
        )
    }
}

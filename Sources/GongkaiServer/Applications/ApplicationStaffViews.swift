import Foundation
import Gongkai
import Plot

/// The back office's application pages.
enum ApplicationStaffViews {
    static let buckets: [(String, UIText)] = [
        ("unconfirmed", .unconfirmed), ("due-soon", .dueSoon), ("overdue", .overdue), ("waiting", .waiting), ("to-close", .feeLapsedToClose),
        ("open", .inHand), ("closed", .closed),
    ]

    static func dashboard(
        rows: [ApplicationStaffController.Row], counts: [String: Int], view: String, sort: String, descending: Bool, officer: String?,
        officers: [String], seesDetails: Bool, viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        func link(view v: String? = nil, sort s: String? = nil, order: String? = nil, officer o: String?? = nil) -> String {
            SiteURL.staffApplications(view: v ?? view, sort: s ?? sort, order: order ?? (descending ? "desc" : nil), officer: o ?? officer).path
        }
        func header(_ label: String, _ key: String) -> Node<HTML.TableRowContext> {
            .th(
                .a(
                    .href(Views.attr(link(sort: key, order: sort == key && !descending ? "desc" : "asc"))),
                    .text(label + (sort == key ? (descending ? " ▼" : " ▲") : ""))))
        }
        return Views.page(
            title: UIText.applications(l), viewer: viewer,
            .if(
                viewer.staff.map { ApplicationWorkflow.handles($0.role) && $0.agencyID != nil } ?? false,
                .p(.class("noprint"), .a(.href(Views.attr(SiteURL.staffNewApplication.path)), .text(UIText.registerPaperApplication(l))))),
            .element(
                named: "nav",
                nodes: [
                    .attribute(named: "aria-label", value: UIText.category(l)),
                    .p(
                        .forEach(buckets) { key, label in
                            .group(
                                key == view
                                    ? .strong(.text(UIText.countedBucket(l, label(l), counts[key] ?? 0)))
                                    : .a(.href(Views.attr(link(view: key))), .text(UIText.countedBucket(l, label(l), counts[key] ?? 0))),
                                .text(" · "))
                        }, view == "all" ? .strong(.text(UIText.all(l))) : .a(.href(Views.attr(link(view: "all"))), .text(UIText.all(l)))),
                ]),
            .if(
                !officers.isEmpty,
                .p(
                    .text(UIText.officerColon(l)),
                    .forEach(officers) { name in
                        .group(name == officer ? .strong(.text(name)) : .a(.href(Views.attr(link(officer: .some(name)))), .text(name)), .text(" "))
                    }, .a(.href(Views.attr(link(officer: .some(nil)))), .text(UIText.all(l))))),
            rows.isEmpty
                ? .p(.text(UIText.noneAtAll(l)))
                : .table(
                    .tr(
                        header(UIText.trackingNumber(l), "number"), .th(.text(UIText.applicant(l))), .th(.text(UIText.fieldIdNumber(l))),
                        .th(.text(UIText.telephone(l))), .th(.text(UIText.informationWanted(l))),
                        header(UIText.receivedColumn(l), "received"), header(UIText.answerDue(l), "due"), .th(.text(UIText.workingDaysLeft(l))),
                        header(UIText.status(l), "status"), header(UIText.officer(l), "officer")),
                    .forEach(rows) { row in
                        .tr(
                            .td(.a(.href(Views.attr(SiteURL.staffApplication(row.application.id).path)), .text(row.application.trackingNumber))),
                            .td(.text(seesDetails ? row.application.name : Masking.name(row.application.name))),
                            .td(.text(Masking.identity(row.application.idNumber))),
                            .td(.text(Masking.phone(row.application.phone))),
                            .td(.text(String(row.application.request.prefix(40)))),
                            .td(.text(row.application.receivedOn ?? UIText.toBeConfirmed(l))),
                            .td(.text(row.deadline?.due?.iso ?? "—")),
                            .td(
                                .text(
                                    row.deadline.map {
                                        $0.status == .open || $0.status == .paused
                                            ? ($0.overdue ? UIText.lateBy(l, $0.overdueWorkingDays) : String($0.remainingWorkingDays)) : ""
                                    } ?? "")),
                            .td(.text(row.application.status.label(l))),
                            .td(.text(row.application.officerName ?? ""))
                        )
                    }
                )
        )
    }

    static func register(values: [String: String], problems: [String: Said], viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.registerApplication(l), viewer: viewer,
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text(UIText.fieldsToChange(l, problems.count)))),
            .form(
                .method(.post), .action(SiteURL.staffNewApplication.path),
                StaffViews.csrf(viewer),
                ApplicationPortalViews.submissionKey(values),
                FormViews.fields(
                    ApplicationPortalViews.fields(byStaff: true, viewer.language), values: values,
                    problems: problems.mapValues { $0(viewer.language) }),
                .button(.type(.submit), .text(UIText.register(l)))
            )
        )
    }

    static func show(_ page: ApplicationPage, today: Day, viewer: Viewer) -> HTML {
        let l = viewer.language
        let format = ReportFormat.expected(forYear: today.year)
        let record = page.application
        let (deadline, history, letters, reviews, similar) = (page.deadline, page.history, page.letters, page.reviews, page.similar)
        let (canAct, seesDetails, moves) = (page.canAct, page.seesDetails, page.moves)
        let id = record.id
        func moveForm(_ kind: ApplicationMove.Kind) -> Node<HTML.BodyContext> {
            let (label, fields) = moveFields(kind, format: format, l)
            let compose = kind.letter != nil
            let move = kind.rawValue
            return .form(
                .method(compose ? .get : .post),
                .action(Views.attr((compose ? SiteURL.staffApplicationCompose(id, move: nil) : SiteURL.staffApplicationMove(id)).path)),
                .class("move"),
                compose ? .empty : StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("move"), .value(move)),
                .input(.type(.hidden), .name("revision"), .value(String(record.revision))),
                .element(
                    named: "fieldset",
                    nodes: [
                        .element(named: "legend", nodes: [.text(label)]),
                        .label(.attribute(named: "for", value: "date-\(move)"), .text(UIText.date(l))),
                        .input(.type(.date), .name("date"), .id("date-\(move)"), .value(today.iso)),
                        fields,
                        .button(.type(.submit), .text(compose ? UIText.draftLetter(l) : label)),
                    ])
            )
        }
        return Views.page(
            title: UIText.applicationNumbered(l, record.trackingNumber), viewer: viewer,
            .p(
                .class("noprint"), .a(.href(Views.attr(SiteURL.staffApplications().path)), .text(UIText.backToApplications(l))),
                .if(
                    page.seesDetails,
                    .group(.text(" · "), .a(.href(Views.attr(SiteURL.staffApplicationForm(record.id).path)), .text(UIText.printApplicationForm(l)))))),
            .table(
                .class("meta"),
                .tr(.th(.text(UIText.receivingAgency(l))), .td(.text(record.agencyName))),
                .tr(.th(.text(UIText.status(l))), .td(.strong(.text(record.status.label(l))))),
                .tr(.th(.text(UIText.fieldApplicationKind(l))), .td(.text(record.kind.label(l)))),
                .tr(
                    .th(.text(UIText.fieldApplicantType(l))),
                    .td(.text(ApplicantType(rawValue: record.applicantType)?.label(l) ?? record.applicantType))),
                .tr(.th(.text(UIText.applicant(l))), .td(.text(seesDetails ? record.name : Masking.name(record.name)))),
                .tr(
                    .th(.text(UIText.identity(l))),
                    .td(
                        .text(
                            (IdentityDocument(rawValue: record.idType)?.label(l) ?? record.idType) + " "
                                + (seesDetails ? record.idNumber : Masking.identity(record.idNumber))))),
                .tr(.th(.text(UIText.telephone(l))), .td(.text(seesDetails ? record.phone : Masking.phone(record.phone)))),
                .if(
                    seesDetails,
                    .group(
                        .tr(.th(.text(UIText.email(l))), .td(.text(record.email))),
                        .tr(.th(.text(UIText.postalAddress(l))), .td(.text(record.address))))),
                .tr(.th(.text(UIText.informationWanted(l))), .td(.text(record.request))),
                .tr(
                    .th(.text(UIText.formAndDelivery(l))),
                    .td(
                        .text(
                            "\(Applications.Input.words(record.formWanted, in: Applications.Input.forms, l)) / \(Applications.Input.words(record.delivery, in: Applications.Input.deliveries, l))"
                        ))),
                .tr(.th(.text(UIText.channel(l))), .td(.text(ReceiptChannel(rawValue: record.channel)?.explanation(l) ?? record.channel))),
                .tr(.th(.text(UIText.receivedOn(l))), .td(.text(record.receivedOn ?? UIText.toBeConfirmedExplained(l))))
            ),
            .unwrap(record.result) { result in
                .p(
                    .text(UIText.resultColon(l)),
                    .strong(
                        .text(AnswerResult.find(result, format: ReportFormat(rawValue: record.resultFormat ?? "") ?? format)?.label(l) ?? result)),
                    .text(UIText.ofFormat(l, record.resultFormat ?? "")))
            },
            .h2(.text(UIText.answerDue(l))),
            .unwrap(deadline) { deadline in
                .group(
                    .p(
                        .strong(.text(Self.due(deadline, l))),
                        .text(Self.remaining(deadline, l))
                    ),
                    .ol(
                        .forEach(deadline.steps) { step in
                            .li(.text("\(step.date.iso) \(step.note.text(l))" + (step.article.isEmpty ? "" : Self.cited(step.article, l))))
                        }),
                    .forEach(deadline.warnings) { .p(.class("error"), .text($0.text(l))) }
                )
            },
            .if(deadline == nil, .p(.text(UIText.notYetConfirmed(l)))),
            .if(record.kind == .correction && deadline != nil, .p(.class("notice"), .text(UIText.correctionPeriodNote(l)))),
            .if(
                !moves.isEmpty,
                .section(
                    .h2(.text(UIText.handle(l))),
                    .forEach(moves) { moveForm($0) }
                )),
            .unwrap(record.providedOriginal) { original in
                .section(
                    .h2(.text(UIText.providedOriginalTitle(l))), .p(.small(.text(UIText.providedOriginalNote(l)))),
                    .div(.attribute(named: "lang", value: "zh-CN"), Views.safeText(original)))
            },
            .unwrap(record.reassessOn) { due in
                .section(
                    .h2(.text(UIText.reassessTitle(l))),
                    .p(.text(UIText.reassessDue(l, due))),
                    .if(
                        canAct,
                        .form(
                            .method(.post), .action(Views.attr(SiteURL.staffApplicationReassess(id).path)), StaffViews.csrf(viewer),
                            .label(.attribute(named: "for", value: "conclusion"), .text(UIText.reassessConclusion(l))),
                            .textarea(.name("conclusion"), .id("conclusion"), .attribute(named: "rows", value: "3")),
                            .label(.attribute(named: "for", value: "nextOn"), .text(UIText.reassessNext(l))),
                            .input(.type(.date), .name("nextOn"), .id("nextOn")),
                            .button(.type(.submit), .text(UIText.record(l))))))
            },
            .if(
                canAct && record.providesInformation,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffApplicationPublish(id).path)), StaffViews.csrf(viewer),
                    .button(.type(.submit), .text(record.publishedItemID == nil ? UIText.publishProactively(l) : UIText.seeProactiveItem(l)))
                )),
            .if(
                !similar.isEmpty,
                .section(
                    .class("notice"),
                    .h2(.text(UIText.sameInformation(l))),
                    .p(.text(UIText.similarApplications(l, similar.count))),
                    .ul(
                        .forEach(similar) { other in
                            .li(
                                .a(
                                    .href(Views.attr(SiteURL.staffApplication(other.id).path)),
                                    .text("\(other.trackingNumber) · \(other.status.label(l))")))
                        })
                )),
            .h2(.text(UIText.letters(l))),
            letters.isEmpty
                ? .p(.text(UIText.noneAtAll(l)))
                : .ul(
                    .forEach(letters) { letter in
                        .li(
                            // NB: a letter's title is part of the letter, a legal document in Chinese.
                            seesDetails
                                ? .a(
                                    .href(Views.attr(SiteURL.staffApplicationLetter(id, letter.id).path)), .attribute(named: "lang", value: "zh-CN"),
                                    .text(letter.title))
                                : .span(.attribute(named: "lang", value: "zh-CN"), .text(letter.title)),
                            .text(UIText.letterSent(l, letter.sentOn, letter.sentBy)))
                    }),
            .h2(.text(UIText.reviewsAndSuits(l))),
            reviews.isEmpty
                ? .p(.text(UIText.noneAtAll(l)))
                : .table(
                    .tr(
                        .th(.text(UIText.kind(l))), .th(.text(UIText.reviewBody(l))), .th(.text(UIText.filedOn(l))), .th(.text(UIText.decidedOn(l))),
                        .th(.text(UIText.outcome(l)))),
                    .forEach(reviews) { review in
                        .tr(
                            .td(.text(ReviewKind(code: review.kind)?.label(l) ?? review.kind)), .td(.text(review.body)),
                            .td(.text(review.filedOn)),
                            .td(.text(review.decidedOn ?? "")),
                            .td(
                                .text(ReviewResult(code: review.result)?.label(l) ?? review.result),
                                .if(
                                    canAct && review.result == ReviewResult.pending.code,
                                    .form(
                                        .method(.post), .action(Views.attr(SiteURL.staffApplicationReview(id, review.id).path)),
                                        StaffViews.csrf(viewer),
                                        .select(
                                            .attribute(named: "name", value: "result"), .attribute(named: "aria-label", value: UIText.decision(l)),
                                            .forEach(ReviewResult.decisions) { Views.option($0.code, $0.label(l)) }),
                                        .input(
                                            .type(.date), .name("decidedOn"), .attribute(named: "aria-label", value: UIText.decidedOn(l)),
                                            .value(today.iso)),
                                        .button(.type(.submit), .text(UIText.recordDecision(l)))))))
                    }),
            .if(
                canAct,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffApplicationReviews(id).path)), StaffViews.csrf(viewer),
                    .element(
                        named: "fieldset",
                        nodes: [
                            .element(named: "legend", nodes: [.text(UIText.registerReview(l))]),
                            .label(.attribute(named: "for", value: "kind"), .text(UIText.kind(l))),
                            .select(
                                .attribute(named: "name", value: "kind"), .id("kind"),
                                .forEach(ReviewKind.allCases) { Views.option($0.code, $0.label(l)) }),
                            .label(.attribute(named: "for", value: "body"), .text(UIText.reviewBodyField(l))),
                            .input(.type(.text), .name("body"), .id("body")),
                            .label(.attribute(named: "for", value: "filedOn"), .text(UIText.filedOn(l))),
                            .input(.type(.date), .name("filedOn"), .id("filedOn")),
                            .label(.attribute(named: "for", value: "review-result"), .text(UIText.outcome(l))),
                            .select(
                                .attribute(named: "name", value: "result"), .id("review-result"),
                                .forEach([ReviewResult.pending] + ReviewResult.decisions) { Views.option($0.code, $0.label(l)) }),
                            .label(.attribute(named: "for", value: "decidedOn"), .text(UIText.decidedOn(l))),
                            .input(.type(.date), .name("decidedOn"), .id("decidedOn")),
                            .button(.type(.submit), .text(UIText.register(l))),
                        ])
                )),
            .h2(.text(UIText.applicationHistory(l))),
            .ol(
                .forEach(history) { event in
                    // NB: what happened is kept as it was written, in Chinese (the letters and notices are legal documents).
                    .li(
                        .text("\(event.date) · \(Audit.actor(event.actor, l)) · "),
                        .if(
                            event.kind == "notified",
                            .element(
                                named: "details",
                                nodes: [
                                    .element(named: "summary", nodes: [.text(UIText.toldApplicant(l))]),
                                    seesDetails
                                        ? .pre(.attribute(named: "lang", value: "zh-CN"), .text(event.detail))
                                        : .pre(.text(UIText.noticeTextHidden(l))),
                                ]), else: .span(.attribute(named: "lang", value: "zh-CN"), .text(event.detail))))
                })
        )
    }

    /// A clock step's articles after its text; they stay in Chinese, as legal terms do in English.
    static func cited(_ article: String, _ l: Language) -> String {
        l == .en ? " (\(article))" : "（\(article)）"
    }

    /// The due date, or what the clock says when there is none.
    static func due(_ deadline: Deadline, _ l: Language) -> String {
        deadline.due.map { UIText.dueOn(l, $0.iso) } ?? withoutDueDate(deadline, l)
    }

    /// How many working days are left, or how many it is overdue (while the application is open).
    static func remaining(_ deadline: Deadline, _ l: Language) -> String {
        guard deadline.due != nil, deadline.status == .open || deadline.status == .paused else { return "" }
        return deadline.overdue ? UIText.overdueBy(l, deadline.overdueWorkingDays) : UIText.daysLeft(l, deadline.remainingWorkingDays)
    }

    /// What the clock says when there is no due date: the 补正 awaited (第三十条), or nothing owed any more.
    static func withoutDueDate(_ deadline: Deadline, _ l: Language) -> String {
        switch deadline.status {
        case .paused: UIText.pausedForClarification(l, DeadlineEngine.answerPeriod)
        case .abandoned: UIText.deemedAbandoned(l)
        case .open, .answered, .withdrawn: UIText.noAnswerDue(l)
        }
    }
}

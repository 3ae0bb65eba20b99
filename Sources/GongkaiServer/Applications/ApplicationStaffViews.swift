import Foundation
import Gongkai
import Plot

/// The back office's application pages.
enum ApplicationStaffViews {
    static let buckets: [(String, String)] = [
        ("unconfirmed", "待确认收到"), ("due-soon", "5个工作日内到期"), ("overdue", "已逾期"), ("waiting", "等待申请人或被征求方"), ("to-close", "缴费期满待办结"), ("open", "办理中"),
        ("closed", "已办结"),
    ]

    static func dashboard(
        rows: [ApplicationStaffController.Row], counts: [String: Int], view: String, sort: String, descending: Bool, officer: String?,
        officers: [String], seesDetails: Bool, viewer: Viewer
    ) -> HTML {
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
            title: "依申请公开", viewer: viewer,
            StaffViews.header(viewer),
            .if(
                viewer.staff.map { ApplicationWorkflow.handles($0.role) && $0.agencyID != nil } ?? false,
                .p(.class("noprint"), .a(.href(Views.attr(SiteURL.staffNewApplication.path)), .text("登记当面、邮寄或传真申请")))),
            .element(
                named: "nav",
                nodes: [
                    .attribute(named: "aria-label", value: "分类"),
                    .p(
                        .forEach(buckets) { key, label in
                            .group(
                                key == view
                                    ? .strong(.text("\(label)（\(counts[key] ?? 0)）"))
                                    : .a(.href(Views.attr(link(view: key))), .text("\(label)（\(counts[key] ?? 0)）")),
                                .text(" · "))
                        }, view == "all" ? .strong(.text("全部")) : .a(.href(Views.attr(link(view: "all"))), .text("全部"))),
                ]),
            .if(
                !officers.isEmpty,
                .p(
                    .text("经办人："),
                    .forEach(officers) { name in
                        .group(name == officer ? .strong(.text(name)) : .a(.href(Views.attr(link(officer: .some(name)))), .text(name)), .text(" "))
                    }, .a(.href(Views.attr(link(officer: .some(nil)))), .text("全部")))),
            rows.isEmpty
                ? .p(.text("无。"))
                : .table(
                    .tr(
                        header("申请编号", "number"), .th(.text("申请人")), .th(.text("证件号码")), .th(.text("联系电话")), .th(.text("所需信息")),
                        header("收到日期", "received"), header("答复期限", "due"), .th(.text("剩余工作日")), header("状态", "status"), header("经办人", "officer")),
                    .forEach(rows) { row in
                        .tr(
                            .td(.a(.href(Views.attr(SiteURL.staffApplication(row.record.id!).path)), .text(row.record.trackingNumber))),
                            .td(.text(seesDetails ? row.record.name : String(row.record.name.prefix(1)) + "**")),
                            .td(.text(Masking.identity(row.record.idNumber))),
                            .td(.text(Masking.phone(row.record.phone))),
                            .td(.text(String(Applications.request(row.record).prefix(40)))),
                            .td(.text(row.record.receivedOn ?? "待确认")),
                            .td(.text(row.deadline?.due?.iso ?? "—")),
                            .td(
                                .text(
                                    row.deadline.map {
                                        $0.status == .open || $0.status == .paused
                                            ? ($0.overdue ? "逾期\($0.overdueWorkingDays)" : String($0.remainingWorkingDays)) : ""
                                    } ?? "")),
                            .td(.text(row.record.status.label)),
                            .td(.text(row.record.officer?.displayName ?? ""))
                        )
                    }
                )
        )
    }

    static func register(values: [String: String], problems: [String: Said], viewer: Viewer) -> HTML {
        Views.page(
            title: "登记政府信息公开申请", viewer: viewer,
            StaffViews.header(viewer),
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text("表单有\(problems.count)处需要修改，见各栏下方说明。"))),
            .form(
                .method(.post), .action(SiteURL.staffNewApplication.path),
                StaffViews.csrf(viewer),
                FormViews.fields(
                    ApplicationPortalViews.fields(byStaff: true, viewer.language), values: values,
                    problems: problems.mapValues { $0(viewer.language) }),
                .button(.type(.submit), .text("登记"))
            )
        )
    }

    static func show(
        _ record: ApplicationRecord, deadline: Deadline?, history: [ApplicationEventRecord], letters: [LetterRecord], reviews: [ReviewCaseRecord],
        similar: [ApplicationRecord], canAct: Bool, seesDetails: Bool, moves: [ApplicationMove.Kind], today: Day, viewer: Viewer
    ) -> HTML {
        let format = ReportFormat.expected(forYear: today.year)
        let id = record.id!
        func moveForm(_ kind: ApplicationMove.Kind) -> Node<HTML.BodyContext> {
            let (label, fields) = moveFields(kind, format: format)
            let compose = kind.letter != nil
            let move = kind.rawValue
            return .form(
                .method(compose ? .get : .post),
                .action(Views.attr((compose ? SiteURL.staffApplicationCompose(id, move: nil) : SiteURL.staffApplicationMove(id)).path)),
                .class("move"),
                compose ? .empty : StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("move"), .value(move)),
                .element(
                    named: "fieldset",
                    nodes: [
                        .element(named: "legend", text: label),
                        .label(.attribute(named: "for", value: "date-\(move)"), .text("日期")),
                        .input(.type(.date), .name("date"), .id("date-\(move)"), .value(today.iso)),
                        fields,
                        .button(.type(.submit), .text(compose ? "起草告知书" : label)),
                    ])
            )
        }
        return Views.page(
            title: "申请 \(record.trackingNumber)", viewer: viewer,
            StaffViews.header(viewer),
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.staffApplications().path)), .text("返回依申请公开"))),
            .table(
                .class("meta"),
                .tr(.th(.text("受理机关")), .td(.text(record.agency.name))),
                .tr(.th(.text("状态")), .td(.strong(.text(record.status.label)))),
                .tr(.th(.text("申请人类型")), .td(.text(ApplicantType(rawValue: record.applicantType)?.label ?? record.applicantType))),
                .tr(.th(.text("申请人")), .td(.text(seesDetails ? record.name : String(record.name.prefix(1)) + "**"))),
                .tr(
                    .th(.text("身份证明")),
                    .td(
                        .text(
                            (IdentityDocument(rawValue: record.idType)?.label ?? record.idType) + " "
                                + (seesDetails ? record.idNumber : Masking.identity(record.idNumber))))),
                .tr(.th(.text("联系电话")), .td(.text(seesDetails ? record.phone : Masking.phone(record.phone)))),
                .if(
                    seesDetails,
                    .group(
                        .tr(.th(.text("电子邮箱")), .td(.text(record.email))),
                        .tr(.th(.text("通信地址")), .td(.text(record.address))))),
                .tr(.th(.text("所需信息")), .td(.text(Applications.request(record)))),
                .tr(
                    .th(.text("载体形式 / 获取方式")),
                    .td(
                        .text(
                            "\(Applications.Input.words(record.formWanted, in: Applications.Input.forms, .zh)) / \(Applications.Input.words(record.delivery, in: Applications.Input.deliveries, .zh))"
                        ))),
                .tr(.th(.text("提交方式")), .td(.text(ReceiptChannel(rawValue: record.channel)?.explanation ?? record.channel))),
                .tr(.th(.text("收到申请日期")), .td(.text(record.receivedOn ?? "待确认（网上申请以双方确认之日为收到申请之日）")))
            ),
            .unwrap(record.result) { result in
                .p(
                    .text("办理结果："),
                    .strong(.text(AnswerResult.find(result, format: ReportFormat(rawValue: record.resultFormat ?? "") ?? format)?.label ?? result)),
                    .text("（\(record.resultFormat ?? "")年版表三）"))
            },
            .h2(.text("答复期限")),
            .unwrap(deadline) { deadline in
                .group(
                    .p(
                        .strong(.text(deadline.due.map { "答复期限：\($0.iso)" } ?? Self.withoutDueDate(deadline))),
                        .text(
                            deadline.due != nil && (deadline.status == .open || deadline.status == .paused)
                                ? (deadline.overdue ? "，已逾期\(deadline.overdueWorkingDays)个工作日" : "，剩余\(deadline.remainingWorkingDays)个工作日") : "")
                    ),
                    .ol(
                        .forEach(deadline.steps) { step in
                            .li(.text("\(step.date.iso) \(step.text)" + (step.article.isEmpty ? "" : "（\(step.article)）")))
                        }),
                    .forEach(deadline.warnings) { .p(.class("error"), .text($0)) }
                )
            },
            .if(deadline == nil, .p(.text("尚未确认收到，答复期限自确认之日起计算。"))),
            .if(
                !moves.isEmpty,
                .section(
                    .h2(.text("办理")),
                    .forEach(moves) { moveForm($0) }
                )),
            .if(
                canAct && record.providesInformation,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffApplicationPublish(id).path)), StaffViews.csrf(viewer),
                    .button(.type(.submit), .text(record.publishedItemID == nil ? "转为主动公开（第四十四条）：起草目录信息" : "查看已转为主动公开的目录信息"))
                )),
            .if(
                !similar.isEmpty,
                .section(
                    .class("notice"),
                    .h2(.text("相同信息的其他申请")),
                    .p(.text("另有\(similar.count)份申请要求获取相同的信息。依第四十四条，多个申请人就相同政府信息申请公开且可以公开的，可以纳入主动公开范围。")),
                    .ul(
                        .forEach(similar) { other in
                            .li(
                                .a(
                                    .href(Views.attr(SiteURL.staffApplication(other.id!).path)),
                                    .text("\(other.trackingNumber) · \(other.status.label)")))
                        })
                )),
            .h2(.text("告知书和答复书")),
            letters.isEmpty
                ? .p(.text("无。"))
                : .ul(
                    .forEach(letters) { letter in
                        .li(
                            seesDetails
                                ? .a(.href(Views.attr(SiteURL.staffApplicationLetter(id, letter.id!).path)), .text(letter.title))
                                : .text(letter.title), .text(" · \(letter.sentOn ?? "") 发出 · \(letter.sentBy ?? "")"))
                    }),
            .h2(.text("行政复议和行政诉讼")),
            reviews.isEmpty
                ? .p(.text("无。"))
                : .table(
                    .tr(.th(.text("类别")), .th(.text("复议机关或法院")), .th(.text("申请或起诉日期")), .th(.text("审结日期")), .th(.text("结果"))),
                    .forEach(reviews) { review in
                        .tr(
                            .td(.text(ReviewKind(code: review.kind)?.label ?? review.kind)), .td(.text(review.body)),
                            .td(.text(review.filedOn)),
                            .td(.text(review.decidedOn ?? "")),
                            .td(
                                .text(ReviewResult(code: review.result)?.label ?? review.result),
                                .if(
                                    canAct && review.result == ReviewResult.pending.code,
                                    .form(
                                        .method(.post), .action(Views.attr(SiteURL.staffApplicationReview(id, review.id!).path)),
                                        StaffViews.csrf(viewer),
                                        .select(
                                            .attribute(named: "name", value: "result"), .attribute(named: "aria-label", value: "审结结果"),
                                            .forEach(ReviewResult.decisions) { Views.option($0.code, $0.label) }),
                                        .input(.type(.date), .name("decidedOn"), .attribute(named: "aria-label", value: "审结日期"), .value(today.iso)),
                                        .button(.type(.submit), .text("记录审结"))))))
                    }),
            .if(
                canAct,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffApplicationReviews(id).path)), StaffViews.csrf(viewer),
                    .element(
                        named: "fieldset",
                        nodes: [
                            .element(named: "legend", text: "登记复议或诉讼"),
                            .label(.attribute(named: "for", value: "kind"), .text("类别")),
                            .select(
                                .attribute(named: "name", value: "kind"), .id("kind"),
                                .forEach(ReviewKind.allCases) { Views.option($0.code, $0.label) }),
                            .label(.attribute(named: "for", value: "body"), .text("复议机关或人民法院")),
                            .input(.type(.text), .name("body"), .id("body")),
                            .label(.attribute(named: "for", value: "filedOn"), .text("申请或起诉日期")),
                            .input(.type(.date), .name("filedOn"), .id("filedOn")),
                            .label(.attribute(named: "for", value: "review-result"), .text("结果")),
                            .select(
                                .attribute(named: "name", value: "result"), .id("review-result"),
                                .forEach([ReviewResult.pending] + ReviewResult.decisions) { Views.option($0.code, $0.label) }),
                            .label(.attribute(named: "for", value: "decidedOn"), .text("审结日期")),
                            .input(.type(.date), .name("decidedOn"), .id("decidedOn")),
                            .button(.type(.submit), .text("登记")),
                        ])
                )),
            .h2(.text("办理记录")),
            .ol(
                .forEach(history) { event in
                    .li(
                        .text("\(event.date) · \(event.actor) · "),
                        .if(
                            event.kind == "notified",
                            .element(
                                named: "details",
                                nodes: [
                                    .element(named: "summary", text: "告知申请人"),
                                    .element(named: "pre", text: seesDetails ? event.detail : "（通知正文含申请人信息，仅本机关经办人可见）"),
                                ]), else: .text(event.detail)))
                })
        )
    }

    /// What the clock says when there is no due date: the 补正 awaited (第三十条), or nothing owed any more.
    static func withoutDueDate(_ deadline: Deadline) -> String {
        switch deadline.status {
        case .paused: "等待申请人补正：答复期限暂停计算，自收到补正后的申请之日起重新计算\(DeadlineEngine.answerPeriod)个工作日（第三十条）"
        case .abandoned: "视为放弃申请，不再答复"
        case .open, .answered, .withdrawn: "无答复期限"
        }
    }

    /// The legend of a move's form and the fields it asks for besides the date.
    static func moveFields(_ kind: ApplicationMove.Kind, format: ReportFormat) -> (String, Node<HTML.FormContext>) {
        func label(_ id: String, _ text: String) -> Node<HTML.FormContext> { .label(.attribute(named: "for", value: id), .text(text)) }
        switch kind {
        case .clarify:
            return (
                "补正告知（第三十条，一次告知）",
                .group(label("what", "需要补正的全部事项"), .textarea(.name("what"), .id("what"), .attribute(named: "rows", value: "3")))
            )
        case .consult:
            return ("征求意见（第三十二条、第三十四条）", .group(label("party", "被征求意见的第三方或机关"), .input(.type(.text), .name("party"), .id("party"))))
        case .consultAnswered:
            return ("收到被征求方意见", .group(label("party-answered", "被征求方"), .input(.type(.text), .name("party"), .id("party-answered"))))
        case .extend:
            return (
                "延期答复（第三十三条，须负责人同意）",
                .group(label("days", "延长工作日数（不超过20）"), .input(.type(.text), .name("days"), .id("days"), .value("20")))
            )
        case .fee:
            return (
                "收费通知（第四十二条）",
                .group(
                    label("amount", "金额（元）"), .input(.type(.text), .name("amount"), .id("amount")), label("basis", "计收标准"),
                    .select(
                        .attribute(named: "name", value: "basis"), .id("basis"), Views.option("按件计收", "按件计收"), Views.option("按量计收", "按量计收")))
            )
        case .answer:
            return (
                "作出答复",
                .group(
                    label("result", "办理结果（\(format.rawValue)年版表三）"),
                    .select(
                        .attribute(named: "name", value: "result"), .id("result"),
                        .forEach(AnswerResult.answers(format)) { Views.option($0.rowID, $0.label) }),
                    label("detail", "提供的信息、获取途径或理由"),
                    .textarea(.name("detail"), .id("detail"), .attribute(named: "rows", value: "3")))
            )
        case .confirm, .clarified, .clarifyExpired, .feePaid, .feeUnpaid, .withdraw:
            return (kind.label, .empty)
        }
    }

    static func compose(
        _ record: ApplicationRecord, form: ApplicationStaffController.MoveForm, label: String, date: Day, draft: (title: String, body: String),
        viewer: Viewer
    ) -> HTML {
        Views.page(
            title: "\(label)：\(record.trackingNumber)", viewer: viewer,
            StaffViews.header(viewer),
            .p(.text("以下文书已根据申请事实起草，可修改后发出；发出后按原样保存，不能再改。")),
            .form(
                .method(.post), .action(Views.attr(SiteURL.staffApplicationMove(record.id!).path)),
                StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("move"), .value(Views.attr(form.move))),
                .input(.type(.hidden), .name("date"), .value(date.iso)),
                .forEach([
                    ("what", form.what), ("party", form.party), ("days", form.days), ("amount", form.amount), ("basis", form.basis),
                    ("result", form.result), ("detail", form.detail),
                ]) { name, value in
                    .unwrap(value) { .input(.type(.hidden), .name(name), .value(Views.attr($0))) }
                },
                .label(.attribute(named: "for", value: "letterTitle"), .text("标题")),
                .input(.type(.text), .name("letterTitle"), .id("letterTitle"), .value(Views.attr(draft.title))),
                .label(.attribute(named: "for", value: "letterBody"), .text("正文")),
                .textarea(.name("letterBody"), .id("letterBody"), .attribute(named: "rows", value: "24"), .text(draft.body)),
                .button(.type(.submit), .text("发出并记录：\(label)"))
            )
        )
    }

    /// A letter as sent, laid out for A4.
    static func letter(_ letter: LetterRecord, viewer: Viewer) -> HTML {
        Views.page(
            title: letter.title, viewer: viewer,
            .element(
                named: "style",
                text:
                    "@page { size: A4; margin: 25mm 20mm; } .letter { white-space: pre-wrap; line-height: 1.9; font-size: 16px; max-width: 170mm; } @media print { header.site { display: none; } }"
            ),
            .p(.class("noprint"), .text("发出日期 \(letter.sentOn ?? "") · 经办人 \(letter.sentBy ?? "") · 按发出时原样保存")),
            .div(.class("letter"), .text(letter.body))
        )
    }
}

import Foundation
import Gongkai
import Plot

/// The back office's pages.
enum StaffViews {
    static func csrf(_ viewer: Viewer) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.field), .value(Views.attr(viewer.csrf ?? "")))
    }

    static func login(error: String?, username: String, viewer: Viewer) -> HTML {
        Views.page(
            title: "工作人员登录", viewer: viewer,
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.staffLogin.path),
                csrf(viewer),
                .label(.attribute(named: "for", value: "username"), .text("用户名")),
                .input(.type(.text), .name("username"), .id("username"), .value(Views.attr(username)), .autocomplete(false), .required(true)),
                .label(.attribute(named: "for", value: "password"), .text("密码")),
                .input(.type(.password), .name("password"), .id("password"), .required(true)),
                .button(.type(.submit), .text("登录"))
            )
        )
    }

    /// The back office's links; each account is offered only what its role may do.
    static func header(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        let role = viewer.staff?.role
        let drafts = role.map(ReviewWorkflow.drafts) == true && viewer.staff?.agencyID != nil
        let readsApplications = role.map(ApplicationWorkflow.reads) == true
        let language = viewer.language
        func link(_ url: SiteURL, _ text: UIText) -> Node<HTML.BodyContext> {
            .group(.a(.href(Views.attr(url.path)), .text(text(language))), .text(" · "))
        }
        return .p(
            .class("noprint"),
            link(.staffHome, .desk),
            .if(drafts, link(.staffNewItem, .draftItem)),
            .if(readsApplications, link(.staffApplications(), .applications)),
            link(.staffReports(), .annualReports),
            link(.staffRegisters(), .registers),
            link(.staffTrainings, .trainings),
            link(.staffComplaints, .complaints),
            .if(viewer.staff?.role == .administrator, .group(link(.admin, .administration), link(.staffAudit, .auditLog))),
            .form(
                .method(.post), .action(SiteURL.staffLogout.path), .style("display:inline"), csrf(viewer),
                .button(.type(.submit), .text(UIText.signOut(language))))
        )
    }

    /// An online application waiting for its receipt to be confirmed: id, tracking number, agency, day submitted.
    typealias Unconfirmed = (id: UUID, number: String, agency: String, submitted: String)

    static func dashboard(
        user: StaffUser, items: [ItemDTO], late: [ItemDTO], unconfirmed: [Unconfirmed] = [], reportWarning: String? = nil, viewer: Viewer
    ) -> HTML {
        Views.page(
            title: "工作台", viewer: viewer,
            header(viewer),
            .unwrap(reportWarning) {
                .p(.class("notice"), .attribute(named: "role", value: "status"), .a(.href(SiteURL.staffReports().path), .text($0)))
            },
            .if(
                !unconfirmed.isEmpty,
                .group(
                    .h2(.text("待确认收到的网上申请（\(unconfirmed.count)件）")),
                    .p(.text("网上申请以双方确认之日为收到申请之日（第三十一条），确认后答复期限开始计算。")),
                    .table(
                        .tr(.th(.text("申请编号")), .th(.text("机关")), .th(.text("提交日期"))),
                        .forEach(unconfirmed) { row in
                            .tr(
                                .td(.a(.href(Views.attr(SiteURL.staffApplication(row.id).path)), .text(row.number))), .td(.text(row.agency)),
                                .td(.text(row.submitted)))
                        }))),
            .h2(.text("待处理的信息")),
            itemTable(items),
            .h2(.text("超过第二十六条二十个工作日发布的信息")),
            itemTable(late)
        )
    }

    static func itemTable(_ items: [ItemDTO]) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.text("无。")) }
        return .table(
            .tr(.th(.text("索引号")), .th(.text("标题")), .th(.text("机关")), .th(.text("状态")), .th(.text("生成日期")), .th(.text("逾期工作日"))),
            .forEach(items) { item in
                .tr(
                    .td(.text(item.indexNumber)),
                    .td(.a(.href(Views.attr(SiteURL.staffItem(item.id).path)), .text(item.title))),
                    .td(.text(item.agencyName)),
                    .td(.text(PublicationState(rawValue: item.state)?.label ?? item.state)),
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
        title: String, action: String, input: Catalogue.ItemInput?, categories: [CategoryDTO], problems: [String: String], today: Day, viewer: Viewer
    ) -> HTML {
        let channels = Set(input?.channels ?? [PublicationChannel.website.rawValue])
        return Views.page(
            title: title, viewer: viewer,
            header(viewer),
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text("表单有\(problems.count)处需要修改，见各栏下方说明。"))),
            .form(
                .method(.post), .action(action),
                csrf(viewer),
                field(
                    "categoryID", "目录分类", problems: problems,
                    .select(
                        .attribute(named: "name", value: "categoryID"), .id("categoryID"),
                        .group(categories.map { Views.option($0.id.uuidString, $0.name, selected: $0.id == input?.categoryID) })
                    )),
                field(
                    "title", "标题（名称）", problems: problems,
                    .input(.type(.text), .name("title"), .id("title"), .value(Views.attr(input?.title ?? "")), .required(true))),
                field(
                    "documentNumber", "文号", problems: problems,
                    .input(.type(.text), .name("documentNumber"), .id("documentNumber"), .value(Views.attr(input?.documentNumber ?? "")))),
                field(
                    "issuingAgency", "发布机构（空则为本机关）", problems: problems,
                    .input(.type(.text), .name("issuingAgency"), .id("issuingAgency"), .value(Views.attr(input?.issuingAgency ?? "")))),
                field(
                    "writtenOn", "生成日期", problems: problems,
                    .input(.type(.date), .name("writtenOn"), .id("writtenOn"), .value(Views.attr(input?.writtenOn ?? today.iso)), .required(true))),
                field(
                    "validity", "有效性（规范性文件）", problems: problems,
                    .select(
                        .attribute(named: "name", value: "validity"), .id("validity"),
                        .group(
                            [Views.option("", "不适用")]
                                + Validity.allCases.map { Views.option($0.rawValue, $0.label, selected: $0.rawValue == input?.validity) })
                    )),
                .fieldset(
                    .element(named: "legend", text: "公开方式"),
                    .forEach(PublicationChannel.allCases) { channel in
                        .label(
                            .style("display:inline;font-weight:normal;margin-right:1em"),
                            .input(
                                .type(.checkbox), .name("channels[]"), .value(Views.attr(channel.rawValue)),
                                .checked(channels.contains(channel.rawValue))),
                            .text(channel.label)
                        )
                    },
                    .unwrap(problems["channels"]) { .p(.class("error"), .text($0)) }
                ),
                field(
                    "bulletinPlace", "公开栏地点", problems: problems,
                    .input(.type(.text), .name("bulletinPlace"), .id("bulletinPlace"), .value(Views.attr(input?.bulletinPlace ?? "")))),
                field(
                    "postingFrom", "公示开始日期", problems: problems,
                    .input(.type(.date), .name("postingFrom"), .id("postingFrom"), .value(Views.attr(input?.postingFrom ?? "")))),
                field(
                    "postingTo", "公示结束日期", problems: problems,
                    .input(.type(.date), .name("postingTo"), .id("postingTo"), .value(Views.attr(input?.postingTo ?? "")))),
                field("summary", "内容概述", problems: problems, .textarea(.name("summary"), .id("summary"), .rows(3), .text(input?.summary ?? ""))),
                field(
                    "body", "正文（纯文本：空行分段，“- ”开头为列表，“# ”开头为小标题）", problems: problems,
                    .textarea(.name("body"), .id("body"), .rows(14), .text(input?.body ?? ""))),
                .button(.type(.submit), .text("保存草稿"))
            )
        )
    }

    static func item(
        _ item: ItemDTO, drafter: String, returnReason: String?, canWrite: Bool, isDrafter: Bool, publishBy: Day?,
        history: [(String, String, String)], attachments: [(String, Int, String)], refusal: String? = nil, viewer: Viewer
    ) -> HTML {
        let state = PublicationState(rawValue: item.state) ?? .draft
        func actionForm(_ action: ReviewAction, _ label: String, extra: Node<HTML.FormContext> = .empty) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(SiteURL.staffItemAction(item.id).path), .style("margin:.5em 0"), csrf(viewer),
                .input(.type(.hidden), .name("action"), .value(Views.attr(action.rawValue))), extra, .button(.type(.submit), .text(label)))
        }
        let role = viewer.staff?.role
        return Views.page(
            title: item.title, viewer: viewer,
            header(viewer),
            .table(
                .class("meta"),
                .tr(.th(.text("状态")), .td(.text(state.label))),
                .tr(.th(.text("索引号")), .td(.text(item.indexNumber))),
                .tr(.th(.text("机关")), .td(.text(item.agencyName))),
                .tr(.th(.text("分类")), .td(.text(item.categoryName))),
                .tr(.th(.text("起草人")), .td(.text(drafter))),
                .tr(.th(.text("生成日期")), .td(.text(item.writtenOn))),
                .unwrap(publishBy) { .tr(.th(.text("应发布期限")), .td(.text("\($0.iso)（第二十六条：生成之日起二十个工作日内）"))) },
                .unwrap(item.publishedOn) { .tr(.th(.text("发布日期")), .td(.text($0 + (item.daysLate > 0 ? "（逾期\(item.daysLate)个工作日）" : "")))) },
                .unwrap(returnReason) { .tr(.th(.text("退回理由")), .td(.text($0))) }
            ),
            .if(state == .published, .p(.a(.href(Views.attr(SiteURL.item(item.agencyCode, item.id).path)), .text("在门户网站查看")))),
            .if(
                canWrite,
                .section(
                    .class("noprint"),
                    .h2(.text("操作")),
                    .unwrap(refusal) { .p(.class("error"), .id("refusal"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .if(
                        (state == .draft || state == .returned) && (role == .editor || role == .administrator),
                        .group(
                            .p(.a(.href(Views.attr(SiteURL.staffEditItem(item.id).path)), .text("修改"))),
                            actionForm(.submit, "提交审核")
                        )),
                    .if(
                        state == .submitted && (role == .reviewer || role == .administrator),
                        .group(
                            .if(isDrafter, .p(.class("error"), .text("您是本信息的起草人，不能审核通过（须由他人审核）。"))),
                            actionForm(
                                .approve, "审核通过",
                                extra: .label(
                                    .style("font-weight:normal"), .input(.type(.checkbox), .name("confirmedReview"), .value(Views.attr("on"))),
                                    .text(" 已完成保密审查和个人隐私审查"))),
                            actionForm(
                                .return, "退回修改",
                                extra: .group(
                                    .label(.attribute(named: "for", value: "reason"), .text("退回理由")),
                                    .textarea(.name("reason"), .id("reason"), .rows(2), .text(""))))
                        )),
                    .if(
                        (state == .draft || state == .returned) && (role == .editor || role == .administrator),
                        .form(
                            .method(.post), .action(SiteURL.staffAttachments(item.id).path), .enctype(.multipartData), .style("margin:.5em 0"),
                            csrf(viewer),
                            .label(.attribute(named: "for", value: "file"), .text("添加附件（PDF、OFD、Word、Excel、图片、ZIP，不超过20MB）")),
                            .input(.type(.file), .name("file"), .id("file"), .required(true)),
                            .button(.type(.submit), .text("上传"))
                        )),
                    .if(state == .approved, actionForm(.publish, "发布")),
                    .if(
                        state == .published && (role == .editor || role == .administrator),
                        .form(
                            .method(.post), .action(SiteURL.staffNewVersion(item.id).path), csrf(viewer),
                            .button(.type(.submit), .text("修订（生成新版本草稿）"))
                        )),
                    .if(state == .published && (role == .reviewer || role == .administrator), actionForm(.withdraw, "撤回"))
                )),
            .if(
                !attachments.isEmpty,
                .group(.h2(.text("附件")), .ul(.forEach(attachments) { .li(.text("\($0.0)（\($0.1) 字节，SHA-256 \($0.2.prefix(16))…）")) }))),
            .h2(.text("内容概述")), .p(.text(item.summary)),
            .h2(.text("正文")), Views.safeText(item.body),
            .h2(.text("处理记录")),
            .table(.forEach(history) { entry in .tr(.td(.text(entry.0)), .td(.text(entry.1)), .td(.text(entry.2))) })
        )
    }

    static func audit(
        _ entries: [(Date, String, String, String, String, String?, String?, String?)], actor: String?, action: String?, agency: String?,
        viewer: Viewer
    ) -> HTML {
        Views.page(
            title: "审计日志", viewer: viewer,
            header(viewer),
            .form(
                .method(.get), .action(SiteURL.staffAudit.path),
                .label(.attribute(named: "for", value: "actor"), .text("操作人")),
                .input(.type(.text), .name("actor"), .id("actor"), .value(Views.attr(actor ?? ""))),
                .label(.attribute(named: "for", value: "action"), .text("操作")),
                .input(.type(.text), .name("action"), .id("action"), .value(Views.attr(action ?? ""))),
                .label(.attribute(named: "for", value: "agency"), .text("机关代码")),
                .input(.type(.text), .name("agency"), .id("agency"), .value(Views.attr(agency ?? ""))),
                .button(.type(.submit), .text("筛选"))
            ),
            .table(
                .tr(.th(.text("时间")), .th(.text("操作人")), .th(.text("操作")), .th(.text("对象")), .th(.text("机关")), .th(.text("修改前")), .th(.text("修改后"))),
                .forEach(entries) { entry in
                    .tr(
                        .td(.text(StaffController.time(entry.0))), .td(.text(entry.1)),
                        .td(.text(Audit.Action(rawValue: entry.2).label), .small(.text(" \(entry.2)"))),
                        .td(.text("\(entry.3) \(entry.4.prefix(8))")), .td(.text(entry.5 ?? "")),
                        .td(.small(.text(String((entry.6 ?? "").prefix(300))))), .td(.small(.text(String((entry.7 ?? "").prefix(300)))))
                    )
                }
            )
        )
    }
}

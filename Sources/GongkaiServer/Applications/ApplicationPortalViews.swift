import Foundation
import Gongkai
import Plot

/// The public side of applications: the form, the receipt with the tracking number, the status look-up.
/// Nothing here shows an applicant's personal data except back to the person who just typed it.
enum ApplicationPortalViews {
    static func fields(byStaff: Bool) -> [FormField] {
        var fields: [FormField] = [
            FormField(name: "applicantType", label: "申请人类型", kind: .choice([("", "请选择")] + ApplicantType.allCases.map { ($0.rawValue, $0.label) })),
            FormField(name: "name", label: "申请人姓名或名称"),
            FormField(name: "idType", label: "身份证明文件", kind: .choice([("", "请选择")] + IdentityDocument.allCases.map { ($0.rawValue, $0.label) })),
            FormField(name: "idNumber", label: "证件号码", hint: "居民身份证、统一社会信用代码将核对校验位"),
            FormField(name: "phone", label: "联系电话"),
            FormField(name: "email", label: "电子邮箱（选填；填写后各环节将以邮件告知）"),
            FormField(name: "address", label: "通信地址（选择邮寄的必填）"),
            FormField(name: "infoTitle", label: "所需信息的名称"),
            FormField(name: "infoNumber", label: "所需信息的文号（选填）"),
            FormField(name: "infoDescription", label: "所需信息的其他特征描述（选填）", kind: .text(rows: 4)),
            FormField(
                name: "formWanted", label: "获取信息的载体形式",
                kind: .choice([("", "请选择")] + Applications.Input.forms.sorted { $0.key > $1.key }.map { ($0.key, $0.value) })),
            FormField(
                name: "delivery", label: "获取信息的方式",
                kind: .choice([("", "请选择")] + ["post", "email", "collect", "online"].map { ($0, Applications.Input.deliveries[$0]!) })),
        ]
        if byStaff {
            fields += [
                FormField(
                    name: "channel", label: "申请的提交方式",
                    kind: .choice([("", "请选择")] + ReceiptChannel.allCases.filter { $0 != .online }.map { ($0.rawValue, $0.explanation) })),
                FormField(name: "receivedOn", label: "收到申请日期（第三十一条）", hint: "YYYY-MM-DD"),
            ]
        }
        return fields
    }

    static func form(agency: AgencyDTO, values: [String: String], problems: [String: String], viewer: Viewer) -> HTML {
        Views.page(
            title: "\(agency.name)：政府信息公开申请", viewer: viewer, crumbs: PortalViews.crumbs(agency),
            PortalViews.agencyNav(agency),
            .p(.text("依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，您可以向本机关申请获取政府信息。无需说明申请用途或理由。提交后您将得到申请编号和查询码，本机关确认收到之日为收到申请之日（第三十一条）。")),
            .if(
                !problems.isEmpty,
                .p(.class("error"), .attribute(named: "role", value: "alert"), .text("表单有\(problems.count)处需要修改，见各栏下方说明。您已填写的内容都保留着。"))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.apply(agency.code).path)),
                FormViews.fields(fields(byStaff: false), values: values, problems: problems),
                .button(.type(.submit), .text("提交申请"))
            )
        )
    }

    static func receipt(agency: AgencyDTO, trackingNumber: String, secret: String, viewer: Viewer) -> HTML {
        Views.page(
            title: "申请已提交", viewer: viewer, crumbs: PortalViews.crumbs(agency),
            .p(.text("您的政府信息公开申请已提交至\(agency.name)。请记下以下两项，用于查询办理进度：")),
            .table(
                .class("meta"),
                .tr(.th(.text("申请编号")), .td(.strong(.text(trackingNumber)))),
                .tr(.th(.text("查询码")), .td(.strong(.text(secret))))
            ),
            .p(.text("查询码只显示这一次，本机关也无法找回。本机关确认收到后，答复期限自确认之日起计算，一般为20个工作日。")),
            .p(.a(.href(Views.attr(SiteURL.applicationStatus.path)), .text("查询办理进度")))
        )
    }

    static func lookup(trackingNumber: String, problem: String?, status: ApplicationStatusDTO?, viewer: Viewer) -> HTML {
        Views.page(
            title: "政府信息公开申请查询", viewer: viewer,
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(status) { status in
                .table(
                    .class("meta"),
                    .tr(.th(.text("申请编号")), .td(.text(status.trackingNumber))),
                    .tr(.th(.text("受理机关")), .td(.text(status.agencyName))),
                    .tr(.th(.text("办理状态")), .td(.text(status.statusLabel))),
                    .tr(.th(.text("提交日期")), .td(.text(status.submittedOn))),
                    .tr(.th(.text("收到申请日期")), .td(.text(status.receivedOn ?? "待确认"))),
                    .tr(.th(.text("答复期限")), .td(.text(status.dueOn.map { $0 + (status.provisional ? "（按周一至周五推算，节假日安排公布后可能调整）" : "") } ?? "—"))),
                    .tr(.th(.text("办结日期")), .td(.text(status.closedOn ?? "—"))),
                    .unwrap(status.resultLabel) { .tr(.th(.text("办理结果")), .td(.text($0))) }
                )
            },
            .form(
                .method(.post), .action(Views.attr(SiteURL.applicationStatus.path)),
                .label(.attribute(named: "for", value: "trackingNumber"), .text("申请编号")),
                .input(.type(.text), .name("trackingNumber"), .id("trackingNumber"), .value(Views.attr(trackingNumber)), .required(true)),
                .label(.attribute(named: "for", value: "secret"), .text("查询码")),
                .input(.type(.password), .name("secret"), .id("secret"), .required(true), .autocomplete(false)),
                .button(.type(.submit), .text("查询"))
            )
        )
    }
}

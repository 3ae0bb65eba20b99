import Foundation
import Gongkai
import Plot

/// The back office's pages for a move's form, its letter and the printed application form.
extension ApplicationStaffViews {
    /// The legend of a move's form and the fields it asks for besides the date.
    static func moveFields(_ kind: ApplicationMove.Kind, format: ReportFormat, _ l: Language) -> (String, Node<HTML.FormContext>) {
        func label(_ id: String, _ text: String) -> Node<HTML.FormContext> { .label(.attribute(named: "for", value: id), .text(text)) }
        switch kind {
        case .clarify:
            return (
                UIText.moveClarify(l),
                .group(label("what", UIText.clarifyWhat(l)), .textarea(.name("what"), .id("what"), .attribute(named: "rows", value: "3")))
            )
        case .consult:
            return (UIText.moveConsult(l), .group(label("party", UIText.partyToConsult(l)), .input(.type(.text), .name("party"), .id("party"))))
        case .consultAnswered:
            return (
                UIText.moveConsultAnswered(l),
                .group(label("party-answered", UIText.consultedParty(l)), .input(.type(.text), .name("party"), .id("party-answered")))
            )
        case .extend:
            return (
                UIText.moveExtend(l),
                .group(label("days", UIText.extensionDays(l)), .input(.type(.text), .name("days"), .id("days"), .value("20")))
            )
        case .fee:
            return (
                UIText.moveFee(l),
                .group(
                    label("finding", UIText.feeFinding(l)), .textarea(.name("finding"), .id("finding"), .attribute(named: "rows", value: "3")),
                    label("scale", UIText.feeBasis(l)),
                    .select(
                        .attribute(named: "name", value: "scale"), .id("scale"),
                        Views.option(InformationProcessingFee.Scale.perApplication.rawValue, UIText.feePerRequest(l)),
                        Views.option(InformationProcessingFee.Scale.perPage.rawValue, UIText.feeByVolume(l))),
                    label("pages", UIText.feePages(l)),
                    .input(.type(.text), .name("pages"), .id("pages"), .attribute(named: "inputmode", value: "numeric")))
            )
        case .answer:
            return (
                UIText.moveAnswer(l),
                .group(
                    label("result", UIText.resultField(l, format.rawValue)),
                    .select(
                        .attribute(named: "name", value: "result"), .id("result"),
                        .forEach(AnswerResult.answers(format)) { Views.option($0.rowID, $0.label(l)) }),
                    label("detail", UIText.answerDetail(l)),
                    .textarea(.name("detail"), .id("detail"), .attribute(named: "rows", value: "3")),
                    label("withheld", UIText.withheldField(l)),
                    .textarea(.name("withheld"), .id("withheld"), .attribute(named: "rows", value: "2")),
                    .p(.small(.text(UIText.withheldHint(l)))),
                    .p(
                        .input(.type(.checkbox), .name("elsewhere"), .id("elsewhere"), .value("on")),
                        .label(.attribute(named: "for", value: "elsewhere"), .text(UIText.answerElsewhere(l)))),
                    label("responsible", UIText.answerResponsible(l)),
                    .input(.type(.text), .name("responsible"), .id("responsible")))
            )
        case .askReasons, .reasonsGiven, .assist:
            let (legend, field): (UIText, UIText) =
                switch kind {
                case .askReasons: (.moveAskReasons, .reasonsObserved)
                case .reasonsGiven: (.moveReasonsGiven, .reasonsAsGiven)
                default: (.moveAssist, .helpGiven)
                }
            return (
                legend(l),
                .group(
                    label("what-\(kind.rawValue)", field(l)),
                    .textarea(.name("what"), .id("what-\(kind.rawValue)"), .attribute(named: "rows", value: "3")))
            )
        case .answerCorrection:
            return (
                UIText.moveAnswerCorrection(l),
                .group(
                    label("correction-result", UIText.correctionResult(l)),
                    .select(
                        .attribute(named: "name", value: "result"), .id("correction-result"),
                        .forEach(CorrectionResult.allCases) { Views.option($0.rawValue, $0.label(l)) }),
                    label("correction-detail", UIText.correctionDetail(l)),
                    .textarea(.name("detail"), .id("correction-detail"), .attribute(named: "rows", value: "3")))
            )
        case .deferAnswer:
            return (
                UIText.moveDefer(l),
                .group(
                    label("until", UIText.deferUntil(l)), .input(.type(.date), .name("until"), .id("until")),
                    label("what-defer", UIText.deferReason(l)), .textarea(.name("what"), .id("what-defer"), .attribute(named: "rows", value: "3")))
            )
        case .confirm, .clarified, .clarifyExpired, .consultReceived, .feeReceived, .feePaid, .feeUnpaid, .withdraw:
            return (kind.label(l), .empty)
        }
    }

    static func compose(
        _ record: ApplicationSummary, form: ApplicationStaffController.MoveForm, label: String, date: Day, draft: (title: String, body: String),
        viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.labelled(l, label, record.trackingNumber), viewer: viewer,
            .p(.text(UIText.letterExplained(l))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.staffApplicationMove(record.id).path)),
                StaffViews.csrf(viewer),
                .input(.type(.hidden), .name("move"), .value(Views.attr(form.move))),
                .input(.type(.hidden), .name("date"), .value(date.iso)),
                .input(.type(.hidden), .name("revision"), .value(Views.attr(form.revision ?? String(record.revision)))),
                .forEach([
                    ("what", form.what), ("party", form.party), ("days", form.days), ("until", form.until), ("finding", form.finding),
                    ("scale", form.scale),
                    ("pages", form.pages), ("result", form.result), ("detail", form.detail), ("withheld", form.withheld),
                    ("elsewhere", form.elsewhere),
                    ("responsible", form.responsible),
                ]) { name, value in
                    .unwrap(value) { .input(.type(.hidden), .name(name), .value(Views.attr($0))) }
                },
                .label(.attribute(named: "for", value: "letterTitle"), .text(UIText.title(l))),
                .input(.type(.text), .name("letterTitle"), .id("letterTitle"), .value(Views.attr(draft.title))),
                .label(.attribute(named: "for", value: "letterBody"), .text(UIText.body(l))),
                .textarea(.name("letterBody"), .id("letterBody"), .attribute(named: "rows", value: "24"), .text(draft.body)),
                .button(.type(.submit), .text(UIText.sendAndRecord(l, label)))
            )
        )
    }

    /// A letter as sent, laid out for A4 as an official letter: the title centred, its 文号 under it, the body, and the
    /// agency and date right-aligned below room for the seal; printed without the site's frame.
    static func letter(_ letter: ApplicationPage.Letter, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: letter.title, viewer: viewer,
            .p(.class("noprint"), .text(UIText.letterKept(l, letter.sentOn, letter.sentBy))),
            article(letter)
        )
    }

    /// A letter as sent, set for A4: title, number, text, and the signature right-aligned with room for the seal. A
    /// legal document: in Chinese whatever the page's language.
    static func article(_ letter: ApplicationPage.Letter) -> Node<HTML.BodyContext> {
        let parts = letter.parts
        return .element(
            named: "article",
            nodes: [
                .class("letter"), .attribute(named: "lang", value: "zh-CN"),
                .p(.class("letter-title"), .text(letter.title)),
                .if(!letter.number.isEmpty, .p(.class("letter-number"), .text(letter.number))),
                .div(.class("letter-body"), .text(parts.text)),
                .if(!parts.signature.isEmpty, .div(.class("letter-signature"), .forEach(parts.signature) { .p(.text($0)) })),
            ])
    }

    /// The application as a form on A4, to be signed by the applicant (第二十九条: one made orally is written down by
    /// staff and confirmed by the applicant) or kept with the file. A legal record: in Chinese whatever the page's language.
    static func printedForm(_ record: ApplicationSummary, oral: Bool, viewer: Viewer) -> HTML {
        let l = viewer.language
        let rows: [(String, String)] = [
            ("申请编号", record.trackingNumber), ("受理机关", record.agencyName),
            ("申请人类型", ApplicantType(rawValue: record.applicantType)?.label ?? record.applicantType), ("申请人姓名或名称", record.name),
            ("身份证明", "\(IdentityDocument(rawValue: record.idType)?.label ?? record.idType) \(record.idNumber)"), ("联系电话", record.phone),
            ("电子邮箱", record.email), ("通信地址", record.address), ("所需政府信息", record.request),
            ("获取信息的方式", Applications.Input.words(record.formWanted, in: Applications.Input.forms, .zh)),
            ("获取信息的途径", Applications.Input.words(record.delivery, in: Applications.Input.deliveries, .zh)),
            ("收到申请日期", record.receivedOn ?? "（网上申请，待确认收到）"),
        ]
        return Views.page(
            title: UIText.labelled(l, UIText.printApplicationForm(l), record.trackingNumber), viewer: viewer,
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.staffApplication(record.id).path)), .text(UIText.backToApplications(l)))),
            .element(
                named: "article",
                nodes: [
                    .class("letter"), .attribute(named: "lang", value: "zh-CN"),
                    .p(.class("letter-title"), .text("政府信息公开申请表")),
                    .table(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(.text(row.1))) }),
                    .if(
                        oral,
                        .p(
                            .text(
                                "申请人书面申请确有困难，口头提出申请。以上内容由政府信息公开工作机构工作人员代为填写（《中华人民共和国政府信息公开条例》第二十九条），已向申请人宣读，申请人确认无误。"
                            ))),
                    .div(
                        .class("letter-signature"),
                        .p(.text("申请人（签名或盖章）：＿＿＿＿＿＿＿＿")),
                        .if(oral, .p(.text("代为填写人：\(record.officerName ?? "＿＿＿＿＿＿＿＿")"))),
                        .p(.text("日期：＿＿＿＿年＿＿月＿＿日"))),
                ])
        )
    }
}

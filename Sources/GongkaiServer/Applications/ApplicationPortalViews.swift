import Foundation
import Gongkai
import Plot

/// The public side of applications: the form, the receipt with the tracking number, the status look-up.
/// Nothing here shows an applicant's personal data except back to the person who just typed it.
enum ApplicationPortalViews {
    static func fields(byStaff: Bool, _ l: Language) -> [FormField] {
        let choose = ("", UIText.choose(l))
        var fields: [FormField] = [
            FormField(
                name: "kind", label: UIText.fieldApplicationKind(l), kind: .choice(ApplicationKind.allCases.map { ($0.rawValue, $0.label(l)) }),
                hint: UIText.hintApplicationKind(l)),
            FormField(
                name: "applicantType", label: UIText.fieldApplicantType(l),
                kind: .choice([choose] + ApplicantType.allCases.map { ($0.rawValue, $0.label(l)) })),
            FormField(name: "name", label: UIText.fieldName(l)),
            FormField(
                name: "idType", label: UIText.fieldIdType(l), kind: .choice([choose] + IdentityDocument.allCases.map { ($0.rawValue, $0.label(l)) })),
            FormField(name: "idNumber", label: UIText.fieldIdNumber(l), hint: UIText.hintIdNumber(l)),
            FormField(name: "phone", label: UIText.fieldPhone(l)),
            FormField(name: "email", label: UIText.fieldEmail(l)),
            FormField(name: "address", label: UIText.fieldAddress(l)),
            FormField(name: "infoTitle", label: UIText.fieldInfoTitle(l)),
            FormField(name: "infoNumber", label: UIText.fieldInfoNumber(l)),
            FormField(name: "infoDescription", label: UIText.fieldInfoDescription(l), kind: .text(rows: 4)),
            FormField(
                name: "formWanted", label: UIText.fieldForm(l), kind: .choice([choose] + Applications.Input.forms.map { ($0.key, $0.value(l)) })),
            FormField(
                name: "delivery", label: UIText.fieldDelivery(l),
                kind: .choice([choose] + Applications.Input.deliveries.map { ($0.key, $0.value(l)) })),
        ]
        if byStaff {
            fields += [
                FormField(
                    name: "channel", label: UIText.fieldChannel(l),
                    kind: .choice([choose] + ReceiptChannel.allCases.filter { $0 != .online }.map { ($0.rawValue, $0.explanation(l)) })),
                FormField(name: "receivedOn", label: UIText.fieldReceivedOn(l), hint: "YYYY-MM-DD"),
                FormField(name: "oral", label: UIText.fieldOral(l), kind: .checkbox),
                FormField(name: "applicantConfirmed", label: UIText.fieldApplicantConfirmed(l), kind: .checkbox),
            ]
        }
        return fields
    }

    static func form(agency: AgencyDTO, values: [String: String], problems: [String: Said], viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.applicationTitle(l, agency.name), viewer: viewer, crumbs: PortalViews.crumbs(agency, l),
            .p(.text(UIText.applicationIntro(l))),
            .if(!problems.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"), .text(UIText.formProblems(l, problems.count)))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.apply(agency.code).path)),
                submissionKey(values),
                FormViews.fields(fields(byStaff: false, l), values: values, problems: problems.mapValues { $0(l) }),
                .button(.type(.submit), .text(UIText.sendApplication(l)))
            )
        )
    }

    /// The form's key, made when the form is first shown and kept when it comes back with problems: sent twice (a
    /// double click, a retry after a lost answer), it is one application.
    static func submissionKey(_ values: [String: String]) -> Node<HTML.FormContext> {
        let kept = values["submissionKey"].flatMap { Applications.isSubmissionKey($0) ? $0 : nil }
        return .input(.type(.hidden), .name("submissionKey"), .value(Views.attr(kept ?? UUID().uuidString)))
    }

    /// The receipt (回执) of an application sent online: what was sent, to whom, when, and how to follow it. Printable;
    /// the secret is on it once and nowhere else.
    static func receipt(agency: AgencyDTO, record: ApplicationRecord, secret: String, repeated: Bool, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.applicationSent(l), viewer: viewer, crumbs: PortalViews.crumbs(agency, l),
            .if(repeated, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(UIText.submissionRepeated(l)))),
            .p(.text(UIText.applicationSentTo(l, agency.name))),
            .table(
                .class("meta"),
                .tr(.th(.text(UIText.trackingNumber(l))), .td(.strong(.text(record.trackingNumber)))),
                .tr(.th(.text(UIText.secret(l))), .td(.strong(.text(secret)))),
                .tr(.th(.text(UIText.receivingAgency(l))), .td(.text(agency.name))),
                .tr(.th(.text(UIText.submittedOn(l))), .td(.text(record.submittedOn))),
                .tr(.th(.text(UIText.whatWasAsked(l))), .td(.text(Applications.request(record)))),
                .tr(
                    .th(.text(UIText.deliveryWay(l))),
                    .td(.text(Applications.Input.words(record.delivery, in: Applications.Input.deliveries, l))))
            ),
            .p(.strong(.text(UIText.secretOnce(l)))),
            .p(.text(UIText.howToFollow(l))),
            .p(.class("noprint"), .text(UIText.printHint(l))),
            .p(.class("noprint"), .a(.href(Views.attr(SiteURL.applicationStatus.path)), .text(UIText.checkProgress(l))))
        )
    }

    /// The look-up form, and after a look-up where the application stands in plain words — the answer's kind and its
    /// reason in a sentence — its dates, and the letters sent to the applicant (to read here when they chose 网上获取).
    static func lookup(trackingNumber: String, problem: String?, found: ApplicantStatus?, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.statusTitle(l), viewer: viewer,
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(found) { found in status(found, l) },
            .form(
                .class("noprint"), .method(.post), .action(Views.attr(SiteURL.applicationStatus.path)),
                .label(.attribute(named: "for", value: "trackingNumber"), .text(UIText.trackingNumber(l))),
                .input(.type(.text), .name("trackingNumber"), .id("trackingNumber"), .value(Views.attr(trackingNumber)), .required(true)),
                .label(.attribute(named: "for", value: "secret"), .text(UIText.secret(l))),
                .input(.type(.password), .name("secret"), .id("secret"), .required(true), .autocomplete(false)),
                .button(.type(.submit), .text(UIText.lookUp(l)))
            )
        )
    }

    private static func status(_ found: ApplicantStatus, _ l: Language) -> Node<HTML.BodyContext> {
        let status = found.status
        let format = ReportFormat.v2021
        let result = status.result.flatMap { AnswerResult.find($0, format: format) ?? AnswerResult.find($0, format: .v2019) }
        let state = ApplicationStatus(rawValue: status.status)
        let headline =
            if state == .answered, let result { UIText.answeredAs(l, AnswerResult.plainKind(result, l)) } else {
                state?.label(l) ?? status.statusLabel
            }
        return .group(
            .section(
                .class("status"), .attribute(named: "aria-labelledby", value: "status-headline"),
                .h2(.id("status-headline"), .text(headline)),
                .unwrap(result) { .p(.text(AnswerResult.plainReason($0, l))) },
                .table(
                    .class("meta"),
                    .tr(.th(.text(UIText.trackingNumber(l))), .td(.text(status.trackingNumber))),
                    .tr(.th(.text(UIText.receivingAgency(l))), .td(.text(status.agencyName))),
                    .tr(.th(.text(UIText.whatWasAsked(l))), .td(.text(found.request))),
                    .tr(.th(.text(UIText.submittedOn(l))), .td(.text(status.submittedOn))),
                    .tr(.th(.text(UIText.receivedOn(l))), .td(.text(status.receivedOn ?? UIText.toBeConfirmed(l)))),
                    .tr(
                        .th(.text(UIText.answerDue(l))),
                        .td(.text(status.dueOn.map { $0 + (status.provisional ? UIText.provisionalDue(l) : "") } ?? "—"))),
                    .tr(.th(.text(UIText.closedOn(l))), .td(.text(status.closedOn ?? "—")))
                )
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "letters"),
                .h2(.id("letters"), .text(UIText.lettersSent(l))),
                found.letters.isEmpty
                    ? .p(.text(UIText.noLettersYet(l)))
                    : .ul(
                        .class("items"),
                        .forEach(found.letters) { letter in
                            .li(
                                .text(letter.title), .span(.class("date"), .text(UIText.letterSentOn(l, letter.sentOn))),
                                .if(found.online, readForm(letter, number: status.trackingNumber, secret: found.secret, l)))
                        }),
                .if(
                    !found.online && !found.letters.isEmpty,
                    .p(.text(UIText.lettersByDelivery(l, Applications.Input.words(found.delivery, in: Applications.Input.deliveries, l)))))
            )
        )
    }

    /// A button that opens one letter: the number and the secret go in the body of a POST, never in the URL.
    private static func readForm(_ letter: ApplicationPage.Letter, number: String, secret: String, _ l: Language) -> Node<HTML.BodyContext> {
        .form(
            .class("inline"), .method(.post), .action(Views.attr(SiteURL.applicationLetter.path)),
            .input(.type(.hidden), .name("trackingNumber"), .value(Views.attr(number))),
            .input(.type(.hidden), .name("secret"), .value(Views.attr(secret))),
            .input(.type(.hidden), .name("letter"), .value(Views.attr(letter.id.uuidString))),
            .text(" "),
            .button(
                .type(.submit), .attribute(named: "aria-label", value: Views.attr("\(UIText.readLetter(l))：\(letter.title)")),
                .text(UIText.readLetter(l)))
        )
    }

    /// A letter sent to the applicant, as sent, to read and print; a way back to the status (posted again).
    static func letter(_ letter: ApplicationPage.Letter, trackingNumber: String, secret: String, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.lettersSent(l), viewer: viewer,
            .p(.class("noprint"), .text(UIText.letterToApplicant(l, letter.title, trackingNumber) + " " + UIText.printLetterHint(l))),
            ApplicationStaffViews.article(letter),
            .form(
                .class("noprint"), .method(.post), .action(Views.attr(SiteURL.applicationStatus.path)),
                .input(.type(.hidden), .name("trackingNumber"), .value(Views.attr(trackingNumber))),
                .input(.type(.hidden), .name("secret"), .value(Views.attr(secret))),
                .button(.type(.submit), .text(UIText.backToStatus(l)))
            )
        )
    }
}

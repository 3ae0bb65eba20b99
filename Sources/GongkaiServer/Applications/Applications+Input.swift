import Foundation
import Gongkai
import Vapor

extension Applications {
    /// The limits a public application is counted under: its client's address, and its identity number and e-mail
    /// from whatever address it comes (rotating addresses do not make one applicant many).
    static func limits(for input: Input, _ req: Request) -> RateLimit.Check {
        let limits = req.application.rateLimits
        let submitted = [
            RateLimit.submitted("id", IdentityDocument.normalized(input.idNumber ?? "")), RateLimit.submitted("mail", input.email ?? ""),
        ]
        return RateLimit.Check(
            keys: [(limits.applications, "ip:" + req.clientKey)] + submitted.compactMap { $0 }.map { (limits.applicant, $0) }, what: .whatApplying)
    }

    /// What an applicant (or staff registering a paper application) fills in. No purpose or reason is asked.
    struct Input: Content {
        var applicantType: String?
        var name: String?
        var idType: String?
        var idNumber: String?
        var phone: String?
        var email: String?
        var address: String?
        var infoTitle: String?
        var infoNumber: String?
        var infoDescription: String?
        var formWanted: String?
        var delivery: String?
        /// Staff only: how it came in and the day of receipt.
        var channel: String?
        var receivedOn: String?
        /// Staff only (第二十九条): "on" when the application was made orally and written down by staff, and when the
        /// applicant has checked what was written and confirmed it.
        var oral: String?
        var applicantConfirmed: String?
        /// `disclosure` (the default) or `correction` (第四十一条).
        var kind: String?
        /// The form's own key (a hidden field made when the form was shown) or the API call's `Idempotency-Key`: the
        /// same key sent again is the same application, not a new one.
        var submissionKey: String?

        /// What the application asks; a missing kind is a disclosure application.
        var applicationKind: ApplicationKind? { kind.map { ApplicationKind(rawValue: $0) } ?? .disclosure }

        static let forms: [(key: String, value: UIText)] = [("paper", .formPaper), ("electronic", .formElectronic)]
        static let deliveries: [(key: String, value: UIText)] = [
            ("post", .deliveryPost), ("email", .deliveryEmail), ("collect", .deliveryCollect), ("online", .deliveryOnline),
        ]

        /// The words for a stored form or delivery (the stored key when it is none of them).
        static func words(_ key: String, in choices: [(key: String, value: UIText)], _ language: Language) -> String {
            choices.first { $0.key == key }?.value(language) ?? key
        }

        var isOral: Bool { oral == "on" }

        var values: [String: String] {
            [
                "applicantType": applicantType ?? "", "name": name ?? "", "idType": idType ?? "", "idNumber": idNumber ?? "",
                "phone": phone ?? "", "email": email ?? "", "address": address ?? "", "infoTitle": infoTitle ?? "",
                "infoNumber": infoNumber ?? "", "infoDescription": infoDescription ?? "", "formWanted": formWanted ?? "",
                "delivery": delivery ?? "", "channel": channel ?? "", "receivedOn": receivedOn ?? "", "oral": oral ?? "",
                "applicantConfirmed": applicantConfirmed ?? "", "kind": kind ?? ApplicationKind.disclosure.rawValue,
                "submissionKey": submissionKey ?? "",
            ]
        }

        /// Field → what is wrong, in the words the form shows beside the field.
        func problems(byStaff: Bool, today: Day) -> [String: Said] {
            var problems: [String: Said] = [:]
            func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            let type = ApplicantType(rawValue: text(applicantType))
            if type == nil { problems["applicantType"] = UIText.problemApplicantType.said() }
            if applicationKind == nil { problems["kind"] = UIText.problemApplicationKind.said() }
            if text(name).isEmpty { problems["name"] = (type?.isNaturalPerson == false ? UIText.problemOrganisationName : .problemPersonName).said() }
            if text(name).count > 100 { problems["name"] = UIText.problemNameLength.said() }
            if let document = IdentityDocument(rawValue: text(idType)) {
                if let type, !IdentityDocument.allowed(for: type).contains(document) {
                    problems["idType"] = Said(
                        zh: UIText.problemDocumentNotFor(.zh, type.label, document.label),
                        en: UIText.problemDocumentNotFor(.en, type.label(.en), document.label(.en)))
                } else if let problem = document.problem(with: text(idNumber)) {
                    problems["idNumber"] = problem.said
                }
            } else {
                problems["idType"] = UIText.problemIdType.said()
            }
            let phoneDigits = text(phone).filter { !"- ".contains($0) }
            if phoneDigits.isEmpty {
                problems["phone"] = UIText.problemPhone.said()
            } else if phoneDigits.count < 7 || phoneDigits.count > 20 || !phoneDigits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) {
                problems["phone"] = UIText.problemPhoneDigits.said()
            }
            let mail = text(email)
            if !mail.isEmpty, mail.count > 200 || !mail.contains("@") || mail.hasPrefix("@") || mail.hasSuffix("@") || mail.contains(" ") {
                problems["email"] = UIText.problemEmail.said()
            }
            if text(delivery) == "email", mail.isEmpty { problems["email"] = UIText.problemEmailNeeded.said() }
            if text(delivery) == "post", text(address).isEmpty { problems["address"] = UIText.problemAddressNeeded.said() }
            if text(infoTitle).isEmpty, text(infoNumber).isEmpty, text(infoDescription).isEmpty {
                problems["infoTitle"] = UIText.problemInfo.said()
            }
            if text(infoDescription).count > 2000 { problems["infoDescription"] = UIText.problemDescriptionLength.said() }
            if !Self.forms.contains(where: { $0.key == text(formWanted) }) { problems["formWanted"] = UIText.problemForm.said() }
            if !Self.deliveries.contains(where: { $0.key == text(delivery) }) { problems["delivery"] = UIText.problemDelivery.said() }
            if byStaff {
                let channel = ReceiptChannel(rawValue: text(channel))
                if channel == nil { problems["channel"] = UIText.problemChannel.said() }
                // 第二十九条: an oral application is made in person and written down for the applicant, who confirms it.
                if isOral {
                    if channel != .inPerson { problems["channel"] = UIText.problemOralInPerson.said() }
                    if applicantConfirmed != "on" { problems["applicantConfirmed"] = UIText.problemOralUnconfirmed.said() }
                }
                if channel != .online {
                    if let day = Day(iso: text(receivedOn)) {
                        if day > today { problems["receivedOn"] = UIText.problemReceivedFuture.said() }
                        if day < .regulationsInForce { problems["receivedOn"] = UIText.problemReceivedBeforeLaw.said(Day.regulationsInForce.iso) }
                    } else {
                        problems["receivedOn"] = UIText.problemReceivedOn.said()
                    }
                }
            }
            return problems
        }
    }
}

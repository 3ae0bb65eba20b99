import Foundation

/// The letters of the application workflow: each drafted from the application's facts with the article it rests on,
/// then edited by staff and stored exactly as sent.
public enum LetterKind: String, Sendable, Codable, CaseIterable {
    /// 补正告知书 (第三十条).
    case clarification
    /// 延期答复告知书 (第三十三条).
    case postponement = "extension"
    /// 征求意见函 to a third party or another agency (第三十二条, 第三十四条).
    case consultation
    /// 收费通知 (第四十二条, 国办函〔2020〕109号).
    case fee
    /// 政府信息公开申请答复书 (第三十六条 and the result's own ground).
    case answer
    /// 不再处理告知书: the application is deemed abandoned — not clarified in time (第三十条) or the fee not paid
    /// (第四十二条) — and the applicant is told so, with the remedy.
    case abandonment
    /// 说明理由告知书: the applications clearly exceed a reasonable range, the applicant is asked why (第三十五条).
    case reasonsRequest = "reasons"
    /// 延迟答复告知书: a reasonable later date for the answer (第三十五条).
    case deferral
    /// 更正申请答复书 (第四十一条).
    case correctionAnswer = "correction"

    public var title: String {
        switch self {
        case .clarification: "政府信息公开申请补正告知书"
        case .postponement: "政府信息公开申请延期答复告知书"
        case .consultation: "政府信息公开征求意见函"
        case .fee: "政府信息公开信息处理费收费通知"
        case .answer: "政府信息公开申请答复书"
        case .abandonment: "政府信息公开申请不再处理告知书"
        case .reasonsRequest: "政府信息公开申请说明理由告知书"
        case .deferral: "政府信息公开申请延迟答复告知书"
        case .correctionAnswer: "更正政府信息记录申请答复书"
        }
    }

    /// Whether the letter is a decision the applicant may challenge, and so carries a 文号 and the remedy.
    public var isDecision: Bool { self == .answer || self == .abandonment || self == .correctionAnswer }

    /// Whether the letter carries the agency's 答复书 文号: the answers (to a disclosure application or a request for
    /// correction).
    public var isNumbered: Bool { self == .answer || self == .correctionAnswer }
}

/// The 文号 of an agency's letters: a pattern with `{year}` and `{seq}` (e.g. `联芳信公复〔{year}〕{seq}号`).
public enum LetterNumber {
    public static func make(pattern: String, year: Int, sequence: Int) -> String {
        pattern.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{seq}", with: String(sequence))
    }

    /// What is wrong with `pattern`, or nil: it numbers each year from 1, so it names the year and the number once each.
    public static func problem(_ pattern: String) -> String? {
        guard pattern.count <= 60 else { return "文号格式不能超过60个字符" }
        guard pattern.components(separatedBy: "{seq}").count == 2, pattern.components(separatedBy: "{year}").count == 2 else {
            return "文号格式须含一次 {year}（年份）和一次 {seq}（序号），如 联芳信公复〔{year}〕{seq}号"
        }
        return nil
    }
}

/// What a letter is drafted from.
public struct LetterFacts: Sendable {
    public var agencyName: String
    public var agencyAddress: String
    public var agencyPhone: String
    public var trackingNumber: String
    public var applicantName: String
    public var received: Day?
    /// What was asked for: title, 文号 or description.
    public var request: String
    public var today: Day
    /// The answer due date as the clock has it now.
    public var due: Day?

    // Per letter; unused ones stay empty.
    public var clarifyWhat: String = ""
    public var clarifyWorkingDays: Int = 15
    public var extensionDays: Int = 20
    public var consultedParty: String = ""
    public var consultationReply: Day? = nil
    public var fee: FeeNotice? = nil
    /// The last day to pay, when the notice's receipt is known when it goes out (sent electronically); otherwise the
    /// notice counts the 20 working days from its receipt in words.
    public var feePayBy: Day? = nil
    /// Whether the agency leaves the time from the notice to payment out of the answer period (its setting).
    public var feeTimeExcluded = true
    public var result: AnswerResult? = nil
    /// For an answer: the information provided, where to find it, or the reasons.
    public var answerDetail: String = ""
    /// For `3.4.1`: nil when the information does not exist; else not this agency's, with the agency responsible and
    /// its contact when known (empty when not).
    public var elsewhere: String? = nil
    /// Whether a consultation is on record (第三十二条): only then may a letter say 经征求第三方意见.
    public var consulted = false
    /// The 复议机关 the remedy names (行政复议法 第二十四条); nil when the records do not say, and the letter then
    /// names none rather than guess.
    public var reconsiderationBody: String? = nil
    /// For an abandonment: whether the fee went unpaid (else the 补正 was not returned).
    public var abandonedUnpaid = false
    /// 第三十五条: what staff observed and ask the applicant about.
    public var reasonsAsked = ""
    /// 第三十五条: whether the applicant's reasons are on record (a deferral then says they were found reasonable).
    public var reasonsGiven = false
    /// 第三十五条: the day the answer is put off to, and why it cannot be given in time.
    public var deferredUntil: Day? = nil
    public var deferralReason = ""
    /// 第四十一条: the answer to a request to correct the applicant's records (its detail is `answerDetail`).
    public var correction: CorrectionResult? = nil

    public init(
        agencyName: String, agencyAddress: String, agencyPhone: String, trackingNumber: String, applicantName: String, received: Day?,
        request: String, today: Day, due: Day?
    ) {
        self.agencyName = agencyName
        self.agencyAddress = agencyAddress
        self.agencyPhone = agencyPhone
        self.trackingNumber = trackingNumber
        self.applicantName = applicantName
        self.received = received
        self.request = request
        self.today = today
        self.due = due
    }
}

public enum LetterDrafter {
    /// The letter's first draft: title and body as plain text, ready to edit.
    public static func draft(_ kind: LetterKind, _ facts: LetterFacts) -> (title: String, body: String) {
        let receivedText = facts.received.map(chinese) ?? "（尚未确认收到）"
        var lines = ["\(facts.applicantName)：", ""]
        let opening = "本机关于\(receivedText)收到您提出的政府信息公开申请（申请编号：\(facts.trackingNumber)），申请获取“\(facts.request)”。"
        switch kind {
        case .clarification:
            lines.append(opening + "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下内容作出补正：")
            lines.append("")
            lines.append(facts.clarifyWhat.isEmpty ? "（请列明需要补正的全部事项）" : facts.clarifyWhat)
            lines.append("")
            lines.append("请您自收到本告知书之日起\(facts.clarifyWorkingDays)个工作日内提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。")
        case .postponement:
            lines.append(
                opening + "因情况复杂，本机关不能在20个工作日内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长\(facts.extensionDays)个工作日"
                    + (facts.due.map { "，本机关将于\(chinese($0))前作出答复" } ?? "") + "。")
        case .consultation:
            lines = ["\(facts.consultedParty.isEmpty ? "（被征求意见方）" : facts.consultedParty)：", ""]
            lines.append(
                "本机关于\(receivedText)收到政府信息公开申请（申请编号：\(facts.trackingNumber)），申请获取“\(facts.request)”。该信息的公开可能涉及贵方合法权益（或需与贵方确认）。根据《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定，现书面征求贵方意见。"
            )
            lines.append("")
            lines.append(
                "请于收到本函之日起15个工作日内" + (facts.consultationReply.map { "（\(chinese($0))前）" } ?? "")
                    + "书面回复是否同意公开及理由。第三方逾期未提出意见的，由本机关依照条例规定决定是否公开（第三十二条）；被征求意见的行政机关逾期未提出意见的，视为同意公开（第三十四条）。")
        case .fee:
            guard let fee = facts.fee else {
                lines.append(opening + "（未计算收费金额）")
                break
            }
            lines.append(
                opening
                    + "经审查，您申请的数量、频次明显超过合理范围：\(fee.finding)。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关按照\(fee.charge.scaleName)标准收取信息处理费人民币\(fee.charge.total)元。"
            )
            lines.append("")
            lines.append("计算方法：\(fee.charge.breakdown)。")
            lines.append("")
            lines.append("缴费方式：\(fee.payment)")
            lines.append("")
            lines.append(
                "请您自收到本通知次日起20个工作日内缴纳" + (facts.feePayBy.map { "（即\(chinese($0))前）" } ?? "")
                    + "。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。" + (facts.feeTimeExcluded ? "自发出本通知至您缴费之日的期间，不计入答复期限。" : ""))
        case .answer:
            let result = facts.result
            lines.append(opening + "现答复如下：")
            lines.append("")
            let (decision, article) = grounds(result, facts)
            lines.append(decision ?? "（请选择办理结果）")
            if !facts.answerDetail.isEmpty {
                lines.append("")
                lines.append(facts.answerDetail)
            }
            if let article, !article.isEmpty {
                lines.append("")
                lines.append("依据：《中华人民共和国政府信息公开条例》\(article)。")
            }
            lines.append("")
            lines.append(remedy(facts, "答复"))
        case .reasonsRequest:
            lines.append(opening + "经审查，您申请公开政府信息的数量、频次明显超过合理范围：")
            lines.append("")
            lines.append(facts.reasonsAsked.isEmpty ? "（请写明申请的数量、频次及其明显超过合理范围的情形）" : facts.reasonsAsked)
            lines.append("")
            lines.append(
                "根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您以书面形式说明申请理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在条例第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。"
            )
        case .deferral:
            lines.append(
                opening + "经审查，您申请公开政府信息的数量、频次明显超过合理范围"
                    + (facts.reasonsGiven ? "，本机关认为您说明的申请理由合理" : "")
                    + "，但本机关无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复，原因是：")
            lines.append("")
            lines.append(facts.deferralReason.isEmpty ? "（请写明无法按期答复的原因）" : facts.deferralReason)
            lines.append("")
            lines.append(
                "根据条例第三十五条的规定，本机关确定延迟答复的期限"
                    + (facts.deferredUntil.map { "至\(chinese($0))，将于该日前作出答复。" } ?? "为（请填写日期）。"))
        case .correctionAnswer:
            lines.append(
                "本机关于\(receivedText)收到您要求更正与您相关的政府信息记录的申请（申请编号：\(facts.trackingNumber)），要求更正的记录为“\(facts.request)”。现答复如下：")
            lines.append("")
            lines.append(facts.correction?.decision ?? "（请选择答复结果）")
            if !facts.answerDetail.isEmpty {
                lines.append("")
                lines.append(facts.answerDetail)
            }
            lines.append("")
            lines.append("依据：《中华人民共和国政府信息公开条例》第四十一条。")
            lines.append("")
            lines.append(remedy(facts, "答复"))
        case .abandonment:
            lines.append(
                opening
                    + (facts.abandonedUnpaid
                        ? "本机关已向您发出信息处理费收费通知，您未在通知规定的期限内缴纳。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。"
                        : "本机关已向您发出补正告知书，您无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。"))
            lines.append("")
            lines.append(remedy(facts, "告知"))
        }
        lines.append("")
        lines.append("特此\(kind == .consultation ? "函告" : "告知")。")
        lines.append("")
        lines.append("联系地址：\(facts.agencyAddress)　联系电话：\(facts.agencyPhone)")
        lines.append("")
        lines.append(facts.agencyName)
        lines.append(chinese(facts.today))
        return (kind.title, lines.joined(separator: "\n"))
    }

    /// The decision and its article as the records support them: 3.3.4 says it consulted only when a consultation is
    /// on record (and then cites 第三十二条); 3.4.1 is either "does not exist" (第三十六条第（四）项) or "not ours",
    /// naming the agency responsible when known (第（五）项).
    static func grounds(_ result: AnswerResult?, _ facts: LetterFacts) -> (decision: String?, article: String?) {
        switch result?.rowID {
        case "3.3.4" where facts.consulted:
            return (
                "您申请获取的政府信息涉及商业秘密、个人隐私等，经书面征求第三方意见，公开会对第三方合法权益造成损害，不予公开。",
                "第十五条、第三十二条、第三十六条第（三）项"
            )
        case "3.4.1":
            guard let elsewhere = facts.elsewhere else { return (result?.decision, result?.article) }
            let responsible =
                elsewhere.isEmpty ? "本机关无法确定负责公开该信息的行政机关。" : "该信息由\(elsewhere)负责公开，您可以向其提出申请。"
            return ("经核查，您申请获取的政府信息不属于本机关负责公开的范围。" + responsible, "第三十六条第（五）项")
        default:
            return (result?.decision, result?.article)
        }
    }

    /// The remedy sentence (行政复议法 第二十条, 行政诉讼法 第四十六条): the 复议机关 by name when the records know it,
    /// the court as the one with jurisdiction.
    static func remedy(_ facts: LetterFacts, _ what: String) -> String {
        let body = facts.reconsiderationBody.map { "向\($0)" } ?? "依法"
        return "如对本\(what)不服，可以自收到本\(what)之日起60日内\(body)申请行政复议，或者自收到本\(what)之日起6个月内向有管辖权的人民法院提起行政诉讼。"
    }

    /// `2026年11月20日`.
    public static func chinese(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.dayOfMonth)日" }
}

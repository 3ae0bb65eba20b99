/// The one result an answered application gets: a result row of table 三 in the format of the year it is answered,
/// with the legal ground its letter cites (`annual-report-formats.md`, "Which answer goes in which row").
public struct AnswerResult: Sendable, Equatable {
    /// The row id of table 三: `3.1`, `3.3.4`, `3.6.2` …
    public let rowID: String
    /// How the row is named: `三（三）4 保护第三方合法权益`.
    public let label: String
    /// The articles of the 条例 the answer rests on.
    public let article: String
    /// The sentence of the 答复书 that states the decision.
    public let decision: String

    /// Every result of `format`, in the table's order.
    public static func all(_ format: ReportFormat) -> [AnswerResult] {
        ReportLayout.of(format).table3.filter(\.isResult).map { row in
            let (article, decision) = grounds[row.id] ?? ("", "")
            return AnswerResult(rowID: row.id, label: row.cellName, article: article, decision: decision)
        }
    }

    public static func find(_ rowID: String, format: ReportFormat) -> AnswerResult? {
        all(format).first { $0.rowID == rowID }
    }

    /// The result that closes an application because the applicant did not clarify (第三十条) or pay in time.
    /// In the 2019 format both are counted under （六）其他处理.
    public static func abandoned(format: ReportFormat, unpaidFee: Bool) -> String {
        format == .v2019 ? "3.6" : unpaidFee ? "3.6.2" : "3.6.1"
    }

    /// What the answer must state besides its decision (第三十六条, 第三十七条), or nil: where and how the information
    /// is given, the part withheld and why, the specific reason for a refusal, the ground of an 其他不予处理.
    public var requiredDetail: String? {
        switch rowID {
        case "3.1": "获取信息的方式和途径（或信息所在位置）"
        case "3.2": "不予公开的部分及其理由（第三十七条）"
        case "3.5.5": "不予处理的具体理由"
        case let row where row.hasPrefix("3.3.") && row != "3.3.8": "不予公开的具体理由（第三十六条第（三）项）"
        default: nil
        }
    }

    /// Whether the answer withholds information (不予公开 in whole, or the part of a 部分公开): 第十八条 asks that such
    /// information be assessed again from time to time and disclosed once circumstances allow.
    public var withholds: Bool { rowID == "3.2" || (rowID.hasPrefix("3.3.") && rowID != "3.3.8") }

    /// When information withheld on `answered` is next assessed (第十八条 sets no period; Gongkai's is a year), the
    /// same day a year later (28 February for 29 February).
    public static func reassessment(after answered: Day) -> Day {
        Day(year: answered.year + 1, month: answered.month, day: answered.dayOfMonth)
            ?? Day(year: answered.year + 1, month: answered.month, day: 28) ?? answered.adding(days: 365)
    }

    /// The kinds of answer in the order of table 三's groups （一）…（六）, in the words an applicant reads.
    public static let plainKinds = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]

    /// Which of table 三's result groups （一）…（六） a row id belongs to, from 1 to 6 (`3.3.4` → 3; anything else → 6).
    public static func group(of rowID: String) -> Int {
        min(max(rowID.split(separator: ".").dropFirst().first.flatMap { Int($0) } ?? 6, 1), 6)
    }

    /// The kind of answer in the words an applicant reads (「部分公开」), from the row's group in table 三.
    public var plainKind: String { Self.plainKinds[Self.group(of: rowID) - 1] }

    /// The answer's decision as a sentence to the applicant, with the articles of the 条例 it rests on.
    /// (A decision that goes on "理由如下" points to the letter, where the reasons are.)
    public var plainReason: String {
        let sentence = decision.replacingOccurrences(of: "说明理由如下。", with: "说明了理由，详见答复书。")
            .replacingOccurrences(of: "理由如下。", with: "理由详见答复书。")
        return article.isEmpty ? sentence : "\(sentence)（依据《中华人民共和国政府信息公开条例》\(article)）"
    }

    /// Whether the applicant is given information (in whole or in part).
    public var providesInformation: Bool { rowID == "3.1" || rowID == "3.2" }

    static let grounds: [String: (String, String)] = [
        "3.1": ("第三十六条第（一）项、第（二）项", "您申请获取的政府信息属于公开范围，本机关予以公开。"),
        "3.2": ("第三十七条", "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。"),
        "3.3.1": ("第十四条、第三十六条第（三）项", "您申请获取的政府信息属于国家秘密，依法不予公开。"),
        "3.3.2": ("第十四条、第三十六条第（三）项", "您申请获取的政府信息属于法律、行政法规禁止公开的信息，依法不予公开。"),
        "3.3.3": ("第十四条、第三十六条第（三）项", "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。"),
        "3.3.4": ("第十五条、第三十六条第（三）项", "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，不予公开。"),
        "3.3.5": ("第十六条第一款、第三十六条第（三）项", "您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开。"),
        "3.3.6": ("第十六条第二款、第三十六条第（三）项", "您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。"),
        "3.3.7": ("第十六条第二款、第三十六条第（三）项", "您申请获取的信息属于行政执法案卷信息，可以不予公开。"),
        "3.3.8": ("第三十六条第（七）项", "您申请获取的信息属于工商、不动产登记资料等，有关法律、行政法规对其获取有专门规定，请按照相应规定办理。"),
        "3.4.1": ("第三十六条第（四）项", "经检索查找，本机关未制作、获取您申请的政府信息，该政府信息不存在。"),
        "3.4.2": ("第三十八条", "您申请的信息需要本机关对现有政府信息进行加工、分析才能形成，本机关可以不予提供。"),
        "3.4.3": ("第三十条", "经补正后，您的申请内容仍不明确，本机关无法提供。"),
        "3.5.1": ("第三十九条第一款", "您的申请属于通过政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道办理。"),
        "3.5.2": ("第三十六条第（六）项", "您的申请属于重复申请，本机关已就同一内容作出答复，不予重复处理。"),
        "3.5.3": ("第三十九条第二款", "您申请获取的是公开出版物，请通过相应的出版发行渠道获取。"),
        "3.5.4": ("第三十五条", "您的申请数量、频次明显超过合理范围，且未说明正当理由，本机关不予处理。"),
        "3.5.5": ("", "本机关对您的申请不予处理，理由如下。"),
        "3.6": ("第三十条、第四十二条", "您的申请已按规定作其他处理。"),
        "3.6.1": ("第三十条", "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        "3.6.2": ("第四十二条", "您未在收费通知规定的期限内缴纳费用，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        "3.6.3": ("", "您的申请已按规定作其他处理。"),
    ]
}

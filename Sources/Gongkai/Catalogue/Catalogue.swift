import Foundation

/// Who a member of staff is in the disclosure work.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// Manages agencies, accounts and categories; reads the audit log.
    case administrator
    /// Drafts catalogue items for one agency.
    case editor
    /// Reviews items of one agency before release (第十七条).
    case reviewer
    /// Handles applications for disclosure for one agency.
    case officer
    /// Head of the agency's disclosure office: approves extensions (第三十三条).
    case officeHead = "office-head"
    /// Reads, without changing, everything of the agencies under its own (a district's supervising office).
    case supervisor

    public var label: String {
        switch self {
        case .administrator: "系统管理员"
        case .editor: "信息编辑"
        case .reviewer: "信息审核"
        case .officer: "依申请公开经办人"
        case .officeHead: "政府信息公开工作机构负责人"
        case .supervisor: "上级监督（只读）"
        }
    }

    /// The disclosure office (its 经办人 and head) and the administrator keep the office's records: applications,
    /// complaints, the registers and training log, the annual report.
    public var keepsOfficeRecords: Bool { self == .officer || self == .officeHead || self == .administrator }
}

/// Where a catalogue item is in its review before release (条例第十七条).
public enum PublicationState: String, Sendable, Codable, CaseIterable {
    case draft, submitted, returned, approved, published, withdrawn, superseded

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "待审核"
        case .returned: "已退回"
        case .approved: "审核通过"
        case .published: "已发布"
        case .withdrawn: "已撤回"
        case .superseded: "已被新版本替代"
        }
    }
}

/// What staff do to an item.
public enum ReviewAction: String, Sendable, Codable, CaseIterable {
    case submit, `return`, approve, publish, withdraw

    public var label: String {
        switch self {
        case .submit: "提交审核"
        case .return: "退回修改"
        case .approve: "审核通过"
        case .publish: "发布"
        case .withdraw: "撤回"
        }
    }
}

/// Why a move in the review workflow is refused.
public enum ReviewRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case onlyEditorSubmits
    case onlyReviewerReturns
    case returnNeedsReason
    case onlyReviewerApproves
    /// 第十七条: review by another person than the one who drafted.
    case drafterCannotApprove
    /// The confidentiality and privacy review (保密审查) was not confirmed.
    case reviewNotConfirmed
    case onlyEditorOrReviewerPublishes
    case onlyReviewerWithdraws
    case notFrom(PublicationState, ReviewAction)

    /// What staff read.
    public var message: String {
        switch self {
        case .onlyEditorSubmits: "只有信息编辑可以提交审核"
        case .onlyReviewerReturns: "只有信息审核人员可以退回"
        case .returnNeedsReason: "退回修改须写明理由，供编辑修改"
        case .onlyReviewerApproves: "只有信息审核人员可以审核通过"
        case .drafterCannotApprove: "起草人不能审核自己起草的信息（第十七条：发布前由他人审查）"
        case .reviewNotConfirmed: "请先确认已进行保密审查和个人信息保护审查，再审核通过"
        case .onlyEditorOrReviewerPublishes: "只有本机关的信息编辑或审核人员可以发布"
        case .onlyReviewerWithdraws: "只有信息审核人员可以撤回已发布的信息"
        case .notFrom(let state, let action): "\(state.label)的信息不能\(action.label)"
        }
    }

    public var description: String { message }
}

/// The review workflow (条例第十七条: 审查 before anything is published): draft → submitted → returned with a reason,
/// or approved → published → withdrawn, or superseded by a new version.
public enum ReviewWorkflow {
    /// The roles that draft items and submit them for review.
    public static func drafts(_ role: StaffRole) -> Bool { role == .editor || role == .administrator }

    /// The steps `role` may take from `state`, as the item's page offers them. What a step needs besides (a reason to
    /// return, the 保密审查 confirmation, a reviewer other than the drafter) is asked for when it is taken.
    public static func offered(from state: PublicationState, to role: StaffRole) -> [ReviewAction] {
        ReviewAction.allCases.filter { action in
            (try? next(from: state, action: action, role: role, actorIsDrafter: false, confirmedReview: true, reason: "offered")) != nil
        }
    }

    /// Whether `role` may change the item's text and attachments in `state` (a draft, or one returned for changes).
    public static func edits(_ state: PublicationState, role: StaffRole) -> Bool { (state == .draft || state == .returned) && drafts(role) }

    /// Whether `role` may start a new version of an item in `state` (a published one).
    public static func revises(_ state: PublicationState, role: StaffRole) -> Bool { state == .published && drafts(role) }

    /// The state after `action`, or why it is refused.
    ///
    /// - Parameters:
    ///   - actorIsDrafter: the actor drafted this item; the same person cannot draft and approve one item.
    ///   - confirmedReview: for `approve`, the reviewer confirmed the confidentiality and privacy review (保密审查).
    public static func next(
        from state: PublicationState, action: ReviewAction, role: StaffRole, actorIsDrafter: Bool,
        confirmedReview: Bool = false, reason: String? = nil
    ) throws(ReviewRefusal) -> PublicationState {
        switch (state, action) {
        case (.draft, .submit), (.returned, .submit):
            guard drafts(role) else { throw .onlyEditorSubmits }
            return .submitted
        case (.submitted, .return):
            guard role == .reviewer || role == .administrator else { throw .onlyReviewerReturns }
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .returnNeedsReason }
            return .returned
        case (.submitted, .approve):
            guard role == .reviewer || role == .administrator else { throw .onlyReviewerApproves }
            guard !actorIsDrafter else { throw .drafterCannotApprove }
            guard confirmedReview else { throw .reviewNotConfirmed }
            return .approved
        case (.approved, .publish):
            guard role == .reviewer || role == .editor || role == .administrator else { throw .onlyEditorOrReviewerPublishes }
            return .published
        case (.published, .withdraw):
            guard role == .reviewer || role == .administrator else { throw .onlyReviewerWithdraws }
            return .withdrawn
        default:
            throw .notFrom(state, action)
        }
    }
}

/// The channels an item is published through (条例第二十三条–第二十五条).
public enum PublicationChannel: String, Sendable, Codable, CaseIterable {
    case website, bulletinBoard = "bulletin-board", posting, meeting, other

    public var label: String {
        switch self {
        case .website: "政府网站"
        case .bulletinBoard: "公开栏"
        case .posting: "张贴公示"
        case .meeting: "会议"
        case .other: "其他"
        }
    }
}

/// A normative document's validity (有效性).
public enum Validity: String, Sendable, Codable, CaseIterable {
    case inForce = "in-force", repealed, expired

    public var label: String {
        switch self {
        case .inForce: "有效"
        case .repealed: "已废止"
        case .expired: "已失效"
        }
    }
}

/// How a new version changes a normative document: amended (it stays in force and counts as nothing new in table 二)
/// or repealed (it leaves 现行有效 and counts under 废止 in the year the repeal takes effect).
public enum DocumentChange: String, Sendable, Codable, CaseIterable {
    case amended, repealed

    public var label: String {
        switch self {
        case .amended: "修订"
        case .repealed: "废止"
        }
    }
}

/// The 索引号: `<agency's organisation code>/<YYYY>-<NNNNN>` by default, from a pattern the agency can change.
public enum IndexNumber {
    public static let defaultPattern = "{code}/{year}-{seq:5}"

    /// The index number for the `sequence`th item of `year`; `{code}`, `{year}` and `{seq:N}` (zero-padded) are filled.
    public static func make(pattern: String, code: String, year: Int, sequence: Int) -> String {
        var result = pattern.replacingOccurrences(of: "{code}", with: code).replacingOccurrences(of: "{year}", with: String(year))
        while let open = result.range(of: "{seq"), let close = result[open.upperBound...].firstIndex(of: "}") {
            let width = Int(result[open.upperBound..<close].drop { $0 == ":" }) ?? 1
            let digits = String(sequence)
            result.replaceSubrange(open.lowerBound...close, with: String(repeating: "0", count: max(0, width - digits.count)) + digits)
        }
        return result
    }

    /// What comes before and after the sequence number in the numbers `pattern` makes for `code` in `year`.
    public static func affixes(pattern: String, code: String, year: Int) -> (prefix: String, suffix: String)? {
        guard let open = pattern.range(of: "{seq"), let close = pattern[open.upperBound...].firstIndex(of: "}") else { return nil }
        return (
            make(pattern: String(pattern[..<open.lowerBound]), code: code, year: year, sequence: 0),
            make(pattern: String(pattern[pattern.index(after: close)...]), code: code, year: year, sequence: 0)
        )
    }

    /// The sequence number inside `number` when `pattern` made it for `code` in `year`; nil for any other number.
    public static func sequence(of number: String, pattern: String, code: String, year: Int) -> Int? {
        guard let (prefix, suffix) = affixes(pattern: pattern, code: code, year: year), number.hasPrefix(prefix), number.hasSuffix(suffix),
            number.count > prefix.count + suffix.count
        else { return nil }
        let middle = number.dropFirst(prefix.count).dropLast(suffix.count)
        guard middle.count <= 12, middle.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(middle)
    }

    /// Whether `pattern` makes unique numbers: it must hold `{seq…}` and `{year}`.
    public static func validate(_ pattern: String) -> String? {
        pattern.contains("{seq") && pattern.contains("{year}")
            ? nil : "an index number pattern needs {year} and {seq:N}, or two items would share a number"
    }
}

/// 条例第二十六条: information is published within 20 working days of being created or changed.
public enum PublicationDeadline {
    public static let workingDays = 20

    /// The last day to publish information created (or changed) on `created`.
    public static func due(created: Day, calendar: WorkdayCalendar = .official) -> Day {
        calendar.adding(workingDays: workingDays, to: created)
    }

    /// Working days it was published late (0 when on time).
    public static func daysLate(created: Day, published: Day, calendar: WorkdayCalendar = .official) -> Int {
        let due = due(created: created, calendar: calendar)
        return published > due ? calendar.workingDays(after: due, through: published) : 0
    }
}

/// Staff-written text made safe: plain text with paragraphs, never HTML (a `<` stays a `<` on screen).
public enum SafeText {
    public enum Block: Equatable, Sendable {
        case heading(String)
        case paragraph([String])
        case list([String])
    }

    /// Paragraphs split at blank lines; lines starting `- ` are list items, `# ` a heading.
    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        var items: [String] = []
        func flush() {
            if !lines.isEmpty {
                blocks.append(.paragraph(lines))
                lines = []
            }
            if !items.isEmpty {
                blocks.append(.list(items))
                items = []
            }
        }
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("# ") {
                flush()
                blocks.append(.heading(String(line.dropFirst(2))))
            } else if line.hasPrefix("- ") {
                if !lines.isEmpty {
                    blocks.append(.paragraph(lines))
                    lines = []
                }
                items.append(String(line.dropFirst(2)))
            } else {
                if !items.isEmpty {
                    blocks.append(.list(items))
                    items = []
                }
                lines.append(line)
            }
        }
        flush()
        return blocks
    }
}

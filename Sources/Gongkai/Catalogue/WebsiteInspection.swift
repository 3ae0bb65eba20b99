import Foundation

/// A self-inspection against 政府网站与政务新媒体检查指标 (国办秘函〔2019〕19号), as far as the records can show it: the
/// indicators' thresholds and the column kinds are data here, cited to the document (summarised in
/// `website-indicators.md`); the facts come from the caller; the findings say which indicator, its threshold, the
/// evidence and what to fix.
public enum WebsiteInspection {
    public static let source = "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）"

    /// Which freshness rule a column answers to.
    public enum ColumnKind: String, Sendable, CaseIterable {
        /// 动态、要闻类: a new item within 2 weeks.
        case news
        /// 通知公告、政策文件类: a new item within 6 months.
        case noticesAndPolicies = "notices-and-policies"
        /// Other columns: only "long not updated" and "blank" apply.
        case other

        /// A column's kind by its name, as the indicators name the kinds.
        public static func of(name: String) -> ColumnKind {
            if ["动态", "要闻", "新闻"].contains(where: name.contains) { return .news }
            if ["通知", "公告", "公示", "政策文件"].contains(where: name.contains) { return .noticesAndPolicies }
            return .other
        }
    }

    /// The thresholds, as inspection reports quoting the document give them.
    public struct Thresholds: Sendable {
        /// 首页不更新: no new information on the home page for 2 weeks.
        public var homeDays = 14
        /// 栏目不更新 (1): 动态、要闻类 columns not updated in the 2 weeks before the check…
        public var newsDays = 14
        /// …and 通知公告、政策文件类 columns not updated in the 6 months before it…
        public var noticesMonths = 6
        /// …counted together: 5 or more fail the site.
        public var staleColumns = 5
        /// 栏目不更新 (2): 10 or more columns that should be updated but have long not been (here: a year without a new item).
        public var longStaleMonths = 12
        public var longStaleColumns = 10
        /// 栏目不更新 (3): 5 or more 空白栏目, columns that never had any information.
        public var blankColumns = 5
        /// 互动回应差 (2): a valid message left unanswered for over 3 months.
        public var unansweredMonths = 3

        public init() {}
    }

    public struct Column: Sendable {
        public var name: String
        public var kind: ColumnKind
        /// The day its newest item was published; nil when it never had one.
        public var lastPublished: Day?

        public init(name: String, kind: ColumnKind, lastPublished: Day?) {
            self.name = name
            self.kind = kind
            self.lastPublished = lastPublished
        }
    }

    /// What the records say about one agency's part of the site.
    public struct Facts: Sendable {
        public var today: Day
        /// The newest publication on the agency's home (any column); nil when nothing was ever published.
        public var lastPublished: Day?
        public var columns: [Column]
        /// Complaints and messages with no recorded handling: number and day received.
        public var unanswered: [(number: String, received: Day)]
        /// Whether the public can send a message (the complaints form).
        public var hasChannel: Bool
        /// Last year's annual report, when it is not published and its 第四十九条 deadline has passed.
        public var reportOverdue: (year: Int, due: Day)?
        /// Items published in the last 12 months past 第二十六条's 20 working days: 索引号, title, working days late.
        public var late: [(index: String, title: String, days: Int)]
        /// The parts of the 公开指南 left empty.
        public var guideMissing: [String]
        /// Links on the published pages that could not be opened, as the last link check found them: the page, the
        /// link, what happened, and how many other pages have the same link.
        public var brokenLinks: [(page: String, link: String, problem: String, others: Int)]

        public init(
            today: Day, lastPublished: Day?, columns: [Column], unanswered: [(number: String, received: Day)], hasChannel: Bool,
            reportOverdue: (year: Int, due: Day)?, late: [(index: String, title: String, days: Int)], guideMissing: [String],
            brokenLinks: [(page: String, link: String, problem: String, others: Int)] = []
        ) {
            self.brokenLinks = brokenLinks
            self.today = today
            self.lastPublished = lastPublished
            self.columns = columns
            self.unanswered = unanswered
            self.hasChannel = hasChannel
            self.reportOverdue = reportOverdue
            self.late = late
            self.guideMissing = guideMissing
        }
    }

    /// Where a finding is fixed.
    public enum Fix: Sendable, Equatable {
        case publish
        case column(String)
        case complaint(String)
        case report(Int)
        case item(String)
        case guide
        /// A page of the site (its path), where a link that cannot be opened is.
        case page(String)
    }

    public struct Finding: Sendable, Equatable {
        public enum Weight: String, Sendable {
            /// 单项否决: one fails the site.
            case veto
            /// 扣分: counted against the 100 points.
            case deduction
        }
        public var indicator: String
        public var weight: Weight
        public var threshold: String
        public var evidence: String
        public var fix: Fix?
    }

    /// The findings for one agency's part of the site, 单项否决 first.
    public static func inspect(_ facts: Facts, thresholds t: Thresholds = Thresholds()) -> [Finding] {
        var findings: [Finding] = []
        let today = facts.today
        func daysSince(_ day: Day) -> Int { today.ordinal - day.ordinal }
        func monthsAgo(_ months: Int) -> Day {
            let (year, month, day) = today.parts
            let counted = year * 12 + (month - 1) - months
            // NB: a day the month does not have is its last one (31 August − 6 months → 28 or 29 February).
            return (1...max(1, day)).reversed().lazy.compactMap { Day(year: counted / 12, month: counted % 12 + 1, day: $0) }.first ?? today
        }

        // 首页不更新.
        if facts.lastPublished.map({ daysSince($0) > t.homeDays }) ?? true {
            findings.append(
                Finding(
                    indicator: "首页不更新", weight: .veto, threshold: "监测\(t.homeDays)天内首页无新增信息",
                    evidence: facts.lastPublished.map { "最近一次发布为\($0.iso)，已\(daysSince($0))天" } ?? "从未发布信息", fix: .publish))
        }

        // 栏目不更新.
        var stale: [(Column, String)] = []
        var longStale: [Column] = []
        var blank: [Column] = []
        for column in facts.columns {
            guard let last = column.lastPublished else {
                blank.append(column)
                continue
            }
            switch column.kind {
            case .news where daysSince(last) > t.newsDays: stale.append((column, "动态、要闻类，\(t.newsDays)天内未更新（最近\(last.iso)）"))
            case .noticesAndPolicies where last < monthsAgo(t.noticesMonths):
                stale.append((column, "通知公告、政策文件类，\(t.noticesMonths)个月内未更新（最近\(last.iso)）"))
            default: break
            }
            if last < monthsAgo(t.longStaleMonths) { longStale.append(column) }
        }
        let columnRules: [(count: Int, limit: Int, rule: String, list: [(String, String)])] = [
            (
                stale.count, t.staleColumns, "动态、要闻类栏目\(t.newsDays)天、通知公告和政策文件类栏目\(t.noticesMonths)个月未更新，累计达\(t.staleColumns)个",
                stale.map { ($0.0.name, $0.1) }
            ),
            (
                longStale.count, t.longStaleColumns, "应更新但长期（此处按\(t.longStaleMonths)个月）未更新的栏目达\(t.longStaleColumns)个",
                longStale.map { ($0.name, "最近更新\($0.lastPublished?.iso ?? "")") }
            ),
            (blank.count, t.blankColumns, "空白栏目（开设以来从未发布信息）达\(t.blankColumns)个", blank.map { ($0.name, "从未发布信息") }),
        ]
        for rule in columnRules where rule.count > 0 {
            let veto = rule.count >= rule.limit
            for (name, why) in rule.list {
                findings.append(
                    Finding(
                        indicator: "栏目不更新", weight: veto ? .veto : .deduction,
                        threshold: rule.rule + (veto ? "（本次\(rule.count)个，单项否决）" : "（本次\(rule.count)个，未达否决线，计入信息更新情况扣分）"),
                        evidence: "「\(name)」：\(why)", fix: .column(name)))
            }
        }

        // 互动回应差.
        if !facts.hasChannel {
            findings.append(
                Finding(indicator: "互动回应差", weight: .veto, threshold: "无可用的咨询建议渠道", evidence: "未开设留言或投诉渠道", fix: nil))
        }
        for message in facts.unanswered where message.received < monthsAgo(t.unansweredMonths) {
            findings.append(
                Finding(
                    indicator: "互动回应差", weight: .veto, threshold: "有效留言超过\(t.unansweredMonths)个月未答复",
                    evidence: "\(message.number)于\(message.received.iso)收到，至今无办理记录", fix: .complaint(message.number)))
        }

        // 信息更新情况: the annual report and items published late.
        if let overdue = facts.reportOverdue {
            findings.append(
                Finding(
                    indicator: "信息更新情况（年度报告）", weight: .deduction, threshold: "《条例》第四十九条：按期公布上一年度报告",
                    evidence: "\(overdue.year)年度报告至今未发布（期限\(overdue.due.iso)）", fix: .report(overdue.year)))
        }
        for item in facts.late {
            findings.append(
                Finding(
                    indicator: "信息更新情况（及时公开）", weight: .deduction, threshold: "《条例》第二十六条：形成或变更之日起20个工作日内公开",
                    evidence: "\(item.index)「\(item.title)」逾期\(item.days)个工作日发布", fix: .item(item.index)))
        }

        // 服务实用情况: the guide's parts.
        if !facts.guideMissing.isEmpty {
            findings.append(
                Finding(
                    indicator: "服务实用情况（公开指南要素）", weight: .deduction, threshold: "《条例》第十二条：公开指南应载明的要素齐全",
                    evidence: "缺少：" + facts.guideMissing.joined(separator: "、"), fix: .guide))
        }
        // 网站可用性: 链接可用性.
        for broken in facts.brokenLinks {
            findings.append(
                Finding(
                    indicator: "网站可用性（链接可用性）", weight: .deduction, threshold: "首页及其他页面上的链接、附件应能打开（内部、外部链接均计入）",
                    evidence: "页面 \(broken.page) 上的链接 \(broken.link)：\(broken.problem)" + (broken.others > 0 ? "（另有\(broken.others)个页面有此链接）" : ""),
                    fix: .page(broken.page)))
        }
        return findings.filter { $0.weight == .veto } + findings.filter { $0.weight == .deduction }
    }
}

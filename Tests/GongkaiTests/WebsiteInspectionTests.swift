import Foundation
import Testing

@testable import Gongkai

/// The self-inspection's judgement: each indicator at its threshold, vetoes first.
@Suite struct WebsiteInspectionTests {
    static let today = Day(iso: "2026-12-07")!

    static func facts(
        lastPublished: Day? = Day(iso: "2026-12-01"), columns: [WebsiteInspection.Column] = [],
        unanswered: [(number: String, received: Day)] = [], reportOverdue: (year: Int, due: Day)? = nil,
        late: [(index: String, title: String, days: Int)] = [], guideMissing: [String] = []
    ) -> WebsiteInspection.Facts {
        WebsiteInspection.Facts(
            today: today, lastPublished: lastPublished, columns: columns, unanswered: unanswered, hasChannel: true, reportOverdue: reportOverdue,
            late: late, guideMissing: guideMissing)
    }

    static func column(_ name: String, _ last: String?) -> WebsiteInspection.Column {
        WebsiteInspection.Column(name: name, kind: .of(name: name), lastPublished: last.flatMap(Day.init(iso:)))
    }

    @Test func aFreshSiteHasNoFinding() {
        let columns = [Self.column("工作动态", "2026-12-03"), Self.column("通知公告", "2026-09-01"), Self.column("统计信息", "2026-02-01")]
        #expect(WebsiteInspection.inspect(Self.facts(columns: columns)).isEmpty)
    }

    @Test func aLinkThatDoesNotOpenIsADeductionFixedOnItsPage() {
        var facts = Self.facts()
        facts.brokenLinks = [("/a/x/items/1", "/a/x/items/2", "HTTP 404", 0), ("/a/x", "http://www.example.cn/", "无法连接", 3)]
        let findings = WebsiteInspection.inspect(facts)
        #expect(findings.map(\.indicator) == ["网站可用性（链接可用性）", "网站可用性（链接可用性）"])
        #expect(findings.allSatisfy { $0.weight == .deduction })
        #expect(findings.map(\.evidence) == ["页面 /a/x/items/1 上的链接 /a/x/items/2：HTTP 404", "页面 /a/x 上的链接 http://www.example.cn/：无法连接（另有3个页面有此链接）"])
        #expect(findings.map(\.fix) == [.page("/a/x/items/1"), .page("/a/x")])
    }

    @Test func theHomeIsStaleAfterTwoWeeks() {
        #expect(WebsiteInspection.inspect(Self.facts(lastPublished: Day(iso: "2026-11-23"))).isEmpty, "14 days is within")
        let stale = WebsiteInspection.inspect(Self.facts(lastPublished: Day(iso: "2026-11-22")))
        #expect(stale.map(\.indicator) == ["首页不更新"] && stale[0].weight == .veto)
        #expect(stale[0].evidence == "最近一次发布为2026-11-22，已15天")
        #expect(WebsiteInspection.inspect(Self.facts(lastPublished: nil)).first?.evidence == "从未发布信息")
    }

    @Test func staleAndBlankColumnsAreDeductionsBelowTheirLine_andVetoesAtIt() {
        // Four stale columns: each a deduction; the fifth makes them a veto.
        var columns = [
            Self.column("工作动态", "2026-11-01"), Self.column("要闻", "2026-11-20"), Self.column("通知公告", "2026-06-06"),
            Self.column("政策文件", "2026-05-01"),
        ]
        let four = WebsiteInspection.inspect(Self.facts(columns: columns))
        #expect(four.count == 4 && four.allSatisfy { $0.indicator == "栏目不更新" && $0.weight == .deduction })
        #expect(four.map(\.evidence).contains("「通知公告」：通知公告、政策文件类，6个月内未更新（最近2026-06-06）"))
        columns.append(Self.column("公示公告", "2026-01-01"))
        let five = WebsiteInspection.inspect(Self.facts(columns: columns))
        #expect(five.filter { $0.weight == .veto }.count == 5)
        #expect(five.first?.threshold.contains("本次5个，单项否决") == true)
        // 6 months to the day is not yet stale.
        #expect(WebsiteInspection.inspect(Self.facts(columns: [Self.column("通知公告", "2026-06-07")])).isEmpty)
        // Five blank columns fail the site; four do not.
        let blanks = (1...4).map { Self.column("栏目\($0)", nil) }
        #expect(WebsiteInspection.inspect(Self.facts(columns: blanks)).allSatisfy { $0.weight == .deduction })
        let fiveBlank = WebsiteInspection.inspect(Self.facts(columns: blanks + [Self.column("其他", nil)]))
        #expect(fiveBlank.count == 5 && fiveBlank.allSatisfy { $0.weight == .veto && $0.evidence.hasSuffix("：从未发布信息") })
    }

    @Test func messagesUnansweredOverThreeMonthsAreAVeto_andTheRestDeductions() {
        let found = WebsiteInspection.inspect(
            Self.facts(
                unanswered: [("TS2026-0001", Day(iso: "2026-09-06")!), ("TS2026-0002", Day(iso: "2026-09-07")!)],
                reportOverdue: (2025, Day(iso: "2026-01-31")!), late: [("X/2026-00001", "某通知", 3)], guideMissing: ["办公时间"]))
        #expect(found.map(\.indicator) == ["互动回应差", "信息更新情况（年度报告）", "信息更新情况（及时公开）", "服务实用情况（公开指南要素）"])
        #expect(found[0].evidence == "TS2026-0001于2026-09-06收到，至今无办理记录" && found[0].weight == .veto)
        #expect(found.dropFirst().allSatisfy { $0.weight == .deduction })
    }

    @Test func columnKindsAreReadFromTheirNames() {
        #expect(WebsiteInspection.ColumnKind.of(name: "工作动态") == .news)
        #expect(WebsiteInspection.ColumnKind.of(name: "公示公告") == .noticesAndPolicies)
        #expect(WebsiteInspection.ColumnKind.of(name: "政策文件") == .noticesAndPolicies)
        #expect(WebsiteInspection.ColumnKind.of(name: "统计信息") == .other)
    }
}

import Foundation

/// Charts of an annual report as inline SVG: no script, a title and a sentence for screen readers, the numbers printed
/// beside the bars (colour is never the only carrier), and sized by a view box so they print as sharply as the text.
/// Every number comes from the report's own tables — the same values its tables print — never counted a second time.
public enum ReportCharts {
    /// A chart: its SVG and the sentence that says what it shows (its text alternative, also printed under it).
    public struct Chart: Sendable, Equatable {
        public var title: String
        public var summary: String
        public var svg: String
    }

    /// One bar: its label and its parts (one part for a plain bar), each named by `BarChart.series`.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var parts: [Int]

        public init(label: String, parts: [Int]) {
            self.label = label
            self.parts = parts
        }

        public var total: Int { ReportCharts.sum(parts) }
    }

    /// Table 三's results by kind (its 总计 column): 予以公开 … 其他处理, and what is carried into next year.
    public static func results(_ report: AnnualReport, id: String = "chart-results") -> Chart? {
        guard let table = report.table3 else { return nil }
        let kinds = AnswerResult.plainKinds
        var sums = Array(repeating: 0, count: kinds.count)
        for row in report.table3Rows where row.isResult {
            let slot = AnswerResult.group(of: row.id) - 1
            sums[slot] = sum([sums[slot], table[row.id]?[Table3Column.total] ?? 0])
        }
        var bars = zip(kinds, sums).map { Bar(label: $0, parts: [$1]) }
        bars.append(Bar(label: "结转下年度", parts: [table["4"]?[Table3Column.total] ?? 0]))
        let closed = sum(sums)
        let summary =
            "本年度办结政府信息公开申请\(closed)件，其中"
            + zip(kinds, sums).map { "\($0)\($1)件" }.joined(separator: "，") + "；结转下年度继续办理\(bars.last?.total ?? 0)件。"
        return chart(id: id, title: "申请办理结果（表三 总计列）", summary: summary, bars: bars, series: [])
    }

    /// 本年新收 by the month each application was received, each bar split by how it ended within the year — 予以公开,
    /// 部分公开, the other results, 尚未办结 — counted from the same facts and by the same rows as table 三
    /// (`ReportComputation.resultRow`), so the twelve bars add up to its 本年新收. Nil when nothing was received.
    public static func months(year: Int, facts: ReportFacts, id: String = "chart-months") -> Chart? {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
        let format = ReportFormat.expected(forYear: year)
        var counts = Array(repeating: Array(repeating: 0, count: 4), count: 12)
        for application in facts.applications {
            guard let received = application.received, received >= first, received <= last else { continue }
            let part: Int
            if let closed = application.closed, closed <= last {
                let group = AnswerResult.group(of: ReportComputation.resultRow(application, in: format))
                part = group <= 2 ? group - 1 : 2
            } else {
                part = 3
            }
            let month = received.parts.month - 1
            counts[month][part] = sum([counts[month][part], application.weight])
        }
        let bars = counts.enumerated().map { Bar(label: "\($0.offset + 1)月", parts: $0.element) }
        let total = sum(bars.map(\.total))
        guard total > 0 else { return nil }
        let open = sum(bars.map { $0.parts[3] })
        let summary =
            "本年新收政府信息公开申请\(total)件，按收到的月份：" + bars.map { "\($0.label)\($0.total)件" }.joined(separator: "，")
            + "；其中年内办结\(total - open)件，尚未办结\(open)件。"
        return chart(
            id: id, title: "各月新收申请及办理结果", summary: summary, bars: bars, series: ["予以公开", "部分公开", "其他结果", "尚未办结"])
    }

    /// Answers given within the year by the month they were given, each bar split into those given by their
    /// statutory deadline (第三十三条, with any extension) and those given after it; the summary says the share on time.
    /// Nil when nothing was answered in the year, or the facts carry no deadlines.
    public static func onTime(year: Int, facts: ReportFacts, id: String = "chart-on-time") -> Chart? {
        var counts = Array(repeating: [0, 0], count: 12)
        for application in facts.applications {
            guard let answered = application.answered, let due = application.due, answered.year == year else { continue }
            let month = answered.parts.month - 1
            let part = answered <= due ? 0 : 1
            counts[month][part] = sum([counts[month][part], application.weight])
        }
        let bars = counts.enumerated().map { Bar(label: "\($0.offset + 1)月", parts: $0.element) }
        let total = sum(bars.map(\.total))
        guard total > 0 else { return nil }
        let late = sum(bars.map { $0.parts[1] })
        let share = Double(total - late) / Double(total) * 100
        let summary =
            "本年答复政府信息公开申请\(total)件，按期答复\(total - late)件，占\(String(format: "%.1f", share))%；逾期答复\(late)件。按答复的月份："
            + bars.map { "\($0.label)\($0.total)件" + ($0.parts[1] > 0 ? "（逾期\($0.parts[1])件）" : "") }.joined(separator: "，") + "。"
        return chart(id: id, title: "按期答复情况（按答复月份）", summary: summary, bars: bars, series: ["按期答复", "逾期答复"])
    }

    /// Table 三's 本年新收 by applicant (自然人 and the five kinds of 法人或其他组织).
    public static func applicants(_ report: AnnualReport, id: String = "chart-applicants") -> Chart? {
        guard let row = report.table3?["1"] else { return nil }
        let columns = Array(Table3Column.labels.prefix(Table3Column.total))
        let bars = columns.enumerated().map { Bar(label: $1, parts: [row.indices.contains($0) ? row[$0] ?? 0 : 0]) }
        let summary =
            "本年新收政府信息公开申请\(row.indices.contains(Table3Column.total) ? row[Table3Column.total] ?? 0 : 0)件，其中"
            + bars.map { "\($0.label)\($0.total)件" }.joined(separator: "，") + "。"
        return chart(id: id, title: "本年新收申请的申请人（表三 第一行）", summary: summary, bars: bars, series: [])
    }

    /// Table 四: reconsiderations and lawsuits, each bar split into 结果维持, 结果纠正, 其他结果 and 尚未审结.
    public static func reviews(_ report: AnnualReport, id: String = "chart-reviews") -> Chart? {
        guard let table = report.table4, table.count >= 15 else { return nil }
        let series = Array(Table4Column.results.prefix(4))
        let bars = Table4Column.groups.enumerated().map { group, name in
            Bar(label: name.replacingOccurrences(of: "行政诉讼·", with: ""), parts: (0..<4).map { table[group * 5 + $0] ?? 0 })
        }
        let summary =
            bars.map { bar in
                "\(bar.label)\(bar.total)件" + (bar.total == 0 ? "" : "（" + zip(series, bar.parts).map { "\($0)\($1)" }.joined(separator: "、") + "）")
            }.joined(separator: "；") + "。"
        return chart(id: id, title: "行政复议和行政诉讼（表四）", summary: summary, bars: bars, series: series)
    }

    /// The charts of a report, in the order of its tables.
    public static func all(_ report: AnnualReport) -> [Chart] {
        [applicants(report), results(report), reviews(report)].compactMap { $0 }
    }

    /// A sum that stops at the largest number instead of trapping: a report read from the web may print anything.
    static func sum(_ values: [Int]) -> Int {
        values.reduce(0) { total, value in
            let (result, overflow) = total.addingReportingOverflow(value)
            return overflow ? (value > 0 ? Int.max : Int.min) : result
        }
    }

    // MARK: Drawing

    static let palette = ["#a40000", "#0b4ea2", "#d9822b", "#5b8c5a", "#7a5195", "#666666"]

    /// A horizontal bar chart: labels on the left, bars scaled to the largest total, each bar's total printed after it;
    /// with `series`, bars are split into parts and a legend names them.
    public static func chart(id: String, title: String, summary: String, bars: [Bar], series: [String]) -> Chart {
        let width = 640.0
        let labelWidth = 180.0
        let valueWidth = 60.0
        let rowHeight = 30.0
        let legendHeight = series.isEmpty ? 0.0 : 28.0
        let top = 8.0 + legendHeight
        let height = top + Double(bars.count) * rowHeight + 8
        let largest = max(bars.map(\.total).max() ?? 0, 1)
        let scale = (width - labelWidth - valueWidth - 16) / Double(largest)
        let safeID = id.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" "
            + "aria-labelledby=\"\(safeID)-title \(safeID)-desc\" font-family=\"sans-serif\" font-size=\"14\">"
            + "<title id=\"\(safeID)-title\">\(ReportWriter.escape(title))</title><desc id=\"\(safeID)-desc\">\(ReportWriter.escape(summary))</desc>"
        var x = labelWidth
        for (index, name) in series.enumerated() {
            let colour = palette[index % palette.count]
            svg += "<rect x=\"\(number(x))\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(number(x + 18))\" y=\"18\" fill=\"#222\">\(ReportWriter.escape(name))</text>"
            x += 18 + Double(name.count) * 14 + 16
        }
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * rowHeight
            svg +=
                "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 19))\" text-anchor=\"end\" fill=\"#222\">\(ReportWriter.escape(bar.label))</text>"
            var left = labelWidth
            for (index, part) in bar.parts.enumerated() where part > 0 {
                let length = Double(part) * scale
                let colour = series.isEmpty ? palette[0] : palette[index % palette.count]
                svg += "<rect x=\"\(number(left))\" y=\"\(number(y + 5))\" width=\"\(number(length))\" height=\"20\" fill=\"\(colour)\"/>"
                left += length
            }
            svg += "<text x=\"\(number(left + 6))\" y=\"\(number(y + 19))\" fill=\"#222\">\(bar.total)</text>"
        }
        svg += "<line x1=\"\(number(labelWidth))\" y1=\"\(number(top))\" x2=\"\(number(labelWidth))\" y2=\"\(number(height - 8))\" stroke=\"#888\"/>"
        svg += "</svg>"
        return Chart(title: title, summary: summary, svg: svg)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A chart as an HTML figure: its title and sentence as the caption above it, then the SVG.
    public static func figure(_ chart: Chart) -> String {
        "<figure class=\"chart\"><figcaption><strong>\(ReportWriter.escape(chart.title))</strong> \(ReportWriter.escape(chart.summary))</figcaption>\(chart.svg)</figure>"
    }
}

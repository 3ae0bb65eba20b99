import Foundation

/// The forms a report can be written in.
public enum ReportOutputFormat: String, CaseIterable, Sendable {
    case json, txt, md, html, csv
}

/// Writers for a report: plain text, Markdown, a standalone HTML page, CSV per table and JSON.
/// Reading any of them back gives the same model (CSV: the same tables).
public enum ReportWriter {
    /// Plain text in the official order and labels, tables flattened to ` | `-separated lines.
    public static func text(_ report: AnnualReport) -> String {
        var out: [String] = []
        if let title = ReportGrid.title(report) { out.append(title) }
        if !report.preamble.isEmpty { out.append(report.preamble) }
        for part in ReportGrid.parts(report) {
            if let section = part.section {
                out.append("\(ReportSectionTitle.numerals[part.number - 1])、\(section.title)")
                if !section.text.isEmpty { out.append(section.text) }
            }
            if let grid = part.grid {
                out += ReportGrid.flatten(grid).map { $0.joined(separator: " | ") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown: headings for the sections, pipe tables for the tables.
    public static func markdown(_ report: AnnualReport) -> String {
        var out: [String] = []
        if let title = ReportGrid.title(report) { out += ["# \(title)", ""] }
        if !report.preamble.isEmpty { out += [report.preamble, ""] }
        for part in ReportGrid.parts(report) {
            if let section = part.section {
                out += ["## \(ReportSectionTitle.numerals[part.number - 1])、\(section.title)", ""]
                if !section.text.isEmpty { out += [section.text, ""] }
            }
            if let grid = part.grid {
                let rows = ReportGrid.flatten(grid).map { $0.map(markdownCell) }
                let width = rows.map(\.count).max() ?? 0
                for (index, row) in rows.enumerated() {
                    out.append("| " + (row + Array(repeating: "", count: width - row.count)).joined(separator: " | ") + " |")
                    if index == 0 { out.append("|" + String(repeating: " --- |", count: width)) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    private static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// The standalone page's own style, kept in the page so the file reads the same saved anywhere. Public so that a
    /// server can allow exactly this `<style>` element (by its hash) in a content security policy.
    public static let htmlStyle = """

        body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; line-height: 1.7; color: #111; max-width: 52em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 1.5em; text-align: center; text-wrap: balance; word-break: keep-all; }
        h2 { font-size: 1.15em; margin-top: 1.6em; break-after: avoid; page-break-after: avoid; }
        p { margin: 0.3em 0; text-indent: 2em; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.9em; }
        th, td { border: 1px solid #333; padding: 0.25em 0.4em; }
        th { font-weight: normal; background: #f2f2f2; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure.chart { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart figcaption { font-size: 0.9em; color: #333; }
        .table-box { overflow-x: auto; }
        @page { size: A4; margin: 20mm 18mm; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } th { background: none; } table, tr { page-break-inside: avoid; } }

        """

    /// A standalone HTML page that prints on A4, with the tables as published (merged cells and all).
    public static func html(_ report: AnnualReport) -> String {
        let title = ReportGrid.title(report) ?? "政府信息公开工作年度报告"
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(htmlStyle)</style>
            </head>
            <body><main>
            <h1>\(escape(title))</h1>

            """
        for paragraph in lines(report.preamble) { out += "<p>\(escape(paragraph))</p>\n" }
        for part in ReportGrid.parts(report) {
            if let section = part.section {
                out += "<h2>\(ReportSectionTitle.numerals[part.number - 1])、\(escape(section.title))</h2>\n"
                for paragraph in lines(section.text) { out += "<p>\(escape(paragraph))</p>\n" }
            }
            out += tableAndCharts(report, part: part.number, grid: part.grid)
        }
        out += "</main></body>\n</html>\n"
        return out
    }

    /// Tables 二, 三 and 四 under their headings (`<h\(level)>`), as published, each followed by its charts: for pages
    /// that show a report's numbers without its prose (the back office's draft, the district's roll-up, the checker).
    /// `marks` numbers cells by their names (`CellName`, as findings give them): each such cell is marked in place,
    /// `id="\(idPrefix)cell-N"`, its number linking to `#\(idPrefix)finding-N`. Every id written starts with `idPrefix`
    /// (for a page that shows several reports).
    public static func htmlTables(
        _ report: AnnualReport, headingLevel level: Int = 3, marks: [String: Int] = [:], idPrefix: String = ""
    ) -> String {
        var out = ""
        for part in ReportGrid.parts(report) where part.grid != nil {
            out += "<h\(level)>\(ReportSectionTitle.heading(part.number))</h\(level)>\n"
            out += tableAndCharts(report, part: part.number, grid: part.grid, marks: marks, idPrefix: idPrefix)
        }
        return out
    }

    /// A table with its merged cells, in a box that scrolls sideways on a phone, and the charts drawn from it.
    private static func tableAndCharts(
        _ report: AnnualReport, part: Int, grid: Grid?, marks: [String: Int] = [:], idPrefix: String = ""
    ) -> String {
        guard let grid else { return "" }
        var out = "<div class=\"table-box\"><table>\n"
        for row in grid {
            out += "<tr>"
            for cell in row {
                let tag = cell.header ? "th" : "td"
                var attributes = ""
                if cell.rowspan > 1 { attributes += " rowspan=\"\(cell.rowspan)\"" }
                if cell.colspan > 1 { attributes += " colspan=\"\(cell.colspan)\"" }
                let mark = cell.name.flatMap { marks[$0] }
                let number = !cell.header && CellValue.classify(key: LabelText.key(cell.text)) != .text
                if number || mark != nil {
                    attributes += " class=\"\([number ? "n" : nil, mark.map { _ in "flagged" }].compactMap { $0 }.joined(separator: " "))\""
                }
                if let mark { attributes += " id=\"\(idPrefix)cell-\(mark)\"" }
                let flag = mark.map { " <a class=\"flag\" href=\"#\(idPrefix)finding-\($0)\">[\($0)]</a>" } ?? ""
                out += "<\(tag)\(attributes)>\(escape(cell.text))\(flag)</\(tag)>"
            }
            out += "</tr>\n"
        }
        out += "</table></div>\n"
        let charts: [ReportCharts.Chart?] =
            switch part {
            case 3:
                [ReportCharts.applicants(report, id: idPrefix + "chart-applicants"), ReportCharts.results(report, id: idPrefix + "chart-results")]
            case 4: [ReportCharts.reviews(report, id: idPrefix + "chart-reviews")]
            default: []
            }
        for chart in charts.compactMap({ $0 }) { out += ReportCharts.figure(chart) + "\n" }
        return out
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// `text` safe inside HTML text and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// One CSV file per table, by file name (`table2.csv`, `table3.csv`, `table4.csv`); absent tables are left out.
    public static func csv(_ report: AnnualReport) -> [(name: String, content: String)] {
        ReportCSV.write(report)
    }

    /// The report in `format`; CSV gives its tables one after another, each under a `# tableN.csv` line.
    public static func write(_ report: AnnualReport, as format: ReportOutputFormat, findings: [Finding] = []) -> String {
        switch format {
        case .json: ReportJSON.encode(report, findings: findings) + "\n"
        case .txt: text(report)
        case .md: markdown(report)
        case .html: html(report)
        case .csv: csv(report).map { "# \($0.name)\n\($0.content)" }.joined(separator: "\n")
        }
    }
}

import Foundation
import Gongkai
import Plot

/// The back office's annual report pages.
enum AnnualReportViews {
    static func rollup(year: Int, rows: [AnnualReports.RollupRow], sum: AnnualReport, viewer: Viewer) -> HTML {
        let l = viewer.language
        return Views.page(
            title: UIText.reportsOfYear(l, year), viewer: viewer,
            .form(
                .method(.get), .action(SiteURL.staffReports().path), .label(.attribute(named: "for", value: "year"), .text(UIText.year(l))),
                .input(.type(.text), .name("year"), .id("year"), .value(String(year))), .button(.type(.submit), .text(UIText.show(l)))),
            .table(
                .tr(
                    .th(.text(UIText.agency(l))), .th(.text(UIText.status(l))), .th(.text(UIText.dueBy(l))), .th(.text(UIText.publish(l))),
                    .th(.text(UIText.arithmeticErrors(l)))),
                .forEach(rows) { row in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.staffReport(row.agency.code, year).path)), .text(row.agency.name))),
                        .td(.text(row.status.label(l))),
                        .td(.text(row.due.iso)),
                        .td(.text(row.published.map { UIText.otherVersion(l, $0.version, $0.publishedOn) } ?? "")),
                        .td(.text(row.errors.isEmpty ? UIText.noneGiven(l) : row.errors.map { $0.text(l) }.joined(separator: l == .en ? "; " : "；")))
                    )
                }
            ),
            .p(.a(.href(Views.attr(SiteURL.staffReportTrends.path)), .text(UIText.trendsTitle(l)))),
            .div(.class("report"), .attribute(named: "lang", value: "zh-CN"), .raw(ReportCharts.figure(agenciesChart(rows, year: year)))),
            .h2(.text(UIText.districtTotals(l))),
            .p(.text(UIText.totalsExplained(l))),
            tables(sum)
        )
    }

    /// One year of the district's reports: the roll-up's rows and sums.
    struct TrendYear {
        var year: Int
        var rows: [AnnualReports.RollupRow]
        var sum: AnnualReport

        var published: Int { rows.filter { $0.published != nil }.count }
        var overdue: Int { rows.filter { $0.status == .overdue }.count }
        func table3(_ row: String) -> Int { sum.table3?[row]?[Table3Column.total] ?? 0 }
        /// Table 四's 总计 of reconsiderations (its first group) and of lawsuits (the other two).
        var reconsiderations: Int { sum.table4?[4] ?? 0 }
        var lawsuits: Int { (sum.table4?[9] ?? 0) + (sum.table4?[14] ?? 0) }
    }

    /// The district's reports year by year, with a chart of the applications closed and carried over.
    static func trends(_ years: [TrendYear], agencies: Int, viewer: Viewer) -> HTML {
        let l = viewer.language
        let bars = years.map { ReportCharts.Bar(label: "\($0.year)年", parts: [$0.table3("3.7"), $0.table3("4")]) }
        let summary = years.map { "\($0.year)年新收\($0.table3("1"))件、办结\($0.table3("3.7"))件、结转\($0.table3("4"))件" }.joined(separator: "；") + "。"
        let chart = ReportCharts.chart(
            id: "chart-trends", title: "历年办理政府信息公开申请（各年表三 总计列之和）", summary: summary, bars: bars, series: ["已办结", "结转下年度"])
        return Views.page(
            title: UIText.trendsTitle(l), viewer: viewer,
            .p(.text(UIText.trendsExplained(l, agencies))),
            .div(
                .class("table-box"),
                .table(
                    .tr(
                        .th(.text(UIText.year(l))), .th(.text(UIText.trendsPublished(l))), .th(.text(UIText.trendsOverdue(l))),
                        .th(.text(UIText.trendsReceived(l))), .th(.text(UIText.trendsClosed(l))), .th(.text(UIText.trendsCarried(l))),
                        .th(.text(UIText.trendsReconsiderations(l))), .th(.text(UIText.trendsLawsuits(l)))),
                    .forEach(years) { year in
                        .tr(
                            .td(.a(.href(Views.attr(SiteURL.staffReports(year: year.year).path)), .text(String(year.year)))),
                            .td(.text("\(year.published)/\(year.rows.count)")), .td(.text(String(year.overdue))),
                            .td(.text(String(year.table3("1")))), .td(.text(String(year.table3("3.7")))), .td(.text(String(year.table3("4")))),
                            .td(.text(String(year.reconsiderations))), .td(.text(String(year.lawsuits))))
                    })),
            .div(.class("report"), .attribute(named: "lang", value: "zh-CN"), .raw(ReportCharts.figure(chart)))
        )
    }

    /// The agencies side by side: each one's applications closed and carried into next year (table 三's 总计 column of
    /// its published report, else its draft). A chart of the district office's, so in Chinese like the reports.
    static func agenciesChart(_ rows: [AnnualReports.RollupRow], year: Int) -> ReportCharts.Chart {
        let names = rows.map(\.agency.name)
        let shared = names.count > 1 ? names.dropFirst().reduce(names[0]) { $0.commonPrefix(with: $1) } : ""
        let bars = rows.map { row in
            let short = String(row.agency.name.dropFirst(shared.count))
            let label = short.isEmpty ? row.agency.name : short
            return ReportCharts.Bar(label: label.count > 11 ? label.prefix(10) + "…" : label, parts: [row.closed ?? 0, row.carried ?? 0])
        }
        let summary =
            rows.map { "\($0.agency.name)办结\($0.closed.map(String.init) ?? "—")件、结转\($0.carried.map(String.init) ?? "—")件" }
            .joined(separator: "；") + "。"
        return ReportCharts.chart(
            id: "chart-agencies", title: "\(year)年度各机关办理政府信息公开申请（表三 总计列）", summary: summary, bars: bars, series: ["已办结", "结转下年度"])
    }

    /// Tables 二, 三 and 四 as the report prints them (merged cells and all), each with its charts. NB: the report is a
    /// legal document, in Chinese whatever the page's language; its HTML is the domain's, escaped there.
    static func tables(_ report: AnnualReport) -> Node<HTML.BodyContext> {
        .div(.class("report"), .attribute(named: "lang", value: "zh-CN"), .raw(ReportWriter.htmlTables(report)))
    }

    static func draft(
        agency: AgencyRef, year: Int, generated: AnnualReports.Generated, status: AnnualReports.Status, due: Day,
        published: [AnnualReports.PublishedVersion],
        changes: [(Int, [String])], links: [String: String], canWrite: Bool, problem: String?, viewer: Viewer
    ) -> HTML {
        let l = viewer.language
        let errors = generated.findings.filter { $0.severity == .error }
        return Views.page(
            title: UIText.reportOfYear(l, agency.name, year), viewer: viewer,
            .p(.text(UIText.reportState(l, status.label(l), due.iso))),
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            errors.isEmpty
                ? .p(.text(UIText.arithmeticPasses(l)))
                : .section(
                    .class("notice"), .h2(.text(UIText.arithmeticErrorsToFix(l))),
                    .ul(.forEach(errors) { .li(.text($0.text(l))) })),
            .h2(.text(UIText.tablesFromRecords(l))),
            .forEach([generated.months, generated.onTime].compactMap { $0 }) {
                .div(.class("report"), .attribute(named: "lang", value: "zh-CN"), .raw(ReportCharts.figure($0)))
            },
            tables(generated.report),
            .h2(.text(UIText.sources(l))),
            generated.sources.isEmpty
                ? .p(.text(UIText.allFromRegisters(l)))
                : .ul(
                    .forEach(generated.sources.sorted { $0.key < $1.key }) { cell, ids in
                        .li(
                            .text("\(cell)（\(ids.count)）："),
                            .forEach(ids.prefix(50)) { id in
                                .group(links[id].map { .a(.href(Views.attr($0)), .text(id)) } ?? .text(id), .text(" "))
                            })
                    }),
            .h2(.text(UIText.textSections(l))),
            .form(
                .method(.post), .action(Views.attr(SiteURL.staffReportSave(agency.code, year).path)), StaffViews.csrf(viewer),
                // NB: the report's sections are written in Chinese under their official headings (a legal document).
                .forEach(generated.report.sections) { section in
                    .group(
                        .label(
                            .attribute(named: "for", value: "section\(section.number)"), .attribute(named: "lang", value: "zh-CN"),
                            .text(ReportSectionTitle.heading(section.number))),
                        .textarea(
                            .name("section\(section.number)"), .id("section\(section.number)"), .attribute(named: "lang", value: "zh-CN"),
                            .attribute(named: "rows", value: section.number == 1 ? "14" : "4"), .text(section.text)))
                },
                .if(canWrite, .button(.type(.submit), .text(UIText.saveDraft(l))))
            ),
            .if(
                canWrite,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffReportPublish(agency.code, year).path)), StaffViews.csrf(viewer),
                    .button(.type(.submit), .text(published.isEmpty ? UIText.publish(l) : UIText.publishCorrection(l))))),
            .h2(.text(UIText.publishedVersions(l))),
            published.isEmpty
                ? .p(.text(UIText.notPublishedYet(l)))
                : .ul(
                    .forEach(published) { version in
                        .li(
                            .a(
                                .href(Views.attr(SiteURL.annualReport(agency.code, year, version: version.version).path)),
                                .text(UIText.otherVersion(l, version.version, version.publishedOn) + " " + version.publishedBy)),
                            .unwrap(changes.first { $0.0 == version.version }?.1) { list in .ul(.forEach(list) { .li(.text($0)) }) })
                    })
        )
    }
}

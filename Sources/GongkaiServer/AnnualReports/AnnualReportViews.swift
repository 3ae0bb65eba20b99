import Foundation
import Gongkai
import Plot

/// The back office's annual report pages.
enum AnnualReportViews {
    struct RollupRow {
        var agency: AgencyRecord
        var status: AnnualReports.Status
        var due: Day
        var published: AnnualReportRecord?
        var errors: [Finding]
    }

    static func rollup(year: Int, rows: [RollupRow], sum: AnnualReport, viewer: Viewer) -> HTML {
        Views.page(
            title: "\(year)年政府信息公开工作年度报告", viewer: viewer,
            StaffViews.header(viewer),
            .form(
                .method(.get), .action(SiteURL.staffReports().path), .label(.attribute(named: "for", value: "year"), .text("年份")),
                .input(.type(.text), .name("year"), .id("year"), .value(String(year))), .button(.type(.submit), .text("查看"))),
            .table(
                .tr(.th(.text("机关")), .th(.text("状态")), .th(.text("发布期限")), .th(.text("发布")), .th(.text("勾稽错误"))),
                .forEach(rows) { row in
                    .tr(
                        .td(.a(.href(Views.attr(SiteURL.staffReport(row.agency.code, year).path)), .text(row.agency.name))),
                        .td(.text(row.status.rawValue)),
                        .td(.text(row.due.iso)),
                        .td(.text(row.published.map { "第\($0.version)版 \($0.publishedOn ?? "")" } ?? "")),
                        .td(.text(row.errors.isEmpty ? "无" : row.errors.map { "\($0.cell ?? $0.rule)：\($0.message)" }.joined(separator: "；")))
                    )
                }
            ),
            .h2(.text("辖区合计")),
            .p(.text("已发布的取最新版本，未发布的取按记录计算的草稿。")),
            .element(named: "pre", text: ReportWriter.text(sum).components(separatedBy: "\n").filter { $0.contains("|") }.joined(separator: "\n"))
        )
    }

    static func draft(
        agency: AgencyRecord, year: Int, generated: AnnualReports.Generated, status: AnnualReports.Status, due: Day, published: [AnnualReportRecord],
        changes: [(Int, [String])], links: [String: String], canWrite: Bool, problem: String?, viewer: Viewer
    ) -> HTML {
        let errors = generated.findings.filter { $0.severity == .error }
        return Views.page(
            title: "\(agency.name)\(year)年度报告", viewer: viewer,
            StaffViews.header(viewer),
            .p(.text("状态：\(status.rawValue) · 发布期限 \(due.iso)（第四十九条）")),
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            errors.isEmpty
                ? .p(.text("勾稽关系检查：通过。"))
                : .section(
                    .class("notice"), .h2(.text("勾稽关系错误（发布前须改正）")),
                    .ul(.forEach(errors) { .li(.text("\($0.cell ?? $0.rule)：\($0.message)")) })),
            .h2(.text("表格（按记录计算）")),
            .element(
                named: "pre",
                text: ReportWriter.text(generated.report).components(separatedBy: "\n").filter { $0.contains("|") }.joined(separator: "\n")),
            .h2(.text("数字来源")),
            generated.sources.isEmpty
                ? .p(.text("各数字均为零或来自登记簿。"))
                : .ul(
                    .forEach(generated.sources.sorted { $0.key < $1.key }) { cell, ids in
                        .li(
                            .text("\(cell)（\(ids.count)）："),
                            .forEach(ids.prefix(50)) { id in
                                .group(links[id].map { .a(.href(Views.attr($0)), .text(id)) } ?? .text(id), .text(" "))
                            })
                    }),
            .h2(.text("文字部分")),
            .form(
                .method(.post), .action(Views.attr(SiteURL.staffReportSave(agency.code, year).path)), StaffViews.csrf(viewer),
                .forEach(generated.report.sections) { section in
                    .group(
                        .label(.attribute(named: "for", value: "section\(section.number)"), .text(ReportSectionTitle.heading(section.number))),
                        .textarea(
                            .name("section\(section.number)"), .id("section\(section.number)"),
                            .attribute(named: "rows", value: section.number == 1 ? "14" : "4"), .text(section.text)))
                },
                .if(canWrite, .button(.type(.submit), .text("保存草稿")))
            ),
            .if(
                canWrite,
                .form(
                    .method(.post), .action(Views.attr(SiteURL.staffReportPublish(agency.code, year).path)), StaffViews.csrf(viewer),
                    .button(.type(.submit), .text(published.isEmpty ? "发布" : "发布更正版本")))),
            .h2(.text("已发布的版本")),
            published.isEmpty
                ? .p(.text("尚未发布。"))
                : .ul(
                    .forEach(published) { version in
                        .li(
                            .a(
                                .href(Views.attr(SiteURL.annualReport(agency.code, year, version: version.version).path)),
                                .text("第\(version.version)版 \(version.publishedOn ?? "") \(version.publishedBy ?? "")")),
                            .unwrap(changes.first { $0.0 == version.version }?.1) { list in .ul(.forEach(list) { .li(.text($0)) }) })
                    })
        )
    }
}

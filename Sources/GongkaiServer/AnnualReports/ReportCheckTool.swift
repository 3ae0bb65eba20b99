import Foundation
import Gongkai
import Plot
import Vapor

/// The public report checker (`/tools/report-check`, `POST /api/v1/report-check`): anyone pastes or uploads published
/// annual reports and sees each read into the official tables, every finding at its cell. Nothing submitted is kept;
/// the work is bounded by the size limits and the rate limit, and done on a thread of its own (`Worker`), so that
/// anonymous input can keep at most one core busy and never holds up the event loops or the database's threads.
struct ReportCheckTool {
    /// One thread for every check of this server, started with the app and shut down with it; checks queue for it.
    final class Worker: LifecycleHandler, Sendable {
        let pool = NIOThreadPool(numberOfThreads: 1)

        init() { pool.start() }

        func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T { try await pool.runIfActive(work) }

        func shutdownAsync(_ app: Application) async { try? await pool.shutdownGracefully() }
    }

    /// A published report is tens of kilobytes; 2 MB holds one with its page's markup many times over.
    static let reportLimit = 2 * 1_048_576
    /// A district's agencies in one go.
    static let maxReports = 50
    /// The form's whole body: several reports at their largest, or all fifty at a typical size.
    static let formLimit: ByteCount = "16mb"

    func register(_ routes: any RoutesBuilder) {
        routes.get(.reportCheck, use: form)
        routes.post(.reportCheck, bodyLimit: Self.formLimit, use: check)
        routes.post(.apiReportCheck, bodyLimit: ByteCount(value: Self.reportLimit), use: api)
    }

    struct Form: Content {
        var text: String?
        var files: [File]?
    }

    /// One input and what became of it.
    struct Checked: Sendable {
        enum Outcome: Sendable {
            case read(ReadReport)
            case refused(Said)
        }
        var name: String
        var outcome: Outcome

        var errors: Int { if case .read(let r) = outcome { r.findings.filter { $0.severity == .error }.count } else { 0 } }
        var warnings: Int { if case .read(let r) = outcome { r.findings.filter { $0.severity == .warning }.count } else { 0 } }
    }

    func form(_ req: Request) async throws -> Response {
        PageRenderer.render(ReportCheckViews.page(text: "", checked: [], problem: nil, viewer: req.viewer))
    }

    func check(_ req: Request) async throws -> Response {
        try await req.admit(req.application.rateLimits.reportChecks, what: .whatChecking)
        let form = try req.decodeBody(Form.self)
        let text = form.text ?? ""
        var inputs: [(name: String, data: Data)] = []
        if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            inputs.append((UIText.checkerPasted(req.language), Data(text.utf8)))
        }
        // NB: a file input left empty still sends a part, with no name and no bytes.
        for file in form.files ?? [] where !(file.filename.isEmpty && file.data.readableBytes == 0) {
            inputs.append((file.filename.isEmpty ? "?" : String(file.filename.prefix(200)), Data(buffer: file.data)))
        }
        let problem: Said? =
            inputs.isEmpty
            ? UIText.checkerNothingGiven.said()
            : inputs.count > Self.maxReports ? UIText.checkerTooManyFiles.said(Self.maxReports, inputs.count) : nil
        if let problem {
            return PageRenderer.render(
                ReportCheckViews.page(text: text, checked: [], problem: problem(req.language), viewer: req.viewer), status: .unprocessableEntity)
        }
        let given = inputs
        let checked = try await req.onReportCheckThread { given.map(Self.checkOne) }
        return PageRenderer.render(ReportCheckViews.page(text: text, checked: checked, problem: nil, viewer: req.viewer))
    }

    /// One report in the body (any text type; `year` and `agency` in the query when its title does not say them),
    /// answered in Gongkai's report JSON (docs/report-json.md); 422 when it is no report.
    func api(_ req: Request) async throws -> Response {
        try await req.admit(req.application.rateLimits.reportChecks, what: .whatChecking)
        let options = ReportReadOptions(year: try req.yearQuery(), agency: try req.queryText("agency", maxLength: 200))
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let read = try await req.onReportCheckThread { () -> Result<ReadReport, ReportReadError> in
            do throws(ReportReadError) { return .success(try ReportBatch.readAndCheck(data, options: options)) } catch { return .failure(error) }
        }
        switch read {
        case .success(let read):
            let response = Response(status: .ok, body: .init(string: ReportJSON.encode(read.report, findings: read.findings)))
            response.headers.contentType = .json
            response.headers.cacheControl = .init(noStore: true)
            return response
        case .failure(let error):
            throw Refused(.unprocessableEntity, said: error.said)
        }
    }

    private static func checkOne(_ input: (name: String, data: Data)) -> Checked {
        guard input.data.count <= reportLimit else {
            return Checked(name: input.name, outcome: .refused(UIText.checkerFileTooLarge.said(ByteCount.describe(reportLimit))))
        }
        do {
            return Checked(name: input.name, outcome: .read(try ReportBatch.readAndCheck(input.data)))
        } catch {
            return Checked(name: input.name, outcome: .refused(error.said))
        }
    }
}

struct ReportCheckWorkerKey: StorageKey {
    typealias Value = ReportCheckTool.Worker
}

extension Request {
    /// Runs `work` on the report checker's thread (`configure` starts it; without it, 503).
    func onReportCheckThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        guard let worker = application.storage[ReportCheckWorkerKey.self] else { throw Abort(.serviceUnavailable) }
        return try await worker.run(work)
    }
}

enum ReportCheckViews {
    static func page(text: String, checked: [ReportCheckTool.Checked], problem: String?, viewer: Viewer) -> HTML {
        let l = viewer.language
        // NB: after a check its results come first, and the form to check again after them.
        return Views.page(
            title: UIText.checkerTitle(l), viewer: viewer, crumbs: [(UIText.home(l), SiteURL.home.path)],
            .if(checked.isEmpty, .p(.text(UIText.checkerIntro(l)))),
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(checked.count > 1, summary(checked, l)),
            .forEach(Array(checked.enumerated())) { index, one in report(one, number: index + 1, l) },
            .if(!checked.isEmpty, .h2(.class("noprint"), .text(UIText.checkerAgain(l)))),
            .p(
                .class("noprint"),
                .small(
                    .text(
                        UIText.checkerLimits(l, ByteCount.describe(ReportCheckTool.reportLimit), ReportCheckTool.maxReports) + " "
                            + UIText.checkerNothingKept(l)))),
            .form(
                .class("noprint"), .method(.post), .action(Views.attr(SiteURL.reportCheck.path)), .enctype(.multipartData),
                .label(.attribute(named: "for", value: "text"), .text(UIText.checkerPaste(l))),
                .textarea(.name("text"), .id("text"), .attribute(named: "rows", value: "8"), .attribute(named: "lang", value: "zh-CN"), .text(text)),
                .label(.attribute(named: "for", value: "files"), .text(UIText.checkerFiles(l))),
                .input(
                    .type(.file), .name("files[]"), .id("files"), .attribute(named: "multiple", value: "multiple"),
                    .attribute(named: "accept", value: ".txt,.htm,.html,.md,.markdown,.json,text/plain,text/html,text/markdown")),
                .button(.type(.submit), .text(UIText.checkerSubmit(l)))
            )
        )
    }

    /// One line per report: what it was read as, its errors and warnings, linked to its part of the page.
    private static func summary(_ checked: [ReportCheckTool.Checked], _ l: Language) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(UIText.checkerSummary(l))),
            .div(
                .class("table-box"),
                .table(
                    .tr(
                        .th(.text(UIText.checkerReport(l))), .th(.text(UIText.agency(l))), .th(.text(UIText.year(l))),
                        .th(.text(UIText.checkerFormatColumn(l))), .th(.text(UIText.checkerErrors(l))), .th(.text(UIText.checkerWarnings(l))),
                        .th(.text(UIText.checkerOutcome(l)))),
                    .forEach(Array(checked.enumerated())) { index, one in
                        let link = Node<HTML.BodyContext>.a(.href("#r\(index + 1)"), .text(one.name))
                        switch one.outcome {
                        case .refused(let said):
                            return .tr(
                                .td(link), .td(), .td(), .td(), .td(), .td(),
                                .td(.class("error"), .text(UIText.checkerUnreadableShort(l) + "：" + said(l))))
                        case .read(let read):
                            return .tr(
                                .td(link), .td(.text(read.report.agency ?? "")), .td(.text(read.report.year.map(String.init) ?? "")),
                                .td(.text(read.report.format.rawValue)), .td(.class("n"), .text(String(one.errors))),
                                .td(.class("n"), .text(String(one.warnings))),
                                one.errors == 0
                                    ? .td(.text(UIText.checkerClean(l)))
                                    : .td(.class("error"), .text(UIText.checkerHasErrors(l, one.errors))))
                        }
                    })))
    }

    /// A report's findings, numbered, each linked to its cell, and the tables with those cells marked.
    private static func report(_ one: ReportCheckTool.Checked, number: Int, _ l: Language) -> Node<HTML.BodyContext> {
        let prefix = "r\(number)-"
        switch one.outcome {
        case .refused(let said):
            return .section(
                .id("r\(number)"), .h2(.text(one.name)),
                .p(.class("error"), .attribute(named: "role", value: "alert"), .text(UIText.checkerUnreadable(l, one.name, said(l)))))
        case .read(let read):
            let report = read.report
            let findings = read.findings.sorted { $0.severity < $1.severity }
            var marks: [String: Int] = [:]
            for (index, finding) in findings.enumerated() {
                if let cell = finding.cell, marks[cell] == nil { marks[cell] = index + 1 }
            }
            let tables = ReportWriter.htmlTables(report, marks: marks, idPrefix: prefix)
            return .section(
                .id("r\(number)"), .class("checked-report"),
                .h2(.text(one.name)),
                .p(
                    .text(
                        UIText.checkerReadAs(
                            l, report.format.rawValue, report.year.map { UIText.checkerYearOf(l, $0) } ?? UIText.checkerYearUnknown(l),
                            report.agency ?? UIText.checkerAgencyUnknown(l)))),
                one.errors == 0
                    ? .p(.class("ok"), .text(UIText.checkerClean(l) + (one.warnings > 0 ? "（\(UIText.checkerWarnings(l))：\(one.warnings)）" : "")))
                    : .p(.class("error"), .text(UIText.checkerHasErrors(l, one.errors))),
                .h3(.text(UIText.checkerFindings(l))),
                findings.isEmpty
                    ? .p(.text(UIText.checkerNoFindings(l)))
                    : .ol(
                        .class("findings"),
                        .forEach(Array(findings.enumerated())) { index, finding in
                            let shown = finding.cell.map { marks[$0] == index + 1 && tables.contains("id=\"\(prefix)cell-\(index + 1)\"") } ?? false
                            return .li(
                                .id("\(prefix)finding-\(index + 1)"), .class(finding.severity.rawValue),
                                .strong(.text(finding.severity.label(l) + " ")),
                                shown ? .a(.href("#\(prefix)cell-\(index + 1)"), .text(finding.text(l))) : .text(finding.text(l)),
                                .unwrap(finding.expected.flatMap { e in finding.actual.map { (e, $0) } }) {
                                    .text("（" + UIText.checkerExpectedPrinted(l, $0.0, $0.1) + "）")
                                })
                        }),
                .h3(.text(UIText.checkerTablesRead(l))),
                .div(.class("report"), .attribute(named: "lang", value: "zh-CN"), .raw(tables)))
        }
    }
}

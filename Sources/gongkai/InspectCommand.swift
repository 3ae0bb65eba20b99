import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

/// `gongkai inspect`: the self-inspection against the website indicators, for a scheduled job.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check the site against 政府网站与政务新媒体检查指标 (国办秘函〔2019〕19号) from its records.",
        discussion: """
            Lists each agency's findings, 单项否决 (veto) first, then 扣分 (deductions): indicator, threshold, evidence.
            Links that cannot be opened are found by the last link check (--links, or the inspection page's button).
            Exit status: 0 when no veto finding exists, 1 when one does, 2 when the database cannot be used.
            """
    )

    @Option(help: "Only the agency with this code.") var agency: String?
    @Flag(help: "Print the findings as JSON: one object per agency.") var json = false
    @Flag(
        help: """
            Check the links first: open every link and attachment on the agencies' published pages (links to other \
            sites only when the administrator allows it) and keep the result for the inspection page.
            """) var links = false
    @OptionGroup var databaseOptions: DatabaseOptions

    struct Document: Encodable {
        struct Line: Encodable {
            var indicator: String
            var weight: String
            var threshold: String
            var evidence: String
        }
        var code: String
        var agency: String
        var vetoes: Int
        var findings: [Line]
        /// The last link check; absent when the agency's links were never checked.
        var links: Operator.LinkSummary?
    }

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        let results = try await operatorJob { try await Operator.inspect(configuration, agency: agency, checkLinks: links) }
        let documents = results.map { result in
            Document(
                code: result.code, agency: result.name, vetoes: result.findings.filter { $0.weight == .veto }.count,
                findings: result.findings.map {
                    Document.Line(indicator: $0.indicator, weight: $0.weight.rawValue, threshold: $0.threshold, evidence: $0.evidence)
                }, links: result.links)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(documents), as: UTF8.self))
        } else {
            for document in documents {
                print("\(document.agency) (\(document.code)): " + (document.vetoes > 0 ? "不合格, \(document.vetoes) 单项否决" : "no veto"))
                if let links = document.links {
                    print(
                        "  links checked \(links.checkedAt): \(links.links) on \(links.pages) pages, \(links.broken) broken"
                            + (links.externalUnchecked > 0 ? "; \(links.externalUnchecked) to other sites not checked (not allowed)" : ""))
                } else {
                    print("  links not checked (run with --links)")
                }
                for line in document.findings {
                    print("  [\(line.weight == "veto" ? "单项否决" : "扣分")] \(line.indicator)：\(line.evidence)")
                    print("      \(line.threshold)")
                }
            }
        }
        if documents.contains(where: { $0.vetoes > 0 }) { throw Exit.findings }
    }
}

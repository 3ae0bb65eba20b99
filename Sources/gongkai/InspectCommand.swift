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
            Exit status: 0 when no veto finding exists, 1 when one does, 2 when the database cannot be used.
            """
    )

    @Option(help: "Only the agency with this code.") var agency: String?
    @Flag(help: "Print the findings as JSON: one object per agency.") var json = false
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
    }

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        let results = try await operatorJob { try await Operator.inspect(configuration, agency: agency) }
        let documents = results.map { result in
            Document(
                code: result.code, agency: result.name, vetoes: result.findings.filter { $0.weight == .veto }.count,
                findings: result.findings.map {
                    Document.Line(indicator: $0.indicator, weight: $0.weight.rawValue, threshold: $0.threshold, evidence: $0.evidence)
                })
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(documents), as: UTF8.self))
        } else {
            for document in documents {
                print("\(document.agency) (\(document.code)): " + (document.vetoes > 0 ? "不合格, \(document.vetoes) 单项否决" : "no veto"))
                for line in document.findings {
                    print("  [\(line.weight == "veto" ? "单项否决" : "扣分")] \(line.indicator)：\(line.evidence)")
                    print("      \(line.threshold)")
                }
            }
        }
        if documents.contains(where: { $0.vetoes > 0 }) { throw Exit.findings }
    }
}

import ArgumentParser
import Foundation
import Gongkai

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Read, check and convert annual reports (政府信息公开工作年度报告).",
        subcommands: [Check.self, Convert.self, Generate.self, Rollup.self, Import.self]
    )

    struct Identity: ParsableArguments {
        @Option(help: "The report's year, when its title does not say it.")
        var year: Int?

        @Option(help: "The agency, when the report's title does not name it.")
        var agency: String?

        var options: ReportReadOptions { ReportReadOptions(year: year, agency: agency) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove or disprove the arithmetic of published reports.",
            discussion: """
                Reads each FILE (text, Markdown, HTML or Gongkai JSON; UTF-8 or GB18030) and every file under each DIR.
                Exit status: 0 when no report has errors, 1 when one has, 2 when an input cannot be read.
                """
        )

        @Argument(help: "Report files or directories of them.")
        var inputs: [String]

        @Flag(help: "Print the findings as JSON (docs/report-json.md): one object for one file, an array for several.")
        var json = false

        @Option(help: "Last year's report of the same agency, for the cross-year checks.")
        var previous: String?

        @Option(help: "Worker threads for directories (default: all cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var identity: Identity

        func run() throws {
            let files = try ReportFiles.expand(inputs)
            var previousReport: AnnualReport?
            if let previous {
                do {
                    previousReport = try ReportReader.read(try ReportFiles.data(previous)).report
                } catch {
                    printError("gongkai: the previous report \(previous) cannot be read: \(describe(error))")
                    throw Exit.unusable
                }
            }
            let progress = ProgressLine(total: files.count, enabled: files.count > 1 && isatty(STDERR_FILENO) == 1)
            let outcomes = ReportBatch.check(
                names: files, workers: jobs, options: identity.options, previous: previousReport,
                load: { try ReportFiles.data(files[$0]) }, progress: progress.update)
            progress.finish()

            if json {
                let documents = outcomes.map(document)
                print(documents.count == 1 && inputs.count == 1 && files == inputs ? ReportJSON.encode(documents[0]) : ReportJSON.encode(documents))
            } else {
                for outcome in outcomes { print(human(outcome, quiet: files.count > 1), terminator: "") }
            }
            let unreadable = outcomes.filter { $0.result == nil }.count
            let withErrors = outcomes.filter(\.hasErrors).count
            let clean = outcomes.count - unreadable - withErrors
            let summary = "\(outcomes.count) read: \(clean) clean, \(withErrors) with errors, \(unreadable) unreadable"
            if !json { print(summary) } else if files.count > 1 { printError(summary) }
            for outcome in outcomes where outcome.result == nil && json {
                printError("gongkai: \(outcome.name): \(outcome.error ?? "unreadable")")
            }
            if unreadable > 0 { throw Exit.unusable }
            if withErrors > 0 { throw Exit.findings }
        }

        private func document(_ outcome: ReportBatch.Outcome) -> CheckDocument {
            guard let result = outcome.result else { return .unreadable(file: outcome.name, error: outcome.error ?? "") }
            return .report(ReportJSON.document(result.report, findings: result.findings, file: outcome.name))
        }

        /// One report's findings for a person: all of them for one file; over many files only those with something to say.
        private func human(_ outcome: ReportBatch.Outcome, quiet: Bool) -> String {
            guard let result = outcome.result else { return "\(outcome.name): unreadable: \(outcome.error ?? "")\n" }
            let report = result.report
            let errors = result.findings.filter { $0.severity == .error }.count
            let warnings = result.findings.filter { $0.severity == .warning }.count
            let shown = quiet ? result.findings.filter { $0.severity != .info } : result.findings
            if quiet && shown.isEmpty { return "" }
            var out =
                "\(outcome.name): \(report.format.rawValue) format, year \(report.year.map(String.init) ?? "unknown"), \(report.agency ?? "agency not named")\n"
            for finding in result.findings.sorted(by: { $0.severity < $1.severity }) where shown.contains(finding) {
                var line = "  \(finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(finding.rule)"
                if let cell = finding.cell { line += "  \(cell)" }
                if let expected = finding.expected, let actual = finding.actual {
                    line += "  expected \(expected), printed \(actual)"
                }
                out += line + "\n          \(finding.message)\n"
            }
            if errors == 0 {
                out += "  clean: the arithmetic holds" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "") + "\n"
            } else {
                out += "  \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            }
            return out
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a report as JSON, text, Markdown, HTML or CSV.")

        @Argument(help: "The report file.")
        var input: String

        @Option(help: "json, txt, md, html or csv.")
        var to: ReportOutputFormat

        @Option(help: "For csv: a directory to write table2.csv, table3.csv and table4.csv into (default: all to stdout).")
        var output: String?

        @OptionGroup var identity: Identity

        func run() throws {
            let read: ReadReport
            do {
                read = try ReportReader.read(try ReportFiles.data(input), options: identity.options)
            } catch {
                printError("gongkai: \(input): \(describe(error))")
                throw Exit.unusable
            }
            let findings = read.findings + ReportChecker.check(read.report)
            if to == .csv, let output {
                for file in ReportWriter.csv(read.report) {
                    let url = URL(fileURLWithPath: output).appendingPathComponent(file.name)
                    do {
                        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                        try Data(file.content.utf8).write(to: url)
                    } catch {
                        printError("gongkai: cannot write \(url.path): \(error.localizedDescription)")
                        throw Exit.unusable
                    }
                }
                return
            }
            print(ReportWriter.write(read.report, as: to, findings: findings), terminator: "")
        }
    }
}

extension ReportOutputFormat: ExpressibleByArgument {}

/// A report or an input that could not be read, in `report check --json`.
enum CheckDocument: Encodable {
    case report(ReportJSON.Document)
    case unreadable(file: String, error: String)

    private enum Keys: String, CodingKey { case file, error }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .report(let document): try document.encode(to: encoder)
        case .unreadable(let file, let error):
            var object = encoder.container(keyedBy: Keys.self)
            try object.encode(file, forKey: .file)
            try object.encode(error, forKey: .error)
        }
    }
}

func describe(_ error: any Error) -> String {
    if let read = error as? ReportReadError { return read.description }
    if let files = error as? ReportFiles.Failure { return files.description }
    return error.localizedDescription
}

/// Finding the files to read.
enum ReportFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The files named, with every regular, non-hidden file under each directory, sorted.
    static func expand(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                printError("gongkai: \(input): no such file or directory")
                throw Exit.unusable
            }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            guard let walker = manager.enumerator(atPath: input) else {
                printError("gongkai: \(input): the directory cannot be read")
                throw Exit.unusable
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                    found.append((input as NSString).appendingPathComponent(relative))
                }
            }
            files += found.sorted()
        }
        return files
    }

    static func data(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path) cannot be opened (missing, a directory, or not readable)")
        }
        return data
    }
}

/// A progress line on a terminal, redrawn in place.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data("\rchecked \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

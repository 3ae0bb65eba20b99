// Benchmarks: measured and printed, never asserted. Run `make bench` (release build).
import Foundation
import Gongkai

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return Int(arguments[index + 1]) ?? value
}

/// Seconds taken by `body`.
func measure(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// `gongkai report check` over a directory of varied reports, one core and all cores (issue 2: aim 5,000/s per core).
func benchmarkReportCheck() {
    let count = option("--reports", default: 10_000)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-reports-\(count)")
    var names: [String] = []
    let fixtures = ["lianfang-2019-annual-report.txt", "huaian-city-2024.txt", "huaian-hongze-district-2023.txt"]
    let fixtureDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")
    let realTexts = fixtures.compactMap { try? String(contentsOf: fixtureDirectory.appendingPathComponent($0), encoding: .utf8) }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var bytes = 0
    for index in 0..<count {
        // A mix like a real crawl: both formats, every writer, GB18030, real reports, and some with errors.
        let format: ReportFormat = index % 3 == 0 ? .v2019 : .v2021
        var report = SampleReports.consistent(format, seed: UInt64(index + 1), oneRowOtherHandling: index % 7 == 0)
        if index % 5 == 0 { report.table3!["3.1"]![0]! += 1 }
        let data: Data
        let ext: String
        switch index % 10 {
        case 0, 1, 2, 3:
            data = Data(ReportWriter.text(report).utf8)
            ext = "txt"
        case 4:
            data = ReportWriter.text(report).data(using: TextDecoding.gb18030) ?? Data()
            ext = "gbk.txt"
        case 5, 6:
            data = Data(ReportWriter.html(report).utf8)
            ext = "html"
        case 7:
            data = Data(ReportWriter.markdown(report).utf8)
            ext = "md"
        case 8:
            data = Data(ReportWriter.write(report, as: .json).utf8)
            ext = "json"
        default:
            let real = realTexts.isEmpty ? ReportWriter.text(report) : realTexts[index % realTexts.count]
            data = Data(real.utf8)
            ext = "txt"
        }
        let name = directory.appendingPathComponent(String(format: "%05d.%@", index, ext)).path
        FileManager.default.createFile(atPath: name, contents: data)
        bytes += data.count
        names.append(name)
    }
    print("report check: \(count) reports, \(bytes / 1024) KiB, in \(directory.path)")
    let files = names
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for workers in Set([1, cores]).sorted() {
        var outcomes: [ReportBatch.Outcome] = []
        let seconds = measure {
            outcomes = ReportBatch.check(names: files, workers: workers, load: { try Data(contentsOf: URL(fileURLWithPath: files[$0])) })
        }
        let unreadable = outcomes.filter { $0.result == nil }.count
        let withErrors = outcomes.filter(\.hasErrors).count
        print(
            String(
                format: "  %d worker(s): %.2f s, %.0f reports/s (%.0f per core); %d with errors, %d unreadable",
                workers, seconds, Double(count) / seconds, Double(count) / seconds / Double(workers), withErrors, unreadable))
    }
}

/// Time per input kind, to see where the reader spends.
func benchmarkReadKinds() {
    let report = SampleReports.consistent(.v2021, seed: 3)
    let inputs: [(String, Data)] = [
        ("txt", Data(ReportWriter.text(report).utf8)),
        ("gbk", ReportWriter.text(report).data(using: TextDecoding.gb18030) ?? Data()),
        ("html", Data(ReportWriter.html(report).utf8)),
        ("md", Data(ReportWriter.markdown(report).utf8)),
        ("json", Data(ReportWriter.write(report, as: .json).utf8)),
    ]
    let only = arguments.firstIndex(of: "--kind").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    for (name, data) in inputs where only == nil || only == name {
        let n = 300
        let seconds = measure { for _ in 0..<n { _ = ReportBatch.checkOne(name: name, data: data) } }
        print(String(format: "  %@: %.0f µs per report (%d bytes)", name, seconds / Double(n) * 1e6, data.count))
    }
}

/// One million deadline computations on one core (issue 3: aim under one second).
func benchmarkDeadlines() {
    let count = option("--deadlines", default: 1_000_000)
    let engine = DeadlineEngine()
    _ = WorkdayCalendar.official.isWorkday(Day(iso: "2026-01-01")!)  // build the tables outside the timing
    let base = Day(iso: "2019-01-02")!
    // Histories like a real register: most plain, some with a consultation, an extension, a fee or a clarification.
    let histories: [(Int) -> [ClockEvent]] = [
        { _ in [] },
        { d in [ClockEvent(.answered, base.adding(days: d + 12))] },
        { d in [ClockEvent(.consultSent, base.adding(days: d + 3)), ClockEvent(.consultAnswered, base.adding(days: d + 17))] },
        { d in [ClockEvent(.extended, base.adding(days: d + 20)), ClockEvent(.answered, base.adding(days: d + 40))] },
        { d in [ClockEvent(.feeSent, base.adding(days: d + 5)), ClockEvent(.feePaid, base.adding(days: d + 9))] },
        { d in [ClockEvent(.clarifySent, base.adding(days: d + 2)), ClockEvent(.clarifyReceived, base.adding(days: d + 8))] },
    ]
    for explain in [false, true] {
        let n = explain ? count / 10 : count
        var dueSum = 0
        var failures = 0
        let seconds = measure {
            for i in 0..<n {
                let offset = i % 2800
                do {
                    let deadline = try engine.compute(
                        received: base.adding(days: offset), events: histories[i % histories.count](offset),
                        today: base.adding(days: offset + 25), explain: explain)
                    dueSum &+= deadline.due?.ordinal ?? 0
                } catch {
                    failures += 1
                }
            }
        }
        print(
            String(
                format: "deadlines%@: %d computations in %.3f s on one core (%.0f per second, %.2f µs each); %d refused; checksum %d",
                explain ? " with the explanation" : "", n, seconds, Double(n) / seconds, seconds / Double(n) * 1e6, failures, dueSum))
    }
}

switch which {
case "deadlines": benchmarkDeadlines()
case "read-kinds": benchmarkReadKinds()
case "report-check": benchmarkReportCheck()
case "all":
    benchmarkDeadlines()
    benchmarkReportCheck()
default:
    print("usage: GongkaiBenchmarks [report-check|deadlines|read-kinds|all] [--reports N] [--deadlines N]")
    exit(2)
}

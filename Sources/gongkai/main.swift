import Foundation
import Gongkai
let data = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let r = try ReportReader.read(data)
print(ReportJSON.encode(r.report, findings: r.findings + ReportChecker.check(r.report)))

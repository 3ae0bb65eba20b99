import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai report generate`: the report of an agency's year, computed from the database `serve` uses.
public enum ReportGenerator {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every agency's report status for `year` and the district's summed tables, as text.
    public static func rollup(_ configuration: ServerConfiguration, year: Int, today: Day) async throws -> (output: String, hasErrors: Bool) {
        try await withDatabase(configuration) { app in
            let agencies = try await AgencyRecord.query(on: app.db).administrative().sort(\.$position).all()
            let (rows, sum) = try await AnnualReports(db: app.db).rollup(agencies, year: year, today: today)
            var lines = rows.map { row in
                "\(row.agency.code)\t\(row.agency.name)\t\(row.status.rawValue)\t期限 \(row.due.iso)"
                    + (row.errors.isEmpty ? "" : "\t勾稽错误：" + row.errors.map { $0.text(.zh) }.joined(separator: "；"))
            }
            lines.append("")
            lines.append(ReportWriter.text(sum).components(separatedBy: "\n").filter { $0.contains("|") }.joined(separator: "\n"))
            return (lines.joined(separator: "\n"), rows.contains { !$0.errors.isEmpty })
        }
    }

    /// The report written as `format`, and whether the checker found an arithmetic error.
    public static func generate(
        _ configuration: ServerConfiguration, agencyCode: String, year: Int, as format: ReportOutputFormat
    ) async throws -> (output: String, hasErrors: Bool) {
        try await withDatabase(configuration) { app in
            guard let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == agencyCode).first() else {
                throw Failure(description: "no agency has the code \(agencyCode) in this database; `curl /api/v1/agencies` lists the codes")
            }
            let generated = try await AnnualReports(db: app.db).generate(agency: agency, year: year)
            return (ReportWriter.write(generated.report, as: format, findings: generated.findings), generated.findings.hasErrors)
        }
    }
}

/// For commands that work on the server's database without serving: opens and migrates it as `serve` does, runs
/// `work`, and shuts everything down whether `work` succeeded or not.
func withDatabase<T>(
    _ configuration: ServerConfiguration, quiet: Bool = true, migrate: Bool = true, _ work: (Application) async throws -> T
) async throws -> T {
    let app = try await Application.make(.init(name: "production", arguments: ["gongkai"]))
    if quiet { app.logger.logLevel = .warning }
    do {
        try await configure(app, configuration, migrate: migrate)
        let result = try await work(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

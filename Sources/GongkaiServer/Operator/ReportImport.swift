import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai report import`: an annual report an agency published before Gongkai, read from its published text or HTML
/// by the report reader, kept as a published version as it was published — with what the checker finds in it, since
/// published reports often break their own arithmetic — so that the portal lists it and next year's report has its
/// previous year.
extension Operator {
    /// What `report import` did, in sentences.
    public struct ReportImport: Sendable {
        public var lines: [String]
        public var errors: Int
    }

    public static func importReport(
        _ configuration: ServerConfiguration, data: Data, file: String, agency code: String, year given: Int?, publishedOn: Day, today: Day
    ) async throws -> ReportImport {
        let read: ReadReport
        do {
            read = try ReportReader.read(data, options: ReportReadOptions(year: given))
        } catch {
            throw Failure("\(file): \(error.description)")
        }
        guard let year = read.report.year ?? given else {
            throw Failure("\(file): the report's title names no year; give --year")
        }
        if let given, given != year { throw Failure("\(file) is the report on \(year), not \(given)") }
        guard publishedOn.year > year, publishedOn <= today else {
            throw Failure("--published-on \(publishedOn.iso): a report on \(year) is published in \(year + 1) or later, and not after today")
        }
        let findings = read.findings + ReportChecker.check(read.report)
        let document = ReportJSON.encode(read.report, findings: findings)
        let errors = findings.filter { $0.severity == .error }.count
        return try await withDatabase(configuration) { app in
            guard let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == code).first() else {
                throw Failure("--agency: there is no agency with the code \(code) (see `gongkai agency export`)")
            }
            let versions = try await AnnualReports(db: app.db).versions(of: agency, year: year).filter { $0.version > 0 }
            if versions.contains(where: { $0.document == document }) {
                return ReportImport(lines: ["\(file): the \(year) report of \(agency.name) is there already; nothing changed"], errors: errors)
            }
            if let latest = versions.last {
                throw Failure(
                    "\(agency.name) has a published \(year) report already (version \(latest.version), \(latest.publishedOn ?? "")); an import never replaces one"
                )
            }
            let record = AnnualReportRecord()
            record.$agency.id = try agency.requireID()
            record.year = year
            record.version = 1
            record.document = document
            record.publishedOn = publishedOn.iso
            record.publishedBy = Audit.Actor.commandLine
            try await app.db.transaction { db in
                try await record.create(on: db)
                try await Audit.record(
                    .importRecords, .annualReport, id: "\(agency.code)/\(year)/1", agency: agency.code, by: Audit.Actor.commandLine,
                    after: Audit.json(["file": file, "publishedOn": publishedOn.iso, "format": read.report.format.rawValue]), on: db)
            }
            var lines = [
                "\(file): the \(year) report of \(agency.name) (\(read.report.format.rawValue) format), published \(publishedOn.iso), imported"
            ]
            lines += findings.filter { $0.severity == .error }.map { "  as published, it breaks its arithmetic: \($0.text(.zh))" }
            return ReportImport(lines: lines, errors: errors)
        }
    }
}

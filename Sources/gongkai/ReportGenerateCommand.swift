import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

extension ReportCommand {
    /// `gongkai report generate`: the annual report computed from the records in the server's database.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an agency's annual report computed from the database the server uses.",
            discussion:
                "Same database flags as `serve`: --database PATH, or DATABASE_URL=postgres://…. Exit 1 when the computed report breaks its arithmetic."
        )

        @Option(help: "The agency's code, as /api/v1/agencies lists it.")
        var agency: String

        @Option(help: "The year the report is on.")
        var year: Int

        @Option(help: "json, txt, md, html or csv.")
        var to: ReportOutputFormat = .txt

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var store: CalendarStore

        func validate() throws { try ReportCommand.validateReportYear(year) }

        func run() async throws {
            try await ReportCommand.printReportJob(databaseOptions.configuration(calendarFile: store.path)) {
                try await ReportGenerator.generate($0, agencyCode: agency, year: year, as: to)
            }
        }
    }

    /// `gongkai report rollup`: every agency's report status and the district's summed tables.
    struct Rollup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every agency's report status for a year and the district's summed tables, from the server's database.",
            discussion: "Exit 1 when any agency's report breaks its arithmetic.")

        @Option(help: "The year the reports are on.")
        var year: Int

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var store: CalendarStore

        func validate() throws { try ReportCommand.validateReportYear(year) }

        func run() async throws {
            try await ReportCommand.printReportJob(databaseOptions.configuration(calendarFile: store.path)) {
                try await ReportGenerator.rollup($0, year: year, today: Day.today(at: Date()))
            }
        }
    }

    static func validateReportYear(_ year: Int) throws {
        guard (2008...2100).contains(year) else {
            throw ValidationError("--year \(year) is not a year the regulations' reports cover (2008 onwards)")
        }
    }

    /// Runs a job on the server's database and prints what it wrote: exit 1 when the report breaks its arithmetic,
    /// 2 with the reason when the database or the agency cannot be used.
    static func printReportJob(
        _ configuration: ServerConfiguration, _ job: (ServerConfiguration) async throws -> (output: String, hasErrors: Bool)
    ) async throws {
        let result: (output: String, hasErrors: Bool)
        do {
            result = try await job(configuration)
        } catch {
            printError("gongkai: \(error)")
            throw Exit.unusable
        }
        print(result.output, terminator: result.output.hasSuffix("\n") ? "" : "\n")
        if result.hasErrors { throw Exit.findings }
    }
}

import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

extension ReportCommand {
    /// `gongkai report generate`: the annual report computed from the records in the server's database.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an agency's annual report computed from the database the server uses.",
            discussion: "Same database flags as `serve`: --database PATH, or DATABASE_URL=postgres://…. Exit 1 when the computed report breaks its arithmetic.")

        @Option(help: "The agency's code, as /api/v1/agencies lists it.")
        var agency: String

        @Option(help: "The year the report is on.")
        var year: Int

        @Option(help: "json, txt, md, html or csv.")
        var to: ReportOutputFormat = .txt

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var store: CalendarStore

        func validate() throws {
            guard (2008...2100).contains(year) else { throw ValidationError("--year \(year) is not a year the regulations' reports cover (2008 onwards)") }
        }

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: store.path)
            do {
                let (output, hasErrors) = try await ReportGenerator.generate(configuration, agencyCode: agency, year: year, as: to)
                print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
                if hasErrors { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                printError("gongkai: \(error)")
                throw Exit.unusable
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

        func validate() throws {
            guard (2008...2100).contains(year) else { throw ValidationError("--year \(year) is not a year the regulations' reports cover (2008 onwards)") }
        }

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: store.path)
            do {
                let (output, hasErrors) = try await ReportGenerator.rollup(configuration, year: year, today: DeadlineCommand.localToday())
                print(output)
                if hasErrors { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                printError("gongkai: \(error)")
                throw Exit.unusable
            }
        }
    }
}

import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Demo data for trying and measuring Gongkai.",
        subcommands: [Generate.self]
    )

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fill the database with N realistic published items across the demo agencies.")

        @Option(help: "How many items.")
        var items: Int

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var store: CalendarStore

        func validate() throws {
            guard items >= 1, items <= 10_000_000 else { throw ValidationError("--items must be from 1 to 10,000,000, not \(items)") }
        }

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: store.path)
            do {
                try await DemoGenerator.generate(configuration, items: items, today: DeadlineCommand.localToday()) { print($0) }
            } catch {
                printError("gongkai: \(error)")
                throw Exit.unusable
            }
        }
    }
}

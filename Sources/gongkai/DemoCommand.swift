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
        static let configuration = CommandConfiguration(
            abstract: "Fill the database with realistic published items and/or applications across the demo agencies.")

        @Option(help: "How many catalogue items.")
        var items: Int = 0

        @Option(help: "How many applications (with answers and some review cases) over the last ten years.")
        var applications: Int = 0

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var store: CalendarStore

        func validate() throws {
            guard (0...10_000_000).contains(items), (0...10_000_000).contains(applications), items + applications > 0 else {
                throw ValidationError("give --items and/or --applications, each from 0 to 10,000,000")
            }
        }

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: store.path)
            do {
                try await DemoGenerator.generate(configuration, items: items, applications: applications, today: Day.today(at: Date())) {
                    print($0)
                }
            } catch {
                printError("gongkai: \(error)")
                throw Exit.unusable
            }
        }
    }
}

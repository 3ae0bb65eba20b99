import ArgumentParser
import Foundation

@main
struct GongkaiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai (公开): open-government-information work under the 政府信息公开条例.",
        subcommands: [
            ServeCommand.self, SetupCommand.self, UserCommand.self, TokenCommand.self, AgencyCommand.self, BackupCommand.self, RestoreCommand.self,
            VerifyCommand.self, ItemCommand.self, ApplicationCommand.self,
            DemoCommand.self, ReportCommand.self, CalendarCommand.self, DeadlineCommand.self, FeeCommand.self, InspectCommand.self,
        ]
    )

    /// NB: a bad argument (an unknown option, a date that is no date) exits 2 like every other unusable input,
    /// not with ArgumentParser's 64, so scripts see one convention.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(Exit.unusable.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Exit codes shared by every command: 0 fine, 1 the input is wrong in substance, 2 it could not be used at all.
enum Exit {
    static let findings = ExitCode(1)
    static let unusable = ExitCode(2)
}

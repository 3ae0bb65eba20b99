import ArgumentParser
import Foundation

@main
struct GongkaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai (公开): open-government-information work under the 政府信息公开条例.",
        subcommands: [ReportCommand.self]
    )
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

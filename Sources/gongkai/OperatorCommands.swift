import ArgumentParser
import Foundation
import Gongkai
import GongkaiServer

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an operator's job, printing its failure as `gongkai: …` with exit 1 (the input is wrong) or 2 (unusable).
func operatorJob<T>(_ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let failure as Operator.Failure {
        for line in failure.description.split(separator: "\n") { printError("gongkai: \(line)") }
        throw Exit.findings
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("gongkai: \(error)")
        throw Exit.unusable
    }
}

/// The bytes of a file an import reads, or exit 2 saying it cannot be read.
func readInput(_ file: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: file) else {
        printError("gongkai: cannot read \(file)")
        throw Exit.unusable
    }
    return data
}

/// Passwords for new accounts: typed twice on a terminal (empty: one is made), else made and printed once.
enum PasswordPrompt {
    static var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// 16 characters without look-alikes (no 0/O, 1/l/I).
    static func generated() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }

    /// The password and whether it was made here (and must be printed).
    static func obtain(generate: Bool, for username: String) throws -> (password: String, generated: Bool) {
        guard isTerminal, !generate else { return (generated(), true) }
        for _ in 0..<3 {
            let first = read("New password for \(username) (at least 10 characters; empty: make one): ")
            if first.isEmpty { return (generated(), true) }
            guard first.count >= 10 else {
                printError("gongkai: the password has \(first.count) characters; it needs at least 10")
                continue
            }
            guard read("The same password again: ") == first else {
                printError("gongkai: the two passwords differ")
                continue
            }
            return (first, false)
        }
        printError("gongkai: no password was set")
        throw Exit.findings
    }

    private static func read(_ prompt: String) -> String {
        guard let pointer = getpass(prompt) else { return "" }
        return String(cString: pointer)
    }

    /// A line typed on the terminal, with `current` as the default; nil when there is no terminal to ask.
    static func ask(_ question: String, current: String?) -> String? {
        if let current, !current.isEmpty { return current }
        guard isTerminal else { return current }
        print(question, terminator: ": ")
        return readLine()?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Day one: the site's name, the top agency and the first administrator (asks on a terminal; flags for scripts).",
        discussion: """
            Without a terminal every flag is needed and the administrator's password is made and printed once. \
            Then: gongkai serve --database FILE (same database flags), and sign in at /staff/login.
            """
    )

    @Option(help: "The site's name, shown in every page's header (e.g. 重庆市沙坪坝区政府信息公开平台).") var siteName: String?
    @Option(help: "The top agency's name (e.g. 重庆市沙坪坝区人民政府).") var agencyName: String?
    @Option(help: "Its 统一社会信用代码 (18 characters, checked by GB 32100).") var agencyCode: String?
    @Option(help: "Its kind: district-government, department, subdistrict or town.") var agencyKind: String?
    @Option(help: "Its 复议机关, as letters name it (empty: the 人民政府 above).") var reconsiderationBody: String?
    @Option(help: "When its annual report is due, MM-DD of the next year (empty: the default of its kind).") var reportDeadline: String?
    @Option(help: "The administrator's user name.") var username: String?
    @Option(help: "The administrator's name as shown.") var displayName: String?
    @Flag(help: "Make the password (printed once) instead of asking for it.") var generatePassword = false
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        var missing: [String] = []
        func value(_ flag: String, _ question: String, _ given: String?, required: Bool = true) -> String {
            let answer = PasswordPrompt.ask(question, current: given) ?? ""
            if required, answer.isEmpty { missing.append(flag) }
            return answer
        }
        let siteName = value("--site-name", "网站名称 (site name)", siteName)
        let agencyName = value("--agency-name", "本级机关名称 (top agency)", agencyName)
        let agencyCode = value("--agency-code", "统一社会信用代码 (credit code)", agencyCode)
        let agencyKind = value("--agency-kind", "机关类型 district-government / department / subdistrict / town", agencyKind)
        let reconsideration = value("--reconsideration-body", "复议机关 (empty: the 人民政府 above)", reconsiderationBody, required: false)
        let deadline = value("--report-deadline", "年报发布期限 MM-DD (empty: default)", reportDeadline, required: false)
        let username = value("--username", "管理员用户名 (administrator's user name)", username)
        let displayName = value("--display-name", "管理员姓名 (administrator's name)", displayName)
        guard missing.isEmpty else {
            printError("gongkai: setup needs \(missing.joined(separator: ", ")) (no terminal to ask on)")
            throw Exit.unusable
        }
        let password = try PasswordPrompt.obtain(generate: generatePassword, for: username)
        let lines = try await operatorJob {
            try await Operator.setup(
                configuration,
                .init(
                    siteName: siteName, agencyName: agencyName, agencyCode: agencyCode, agencyKind: agencyKind, reconsiderationBody: reconsideration,
                    reportDeadline: deadline, username: username, displayName: displayName, password: password.password))
        }
        lines.forEach { print($0) }
        if password.generated { print("password of \(username) (shown this once): \(password.password)") }
        print("next: gongkai serve \(databaseOptions.database.map { "--database \($0) " } ?? "")and sign in at /staff/login")
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Staff accounts from the command line (audited as done by 命令行).",
        subcommands: [Add.self, ResetPassword.self, Lock.self, Unlock.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A new account; its password is asked on a terminal, else made and printed once.")
        @Argument(help: "The user name (letters, digits, - _ .).") var username: String
        @Option(help: "The name as shown.") var displayName: String
        @Option(help: "administrator, editor, reviewer, officer, office-head or supervisor.") var role: String
        @Option(help: "The agency's code (every role but administrator needs one).") var agency: String?
        @Flag(help: "Make the password instead of asking.") var generatePassword = false
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let password = try PasswordPrompt.obtain(generate: generatePassword, for: username)
            try await operatorJob {
                try await Operator.addUser(
                    configuration, username: username, displayName: displayName, role: role, agency: agency, password: password.password)
            }
            print("account \(username) made")
            if password.generated { print("password of \(username) (shown this once): \(password.password)") }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A new password; the account's sessions and API token end, failed sign-ins are forgotten.")
        @Argument var username: String
        @Flag(help: "Make the password instead of asking.") var generatePassword = false
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let password = try PasswordPrompt.obtain(generate: generatePassword, for: username)
            try await operatorJob { try await Operator.resetPassword(configuration, username: username, password: password.password) }
            print("password of \(username) reset; its sessions and API token ended")
            if password.generated { print("password of \(username) (shown this once): \(password.password)") }
        }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "No sign-in, session or API token for the account until it is unlocked.")
        @Argument var username: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            try await operatorJob { try await Operator.lock(configuration, username: username) }
            print("\(username) locked; its sessions ended")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Signs in again; failed sign-ins from every address are forgotten.")
        @Argument var username: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            try await operatorJob { try await Operator.unlock(configuration, username: username) }
            print("\(username) unlocked")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every account: user name, name, role, agency, locked, API token.")
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            for account in try await operatorJob({ try await Operator.listUsers(configuration) }) {
                print(
                    [
                        account.username, account.displayName, account.role, account.agency ?? "-", account.locked ? "locked" : "active",
                        account.hasToken ? "token" : "-",
                    ].joined(separator: "\t"))
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens of staff tooling (Authorization: Bearer …).", subcommands: [Issue.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A new token for the account, printed once (the old one stops working).")
        @Argument var username: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            print(try await operatorJob { try await Operator.issueToken(configuration, username: username) })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The account's token stops working.")
        @Argument var username: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            try await operatorJob { try await Operator.revokeToken(configuration, username: username) }
            print("the token of \(username) is revoked")
        }
    }
}

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a database: its integrity, the audit log's hash chain, and counters ahead of the numbers stored.",
        discussion: "Exit 1 when something is wrong. Keep the printed audit head in the daily backup log: a rewritten log has another.")
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        let result = try await operatorJob { try await Operator.verify(configuration) }
        VerifyCommand.print(result)
        if !result.problems.isEmpty { throw Exit.findings }
    }

    static func print(_ result: Operator.Verification) {
        result.notes.forEach { Swift.print("note: \($0)") }
        result.problems.forEach { Swift.print("problem: \($0)") }
        Swift.print("audit log: \(result.auditEntries) entries hold together; head hash \(result.auditHead)")
        Swift.print(result.problems.isEmpty ? "verified: no problem found" : "\(result.problems.count) problem(s) found")
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "A consistent copy of the database, attachments included, taken while the server runs.",
        discussion: "SQLite: VACUUM INTO FILE. PostgreSQL (DATABASE_URL): pg_dump --format=custom, which must be installed.")
    @Argument(help: "The file to write (never overwritten).") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        let backup = try await operatorJob { try await Operator.backup(configuration, to: file) }
        print("backup written: \(backup.path) (\(backup.bytes) bytes) by \(backup.how)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "A backup into an empty database (--database NEW.sqlite, or DATABASE_URL of a database without tables).",
        discussion: "Then migrates it to this version and verifies it; exit 1 when verification finds a problem.")
    @Argument(help: "The backup file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
        let result = try await operatorJob { try await Operator.restore(configuration, from: file) }
        print("restored \(file)")
        VerifyCommand.print(result)
        if !result.problems.isEmpty { throw Exit.findings }
    }
}

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "The agency tree as a spreadsheet (CSV).", subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Agencies from a CSV file (UTF-8 with or without BOM, or GB18030): all or nothing, matched by code.",
            discussion: """
                Columns (first line, any order; 代码 名称 类型 required): 代码,名称,上级代码,类型,负责人,办公地址,办公时间,联系电话,传真,电子邮箱,\
                机构职能,内设机构,公开工作机构,公开指南,复议机关,年报期限,索引号规则. 类型: 区人民政府, 部门, 街道, 镇 or 社区. A new agency's 代码 \
                is its 统一社会信用代码 (GB 32100). Exit 1, with each bad line named, when any line is wrong; nothing is stored then.
                """)
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let data = try readInput(file)
            let summary = try await operatorJob { try await Operator.importAgencies(configuration, data: data, file: file) }
            print("\(file): \(summary.created) agencies added, \(summary.updated) changed, \(summary.unchanged) already as in the file")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every agency in the import's shape (UTF-8 with BOM, for Excel).")
        @Option(help: "The file to write (default: standard output).") var output: String?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let text = try await operatorJob { try await Operator.exportAgencies(configuration) }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    printError("gongkai: cannot write \(output)")
                    throw Exit.unusable
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

struct ItemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item", abstract: "Published items brought in from an old portal.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An agency's published items from a CSV file (UTF-8 with or without BOM, or GB18030): all or nothing.",
            discussion: """
                Columns (first line, any order; 标题 分类 成文日期 发布日期 正文 required): 索引号,标题,分类,文号,发布机构,成文日期,发布日期,有效性,\
                公开方式,公开栏位置,摘要,正文,附件. 索引号 is kept when given, otherwise assigned by the agency's pattern; 分类 is a category's name; dates \
                are YYYY-MM-DD; 有效性 有效, 已废止 or 已失效; 公开方式 names separated by 、 (default 政府网站); 附件 file names separated by ; \
                in the --attachments folder. An item already there (same 索引号, or same title and 成文日期) is left as it is, so a second run adds \
                nothing. Exit 1, with each bad line named, when any line is wrong; nothing is stored then.
                """)
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The agency's code.") var agency: String
        @Option(help: "The folder the 附件 column's files are in.") var attachments: String?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let data = try readInput(file)
            let summary = try await operatorJob {
                try await Operator.importItems(
                    configuration, data: data, file: file, agency: agency, attachments: attachments, today: Day.today(at: Date()))
            }
            print("\(file): \(summary.created) items added, \(summary.unchanged) already there")
        }
    }
}

struct ApplicationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application", abstract: "Applications of past years brought in from the old ledger (台账).", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An agency's applications from a CSV file (UTF-8 with or without BOM, or GB18030): all or nothing.",
            discussion: """
                Columns (first line, any order; 编号 申请人类型 申请内容 收到日期 required): 编号,申请人类型,申请人,申请内容,提交方式,收到日期,\
                办结日期,结果,复议诉讼,复议诉讼机关,立案日期,审结日期,复议诉讼结果. 申请人类型 自然人, 商业企业, 科研机构, 社会公益组织, \
                法律服务机构 or 其他; 提交方式 当面 (the default), 邮寄, 信函, 网上 or 传真; 结果 a row of table 三 in the format of the year closed (3.1, 3.3.4 … or its label) or 撤回; without \
                办结日期 the application is still open, and this year's report carries it over. 复议诉讼 行政复议, 行政诉讼（未经复议直接起诉） or \
                行政诉讼（复议后起诉） with its dates and result (结果维持, 结果纠正, 其他结果; none while undecided). Matched by 编号: a second run adds nothing. Exit 1, each bad line named.
                """)
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The agency's code.") var agency: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            let data = try readInput(file)
            let summary = try await operatorJob {
                try await Operator.importApplications(configuration, data: data, file: file, agency: agency, today: Day.today(at: Date()))
            }
            print("\(file): \(summary.created) applications added, \(summary.unchanged) already there")
        }
    }
}

extension ReportCommand {
    /// `gongkai report import`: a report published before Gongkai, into the portal as published.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An annual report published before Gongkai (text or HTML, as `report check` reads it), kept as published.",
            discussion: """
                The report is read and checked as `report check` does; it is kept exactly as it was published, arithmetic errors \
                included (they are printed). Run again, it changes nothing; a year with a published report is never replaced.
                """)
        @Argument(help: "The published report (text, Markdown, HTML or Gongkai JSON; UTF-8 or GB18030).") var file: String
        @Option(help: "The agency's code.") var agency: String
        @Option(help: "The day it was published (YYYY-MM-DD), for 第四十九条's deadline.") var publishedOn: String
        @Option(help: "The year it is on, when its title does not say.") var year: Int?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let configuration = try databaseOptions.configuration(calendarFile: CalendarStore.defaultPath)
            guard let day = Day(iso: publishedOn) else {
                printError("gongkai: --published-on \(publishedOn) is not a date (YYYY-MM-DD)")
                throw Exit.unusable
            }
            let data = try readInput(file)
            let result = try await operatorJob {
                try await Operator.importReport(
                    configuration, data: data, file: file, agency: agency, year: year, publishedOn: day, today: Day.today(at: Date()))
            }
            result.lines.forEach { print($0) }
        }
    }
}

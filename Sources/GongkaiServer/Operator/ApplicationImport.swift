import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai application import`: an agency's applications of past years from the old system's ledger (台账), so that
/// this year's report carries over last year's open ones (table 三's 二 上年结转) and counts what was closed, and table
/// 四 has the review cases. All or nothing; each bad line named; matched by 编号, so a second run adds nothing.
extension Operator {
    static let applicationColumns: [(header: String, field: String)] = [
        ("编号", "number"), ("申请人类型", "applicantType"), ("申请人", "name"), ("申请内容", "request"), ("提交方式", "channel"),
        ("收到日期", "received"), ("办结日期", "closed"), ("结果", "result"), ("复议诉讼", "reviewKind"), ("复议诉讼机关", "reviewBody"),
        ("立案日期", "filed"), ("审结日期", "decided"), ("复议诉讼结果", "reviewResult"),
    ]
    static let requiredApplicationColumns = ["编号", "申请人类型", "申请内容", "收到日期"]
    /// How a ledger names the ways an application came in (第三十一条); empty is 当面.
    static let channelNames: [(name: String, channel: ReceiptChannel)] = [
        ("当面", .inPerson), ("邮寄", .postSigned), ("信函", .letterConfirmed), ("网上", .online), ("传真", .fax),
    ]

    private struct ApplicationRow {
        var line: Int
        var number: String
        var type: ApplicantType
        var name: String
        var request: String
        var channel: ReceiptChannel
        var received: Day
        var closed: Day?
        /// answered with a row of table 三, or withdrawn (nil result).
        var status: ApplicationStatus
        var result: String?
        var format: ReportFormat?
        var review: Review?

        typealias Review = (kind: ReviewKind, body: String, filed: Day, decided: Day?, result: ReviewResult)
    }

    public static func importApplications(
        _ configuration: ServerConfiguration, data: Data, file: String, agency code: String, today: Day
    ) async throws -> ImportSummary {
        let sheet = try Sheet(data, file: file, columns: applicationColumns, required: requiredApplicationColumns)
        var problems: [String] = []
        var checked: [ApplicationRow] = []
        var seen: [String: Int] = [:]
        for row in sheet.rows {
            let line = row.line
            let values = row.values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let overflow = sheet.overflow(row) { problems.append(overflow) }
            var said: [String: String] = [:]
            func day(_ field: String, required: Bool = false) -> Day? {
                let text = values[field] ?? ""
                if text.isEmpty {
                    if required { said[field] = "is empty" }
                    return nil
                }
                guard let day = Day(iso: text) else {
                    said[field] = "「\(text)」 is not a date (YYYY-MM-DD)"
                    return nil
                }
                if day < Day.regulationsInForce || day > today {
                    said[field] = "\(day.iso) is outside \(Day.regulationsInForce.iso) … \(today.iso)"
                }
                return day
            }
            let number = values["number"] ?? ""
            if number.isEmpty || number.count > 60 { said["number"] = "an application needs its 编号 (at most 60 characters)" }
            if let first = seen[number] { said["number"] = "the same 编号 as line \(first)" }
            seen[number] = line
            let typeText = values["applicantType"] ?? ""
            let type = ApplicantType.allCases.first { $0.rawValue == typeText || $0.label == typeText || Table3Column.labels[$0.column] == typeText }
            if type == nil { said["applicantType"] = "「\(typeText)」 is none of \(Table3Column.labels.prefix(6).joined(separator: "、"))" }
            let request = values["request"] ?? ""
            if request.isEmpty { said["request"] = "is empty" }
            let channelText = values["channel"] ?? ""
            let channel: ReceiptChannel? =
                channelText.isEmpty ? .inPerson : channelNames.first { $0.name == channelText || $0.channel.rawValue == channelText }?.channel
            if channel == nil { said["channel"] = "「\(channelText)」 is none of \(channelNames.map(\.name).joined(separator: "、"))" }
            let received = day("received", required: true)
            let closed = day("closed")
            if let received, let closed, closed < received { said["closed"] = "\(closed.iso) is before the day it was received" }
            let resultText = values["result"] ?? ""
            var status = ApplicationStatus.open
            var result: String?
            var format: ReportFormat?
            if let closed {
                format = ReportFormat.expected(forYear: closed.year)
                if resultText == "撤回" || resultText == "withdrawn" {
                    status = .withdrawn
                } else if let found = AnswerResult.all(format!).first(where: { $0.rowID == resultText || $0.label == resultText }) {
                    (status, result) = (.answered, found.rowID)
                } else {
                    said["result"] =
                        "「\(resultText)」 is no result of the \(format!.rawValue) format (a row of table 三 such as 3.1 or 三（一）予以公开, or 撤回)"
                }
            } else if !resultText.isEmpty {
                said["result"] = "an application still open has no result; give its 办结日期"
            }
            var review: ApplicationRow.Review?
            let kindText = values["reviewKind"] ?? ""
            if !kindText.isEmpty {
                let kind = ReviewKind.allCases.first { $0.code == kindText || $0.label == kindText }
                if kind == nil { said["reviewKind"] = "「\(kindText)」 is none of \(ReviewKind.allCases.map(\.label).joined(separator: "、"))" }
                let filed = day("filed", required: true)
                let decided = day("decided")
                let resultText = values["reviewResult"] ?? ""
                let outcome =
                    resultText.isEmpty && decided == nil ? .pending : ReviewResult.allCases.first { $0.code == resultText || $0.label == resultText }
                if outcome == nil || (outcome == .pending) != (decided == nil) {
                    said["reviewResult"] =
                        "「\(resultText)」: a decided case has one of \(ReviewResult.allCases.filter { $0 != .pending }.map(\.label).joined(separator: "、")), an undecided one none"
                }
                if let kind, let filed, let outcome { review = (kind, values["reviewBody"] ?? "", filed, decided, outcome) }
            }
            if said.isEmpty, let type, let channel, let received {
                checked.append(
                    ApplicationRow(
                        line: line, number: number, type: type, name: values["name"] ?? "", request: request, channel: channel, received: received,
                        closed: closed, status: status, result: result, format: format, review: review))
            } else {
                problems += said.sorted { $0.key < $1.key }.map { sheet.problem(line, $0.key, $0.value, columns: applicationColumns) }
            }
        }
        guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
        let rowsToStore = checked
        return try await withDatabase(configuration) { app in
            guard let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == code).first() else {
                throw Failure("--agency: there is no agency with the code \(code) (see `gongkai agency export`)")
            }
            let calendar = app.workdays
            return try await app.db.transaction { db in
                var summary = ImportSummary()
                var problems: [String] = []
                for row in rowsToStore {
                    if let existing = try await ApplicationRecord.query(on: db).filter(\.$trackingNumber == row.number).first() {
                        if existing.$agency.id == agency.id {
                            summary.unchanged += 1
                        } else {
                            problems.append("\(file) line \(row.line): 「编号」 \(row.number) is an application of another agency")
                        }
                        continue
                    }
                    try await store(row, agency: agency, calendar: calendar, file: file, on: db)
                    summary.created += 1
                }
                guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
                return summary
            }
        }
    }

    private static func store(_ row: ApplicationRow, agency: AgencyRecord, calendar: WorkdayCalendar, file: String, on db: any Database) async throws
    {
        let record = ApplicationRecord()
        record.$agency.id = try agency.requireID()
        record.trackingNumber = row.number
        // NB: no one holds a secret for an imported application; it is looked up by staff only.
        record.secretHash = Applications.secretHash(Applications.newSecret())
        record.applicantType = row.type.rawValue
        record.name = row.name
        (record.idType, record.idNumber, record.phone, record.email, record.address) = ("other", "", "", "", "")
        record.infoTitle = row.request
        (record.infoNumber, record.infoDescription) = ("", "")
        record.infoKey = SearchText.indexed(row.request)
        (record.formWanted, record.delivery) = ("", "")
        record.channel = row.channel.rawValue
        record.submittedOn = row.received.iso
        record.receivedOn = row.received.iso
        record.status = row.status
        record.dueOn = row.closed == nil ? calendar.adding(workingDays: DeadlineEngine.answerPeriod, to: row.received).iso : nil
        record.result = row.result
        record.resultFormat = row.format?.rawValue
        record.answeredOn = row.status == .answered ? row.closed?.iso : nil
        record.closedOn = row.closed?.iso
        record.answerDetail = ""
        record.feeTimeExcluded = agency.feeTimeExcluded
        (record.letterNumber, record.oral, record.kind, record.revision) = ("", false, .disclosure, 0)
        try await record.create(on: db)
        let detail = "从原系统台账导入（\(file) 第\(row.line)行）"
        try await Applications.appendEvent(record, kind: "submitted", date: row.received.iso, actor: Audit.Actor.commandLine, detail: detail, on: db)
        try await Applications.appendEvent(
            record, kind: "confirmed", date: row.received.iso, actor: Audit.Actor.commandLine, detail: row.channel.explanation, on: db)
        if let closed = row.closed {
            let label = row.result.flatMap { result in row.format.flatMap { AnswerResult.find(result, format: $0)?.label } } ?? "撤回申请"
            try await Applications.appendEvent(
                record, kind: row.status == .withdrawn ? "withdrawn" : "answered", date: closed.iso, actor: Audit.Actor.commandLine,
                detail: "\(label)（\(detail)）", on: db)
        }
        if let review = row.review {
            let stored = ReviewCaseRecord()
            stored.$application.id = try record.requireID()
            stored.$agency.id = try agency.requireID()
            stored.kind = review.kind.code
            stored.body = review.body
            stored.filedOn = review.filed.iso
            stored.decidedOn = review.decided?.iso
            stored.result = review.result.code
            stored.subject = ""
            try await stored.create(on: db)
        }
        try await Audit.record(
            .importRecords, .application, id: try record.requireID().uuidString, agency: agency.code, by: Audit.Actor.commandLine,
            after: Audit.json(["file": file, "line": String(row.line), "trackingNumber": row.number, "status": row.status.rawValue]), on: db)
    }
}

import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai item import`: an agency's items published before Gongkai, from the CSV an old portal exports, with their
/// attachments from a folder. All or nothing; each bad line named. Run twice, it adds nothing the second time: an item
/// is the same when its 索引号 is (or, without one, its title and 成文日期 are).
extension Operator {
    static let itemColumns: [(header: String, field: String)] = [
        ("索引号", "indexNumber"), ("标题", "title"), ("分类", "categoryID"), ("文号", "documentNumber"), ("发布机构", "issuingAgency"),
        ("成文日期", "writtenOn"), ("发布日期", "publishedOn"), ("有效性", "validity"), ("公开方式", "channels"), ("公开栏位置", "bulletinPlace"), ("摘要", "summary"),
        ("正文", "body"), ("附件", "attachments"),
    ]
    static let requiredItemColumns = ["标题", "分类", "成文日期", "发布日期", "正文"]

    /// One line of the file, checked.
    private struct ItemRow {
        var line: Int
        var indexNumber: String
        var input: Catalogue.ItemInput
        var published: Day
        var attachments: [(name: String, data: Data)]
    }

    public static func importItems(
        _ configuration: ServerConfiguration, data: Data, file: String, agency code: String, attachments folder: String?, today: Day
    ) async throws -> ImportSummary {
        let sheet = try Sheet(data, file: file, columns: itemColumns, required: requiredItemColumns)
        return try await withDatabase(configuration) { app in
            guard let agency = try await AgencyRecord.query(on: app.db).filter(\.$code == code).first() else {
                throw Failure("--agency: there is no agency with the code \(code) (see `gongkai agency export`)")
            }
            guard
                let importer = try await StaffRecord.query(on: app.db).filter(\.$role == StaffRole.administrator.rawValue).sort(\.$username).first()
            else {
                throw Failure("there is no administrator yet to keep imported items under; run `gongkai setup` first")
            }
            let categories = try await CategoryRecord.query(on: app.db).filter(\.$agency.$id == agency.requireID()).all()
            var checked: [ItemRow] = []
            var problems: [String] = []
            var seen: [String: Int] = [:]
            for row in sheet.rows {
                let line = row.line
                let values = row.values
                func trimmed(_ field: String) -> String { row.trimmed(field) }
                var said: [String: String] = [:]
                if let overflow = sheet.overflow(row) { problems.append(overflow) }
                let categoryName = trimmed("categoryID")
                let category = categories.first { $0.name == categoryName }
                if category == nil {
                    said["categoryID"] = "「\(categoryName)」 is none of the agency's categories (\(categories.map(\.name).joined(separator: "、")))"
                }
                let validity = trimmed("validity")
                let validityValue = Validity.allCases.first { $0.label == validity || $0.rawValue == validity }?.rawValue
                if !validity.isEmpty, validityValue == nil {
                    said["validity"] = "「\(validity)」 is none of \(Validity.allCases.map(\.label).joined(separator: "、"))"
                }
                let channelNames = trimmed("channels").split(whereSeparator: { "、;；,，".contains($0) }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                let channels = channelNames.map { name in
                    PublicationChannel.allCases.first { $0.label == name || $0.rawValue == name }?.rawValue ?? name
                }
                let input = Catalogue.ItemInput(
                    categoryID: category?.id ?? UUID(), title: trimmed("title"), documentNumber: trimmed("documentNumber"),
                    issuingAgency: trimmed("issuingAgency"), summary: trimmed("summary"), body: values["body"] ?? "", writtenOn: trimmed("writtenOn"),
                    validity: validityValue, isRule: nil, changeKind: nil, changedOn: nil, changeEffectiveOn: nil,
                    channels: channels.isEmpty ? nil : channels, bulletinPlace: trimmed("bulletinPlace"), postingFrom: nil, postingTo: nil)
                for (field, problem) in input.problems(categories: categories.compactMap(\.id)) where said[field] == nil {
                    said[field] = problem.zh
                }
                if channels.contains(where: { PublicationChannel(rawValue: $0) == nil }) {
                    said["channels"] = "公开方式 are \(PublicationChannel.allCases.map(\.label).joined(separator: "、")), separated by 、"
                }
                if input.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { said["body"] = "the text is empty" }
                let published = Day(iso: trimmed("publishedOn"))
                if let published, let written = Day(iso: input.writtenOn) {
                    if published < written { said["publishedOn"] = "\(published.iso) is before the 成文日期 \(written.iso)" }
                    if published > today { said["publishedOn"] = "\(published.iso) is after today: an import brings in what was published" }
                } else if published == nil {
                    said["publishedOn"] = "「\(trimmed("publishedOn"))」 is not a date (YYYY-MM-DD)"
                }
                let indexNumber = trimmed("indexNumber")
                if indexNumber.count > 80 || indexNumber.contains(where: { $0.isWhitespace }) {
                    said["indexNumber"] = "「\(indexNumber.prefix(80))」 is not an 索引号 (at most 80 characters, no spaces)"
                }
                let key = indexNumber.isEmpty ? "\(input.title)\u{1F}\(input.writtenOn)" : indexNumber
                if let first = seen[key] {
                    said["indexNumber"] = indexNumber.isEmpty ? "the same title and 成文日期 as line \(first)" : "the same 索引号 as line \(first)"
                }
                seen[key] = line
                var files: [(name: String, data: Data)] = []
                for name in trimmed("attachments").split(whereSeparator: { ";；".contains($0) }).map({ $0.trimmingCharacters(in: .whitespaces) })
                where !name.isEmpty {
                    let type = Catalogue.attachmentTypes[(name as NSString).pathExtension.lowercased()]
                    guard let folder else {
                        said["attachments"] = "names \(name), but no --attachments folder was given"
                        continue
                    }
                    let path = (folder as NSString).appendingPathComponent(name)
                    if name.contains("..") || type == nil {
                        said["attachments"] =
                            "\(name): not a file type the portal serves (\(Catalogue.attachmentTypes.keys.sorted().joined(separator: "、")))"
                    } else if let data = FileManager.default.contents(atPath: path), !data.isEmpty, data.count <= Catalogue.attachmentMaxBytes {
                        files.append(((name as NSString).lastPathComponent, data))
                    } else {
                        said["attachments"] = "\(path) is missing, empty, or larger than \(ByteCount.describe(Catalogue.attachmentMaxBytes))"
                    }
                }
                if said.isEmpty, let published {
                    checked.append(ItemRow(line: line, indexNumber: indexNumber, input: input, published: published, attachments: files))
                } else {
                    problems += said.sorted { $0.key < $1.key }.map { sheet.problem(line, $0.key, $0.value, columns: itemColumns) }
                }
            }
            guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
            let rowsToStore = checked
            return try await app.db.transaction { db in
                try await store(rowsToStore, agency: agency, importer: importer, calendar: app.workdays, file: file, on: db)
            }
        }
    }

    private static func store(
        _ rows: [ItemRow], agency: AgencyRecord, importer: StaffRecord, calendar: WorkdayCalendar, file: String, on db: any Database
    ) async throws -> ImportSummary {
        let sql = try db.sql()
        let agencyID = try agency.requireID()
        var summary = ImportSummary()
        var problems: [String] = []
        var years = Set<Int>()
        for row in rows {
            let input = row.input
            if !row.indexNumber.isEmpty, let existing = try await ItemRecord.query(on: db).filter(\.$indexNumber == row.indexNumber).first() {
                if existing.$agency.id != agencyID {
                    problems.append("\(file) line \(row.line): 「索引号」 \(row.indexNumber) belongs to an item of another agency")
                } else {
                    summary.unchanged += 1
                }
                continue
            }
            if row.indexNumber.isEmpty,
                try await ItemRecord.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$title == input.title)
                    .filter(\.$writtenOn == input.writtenOn).first() != nil
            {
                summary.unchanged += 1
                continue
            }
            guard let written = Day(iso: input.writtenOn) else { continue }
            let item = ItemRecord()
            item.$agency.id = agencyID
            item.indexNumber =
                row.indexNumber.isEmpty
                ? IndexNumber.make(
                    pattern: agency.indexPattern, code: agency.code, year: written.year,
                    sequence: try await Counters.next(.indexNumbers, agency: agencyID, year: written.year, on: db))
                : row.indexNumber
            years.insert(written.year)
            item.$category.id = input.categoryID
            item.title = input.title
            item.documentNumber = input.documentNumber ?? ""
            item.issuingAgency = input.issuingAgency.flatMap { $0.isEmpty ? nil : $0 } ?? agency.name
            item.summary = input.summary ?? ""
            item.body = input.body
            item.writtenOn = written.iso
            item.publishedOn = row.published.iso
            item.validity = input.validity
            item.isRule = false
            item.channels = (input.channels ?? [PublicationChannel.website.rawValue]).joined(separator: ",")
            item.bulletinPlace = input.bulletinPlace ?? ""
            item.state = PublicationState.published.rawValue
            item.$draftedBy.id = try importer.requireID()
            item.version = 1
            item.daysLate = PublicationDeadline.daysLate(created: written, published: row.published, calendar: calendar)
            try await item.create(on: db)
            for file in row.attachments {
                let attachment = AttachmentRecord()
                attachment.$item.id = try item.requireID()
                attachment.filename = file.name
                attachment.contentType = Catalogue.attachmentTypes[(file.name as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
                attachment.size = file.data.count
                attachment.sha256 = SHA256.hash(data: file.data).hex
                attachment.data = file.data
                try await attachment.create(on: db)
            }
            let version = ItemVersionRecord()
            version.$item.id = try item.requireID()
            version.version = 1
            version.publishedOn = row.published.iso
            version.snapshot = Audit.json(item) ?? "{}"
            try await version.create(on: db)
            try await SearchIndex(sql: sql).add([SearchIndex.Document(item)])
            try await Audit.record(
                .importRecords, .item, id: try item.requireID().uuidString, agency: agency.code, by: Audit.Actor.commandLine,
                after: Audit.json([
                    "file": file, "line": String(row.line), "indexNumber": item.indexNumber, "attachments": String(row.attachments.count),
                ]),
                on: db)
            summary.created += 1
        }
        guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
        // The counter moves past every 索引号 of the pattern that the file brought, so later items get free ones.
        for year in years { try await Counters.Numbering.indexNumbers(agency).moveAhead(year: year, on: sql) }
        return summary
    }
}

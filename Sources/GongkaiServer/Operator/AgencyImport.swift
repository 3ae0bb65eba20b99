import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// `gongkai agency import|export`: an agency tree as a spreadsheet (CSV; UTF-8 with or without BOM, or GB18030 as
/// Excel and WPS save it on Chinese Windows). An import is all or nothing: one bad row refuses the whole file, each
/// bad row named with its problems. Run twice, it changes nothing the second time (agencies are matched by code).
extension Operator {
    /// The columns, by their header; `代码`, `名称` and `类型` are required, the others may be left out (then a new
    /// agency has them empty and an existing one keeps its own).
    static let agencyColumns: [(header: String, field: String)] = [
        ("代码", "code"), ("名称", "name"), ("上级代码", "parent"), ("类型", "kind"), ("负责人", "headName"), ("办公地址", "address"),
        ("办公时间", "officeHours"), ("联系电话", "phone"), ("传真", "fax"), ("电子邮箱", "email"), ("机构职能", "functions"),
        ("内设机构", "organisation"), ("公开工作机构", "disclosureOffice"), ("公开指南", "guide"), ("复议机关", "reconsiderationBody"),
        ("年报期限", "reportDeadline"), ("索引号规则", "indexPattern"),
    ]
    static let requiredAgencyColumns = ["代码", "名称", "类型"]

    /// What an import did.
    public struct ImportSummary: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
    }

    public static func importAgencies(_ configuration: ServerConfiguration, data: Data, file: String) async throws -> ImportSummary {
        let sheet = try Sheet(data, file: file, columns: agencyColumns, required: requiredAgencyColumns)
        var problems: [String] = []
        // Each row as field → value.
        var records: [(line: Int, values: [String: String])] = []
        for row in sheet.rows {
            var values = row.values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let overflow = sheet.overflow(row) { problems.append(overflow) }
            let kind = values["kind"] ?? ""
            if let known = AgencyKind.allCases.first(where: { $0.label == kind || $0.rawValue == kind }) {
                values["kind"] = known.rawValue
            } else {
                problems.append(
                    "\(file) line \(row.line): 「类型」 \(kind.isEmpty ? "is empty" : "「\(kind)」 is none of the kinds"): \(AgencyKind.allCases.map(\.label).joined(separator: "、"))"
                )
            }
            values["code"] = IdentityDocument.normalized(values["code"] ?? "")
            records.append((row.line, values))
        }
        let codes = records.map { $0.values["code"] ?? "" }
        for (line, values) in records where codes.filter({ $0 == values["code"] }).count > 1 {
            problems.append("\(file) line \(line): the code \(values["code"] ?? "") is on more than one line")
        }
        guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
        // Parents before children: a row waits until its parent is in the database or was taken already.
        let rowsToTake = records
        return try await withDatabase(configuration) { app in
            try await app.db.transaction { db in
                var summary = ImportSummary()
                var problems: [String] = []
                var pending = rowsToTake
                var taken = Set(try await AgencyRecord.query(on: db).all().map(\.code))
                var failed: [String: Int] = [:]  // code → its line, for the lines that have problems
                while !pending.isEmpty {
                    let ready = pending.filter { ($0.values["parent"] ?? "").isEmpty || taken.contains($0.values["parent"] ?? "") }
                    // Then the rows whose parent is nowhere (named by the checks below), and last those in a loop.
                    let waiting = Set(pending.map { $0.values["code"] ?? "" })
                    let orphans = pending.filter { !waiting.contains($0.values["parent"] ?? "") }
                    let batch = !ready.isEmpty ? ready : !orphans.isEmpty ? orphans : pending
                    pending.removeAll { record in batch.contains { $0.line == record.line } }
                    for (line, values) in batch {
                        var said = try await importAgency(values, on: db, into: &summary)
                        if said["parent"] != nil, let parentLine = failed[values["parent"] ?? ""] {
                            said["parent"] = Said(zh: "上级机关在第\(parentLine)行，该行有误", en: "the parent is on line \(parentLine), which is wrong")
                        }
                        problems += said.sorted { $0.key < $1.key }.map { sheet.problem(line, $0.key, $0.value.zh, columns: agencyColumns) }
                        taken.insert(values["code"] ?? "")
                        if !said.isEmpty { failed[values["code"] ?? ""] = line }
                    }
                }
                guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
                return summary
            }
        }
    }

    /// Creates or updates one agency from a row; its problems by field.
    private static func importAgency(
        _ values: [String: String], on db: any Database, into summary: inout ImportSummary
    ) async throws -> [String: Said] {
        let code = values["code"] ?? ""
        let existing = try await AgencyRecord.query(on: db).filter(\.$code == code).first()
        if existing == nil, let problem = IdentityDocument.creditCode.problem(with: code) { return ["code": problem.said] }
        let agency = existing ?? AgencyRecord(code: "", name: "", kind: .department, parentID: nil)
        var parentCode: String?
        if let existing, let parentID = existing.$parent.id { parentCode = try await AgencyRecord.find(parentID, on: db)?.code }
        var merged =
            existing.map { AdminController.AgencyForm.values(of: $0, parentCode: parentCode) } ?? AdminController.AgencyForm.blank.values
        merged.merge(values) { _, new in new }
        if existing == nil, (values["indexPattern"] ?? "").isEmpty { merged["indexPattern"] = IndexNumber.defaultPattern }
        let form = try JSONDecoder().decode(AdminController.AgencyForm.self, from: JSONEncoder().encode(merged))
        let before = existing.map { AdminController.AgencyForm.values(of: $0, parentCode: parentCode) }
        let problems = try await AdminController.apply(form, to: agency, isNew: existing == nil, on: db)
        guard problems.isEmpty else { return problems }
        let after = AdminController.AgencyForm.values(of: agency, parentCode: form.parent?.isEmpty == false ? form.parent : nil)
        if let before, before == after {
            summary.unchanged += 1
            return [:]
        }
        if existing == nil { try await AdminController.create(agency, on: db) } else { try await agency.save(on: db) }
        try await Audit.record(
            existing == nil ? .create : .update, .agency, id: agency.code, agency: agency.code, by: Audit.Actor.commandLine,
            before: before.flatMap { Audit.json($0) }, after: Audit.json(after), on: db)
        if existing == nil { summary.created += 1 } else { summary.updated += 1 }
        return [:]
    }

    /// Every agency in the import's shape, parents before children, with a BOM so that Excel reads it as UTF-8.
    public static func exportAgencies(_ configuration: ServerConfiguration) async throws -> String {
        try await withDatabase(configuration) { app in
            let agencies = try await AgencyRecord.query(on: app.db).sort(\.$position).sort(\.$name).all()
            let byID = Dictionary(agencies.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
            func depth(_ agency: AgencyRecord) -> Int {
                var depth = 0
                var current = agency
                while let parent = current.$parent.id.flatMap({ byID[$0] }), depth < 64 {
                    depth += 1
                    current = parent
                }
                return depth
            }
            let ordered = agencies.enumerated().sorted { (depth($0.element), $0.offset) < (depth($1.element), $1.offset) }.map(\.element)
            let lines = ordered.map { agency -> [String] in
                let values = AdminController.AgencyForm.values(of: agency, parentCode: agency.$parent.id.flatMap { byID[$0]?.code })
                return agencyColumns.map { column in
                    column.field == "kind" ? agency.kind.label : values[column.field] ?? ""
                }
            }
            return "\u{FEFF}" + CSV.encode([agencyColumns.map(\.header)] + lines)
        }
    }
}

extension Audit {
    /// A form's values as sorted JSON.
    static func json(_ values: [String: String]) -> String? { json(values.mapValues { Optional($0) }) }
}

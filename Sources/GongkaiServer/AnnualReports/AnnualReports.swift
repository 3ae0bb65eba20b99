import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// The annual report of an agency's year computed from its records (`ReportComputation`), with the narrative
/// drafted from the same facts, checked by the report engine's checker.
struct AnnualReports {
    let db: any Database

    struct Generated {
        var report: AnnualReport
        var findings: [Finding]
        /// Cell → ids of the records it counts.
        var sources: [String: [String]]
        /// The year's new applications by month and outcome, from the same facts (`ReportCharts.months`).
        var months: ReportCharts.Chart? = nil
        /// The year's answers on time and late, by month (`ReportCharts.onTime`).
        var onTime: ReportCharts.Chart? = nil
    }

    /// The facts with the applications counted by the database in groups (type, result, status, new or carried,
    /// closed in the year or not) instead of read one by one: the same tables, no record sources; for the roll-up.
    func groupedFacts(of agency: AgencyRecord, year: Int) async throws -> ReportFacts {
        var facts = try await facts(of: agency, year: year, applications: false)
        guard let sql = db as? any SQLDatabase else { return facts }
        let (start, end) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
        let agencyID = try agency.requireID()
        struct Group: Decodable { var applicant_type: String, result: String?, status: String, new_this_year: Int, closed_in_year: Int, n: Int }
        let groups = try await sql.raw(
            """
            SELECT applicant_type, result, status,
                CASE WHEN received_on >= \(bind: start) THEN 1 ELSE 0 END AS new_this_year,
                CASE WHEN closed_on IS NOT NULL AND closed_on <= \(bind: end) THEN 1 ELSE 0 END AS closed_in_year,
                COUNT(*) AS n
            FROM (
                SELECT applicant_type, result, status, received_on, closed_on FROM applications
                WHERE agency_id = \(bind: agencyID) AND kind = 'disclosure' AND closed_on >= \(bind: start) AND received_on <= \(bind: end)
                UNION ALL
                SELECT applicant_type, result, status, received_on, closed_on FROM applications
                WHERE agency_id = \(bind: agencyID) AND kind = 'disclosure' AND closed_on IS NULL AND received_on IS NOT NULL
                  AND received_on <= \(bind: end)
            ) AS counted
            GROUP BY applicant_type, result, status, new_this_year, closed_in_year
            """
        ).all(decoding: Group.self)
        let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
        facts.applications = groups.compactMap { group in
            guard let type = ApplicantType(rawValue: group.applicant_type) else { return nil }
            return ReportFacts.Application(
                id: "", received: group.new_this_year == 1 ? first : first.adding(days: -1), closed: group.closed_in_year == 1 ? last : nil,
                applicantType: type, result: group.result, withdrawn: group.status == ApplicationStatus.withdrawn.rawValue, weight: group.n)
        }
        return facts
    }

    func facts(of agency: AgencyRecord, year: Int, applications readApplications: Bool = true) async throws -> ReportFacts {
        let agencyID = try agency.requireID()
        let end = String(format: "%04d-12-31", year)
        let start = String(format: "%04d-01-01", year)
        // Applications received by the year's end and not closed before it began: the few columns counted, read as
        // plain rows (a district holds hundreds of thousands; the full records are not needed).
        struct Row: Decodable {
            var tracking_number: String, received_on: String, closed_on: String?, applicant_type: String, result: String?, status: String
            var answered_on: String?, due_on: String?
        }
        let sql = try db.sql()
        let applications =
            !readApplications
            ? []
            : try await sql.raw(
                """
                SELECT tracking_number, received_on, closed_on, applicant_type, result, status, answered_on, due_on FROM applications
                WHERE agency_id = \(bind: agencyID) AND kind = 'disclosure' AND received_on IS NOT NULL AND received_on <= \(bind: end)
                  AND (closed_on IS NULL OR closed_on >= \(bind: start))
                """
            ).all(decoding: Row.self)
        // Filed by the year's end and not decided before it began: table 四 carries last year's 尚未审结.
        let reviews = try await ReviewCaseRecord.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$filedOn <= end)
            .group(.or) { $0.filter(\.$decidedOn == nil).filter(\.$decidedOn >= start) }.all()
        let versions = try await ItemRecord.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$validity != nil)
            .filter(\.$state ~~ [PublicationState.published.rawValue, PublicationState.withdrawn.rawValue, PublicationState.superseded.rawValue])
            .all()
        let registers = try await RegisterRecord.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$year == year).all()
        var registerFacts: [ReportFacts.RegisterKind: ReportFacts.Register] = [:]
        for register in registers {
            guard let kind = ReportFacts.RegisterKind(rawValue: register.kind) else { continue }
            registerFacts[kind] = ReportFacts.Register(
                previousCount: register.previousCount, change: register.change, decisions: register.decisions,
                count: register.count, amount: Decimal(string: register.amount, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
        }
        return ReportFacts(
            applications: applications.compactMap { row in
                guard let type = ApplicantType(rawValue: row.applicant_type) else { return nil }
                return ReportFacts.Application(
                    id: row.tracking_number, received: Day(iso: row.received_on), closed: row.closed_on.flatMap(Day.init(iso:)),
                    applicantType: type, result: row.result, withdrawn: row.status == ApplicationStatus.withdrawn.rawValue,
                    answered: row.answered_on.flatMap(Day.init(iso:)), due: row.due_on.flatMap(Day.init(iso:)))
            },
            reviews: reviews.compactMap { review in
                guard let kind = ReviewKind(code: review.kind), let result = ReviewResult(code: review.result), let filed = Day(iso: review.filedOn)
                else {
                    return nil
                }
                return ReportFacts.ReviewCase(
                    id: review.id!.uuidString, kind: kind, filed: filed, decided: review.decidedOn.flatMap(Day.init(iso:)), result: result)
            },
            documents: Self.documents(versions),
            registers: registerFacts)
    }

    /// Normative documents as table 二 counts them, one per chain of versions: made (制发) when its first version
    /// was published, a 规章 when marked so, and ended when its latest version repeals it (or it expired) — on the
    /// day that takes effect. An amendment changes no count; a repeal is no new document.
    static func documents(_ versions: [ItemRecord]) -> [ReportFacts.NormativeDocument] {
        var byID: [UUID: ItemRecord] = [:]
        for version in versions { if let id = version.id { byID[id] = version } }
        return versions.filter { $0.state != PublicationState.superseded.rawValue }.compactMap { head in
            var first = head
            // NB: bounded, so that a damaged chain can never loop.
            for _ in 0..<1000 {
                guard let earlier = first.$supersedes.id.flatMap({ byID[$0] }) else { break }
                first = earlier
            }
            guard let written = Day(iso: first.writtenOn) else { return nil }
            let ended = head.validity == Validity.repealed.rawValue || head.validity == Validity.expired.rawValue
            return ReportFacts.NormativeDocument(
                id: head.indexNumber, isRule: head.isRule, written: written, published: first.publishedOn.flatMap(Day.init(iso:)),
                repealed: ended ? (head.changeEffectiveOn ?? head.publishedOn).flatMap(Day.init(iso:)) : nil)
        }
    }

    /// The report computed from the records, with a narrative drafted for staff to finish; its findings are the
    /// tables' (the drafted narrative's placeholders are the draft's to clear: `draft`).
    func generate(agency: AgencyRecord, year: Int) async throws -> Generated {
        let facts = try await facts(of: agency, year: year)
        var output = ReportComputation.compute(year: year, agency: agency.name, facts: facts)
        output.report.sections = try await narrative(agency: agency, year: year, facts: facts, report: output.report)
        let findings = ReportChecker.check(output.report).filter { $0.rule != ReportChecker.placeholderRule }
        return Generated(
            report: output.report, findings: findings, sources: output.sources, months: ReportCharts.months(year: year, facts: facts),
            onTime: ReportCharts.onTime(year: year, facts: facts))
    }

    /// Sections 一 to 六 drafted from the records, for staff to edit.
    func narrative(agency: AgencyRecord, year: Int, facts: ReportFacts, report: AnnualReport) async throws -> [ReportSection] {
        let agencyID = try agency.requireID()
        let (start, end) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
        let published = try await ItemRecord.query(on: db).filter(\.$agency.$id == agencyID)
            .filter(\.$publishedOn >= start).filter(\.$publishedOn <= end).filter(\.$version == 1)
            .filter(\.$state ~~ [PublicationState.published.rawValue, PublicationState.superseded.rawValue, PublicationState.withdrawn.rawValue])
            .field(\.$channels).all()
        func count(_ channel: PublicationChannel) -> Int {
            published.filter { $0.channels.split(separator: ",").contains(Substring(channel.rawValue)) }.count
        }
        let trainings = try await TrainingRecord.query(on: db).filter(\.$agency.$id == agencyID)
            .filter(\.$heldOn >= start).filter(\.$heldOn <= end).sort(\.$heldOn).all()
        let table3 = report.table3 ?? [:]
        let received = table3["1"]?[Table3Column.total] ?? 0
        let carried = table3["2"]?[Table3Column.total] ?? 0
        let closed = table3["3.7"]?[Table3Column.total] ?? 0
        let carriedOver = table3["4"]?[Table3Column.total] ?? 0
        let reviews = facts.reviews.filter { $0.filed.year == year }
        let short = agency.name
        var one = "（一）主动公开情况\n\(year)年，\(short)主动公开政府信息\(published.count)条"
        let channels = [(PublicationChannel.website, "政府网站"), (.bulletinBoard, "公开栏"), (.posting, "张贴"), (.meeting, "会议")]
            .map { ($0.1, count($0.0)) }.filter { $0.1 > 0 }
        if !channels.isEmpty { one += "，其中" + channels.map { "通过\($0.0)公开\($0.1)条" }.joined(separator: "，") }
        one += "。\n（二）依申请公开情况\n"
        one +=
            received + carried == 0
            ? "\(year)年度，\(short)未接到政府信息公开申请。"
            : "\(year)年度，\(short)新收政府信息公开申请\(received)件，上年结转\(carried)件，办结\(closed)件，结转下年度继续办理\(carriedOver)件。"
        one += "\n（三）政府信息管理\n（请填写）\n（四）平台建设情况\n（请填写）\n（五）监督保障\n"
        one +=
            reviews.isEmpty
            ? "\(year)年，\(short)无行政复议或行政诉讼发生。"
            : "\(year)年，\(short)发生行政复议\(reviews.filter { $0.kind == .reconsideration }.count)件、行政诉讼\(reviews.filter { $0.kind != .reconsideration }.count)件。"
        one +=
            trainings.isEmpty
            ? "全年未开展政府信息公开业务培训。" : "全年开展政府信息公开业务培训\(trainings.count)次（" + trainings.map { "\($0.heldOn)“\($0.topic)”" }.joined(separator: "、") + "）。"
        let complaints = try await ComplaintRecord.query(on: db).filter(\.$agency.$id == agencyID)
            .filter(\.$receivedOn >= start).filter(\.$receivedOn <= end).all()
        if !complaints.isEmpty {
            one += "全年收到政府信息公开工作投诉举报\(complaints.count)件，已处理\(complaints.filter { $0.handledOn != nil }.count)件。"
        }
        // Last year's pledges, checked against this year's training log where they promise training.
        var five = "（请填写存在的主要问题及改进情况）"
        if let previous = try await versions(of: agency, year: year - 1).last(where: { $0.version >= 1 }),
            let text = try Self.decode(previous).section(5)?.text,
            let review = Pledges.review(
                previousSectionFive: text,
                trainings: try await TrainingRecord.query(on: db).filter(\.$agency.$id == agencyID).all().compactMap { Day(iso: $0.heldOn) },
                year: year)
        {
            five += "\n" + review
        }
        let six = try await feeSentence(agencyID: agencyID, from: start, through: end) ?? (report.format == .v2021 ? "本年度未收取信息处理费。" : "无。")
        return [
            ReportSection(number: 1, title: ReportSectionTitle.titles[0], text: one),
            ReportSection(number: 2, title: ReportSectionTitle.titles[1], text: ""),
            ReportSection(number: 3, title: ReportSectionTitle.titles[2], text: ""),
            ReportSection(number: 4, title: ReportSectionTitle.titles[3], text: ""),
            ReportSection(number: 5, title: ReportSectionTitle.titles[4], text: five),
            ReportSection(number: 6, title: ReportSectionTitle.titles[5], text: six),
        ]
    }
}

extension AnnualReports {
    /// Section 六's sentence on the information-processing fee, from the fee records of the year: the notices sent,
    /// the fees paid and their total; nil when no notice went out and nothing was paid.
    func feeSentence(agencyID: UUID, from start: String, through end: String) async throws -> String? {
        let notices = try await ApplicationEventRecord.query(on: db)
            .join(ApplicationRecord.self, on: \ApplicationEventRecord.$application.$id == \ApplicationRecord.$id)
            .filter(ApplicationRecord.self, \.$agency.$id == agencyID).filter(\.$kind == ClockEvent.Kind.feeSent.rawValue)
            .filter(\.$date >= start).filter(\.$date <= end).count()
        let paid = try await ApplicationRecord.query(on: db).filter(\.$agency.$id == agencyID)
            .filter(\.$feePaidOn >= start).filter(\.$feePaidOn <= end).all()
        guard notices > 0 || !paid.isEmpty else { return nil }
        let total = paid.reduce(0) { $0 + ($1.feeAmount ?? 0) }
        return "本年度发出信息处理费收费通知\(notices)件；" + (paid.isEmpty ? "未收取信息处理费。" : "收取信息处理费\(paid.count)件，共计\(total)元。")
    }

    /// Where an agency's report on a year stands, for the district roll-up.
    enum Status: String {
        case notStarted = "未开始"
        case draft = "起草中"
        case onTime = "已按时发布"
        case late = "逾期发布"
        case overdue = "已逾期未发布"
    }

    func versions(of agency: AgencyRecord, year: Int) async throws -> [AnnualReportRecord] {
        try await AnnualReportRecord.query(on: db).filter(\.$agency.$id == agency.requireID()).filter(\.$year == year).sort(\.$version).all()
    }

    static func decode(_ record: AnnualReportRecord) throws -> AnnualReport {
        do {
            return try ReportJSON.decode(record.document).report
        } catch {
            throw Abort(.internalServerError, reason: "\(record.year)年度报告第\(record.version)版无法读取：\(error.description)")
        }
    }

    /// The draft: tables computed from the records now, the narrative as staff last saved it (or drafted afresh).
    func draft(agency: AgencyRecord, year: Int) async throws -> Generated {
        var generated = try await generate(agency: agency, year: year)
        if let saved = try await versions(of: agency, year: year).first(where: { $0.version == 0 }) {
            // NB: the findings of `generate` on the tables hold for the saved narrative too.
            generated.report.sections = try Self.decode(saved).sections
        }
        // A placeholder of the drafted narrative left in the text keeps the draft from being published.
        generated.findings += ReportChecker.placeholders(generated.report)
        return generated
    }

    func saveDraft(agency: AgencyRecord, year: Int, sections: [Int: String], by actor: String) async throws {
        var report = try await draft(agency: agency, year: year).report
        report.sections = report.sections.map { section in
            var edited = section
            if let text = sections[section.number] { edited.text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            return edited
        }
        let record =
            try await versions(of: agency, year: year).first(where: { $0.version == 0 })
            ?? {
                let r = AnnualReportRecord()
                r.$agency.id = agency.id!
                r.year = year
                r.version = 0
                return r
            }()
        record.document = ReportJSON.encode(report, findings: [])
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(.saveDraft, .annualReport, id: "\(agency.code)/\(year)", agency: agency.code, by: actor, on: db)
        }
    }

    /// A report whose arithmetic fails cannot be published (409), with the checker's errors in the reader's language.
    struct Unbalanced: SaidError {
        var errors: [Finding]
        var status: HTTPResponseStatus { .conflict }
        var said: Said {
            Said(
                zh: UIText.reportUnbalanced(.zh, errors.map { $0.text(.zh) }.joined(separator: "；")),
                en: UIText.reportUnbalanced(.en, errors.map { $0.text(.en) }.joined(separator: "; ")))
        }
    }

    /// Freezes the draft as the next published version; refused while the checker finds an arithmetic error.
    @discardableResult
    func publish(agency: AgencyRecord, year: Int, by actor: String, today: Day) async throws -> AnnualReportRecord {
        let generated = try await draft(agency: agency, year: year)
        let errors = generated.findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw Unbalanced(errors: errors)
        }
        let versions = try await versions(of: agency, year: year)
        let record = AnnualReportRecord()
        record.$agency.id = try agency.requireID()
        record.year = year
        record.version = (versions.map(\.version).max() ?? 0) + 1
        record.document = ReportJSON.encode(generated.report, findings: generated.findings)
        record.publishedOn = today.iso
        record.publishedBy = actor
        try await db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(.publish, .annualReport, id: "\(agency.code)/\(year)/\(record.version)", agency: agency.code, by: actor, on: db)
        }
        return record
    }

    /// A published version of a report, as the pages list it.
    struct PublishedVersion: Sendable, Equatable {
        var version: Int
        var publishedOn: String
        var publishedBy: String

        init(_ record: AnnualReportRecord) {
            (version, publishedOn, publishedBy) = (record.version, record.publishedOn ?? "", record.publishedBy ?? "")
        }
    }

    /// An agency's report on a year in the district roll-up: its status, its latest published version, its errors.
    struct RollupRow: Sendable {
        var agency: AgencyRef
        var status: Status
        var due: Day
        var published: PublishedVersion?
        var errors: [Finding]
        /// Table 三's 总计 column: 本年新收, 三（七）办结, 四 结转下年度 (nil where the report leaves them blank).
        var received: Int?
        var closed: Int?
        var carried: Int?
    }

    /// Every agency's status and errors for `year`, and the tables summed (latest published version, else the draft).
    func rollup(_ agencies: [AgencyRecord], year: Int, today: Day) async throws -> (rows: [RollupRow], sum: AnnualReport) {
        // Agencies side by side (as many at once as the database pool serves); the tables only — the narrative is
        // not summed.
        let results = try await withThrowingTaskGroup(of: (Int, RollupRow, AnnualReport).self) { group in
            for (index, agency) in agencies.enumerated() {
                group.addTask {
                    let (status, due, versions) = try await status(agency: agency, year: year, today: today)
                    let published = versions.last(where: { $0.version >= 1 })
                    let report: AnnualReport
                    if let published {
                        report = try Self.decode(published)
                    } else {
                        report =
                            ReportComputation.compute(year: year, agency: agency.name, facts: try await groupedFacts(of: agency, year: year)).report
                    }
                    let errors = ReportChecker.check(report).filter { $0.severity == .error }
                    return (
                        index,
                        RollupRow(
                            agency: AgencyRef(agency), status: status, due: due, published: published.map(PublishedVersion.init), errors: errors,
                            received: report.table3?["1"]?[Table3Column.total], closed: report.table3?["3.7"]?[Table3Column.total],
                            carried: report.table3?["4"]?[Table3Column.total]),
                        report
                    )
                }
            }
            var all: [(Int, RollupRow, AnnualReport)] = []
            for try await result in group { all.append(result) }
            return all.sorted { $0.0 < $1.0 }
        }
        var sum = AnnualReport.zero(format: ReportFormat.expected(forYear: year), year: year, agency: "合计")
        for (_, _, report) in results { sum = Self.add(sum, report) }
        return (results.map(\.1), sum)
    }

    /// Cell by cell sum of two reports of the same format.
    static func add(_ a: AnnualReport, _ b: AnnualReport) -> AnnualReport {
        var out = a
        guard a.format == b.format else { return a }
        for (key, values) in b.table2 ?? [:] {
            let current = out.table2?[key] ?? []
            out.table2?[key] = zip(current, values).map { x, y in
                switch (x, y) {
                case (.number(let m)?, .number(let n)?): .number(m + n)
                case (.money(let m)?, .money(let n)?): .money(Money(amount: m.amount + n.amount, unit: m.unit ?? n.unit))
                default: x ?? y
                }
            }
        }
        for (key, values) in b.table3 ?? [:] {
            let current = out.table3?[key] ?? []
            out.table3?[key] = zip(current, values).map { ($0 ?? 0) + ($1 ?? 0) }
        }
        if let t4 = b.table4 { out.table4 = zip(out.table4 ?? [], t4).map { ($0 ?? 0) + ($1 ?? 0) } }
        return out
    }

    func status(agency: AgencyRecord, year: Int, today: Day) async throws -> (Status, due: Day, versions: [AnnualReportRecord]) {
        let versions = try await versions(of: agency, year: year)
        let (status, due) = Self.status(agency: agency, year: year, today: today, versions: versions)
        return (status, due, versions)
    }

    /// 第四十九条: a report not yet published is brought to staff's attention from 45 days before its deadline, and
    /// stays so once overdue.
    static func dueSoon(_ status: Status, due: Day, today: Day) -> Bool {
        status == .overdue || ((status == .notStarted || status == .draft) && due.ordinal - today.ordinal <= 45)
    }

    /// Where each of `agencies`' reports on `year` stands, with the day its first version was published: one query for
    /// every agency's versions of the year, without their documents (the district's home and the desk read it).
    func statuses(
        of agencies: [AgencyRecord], year: Int, today: Day
    ) async throws -> [(
        agency: AgencyRecord, status: Status, due: Day, published: String?
    )] {
        let stored = try await AnnualReportRecord.query(on: db).filter(\.$year == year).sort(\.$version)
            .field(\.$agency.$id).field(\.$version).field(\.$publishedOn).all()
        let byAgency = Dictionary(grouping: stored, by: \.$agency.id)
        return agencies.map { agency in
            let versions = agency.id.flatMap { byAgency[$0] } ?? []
            let (status, due) = Self.status(agency: agency, year: year, today: today, versions: versions)
            return (agency, status, due, versions.last { $0.version >= 1 }?.publishedOn)
        }
    }

    /// Where `agency`'s report on `year` stands, from its stored versions (only their numbers and publication days are
    /// read): published by the 第四十九条 deadline or after it, overdue, in draft, or not started.
    static func status(agency: AgencyRecord, year: Int, today: Day, versions: [AnnualReportRecord]) -> (Status, due: Day) {
        let due = ReportDeadline.due(year: year, agencyKind: agency.kind, setting: agency.reportDeadline)
        if let first = versions.first(where: { $0.version >= 1 }), let on = first.publishedOn.flatMap(Day.init(iso:)) {
            return (on <= due ? .onTime : .late, due)
        }
        if today > due { return (.overdue, due) }
        return (versions.isEmpty ? .notStarted : .draft, due)
    }
}

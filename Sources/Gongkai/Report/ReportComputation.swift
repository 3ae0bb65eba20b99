import Foundation

/// What an agency's records say about a year, reduced to the facts the annual report counts.
public struct ReportFacts: Sendable {
    /// An application for disclosure.
    public struct Application: Sendable {
        public var id: String
        public var received: Day?
        /// When it was answered, deemed abandoned or withdrawn; nil while open.
        public var closed: Day?
        public var applicantType: ApplicantType
        /// The table 三 row id of the result (`3.1` …), in the format of the year it closed; nil for a withdrawal.
        public var result: String?
        public var withdrawn: Bool
        /// How many applications alike this stands for (a database's count of a group); 1 for one record, whose id
        /// then goes into the sources of the cells it counts in.
        public var weight: Int
        /// The day it was answered, and the statutory deadline then standing (第三十三条, with any extension); nil
        /// when it was not answered (withdrawn, abandoned, open) or, in a database's grouped counts, not asked for.
        public var answered: Day?
        public var due: Day?

        public init(
            id: String, received: Day?, closed: Day?, applicantType: ApplicantType, result: String?, withdrawn: Bool, weight: Int = 1,
            answered: Day? = nil, due: Day? = nil
        ) {
            self.id = id
            self.received = received
            self.closed = closed
            self.applicantType = applicantType
            self.result = result
            self.withdrawn = withdrawn
            self.weight = weight
            self.answered = answered
            self.due = due
        }
    }

    /// An administrative reconsideration or lawsuit.
    public struct ReviewCase: Sendable {
        public enum Kind: Int, Sendable, CaseIterable { case reconsideration = 0, litigationDirect = 1, litigationAfterReconsideration = 2 }
        public enum Result: Int, Sendable, CaseIterable { case upheld = 0, corrected = 1, other = 2, pending = 3 }
        public var id: String
        public var kind: Kind
        public var filed: Day
        public var decided: Day?
        public var result: Result

        public init(id: String, kind: Kind, filed: Day, decided: Day?, result: Result) {
            self.id = id
            self.kind = kind
            self.filed = filed
            self.decided = decided
            self.result = result
        }
    }

    /// A normative document (规章 or 规范性文件) in the catalogue.
    public struct NormativeDocument: Sendable {
        public var id: String
        /// 规章 rather than 规范性文件.
        public var isRule: Bool
        public var written: Day
        public var published: Day?
        /// Repealed or expired, and the day that took effect (a repeal counts under 废止 in that year).
        public var repealed: Day?

        public init(id: String, isRule: Bool, written: Day, published: Day?, repealed: Day?) {
            self.id = id
            self.isRule = isRule
            self.written = written
            self.published = published
            self.repealed = repealed
        }
    }

    /// A register line of table 二 entered by staff (licences, penalties, fees, procurement …).
    public struct Register: Sendable, Equatable {
        public var previousCount: Int
        public var change: Int
        public var decisions: Int
        /// Projects (procurement) — the count column.
        public var count: Int
        /// 万元.
        public var amount: Decimal

        public init(previousCount: Int = 0, change: Int = 0, decisions: Int = 0, count: Int = 0, amount: Decimal = 0) {
            self.previousCount = previousCount
            self.change = change
            self.decisions = decisions
            self.count = count
            self.amount = amount
        }
    }

    public enum RegisterKind: String, Sendable, CaseIterable {
        case licence, otherService = "other-service", penalty, compulsory, fee, procurement

        public var label: String {
            switch self {
            case .licence: "行政许可"
            case .otherService: "其他对外管理服务事项"
            case .penalty: "行政处罚"
            case .compulsory: "行政强制"
            case .fee: "行政事业性收费"
            case .procurement: "政府集中采购"
            }
        }
    }

    public var applications: [Application]
    public var reviews: [ReviewCase]
    public var documents: [NormativeDocument]
    public var registers: [RegisterKind: Register]

    public init(
        applications: [Application] = [], reviews: [ReviewCase] = [], documents: [NormativeDocument] = [], registers: [RegisterKind: Register] = [:]
    ) {
        self.applications = applications
        self.reviews = reviews
        self.documents = documents
        self.registers = registers
    }
}

/// Tables 二, 三 and 四 of a year computed from the facts, in the format of that year, with the records behind
/// every cell. The conventions (also in `annual-report-formats.md`):
/// - 一 counts applications received in the year, by applicant type.
/// - 二 上年结转 counts those received before the year and not closed before it (so last year's 四 is this year's 二,
///   and 一 + 二 = 三（七）+ 四 always holds).
/// - 三 counts each application closed in the year once, under its result; a withdrawal goes to （六） (2021: （六）3).
/// - 四 counts those received by 12-31 and not closed by then.
/// - Table 四 counts cases filed in the year and those carried in undecided from earlier years, each with its result
///   as of 12-31 (尚未审结 if not decided by then).
public enum ReportComputation {
    public struct Output: Sendable {
        public var report: AnnualReport
        /// Cell name (`三（一）予以公开/自然人`, `四/行政复议/结果维持`, `二/20.9/政府集中采购/采购项目数量`) → record ids.
        public var sources: [String: [String]]
    }

    public static func compute(year: Int, agency: String, facts: ReportFacts) -> Output {
        let format = ReportFormat.expected(forYear: year)
        var report = AnnualReport.zero(format: format, year: year, agency: agency)
        var sources: [String: [String]] = [:]
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        func inYear(_ day: Day?) -> Bool { day.map { $0 >= first && $0 <= last } ?? false }
        let layout = report.layout
        let rows = Dictionary(uniqueKeysWithValues: layout.table3.map { ($0.id, $0) })

        // Table 三.
        var table3 = report.table3!
        func add(_ row: String, _ application: ReportFacts.Application) {
            guard rows[row] != nil else { return }
            let column = application.applicantType.column
            table3[row]![column] = (table3[row]![column] ?? 0) + application.weight
            table3[row]![Table3Column.total] = (table3[row]![Table3Column.total] ?? 0) + application.weight
            if application.weight == 1 { sources["\(rows[row]!.cellName)/\(Table3Column.labels[column])", default: []].append(application.id) }
        }
        for application in facts.applications {
            guard let received = application.received, received <= last else { continue }
            if received >= first { add("1", application) }
            if received < first, application.closed.map({ $0 >= first }) ?? true { add("2", application) }
            if inYear(application.closed) {
                add(resultRow(application, in: format), application)
                add("3.7", application)
            }
            if application.closed.map({ $0 > last }) ?? true { add("4", application) }
        }
        report.table3 = table3

        // Table 四.
        var table4 = report.table4!
        // Cases before the agency in the year: filed in it, or filed earlier and still undecided when it began (last
        // year's 尚未审结, now counted with the result they reached, or again as 尚未审结).
        for review in facts.reviews where review.filed <= last && (review.decided.map { $0 >= first } ?? true) {
            let decidedByYearEnd = review.decided.map { $0 <= last } ?? false
            let result: ReportFacts.ReviewCase.Result = decidedByYearEnd ? review.result : .pending
            let base = review.kind.rawValue * 5
            table4[base + result.rawValue] = (table4[base + result.rawValue] ?? 0) + 1
            table4[base + 4] = (table4[base + 4] ?? 0) + 1
            sources["四/\(Table4Column.label(base + result.rawValue))", default: []].append(review.id)
            sources["四/\(Table4Column.label(base + 4))", default: []].append(review.id)
        }
        report.table4 = table4

        // Table 二.
        var table2 = report.table2!
        func set(_ key: String, _ column: Int, _ value: Table2Value, _ ids: [String] = []) {
            guard table2[key] != nil, column < table2[key]!.count else { return }
            table2[key]![column] = value
            if !ids.isEmpty {
                let spec = layout.table2.first { $0.key == key }!
                sources["二/\(key)/\(spec.columns[column].label)"] = ids
            }
        }
        for isRule in [true, false] {
            let documents = facts.documents.filter { $0.isRule == isRule }
            let key = isRule ? "20.1/规章" : (format == .v2019 ? "20.1/规范性文件" : "20.1/行政规范性文件")
            let madeThisYear = documents.filter { $0.written >= first && $0.written <= last }
            let publishedThisYear = documents.filter { inYear($0.published) }
            let publishedByYearEnd = documents.filter { $0.published.map { $0 <= last } ?? false }
            if format == .v2019 {
                set(key, 0, .number(madeThisYear.count), madeThisYear.map(\.id))
                set(key, 1, .number(publishedThisYear.count), publishedThisYear.map(\.id))
                set(key, 2, .number(publishedByYearEnd.count), publishedByYearEnd.map(\.id))
            } else {
                let repealed = documents.filter { inYear($0.repealed) }
                let inForce = publishedByYearEnd.filter { $0.repealed.map { $0 > last } ?? true }
                set(key, 0, .number(publishedThisYear.count), publishedThisYear.map(\.id))
                set(key, 1, .number(repealed.count), repealed.map(\.id))
                set(key, 2, .number(inForce.count), inForce.map(\.id))
            }
        }
        let registers = facts.registers
        func register(_ kind: ReportFacts.RegisterKind) -> ReportFacts.Register { registers[kind] ?? .init() }
        if format == .v2019 {
            for (kind, key) in [
                (ReportFacts.RegisterKind.licence, "20.5/行政许可"), (.otherService, "20.5/其他对外管理服务事项"), (.penalty, "20.6/行政处罚"),
                (.compulsory, "20.6/行政强制"),
            ] {
                set(key, 0, .number(register(kind).previousCount))
                set(key, 1, .number(register(kind).change))
                set(key, 2, .number(register(kind).decisions))
            }
            set("20.8/行政事业性收费", 0, .number(register(.fee).previousCount))
            set("20.8/行政事业性收费", 1, .number(register(.fee).change))
            set("20.9/政府集中采购", 0, .number(register(.procurement).count))
            set("20.9/政府集中采购", 1, .money(Money(amount: register(.procurement).amount, unit: "万元")))
        } else {
            set("20.5/行政许可", 0, .number(register(.licence).decisions))
            set("20.6/行政处罚", 0, .number(register(.penalty).decisions))
            set("20.6/行政强制", 0, .number(register(.compulsory).decisions))
            set("20.8/行政事业性收费", 0, .money(Money(amount: register(.fee).amount, unit: "万元")))
        }
        report.table2 = table2
        return Output(report: report, sources: sources)
    }

    /// A result row id as the year's format has it: a 2021 row closed in a 2019-format year is folded into its
    /// group's row (（六）1–3 into （六）), and the reverse (（六） in a 2021 year) goes to （六）3.其他.
    /// The row of table 三 a closed application is counted in: its answer's, or 其他处理 when it was withdrawn or closed
    /// without an answer.
    public static func resultRow(_ application: ReportFacts.Application, in format: ReportFormat) -> String {
        guard !application.withdrawn, let result = application.result else { return format == .v2019 ? "3.6" : "3.6.3" }
        return row(result, in: format)
    }

    static func row(_ result: String, in format: ReportFormat) -> String {
        if format == .v2019, result.hasPrefix("3.6.") { return "3.6" }
        if format == .v2021, result == "3.6" { return "3.6.3" }
        return result
    }
}

/// 第四十九条: when an agency's report on a year is due.
public enum ReportDeadline {
    /// Departments of a government at county level and above: 31 January; the government itself: 31 March; a
    /// subdistrict or town: the date the county-level authority sets (`setting`, `MM-DD`), 31 January until it does.
    public static func due(year: Int, agencyKind: AgencyKind, setting: String) -> Day {
        if setting.count == 5, let day = Day(iso: "\(year + 1)-\(setting)") { return day }
        return agencyKind == .districtGovernment ? Day(year: year + 1, month: 3, day: 31)! : Day(year: year + 1, month: 1, day: 31)!
    }
}

import Foundation

/// The two nationally fixed formats of the annual report (政府信息公开工作年度报告).
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    /// 国办公开办函〔2019〕60号 (试行), for the reports on 2019 and 2020.
    case v2019 = "2019"
    /// 国办公开办函〔2021〕30号, for the reports on 2021 onwards.
    case v2021 = "2021"

    /// The format a report on `year` is meant to use.
    public static func expected(forYear year: Int) -> ReportFormat {
        year >= 2021 ? .v2021 : .v2019
    }
}

// MARK: - Sections

/// The six sections every report has, in order.
public enum ReportSectionTitle {
    public static let numerals = ["一", "二", "三", "四", "五", "六"]
    public static let titles = [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
    ]
    /// Titles some agencies print instead of the official one (section 五 is the usual case).
    static let alternatives: [Int: [String]] = [
        5: ["政府信息公开工作存在的主要问题及改进情况"]
    ]

    /// `一、总体情况` for section 1.
    public static func heading(_ number: Int) -> String {
        "\(numerals[number - 1])、\(titles[number - 1])"
    }
}

// MARK: - Table 二

/// What kind of number a table 二 column holds.
public enum Table2ValueKind: Sendable {
    /// A count: whole and not negative.
    case count
    /// 本年增/减: a whole number that may be negative.
    case change
    /// A sum of money, exact, with its unit.
    case money(defaultUnit: String?)
}

public struct Table2Column: Sendable {
    public let label: String
    public let kind: Table2ValueKind
}

/// One row of table 二 (主动公开政府信息情况), within its block of 第二十条.
public struct Table2RowSpec: Sendable {
    /// The block's id: `20.1`, `20.5`, `20.6`, `20.8`, `20.9` (第二十条第（N）项).
    public let block: String
    public let label: String
    public let columns: [Table2Column]
    /// `第二十条第（一）项` for block `20.1`.
    public let blockLabel: String
    /// The row's key in the model: `20.1/规章`.
    public let key: String

    init(block: String, label: String, columns: [Table2Column]) {
        self.block = block
        self.label = label
        self.columns = columns
        blockLabel = Table2RowSpec.blockLabel(block)
        key = "\(block)/\(label)"
    }

    static let blockNumerals = ["1": "一", "5": "五", "6": "六", "8": "八", "9": "九"]
    public static func blockLabel(_ block: String) -> String {
        let item = block.split(separator: ".").last.map(String.init) ?? ""
        return "第二十条第（\(blockNumerals[item] ?? item)）项"
    }
}

// MARK: - Table 三

/// One row of table 三 (收到和处理政府信息公开申请情况), identified by the official numbering.
public struct Table3RowSpec: Sendable {
    /// `1`, `2`, `3.1` … `3.3.4` … `3.7`, `4`.
    public let id: String
    /// The row's own label as printed, e.g. `4.保护第三方合法权益`.
    public let label: String
    /// The labels of the groups it sits in, outermost first, e.g. `["三、本年度办理结果", "（三）不予公开"]`.
    public let groups: [String]
    /// How findings name the row: `三（三）4 保护第三方合法权益`.
    public let cellName: String
    /// Whether the row is one of the results that add up to （七）总计.
    public let isResult: Bool
}

/// Table 三's seven applicant columns (申请人情况).
public enum Table3Column {
    public static let labels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    /// The five columns under 法人或其他组织.
    public static let legalPersonRange = 1...5
    public static let total = 6
    public static let count = 7
}

// MARK: - Table 四

/// Table 四's fifteen numbers: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each with five results.
public enum Table4Column {
    public static let groups = ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]
    public static let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    public static let count = 15

    public static func label(_ index: Int) -> String {
        "\(groups[index / 5]) / \(results[index % 5])"
    }
}

// MARK: - Cells

/// How findings name a cell: its row's official label, then its column's. The checker names the cells it finds
/// something in, and the tables mark the cells so named, by these.
public enum CellName {
    /// `三（三）4 保护第三方合法权益 / 商业企业`.
    public static func table3(_ row: Table3RowSpec, _ column: Int) -> String { "\(row.cellName) / \(Table3Column.labels[column])" }
    /// `四 行政复议 / 结果维持`.
    public static func table4(_ index: Int) -> String { "四 " + Table4Column.label(index) }
    /// `第二十条第（一）项 规章 / 本年新制发件数`.
    public static func table2(_ row: Table2RowSpec, _ column: Table2Column) -> String { "\(row.blockLabel) \(row.label) / \(column.label)" }
}

/// The official rows and columns of each format, as `annual-report-formats.md` lays them out.
public struct ReportLayout: Sendable {
    public let format: ReportFormat
    public let table2: [Table2RowSpec]
    /// Table 三 as the format prints it (23 rows in 2019, 25 in 2021).
    public let table3: [Table3RowSpec]

    public static func of(_ format: ReportFormat) -> ReportLayout {
        format == .v2019 ? v2019 : v2021
    }

    /// Table 三 of a 2021-format report that still prints （六）其他处理 as one row.
    public static let table3OtherHandlingAsOneRow: [Table3RowSpec] = makeTable3(splitOtherHandling: false)

    public static let v2019 = ReportLayout(
        format: .v2019,
        table2: {
            let made = [
                Table2Column(label: "本年新制作数量", kind: .count),
                Table2Column(label: "本年新公开数量", kind: .count),
                Table2Column(label: "对外公开总数量", kind: .count),
            ]
            let items = [
                Table2Column(label: "上一年项目数量", kind: .count),
                Table2Column(label: "本年增/减", kind: .change),
                Table2Column(label: "处理决定数量", kind: .count),
            ]
            return [
                Table2RowSpec(block: "20.1", label: "规章", columns: made),
                Table2RowSpec(block: "20.1", label: "规范性文件", columns: made),
                Table2RowSpec(block: "20.5", label: "行政许可", columns: items),
                Table2RowSpec(block: "20.5", label: "其他对外管理服务事项", columns: items),
                Table2RowSpec(block: "20.6", label: "行政处罚", columns: items),
                Table2RowSpec(block: "20.6", label: "行政强制", columns: items),
                Table2RowSpec(block: "20.8", label: "行政事业性收费", columns: Array(items.prefix(2))),
                Table2RowSpec(
                    block: "20.9", label: "政府集中采购",
                    columns: [
                        Table2Column(label: "采购项目数量", kind: .count),
                        Table2Column(label: "采购总金额", kind: .money(defaultUnit: nil)),
                    ]),
            ]
        }(),
        table3: makeTable3(splitOtherHandling: false)
    )

    public static let v2021 = ReportLayout(
        format: .v2021,
        table2: {
            let issued = [
                Table2Column(label: "本年制发件数", kind: .count),
                Table2Column(label: "本年废止件数", kind: .count),
                Table2Column(label: "现行有效件数", kind: .count),
            ]
            let decisions = [Table2Column(label: "本年处理决定数量", kind: .count)]
            return [
                Table2RowSpec(block: "20.1", label: "规章", columns: issued),
                Table2RowSpec(block: "20.1", label: "行政规范性文件", columns: issued),
                Table2RowSpec(block: "20.5", label: "行政许可", columns: decisions),
                Table2RowSpec(block: "20.6", label: "行政处罚", columns: decisions),
                Table2RowSpec(block: "20.6", label: "行政强制", columns: decisions),
                Table2RowSpec(
                    block: "20.8", label: "行政事业性收费",
                    columns: [Table2Column(label: "本年收费金额（单位：万元）", kind: .money(defaultUnit: "万元"))]),
            ]
        }(),
        table3: makeTable3(splitOtherHandling: true)
    )

    static let blockOrder = ["20.1", "20.5", "20.6", "20.8", "20.9"]

    /// The blocks of table 二 in order, each with its rows.
    public var table2Blocks: [(block: String, rows: [Table2RowSpec])] {
        Self.blockOrder.compactMap { block in
            let rows = table2.filter { $0.block == block }
            return rows.isEmpty ? nil : (block, rows)
        }
    }

    private static func makeTable3(splitOtherHandling: Bool) -> [Table3RowSpec] {
        let results = "三、本年度办理结果"
        var rows = [
            Table3RowSpec(
                id: "1", label: "一、本年新收政府信息公开申请数量", groups: [],
                cellName: "一 本年新收政府信息公开申请数量", isResult: false),
            Table3RowSpec(
                id: "2", label: "二、上年结转政府信息公开申请数量", groups: [],
                cellName: "二 上年结转政府信息公开申请数量", isResult: false),
            Table3RowSpec(id: "3.1", label: "（一）予以公开", groups: [results], cellName: "三（一）予以公开", isResult: true),
            Table3RowSpec(
                id: "3.2", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", groups: [results],
                cellName: "三（二）部分公开", isResult: true),
        ]
        func subRows(_ group: Int, _ groupLabel: String, _ labels: [String]) {
            let numeral = ["", "一", "二", "三", "四", "五", "六"][group]
            for (offset, label) in labels.enumerated() {
                let n = offset + 1
                rows.append(
                    Table3RowSpec(
                        id: "3.\(group).\(n)", label: "\(n).\(label)", groups: [results, groupLabel],
                        cellName: "三（\(numeral)）\(n) \(label)", isResult: true))
            }
        }
        subRows(
            3, "（三）不予公开",
            [
                "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
                "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
            ])
        subRows(4, "（四）无法提供", ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"])
        subRows(
            5, "（五）不予处理",
            ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"])
        if splitOtherHandling {
            subRows(
                6, "（六）其他处理",
                [
                    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    "其他",
                ])
        } else {
            rows.append(
                Table3RowSpec(id: "3.6", label: "（六）其他处理", groups: [results], cellName: "三（六）其他处理", isResult: true))
        }
        rows.append(Table3RowSpec(id: "3.7", label: "（七）总计", groups: [results], cellName: "三（七）总计", isResult: false))
        rows.append(
            Table3RowSpec(id: "4", label: "四、结转下年度继续办理", groups: [], cellName: "四 结转下年度继续办理", isResult: false))
        return rows
    }
}

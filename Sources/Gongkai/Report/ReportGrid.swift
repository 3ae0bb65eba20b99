import Foundation

/// A table laid out as published: cells with their spans. Every writer renders tables from these grids, so the
/// text, Markdown and HTML forms cannot drift apart.
struct GridCell {
    var text: String
    var rowspan = 1
    var colspan = 1
    var header = false
    /// A value's cell as findings name it (`CellName`); nil for labels.
    var name: String? = nil
}

typealias Grid = [[GridCell]]

enum ReportGrid {
    static let blank = "—"

    static func cell(_ value: Int?, named name: String? = nil) -> GridCell {
        GridCell(text: value.map(String.init) ?? blank, name: name)
    }

    static func text(_ value: Table2Value?, kind: Table2ValueKind) -> String {
        switch value {
        case nil: return blank
        case .number(let n)?: return String(n)
        case .money(let m)?:
            if case .money(let defaultUnit) = kind, defaultUnit != nil, m.unit == defaultUnit { return m.amountText }
            return m.description
        }
    }

    /// The rows of a grid with the positions covered by spans left empty, as a flattened table prints them.
    static func flatten(_ grid: Grid) -> [[String]] {
        var out: [[String?]] = []
        for (r, row) in grid.enumerated() {
            while out.count <= r { out.append([]) }
            var c = 0
            for cell in row {
                while c < out[r].count, out[r][c] != nil { c += 1 }
                for dr in 0..<cell.rowspan {
                    while out.count <= r + dr { out.append([]) }
                    for dc in 0..<cell.colspan {
                        while out[r + dr].count <= c + dc { out[r + dr].append(nil) }
                        out[r + dr][c + dc] = dr == 0 && dc == 0 ? cell.text : ""
                    }
                }
                c += cell.colspan
            }
        }
        return out.map { $0.map { $0 ?? "" } }
    }

    // MARK: Table 二

    static func table2(_ report: AnnualReport) -> Grid? {
        guard let table = report.table2 else { return nil }
        let width = 4
        var grid: Grid = []
        for (block, rows) in report.layout.table2Blocks {
            grid.append([GridCell(text: Table2RowSpec.blockLabel(block), colspan: width, header: true)])
            let columns = rows[0].columns
            var header = [GridCell(text: "信息内容", header: true)]
            for (index, column) in columns.enumerated() {
                header.append(
                    GridCell(text: column.label, colspan: index == columns.count - 1 ? width - columns.count : 1, header: true))
            }
            grid.append(header)
            for row in rows {
                let values = table[row.key] ?? Array(repeating: nil, count: row.columns.count)
                var line = [GridCell(text: row.label)]
                for (index, (column, value)) in zip(row.columns, values).enumerated() {
                    line.append(
                        GridCell(
                            text: text(value, kind: column.kind),
                            colspan: index == row.columns.count - 1 ? width - row.columns.count : 1, name: CellName.table2(row, column)))
                }
                grid.append(line)
            }
        }
        for extra in report.extraRows where extra.table == "二" {
            grid.append([GridCell(text: extra.label)] + extra.values.map { GridCell(text: $0.isEmpty ? blank : $0) })
        }
        return grid
    }

    // MARK: Table 三

    static let table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    static func table3(_ report: AnnualReport) -> Grid? {
        guard let table = report.table3 else { return nil }
        let rows = report.table3Rows
        var grid: Grid = [
            [
                GridCell(text: table3Note, rowspan: 3, colspan: 3, header: true),
                GridCell(text: "申请人情况", colspan: 7, header: true),
            ],
            [
                GridCell(text: "自然人", rowspan: 2, header: true),
                GridCell(text: "法人或其他组织", colspan: 5, header: true),
                GridCell(text: "总计", rowspan: 2, header: true),
            ],
            Table3Column.labels[1...5].map { GridCell(text: $0, header: true) },
        ]
        let resultRows = rows.filter { $0.groups.first == "三、本年度办理结果" }
        var seenGroups: Set<String> = []
        for row in rows {
            var line: [GridCell] = []
            switch row.groups.count {
            case 0:
                line.append(GridCell(text: row.label, colspan: 3))
            default:
                let outer = row.groups[0]
                if !seenGroups.contains(outer) {
                    seenGroups.insert(outer)
                    line.append(GridCell(text: outer, rowspan: resultRows.count))
                }
                if row.groups.count == 1 {
                    line.append(GridCell(text: row.label, colspan: 2))
                } else {
                    let inner = row.groups[1]
                    if !seenGroups.contains(inner) {
                        seenGroups.insert(inner)
                        line.append(GridCell(text: inner, rowspan: rows.filter { $0.groups.last == inner }.count))
                    }
                    line.append(GridCell(text: row.label))
                }
            }
            let values = table[row.id] ?? Array(repeating: nil, count: Table3Column.count)
            grid.append(line + values.enumerated().map { cell($1, named: CellName.table3(row, $0)) })
        }
        for extra in report.extraRows where extra.table == "三" {
            grid.append(
                [GridCell(text: extra.label, colspan: 3)] + extra.values.map { GridCell(text: $0.isEmpty ? blank : $0) })
        }
        return grid
    }

    // MARK: Table 四

    static func table4(_ report: AnnualReport) -> Grid? {
        guard let table = report.table4 else { return nil }
        let results = Table4Column.results.map { GridCell(text: $0, header: true) }
        var grid: Grid = [
            [GridCell(text: "行政复议", colspan: 5, header: true), GridCell(text: "行政诉讼", colspan: 10, header: true)],
            results.map {
                var c = $0
                c.rowspan = 2
                return c
            }
                + [
                    GridCell(text: "未经复议直接起诉", colspan: 5, header: true),
                    GridCell(text: "复议后起诉", colspan: 5, header: true),
                ],
            results + results,
            table.enumerated().map { cell($1, named: CellName.table4($0)) },
        ]
        for extra in report.extraRows where extra.table == "四" {
            grid.append([GridCell(text: extra.label)] + extra.values.map { GridCell(text: $0.isEmpty ? blank : $0) })
        }
        return grid
    }

    /// The title as the report would print it.
    static func title(_ report: AnnualReport) -> String? {
        switch (report.agency, report.year) {
        case (let agency?, let year?): "\(agency)\(year)年政府信息公开工作年度报告"
        case (nil, let year?): "\(year)年政府信息公开工作年度报告"
        case (let agency?, nil): "\(agency)政府信息公开工作年度报告"
        case (nil, nil): nil
        }
    }

    /// The parts of the report in the official order: each section's heading and prose, and its table.
    static func parts(_ report: AnnualReport) -> [(section: ReportSection?, number: Int, grid: Grid?)] {
        (1...6).map { number in
            let grid: Grid? =
                switch number {
                case 2: table2(report)
                case 3: table3(report)
                case 4: table4(report)
                default: nil
                }
            return (report.section(number), number, grid)
        }
    }
}

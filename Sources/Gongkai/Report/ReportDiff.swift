/// What changed between two versions of a report: every table cell whose value differs, and the sections whose
/// text differs — what a correction has to show next to the version it replaces.
public enum ReportDiff {
    public static func differences(from old: AnnualReport, to new: AnnualReport) -> [String] {
        var out: [String] = []
        func show<T: CustomStringConvertible>(_ value: T?) -> String { value.map(\.description) ?? "空" }
        for row in new.layout.table2 {
            let a = old.table2?[row.key] ?? [], b = new.table2?[row.key] ?? []
            for (index, column) in row.columns.enumerated() {
                let x = index < a.count ? a[index] : nil, y = index < b.count ? b[index] : nil
                if x != y { out.append("表二 \(row.label)/\(column.label)：\(show(x)) → \(show(y))") }
            }
        }
        for row in new.table3Rows {
            let a = old.table3?[row.id] ?? [], b = new.table3?[row.id] ?? []
            for (index, label) in Table3Column.labels.enumerated() {
                let x = index < a.count ? a[index] : nil, y = index < b.count ? b[index] : nil
                if x != y { out.append("表三 \(row.cellName)/\(label)：\(show(x)) → \(show(y))") }
            }
        }
        for index in 0..<Table4Column.count {
            let x = index < (old.table4?.count ?? 0) ? old.table4![index] : nil
            let y = index < (new.table4?.count ?? 0) ? new.table4![index] : nil
            if x != y { out.append("表四 \(Table4Column.label(index))：\(show(x)) → \(show(y))") }
        }
        for number in 1...6 where old.section(number)?.text != new.section(number)?.text {
            out.append("\(ReportSectionTitle.heading(number))：文字有修改")
        }
        return out
    }
}

/// Last year's improvement pledges (section 五) put next to what this year's records show.
public enum Pledges {
    /// The sentences of last year's section 五 that promise something (计划, 将, 每…), as printed.
    public static func promises(in text: String) -> [String] {
        let sentences = text.split(whereSeparator: { "。；\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        return sentences.filter { s in ["计划", "将", "每个季度", "每季度", "每月", "每年", "尽快", "加强", "完善"].contains { s.contains($0) } }
    }

    /// A paragraph for this year's section 五: each promise, and for a promise of quarterly (每个季度/每季度)
    /// training, the quarters of `year` with and without a training in the log.
    public static func review(previousSectionFive text: String, trainings: [Day], year: Int) -> String? {
        let promises = promises(in: text)
        guard !promises.isEmpty else { return nil }
        var lines = ["上年报告提出的改进措施及落实情况："]
        for promise in promises {
            var line = "- “\(promise)”"
            if (promise.contains("每个季度") || promise.contains("每季度")) && promise.contains("培训") {
                let quarters = Set(trainings.filter { $0.year == year }.map { ($0.month - 1) / 3 + 1 })
                let missing = (1...4).filter { !quarters.contains($0) }
                line +=
                    missing.isEmpty
                    ? "：已落实，\(year)年四个季度均开展了培训（共\(trainings.filter { $0.year == year }.count)次）。"
                    : "：培训记录显示第\(missing.map(String.init).joined(separator: "、"))季度未开展培训，未完全落实。"
            } else {
                line += "：（请说明落实情况）"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation

/// 区分处理 for 部分公开 (第三十七条): the officer names the passages of the information to be provided that are withheld,
/// each with its ground; the applicant's copy shows each as 「【此处依据第十五条不予公开】」 and nothing of it, and the
/// answer lists the withheld parts by number and ground. The original stays with the application for staff.
public enum Redaction {
    /// Why a passage is withheld.
    public enum Ground: String, Sendable, CaseIterable {
        case article14 = "第十四条"
        case article15 = "第十五条"
        case article16 = "第十六条"

        /// What the article protects, as a letter says it.
        public var meaning: String {
            switch self {
            case .article14: "依法确定为国家秘密、法律行政法规禁止公开、公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息"
            case .article15: "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息"
            case .article16: "行政机关的内部事务信息或过程性信息、行政执法案卷信息"
            }
        }
    }

    /// A passage to withhold and why.
    public struct Passage: Sendable, Equatable {
        public var text: String
        public var ground: Ground

        public init(text: String, ground: Ground) {
            self.text = text
            self.ground = ground
        }
    }

    /// What is wrong with a line of the list of passages, by its number (from 1).
    public enum Problem: Error, Sendable, Equatable {
        /// No `｜` and ground after the passage.
        case noGround(line: Int)
        /// The ground is not 第十四条, 第十五条 or 第十六条.
        case unknownGround(line: Int, String)
        /// The passage (by its number in the list, from 1) is not in the text.
        case notInText(passage: Int)
    }

    /// The marker that stands in the applicant's copy for a passage withheld on `ground`.
    public static func marker(_ ground: Ground) -> String { "【此处依据\(ground.rawValue)不予公开】" }

    /// The passages as the officer lists them: one a line, `passage｜第十五条` (or `|`); blank lines are skipped.
    public static func parse(_ list: String) -> Result<[Passage], Problem> {
        var passages: [Passage] = []
        for (index, raw) in list.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            guard let bar = line.lastIndex(where: { $0 == "｜" || $0 == "|" }) else { return .failure(.noGround(line: index + 1)) }
            let text = line[..<bar].trimmingCharacters(in: .whitespaces)
            let named = line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .failure(.noGround(line: index + 1)) }
            // 「第十五条」 as written, within more words (「条例第十五条」), or the bare number (「十五」).
            guard let ground = Ground.allCases.first(where: { named.contains($0.rawValue) || named == $0.rawValue.dropFirst().dropLast() }) else {
                return .failure(.unknownGround(line: index + 1, String(named.prefix(20))))
            }
            passages.append(Passage(text: text, ground: ground))
        }
        return .success(passages)
    }

    /// `original` with every occurrence of each passage replaced by its marker (longer passages first, so that one
    /// inside another goes with it); a passage not found in the text is a problem naming its line.
    public static func apply(_ passages: [Passage], to original: String) -> Result<String, Problem> {
        var text = original
        if let missing = passages.firstIndex(where: { !original.contains($0.text) }) { return .failure(.notInText(passage: missing + 1)) }
        for passage in passages.sorted(by: { $0.text.count > $1.text.count }) {
            text = text.replacingOccurrences(of: passage.text, with: marker(passage.ground))
        }
        return .success(text)
    }

    /// What the answer says of the withheld parts: each by its number and ground, nothing of its text.
    public static func listing(_ passages: [Passage]) -> String {
        guard !passages.isEmpty else { return "" }
        let lines = passages.enumerated().map { index, passage in
            "第\(index + 1)处：依据《中华人民共和国政府信息公开条例》\(passage.ground.rawValue)，属于\(passage.ground.meaning)，不予公开。"
        }
        return "所提供信息中下列\(passages.count)处不予公开，已作区分处理：\n" + lines.joined(separator: "\n")
    }
}

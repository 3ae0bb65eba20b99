import Foundation
import Testing

@testable import Gongkai

/// 区分处理 (第三十七条): passages named with their grounds become markers; the list says where and why, not what.
@Suite struct RedactionTests {
    static let text = "2026年第三季度发放明细：吴某德，保障金1,260元，银行账号6222021234567890123；王某芳，保障金1,890元。承办单位内部审批意见：同意。"

    @Test func passagesBecomeMarkers_andTheListingSaysWhereAndWhy() throws {
        let passages = try Redaction.parse("银行账号6222021234567890123｜第十五条\n\n承办单位内部审批意见：同意。| 第十六条\n").get()
        #expect(passages.map(\.ground) == [.article15, .article16])
        let redacted = try Redaction.apply(passages, to: Self.text).get()
        #expect(redacted == "2026年第三季度发放明细：吴某德，保障金1,260元，【此处依据第十五条不予公开】；王某芳，保障金1,890元。【此处依据第十六条不予公开】")
        let listing = Redaction.listing(passages)
        #expect(listing.contains("第1处：依据《中华人民共和国政府信息公开条例》第十五条") && listing.contains("第2处") && listing.contains("第十六条"))
        #expect(!listing.contains("6222") && !listing.contains("审批意见"))
    }

    @Test func everyOccurrenceGoes_andALongerPassageWithTheShorterInside() throws {
        let passages = [Redaction.Passage(text: "吴某德", ground: .article15), Redaction.Passage(text: "吴某德，保障金1,260元", ground: .article15)]
        let redacted = try Redaction.apply(passages, to: Self.text + "吴某德").get()
        #expect(!redacted.contains("吴某德") && !redacted.contains("1,260"))
    }

    @Test func aLineWithoutAGround_anUnknownGround_andAPassageNotInTheTextAreNamed() {
        #expect(throws: Redaction.Problem.noGround(line: 2)) { try Redaction.parse("甲｜第十五条\n乙").get() }
        #expect(throws: Redaction.Problem.unknownGround(line: 1, "第十三条")) { try Redaction.parse("甲｜第十三条").get() }
        #expect(throws: Redaction.Problem.notInText(passage: 2)) {
            try Redaction.apply([.init(text: "吴某德", ground: .article15), .init(text: "张某", ground: .article15)], to: Self.text).get()
        }
    }
}

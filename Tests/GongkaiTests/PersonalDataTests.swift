import Foundation
import Testing

@testable import Gongkai

/// The privacy guard's scanner on texts as agencies publish them: what it must catch, and what it must leave alone.
@Suite struct PersonalDataTests {
    static let id = "11010519491231002X"

    @Test func catchesAnIdentityNumberAPhoneAndACardInAPostedList_andMasksThem() {
        let text = """
            联芳街道2026年第三季度城乡最低生活保障对象名单公示
            索引号：11500106009208537T/2026-00031  文号：沙联办发〔2026〕12号
            1. 吴*德，土湾社区，家庭人口2人，保障金额1,260.00元，身份证号\(Self.id)，联系电话13912345678
            2. 王*芳，联芳社区，家庭人口3人，银行卡号4111111111111111，电话139-1234-5678
            公示时间：2026年10月8日至2026年10月16日（7个工作日）
            """
        let found = PersonalData.scan(text)
        #expect(found.map(\.kind) == [.residentID, .mobile, .bankCard, .mobile])
        #expect(found.map(\.masked) == ["110105********002X", "139****5678", "4111********1111", "139-****-5678"])
        #expect(found.map(\.line) == [3, 3, 4, 4])
        let masked = PersonalData.masked(text)
        #expect(!masked.contains(Self.id) && !masked.contains("13912345678") && !masked.contains("4111111111111111") && !masked.contains("1234-5678"))
        #expect(masked.contains("身份证号110105********002X，联系电话139****5678"))
        // Everything else is as it was.
        #expect(masked.contains("索引号：11500106009208537T/2026-00031  文号：沙联办发〔2026〕12号"))
        #expect(PersonalData.scan(masked).isEmpty)
    }

    @Test func noFalseAlarmOnCodesNumbersDatesAndAmounts() {
        let text = """
            索引号：11500106009208537T/2019-00012；统一社会信用代码 91500106MA5U7LXX3K；组织机构代码 00920853-7
            文号：渝府办发〔2019〕138号；沙府发〔2024〕12号
            发布日期：2024-03-15；成文日期 20240315；时间 2024年3月15日
            金额：12,345,678.90元；预算 123456789012 元；项目编号 CQS2024-0012345678
            办公地址：重庆市沙坪坝区土湾路12号；咨询电话：023-65312345；传真 02365312346
            行政许可 447228 件，行政处罚 3985758 件
            错号：110105194912310021（校验位不符）；无效日期 110105194913310023
            """
        #expect(PersonalData.scan(text).isEmpty, "\(PersonalData.scan(text))")
    }

    @Test func linesAreCountedWhateverTheirEnds() {
        // A browser posts a textarea's lines with CRLF.
        let found = PersonalData.scan("公示\r\n1. 吴*德\r\n2. 电话13912345678\r3. 电话13912345679\n")
        #expect(found.map(\.line) == [3, 4])
        #expect(found.map(\.column) == [6, 6])
    }

    @Test func aNumberInsideALongerCodeIsNoPhone() {
        // 11 digits inside an 18-character code, and a phone joined to letters, are parts of codes.
        #expect(PersonalData.scan("代码11500106009208537T").isEmpty)
        #expect(PersonalData.scan("编号A13912345678").isEmpty)
        #expect(PersonalData.scan("编号139123456789").isEmpty)
        #expect(PersonalData.scan("电话：13912345678。").map(\.kind) == [.mobile])
        #expect(PersonalData.scan("电话+8613912345678").map(\.masked) == ["86139****5678"])
    }

    @Test func aHouseholdAddressNextToANameIsMasked_anOfficeAddressIsNot() {
        let list = "3. 张*明，土湾社区5栋2单元501，家庭人口1人"
        let found = PersonalData.scan(list)
        #expect(found.map(\.kind) == [.address])
        #expect(PersonalData.masked(list) == "3. 张*明，土湾社区*栋*单元***，家庭人口1人")
        #expect(PersonalData.scan("李四 汉渝路38号3-501").map(\.kind) == [.address])
        #expect(PersonalData.scan("办公地点：联芳街道办事处，土湾路12号").isEmpty)
        #expect(PersonalData.scan("地址：重庆市沙坪坝区小龙坎正街12号3楼").isEmpty)
    }
}

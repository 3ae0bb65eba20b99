import Foundation
import Gongkai
import Testing

@Suite struct ApplicationDomainTests {
    @Test func residentIDNumbersAreCheckedByGB11643() {
        #expect(IdentityDocument.residentIDCard.problem(with: "11010519491231002X") == nil)
        #expect(IdentityDocument.residentIDCard.problem(with: " 11010519491231002x ") == nil)  // trimmed, upper-cased
        #expect(IdentityDocument.residentIDCard.problem(with: "110105194912310021") == .checkCharacter(.residentIDCard))
        #expect(IdentityDocument.residentIDCard.problem(with: "110105194902300028") == .birthDate("19490230"))
        #expect(IdentityDocument.residentIDCard.problem(with: "1101051949123100") == .length(.residentIDCard, 16))
        #expect(IdentityDocument.residentIDCard.problem(with: "11010519491231A02X") == .idCharacters)
        #expect(IdentityDocument.residentIDCard.problem(with: "") == .empty)
        #expect(IdentityNumberProblem.birthDate("19490230").message == "居民身份证号码中的出生日期19490230不是有效日期")
        #expect(IdentityNumberProblem.length(.creditCode, 17).message == "统一社会信用代码应为18位（现为17位）")
    }

    @Test func creditCodesAreCheckedByGB32100() {
        #expect(IdentityDocument.creditCode.problem(with: "91350100M000100Y43") == nil)
        #expect(IdentityDocument.creditCode.problem(with: "91110000600037341L") == nil)
        #expect(IdentityDocument.creditCode.problem(with: "91350100M000100Y44") == .checkCharacter(.creditCode))
        #expect(IdentityDocument.creditCode.problem(with: "91350100M000100YI3") == .creditCharacters)
        #expect(IdentityDocument.passport.problem(with: "E12345678") == nil)  // no check character to test
        #expect(IdentityDocument.allowed(for: .naturalPerson).contains(.residentIDCard))
        #expect(!IdentityDocument.allowed(for: .commercialEnterprise).contains(.residentIDCard))
    }

    @Test func masksKeepTheEndsOnly() {
        #expect(Masking.identity("11010519491231002X") == "1101**********002X")
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("123") == "***")
    }

    @Test func everyResultRowOfBothFormatsHasAGroundAndADecision() {
        let v2019 = AnswerResult.all(.v2019)
        let v2021 = AnswerResult.all(.v2021)
        #expect(v2019.count == 19)  // （一）（二）, 8 + 3 + 5, （六） as one row
        #expect(v2021.count == 21)  // （六） split into three
        for result in v2019 + v2021 {
            #expect(!result.decision.isEmpty, "\(result.rowID) has no decision text")
            // 3.5.5 (其他不予处理) states its ground in words, with no article where none applies — never 第三十六条 whole.
            if !["3.6.3", "3.5.5"].contains(result.rowID) { #expect(result.article.hasPrefix("第"), "\(result.rowID) has no article") }
            #expect(result.article != "第三十六条")
            // Every 不予公开 ground cites 第三十六条第（三）项 beside its own article.
            if result.rowID.hasPrefix("3.3."), result.rowID != "3.3.8" { #expect(result.article.contains("第三十六条第（三）项"), "\(result.rowID)") }
        }
        #expect(AnswerResult.abandoned(format: .v2019, unpaidFee: true) == "3.6")
        #expect(AnswerResult.abandoned(format: .v2021, unpaidFee: true) == "3.6.2")
        #expect(AnswerResult.abandoned(format: .v2021, unpaidFee: false) == "3.6.1")
        #expect(ApplicantType.allCases.map(\.column) == [0, 1, 2, 3, 4, 5])
    }

    @Test func lettersAreDraftedFromTheFactsWithTheirArticles() {
        var facts = LetterFacts(
            agencyName: "重庆市沙坪坝区联芳街道办事处", agencyAddress: "联芳路1号", agencyPhone: "023-65263000", trackingNumber: "X-2026-00001",
            applicantName: "张三", received: Day(iso: "2026-11-02"), request: "2026年低保名单", today: Day(iso: "2026-11-05")!, due: Day(iso: "2026-11-30"))
        facts.clarifyWhat = "请写明所需信息的年份和社区"
        let clarify = LetterDrafter.draft(.clarification, facts)
        #expect(clarify.title == "政府信息公开申请补正告知书")
        #expect(clarify.body.contains("第三十条"))
        #expect(clarify.body.contains("2026年11月2日收到"))
        #expect(clarify.body.contains("请写明所需信息的年份和社区"))
        #expect(clarify.body.hasSuffix("重庆市沙坪坝区联芳街道办事处\n2026年11月5日"))
        facts.result = AnswerResult.find("3.3.4", format: .v2021)
        let answer = LetterDrafter.draft(.answer, facts)
        #expect(answer.body.contains("第十五条、第三十六条第（三）项"))
        #expect(answer.body.contains("行政复议"))
        // No letter says a consultation happened that is not on record; with one on record it cites 第三十二条.
        #expect(!answer.body.contains("征求") && !answer.body.contains("第三十二条"))
        facts.consulted = true
        let consulted = LetterDrafter.draft(.answer, facts).body
        #expect(consulted.contains("经书面征求第三方意见") && consulted.contains("第十五条、第三十二条、第三十六条第（三）项"))
        // 第三十六条（四）（五）: "does not exist" and "not ours" are two letters; the latter names the agency responsible.
        facts.result = AnswerResult.find("3.4.1", format: .v2021)
        let none = LetterDrafter.draft(.answer, facts).body
        #expect(none.contains("该政府信息不存在") && none.contains("第三十六条第（四）项") && !none.contains("第（五）项"))
        facts.elsewhere = "重庆市沙坪坝区民政局（023-65000000）"
        let elsewhere = LetterDrafter.draft(.answer, facts).body
        #expect(elsewhere.contains("不属于本机关负责公开") && elsewhere.contains("该信息由重庆市沙坪坝区民政局（023-65000000）负责公开"))
        #expect(elsewhere.contains("第三十六条第（五）项") && !elsewhere.contains("不存在"))
        facts.elsewhere = ""
        #expect(LetterDrafter.draft(.answer, facts).body.contains("本机关无法确定负责公开该信息的行政机关"))
        facts.elsewhere = nil
        facts.result = AnswerResult.find("3.4.2", format: .v2021)
        #expect(LetterDrafter.draft(.answer, facts).body.contains("可以不予提供") && LetterDrafter.draft(.answer, facts).body.contains("第三十八条"))
        facts.result = AnswerResult.find("3.5.5", format: .v2021)
        facts.answerDetail = "您要求本机关出具证明，不属于政府信息公开申请"
        let other = LetterDrafter.draft(.answer, facts).body
        #expect(other.contains("不予处理，理由如下。\n\n您要求本机关出具证明") && !other.contains("依据："))
        facts.answerDetail = ""
        facts.consulted = false
        facts.result = AnswerResult.find("3.3.4", format: .v2021)
        // 救济途径: the 复议机关 by name when the records know it, never a guess; the court as the competent one.
        #expect(answer.body.contains("60日内依法申请行政复议，或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼"))
        facts.reconsiderationBody = "重庆市沙坪坝区人民政府"
        #expect(LetterDrafter.draft(.answer, facts).body.contains("60日内向重庆市沙坪坝区人民政府申请行政复议"))
        // A deemed abandonment is told, with its article and the remedy.
        let unclarified = LetterDrafter.draft(.abandonment, facts)
        #expect(unclarified.title == "政府信息公开申请不再处理告知书")
        #expect(unclarified.body.contains("逾期未补正") && unclarified.body.contains("第三十条") && unclarified.body.contains("不再处理"))
        #expect(unclarified.body.contains("如对本告知不服，可以自收到本告知之日起60日内向重庆市沙坪坝区人民政府申请行政复议"))
        facts.abandonedUnpaid = true
        let unpaid = LetterDrafter.draft(.abandonment, facts).body
        #expect(unpaid.contains("未在通知规定的期限内缴纳") && unpaid.contains("第四十二条") && !unpaid.contains("第三十条"))
        #expect(LetterKind.answer.isDecision && LetterKind.abandonment.isDecision && !LetterKind.fee.isDecision)
        facts.fee = FeeNotice(
            finding: "您本月已向本机关提出同类申请11件", charge: InformationProcessingFee.perApplication(ordinal: 11),
            payment: "到联芳路1号窗口缴纳")
        facts.feePayBy = Day(iso: "2026-12-03")
        // 第三十四条: an agency consulted that stays silent past its 15 working days is taken to consent; the letter says so.
        let consultation = LetterDrafter.draft(.consultation, facts).body
        #expect(consultation.contains("15个工作日内") && consultation.contains("行政机关逾期未提出意见的，视为同意公开（第三十四条）"))
        // 第四十二条 and 国办函〔2020〕109号: the finding, the scale, the amount and how it is reached, how to pay, the 20
        // working days from the day after receipt, and the pause only where the agency's setting has it.
        let fee = LetterDrafter.draft(.fee, facts).body
        #expect(fee.contains("明显超过合理范围：您本月已向本机关提出同类申请11件。"))
        #expect(fee.contains("按照按件计收标准收取信息处理费人民币100元"))
        #expect(fee.contains("计算方法：本申请为申请人本自然月内向本机关提出的第11件申请：第11件1件×100元＝100元；合计100元。"))
        #expect(fee.contains("缴费方式：到联芳路1号窗口缴纳"))
        #expect(fee.contains("自收到本通知次日起20个工作日内缴纳（即2026年12月3日前）"))
        #expect(fee.contains("不计入答复期限"))
        facts.feeTimeExcluded = false
        facts.feePayBy = nil
        let counted = LetterDrafter.draft(.fee, facts).body
        #expect(!counted.contains("不计入答复期限") && counted.contains("20个工作日内缴纳。逾期未缴纳的"))
        // 第三十五条: asking for reasons says what was observed and what follows; a deferral names its day, its
        // cause, and says the reasons were found reasonable only when reasons are on record.
        facts.reasonsAsked = "您于2026年10月向本机关提出申请120件"
        let reasons = LetterDrafter.draft(.reasonsRequest, facts)
        #expect(reasons.title == "政府信息公开申请说明理由告知书")
        #expect(reasons.body.contains("您于2026年10月向本机关提出申请120件") && reasons.body.contains("第三十五条"))
        #expect(reasons.body.contains("将告知您不予处理") && reasons.body.contains("确定延迟答复的合理期限"))
        facts.deferredUntil = Day(iso: "2027-01-29")
        facts.deferralReason = "需逐件调取档案"
        let deferral = LetterDrafter.draft(.deferral, facts)
        #expect(deferral.title == "政府信息公开申请延迟答复告知书")
        #expect(deferral.body.contains("至2027年1月29日，将于该日前作出答复") && deferral.body.contains("需逐件调取档案"))
        #expect(!deferral.body.contains("理由合理"))
        facts.reasonsGiven = true
        #expect(LetterDrafter.draft(.deferral, facts).body.contains("本机关认为您说明的申请理由合理"))
        // 第四十一条: the answer to a request for correction, with its ground and the remedy.
        facts.correction = .notCorrected
        facts.answerDetail = "您提供的户籍证明与本机关记录一致"
        facts.reconsiderationBody = "重庆市沙坪坝区人民政府"
        let corrected = LetterDrafter.draft(.correctionAnswer, facts)
        #expect(corrected.title == "更正政府信息记录申请答复书" && LetterKind.correctionAnswer.isDecision)
        #expect(corrected.body.contains("要求更正与您相关的政府信息记录的申请") && corrected.body.contains("本机关不予更正"))
        #expect(corrected.body.contains("您提供的户籍证明与本机关记录一致") && corrected.body.contains("第四十一条"))
        #expect(corrected.body.contains("向重庆市沙坪坝区人民政府申请行政复议"))
    }

    @Test func letterNumbersFollowTheAgencysPattern() {
        #expect(LetterNumber.make(pattern: "联芳信公复〔{year}〕{seq}号", year: 2026, sequence: 12) == "联芳信公复〔2026〕12号")
        #expect(LetterNumber.problem("联芳信公复〔{year}〕{seq}号") == nil)
        #expect(LetterNumber.problem("联芳信公复〔2026〕{seq}号") != nil, "a fixed year would repeat numbers")
        #expect(LetterNumber.problem("联芳信公复〔{year}〕号") != nil)
        #expect(LetterNumber.problem("{seq}{seq}〔{year}〕") != nil)
    }

    /// 第十八条: withheld information (不予公开, or the withheld part of a 部分公开) is assessed again, first a year on.
    @Test func withheldInformationIsAssessedAgainAYearOn() {
        let withholding = AnswerResult.all(.v2021).filter(\.withholds).map(\.rowID)
        #expect(withholding == ["3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7"])
        #expect(AnswerResult.reassessment(after: Day(iso: "2026-03-05")!) == Day(iso: "2027-03-05"))
        #expect(AnswerResult.reassessment(after: Day(iso: "2024-02-29")!) == Day(iso: "2025-02-28"))
    }
}

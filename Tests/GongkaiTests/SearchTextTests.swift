import Gongkai
import Testing

@Suite struct SearchTextTests {
    @Test func chineseIsCutIntoSingleCharacters_asciiWordsStayWhole_punctuationGoes() {
        #expect(SearchText.terms("城乡低保") == ["城", "乡", "低", "保"])
        #expect(SearchText.terms("沙联办发〔2019〕12号") == ["沙", "联", "办", "发", "2", "0", "1", "9", "1", "2", "号"])
        #expect(SearchText.terms("关于PM2.5的通知") == ["关", "于", "pm", "2", "5", "的", "通", "知"])
        #expect(SearchText.terms("，。！ “”") == [])
    }

    @Test func aQueryIsThePhraseOfItsTerms() {
        #expect(SearchText.phrase("低保") == "\"低 保\"")
        #expect(SearchText.phrase(" 低 ") == "\"低\"")
        #expect(SearchText.phrase("\"") == nil)  // nothing to look for, and no quote reaches FTS5
    }

    @Test func gramsHoldEveryTermAndEveryAdjacentPair() {
        #expect(SearchText.grams("低保低") == ["低", "低保", "保", "保低"].sorted())
        #expect(SearchText.queryGrams("低") == ["低"])
        #expect(SearchText.queryGrams("城乡低保") == ["乡低", "低保", "城乡"].sorted())
        // A document holds all of a query's grams whenever it holds the query.
        let document = Set(SearchText.grams("关于2019年城乡低保对象的公示"))
        #expect(SearchText.queryGrams("城乡低保").allSatisfy(document.contains))
        #expect(!SearchText.queryGrams("低收入").allSatisfy(document.contains))
    }
}

/// How catalogue text is cut into search terms, so that Chinese queries of any length — one character (低), two (低保)
/// or more — find the items containing them.
///
/// Chinese has no spaces between words, so every letter or digit outside an ASCII word is a term of its own and a
/// query is the phrase of its terms in order: 低保 finds 城乡低保 but not 低收入保障. ASCII letter runs stay words
/// (lower-cased), punctuation is dropped. Both databases use these terms: SQLite as an FTS5 phrase query, PostgreSQL
/// as the query's adjacent pairs (`grams`) looked up in an array index and checked against the text.
public enum SearchText {
    /// The terms of `text`, in order.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty {
                terms.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (0x41...0x5A).contains(v) {
                    word.append(Unicode.Scalar(v + 0x20)!)
                    continue
                }
                if (0x61...0x7A).contains(v) {
                    word.append(scalar)
                    continue
                }
                flush()
                if (0x30...0x39).contains(v) { terms.append(String(scalar)) }
                continue
            }
            flush()
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil { terms.append(String(scalar)) }
        }
        flush()
        return terms
    }

    /// The terms joined by spaces: what an FTS5 `unicode61` column is given to index.
    public static func indexed(_ text: String) -> String { terms(text).joined(separator: " ") }

    /// The FTS5 phrase for a query, or nil when the query has no letters or digits at all.
    public static func phrase(_ query: String) -> String? {
        let terms = terms(query)
        return terms.isEmpty ? nil : "\"" + terms.joined(separator: " ") + "\""
    }

    /// Every term and every pair of adjacent terms of `text`, once each: what PostgreSQL's array index holds.
    public static func grams(_ text: String) -> [String] {
        let terms = terms(text)
        var grams = Set(terms)
        for (a, b) in zip(terms, terms.dropFirst()) { grams.insert(a + b) }
        return grams.sorted()
    }

    /// What a document's grams must all contain to possibly hold `query`: its single term, or its adjacent pairs.
    public static func queryGrams(_ query: String) -> [String] {
        let terms = terms(query)
        guard terms.count > 1 else { return terms }
        return Array(Set(zip(terms, terms.dropFirst()).map { $0 + $1 })).sorted()
    }
}

import Foundation

/// Text as published, reduced to what matters for matching labels and reading numbers.
///
/// Published reports mix full- and half-width punctuation, carry stray spaces from PDF extraction
/// (`只计这一情 形`), write `1、` for `1.` and use any kind of quotes; the key of a text drops or unifies all of that.
enum LabelText {
    /// The matching key of `text`: no white space, full-width ASCII folded to half-width, `、` as `.`, no quotes.
    static func key<S: StringProtocol>(_ text: S) -> String {
        // Fast path for the commonest cells, numbers: ASCII needs no decoding, only dropping spaces and quotes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.filter { $0 > 0x20 && $0 != 0x22 && $0 != 0x27 }, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let folded = fold(scalar) else { continue }
            let v = folded.value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // NB: byte-wise comparisons on UTF-8. Foundation's `contains`/`range(of:)` bridge to NSString and cost
    // microseconds each; keys are already normalised, so plain byte equality is the right comparison.

    static func equal(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        var text = text, suffix = suffix
        return text.withUTF8 { t in
            suffix.withUTF8 { s in
                guard s.count <= t.count else { return false }
                guard let tb = t.baseAddress, let sb = s.baseAddress else { return s.isEmpty }
                return memcmp(tb + (t.count - s.count), sb, s.count) == 0
            }
        }
    }

    /// `text` split at every `byte` (an ASCII separator), empty pieces kept.
    static func split(_ text: String, at byte: UInt8, droppingTrailingCR: Bool = false) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            func piece(_ end: Int) {
                var stop = end
                if droppingTrailingCR, stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
            }
            for i in 0..<bytes.count where bytes[i] == byte {
                piece(i)
                start = i + 1
            }
            piece(bytes.count)
            return pieces
        }
    }

    static func hasPrefix<S: StringProtocol>(_ text: S, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in
                guard n.count > 0, n.count <= t.count else { return n.count == 0 }
                let first = n[0]
                var i = 0
                let last = t.count - n.count
                while i <= last {
                    if t[i] == first {
                        var j = 1
                        while j < n.count, t[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The key as an array of scalar values, for edit distances.
    static func keyScalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x200B, 0xFEFF, 0x2002, 0x2003, 0x2009:
            return nil  // white space, including the ideographic space
        case 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF02, 0xFF07:
            return nil  // quotes of every kind: 危及“三安全一稳定” is also printed without them
        case 0x3001, 0xFF0E:
            return "."  // 1、 for 1.
        case 0xFE59: return "("
        case 0xFE5A: return ")"
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(v - 0xFEE0)
        default:
            return scalar
        }
    }

    /// Whether `a` and `b` are the same label but for typos, and how close (1 = equal).
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(editDistance(a, b)) / Double(longest)
    }

    /// Levenshtein distance over scalar values.
    static func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// How well the end of `text` matches `label`, allowing for typos: the best similarity of `label` to a suffix of
    /// `text` a few characters shorter or longer than it. Labels split over cells or rows bring their group's
    /// fragments in front (`（四）无` + `1.本机关不掌握相关政府信息`), which a suffix comparison ignores.
    static func suffixSimilarity(_ text: [UInt32], _ label: [UInt32]) -> Double {
        guard !label.isEmpty, !text.isEmpty else { return 0 }
        var best = 0.0
        let low = max(1, label.count - 3)
        let high = min(text.count, label.count + 3)
        guard low <= high else { return similarity(text, label) }
        for length in low...high {
            let score = similarity(Array(text[(text.count - length)...]), label)
            if score > best { best = score }
        }
        return best
    }
}

/// What a table cell holds.
enum CellValue: Equatable {
    /// Empty, or a dash or slash printed for "nothing here".
    case blank(explicit: Bool)
    case number(ParsedNumber)
    case text

    var isValue: Bool {
        switch self {
        case .number: true
        case .blank(let explicit): explicit
        case .text: false
        }
    }

    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}

/// A number as printed in a cell, kept exact.
struct ParsedNumber: Equatable {
    /// Sign, digits and decimal point only (`-3`, `288.829`).
    var literal: String
    var unit: String?

    /// The whole number, or nil when it has a fractional part or does not fit.
    var integer: Int? {
        if let value = Int(literal) { return value }
        // `12.0` is still a whole number.
        if let dot = literal.firstIndex(of: "."), literal[literal.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            return Int(literal[..<dot])
        }
        return nil
    }

    var decimal: Decimal? { Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) }
}

extension CellValue {
    static let units = ["万元", "亿元", "元", "件", "个", "项", "条", "次", "人"]

    /// Classifies a cell from its matching key (see `LabelText.key`). NB: on UTF-8 bytes, for speed.
    static func classify(key: String) -> CellValue {
        if key.isEmpty { return .blank(explicit: false) }
        var key = key
        let number: CellValue? = key.withUTF8 { bytes in
            var i = 0
            var literal: [UInt8] = []
            if bytes[0] == 0x2D || bytes[0] == 0x2B {
                if bytes[0] == 0x2D { literal.append(0x2D) }
                i = 1
            } else if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x88, bytes[2] == 0x92 {  // U+2212 minus
                literal.append(0x2D)
                i = 3
            }
            var digits = 0
            var sawDot = false
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 {
                    literal.append(b)
                    digits += 1
                } else if b == 0x2C && digits > 0 && !sawDot {
                    // a thousands separator: 3,119
                } else if b == 0x2E && digits > 0 && !sawDot {
                    sawDot = true
                    literal.append(b)
                } else {
                    break
                }
                i += 1
            }
            guard digits > 0, literal.last != 0x2E else { return nil }
            let text = String(decoding: literal, as: UTF8.self)
            if i == bytes.count { return .number(ParsedNumber(literal: text, unit: nil)) }
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self)
            return units.contains(rest) ? .number(ParsedNumber(literal: text, unit: rest)) : .text
        }
        if let number { return number }
        if key.unicodeScalars.allSatisfy({ blankMarks.contains($0.value) }) { return .blank(explicit: true) }
        return .text
    }

    /// `—`, `-`, `/`, `－`, `——`, `─`, `–`: printed for an empty cell.
    private static let blankMarks: Set<UInt32> = [0x2014, 0x2D, 0x2F, 0x2013, 0x2500, 0x2012, 0x2015, 0x5C]
}

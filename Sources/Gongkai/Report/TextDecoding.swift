import Foundation

/// Why an input could not be read as an annual report at all.
public enum ReportReadError: Error, Equatable, CustomStringConvertible {
    case empty
    case binary(offset: Int)
    case undecodable
    case notAReport
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .empty:
            "the input is empty"
        case .binary(let offset):
            "the input is binary, not text (a NUL or control byte at offset \(offset)); expected a report as text or HTML"
        case .undecodable:
            "the input is neither UTF-8 nor GB18030/GBK text"
        case .notAReport:
            "no table 二, 三 or 四 of an annual report was found: the input is not a 政府信息公开工作年度报告, or it is truncated before its tables"
        case .invalidJSON(let why):
            "the input looks like JSON but is not a report in Gongkai's JSON: \(why)"
        }
    }
}

/// Bytes to text, as government sites serve it: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK.
public enum TextDecoding {
    /// Foundation's GB18030 encoding (a superset of GBK and GB2312).
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) throws(ReportReadError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: Data(bytes), encoding: .utf16), !text.isEmpty else {
                throw .undecodable
            }
            return text
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        if let offset = binaryOffset(bytes) { throw .binary(offset: offset) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // UTF-8 with a few damaged bytes stays UTF-8 (the damage becomes U+FFFD); GB18030 text read as UTF-8
        // is damage almost everywhere. NB: a file cut inside a character is one such damaged place.
        let lenient = String(decoding: bytes, as: UTF8.self)
        var damaged = 0
        var wide = 0
        for scalar in lenient.unicodeScalars where !scalar.isASCII {
            if scalar == "\u{FFFD}" { damaged += 1 } else { wide += 1 }
        }
        if damaged * 50 <= wide { return lenient }
        for cut in 0...3 where bytes.count > cut {
            if let text = String(data: Data(bytes.dropLast(cut)), encoding: gb18030) { return text }
        }
        throw .undecodable
    }

    /// The offset of the first byte that text never holds (NUL and most C0 controls), if any, in the first 64 KiB.
    private static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        for (offset, byte) in bytes.prefix(65_536).enumerated() where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
            default: return offset
            }
        }
        return nil
    }
}

import Foundation

/// The information-processing fee (信息处理费), 条例第四十二条 and 国办函〔2020〕109号《政府信息公开信息处理费管理办法》.
///
/// Charged only where an applicant's number or frequency of applications clearly exceeds a reasonable range, by one of
/// two progressive scales, never both on one application.
public enum InformationProcessingFee {
    /// One band of a scale and what it comes to.
    public struct Band: Sendable, Equatable, Codable {
        /// The first and last unit (application or page) of the band that this case reaches.
        public var from: Int
        public var to: Int
        public var units: Int
        /// 元 per unit.
        public var price: Int
        public var subtotal: Int
    }

    public enum Scale: String, Sendable, Codable {
        /// 按件计收: per applicant, per calendar month.
        case perApplication = "per-application"
        /// 按量计收: by the pages provided in one application.
        case perPage = "per-page"
    }

    public struct Charge: Sendable, Equatable, Codable {
        public var scale: Scale
        public var quantity: Int
        /// 元.
        public var total: Int
        public var bands: [Band]
        public var basis: String

        /// The scale's name as 国办函〔2020〕109号 calls it.
        public var scaleName: String { scale == .perApplication ? "按件计收" : "按量计收" }

        /// How the total is reached, band by band, in the words of a fee notice.
        public var breakdown: String {
            let unit = scale == .perApplication ? "件" : "页"
            let parts = bands.map { band in
                let range = band.from == band.to ? "第\(band.from)\(unit)" : "第\(band.from)—\(band.to)\(unit)"
                return band.price == 0 ? "\(range)不收费" : "\(range)\(band.units)\(unit)×\(band.price)元＝\(band.subtotal)元"
            }
            let counted = scale == .perApplication ? "本申请为申请人本自然月内向本机关提出的第\(quantity)件申请" : "本申请提供信息共\(quantity)页"
            return "\(counted)：\(parts.joined(separator: "；"))；合计\(total)元"
        }
    }

    /// The fee for one application that is its applicant's `ordinal`th to the agency in a calendar month (按件计收):
    /// the price of the band that application falls in, never the month's earlier ones again.
    public static func perApplication(ordinal: Int) -> Charge {
        let month = perApplication(max(ordinal, 1))
        let price = month.bands.last?.price ?? 0
        return Charge(
            scale: .perApplication, quantity: max(ordinal, 1), total: price,
            bands: [Band(from: max(ordinal, 1), to: max(ordinal, 1), units: 1, price: price, subtotal: price)], basis: month.basis)
    }

    /// The total for one applicant's `count`th application in a calendar month and all before it: 1–10 free, 11–30 at
    /// 100 元, and from the 31st each further band of 10 costs 100 元 more per application (31–40 at 200, 41–50 at 300…).
    public static func perApplication(_ count: Int) -> Charge {
        var bands: [Band] = []
        func add(_ from: Int, _ to: Int, _ price: Int) {
            guard count >= from else { return }
            let last = min(to, count)
            let units = last - from + 1
            bands.append(Band(from: from, to: last, units: units, price: price, subtotal: units * price))
        }
        add(1, 10, 0)
        add(11, 30, 100)
        var from = 31
        var price = 200
        while from <= count {
            add(from, from + 9, price)
            from += 10
            price += 100
        }
        return Charge(
            scale: .perApplication, quantity: count, total: bands.reduce(0) { $0 + $1.subtotal }, bands: bands,
            basis: "国办函〔2020〕109号 按件计收：同一申请人一个自然月内累计申请10件以下（含10件）不收费；11—30件的部分每件100元；31件以上的部分每增加10件，收费标准提高100元")
    }

    /// The fee for one application answered with `pages` pages: 1–30 free, 31–100 at 10 元, 101–200 at 20 元,
    /// above 200 at 40 元 a page.
    public static func perPage(_ pages: Int) -> Charge {
        var bands: [Band] = []
        for (from, to, price) in [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, Int.max, 40)] where pages >= from {
            let last = min(to, pages)
            let units = last - from + 1
            bands.append(Band(from: from, to: last, units: units, price: price, subtotal: units * price))
        }
        return Charge(
            scale: .perPage, quantity: pages, total: bands.reduce(0) { $0 + $1.subtotal }, bands: bands,
            basis: "国办函〔2020〕109号 按量计收：30页以下（含30页）不收费；31—100页的部分每页10元；101—200页的部分每页20元；200页以上的部分每页40元")
    }
}

/// A fee notice as the law lets it go out (第四十二条): staff's finding that this applicant's number or frequency of
/// applications clearly exceeds a reasonable range, the charge computed by one scale (never typed), and how to pay.
public struct FeeNotice: Sendable, Equatable {
    public var finding: String
    public var charge: InformationProcessingFee.Charge
    /// How to pay: the agency's payment details.
    public var payment: String

    public init(finding: String, charge: InformationProcessingFee.Charge, payment: String) {
        self.finding = finding
        self.charge = charge
        self.payment = payment
    }

    /// 元.
    public var amount: Decimal { Decimal(charge.total) }

    /// Why the notice may not go out, or nil: no finding (no fee is the rule), nothing to charge by the scales, or
    /// no word on how to pay.
    public var refusal: ApplicationRefusal? {
        if finding.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .feeWithoutFinding }
        if charge.total <= 0 { return .feeNotPositive }
        if payment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .feeWithoutPayment }
        return nil
    }
}

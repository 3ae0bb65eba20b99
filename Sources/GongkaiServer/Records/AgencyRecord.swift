import Fluent
import Foundation
import Gongkai

// Fluent records: they never leave this library (the API speaks DTOs, the views page models).

/// An agency: a government, a department, a subdistrict or town, or a community (a place for bulletin boards).
final class AgencyRecord: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    /// The organisation code (统一社会信用代码), stable: URLs, the API, the CLI and the 索引号 use it.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: AgencyKind
    @OptionalParent(key: "parent_id") var parent: AgencyRecord?
    // 第二十条（二）: the profile.
    @Field(key: "functions") var functions: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "address") var address: String
    @Field(key: "office_hours") var officeHours: String
    @Field(key: "phone") var phone: String
    @Field(key: "fax") var fax: String
    @Field(key: "email") var email: String
    @Field(key: "head_name") var headName: String
    // 第十二条: the disclosure guide.
    @Field(key: "guide") var guide: String
    @Field(key: "disclosure_office") var disclosureOffice: String
    @Field(key: "index_pattern") var indexPattern: String
    @Field(key: "position") var position: Int
    /// When the annual report is due, `MM-DD` of the next year; empty for the default of the agency's kind (第四十九条).
    @Field(key: "report_deadline") var reportDeadline: String
    /// How to pay the information-processing fee (account, payee, where): stated in every fee notice (第四十二条).
    @Field(key: "fee_payment") var feePayment: String
    /// Whether the time from a fee notice to payment is left out of the answer period.
    @Field(key: "fee_time_excluded") var feeTimeExcluded: Bool
    /// The 复议机关 the letters name; empty for the nearest 人民政府 above the agency.
    @Field(key: "reconsideration_body") var reconsiderationBody: String
    /// The 文号 of answers, `{year}` and `{seq}` filled in (e.g. 联芳信公复〔{year}〕{seq}号); empty: no 文号.
    @Field(key: "letter_number_pattern") var letterNumberPattern: String

    init() {}

    init(code: String, name: String, kind: AgencyKind, parentID: UUID?, position: Int = 0) {
        self.code = code
        self.name = name
        self.kind = kind
        self.$parent.id = parentID
        functions = ""
        organisation = ""
        address = ""
        officeHours = ""
        phone = ""
        fax = ""
        email = ""
        headName = ""
        guide = ""
        disclosureOffice = ""
        indexPattern = "{code}/{year}-{seq:5}"
        self.position = position
        reportDeadline = ""
        feePayment = ""
        feeTimeExcluded = true
        reconsiderationBody = ""
        letterNumberPattern = ""
    }
}

extension QueryBuilder where Model == AgencyRecord {
    /// The administrative agencies: those that answer applications and report yearly (a community does neither).
    func administrative() -> Self { filter(\.$kind ~~ AgencyKind.allCases.filter(\.reportsYearly)) }
}

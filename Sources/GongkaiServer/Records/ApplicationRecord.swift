import Fluent
import Foundation
import Gongkai

/// An application for disclosure (依申请公开). Personal data lives here and nowhere public.
final class ApplicationRecord: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    /// What the applicant quotes to look up the status: `{agency code}-{year}-{seq:5}`.
    @Field(key: "tracking_number") var trackingNumber: String
    /// SHA-256 of the secret given with the tracking number.
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "applicant_type") var applicantType: String
    @Field(key: "name") var name: String
    @Field(key: "id_type") var idType: String
    @Field(key: "id_number") var idNumber: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "info_title") var infoTitle: String
    @Field(key: "info_number") var infoNumber: String
    @Field(key: "info_description") var infoDescription: String
    /// The title's search terms, to find applications for the same information (第四十四条).
    @Field(key: "info_key") var infoKey: String
    /// paper, electronic.
    @Field(key: "form_wanted") var formWanted: String
    /// post, email, collect, online.
    @Field(key: "delivery") var delivery: String
    /// The `ReceiptChannel`: online, in-person, post, letter, fax.
    @Field(key: "channel") var channel: String
    @Field(key: "submitted_on") var submittedOn: String
    /// The day of receipt (第三十一条); nil until staff confirm an online application.
    @OptionalField(key: "received_on") var receivedOn: String?
    /// Stored as the `ApplicationStatus` raw value.
    @Field(key: "status") var status: ApplicationStatus
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalParent(key: "officer_id") var officer: StaffRecord?
    /// The table 三 row id of the result, and the format it was counted in.
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "result_format") var resultFormat: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "answer_detail") var answerDetail: String
    /// 部分公开: the information as the officer wrote it, withheld passages and all (staff only); `answerDetail` is the
    /// applicant's copy.
    @OptionalField(key: "provided_original") var providedOriginal: String?
    /// The fee noticed (元) and the day it was paid; the agency's fee setting when the notice went out.
    @OptionalField(key: "fee_amount") var feeAmount: Int?
    @OptionalField(key: "fee_paid_on") var feePaidOn: String?
    @Field(key: "fee_time_excluded") var feeTimeExcluded: Bool
    /// Made orally and written down by staff, the applicant confirming it (第二十九条).
    @Field(key: "oral") var oral: Bool
    /// Disclosure (第二十七条) or the correction of the applicant's own records (第四十一条).
    @Field(key: "kind") var kind: ApplicationKind
    /// The 文号 of the answer, once answered under an agency with a pattern.
    @Field(key: "letter_number") var letterNumber: String
    /// When the information this answer withheld is next assessed (第十八条); nil when nothing is withheld or the
    /// last assessment set no further date.
    @OptionalField(key: "reassess_on") var reassessOn: String?
    /// SHA-256 of the key of the form or API call it came from (`Applications.submit`); nil for older records.
    @OptionalField(key: "submission_key") var submissionKey: String?
    /// How many times the application has changed: a change is made only from the revision it was decided on
    /// (`Applications.claim`), and a form carries the revision its page showed.
    @Field(key: "revision") var revision: Int
    /// The catalogue item made from this answer (第四十四条), if any.
    @OptionalField(key: "published_item_id") var publishedItemID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

import Fluent
import Foundation

/// A catalogue item (政府信息) and its place in the review workflow.
final class ItemRecord: Model, @unchecked Sendable {
    static let schema = "items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Parent(key: "category_id") var category: CategoryRecord
    /// 索引号: given when the item is created, never changed.
    @Field(key: "index_number") var indexNumber: String
    @Field(key: "title") var title: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "issuing_agency") var issuingAgency: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    /// ISO dates.
    @Field(key: "written_on") var writtenOn: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "validity") var validity: String?
    /// A 规章 (table 二's own row) rather than a 规范性文件; marked by staff.
    @Field(key: "is_rule") var isRule: Bool
    /// On a new version: the `DocumentChange`, the day the information changed (第二十六条 counts from it) and the
    /// day the change takes effect.
    @OptionalField(key: "change_kind") var changeKind: String?
    @OptionalField(key: "changed_on") var changedOn: String?
    @OptionalField(key: "change_effective_on") var changeEffectiveOn: String?
    /// Comma-separated `PublicationChannel` values.
    @Field(key: "channels") var channels: String
    @Field(key: "bulletin_place") var bulletinPlace: String
    @OptionalField(key: "posting_from") var postingFrom: String?
    @OptionalField(key: "posting_to") var postingTo: String?
    /// For an interpretation (政策解读): the 索引号 of the policy it interprets.
    @OptionalField(key: "interprets") var interprets: String?
    @Field(key: "state") var state: String
    @OptionalField(key: "return_reason") var returnReason: String?
    @Parent(key: "drafted_by") var draftedBy: StaffRecord
    @OptionalParent(key: "approved_by") var approvedBy: StaffRecord?
    @Field(key: "version") var version: Int
    @OptionalParent(key: "supersedes_id") var supersedes: ItemRecord?
    /// Working days past 第二十六条's 20 (0 when on time or not yet published).
    @Field(key: "days_late") var daysLate: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

import Fluent
import Foundation

/// An administrative reconsideration or lawsuit over disclosure work (第五十一条), as table 四 counts them: about an
/// application, or about anything else the agency did (proactive disclosure, a complaint), said in `subject`.
final class ReviewCaseRecord: Model, @unchecked Sendable {
    static let schema = "review_cases"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "application_id") var application: ApplicationRecord?
    @Parent(key: "agency_id") var agency: AgencyRecord
    /// reconsideration, litigation-direct, litigation-after-reconsideration.
    @Field(key: "kind") var kind: String
    /// The reconsideration body or the court.
    @Field(key: "body") var body: String
    @Field(key: "filed_on") var filedOn: String
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// upheld, corrected, other, pending.
    @Field(key: "result") var result: String
    /// What the case is about, in words (empty for a case recorded from its application's page before 019).
    @Field(key: "subject") var subject: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

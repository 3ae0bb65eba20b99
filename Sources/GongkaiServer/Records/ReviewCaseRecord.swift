import Fluent
import Foundation

/// An administrative reconsideration or lawsuit about an application (第五十一条), as table 四 counts them.
final class ReviewCaseRecord: Model, @unchecked Sendable {
    static let schema = "review_cases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Parent(key: "agency_id") var agency: AgencyRecord
    /// reconsideration, litigation-direct, litigation-after-reconsideration.
    @Field(key: "kind") var kind: String
    /// The reconsideration body or the court.
    @Field(key: "body") var body: String
    @Field(key: "filed_on") var filedOn: String
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// upheld, corrected, other, pending.
    @Field(key: "result") var result: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

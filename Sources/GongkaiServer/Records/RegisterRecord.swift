import Fluent
import Foundation

/// One line of a table 二 register for an agency's year.
final class RegisterRecord: Model, @unchecked Sendable {
    static let schema = "registers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "year") var year: Int
    /// A `ReportFacts.RegisterKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "previous_count") var previousCount: Int
    @Field(key: "change") var change: Int
    @Field(key: "decisions") var decisions: Int
    @Field(key: "count") var count: Int
    /// 万元 as exact decimal text.
    @Field(key: "amount") var amount: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

import Fluent
import Foundation

/// An annual report of an agency's year: the draft (version 0) or a published version.
final class AnnualReportRecord: Model, @unchecked Sendable {
    static let schema = "annual_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "document") var document: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "published_by") var publishedBy: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

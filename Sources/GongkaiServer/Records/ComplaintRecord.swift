import Fluent
import Foundation

/// A complaint or report about an agency's disclosure work, and how it was handled.
final class ComplaintRecord: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "number") var number: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "content") var content: String
    /// Optional; never shown publicly.
    @Field(key: "name") var name: String
    @Field(key: "contact") var contact: String
    @Field(key: "handling") var handling: String
    @OptionalField(key: "handled_on") var handledOn: String?
    @OptionalField(key: "handled_by") var handledBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

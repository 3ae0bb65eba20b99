import Fluent
import Foundation

/// A training of disclosure staff (第四十七条、第四十八条).
final class TrainingRecord: Model, @unchecked Sendable {
    static let schema = "trainings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "held_on") var heldOn: String
    @Field(key: "topic") var topic: String
    @Field(key: "attendees") var attendees: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

import Fluent
import Foundation

/// A letter: a draft until sent, then frozen exactly as sent.
final class LetterRecord: Model, @unchecked Sendable {
    static let schema = "letters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// The 文号 (an answer's, from the agency's pattern); empty for letters without one.
    @Field(key: "number") var number: String
    @OptionalField(key: "sent_on") var sentOn: String?
    @OptionalField(key: "sent_by") var sentBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

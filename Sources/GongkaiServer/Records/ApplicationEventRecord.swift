import Fluent
import Foundation

/// One step of an application's history: a clock event, a letter sent, a note, a notification.
final class ApplicationEventRecord: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    /// A `ClockEvent.Kind`, or `submitted`, `confirmed`, `letter`, `notified`, `note`, `review`.
    @Field(key: "kind") var kind: String
    @Field(key: "date") var date: String
    @OptionalField(key: "days") var days: Int?
    /// For `deferred`: the day the answer is put off to.
    @OptionalField(key: "until") var until: String?
    @Field(key: "actor") var actor: String
    @Field(key: "detail") var detail: String
    @Field(key: "seq") var seq: Int
    @Timestamp(key: "at", on: .create) var at: Date?

    init() {}

    init(
        applicationID: UUID, kind: String, date: String, days: Int? = nil, until: String? = nil, actor: String, detail: String, seq: Int
    ) {
        self.$application.id = applicationID
        self.kind = kind
        self.date = date
        self.days = days
        self.until = until
        self.actor = actor
        self.detail = detail
        self.seq = seq
    }
}

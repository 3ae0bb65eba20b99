import Fluent
import Foundation

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
    /// submitted (awaiting confirmation), open, paused, answered, withdrawn, abandoned.
    @Field(key: "status") var status: String
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalParent(key: "officer_id") var officer: StaffRecord?
    /// The table 三 row id of the result, and the format it was counted in.
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "result_format") var resultFormat: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "answer_detail") var answerDetail: String
    /// The catalogue item made from this answer (第四十四条), if any.
    @OptionalField(key: "published_item_id") var publishedItemID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One step of an application's history: a clock event, a letter sent, a note, a notification.
final class ApplicationEventRecord: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    /// A `ClockEvent.Kind`, or `submitted`, `confirmed`, `letter`, `notified`, `note`, `review`.
    @Field(key: "kind") var kind: String
    @Field(key: "date") var date: String
    @OptionalField(key: "days") var days: Int?
    @Field(key: "actor") var actor: String
    @Field(key: "detail") var detail: String
    @Field(key: "seq") var seq: Int
    @Timestamp(key: "at", on: .create) var at: Date?

    init() {}

    init(applicationID: UUID, kind: String, date: String, days: Int? = nil, actor: String, detail: String, seq: Int) {
        self.$application.id = applicationID
        self.kind = kind
        self.date = date
        self.days = days
        self.actor = actor
        self.detail = detail
        self.seq = seq
    }
}

/// A letter: a draft until sent, then frozen exactly as sent.
final class LetterRecord: Model, @unchecked Sendable {
    static let schema = "letters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "sent_on") var sentOn: String?
    @OptionalField(key: "sent_by") var sentBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

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

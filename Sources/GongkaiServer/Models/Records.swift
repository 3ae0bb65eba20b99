import Fluent
import Foundation

// Fluent records: they never leave this library (the API speaks DTOs, the views page models).

/// An agency: a government, a department, a subdistrict or town, or a community (a place for bulletin boards).
final class AgencyRecord: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    /// The organisation code (统一社会信用代码), stable: URLs, the API, the CLI and the 索引号 use it.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// district-government, department, subdistrict, town, community.
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: AgencyRecord?
    // 第二十条（二）: the profile.
    @Field(key: "functions") var functions: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "address") var address: String
    @Field(key: "office_hours") var officeHours: String
    @Field(key: "phone") var phone: String
    @Field(key: "fax") var fax: String
    @Field(key: "email") var email: String
    @Field(key: "head_name") var headName: String
    // 第十二条: the disclosure guide.
    @Field(key: "guide") var guide: String
    @Field(key: "disclosure_office") var disclosureOffice: String
    @Field(key: "index_pattern") var indexPattern: String
    @Field(key: "position") var position: Int
    /// When the annual report is due, `MM-DD` of the next year; empty for the default of the agency's kind (第四十九条).
    @Field(key: "report_deadline") var reportDeadline: String

    init() {}

    init(code: String, name: String, kind: String, parentID: UUID?, position: Int = 0) {
        self.code = code
        self.name = name
        self.kind = kind
        self.$parent.id = parentID
        functions = ""
        organisation = ""
        address = ""
        officeHours = ""
        phone = ""
        fax = ""
        email = ""
        headName = ""
        guide = ""
        disclosureOffice = ""
        indexPattern = "{code}/{year}-{seq:5}"
        self.position = position
        reportDeadline = ""
    }
}

/// A category of an agency's catalogue (公开目录), seeded with the kinds of 第二十条.
final class CategoryRecord: Model, @unchecked Sendable {
    static let schema = "categories"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @OptionalParent(key: "parent_id") var parent: CategoryRecord?
    @Field(key: "name") var name: String
    /// The article the kind comes from, e.g. 第二十条第（一）项.
    @Field(key: "article") var article: String
    @Field(key: "position") var position: Int

    init() {}

    init(agencyID: UUID, name: String, article: String, position: Int, parentID: UUID? = nil) {
        self.$agency.id = agencyID
        self.$parent.id = parentID
        self.name = name
        self.article = article
        self.position = position
    }
}

/// A member of staff.
final class StaffRecord: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The agency the account works for; for a supervisor, the agency whose subordinates it reads.
    @OptionalParent(key: "agency_id") var agency: AgencyRecord?
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// SHA-256 of the API token, for staff tooling; nil when none was issued.
    @OptionalField(key: "token_hash") var tokenHash: String?

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: String, agencyID: UUID?) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$agency.id = agencyID
        failedLogins = 0
    }
}

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
    /// Comma-separated `PublicationChannel` values.
    @Field(key: "channels") var channels: String
    @Field(key: "bulletin_place") var bulletinPlace: String
    @OptionalField(key: "posting_from") var postingFrom: String?
    @OptionalField(key: "posting_to") var postingTo: String?
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

/// A published version, kept readable after it is withdrawn or superseded.
final class ItemVersionRecord: Model, @unchecked Sendable {
    static let schema = "item_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: ItemRecord
    @Field(key: "version") var version: Int
    @Field(key: "published_on") var publishedOn: String
    /// The item as published, as JSON (`ItemDTO`).
    @Field(key: "snapshot") var snapshot: String

    init() {}
}

/// A file attached to an item, stored in the database so several app servers share it.
final class AttachmentRecord: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: ItemRecord
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data

    init() {}
}

/// One line of the append-only audit log.
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "agency_code") var agencyCode: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?

    init() {}

    init(actor: String, action: String, entity: String, entityID: String, agencyCode: String?, before: String?, after: String?) {
        at = Date()
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.agencyCode = agencyCode
        self.before = before
        self.after = after
    }
}

/// The next 索引号 sequence of an agency for a year.
final class IndexCounterRecord: Model, @unchecked Sendable {
    static let schema = "index_counters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "year") var year: Int
    @Field(key: "next") var next: Int

    init() {}
}

import Fluent
import Foundation

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
    /// The entry's place in the hash chain (`AuditChain`), from 1.
    @Field(key: "seq") var seq: Int
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

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

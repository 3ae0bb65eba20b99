import Fluent
import Foundation

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

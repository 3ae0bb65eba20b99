import Fluent
import Foundation

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

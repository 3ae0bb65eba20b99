import Fluent
import Foundation

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

import Fluent
import Foundation

/// The next 索引号 sequence of an agency for a year.
final class IndexCounterRecord: Model, @unchecked Sendable {
    static let schema = "index_counters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyRecord
    @Field(key: "year") var year: Int
    @Field(key: "next") var next: Int

    init() {}
}

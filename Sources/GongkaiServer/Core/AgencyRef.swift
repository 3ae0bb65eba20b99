/// An agency as a page names and links it: its code and its name (page models carry this, never the record).
struct AgencyRef: Sendable, Equatable {
    var code: String
    var name: String
}

extension AgencyRef {
    init(_ record: AgencyRecord) { (code, name) = (record.code, record.name) }
}

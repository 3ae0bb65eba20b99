import Foundation
import Gongkai
import Vapor

// What leaves the server: the JSON API and the views speak these, never Fluent records.

struct AgencyDTO: Content, Equatable {
    var code: String
    var name: String
    var kind: AgencyKind
    var parentCode: String?
    var functions: String
    var organisation: String
    var address: String
    var officeHours: String
    var phone: String
    var fax: String
    var email: String
    var headName: String
    var guide: String
    var disclosureOffice: String
}

struct CategoryDTO: Content, Equatable {
    var id: UUID
    var name: String
    var article: String
    var parentID: UUID?
}

struct ItemDTO: Content, Equatable {
    var id: UUID
    var agencyCode: String
    var agencyName: String
    var indexNumber: String
    var categoryID: UUID
    var categoryName: String
    var title: String
    var documentNumber: String
    var issuingAgency: String
    var summary: String
    var body: String
    var writtenOn: String
    var publishedOn: String?
    var validity: String?
    var channels: [String]
    var bulletinPlace: String
    var postingFrom: String?
    var postingTo: String?
    var state: String
    var version: Int
    /// 第二十六条: working days published past the 20 allowed (0 when on time).
    var daysLate: Int
    /// 政策解读: the 索引号 of the policy this item interprets.
    var interprets: String? = nil
    /// On one item's answer only: the published policy it interprets, and the published 解读 of it.
    var policy: ItemRef? = nil
    var interpretations: [ItemRef]? = nil
}

/// Another item named by an item (a policy and its 解读), with its page on the portal.
struct ItemRef: Content, Equatable {
    var id: UUID
    var agencyCode: String
    var indexNumber: String
    var title: String
    var url: String
}

/// A page of a list.
struct ListPage<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
    /// True when `total` stopped counting at its limit (a search too broad to page through).
    var totalIsCapped: Bool = false
}

struct SearchHitDTO: Content {
    var item: ItemDTO
    /// A short passage around the first match, plain text.
    var snippet: String
}

extension AgencyRecord {
    func dto(parentCode: String?) -> AgencyDTO {
        AgencyDTO(
            code: code, name: name, kind: kind, parentCode: parentCode, functions: functions, organisation: organisation,
            address: address, officeHours: officeHours, phone: phone, fax: fax, email: email, headName: headName,
            guide: guide, disclosureOffice: disclosureOffice)
    }
}

extension CategoryRecord {
    var dto: CategoryDTO { CategoryDTO(id: id!, name: name, article: article, parentID: $parent.id) }
}

extension ItemRecord {
    func dto(agency: AgencyRecord, category: CategoryRecord) -> ItemDTO {
        ItemDTO(
            id: id!, agencyCode: agency.code, agencyName: agency.name, indexNumber: indexNumber, categoryID: category.id!,
            categoryName: category.name, title: title, documentNumber: documentNumber, issuingAgency: issuingAgency,
            summary: summary, body: body, writtenOn: writtenOn, publishedOn: publishedOn, validity: validity,
            channels: channels.split(separator: ",").map(String.init), bulletinPlace: bulletinPlace,
            postingFrom: postingFrom, postingTo: postingTo, state: state, version: version, daysLate: daysLate, interprets: interprets)
    }
}

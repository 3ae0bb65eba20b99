import Fluent
import Gongkai
import SQLKit
import Vapor

/// The catalogue's queries and changes, beside the handlers that call them.
struct Catalogue {
    let db: any Database
    let calendar: WorkdayCalendar

    static let perPage = 20

    /// How many items each catalogue list holds, kept for a little while: counting an agency's 170,000 items on every
    /// page view is most of a page's cost. Emptied here on every publication change; another app server's copy is
    /// at most `ttl` old.
    static let listCounts = ExpiringCache<Int>(ttl: 30)

    // MARK: Reading

    func agency(code: String) async throws -> AgencyRecord {
        guard let agency = try await AgencyRecord.query(on: db).filter(\.$code == code).first() else {
            throw Refused(.notFound, .noAgencyCoded, code)
        }
        return agency
    }

    func agencyDTO(_ agency: AgencyRecord) async throws -> AgencyDTO {
        var parentCode: String?
        if let parentID = agency.$parent.id { parentCode = try await AgencyRecord.find(parentID, on: db)?.code }
        return agency.dto(parentCode: parentCode)
    }

    func categories(of agency: AgencyRecord) async throws -> [CategoryRecord] {
        try await CategoryRecord.query(on: db).filter(\.$agency.$id == agency.requireID()).sort(\.$position).all()
    }

    /// Published items, newest first, optionally of one agency, category and year. With `counted` false the total
    /// is not computed (a preview of the latest items needs none).
    func published(
        agency: UUID?, category: UUID?, year: Int?, page: Int, perPage: Int = perPage, counted: Bool = true
    ) async throws -> ListPage<ItemDTO> {
        var query = ItemRecord.query(on: db).filter(\.$state == PublicationState.published.rawValue)
        var conditions: [SQLQueryString] = ["state = \(bind: PublicationState.published.rawValue)"]
        if let agency {
            query = query.filter(\.$agency.$id == agency)
            conditions.append("agency_id = \(bind: agency)")
        }
        if let category {
            query = query.filter(\.$category.$id == category)
            conditions.append("category_id = \(bind: category)")
        }
        if let year {
            let (from, to) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
            query = query.filter(\.$publishedOn >= from).filter(\.$publishedOn <= to)
            conditions.append("published_on >= \(bind: from) AND published_on <= \(bind: to)")
        }
        var total = 0
        let key = "\(agency?.uuidString ?? "*")|\(category?.uuidString ?? "*")|\(year.map(String.init) ?? "*")"
        if counted, let cached = Self.listCounts.value(key) {
            total = cached
        } else if counted, let sql = db as? any SQLDatabase {
            // NB: COUNT(*), not Fluent's COUNT(id): the index covers (agency_id, state, published_on, index_number)
            // but not id, and counting ids reads every row of the table.
            let whereClause = conditions.dropFirst().reduce(conditions[0]) { "\($0) AND \($1)" }
            struct Count: Decodable { var n: Int }
            total = try await sql.raw("SELECT COUNT(*) AS n FROM items WHERE \(whereClause)").first(decoding: Count.self)?.n ?? 0
            Self.listCounts.store(total, for: key)
        }
        // NB: handlers pass a page within `ParameterBounds.page`; clamped again so that no caller can overflow the offset.
        let page = min(max(page, 1), ParameterBounds.page.upperBound)
        let records = try await query.sort(\.$publishedOn, .descending).sort(\.$indexNumber, .descending)
            .range(((page - 1) * perPage)..<(page * perPage))
            .with(\.$agency).with(\.$category).all()
        return ListPage(
            items: records.map { $0.dto(agency: $0.agency, category: $0.category) }, page: page, perPage: perPage,
            total: counted ? total : records.count)
    }

    func item(_ id: UUID) async throws -> ItemRecord {
        guard let item = try await ItemRecord.query(on: db).filter(\.$id == id).with(\.$agency).with(\.$category).first() else {
            throw Refused(.notFound, .noItemNumbered, id.uuidString)
        }
        return item
    }

    /// Public notices (公示) whose posting period includes `today`, of one agency or (nil) of all.
    func notices(agency: UUID?, today: Day) async throws -> [ItemDTO] {
        var query = ItemRecord.query(on: db)
        if let agency { query = query.filter(\.$agency.$id == agency) }
        let records = try await query.filter(\.$state == PublicationState.published.rawValue)
            .filter(\.$postingFrom <= today.iso).filter(\.$postingTo >= today.iso)
            .sort(\.$postingTo).with(\.$agency).with(\.$category).all()
        return records.map { $0.dto(agency: $0.agency, category: $0.category) }
    }

    /// Published items matching `text` in title or 文号, then in summary or body, newest first within each
    /// (see `SearchIndex`): one- and two-character Chinese queries (低保) work on SQLite and PostgreSQL alike.
    func search(_ text: String, agency: UUID?, category: UUID?, year: Int?, page: Int) async throws -> ListPage<SearchHitDTO> {
        let term = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !term.isEmpty, let sql = db as? any SQLDatabase else {
            return ListPage(items: [], page: 1, perPage: Self.perPage, total: 0)
        }
        let page = min(max(page, 1), SearchIndex.countLimit / Self.perPage)
        let result = try await SearchIndex(sql: sql).search(
            term, filters: .init(agency: agency, category: category, year: year), offset: (page - 1) * Self.perPage, limit: Self.perPage)
        let ids = result.itemIDs
        let records = ids.isEmpty ? [] : try await ItemRecord.query(on: db).filter(\.$id ~~ ids).with(\.$agency).with(\.$category).all()
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0) })
        let hits = ids.compactMap { byID[$0] }.map { record in
            SearchHitDTO(item: record.dto(agency: record.agency, category: record.category), snippet: Self.snippet(record, term))
        }
        return ListPage(items: hits, page: page, perPage: Self.perPage, total: result.total, totalIsCapped: result.capped)
    }

    static func snippet(_ item: ItemRecord, _ term: String) -> String {
        for text in [item.summary, item.body] {
            guard let range = text.range(of: term, options: .caseInsensitive) else { continue }
            let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
            return (start > text.startIndex ? "…" : "") + text[start..<end].replacingOccurrences(of: "\n", with: " ")
                + (end < text.endIndex ? "…" : "")
        }
        return String(item.summary.prefix(90))
    }

    // MARK: Changing

    /// What staff type for an item.
    struct ItemInput: Content {
        var categoryID: UUID
        var title: String
        var documentNumber: String?
        var issuingAgency: String?
        var summary: String?
        var body: String
        var writtenOn: String
        var validity: String?
        /// "on" for a 规章.
        var isRule: String?
        /// A new version only: the `DocumentChange` (normative documents), the day the information changed and the
        /// day the change takes effect (that day when left empty).
        var changeKind: String?
        var changedOn: String?
        var changeEffectiveOn: String?
        var channels: [String]?
        var bulletinPlace: String?
        var postingFrom: String?
        var postingTo: String?
        /// For an interpretation (政策解读): the 索引号 of the published policy it interprets. The form only: the API's
        /// item does not carry it yet.
        var interprets: String?

        /// The 索引号 an interpretation names, trimmed; nil when none is given.
        var interpretsIndex: String? { interprets.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }

        /// What is wrong with a day an item carries (changed, in force, posted): none lies before the People's Republic
        /// (old documents still in force are published) or past the years the clock knows.
        static func outOfRange(_ day: Day) -> Said? {
            (Day.earliestDocument...Day.latestDate).contains(day)
                ? nil : UIText.dayOutOfRange.said(Day.earliestDocument.iso, Day.latestDate.iso, day.iso)
        }

        /// Field name → what is wrong, for the form to show beside each field.
        func problems(categories: [UUID], newVersion: Bool = false) -> [String: Said] {
            var problems: [String: Said] = [:]
            if newVersion {
                // 第二十六条 counts a changed item's 20 working days from the change, so the change has a day.
                let changed = (changedOn ?? "").trimmingCharacters(in: .whitespaces)
                if let day = Day(iso: changed) {
                    if let problem = Self.outOfRange(day) { problems["changedOn"] = problem }
                } else {
                    problems["changedOn"] = UIText.changedOnNeeded.said()
                }
                let effective = (changeEffectiveOn ?? "").trimmingCharacters(in: .whitespaces)
                if !effective.isEmpty {
                    if let day = Day(iso: effective) {
                        if let problem = Self.outOfRange(day) { problems["changeEffectiveOn"] = problem }
                    } else {
                        problems["changeEffectiveOn"] = UIText.changeEffectiveFormat.said()
                    }
                }
                let kind = (changeKind ?? "").trimmingCharacters(in: .whitespaces)
                if !kind.isEmpty {
                    if DocumentChange(rawValue: kind) == nil {
                        problems["changeKind"] = UIText.changeKindProblem.said()
                    } else if (validity ?? "").isEmpty {
                        problems["changeKind"] = UIText.changeKindNeedsValidity.said()
                    }
                }
            }
            if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems["title"] = UIText.titleNeeded.said() }
            if title.count > 300 { problems["title"] = UIText.titleLength.said() }
            if !categories.contains(categoryID) { problems["categoryID"] = UIText.categoryNeeded.said() }
            if let day = Day(iso: writtenOn) {
                if !(Day.earliestDocument...Day.latestDate).contains(day) {
                    problems["writtenOn"] = UIText.writtenOnRange.said(Day.earliestDocument.iso, Day.latestDate.iso)
                }
            } else {
                problems["writtenOn"] = UIText.writtenOnFormat.said()
            }
            if let validity, !validity.isEmpty, Validity(rawValue: validity) == nil { problems["validity"] = UIText.validityProblem.said() }
            for channel in channels ?? [] where PublicationChannel(rawValue: channel) == nil {
                problems["channels"] = UIText.unknownChannel.said(channel)
            }
            if (channels ?? []).contains(PublicationChannel.bulletinBoard.rawValue),
                (bulletinPlace ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            {
                problems["bulletinPlace"] = UIText.bulletinPlaceNeeded.said()
            }
            let from = postingFrom.flatMap { $0.isEmpty ? nil : $0 }
            let to = postingTo.flatMap { $0.isEmpty ? nil : $0 }
            if (from == nil) != (to == nil) { problems["postingTo"] = UIText.postingBoth.said() }
            if let from {
                if let day = Day(iso: from) {
                    if let problem = Self.outOfRange(day) { problems["postingFrom"] = problem }
                } else {
                    problems["postingFrom"] = UIText.postingFromFormat.said()
                }
            }
            if let to {
                if let day = Day(iso: to) {
                    if let problem = Self.outOfRange(day) { problems["postingTo"] = problem }
                } else {
                    problems["postingTo"] = UIText.postingToFormat.said()
                }
            }
            if let from = from.flatMap(Day.init(iso:)), let to = to.flatMap(Day.init(iso:)), to < from {
                problems["postingTo"] = UIText.postingOrder.said()
            }
            return problems
        }
    }

    /// A review step the workflow does not allow now (第十七条); nothing was changed.
    /// A step of the review refused (409).
    struct ReviewRefused: SaidError {
        var refusal: ReviewRefusal
        var status: HTTPResponseStatus { .conflict }
        var said: Said { refusal.said }
    }

    typealias InvalidInput = InvalidFields

    /// A new draft with its 索引号, which never changes afterwards.
    func createDraft(_ input: ItemInput, agency: AgencyRecord, by user: StaffUser) async throws -> ItemRecord {
        let categoryIDs = try await categories(of: agency).compactMap(\.id)
        let problems = input.problems(categories: categoryIDs).merging(try await interpretsProblem(input, indexNumber: nil)) { a, _ in a }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        let agencyID = try agency.requireID()
        guard let year = Day(iso: input.writtenOn)?.year else { throw InvalidInput(problems: ["writtenOn": UIText.writtenOnFormat.said()]) }
        return try await db.transaction { db in
            let sequence = try await Counters.next(.indexNumbers, agency: agencyID, year: year, on: db)
            let item = ItemRecord()
            item.$agency.id = agencyID
            item.indexNumber = IndexNumber.make(pattern: agency.indexPattern, code: agency.code, year: year, sequence: sequence)
            // NB: the version first: `apply` reads it (a new version records its change).
            item.version = 1
            apply(input, to: item, agency: agency)
            item.state = PublicationState.draft.rawValue
            item.$draftedBy.id = user.id
            item.daysLate = 0
            try await item.save(on: db)
            try await Audit.record(.create, .item, id: item.id!.uuidString, agency: agency.code, by: user.username, after: Audit.json(item), on: db)
            return item
        }
    }

    func update(_ item: ItemRecord, with input: ItemInput, agency: AgencyRecord, by user: StaffUser) async throws {
        guard [PublicationState.draft.rawValue, PublicationState.returned.rawValue].contains(item.state) else {
            throw Refused(.conflict, .onlyDraftsEdited, PublicationState(rawValue: item.state)?.label ?? item.state)
        }
        let categoryIDs = try await categories(of: agency).compactMap(\.id)
        let problems = input.problems(categories: categoryIDs, newVersion: item.version > 1)
            .merging(try await interpretsProblem(input, indexNumber: item.indexNumber)) { a, _ in a }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        let before = Audit.json(item)
        apply(input, to: item, agency: agency)
        try await db.transaction { db in
            try await item.save(on: db)
            try await Audit.record(
                .update, .item, id: item.id!.uuidString, agency: agency.code, by: user.username, before: before, after: Audit.json(item), on: db)
        }
    }

    private func apply(_ input: ItemInput, to item: ItemRecord, agency: AgencyRecord) {
        item.$category.id = input.categoryID
        item.title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        item.documentNumber = input.documentNumber?.trimmingCharacters(in: .whitespaces) ?? ""
        item.issuingAgency = input.issuingAgency.flatMap { $0.isEmpty ? nil : $0 } ?? agency.name
        item.summary = input.summary ?? ""
        item.body = input.body
        item.writtenOn = input.writtenOn
        item.validity = input.validity.flatMap { $0.isEmpty ? nil : $0 }
        item.isRule = item.validity != nil && input.isRule == "on"
        if item.version > 1 {
            func day(_ text: String?) -> String? { text.flatMap { Day(iso: $0.trimmingCharacters(in: .whitespaces))?.iso } }
            item.changeKind = item.validity == nil ? nil : input.changeKind.flatMap(DocumentChange.init(rawValue:))?.rawValue
            item.changedOn = day(input.changedOn)
            item.changeEffectiveOn = day(input.changeEffectiveOn) ?? item.changedOn
            // A repeal ends the document's force; the validity says so.
            if item.changeKind == DocumentChange.repealed.rawValue { item.validity = Validity.repealed.rawValue }
        }
        item.channels = (input.channels ?? [PublicationChannel.website.rawValue]).joined(separator: ",")
        item.bulletinPlace = input.bulletinPlace ?? ""
        item.postingFrom = input.postingFrom.flatMap { $0.isEmpty ? nil : $0 }
        item.postingTo = input.postingTo.flatMap { $0.isEmpty ? nil : $0 }
        item.interprets = input.interpretsIndex
    }

    /// What is wrong with the policy an interpretation names: it must be published information, and not itself.
    func interpretsProblem(_ input: ItemInput, indexNumber: String?) async throws -> [String: Said] {
        guard let index = input.interpretsIndex else { return [:] }
        if index == indexNumber { return ["interprets": UIText.interpretsItself.said()] }
        let found = try await ItemRecord.query(on: db).filter(\.$indexNumber == index).filter(\.$state == PublicationState.published.rawValue).count()
        return found == 0 ? ["interprets": UIText.interpretsNoSuchPolicy.said(index.prefix(100))] : [:]
    }

    /// The published policy an item interprets, and the published interpretations of it (at most 20, oldest first).
    func interpretations(of item: ItemRecord) async throws -> (policy: ItemRecord?, readings: [ItemRecord]) {
        let policy =
            try await item.interprets.asyncMap { index in
                try await ItemRecord.query(on: db).filter(\.$indexNumber == index).filter(\.$state == PublicationState.published.rawValue)
                    .with(\.$agency).first()
            } ?? nil
        let readings = try await ItemRecord.query(on: db).filter(\.$interprets == item.indexNumber)
            .filter(\.$state == PublicationState.published.rawValue).with(\.$agency).sort(\.$publishedOn).limit(20).all()
        return (policy, readings)
    }

    /// A move in the review workflow (第十七条), recorded in the audit log; publishing keeps the version readable.
    func act(_ action: ReviewAction, on item: ItemRecord, by user: StaffUser, reason: String?, confirmedReview: Bool, today: Day) async throws {
        guard let state = PublicationState(rawValue: item.state) else {
            throw Refused(.internalServerError, .unknownItemState, item.indexNumber, item.state)
        }
        let next: PublicationState
        do {
            next = try ReviewWorkflow.next(
                from: state, action: action, role: user.role, actorIsDrafter: item.$draftedBy.id == user.id,
                confirmedReview: confirmedReview, reason: reason)
        } catch {
            throw ReviewRefused(refusal: error)
        }
        let before = Audit.json(item)
        item.state = next.rawValue
        switch action {
        case .return: item.returnReason = reason
        case .approve: item.$approvedBy.id = user.id
        case .publish:
            item.publishedOn = today.iso
            // 第二十六条: 20 working days from the day the information was made — or, for a new version, changed.
            let created = item.version > 1 ? item.changedOn.flatMap(Day.init(iso:)) : Day(iso: item.writtenOn)
            if let created {
                item.daysLate = PublicationDeadline.daysLate(created: created, published: today, calendar: calendar)
            }
        default: break
        }
        let agencyCode = item.$agency.value?.code
        try await db.transaction { db in
            try await item.save(on: db)
            if action == .publish, let oldID = item.$supersedes.id, let old = try await ItemRecord.find(oldID, on: db),
                old.state == PublicationState.published.rawValue
            {
                let beforeOld = Audit.json(old)
                old.state = PublicationState.superseded.rawValue
                try await old.save(on: db)
                try await Audit.record(
                    .supersede, .item, id: oldID.uuidString, agency: agencyCode, by: user.username, before: beforeOld, after: Audit.json(old), on: db)
                if let sql = db as? any SQLDatabase { try await SearchIndex(sql: sql).remove(itemID: oldID) }
            }
            if let sql = db as? any SQLDatabase {
                if action == .publish { try await SearchIndex(sql: sql).add([SearchIndex.Document(item)]) }
                if state == .published, next != .published { try await SearchIndex(sql: sql).remove(itemID: item.requireID()) }
            }
            if action == .publish {
                let version = ItemVersionRecord()
                version.$item.id = item.id!
                version.version = item.version
                version.publishedOn = today.iso
                version.snapshot = Audit.json(item) ?? "{}"
                try await version.save(on: db)
            }
            try await Audit.record(
                .init(action), .item, id: item.id!.uuidString, agency: agencyCode, by: user.username, before: before, after: Audit.json(item), on: db)
        }
        if action == .publish || action == .withdraw { Self.listCounts.removeAll() }
    }
}

extension Catalogue {
    /// 附件: what an attachment may be.
    static let attachmentTypes: [String: String] = [
        "pdf": "application/pdf", "ofd": "application/ofd", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "wps": "application/vnd.ms-works",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "zip": "application/zip", "txt": "text/plain",
    ]
    static let attachmentMaxBytes = 20 * 1024 * 1024

    /// Attaches a file to a draft, refusing types and sizes the portal does not serve.
    func attach(filename: String, data: Data, to item: ItemRecord, by user: StaffUser) async throws -> AttachmentRecord {
        guard [PublicationState.draft.rawValue, PublicationState.returned.rawValue].contains(item.state) else {
            throw Refused(.conflict, .onlyDraftsAttach, PublicationState(rawValue: item.state)?.label ?? item.state)
        }
        let name = (filename as NSString).lastPathComponent.trimmingCharacters(in: .whitespaces)
        let ext = (name as NSString).pathExtension.lowercased()
        guard !name.isEmpty, let type = Self.attachmentTypes[ext] else {
            throw Refused(.unsupportedMediaType, .fileTypeRefused, name, Self.attachmentTypes.keys.sorted().joined(separator: "、"))
        }
        guard !data.isEmpty else { throw Refused(.badRequest, .emptyFile, name) }
        guard data.count <= Self.attachmentMaxBytes else {
            throw Refused(.payloadTooLarge, .attachmentTooLarge, name, ByteCount.describe(data.count), ByteCount.describe(Self.attachmentMaxBytes))
        }
        let attachment = AttachmentRecord()
        attachment.$item.id = try item.requireID()
        attachment.filename = name
        attachment.contentType = type
        attachment.size = data.count
        attachment.sha256 = SHA256.hash(data: data).hex
        attachment.data = data
        try await db.transaction { db in
            try await attachment.create(on: db)
            try await Audit.record(
                .attach, .item, id: item.id!.uuidString, agency: item.$agency.value?.code, by: user.username,
                after: Audit.json(["attachment": name, "sha256": attachment.sha256, "size": String(data.count)]), on: db)
        }
        return attachment
    }

    /// A new version of a published item: a draft with the same 索引号 that, once published, supersedes it.
    func newVersion(of item: ItemRecord, by user: StaffUser) async throws -> ItemRecord {
        guard item.state == PublicationState.published.rawValue else {
            throw Refused(.conflict, .onlyPublishedRevised)
        }
        if try await ItemRecord.query(on: db).filter(\.$supersedes.$id == item.id!).filter(\.$state != PublicationState.withdrawn.rawValue).first()
            != nil
        {
            throw Refused(.conflict, .versionInPreparation)
        }
        let next = ItemRecord()
        next.$agency.id = item.$agency.id
        next.$category.id = item.$category.id
        next.indexNumber = item.indexNumber
        next.title = item.title
        next.documentNumber = item.documentNumber
        next.issuingAgency = item.issuingAgency
        next.summary = item.summary
        next.body = item.body
        next.writtenOn = item.writtenOn
        next.validity = item.validity
        next.isRule = item.isRule
        next.channels = item.channels
        next.bulletinPlace = item.bulletinPlace
        next.postingFrom = item.postingFrom
        next.postingTo = item.postingTo
        next.interprets = item.interprets
        next.state = PublicationState.draft.rawValue
        next.$draftedBy.id = user.id
        next.version = item.version + 1
        next.$supersedes.id = item.id
        next.daysLate = 0
        try await db.transaction { db in
            try await next.create(on: db)
            try await Audit.record(
                .newVersion, .item, id: next.id!.uuidString, agency: item.$agency.value?.code, by: user.username, after: Audit.json(next), on: db)
        }
        return next
    }
}

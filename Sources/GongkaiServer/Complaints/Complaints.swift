import Fluent
import Foundation
import Gongkai
import Vapor

/// 投诉举报 (第四十七条、第五十一条): anyone may complain about an agency's disclosure work on its portal page; the
/// disclosure office records how it was handled. The complainant's name and contact are never shown publicly.
struct Complaints {
    let db: any Database

    static let contentLimit = 5000

    /// Why a complaint or its handling was not taken; nothing was changed.
    enum Refusal: SaidError, Equatable {
        case emptyContent
        case contentTooLong
        case notFound
        case notTheOffice
        case alreadyHandled(on: String)
        case emptyHandling

        var said: Said {
            switch self {
            case .emptyContent: UIText.complaintEmpty.said()
            case .contentTooLong: UIText.complaintTooLong.said(Complaints.contentLimit)
            case .notFound: UIText.complaintNotFound.said()
            case .notTheOffice: UIText.complaintNotTheOffice.said()
            case .alreadyHandled(let day): UIText.complaintHandled.said(day)
            case .emptyHandling: UIText.complaintNoHandling.said()
            }
        }

        var status: HTTPResponseStatus {
            switch self {
            case .emptyContent, .contentTooLong, .emptyHandling: .unprocessableEntity
            case .notFound: .notFound
            case .notTheOffice: .forbidden
            case .alreadyHandled: .conflict
            }
        }
    }

    /// A complaint as a member of staff may read it: the contact masked for supervisors; `mayHandle` when the reader
    /// may record its handling now.
    struct Entry: Equatable {
        struct Handling: Equatable {
            var on: String
            var by: String
            var text: String
        }

        var id: UUID
        var number: String
        var agencyName: String
        var receivedOn: String
        var content: String
        var name: String
        var contact: String
        var handling: Handling?
        var mayHandle: Bool
    }

    /// Takes in a complaint on `today`; returns its number (TS-year-…), which the complainant quotes.
    func submit(to agency: AgencyRecord, content: String, name: String, contact: String, today: Day) async throws -> String {
        let content = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.isEmpty { throw Refusal.emptyContent }
        if content.count > Self.contentLimit { throw Refusal.contentTooLong }
        let complaint = ComplaintRecord()
        complaint.$agency.id = try agency.requireID()
        complaint.number = "TS-\(today.year)-\(UUID().uuidString.prefix(8))"
        complaint.receivedOn = today.iso
        complaint.content = content
        complaint.name = name.trimmingCharacters(in: .whitespaces)
        complaint.contact = contact.trimmingCharacters(in: .whitespaces)
        complaint.handling = ""
        try await complaint.create(on: db)
        return complaint.number
    }

    /// The complaints `access` may read, newest first (at most 500).
    func list(for access: Access) async throws -> [Entry] {
        var query = ComplaintRecord.query(on: db).with(\.$agency).sort(\.$receivedOn, .descending).sort(\.$number)
        if let agencies = access.readableAgencies { query = query.filter(\.$agency.$id ~~ Array(agencies)) }
        return try await query.limit(500).all().map { complaint in
            Entry(
                id: try complaint.requireID(), number: complaint.number, agencyName: complaint.agency.name, receivedOn: complaint.receivedOn,
                content: complaint.content, name: complaint.name,
                contact: access.user.role == .supervisor ? Masking.phone(complaint.contact) : complaint.contact,
                handling: complaint.handledOn.map { Entry.Handling(on: $0, by: complaint.handledBy ?? "", text: complaint.handling) },
                mayHandle: complaint.handledOn == nil && mayHandle(complaint, access))
        }
    }

    /// Records how complaint `id` was handled, on `today`, by `access`'s user; audited.
    func handle(_ id: UUID, handling: String, by access: Access, today: Day) async throws {
        guard let complaint = try await ComplaintRecord.query(on: db).filter(\.$id == id).with(\.$agency).first(),
            access.canRead(agency: complaint.$agency.id)
        else { throw Refusal.notFound }
        guard mayHandle(complaint, access) else { throw Refusal.notTheOffice }
        if let day = complaint.handledOn { throw Refusal.alreadyHandled(on: day) }
        let handling = handling.trimmingCharacters(in: .whitespacesAndNewlines)
        if handling.isEmpty { throw Refusal.emptyHandling }
        complaint.handling = handling
        complaint.handledOn = today.iso
        complaint.handledBy = access.user.username
        try await db.transaction { db in
            try await complaint.save(on: db)
            try await Audit.record(
                .handle, .complaint, id: complaint.number, agency: complaint.agency.code, by: access.user.username,
                after: Audit.json(["handling": handling]), on: db)
        }
    }

    private func mayHandle(_ complaint: ComplaintRecord, _ access: Access) -> Bool {
        access.user.role.keepsOfficeRecords && access.canWrite(agency: complaint.$agency.id)
    }
}

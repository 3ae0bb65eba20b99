import Foundation
import Gongkai

/// An application as the back office reads it, in plain values: what the list and the page show.
struct ApplicationSummary {
    var id: UUID
    var trackingNumber: String
    var agencyName: String
    var status: ApplicationStatus
    var applicantType: String
    var name: String
    var idType: String
    var idNumber: String
    var phone: String
    var email: String
    var address: String
    /// What is asked for: title, document number and description.
    var request: String
    var formWanted: String
    var delivery: String
    var channel: String
    var submittedOn: String
    var receivedOn: String?
    var result: String?
    var resultFormat: String?
    var publishedItemID: UUID?
    var providesInformation: Bool
    /// When withheld information is next assessed (第十八条).
    var reassessOn: String?
    /// 部分公开: the information before its withheld passages were taken out (staff only).
    var providedOriginal: String?
    var officerUsername: String?
    var officerName: String?
    var kind: ApplicationKind = .disclosure
    /// The revision shown: a move form carries it back, so a move on what has changed since is refused.
    var revision = 0
}

extension ApplicationSummary {
    /// NB: the agency and the officer are read when the query loaded them (`with`), and left empty otherwise.
    init(_ record: ApplicationRecord) throws {
        let officer = record.$officer.value.flatMap { $0 }
        self.init(
            id: try record.requireID(), trackingNumber: record.trackingNumber, agencyName: record.$agency.value?.name ?? "", status: record.status,
            applicantType: record.applicantType, name: record.name, idType: record.idType, idNumber: record.idNumber, phone: record.phone,
            email: record.email, address: record.address, request: Applications.request(record), formWanted: record.formWanted,
            delivery: record.delivery, channel: record.channel, submittedOn: record.submittedOn, receivedOn: record.receivedOn,
            result: record.result, resultFormat: record.resultFormat, publishedItemID: record.publishedItemID,
            providesInformation: record.providesInformation, reassessOn: record.reassessOn, providedOriginal: record.providedOriginal,
            officerUsername: officer?.username,
            officerName: officer?.displayName, kind: record.kind, revision: record.revision)
    }
}

/// One application's page: the application, its clock, what happened, its letters and review cases, the moves
/// offered to the reader, and other applications for the same information.
struct ApplicationPage {
    struct Event {
        var date: String
        var actor: String
        var kind: String
        var detail: String
    }

    struct Letter {
        var id: UUID
        var title: String
        var number: String
        var body: String
        var sentOn: String
        var sentBy: String

        /// The body without its closing signature — the agency's name and the date, the last two lines as drafted —
        /// and that signature, which the printed letter sets right-aligned with room for the seal.
        var parts: (text: String, signature: [String]) {
            // NB: a browser sends a textarea's line breaks as CRLF.
            let lines = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            guard lines.count >= 3, let date = lines.last, date.wholeMatch(of: /\d{4}年\d{1,2}月\d{1,2}日/) != nil,
                !lines[lines.count - 2].trimmingCharacters(in: .whitespaces).isEmpty
            else { return (body, []) }
            let text = lines.dropLast(2).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return (text, Array(lines.suffix(2)))
        }
    }

    struct Review {
        var id: UUID
        var kind: String
        var body: String
        var filedOn: String
        var decidedOn: String?
        var result: String
    }

    struct Similar {
        var id: UUID
        var trackingNumber: String
        var status: ApplicationStatus
    }

    var application: ApplicationSummary
    var deadline: Deadline?
    var history: [Event]
    var letters: [Letter]
    var reviews: [Review]
    var similar: [Similar]
    var canAct: Bool
    var seesDetails: Bool
    var moves: [ApplicationMove.Kind]
}

extension ApplicationPage.Event {
    init(_ record: ApplicationEventRecord) { (date, actor, kind, detail) = (record.date, record.actor, record.kind, record.detail) }
}

extension ApplicationPage.Letter {
    init(_ record: LetterRecord) throws {
        (id, title, number, body, sentOn, sentBy) = (
            try record.requireID(), record.title, record.number, record.body, record.sentOn ?? "", record.sentBy ?? ""
        )
    }
}

extension ApplicationPage.Review {
    init(_ record: ReviewCaseRecord) throws {
        (id, kind, body, filedOn, decidedOn, result) = (
            try record.requireID(), record.kind, record.body, record.filedOn, record.decidedOn, record.result
        )
    }
}

import Fluent
import Foundation
import Gongkai
import Vapor

/// Reconsiderations and lawsuits over an agency's disclosure work (第五十一条; table 四 of the annual report): about an
/// application, or about its proactive disclosure or a complaint. Recorded by the office, decided once.
struct ReviewCases {
    let db: any Database

    /// A case as typed into a form: each field as sent.
    struct Input: Equatable {
        var kind = ""
        var body = ""
        var subject = ""
        var filedOn = ""
        var decidedOn = ""
        var result = ReviewResult.pending.code

        var values: [String: String] {
            ["kind": kind, "body": body, "subject": subject, "filedOn": filedOn, "decidedOn": decidedOn, "result": result]
        }
    }

    /// A case as listed.
    struct Entry {
        var kind: ReviewKind
        var body: String
        var subject: String
        /// The application it is about, if any.
        var application: (id: UUID, trackingNumber: String)?
        var filedOn: String
        var decidedOn: String?
        var result: ReviewResult
    }

    /// The form's problems, field by field; nothing was stored.
    typealias InvalidInput = InvalidFields

    /// The agency's cases, the latest filed first.
    func list(of agency: AgencyRecord) async throws -> [Entry] {
        try await ReviewCaseRecord.query(on: db).filter(\.$agency.$id == agency.requireID()).with(\.$application)
            .sort(\.$filedOn, .descending).all().compactMap { record in
                guard let kind = ReviewKind(code: record.kind), let result = ReviewResult(code: record.result) else { return nil }
                let application = try record.application.map { (id: try $0.requireID(), trackingNumber: $0.trackingNumber) }
                return Entry(
                    kind: kind, body: record.body, subject: record.subject, application: application, filedOn: record.filedOn,
                    decidedOn: record.decidedOn, result: result)
            }
    }

    /// Records a case of `agency`, about `application` when given (else `subject` says what it is about), by `actor`;
    /// audited. Throws `InvalidInput` naming each bad field.
    @discardableResult
    func add(
        _ input: Input, to agency: AgencyRecord, about application: ApplicationRecord?, by actor: String, today: Day
    ) async throws
        -> ReviewCaseRecord
    {
        var problems: [String: Said] = [:]
        let kind = ReviewKind(code: input.kind)
        if kind == nil { problems["kind"] = UIText.chooseReviewKind.said() }
        let result = ReviewResult(code: input.result)
        if result == nil { problems["result"] = UIText.chooseReviewResult.said() }
        let body = input.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { problems["body"] = UIText.giveReviewBody.said() }
        let subject = input.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if application == nil, subject.isEmpty { problems["subject"] = UIText.giveReviewSubject.said() }
        let filed = Day(iso: input.filedOn.trimmingCharacters(in: .whitespaces))
        if filed == nil { problems["filedOn"] = UIText.dateFormat.said(input.filedOn.prefix(40)) }
        if let filed, filed > today || filed < .regulationsInForce { problems["filedOn"] = UIText.filedInFuture.said() }
        let decidedText = input.decidedOn.trimmingCharacters(in: .whitespaces)
        let decided = decidedText.isEmpty ? nil : Day(iso: decidedText)
        if !decidedText.isEmpty, decided == nil { problems["decidedOn"] = UIText.dateFormat.said(decidedText.prefix(40)) }
        if result == .pending, decided != nil { problems["decidedOn"] = UIText.pendingHasNoDate.said() }
        if let result, result != .pending, decided == nil, problems["decidedOn"] == nil { problems["decidedOn"] = UIText.decidedNeedsDate.said() }
        if let decided, let filed, decided < filed { problems["decidedOn"] = UIText.decidedBeforeFiled.said() }
        if let decided, decided > today { problems["decidedOn"] = UIText.decisionDateRange.said(input.filedOn.prefix(40)) }
        guard problems.isEmpty, let kind, let result, let filed else { throw InvalidInput(problems: problems) }
        let review = ReviewCaseRecord()
        review.$application.id = try application?.requireID()
        review.$agency.id = try agency.requireID()
        review.kind = kind.code
        review.body = body
        review.subject = subject
        review.filedOn = filed.iso
        review.decidedOn = decided?.iso
        review.result = result.code
        try await db.transaction { db in
            try await review.create(on: db)
            try await Audit.record(
                .create, .reviewCase, id: review.requireID().uuidString, agency: agency.code, by: actor,
                after: Audit.json([
                    "kind": kind.code, "body": body, "subject": subject, "application": application?.trackingNumber, "filedOn": filed.iso,
                    "decidedOn": decided?.iso, "result": result.code,
                ]), on: db)
        }
        return review
    }
}

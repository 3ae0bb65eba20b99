import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// A message to an applicant waiting to be mailed: queued in the transaction of the change it tells of (so the change
/// and its notice are one unit), then sent once by whichever app server claims it first.
final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// pending, sent or failed.
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    /// Seconds since 1970: not tried before then (back-off after a failure), and claimed by a sender until then.
    @Field(key: "not_before") var notBefore: Int64
    @Field(key: "claimed_until") var claimedUntil: Int64
    @Field(key: "last_error") var lastError: String

    init() {}
}

/// Sends what the outbox holds. The request that queued a message sends it at once after its commit; the worker
/// (`Housekeeping`, on every app server) sends what a crash, a restart or a mail server that was down left behind.
/// A message is claimed by a conditional UPDATE before it is sent, so two senders never mail it twice.
struct Outbox {
    let db: any Database
    let mailer: Mailer
    let group: any EventLoopGroup
    /// The day written on the history's lines.
    let today: Day
    var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    /// Tries per message; the waits between them double from two minutes (2, 4, 8, 16, 32).
    static let maxAttempts = 6
    /// How long a claim holds: longer than a send may take (the mailer's connect timeout and replies).
    static let claimSeconds: Int64 = 300

    static func backoff(afterAttempt attempt: Int) -> Int64 { 60 << Int64(min(max(attempt, 1), 10)) }

    /// Queues a message on `db` (the caller's transaction); returns its id for `deliver`.
    static func enqueue(application: UUID, to recipient: String, subject: String, body: String, on db: any Database) async throws -> UUID {
        let message = OutboxRecord()
        message.applicationID = application
        message.recipient = recipient
        message.subject = subject
        message.body = body
        message.state = "pending"
        message.attempts = 0
        message.notBefore = 0
        message.claimedUntil = 0
        message.lastError = ""
        try await message.create(on: db)
        return try message.requireID()
    }

    /// Sends the messages `ids`, or up to `limit` of those due; each one this sender claims is mailed and its outcome
    /// written to the application's history (「mailed」, or 「mail-failed」 once no more tries are left). Never throws:
    /// what cannot be sent now stays for a later try.
    func deliver(_ ids: [UUID]? = nil, limit: Int = 20) async {
        do {
            let due = try await {
                if let ids { return ids }
                return try await OutboxRecord.query(on: db).filter(\.$state == "pending").filter(\.$notBefore <= now())
                    .filter(\.$claimedUntil < now()).limit(limit).all().compactMap(\.id)
            }()
            for id in due { try await send(id) }
        } catch {
            db.logger.warning("outbox: \(String(reflecting: error))")
        }
    }

    private func send(_ id: UUID) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let start = now()
        let claimed = try await sql.raw(
            """
            UPDATE outbox SET claimed_until = \(bind: start + Self.claimSeconds), attempts = attempts + 1
            WHERE id = \(bind: id) AND state = 'pending' AND not_before <= \(bind: start) AND claimed_until < \(bind: start) RETURNING attempts
            """
        ).all()
        guard let row = claimed.first, let message = try await OutboxRecord.find(id, on: db) else { return }
        let attempt = try row.decode(column: "attempts", as: Int.self)
        do {
            try await mailer.send(to: message.recipient, subject: message.subject, body: message.body, on: group)
            try await finish(message, state: "sent", event: ("mailed", "已通过电子邮件发送至\(message.recipient)：\(message.subject)"))
        } catch {
            let permanent = (error as? Mailer.SMTPError)?.permanent ?? false
            message.lastError = String(String(describing: error).prefix(500))
            if permanent || attempt >= Self.maxAttempts {
                try await finish(message, state: "failed", event: ("mail-failed", "电子邮件未能发送（\(message.lastError)），请另行告知"))
            } else {
                message.notBefore = now() + Self.backoff(afterAttempt: attempt)
                message.claimedUntil = 0
                try await message.save(on: db)
            }
        }
    }

    /// The message's last state and its line in the application's history, in one transaction.
    private func finish(_ message: OutboxRecord, state: String, event: (kind: String, detail: String)) async throws {
        message.state = state
        try await db.transaction { db in
            try await message.save(on: db)
            guard let record = try await ApplicationRecord.find(message.applicationID, on: db) else { return }
            try await Applications.appendEvent(record, kind: event.kind, date: today.iso, actor: Audit.Actor.system, detail: event.detail, on: db)
        }
    }
}

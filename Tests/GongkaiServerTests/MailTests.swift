import Fluent
import Foundation
import Gongkai
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

/// A one-connection-at-a-time SMTP server on loopback that keeps what it is sent.
final class FakeSMTPServer: @unchecked Sendable {
    let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    let received = NIOLockedValueBox<[(from: String, to: String, data: String)]>([])
    var port: Int { channel.channel.localAddress!.port! }

    init(group: any EventLoopGroup) async throws {
        channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0) { child in
            child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
        }
    }

    func run() async throws {
        try await channel.executeThenClose { inbound in
            for try await connection in inbound {
                try? await serve(connection)
            }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            func say(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
            try await say("220 fake.example ESMTP")
            var pending = ""
            var from = "", to = "", data = "", inData = false
            for try await var buffer in inbound {
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    if inData {
                        if line == "." {
                            inData = false
                            received.withLockedValue { $0.append((from, to, data)) }
                            try await say("250 queued")
                        } else {
                            data += line + "\r\n"
                        }
                        continue
                    }
                    switch line.prefix(4).uppercased() {
                    case "EHLO": try await say("250-fake.example\r\n250 AUTH PLAIN")
                    case "AUTH": try await say("235 ok")
                    case "MAIL":
                        from = line
                        try await say("250 ok")
                    case "RCPT":
                        to = line
                        try await say(line.contains("nobody@") ? "550 no such user" : "250 ok")
                    case "DATA":
                        inData = true
                        try await say("354 go ahead")
                    case "QUIT":
                        try await say("221 bye")
                        return
                    default: try await say("500 what")
                    }
                }
            }
        }
    }
}

@Suite struct MailTests {
    @Test func smtpURLsAreReadOrRefusedWithAReason() throws {
        #expect(try Mailer.from(url: nil) == nil)
        let mailer = try #require(try Mailer.from(url: "smtps://gk%40example.gov.cn:secret@mail.example.gov.cn?from=gk@example.gov.cn"))
        #expect(mailer.port == 465 && mailer.tls && mailer.username == "gk@example.gov.cn" && mailer.password == "secret")
        #expect(throws: Mailer.ConfigurationError.self) { try Mailer.from(url: "smtp://mail.example.gov.cn") }
        #expect(throws: Mailer.ConfigurationError.self) { try Mailer.from(url: "http://mail.example.gov.cn?from=a@b") }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(databasePath: "/tmp/x.sqlite", environment: ["SMTP_URL": "smtp://x"])
        }
    }

    @Test func theMessageIsUTF8InBase64WithAnEncodedSubject() {
        let message = Mailer.message(from: "gk@example.gov.cn", to: "wang@example.com", subject: "补正告知", body: "第一行\n第二行")
        #expect(message.contains("Subject: =?UTF-8?B?\(Data("补正告知".utf8).base64EncodedString())?="))
        #expect(message.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(message.contains(Data("第一行\r\n第二行".utf8).base64EncodedString()))
        #expect(message.hasSuffix("\r\n.\r\n"))
    }

    @Test func notificationsAreMailedWhenSMTPIsConfigured_andAFailureIsRecordedNotLost() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            let smtp = try await FakeSMTPServer(group: app.eventLoopGroup)
            let serving = Task { try await smtp.run() }
            defer { serving.cancel() }
            app.mailer = Mailer(host: "127.0.0.1", port: smtp.port, tls: false, username: "gk", password: "pw", from: "gongkai@example.gov.cn")
            try await client.signIn("lianfang-officer")
            let id = try await ApplicationTests.register(client, received: "2026-11-18")
            let received = smtp.received.withLockedValue { $0 }
            #expect(received.count == 1)
            #expect(received.first?.to == "RCPT TO:<wang@example.com>")
            #expect(received.first?.data.contains(Data("本机关已于2026-11-18收到您的政府信息公开申请".utf8).base64EncodedString().prefix(20)) == true)
            try await ApplicationTests.move(client, id, [("move", "clarify"), ("what", "请写明年份"), ("date", "2026-11-19"), ("letterBody", "补正告知书正文")])
            #expect(smtp.received.withLockedValue { $0.count } == 2)
            let kinds = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).sort(\.$seq).all().map(\.kind)
            #expect(kinds.filter { $0 == "mailed" }.count == 2)

            // A refusing server: the notification stays in the timeline and the failure is said.
            let application = try #require(try await ApplicationRecord.find(id, on: app.db))
            application.email = "nobody@example.com"
            try await application.save(on: app.db)
            try await ApplicationTests.move(client, id, [("move", "clarified"), ("date", "2026-11-20")])
            let failed = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).filter(\.$kind == "mail-failed").all()
            #expect(failed.count == 1)
            #expect(failed.first?.detail.contains("550 no such user") == true)
            #expect(try #require(try await ApplicationRecord.find(id, on: app.db)).status == .open)
        }
    }

    /// Issue 14: the notice is queued with the change it tells of, so a mail server that is down (or a crash before the
    /// send) loses nothing: the message waits in the outbox, is tried again after its back-off, and sent once by
    /// whichever sender claims it; after the last try it is said to have failed.
    @Test func aNoticeWaitsInTheOutboxUntilTheMailServerAnswers_andIsSentOnce() async throws {
        try await withServer(demo: true, today: Day(iso: "2026-11-20")!) { app, client in
            // Nothing listens on the closed port: the request still succeeds, the message waits.
            let closed = try await FakeSMTPServer(group: app.eventLoopGroup)
            let closedPort = closed.port
            try await closed.channel.channel.close()
            app.mailer = Mailer(host: "127.0.0.1", port: closedPort, tls: false, username: nil, password: nil, from: "gongkai@example.gov.cn")
            try await client.signIn("lianfang-officer")
            let id = try await ApplicationTests.register(client, received: "2026-11-18")
            let waiting = try #require(try await OutboxRecord.query(on: app.db).filter(\.$applicationID == id).first())
            #expect(waiting.state == "pending" && waiting.attempts == 1 && waiting.claimedUntil == 0 && !waiting.lastError.isEmpty)
            let kinds = { try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == id).sort(\.$seq).all().map(\.kind) }
            #expect(try await kinds() == ["submitted", "confirmed", "notified"])

            let smtp = try await FakeSMTPServer(group: app.eventLoopGroup)
            let serving = Task { try await smtp.run() }
            defer { serving.cancel() }
            let mailer = Mailer(host: "127.0.0.1", port: smtp.port, tls: false, username: nil, password: nil, from: "gongkai@example.gov.cn")
            let day = Day(iso: "2026-11-20")!
            // Not before its back-off: nothing is sent.
            await Outbox(db: app.db, mailer: mailer, group: app.eventLoopGroup, today: day).deliver()
            #expect(smtp.received.withLockedValue { $0.count } == 0)
            // After it, by two senders at once (two app servers): sent once.
            let later = waiting.notBefore + 1
            async let first: Void = Outbox(db: app.db, mailer: mailer, group: app.eventLoopGroup, today: day, now: { later }).deliver()
            async let second: Void = Outbox(db: app.db, mailer: mailer, group: app.eventLoopGroup, today: day, now: { later }).deliver()
            _ = await (first, second)
            #expect(smtp.received.withLockedValue { $0.count } == 1)
            #expect(try await OutboxRecord.find(waiting.id, on: app.db)?.state == "sent")
            #expect(try await kinds() == ["submitted", "confirmed", "notified", "mailed"])

            // A server that never answers: after the last try the failure is said, and the officer tells otherwise.
            let down = Outbox(db: app.db, mailer: app.mailer!, group: app.eventLoopGroup, today: day, now: { later + 1_000_000 })
            let other = try await ApplicationTests.register(client, received: "2026-11-19")
            for _ in 1..<Outbox.maxAttempts {
                let message = try #require(try await OutboxRecord.query(on: app.db).filter(\.$applicationID == other).first())
                message.notBefore = 0
                try await message.save(on: app.db)
                await down.deliver()
            }
            let failed = try #require(try await OutboxRecord.query(on: app.db).filter(\.$applicationID == other).first())
            #expect(failed.state == "failed" && failed.attempts == Outbox.maxAttempts)
            let history = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id == other).all()
            #expect(history.filter { $0.kind == "mail-failed" }.count == 1)
            #expect(history.first { $0.kind == "mail-failed" }?.detail.contains("请另行告知") == true)
        }
    }
}

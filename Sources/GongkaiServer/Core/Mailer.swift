import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Vapor

/// Sends the applicants' notifications by e-mail through the SMTP server in `SMTP_URL`:
/// `smtp://[user:password@]host[:25]?from=address` (plain, as to an agency's internal relay) or
/// `smtps://user:password@host[:465]?from=address` (TLS from the first byte). Without it, notifications are
/// only recorded in each application's timeline.
struct Mailer: Sendable {
    var host: String
    var port: Int
    var tls: Bool
    var username: String?
    var password: String?
    var from: String
    var heloName = "gongkai"
    var timeout: TimeAmount = .seconds(15)

    struct ConfigurationError: Error, CustomStringConvertible {
        var description: String
    }

    /// Nil when `url` is empty; a sentence saying what is wrong when it cannot be used.
    static func from(url: String?) throws(ConfigurationError) -> Mailer? {
        guard let url, !url.isEmpty else { return nil }
        guard let components = URLComponents(string: url), let scheme = components.scheme, scheme == "smtp" || scheme == "smtps",
            let host = components.host, !host.isEmpty
        else {
            throw ConfigurationError(
                description: "SMTP_URL must look like smtp://host:25?from=address or smtps://user:password@host:465?from=address")
        }
        guard let from = components.queryItems?.first(where: { $0.name == "from" })?.value, from.contains("@") else {
            throw ConfigurationError(description: "SMTP_URL needs the sender address as ?from=address")
        }
        return Mailer(
            host: host, port: components.port ?? (scheme == "smtps" ? 465 : 25), tls: scheme == "smtps",
            username: components.user?.removingPercentEncoding, password: components.password?.removingPercentEncoding, from: from)
    }

    struct SMTPError: Error, CustomStringConvertible {
        var description: String
        /// Trying again cannot help: the server refused for good (a 5xx reply) or the address is not one.
        var permanent = false
    }

    /// Sends one plain-text message; throws with the server's reply when it refuses.
    func send(to recipient: String, subject: String, body: String, on group: any EventLoopGroup) async throws {
        guard !recipient.contains("\r"), !recipient.contains("\n"), recipient.contains("@") else {
            throw SMTPError(description: "“\(recipient)” is not an e-mail address", permanent: true)
        }
        let host = self.host
        let useTLS = tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if useTLS {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: host))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplies(inbound.makeAsyncIterator())
            try await replies.expect(220, "greeting")
            func command(_ line: String, _ code: Int, _ what: String) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await replies.expect(code, what)
            }
            try await command("EHLO \(heloName)", 250, "EHLO")
            if let username, let password {
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", 235, "AUTH")
            }
            try await command("MAIL FROM:<\(from)>", 250, "MAIL FROM")
            try await command("RCPT TO:<\(recipient)>", 250, "RCPT TO")
            try await command("DATA", 354, "DATA")
            try await outbound.write(ByteBuffer(string: Self.message(from: from, to: recipient, subject: subject, body: body)))
            try await replies.expect(250, "the message")
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// The message as sent after DATA: headers, the body in base64 (UTF-8), and the final dot.
    static func message(from: String, to: String, subject: String, body: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let base64 = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64, ".", "",
        ].joined(separator: "\r\n")
    }
}

/// Reads SMTP replies (`250-…` continuation lines, then `250 …`) from the connection's bytes.
struct SMTPReplies {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func line() async throws -> String {
        while true {
            if let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                return line
            }
            guard var buffer = try await iterator.next() else { throw Mailer.SMTPError(description: "the SMTP server closed the connection") }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }

    mutating func expect(_ code: Int, _ what: String) async throws {
        while true {
            let line = try await line()
            guard line.count >= 3, let got = Int(line.prefix(3)) else {
                throw Mailer.SMTPError(description: "the SMTP server answered “\(line)” to \(what)")
            }
            if line.dropFirst(3).first == "-" { continue }
            guard got == code else {
                throw Mailer.SMTPError(description: "the SMTP server refused \(what): \(line)", permanent: (500..<600).contains(got))
            }
            return
        }
    }
}

struct MailerKey: StorageKey {
    typealias Value = Mailer
}

extension Application {
    /// The configured mailer; nil when SMTP_URL is not set.
    var mailer: Mailer? {
        get { storage[MailerKey.self] }
        set { storage[MailerKey.self] = newValue }
    }
}

extension Request {
    /// The application service with this server's calendar and mailer.
    var applications: Applications {
        Applications(db: db, calendar: workdays, mailer: application.mailer, eventLoopGroup: application.eventLoopGroup)
    }
}

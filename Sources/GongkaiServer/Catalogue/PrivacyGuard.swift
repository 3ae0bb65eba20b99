import Fluent
import Foundation
import Gongkai
import NIOConcurrencyHelpers
import Vapor

/// The privacy guard before approval (issue 17): an item's title, summary, body and text-bearing attachments are
/// scanned for personal data (`PersonalData`); what is found blocks approval until it is masked or the reviewer gives
/// a reason, which the audit log records with each finding's kind and place — never the number itself.
enum PrivacyGuard {
    /// Where in an item something was found: `title`, `summary`, `body`, or an attachment by its file name.
    struct Place: Sendable {
        var part: String
        var finding: PersonalData.Finding

        var isText: Bool { PrivacyGuard.textParts.contains(part) }

        func said(_ l: Language) -> String {
            let name =
                switch part {
                case "title": UIText.title(l)
                case "summary": UIText.summary(l)
                case "body": UIText.body(l)
                default: UIText.privacyAttachment(l, part)
                }
            return UIText.privacyPlace(l, name, finding.line, finding.column, finding.kind.label(l), finding.masked)
        }

        /// For the audit log: the kind and the place, not the number.
        var logged: [String: String] {
            ["kind": finding.kind.rawValue, "part": part, "line": String(finding.line), "column": String(finding.column)]
        }
    }

    /// An attachment whose text could not be read, and why: it is "not checked", never "clean".
    struct Unchecked: Sendable {
        var filename: String
        var why: Said
    }

    struct Scan: Sendable {
        var found: [Place] = []
        var unchecked: [Unchecked] = []
    }

    /// The parts of an item written in the back office, by the names places give them.
    static let textParts = ["title", "summary", "body"]

    static func text(_ part: String, of item: ItemRecord) -> String {
        switch part {
        case "title": item.title
        case "summary": item.summary
        default: item.body
        }
    }

    /// What is found in the title, summary and text of `item`.
    static func textPlaces(_ item: ItemRecord) -> [Place] {
        textParts.flatMap { part in PersonalData.scan(text(part, of: item)).map { Place(part: part, finding: $0) } }
    }

    /// Scans `item` and its attachments (text read off the event loop, on `pool`). An attachment never changes, so
    /// what its file holds is kept by its SHA-256 (`known`): its bytes are loaded and read once per app server, not at
    /// every view of the item's page.
    static func scan(_ item: ItemRecord, on db: any Database, pool: NIOThreadPool, known: AttachmentScans) async throws -> Scan {
        var scan = Scan(found: textPlaces(item))
        let attachments = try await AttachmentRecord.query(on: db).filter(\.$item.$id == item.requireID())
            .field(\.$id).field(\.$filename).field(\.$sha256).all()
        for attachment in attachments {
            let name = attachment.filename
            let key = attachment.sha256 + "." + (name as NSString).pathExtension.lowercased()
            let read: Result<[PersonalData.Finding], NotRead>
            if let kept = known[key] {
                read = kept
            } else {
                guard let data = try await AttachmentRecord.query(on: db).filter(\.$id == attachment.requireID()).field(\.$data).first()?.data
                else { continue }
                read = try await pool.runIfActive { text(of: data, named: name).map(PersonalData.scan) }
                known[key] = read
            }
            switch read {
            case .success(let found): scan.found += found.map { Place(part: name, finding: $0) }
            case .failure(let why): scan.unchecked.append(Unchecked(filename: name, why: why.said))
            }
        }
        return scan
    }

    struct NotRead: Error, Sendable {
        var said: Said
    }

    /// The text of an attachment: plain text (UTF-8 or GB18030), HTML without its markup, a PDF's text layer (Debian's
    /// `pdftotext`), a DOCX's paragraphs (`unzip`); anything else is not read.
    static func text(of data: Data, named name: String) -> Result<String, NotRead> {
        switch (name as NSString).pathExtension.lowercased() {
        case "txt", "csv", "md":
            guard let text = try? TextDecoding.decode(data) else { return .failure(NotRead(said: UIText.privacyUndecodable.said())) }
            return .success(text)
        case "htm", "html":
            guard let text = try? TextDecoding.decode(data) else { return .failure(NotRead(said: UIText.privacyUndecodable.said())) }
            return .success(HTMLLines.text(text))
        case "pdf":
            guard let text = run("pdftotext", ["-q", "-enc", "UTF-8"], input: data, name: "a.pdf", after: ["-"]) else {
                return .failure(NotRead(said: UIText.privacyNoTool.said("pdftotext (poppler-utils)")))
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(NotRead(said: UIText.privacyNoTextLayer.said()))
            }
            return .success(text)
        case "docx":
            guard let xml = run("unzip", ["-p"], input: data, name: "a.docx", after: ["word/document.xml"]) else {
                return .failure(NotRead(said: UIText.privacyNoTool.said("unzip")))
            }
            // NB: a DOCX paragraph (`w:p`) read as an HTML one, so that its lines are numbered as Word shows them.
            return .success(HTMLLines.text(xml.replacingOccurrences(of: "</w:p>", with: "<br>")))
        default:
            return .failure(NotRead(said: UIText.privacyNotText.said()))
        }
    }

    /// Runs `tool` on `input` written to a temporary file; its standard output, or nil when the tool is missing or fails.
    static func run(_ tool: String, _ options: [String], input: Data, name: String, after: [String]) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let file = folder.appendingPathComponent(name)
        guard (try? input.write(to: file)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + options + [file.path] + after
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Approval refused: personal data found, and no reason given to publish it anyway.
    struct Refused: SaidError {
        var scan: Scan
        var status: HTTPResponseStatus { .conflict }
        var said: Said {
            Said(
                zh: UIText.privacyBlocks(.zh, scan.found.map { $0.said(.zh) }.joined(separator: "；")),
                en: UIText.privacyBlocks(.en, scan.found.map { $0.said(.en) }.joined(separator: "; ")))
        }
    }

    /// Before `item` is approved: refuses when personal data is found and `override` gives no reason; with a reason,
    /// returns what to record once the approval is made.
    static func beforeApproval(_ item: ItemRecord, override: String?, req: Request) async throws -> Scan {
        let scan = try await scan(item, on: req.db, pool: req.application.threadPool, known: req.application.attachmentScans)
        let reason = override?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !scan.found.isEmpty, reason.isEmpty { throw Refused(scan: scan) }
        return scan
    }

    /// Records that `user` approved `item` with personal data in it, and why: each finding's kind and place.
    static func recordOverride(_ scan: Scan, reason: String, item: ItemRecord, by user: StaffUser, on db: any Database) async throws {
        try await Audit.record(
            .privacyOverride, .item, id: item.requireID().uuidString, agency: item.$agency.value?.code, by: user.username,
            after: logged(scan.found, reason: reason), on: db)
    }

    /// The audit log's record of findings: their kinds and places (and the reviewer's reason), no number.
    static func logged(_ places: [Place], reason: String? = nil) -> String? {
        struct Entry: Encodable {
            var reason: String?
            var findings: [[String: String]]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Entry(reason: reason, findings: places.map(\.logged)))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Masks what was found in the title, summary and body of `item` (attachments cannot be masked here: their
    /// drafter uploads a masked file). The audit entry names the kinds and places; it keeps no copy of the text before.
    static func mask(_ item: ItemRecord, by user: StaffUser, on db: any Database) async throws -> Int {
        let places = textPlaces(item)
        guard !places.isEmpty else { return 0 }
        item.title = PersonalData.masked(item.title)
        item.summary = PersonalData.masked(item.summary)
        item.body = PersonalData.masked(item.body)
        let after = logged(places)
        try await db.transaction { db in
            try await item.save(on: db)
            try await Audit.record(
                .maskPersonalData, .item, id: item.requireID().uuidString, agency: item.$agency.value?.code, by: user.username, after: after,
                on: db)
        }
        return places.count
    }
}

extension PersonalData.Kind {
    func label(_ l: Language) -> String {
        switch self {
        case .residentID: UIText.kindResidentID(l)
        case .mobile: UIText.kindMobile(l)
        case .bankCard: UIText.kindBankCard(l)
        case .address: UIText.kindAddress(l)
        }
    }
}

extension Catalogue {
    /// A step of the review, the privacy guard before an approval the workflow allows: personal data found refuses it
    /// unless `privacyReason` says why it must be published, which the audit log then records.
    func act(
        _ action: ReviewAction, on item: ItemRecord, by user: StaffUser, reason: String?, confirmedReview: Bool, privacyReason: String?,
        req: Request
    ) async throws {
        var scan: PrivacyGuard.Scan?
        if action == .approve, let state = PublicationState(rawValue: item.state),
            (try? ReviewWorkflow.next(
                from: state, action: action, role: user.role, actorIsDrafter: item.$draftedBy.id == user.id, confirmedReview: confirmedReview,
                reason: reason)) != nil
        {
            scan = try await PrivacyGuard.beforeApproval(item, override: privacyReason, req: req)
        }
        try await act(action, on: item, by: user, reason: reason, confirmedReview: confirmedReview, today: req.today)
        if let scan, !scan.found.isEmpty {
            try await PrivacyGuard.recordOverride(
                scan, reason: privacyReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", item: item, by: user, on: db)
        }
    }
}

/// What each attachment file held for the privacy guard, by its SHA-256 and kind, as this app server read it; at most
/// `limit` files, the oldest forgotten first.
final class AttachmentScans: Sendable {
    static let limit = 4096
    private let kept = NIOLockedValueBox((order: [String](), results: [String: Result<[PersonalData.Finding], PrivacyGuard.NotRead>]()))

    subscript(key: String) -> Result<[PersonalData.Finding], PrivacyGuard.NotRead>? {
        get { kept.withLockedValue { $0.results[key] } }
        set {
            guard let newValue else { return }
            kept.withLockedValue { kept in
                if kept.results.updateValue(newValue, forKey: key) == nil { kept.order.append(key) }
                if kept.order.count > Self.limit { kept.results[kept.order.removeFirst()] = nil }
            }
        }
    }
}

extension Application {
    private struct AttachmentScansKey: StorageKey {
        typealias Value = AttachmentScans
    }

    /// What this app server has read of attachment files for the privacy guard (set up by `configure`).
    var attachmentScans: AttachmentScans {
        get { storage[AttachmentScansKey.self] ?? AttachmentScans() }
        set { storage[AttachmentScansKey.self] = newValue }
    }
}

import Fluent
import Foundation
import Gongkai
import SQLKit
import Vapor

/// 链接可用性 (政府网站与政务新媒体检查指标, issue 17): follows the links of an agency's published pages as a reader
/// would, from its home through its columns, catalogue, items and reports, and opens each link and attachment once.
/// Pages are asked of this app itself (through its whole responder, middleware included), so the check needs no network
/// and no address; links to other sites are opened only when the administrator allows it, and said "not checked"
/// otherwise. The last check of each agency is kept (`link_checks`), so the inspection page and a scheduled
/// `gongkai inspect --links` share it, whichever app server ran it.
struct LinkAvailability {
    var app: Application

    /// A link that could not be opened.
    struct Broken: Codable, Sendable, Equatable {
        /// The page it is on (a path of this site).
        var page: String
        var link: String
        var external: Bool
        /// What happened, in words (「HTTP 404」, 「无法连接」, 「15秒内无响应」).
        var problem: String
        /// How many other pages have the same link.
        var others: Int
    }

    /// One agency's check.
    struct Check: Codable, Sendable {
        /// When it ran (ISO 8601, UTC).
        var checkedAt: String
        /// Pages of the agency opened and read for links.
        var pages: Int
        /// Distinct links opened.
        var links: Int
        /// Of those, links to other sites.
        var externalChecked: Int
        /// Links to other sites not opened, because the administrator does not allow outbound checks.
        var externalUnchecked: Int
        /// Links to other sites not opened because one check opens at most `externalLimit`.
        var externalOverLimit: Int? = 0
        var broken: [Broken]
        /// Whether the agency has more pages than one check reads (`pageLimit`).
        var limitReached: Bool
        /// When the check stopped at its time budget (a check asked for from a page): the seconds it ran.
        var stoppedAfter: Int? = nil
    }

    /// Most pages of one agency read in one check; links on them are still opened.
    static let pageLimit = 3000
    /// Most links to other sites opened in one check, and how many at once.
    static let externalLimit = 200
    static let externalAtOnce = 16
    /// How long a link to another site may take (the indicators count a page not opened within 15 s).
    static let externalTimeout: Duration = .seconds(15)
    /// How long a check asked for from the inspection page reads pages (nginx gives up on an answer after 60 s).
    static let pageBudget: Duration = .seconds(40)

    /// Checks the pages of the agency with `code` (its address `/a/CODE` and every page under it); with `budget`, stops
    /// reading pages once it has run that long, and says so (a page's request must end before a proxy gives up on it).
    func check(agency code: String, outbound: Bool, now: Date = Date(), budget: Duration? = nil) async -> Check {
        let clock = ContinuousClock()
        let started = clock.now
        var stoppedAfter: Int?
        let home = SiteURL.agency(code).path
        let site = app.siteAddress.base
        var queue = [home]
        var queued: Set<String> = [home]
        var problems: [LinkCheck.Target: String?] = [:]  // each link opened, and its problem (nil when it opens)
        var linkedFrom: [LinkCheck.Target: (page: String, count: Int)] = [:]  // the first page with the link, and how many have it
        var unchecked: Set<String> = []
        var elsewhere: [String] = []  // links to other sites, in the order found
        var pages = 0
        var limitReached = false
        while !queue.isEmpty {
            let page = queue.removeFirst()
            guard pages < Self.pageLimit else {
                limitReached = true
                break
            }
            if let budget, clock.now - started >= budget {
                stoppedAfter = Int((clock.now - started).components.seconds)
                break
            }
            let (problem, html) = await open(page, read: true)
            problems[.local(page)] = problem
            guard let html else { continue }
            pages += 1
            for target in LinkCheck.links(inHTML: html, page: page, site: site) {
                switch target {
                case .local(let path):
                    guard Self.isCheckable(path) else { continue }
                    linkedFrom[target, default: (page, 0)].count += 1
                    // NB: one of the agency's pages is opened when its turn in the queue comes, and read for links.
                    if Self.isPage(path, of: home) {
                        if queued.insert(path).inserted { queue.append(path) }
                    } else if problems[target] == nil {
                        problems[target] = await open(path, read: false).problem
                    }
                case .external(let address):
                    guard outbound else {
                        unchecked.insert(address)
                        continue
                    }
                    if linkedFrom[target] == nil { elsewhere.append(address) }
                    linkedFrom[target, default: (page, 0)].count += 1
                }
            }
        }
        // Links to other sites, several at once: each may take its whole 15 seconds.
        let opening = stoppedAfter == nil ? Array(elsewhere.prefix(Self.externalLimit)) : []
        for start in stride(from: 0, to: opening.count, by: Self.externalAtOnce) {
            let batch = opening[start..<min(start + Self.externalAtOnce, opening.count)]
            let answers = await withTaskGroup(of: (String, String?).self) { group in
                for address in batch { group.addTask { (address, await openElsewhere(address)) } }
                return await group.reduce(into: [(String, String?)]()) { $0.append($1) }
            }
            for (address, problem) in answers { problems[.external(address)] = problem }
        }
        let broken = problems.compactMap { target, problem -> Broken? in
            guard let problem, let source = linkedFrom[target] else { return nil }
            return switch target {
            case .local(let path): Broken(page: source.page, link: path, external: false, problem: problem, others: source.count - 1)
            case .external(let address): Broken(page: source.page, link: address, external: true, problem: problem, others: source.count - 1)
            }
        }
        return Check(
            checkedAt: ISO8601DateFormatter().string(from: now), pages: pages, links: problems.count, externalChecked: opening.count,
            externalUnchecked: unchecked.count, externalOverLimit: elsewhere.count - opening.count,
            broken: broken.sorted { ($0.page, $0.link) < ($1.page, $1.link) }, limitReached: limitReached, stoppedAfter: stoppedAfter)
    }

    /// Whether the check follows `path` at all: search pages (a query, rate-limited) and the other editions and
    /// language of a page (the same page again) are not.
    static func isCheckable(_ path: String) -> Bool {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        return ![
            SiteURL.search(query: "").path.split(separator: "?").first.map(String.init) ?? "/search", Language.englishPrefix, Edition.elderPrefix,
        ]
        .contains { bare == $0 || bare.hasPrefix($0 + "/") }
    }

    /// Whether `path` is one of the agency's pages, read for its links (its attachments and downloads are opened only).
    static func isPage(_ path: String, of home: String) -> Bool {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        return (bare == home || bare.hasPrefix(home + "/")) && !bare.contains("/attachments/") && !path.contains("format=")
    }

    /// Opens a path of this site; its HTML when asked for and it is a page.
    private func open(_ path: String, read: Bool) async -> (problem: String?, html: String?) {
        // NB: the check's own requests are not logged one by one (a check opens thousands); its problems are its result.
        var logger = Logger(label: "gongkai.link-check")
        logger.logLevel = .warning
        let request = Request(application: app, method: .GET, url: URI(string: path), logger: logger, on: app.eventLoopGroup.any())
        do {
            let response = try await app.responder.respond(to: request).get()
            guard response.status.code < 400 else { return ("HTTP \(response.status.code)", nil) }
            guard read, response.headers.contentType?.subType == "html" else { return (nil, nil) }
            let body = try await response.body.collect(on: request.eventLoop).get()
            return (nil, body.map { String(decoding: $0.readableBytesView, as: UTF8.self) })
        } catch {
            return ("HTTP 500", nil)
        }
    }

    /// Opens an address on another site: `HEAD`, then `GET` when the site does not answer `HEAD`.
    private func openElsewhere(_ address: String) async -> String? {
        func send(_ method: HTTPMethod) async -> Result<UInt, any Error> {
            await withTaskGroup(of: Result<UInt, any Error>?.self) { group in
                group.addTask {
                    do {
                        return .success(try await app.client.send(method, to: URI(string: address)).status.code)
                    } catch {
                        return .failure(error)
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: Self.externalTimeout)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first ?? .failure(CancellationError())
            }
        }
        var answer = await send(.HEAD)
        if case .success(let code) = answer, code == 405 || code == 501 { answer = await send(.GET) }
        switch answer {
        case .success(let code): return code < 400 ? nil : "HTTP \(code)"
        case .failure(let error) where error is CancellationError: return "15秒内无响应"
        case .failure: return "无法连接"
        }
    }
}

extension LinkAvailability {
    /// Keeps `check` as the agency's last.
    static func save(_ check: Check, agency code: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let result = String(decoding: try JSONEncoder().encode(check), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO link_checks (agency_code, checked_at, result) VALUES (\(bind: code), \(bind: check.checkedAt), \(bind: result))
            ON CONFLICT (agency_code) DO UPDATE SET checked_at = excluded.checked_at, result = excluded.result
            """
        ).run()
    }

    /// The last check of each of `codes` that has one.
    static func last(of codes: [String], on db: any Database) async throws -> [String: Check] {
        guard let sql = db as? any SQLDatabase, !codes.isEmpty else { return [:] }
        struct Row: Decodable {
            var agency_code: String
            var result: String
        }
        let rows = try await sql.raw("SELECT agency_code, result FROM link_checks").all(decoding: Row.self)
        let wanted = Set(codes)
        return Dictionary(
            rows.filter { wanted.contains($0.agency_code) }.compactMap { row in
                (try? JSONDecoder().decode(Check.self, from: Data(row.result.utf8))).map { (row.agency_code, $0) }
            }, uniquingKeysWith: { a, _ in a })
    }
}

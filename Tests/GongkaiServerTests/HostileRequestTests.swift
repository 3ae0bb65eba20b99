import Foundation
import Gongkai
import Testing

@testable import GongkaiServer

/// Every route the app registers, requested over a real socket of a real server process with hostile values: no
/// answer may be a server error, every error page is a Chinese page with the site's frame and a way back, and the
/// server still answers `/healthz` at the end. Bounded: one pass over a fixed table, no randomness.
@Suite(.serialized) struct HostileRequestTests {
    static let long = String(repeating: "低", count: 10_000)
    static let numbers = [
        "-1", "0", "abc", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "100000000000000000000", "2.5", "1e9",
    ]

    /// Values for each path parameter: the first real (for routes that need one), then unknown and malformed ones.
    /// A route with a parameter missing here fails the test: new routes get covered, or the table grows.
    static func pathValues(_ name: String, route: [String], ids: [String: UUID]) -> [String]? {
        let malformed = ["abc", "%ZZ", "%00", "%E4%BD", "..", String(repeating: "A", count: 3000), UUID().uuidString] + numbers.prefix(3)
        switch name {
        case "code": return [DemoSeed.lianfangCode, "NOSUCHAGENCY", "11500106L0001"] + malformed
        case "year": return ["2019"] + numbers + ["1800", "99999"]
        case "id":
            let joined = route.joined(separator: "/")
            let kind =
                joined.contains("applications")
                ? "application"
                : joined.contains("accounts")
                    ? "account"
                    : joined.contains("categories") ? "category" : "item"
            return [ids[kind]?.uuidString ?? UUID().uuidString] + malformed
        case "file", "letter", "review": return [UUID().uuidString] + malformed
        default: return nil
        }
    }

    /// Query strings sent to every GET route (with its first, real path values).
    static let queries: [String] = {
        var all: [String] = []
        for name in ["page", "year", "version", "category"] {
            all += numbers.map { "\(name)=\($0)" }
        }
        all += [
            "page=20", "page=4583343807117241856", "page=%ZZ", "page[]=1", "page=null", "page=", "year=1800", "year=2019&page=9999",
            // 10,000 characters: ASCII, and Chinese as a browser sends it (percent-encoded, 90 KB of URL, past what the
            // HTTP parser takes: that one is among the raw requests below).
            "q=\(String(repeating: "a", count: 10_000))", "q=\(encoded(String(long.prefix(2_000))))", "q=%ZZ", "q=%22%20*%20NEAR(%20%5E%20AND",
            "q=%E4%BD%8E%E4%BF%9D&page=20", "q=%E4%BD%8E&page=1000000",
            "q=%00%1B%E2%80%AE", "q=a%22b", "q=%28%29%2A%3A", "agency=NOSUCH", "agency=\(String(repeating: "x", count: 5000))",
            "category=\(UUID().uuidString)", "format=..%2F..%2Fetc%2Fpasswd", "format=pdf", "version=99",
            "view=x", "view=overdue", "sort=x", "order=desc", "officer=\(String(repeating: "x", count: 5000))", "actor=%ZZ", "action=x",
            "move=x", "move=extend&days=9223372036854775807", "move=extend&days=-5", "move=fee&amount=1e999", "move=clarify&date=0000-01-01",
            "move=answer&result=9.9&date=9999-12-31", "%ZZ=1", "&&&", "=",
        ]
        return all
    }()

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Every field the forms read, each set to one hostile value at a time.
    static let fields = [
        "action", "address", "agency", "amount", "applicantType", "attendees", "basis", "body", "bulletinPlace", "categoryID", "channel",
        "channels[]", "code", "confirmedReview", "contact", "content", "date", "days", "decidedOn", "delivery", "detail", "disclosureOffice",
        "displayName", "documentNumber", "email", "fax", "filedOn", "formWanted", "functions", "guide", "headName", "heldOn", "idNumber",
        "idType", "indexPattern", "infoDescription", "infoNumber", "infoTitle", "issuingAgency", "kind", "letterBody", "letterTitle", "move",
        "name", "officeHours", "organisation", "parent", "party", "password", "phone", "position", "postingFrom", "postingTo", "reason",
        "receivedOn", "reportDeadline", "result", "role", "secret", "summary", "title", "topic", "trackingNumber", "unlock", "username",
        "validity", "what", "writtenOn", "year", "version", "section5", "section6", "page",
    ]
    static let fieldValues =
        numbers + ["0000-01-01", "9999-12-31", "2019-02-30", long, "\u{0}\u{1B}\u{202E}", "<script>alert(1)</script>&#60;", "' OR 1=1 --"]

    @Test func everyRoute_withHostileValues_neverAnswersAServerError_andTheServerStaysUp() async throws {
        try await ServerProcess.with { server, prepared in
            var failures: [String] = []
            var requests = 0
            let staff = SocketBrowser(port: server.port)
            #expect(try await staff.signIn("admin", password: prepared.passwords["admin"] ?? ""), "the administrator could not sign in")

            func check(_ method: String, _ target: String, _ response: RawResponse) {
                requests += 1
                let shown = target.count > 120 ? String(target.prefix(120)) + "…" : target
                if response.status >= 500 {
                    failures.append("\(method) \(shown) → \(response.status): \(response.text.prefix(300))")
                }
                let html = response.header("Content-Type")?.contains("text/html") == true
                if response.status >= 400, html, !Self.isChinesePage(response.text) {
                    failures.append(
                        "\(method) \(shown) → \(response.status) is not a Chinese error page with the site's frame: \(response.text.prefix(300))")
                }
                if let problem = Self.headerProblem(response, html: html) { failures.append("\(method) \(shown) → \(response.status): \(problem)") }
            }

            var uncovered: [String] = []
            for route in prepared.routes {
                let parameters = route.path.filter { $0.hasPrefix(":") || $0.hasPrefix("*") }.map { String($0.dropFirst()) }
                var values: [String: [String]] = [:]
                for name in parameters {
                    guard let list = Self.pathValues(name, route: route.path, ids: prepared.ids) else {
                        uncovered.append("\(route.method) /\(route.path.joined(separator: "/")) has :\(name)")
                        continue
                    }
                    values[name] = list
                }
                func target(_ overrides: [String: String]) -> String {
                    "/"
                        + route.path.map { component in
                            guard component.hasPrefix(":") else { return component }
                            let name = String(component.dropFirst())
                            return overrides[name] ?? values[name]?.first ?? "x"
                        }.joined(separator: "/")
                }
                // Each parameter through its values, the others real.
                var targets = [target([:])]
                for name in parameters { for value in values[name]?.dropFirst() ?? [] { targets.append(target([name: value])) } }
                let base = target([:])

                let staffRoute = route.path.first == "staff"
                for client in [staff, SocketBrowser(port: server.port)] {
                    // The query table goes to the client the page is for (signed in for the back office, anonymous
                    // for the portal and the API); the other is shown the paths only.
                    let queries = (client === staff) == staffRoute ? Self.queries.map { base + "?" + $0 } : []
                    do {
                        if route.method == "GET" {
                            for path in targets + queries {
                                check("GET", path, try await client.get(path))
                            }
                            // The API routes behind a token, with it.
                            if route.path.first == "api" {
                                for path in targets {
                                    check(
                                        "GET", path, try await client.send("GET", path, extraHeaders: [("Authorization", "Bearer \(prepared.token)")])
                                    )
                                }
                            }
                        } else {
                            try await Self.hostilePosts(route: route.path, targets: targets, client: client, token: prepared.token, check: check)
                            // A post may have ended the session (sign-out) or changed what the account reads: sign in again.
                            if client === staff, try await staff.get(SiteURL.staffHome.path).status != 200 {
                                _ = try await staff.signIn("admin", password: prepared.passwords["admin"] ?? "")
                            }
                        }
                    } catch {
                        failures.append("\(route.method) /\(route.path.joined(separator: "/")): no answer (\(error))")
                    }
                    #expect(server.isRunning, "the server died at \(route.method) /\(route.path.joined(separator: "/")):\n\(server.output)")
                    if !server.isRunning {
                        Issue.record("answers before it died:\n\(failures.suffix(5).joined(separator: "\n"))")
                        return
                    }
                }
            }
            // Malformed requests outside any route. The HTTP parser closes the connection on the last three (raw
            // UTF-8 in the target, a 90 KB target, a broken request line) without an answer; the server must live on.
            let raws = [
                "GET /%ZZ HTTP/1.1", "GET /a/%FF%FE/catalogue HTTP/1.1", "GET /search?q=%E4%BD HTTP/1.1", "GET //// HTTP/1.1",
                "GET /\(String(repeating: "a", count: 6000)) HTTP/1.1", "GET /search?q=低保 HTTP/1.1",
                "GET /search?q=\(Self.encoded(Self.long)) HTTP/1.1", "GARBAGE",
            ]
            for raw in raws {
                let bytes = Array((raw + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").utf8)
                if let response = try? await RawHTTP.exchange(port: server.port, pieces: [bytes]) { check("RAW", raw, response) }
                #expect(server.isRunning, "the server died at \(raw.prefix(80)):\n\(server.output)")
            }
            print("HOSTILE: \(requests) requests over \(prepared.routes.count) routes, \(failures.count) failures")
            for failure in failures { print("HOSTILE FAILURE: \(failure.prefix(400).replacingOccurrences(of: "\n", with: " "))") }
            #expect(uncovered.isEmpty, "routes with parameters the hostile table does not cover: \(uncovered)")
            #expect(
                failures.isEmpty, "\(failures.count) answers were server errors or English pages:\n\(failures.prefix(40).joined(separator: "\n"))")
            #expect(server.isRunning, "the server is no longer running:\n\(server.output)")
            let health = try await RawHTTP.exchange(port: server.port, pieces: [RawHTTP.request("GET", SiteURL.healthz.path)])
            #expect(health.status == 200, "/healthz answered \(health.status) after the hostile requests")
        }
    }

    /// What is wrong with an answer's security headers, or with its page under them: every answer, error or not, carries
    /// the content security policy and the others; no page has a `style=` attribute or a `<style>` the policy does not
    /// allow (the published report's page has one, allowed by its hash), so nothing is silently unstyled in a browser.
    static func headerProblem(_ response: RawResponse, html: Bool) -> String? {
        for (name, value) in [
            ("Content-Security-Policy", SecurityHeaders.policy), ("X-Frame-Options", "DENY"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
        ] where response.header(name) != value {
            return "\(name) is \(response.header(name) ?? "missing"), not \(value)"
        }
        guard html else { return nil }
        if response.text.range(of: #"<[^>]*\sstyle\s*="#, options: [.regularExpression, .caseInsensitive]) != nil {
            return "the page has a style= attribute, which the policy blocks"
        }
        let styles = response.text.components(separatedBy: "<style>").dropFirst()
        if styles.contains(where: { !$0.hasPrefix(ReportWriter.htmlStyle + "</style>") }) {
            return "the page has a <style> element the policy does not allow"
        }
        return nil
    }

    /// Bodies a form or API route must refuse without a server error: empty, every field hostile, broken encodings,
    /// JSON of the wrong shape, and a body over the route's limit.
    static func hostilePosts(
        route: [String], targets: [String], client: SocketBrowser, token: String, check: (String, String, RawResponse) -> Void
    ) async throws {
        let form = "application/x-www-form-urlencoded"
        let csrf = client.csrf.map { [("_csrf", $0)] } ?? []
        let auth = [("Authorization", "Bearer \(token)")]
        for path in targets {
            check("POST", path, try await client.send("POST", path, contentType: form, body: SocketBrowser.formEncoded(csrf)))
        }
        let path = targets[0]
        for value in fieldValues {
            let fields = Self.fields.map { ($0, value) } + csrf
            check(
                "POST", path + " [all fields \(value.prefix(24))]",
                try await client.send("POST", path, contentType: form, body: SocketBrowser.formEncoded(fields)))
        }
        let broken =
            (csrf.first.map { "_csrf=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" } ?? "")
            + "title=%ZZ&body=%E4%BD&year=%&page[=1"
        check("POST", path + " [bad escapes]", try await client.send("POST", path, contentType: form, body: Array(broken.utf8)))
        for json in [
            "{", "[]", "null", "{\"page\":\"x\",\"year\":1e999}", "{\"applicantType\":5,\"name\":[1],\"action\":{}}",
            "{\"secret\":1,\"trackingNumber\":null}",
        ] {
            check(
                "POST", path + " [json \(json)]",
                try await client.send("POST", path, contentType: "application/json", extraHeaders: auth, body: Array(json.utf8)))
        }
        check(
            "POST", path + " [multipart garbage]",
            try await client.send(
                "POST", path, contentType: "multipart/form-data; boundary=x",
                body: Array("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF".utf8)))
        check("POST", path + " [unknown type]", try await client.send("POST", path, contentType: "text/plain", body: Array("hello".utf8)))
        // Over the limit of every form route (1 MB), sent in pieces.
        let oversized = [UInt8](repeating: UInt8(ascii: "a"), count: 1_200_000)
        check(
            "POST", path + " [1.2 MB]",
            try await client.send("POST", path, contentType: form, body: Array("_csrf=\(client.csrf ?? "")&body=".utf8) + oversized, pieces: 4))
    }

    /// A refusal as the site shows it: a Chinese page (an error page, or the form again with what is wrong) in the
    /// site's frame, whose header leads home, with a Chinese heading and every message marked as an error in Chinese.
    static func isChinesePage(_ html: String) -> Bool {
        // NB: the site's frame, whatever its name: the hostile requests reach the site settings' form too.
        guard html.contains("lang=\"zh-CN\""), html.contains("<header class=\"site\"><a href=\"/\">") else { return false }
        guard let h1 = html.range(of: "<h1>"), let h1End = html[h1.upperBound...].range(of: "</h1>"),
            hasChinese(html[h1.upperBound..<h1End.lowerBound])
        else {
            return false
        }
        var rest = html[...]
        while let start = rest.range(of: "class=\"error\"") {
            guard let open = rest[start.upperBound...].firstIndex(of: ">"), let end = rest[open...].range(of: "</") else { return false }
            if !hasChinese(rest[open..<end.lowerBound]) { return false }
            rest = rest[end.upperBound...]
        }
        return true
    }

    static func hasChinese(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}

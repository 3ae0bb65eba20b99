import Foundation
import Gongkai

/// The OpenAPI 3 description of /api/v1. Tests call every path it lists and check each answer against its schema.
// NB: nonisolated(unsafe) on the dictionaries below: they are built once and only read.
enum OpenAPIDocument {
    static func string(_ description: String? = nil) -> [String: Any] {
        description.map { ["type": "string", "description": $0] } ?? ["type": "string"]
    }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func object(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
    /// What a request may carry: these fields only (another is refused, naming it: `Request.decodeAPIBody`), each text
    /// without the control and text-direction characters every field refuses (`InputGuard`). A field that is not
    /// required may be sent as `null`, which is the same as leaving it out.
    static func input(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        var fields = properties
        for (name, schema) in properties where !required.contains(name) && schema["type"] != nil {
            fields[name]?["nullable"] = true
        }
        return ["type": "object", "properties": fields, "required": required, "additionalProperties": false]
    }

    /// The fields a request body of schema `name` may carry, as the document lists them.
    static func fields(of name: String) -> Set<String> {
        let schema = schemas[name] as? [String: Any]
        return Set((schema?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }
    static let textPattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$"
    /// A text field of a request body.
    static func text(_ description: String? = nil, maxLength: Int? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": "string", "pattern": textPattern]
        if let description { schema["description"] = description }
        if let maxLength { schema["maxLength"] = maxLength }
        return schema
    }
    static func choice(_ values: [String], _ description: String? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": "string", "enum": values]
        if let description { schema["description"] = description }
        return schema
    }
    nonisolated(unsafe) static let uuid: [String: Any] = ["type": "string", "format": "uuid"]
    /// Search words: up to 100 characters, at least one of them not a space.
    nonisolated(unsafe) static let searchWords: [String: Any] = [
        "type": "string", "minLength": 1, "maxLength": 100,
        "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u001F\\u007F]*$",
    ]
    /// A query parameter. An optional one sent empty (`?category=`, as an HTML form sends "any") is the same as absent,
    /// which its schema says.
    static func query(_ name: String, _ schema: [String: Any], _ description: String, required: Bool = false) -> [String: Any] {
        let empty: [String: Any] = ["type": "string", "maxLength": 0]
        let optional: [String: Any] = ["anyOf": [schema, empty]]
        return [
            "name": name, "in": "query", "required": required,
            "description": required ? description : description + "; empty is the same as absent",
            "schema": required ? schema : optional,
        ]
    }
    /// An agency's code in a path or query: the 统一社会信用代码, or a community's own code.
    nonisolated(unsafe) static let code: [String: Any] = ["type": "string", "pattern": "^[0-9A-Za-z-]{1,40}$"]
    nonisolated(unsafe) static let page: [String: Any] = ["type": "integer", "minimum": 1, "maximum": 1_000_000]
    nonisolated(unsafe) static let year: [String: Any] = ["type": "integer", "minimum": 1949, "maximum": 2100]
    static func path(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": name == "id" ? uuid : code]
    }
    nonisolated(unsafe) static let idempotencyKey: [String: Any] = [
        "name": "Idempotency-Key", "in": "header", "required": false,
        "description": "16–64 letters, digits, - or _; the same key sent again is the same application, not a second one",
        "schema": ["type": "string", "minLength": 16, "maxLength": 64, "pattern": "^[A-Za-z0-9_-]{16,64}$"],
    ]
    static func ok(_ schema: [String: Any], _ description: String = "OK") -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }
    nonisolated(unsafe) static let errors: [String: Any] = [
        "400": ok(ref("Error"), "Bad request"), "401": ok(ref("Error"), "No or wrong token"), "403": ok(ref("Error"), "Not allowed"),
        "404": ok(ref("Error"), "Not found"), "409": ok(ref("Error"), "Refused by the workflow, or changed meanwhile"),
        "413": ok(ref("Error"), "The body is over the route's limit"), "415": ok(ref("Error"), "The body is not JSON"),
        "422": ok(ref("Error"), "Invalid fields"),
        "429": ok(ref("Error"), "Too many requests from this client or for this applicant; Retry-After says when to try again"),
        "503": ok(ref("Error"), "The database is busy, or a search ran past its time; Retry-After says when to try again"),
    ]
    static func responses(_ success: [String: Any], code: String = "200") -> [String: Any] {
        errors.merging([code: success]) { $1 }
    }

    nonisolated(unsafe) static let schemas: [String: Any] = [
        "Error": object(["error": string("What is wrong, in a sentence"), "status": ["type": "integer"]], required: ["error", "status"]),
        "Agency": object(
            [
                "code": string("Organisation code, used in URLs and 索引号"), "name": string(),
                "kind": string(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")),
                "parentCode": ["type": "string", "nullable": true], "functions": string(), "organisation": string(), "address": string(),
                "officeHours": string(), "phone": string(), "fax": string(), "email": string(), "headName": string(), "guide": string("公开指南 text"),
                "disclosureOffice": string(),
            ],
            required: [
                "code", "name", "kind", "functions", "organisation", "address", "officeHours", "phone", "fax", "email", "headName", "guide",
                "disclosureOffice",
            ]),
        "Category": object(
            ["id": string("UUID"), "name": string(), "article": string("e.g. 第二十条第（一）项"), "parentID": ["type": "string", "nullable": true]],
            required: ["id", "name", "article"]),
        "Item": object(
            [
                "id": string("UUID"), "agencyCode": string(), "agencyName": string(), "indexNumber": string("索引号"), "categoryID": string(),
                "categoryName": string(),
                "title": string(), "documentNumber": string("文号"), "issuingAgency": string(), "summary": string(), "body": string("plain text"),
                "writtenOn": string("YYYY-MM-DD"), "publishedOn": ["type": "string", "nullable": true],
                "validity": ["type": "string", "nullable": true],
                "channels": array(string()), "bulletinPlace": string(), "postingFrom": ["type": "string", "nullable": true],
                "postingTo": ["type": "string", "nullable": true],
                "state": string("draft, submitted, returned, approved, published, withdrawn, superseded"), "version": ["type": "integer"],
                "daysLate": ["type": "integer", "description": "working days past 第二十六条's 20"],
                "interprets": ["type": "string", "nullable": true, "description": "政策解读: the 索引号 of the policy it interprets"],
                "policy": ["allOf": [ref("ItemRef")], "nullable": true, "description": "one item's answer only: the published policy it interprets"],
                "interpretations": ["type": "array", "items": ref("ItemRef"), "description": "one item's answer only: its published 解读"],
            ],
            required: [
                "id", "agencyCode", "agencyName", "indexNumber", "categoryID", "categoryName", "title", "documentNumber", "issuingAgency", "summary",
                "body", "writtenOn", "channels", "bulletinPlace", "state", "version", "daysLate",
            ]),
        "ItemRef": object(
            ["id": string("UUID"), "agencyCode": string(), "indexNumber": string("索引号"), "title": string(), "url": string("its page on the portal")],
            required: ["id", "agencyCode", "indexNumber", "title", "url"]),
        "ItemPage": object(
            [
                "items": array(ref("Item")), "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"],
                "totalIsCapped": ["type": "boolean", "description": "true when total stopped counting at 10000"],
            ], required: ["items", "page", "perPage", "total", "totalIsCapped"]),
        "SearchHit": object(["item": ref("Item"), "snippet": string()], required: ["item", "snippet"]),
        "SearchPage": object(
            [
                "items": array(ref("SearchHit")), "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"],
                "totalIsCapped": ["type": "boolean", "description": "true when total stopped counting at 10000"],
            ], required: ["items", "page", "perPage", "total", "totalIsCapped"]),
        "ItemInput": input(
            [
                "categoryID": uuid, "title": text(maxLength: 300), "documentNumber": text(), "issuingAgency": text(), "summary": text(),
                "body": text(),
                "writtenOn": text("YYYY-MM-DD"), "validity": text("in-force, repealed, expired"), "channels": array(text()),
                "bulletinPlace": text(),
                "postingFrom": text(), "postingTo": text(),
            ], required: ["categoryID", "title", "body", "writtenOn"]),
        "ApplicationInput": input(
            [
                "applicantType": text(
                    "natural-person, commercial-enterprise, research-institution, public-interest-organisation, legal-service-institution, other-organisation"
                ),
                "name": text(), "idType": text("resident-id, credit-code, passport, travel-permit, foreign-permanent-resident, other"),
                "idNumber": text("checked against GB 11643 / GB 32100 where the type has a check character"), "phone": text(), "email": text(),
                "address": text(),
                "infoTitle": text(), "infoNumber": text("文号"), "infoDescription": text(), "formWanted": text("paper, electronic"),
                "delivery": text("post, email, collect, online"), "channel": text("staff only: in-person, post, letter, fax"),
                "receivedOn": text("staff only: YYYY-MM-DD"),
                "kind": text("disclosure (default) or correction: a record about the applicant to be corrected (第四十一条)"),
                "oral": text("staff only: \"on\" when made orally and written down by staff (第二十九条); needs applicantConfirmed"),
                "applicantConfirmed": text("staff only: \"on\" when the applicant checked and confirmed what staff wrote"),
                "submissionKey": [
                    "type": "string", "pattern": "^[A-Za-z0-9_-]{16,64}$",
                    "description": "as the Idempotency-Key header, which wins when both are sent",
                ],
            ], required: ["applicantType", "name", "idType", "idNumber", "phone", "formWanted", "delivery"]),
        "ApplicationReceipt": object(
            ["trackingNumber": string(), "secret": string("shown once; needed for status look-ups"), "status": string()],
            required: ["trackingNumber", "secret", "status"]),
        "ReportFinding": object(
            [
                "rule": string("a stable rule id, e.g. 3.balance (docs/report-json.md)"), "severity": choice(["error", "warning", "info"]),
                "cell": ["type": "string", "nullable": true, "description": "the cell by its official labels"],
                "expected": ["type": "integer", "nullable": true], "actual": ["type": "integer", "nullable": true], "message": string(),
            ], required: ["rule", "severity", "message"]),
        "ReportCheck": object(
            [
                "format": choice(ReportFormat.allCases.map(\.rawValue)), "year": ["type": "integer", "nullable": true],
                "agency": ["type": "string", "nullable": true],
                "table2": ["type": "object", "nullable": true, "description": "block id → row label → column label → value"],
                "table3": ["type": "object", "nullable": true, "description": "row id → seven numbers (自然人 … 总计)"],
                "table4": ["type": "array", "nullable": true, "items": ["type": "integer", "nullable": true]],
                "sections": array(
                    object(["number": ["type": "integer"], "title": string(), "text": string()], required: ["number", "title", "text"])),
                "findings": array(ref("ReportFinding")),
            ], required: ["format", "year", "agency", "table2", "table3", "table4", "sections", "findings"]),
        "StatusQuery": input(["trackingNumber": text(), "secret": text()], required: ["trackingNumber", "secret"]),
        "ApplicationStatus": object(
            [
                "trackingNumber": string(), "agencyCode": string(), "agencyName": string(),
                "status": string("submitted, open, paused, answered, withdrawn, abandoned"),
                "statusLabel": string(), "submittedOn": string(), "receivedOn": ["type": "string", "nullable": true],
                "dueOn": ["type": "string", "nullable": true],
                "provisional": ["type": "boolean"], "closedOn": ["type": "string", "nullable": true],
                "result": ["type": "string", "nullable": true, "description": "row id of table 三"],
                "resultLabel": ["type": "string", "nullable": true],
            ], required: ["trackingNumber", "agencyCode", "agencyName", "status", "statusLabel", "submittedOn", "provisional"]),
        "Application": object(
            [
                "id": string("UUID"), "trackingNumber": string(), "agencyCode": string(), "status": string(), "applicantType": string(),
                "name": string(),
                "idType": string(), "idNumber": string("masked unless the account handles the agency's applications"),
                "phone": string("masked likewise"),
                "email": string(), "request": string(), "formWanted": string(), "delivery": string(), "channel": string(), "submittedOn": string(),
                "receivedOn": ["type": "string", "nullable": true], "dueOn": ["type": "string", "nullable": true],
                "remainingWorkingDays": ["type": "integer", "nullable": true], "overdue": ["type": "boolean"], "provisional": ["type": "boolean"],
                "result": ["type": "string", "nullable": true], "resultFormat": ["type": "string", "nullable": true],
                "closedOn": ["type": "string", "nullable": true],
                "explanation": array(string()),
                "revision": ["type": "integer", "minimum": 0, "description": "how many times the application has changed"],
                "history": [
                    "type": "array", "nullable": true,
                    "items": object(
                        ["date": string(), "kind": string(), "actor": string(), "detail": string()], required: ["date", "kind", "actor", "detail"]),
                ],
            ],
            required: [
                "id", "trackingNumber", "agencyCode", "status", "applicantType", "name", "idType", "idNumber", "phone", "email", "request",
                "formWanted", "delivery", "channel", "submittedOn", "overdue", "provisional", "explanation", "revision",
            ]),
        "MoveInput": input(
            [
                "move": choice(ApplicationMove.Kind.allCases.map(\.rawValue)),
                "date": text("YYYY-MM-DD, default today"),
                "what": text(
                    "clarify: everything to clarify; ask-reasons: how the applications exceed a reasonable range (第三十五条); reasons-given: the reasons; defer: why the answer cannot be given in time; assist: the help given (第四十三条)"
                ),
                "party": text("consult: who is consulted"),
                "days": text("extend: working days, at most 20"),
                "until": text("defer: YYYY-MM-DD, the day the answer is put off to (第三十五条)"),
                "finding": text("fee: why the applicant's applications clearly exceed a reasonable range (第四十二条)"),
                "scale": text("fee: per-application (counted by identity number in the month of receipt) or per-page; the amount is computed"),
                "pages": text("fee by page: the pages to be provided"),
                "result": text("answer: row id of table 三 in the year's format"),
                "detail": text("answer: what 第三十六条 asks for its result (where and how given, the part withheld and why, the reason)"),
                "withheld": text(
                    "answer 3.2 (部分公开, 第三十七条): the passages of detail withheld, one a line, each `passage｜第十五条` (or 第十四条, 第十六条); the applicant's copy shows 【此处依据第十五条不予公开】 in their place, the original is kept for staff"
                ),
                "elsewhere": text("answer 3.4.1: \"on\" when the information is not this agency's (第三十六条第（五）项)"),
                "responsible": text("answer 3.4.1 elsewhere: the agency responsible and its contact, when known"),
                "letterTitle": text("the letter as sent; drafted when empty"), "letterBody": text(),
                "revision": [
                    "type": "string", "pattern": "^[0-9]{0,18}$",
                    "description":
                        "the application's revision the move was decided on; when it has changed since, the move is refused (409); empty is the same as absent",
                ],
            ], required: ["move"]),
        "ActionInput": input(
            [
                "action": choice(ReviewAction.allCases.map(\.rawValue)), "reason": text(), "confirmedReview": ["type": "boolean"],
                "privacyReason": text("approve: why the item must be published with the personal data the privacy guard found (409 without it)"),
            ],
            required: ["action"]),
    ]

    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.0.3",
        "info": ["title": "Gongkai 政府信息公开 API", "version": "1"],
        "paths": [
            SiteRoute.apiAgencies.openAPIPath: ["get": ["summary": "All agencies", "responses": responses(ok(array(ref("Agency"))))]],
            SiteRoute.apiAgency.openAPIPath: [
                "get": ["summary": "One agency", "parameters": [path("code", "organisation code")], "responses": responses(ok(ref("Agency")))]
            ],
            SiteRoute.apiAgencyCategories.openAPIPath: [
                "get": [
                    "summary": "An agency's catalogue categories", "parameters": [path("code", "organisation code")],
                    "responses": responses(ok(array(ref("Category")))),
                ]
            ],
            SiteRoute.apiItems.openAPIPath: [
                "get": [
                    "summary": "Published items, newest first",
                    "parameters": [
                        query("agency", code, "agency code"), query("category", uuid, "category id"),
                        query("year", year, "year published"), query("page", page, "page, from 1"),
                    ],
                    "responses": responses(ok(ref("ItemPage"))),
                ],
                "post": [
                    "summary": "Draft an item (staff token)", "security": [["bearer": []]],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ItemInput")]]],
                    "responses": responses(ok(ref("Item"), "Created"), code: "201"),
                ],
            ],
            SiteRoute.apiItem.openAPIPath: [
                "get": [
                    "summary": "One item (drafts only with a token of their agency)", "parameters": [path("id", "UUID")],
                    "responses": responses(ok(ref("Item"))),
                ]
            ],
            SiteRoute.apiItemActions.openAPIPath: [
                "post": [
                    "summary": "Submit, return, approve, publish or withdraw (staff token)", "security": [["bearer": []]],
                    "parameters": [path("id", "UUID")],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ActionInput")]]],
                    "responses": responses(ok(ref("Item"))),
                ]
            ],
            SiteRoute.apiAgencyApplications.openAPIPath: [
                "post": [
                    "summary": "Apply for disclosure (public, rate-limited); received when staff confirm it (第三十一条)",
                    "parameters": [path("code", "organisation code"), idempotencyKey],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ApplicationInput")]]],
                    "responses": responses(ok(ref("ApplicationReceipt"), "Created"), code: "201").merging([
                        "200": ok(ref("ApplicationReceipt"), "Sent before with this Idempotency-Key: that application, with a new secret")
                    ]) { $1 },
                ]
            ],
            SiteRoute.apiApplicationStatus.openAPIPath: [
                "post": [
                    "summary": "Status and dates of an application, by tracking number and secret (public, rate-limited, no personal data)",
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("StatusQuery")]]],
                    "responses": responses(ok(ref("ApplicationStatus"))),
                ]
            ],
            SiteRoute.apiApplications.openAPIPath: [
                "get": [
                    "summary": "Applications of the token's agencies (staff token; identity numbers and phones masked)", "security": [["bearer": []]],
                    "parameters": [query("status", choice(ApplicationStatus.allCases.map(\.rawValue)), "only applications in this state")],
                    "responses": responses(ok(array(ref("Application")))),
                ],
                "post": [
                    "summary": "Register an application received in person, by post or fax (officer token)", "security": [["bearer": []]],
                    "parameters": [idempotencyKey],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ApplicationInput")]]],
                    "responses": responses(ok(ref("Application"), "Created"), code: "201").merging([
                        "200": ok(ref("Application"), "Registered before with this Idempotency-Key: that application")
                    ]) { $1 },
                ],
            ],
            SiteRoute.apiApplication.openAPIPath: [
                "get": [
                    "summary": "One application with its clock and history (staff token)", "security": [["bearer": []]],
                    "parameters": [path("id", "UUID")], "responses": responses(ok(ref("Application"))),
                ]
            ],
            SiteRoute.apiApplicationMoves.openAPIPath: [
                "post": [
                    "summary":
                        "A move of the workflow on the statutory clock; refused with 409 and the reason when the law does not allow it (officer token)",
                    "security": [["bearer": []]], "parameters": [path("id", "UUID")],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("MoveInput")]]],
                    "responses": responses(ok(ref("Application"))),
                ]
            ],
            SiteRoute.apiReportCheck.openAPIPath: [
                "post": [
                    "summary":
                        "Read a published annual report (text, HTML or Markdown; UTF-8 or GB18030; up to 2 MB) into the official tables and check its arithmetic; nothing is kept (public, rate-limited); 422 when the body is no report",
                    "parameters": [
                        query("year", year, "the report's year, when its title does not say it"),
                        query("agency", ["type": "string", "maxLength": 200], "the agency, when the title does not name it"),
                    ],
                    "requestBody": ["required": true, "content": ["text/plain": ["schema": ["type": "string"]]]],
                    "responses": responses(ok(ref("ReportCheck"))),
                ]
            ],
            SiteRoute.apiSearch.openAPIPath: [
                "get": [
                    "summary": "Search published items",
                    "parameters": [
                        query("q", searchWords, "words; one or two Chinese characters work", required: true), query("agency", code, "agency code"),
                        query("category", uuid, "category id"), query("year", year, "year published"), query("page", page, "page, from 1"),
                    ],
                    "responses": responses(ok(ref("SearchPage"))),
                ]
            ],
        ],
        "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
    ]

    static let json: String = {
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }()
}

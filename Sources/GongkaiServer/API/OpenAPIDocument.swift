import Foundation

/// The OpenAPI 3 description of /api/v1. Tests call every path it lists and check each answer against its schema.
// NB: nonisolated(unsafe) on the dictionaries below: they are built once and only read.
enum OpenAPIDocument {
    static func string(_ description: String? = nil) -> [String: Any] { description.map { ["type": "string", "description": $0] } ?? ["type": "string"] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func object(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
    static func query(_ name: String, _ type: String, _ description: String, required: Bool = false) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": ["type": type]]
    }
    static func path(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }
    static func ok(_ schema: [String: Any], _ description: String = "OK") -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }
    nonisolated(unsafe) static let errors: [String: Any] = [
        "400": ok(ref("Error"), "Bad request"), "401": ok(ref("Error"), "No or wrong token"), "403": ok(ref("Error"), "Not allowed"),
        "404": ok(ref("Error"), "Not found"), "409": ok(ref("Error"), "Refused by the review workflow"), "422": ok(ref("Error"), "Invalid fields"),
    ]
    static func responses(_ success: [String: Any], code: String = "200") -> [String: Any] {
        errors.merging([code: success]) { $1 }
    }

    nonisolated(unsafe) static let schemas: [String: Any] = [
        "Error": object(["error": string("What is wrong, in a sentence"), "status": ["type": "integer"]], required: ["error", "status"]),
        "Agency": object([
            "code": string("Organisation code, used in URLs and 索引号"), "name": string(), "kind": string("district-government, department, subdistrict, town or community"),
            "parentCode": ["type": "string", "nullable": true], "functions": string(), "organisation": string(), "address": string(),
            "officeHours": string(), "phone": string(), "fax": string(), "email": string(), "headName": string(), "guide": string("公开指南 text"),
            "disclosureOffice": string(),
        ], required: ["code", "name", "kind", "functions", "organisation", "address", "officeHours", "phone", "fax", "email", "headName", "guide", "disclosureOffice"]),
        "Category": object(["id": string("UUID"), "name": string(), "article": string("e.g. 第二十条第（一）项"), "parentID": ["type": "string", "nullable": true]], required: ["id", "name", "article"]),
        "Item": object([
            "id": string("UUID"), "agencyCode": string(), "agencyName": string(), "indexNumber": string("索引号"), "categoryID": string(), "categoryName": string(),
            "title": string(), "documentNumber": string("文号"), "issuingAgency": string(), "summary": string(), "body": string("plain text"),
            "writtenOn": string("YYYY-MM-DD"), "publishedOn": ["type": "string", "nullable": true], "validity": ["type": "string", "nullable": true],
            "channels": array(string()), "bulletinPlace": string(), "postingFrom": ["type": "string", "nullable": true], "postingTo": ["type": "string", "nullable": true],
            "state": string("draft, submitted, returned, approved, published, withdrawn, superseded"), "version": ["type": "integer"],
            "daysLate": ["type": "integer", "description": "working days past 第二十六条's 20"],
        ], required: ["id", "agencyCode", "agencyName", "indexNumber", "categoryID", "categoryName", "title", "documentNumber", "issuingAgency", "summary", "body", "writtenOn", "channels", "bulletinPlace", "state", "version", "daysLate"]),
        "ItemPage": object(["items": array(ref("Item")), "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"], "totalIsCapped": ["type": "boolean", "description": "true when total stopped counting at 10000"]], required: ["items", "page", "perPage", "total", "totalIsCapped"]),
        "SearchHit": object(["item": ref("Item"), "snippet": string()], required: ["item", "snippet"]),
        "SearchPage": object(["items": array(ref("SearchHit")), "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"], "totalIsCapped": ["type": "boolean", "description": "true when total stopped counting at 10000"]], required: ["items", "page", "perPage", "total", "totalIsCapped"]),
        "ItemInput": object([
            "categoryID": string(), "title": string(), "documentNumber": string(), "issuingAgency": string(), "summary": string(), "body": string(),
            "writtenOn": string("YYYY-MM-DD"), "validity": string("in-force, repealed, expired"), "channels": array(string()), "bulletinPlace": string(),
            "postingFrom": string(), "postingTo": string(),
        ], required: ["categoryID", "title", "body", "writtenOn"]),
        "ActionInput": object(["action": string("submit, return, approve, publish, withdraw"), "reason": string(), "confirmedReview": ["type": "boolean"]], required: ["action"]),
    ]

    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.0.3",
        "info": ["title": "Gongkai 政府信息公开 API", "version": "1"],
        "paths": [
            "/api/v1/agencies": ["get": ["summary": "All agencies", "responses": responses(ok(array(ref("Agency"))))]],
            "/api/v1/agencies/{code}": ["get": ["summary": "One agency", "parameters": [path("code", "organisation code")], "responses": responses(ok(ref("Agency")))]],
            "/api/v1/agencies/{code}/categories": ["get": ["summary": "An agency's catalogue categories", "parameters": [path("code", "organisation code")], "responses": responses(ok(array(ref("Category"))))]],
            "/api/v1/items": [
                "get": [
                    "summary": "Published items, newest first",
                    "parameters": [query("agency", "string", "agency code"), query("category", "string", "category id"), query("year", "integer", "year published"), query("page", "integer", "page, from 1")],
                    "responses": responses(ok(ref("ItemPage"))),
                ],
                "post": [
                    "summary": "Draft an item (staff token)", "security": [["bearer": []]],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ItemInput")]]],
                    "responses": responses(ok(ref("Item"), "Created"), code: "201"),
                ],
            ],
            "/api/v1/items/{id}": ["get": ["summary": "One item (drafts only with a token of their agency)", "parameters": [path("id", "UUID")], "responses": responses(ok(ref("Item")))]],
            "/api/v1/items/{id}/actions": [
                "post": [
                    "summary": "Submit, return, approve, publish or withdraw (staff token)", "security": [["bearer": []]], "parameters": [path("id", "UUID")],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ActionInput")]]],
                    "responses": responses(ok(ref("Item"))),
                ],
            ],
            "/api/v1/search": [
                "get": [
                    "summary": "Search published items",
                    "parameters": [query("q", "string", "words; one or two Chinese characters work", required: true), query("agency", "string", "agency code"), query("category", "string", "category id"), query("year", "integer", "year published"), query("page", "integer", "page")],
                    "responses": responses(ok(ref("SearchPage"))),
                ],
            ],
        ],
        "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
    ]

    static let json: String = {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }()
}

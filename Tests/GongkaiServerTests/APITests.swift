import Fluent
import Foundation
import Gongkai
import Testing
import Vapor
import VaporTesting

@testable import GongkaiServer

@Suite struct APITests {
    @Test func api_listsAgenciesCategoriesAndItems() async throws {
        try await withServer(demo: true) { _, client in
            let agencies = try await client.get(SiteURL.apiAgencies.path)
            #expect(agencies.status == .ok)
            let list = try agencies.content.decode([AgencyDTO].self)
            #expect(list.contains { $0.code == DemoSeed.lianfangCode && $0.parentCode == DemoSeed.districtCode })
            let categories = try await client.get(SiteURL.apiAgencyCategories(DemoSeed.lianfangCode).path).content.decode([CategoryDTO].self)
            #expect(categories.contains { $0.article == "第二十条第（一）项" })
            let items = try await client.get(SiteURL.apiItems.path + "?agency=\(DemoSeed.lianfangCode)&year=2019").content.decode(
                ListPage<ItemDTO>.self)
            #expect(items.total == 158)
            #expect(items.items.count == 20)
            let search = try await client.get(SiteURL.apiSearch(query: "低保").path).content.decode(ListPage<SearchHitDTO>.self)
            #expect(search.total > 0)
            #expect(search.items.allSatisfy { $0.item.title.contains("低保") || $0.snippet.contains("低保") || $0.item.body.contains("低保") })
        }
    }

    @Test func api_errorsAreJSONWithAMessage() async throws {
        try await withServer { _, client in
            let missing = try await client.get(SiteURL.apiAgency("NOPE").path)
            #expect(missing.status == .notFound)
            let error = try missing.content.decode(APIError.self)
            #expect(error.error.contains("NOPE"))
            #expect(try await client.get("/api/v1/search").status == .badRequest)
            let unauthorized = try await client.send(
                .POST, SiteURL.apiItems.path, headers: ["Content-Type": "application/json"], body: ByteBuffer(string: "{}"))
            #expect(unauthorized.status == .unauthorized)
            #expect(try unauthorized.content.decode(APIError.self).error.contains("令牌"))
        }
    }

    /// Issue 14: a body holds the fields the document lists, and no other: a misspelt field is refused by name (its
    /// value would otherwise be dropped unread), where the document says `additionalProperties: false`; a field left
    /// out or sent as null is the same (the document says `nullable`).
    @Test func api_aFieldTheDocumentDoesNotListIsRefusedByName() async throws {
        try await withServer(demo: true) { _, client in
            let base =
                #""applicantType":"natural-person","name":"王五","idType":"passport","idNumber":"E12345678","phone":"13800000000","formWanted":"electronic","delivery":"online","infoTitle":"2026年街道办公经费预算""#
            let path = SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path
            let misspelt = try await ApplicationAPITests.json(client, .POST, path, token: nil, "{\(base),\"infoDescripton\":\"用途：研究\"}")
            #expect(misspelt.status == .badRequest)
            let said = try misspelt.content.decode(APIError.self).error
            #expect(said.contains("“infoDescripton”") && said.contains("infoDescription"), "\(said)")
            let nulled = try await ApplicationAPITests.json(client, .POST, path, token: nil, "{\(base),\"infoDescription\":null,\"email\":null}")
            #expect(nulled.status == .created, "\(nulled.body.string)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(try await client.get(SiteURL.apiOpenAPI.path).body.string.utf8)) as? [String: Any])
            let input = try #require(
                ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["ApplicationInput"] as? [String: Any])
            #expect(input["additionalProperties"] as? Bool == false)
            #expect(((input["properties"] as? [String: Any])?["email"] as? [String: Any])?["nullable"] as? Bool == true)
        }
    }

    @Test func api_writesWithAStaffToken() async throws {
        try await withServer(demo: true) { app, client in
            let token = "test-token-lianfang-editor"
            let editor = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first())
            editor.tokenHash = SHA256.hash(data: Data(token.utf8)).hex
            try await editor.save(on: app.db)
            let categoryID = try await StaffTests.category(app, agency: DemoSeed.lianfangCode)
            let body = """
                {"categoryID": "\(categoryID.uuidString)", "title": "通过接口起草的信息", "body": "正文", "writtenOn": "2026-11-19"}
                """
            let created = try await client.send(
                .POST, SiteURL.apiItems.path, headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let item = try created.content.decode(ItemDTO.self)
            #expect(item.state == "draft")
            // A draft is not public…
            #expect(try await client.get(SiteURL.apiItem(item.id).path).status == .notFound)
            // …but its own agency's token reads it.
            #expect(try await client.get(SiteURL.apiItem(item.id).path, headers: ["Authorization": "Bearer \(token)"]).status == .ok)
            let submitted = try await client.send(
                .POST, SiteURL.apiItemActions(item.id).path,
                headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                body: ByteBuffer(string: "{\"action\": \"submit\"}"))
            #expect(try submitted.content.decode(ItemDTO.self).state == "submitted")
            let bad = try await client.send(
                .POST, SiteURL.apiItems.path, headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                body: ByteBuffer(
                    string: "{\"categoryID\": \"\(categoryID.uuidString)\", \"title\": \"\", \"body\": \"x\", \"writtenOn\": \"2026-13-01\"}"))
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(APIError.self).error.contains("writtenOn"))
        }
    }

    /// The OpenAPI document matches what the server answers: every GET path it lists answers 200 with the
    /// properties its schema requires.
    @Test func openAPI_describesWhatTheServerAnswers() async throws {
        try await withServer(demo: true) { app, client in
            let response = try await client.get(SiteURL.apiOpenAPI.path)
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let item = try #require(try await ItemRecord.query(on: app.db).filter(\.$state == "published").first())
            let values = ["{code}": DemoSeed.lianfangCode, "{id}": item.id!.uuidString]
            var checked = 0
            for (template, operations) in paths {
                guard let get = operations["get"] as? [String: Any], get["security"] == nil else { continue }
                var path = template
                for (key, value) in values { path = path.replacingOccurrences(of: key, with: value) }
                if path.hasSuffix("/search") { path += "?q=%E4%BD%8E%E4%BF%9D" }
                let answer = try await client.get(path)
                #expect(answer.status == .ok, "\(path)")
                let schema = try #require(
                    (((get["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any]).flatMap {
                        ($0["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                    })
                let json = try JSONSerialization.jsonObject(with: Data(answer.body.string.utf8))
                try Self.conform(json, to: schema, schemas: schemas, at: path)
                checked += 1
            }
            #expect(checked == 6)
        }
    }

    static func conform(_ value: Any, to schema: [String: Any], schemas: [String: [String: Any]], at path: String) throws {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last!)
            try conform(value, to: try #require(schemas[name]), schemas: schemas, at: path)
            return
        }
        switch schema["type"] as? String {
        case "array":
            let array = try #require(value as? [Any], "\(path): expected an array")
            for element in array.prefix(3) { try conform(element, to: schema["items"] as! [String: Any], schemas: schemas, at: path) }
        case "object":
            let object = try #require(value as? [String: Any], "\(path): expected an object")
            for key in schema["required"] as? [String] ?? [] { #expect(object[key] != nil, "\(path): missing \(key)") }
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let nested = object[key], !(nested is NSNull) { try conform(nested, to: property, schemas: schemas, at: "\(path).\(key)") }
            }
        case "string": #expect(value is String, "\(path): expected a string")
        case "integer": #expect(value is Int, "\(path): expected an integer")
        default: break
        }
    }
}

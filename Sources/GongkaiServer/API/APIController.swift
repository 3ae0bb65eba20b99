import Fluent
import Gongkai
import Vapor

/// The JSON API under /api/v1, described by /api/v1/openapi.json. Reads are public (published items only);
/// writes are for staff tools with a bearer token.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPI)
        api.get("agencies", use: agencies)
        api.get("agencies", ":code", use: agency)
        api.get("agencies", ":code", "categories", use: categories)
        api.get("items", use: items)
        api.get("items", ":id", use: item)
        api.get("search", use: search)
        let tokens = api.grouped(StaffTokenAuthenticator(), StaffUser.guardMiddleware(throwing: Abort(.unauthorized, reason: "send a staff API token as Authorization: Bearer <token>")))
        tokens.post("items", use: createItem)
        tokens.post("items", ":id", "actions", use: act)
    }

    func openAPI(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    func agencies(_ req: Request) async throws -> [AgencyDTO] {
        let all = try await AgencyRecord.query(on: req.db).sort(\.$position).all()
        let codes = Dictionary(uniqueKeysWithValues: all.map { ($0.id!, $0.code) })
        return all.map { $0.dto(parentCode: $0.$parent.id.flatMap { codes[$0] }) }
    }

    func agency(_ req: Request) async throws -> AgencyDTO {
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        return try await catalogue.agencyDTO(try await catalogue.agency(code: req.parameters.get("code") ?? ""))
    }

    func categories(_ req: Request) async throws -> [CategoryDTO] {
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        return try await catalogue.categories(of: try await catalogue.agency(code: req.parameters.get("code") ?? "")).map(\.dto)
    }

    func items(_ req: Request) async throws -> ListPage<ItemDTO> {
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let code = try? req.query.get(String.self, at: "agency")
        let agency = try await code.asyncMap { try await catalogue.agency(code: $0) }
        let page = (try? req.query.get(Int.self, at: "page")) ?? 1
        guard page >= 1 else { throw Abort(.badRequest, reason: "page must be 1 or more") }
        return try await catalogue.published(agency: agency?.id, category: try? req.query.get(UUID.self, at: "category"), year: try? req.query.get(Int.self, at: "year"), page: page)
    }

    func item(_ req: Request) async throws -> ItemDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "the item id must be a UUID") }
        let record = try await Catalogue(db: req.db, calendar: req.workdays).item(id)
        if record.state != PublicationState.published.rawValue {
            // Drafts exist only for staff of their own agency.
            guard let user = try await tokenUser(req), try await Access.of(user, on: req.db).canRead(agency: record.$agency.id) else {
                throw Abort(.notFound, reason: "no published item \(id.uuidString)")
            }
        }
        return record.dto(agency: record.agency, category: record.category)
    }

    private func tokenUser(_ req: Request) async throws -> StaffUser? {
        guard let bearer = req.headers.bearerAuthorization else { return nil }
        try await StaffTokenAuthenticator().authenticate(bearer: bearer, for: req)
        return req.auth.get(StaffUser.self)
    }

    func search(_ req: Request) async throws -> ListPage<SearchHitDTO> {
        guard let q = try? req.query.get(String.self, at: "q"), !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Abort(.badRequest, reason: "give the words to search for as ?q=")
        }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let code = try? req.query.get(String.self, at: "agency")
        let agency = try await code.asyncMap { try await catalogue.agency(code: $0) }
        return try await catalogue.search(q, agency: agency?.id, category: try? req.query.get(UUID.self, at: "category"), year: try? req.query.get(Int.self, at: "year"), page: (try? req.query.get(Int.self, at: "page")) ?? 1)
    }

    func createItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        guard user.role == .editor || user.role == .administrator, let agencyID = user.agencyID, let agency = try await AgencyRecord.find(agencyID, on: req.db) else {
            throw Abort(.forbidden, reason: "only an agency's editor drafts catalogue items")
        }
        let input = try req.content.decode(Catalogue.ItemInput.self)
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let item = try await catalogue.createDraft(input, agency: agency, by: user)
        let category = try await CategoryRecord.find(item.$category.id, on: req.db)!
        let response = Response(status: .created)
        try response.content.encode(item.dto(agency: agency, category: category))
        return response
    }

    struct ActionInput: Content {
        var action: ReviewAction
        var reason: String?
        var confirmedReview: Bool?
    }

    func act(_ req: Request) async throws -> ItemDTO {
        let user = try req.requireStaff()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "the item id must be a UUID") }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let item = try await catalogue.item(id)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id) else { throw Abort(.notFound, reason: "no item \(id.uuidString)") }
        let input = try req.content.decode(ActionInput.self)
        try await catalogue.act(input.action, on: item, by: user, reason: input.reason, confirmedReview: input.confirmedReview ?? false, today: req.today)
        return item.dto(agency: item.agency, category: item.category)
    }
}

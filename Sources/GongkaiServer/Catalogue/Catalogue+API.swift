import Fluent
import Gongkai
import Vapor

/// The JSON API under /api/v1, described by /api/v1/openapi.json. Reads are public (published items only);
/// writes are for staff tools with a bearer token.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.apiOpenAPI, use: openAPI)
        routes.get(.apiAgencies, use: agencies)
        routes.get(.apiAgency, use: agency)
        routes.get(.apiAgencyCategories, use: categories)
        routes.get(.apiItems, use: items)
        routes.get(.apiItem, use: item)
        routes.get(.apiSearch, use: search)
        let tokens = routes.grouped(
            StaffTokenAuthenticator(),
            StaffUser.guardMiddleware(throwing: Refused(.unauthorized, .apiTokenNeeded)))
        tokens.post(.apiItems, use: createItem)
        tokens.post(.apiItemActions, use: act)
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
        let agency = try await req.queryText("agency").asyncMap { try await catalogue.agency(code: $0) }
        return try await catalogue.published(
            agency: agency?.id, category: try req.queryUUID("category"), year: try req.yearQuery(), page: try req.pageParameter())
    }

    func item(_ req: Request) async throws -> ItemDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refused(.badRequest, .itemIdNeeded) }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let record = try await catalogue.item(id)
        if record.state != PublicationState.published.rawValue {
            // Drafts exist only for staff of their own agency.
            guard let user = try await tokenUser(req), try await Access.of(user, on: req.db).canRead(agency: record.$agency.id) else {
                throw Refused(.notFound, .noPublishedItemId, id.uuidString)
            }
        }
        var dto = record.dto(agency: record.agency, category: record.category)
        // 政策解读 and its policy, both ways, as the item's page links them.
        let (policy, readings) = try await catalogue.interpretations(of: record)
        func ref(_ item: ItemRecord) throws -> ItemRef {
            let id = try item.requireID()
            return ItemRef(
                id: id, agencyCode: item.agency.code, indexNumber: item.indexNumber, title: item.title,
                url: req.baseURL + SiteURL.item(item.agency.code, id).path)
        }
        dto.policy = try policy.map(ref)
        dto.interpretations = try readings.map(ref)
        return dto
    }

    private func tokenUser(_ req: Request) async throws -> StaffUser? {
        guard let bearer = req.headers.bearerAuthorization else { return nil }
        try await StaffTokenAuthenticator().authenticate(bearer: bearer, for: req)
        return req.auth.get(StaffUser.self)
    }

    func search(_ req: Request) async throws -> ListPage<SearchHitDTO> {
        guard let q = try req.queryText("q", maxLength: ParameterBounds.searchLength), !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw BadParameter(name: "q", problem: UIText.searchWordNeeded.said())
        }
        try req.admitSearch()
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let agency = try await req.queryText("agency").asyncMap { try await catalogue.agency(code: $0) }
        return try await catalogue.search(
            q, agency: agency?.id, category: try req.queryUUID("category"), year: try req.yearQuery(), page: try req.pageParameter())
    }

    func createItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        guard user.role == .editor || user.role == .administrator, let agencyID = user.agencyID,
            let agency = try await AgencyRecord.find(agencyID, on: req.db)
        else {
            throw Refused(.forbidden, .onlyEditorsDraft)
        }
        let input = try req.decodeAPIBody(Catalogue.ItemInput.self, schema: "ItemInput")
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let item = try await catalogue.createDraft(input, agency: agency, by: user)
        guard let category = try await CategoryRecord.find(item.$category.id, on: req.db) else {
            throw Refused(.internalServerError, .categoryGone)
        }
        let response = Response(status: .created)
        try response.content.encode(item.dto(agency: agency, category: category))
        return response
    }

    struct ActionInput: Content {
        var action: ReviewAction
        var reason: String?
        var confirmedReview: Bool?
        /// Why an item with personal data found in it must be approved as it is.
        var privacyReason: String?
    }

    func act(_ req: Request) async throws -> ItemDTO {
        let user = try req.requireStaff()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refused(.badRequest, .itemIdNeeded) }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let item = try await catalogue.item(id)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id) else {
            throw Refused(.notFound, .noItemId, id.uuidString)
        }
        let input = try req.decodeAPIBody(ActionInput.self, schema: "ActionInput")
        try await catalogue.act(
            input.action, on: item, by: user, reason: input.reason, confirmedReview: input.confirmedReview ?? false,
            privacyReason: input.privacyReason, req: req)
        return item.dto(agency: item.agency, category: item.category)
    }
}

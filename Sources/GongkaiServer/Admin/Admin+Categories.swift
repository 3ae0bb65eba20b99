import Fluent
import Gongkai
import Vapor

/// The administrator keeps each agency's catalogue categories (the columns of its 公开目录).
extension AdminController {
    static func categoryFields(_ existing: [(id: UUID, name: String)], _ l: Language) -> [FormField] {
        [
            FormField(name: "name", label: UIText.newCategoryName(l)),
            FormField(name: "article", label: UIText.articleField(l)),
            FormField(
                name: "parent", label: UIText.parentCategory(l),
                kind: .choice([("", UIText.noneChosen(l))] + existing.map { ($0.id.uuidString, $0.name) })),
            FormField(name: "position", label: UIText.orderField(l)),
        ]
    }

    struct CategoryForm: Content {
        var name: String?
        var article: String?
        var parent: String?
        var position: String?

        var values: [String: String] { ["name": name ?? "", "article": article ?? "", "parent": parent ?? "", "position": position ?? ""] }
    }

    func categories(_ req: Request) async throws -> Response {
        _ = try administrator(req)
        let agency = try await agency(req)
        return try await categoriesPage(req, agency, values: [:], problems: [:], status: .ok)
    }

    private func categoriesPage(
        _ req: Request, _ agency: AgencyRecord, values: [String: String], problems: [String: Said], status: HTTPResponseStatus
    ) async throws -> Response {
        let list = try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$position).all()
        var categories: [CategoriesPage.Category] = []
        for category in list {
            let id = try category.requireID()
            let items = try await ItemRecord.query(on: req.db).filter(\.$category.$id == id).count()
            categories.append(.init(id: id, name: category.name, article: category.article, position: category.position, items: items))
        }
        let page = CategoriesPage(agency: AgencyRef(agency), categories: categories)
        return PageRenderer.render(AdminViews.categories(page, values: values, problems: problems, viewer: req.staffViewer), status: status)
    }

    func addCategory(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        let form = try req.decodeBody(CategoryForm.self)
        let existing = try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).all()
        var problems: [String: Said] = [:]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["name"] = UIText.categoryNameNeeded.said() }
        if name.count > 100 { problems["name"] = UIText.categoryNameLength.said() }
        if existing.contains(where: { $0.name == name }) { problems["name"] = UIText.categoryExists.said(name) }
        let parent = form.parent ?? ""
        let parentID = parent.isEmpty ? nil : UUID(uuidString: parent)
        if !parent.isEmpty, parentID.map({ id in existing.contains { $0.id == id } }) != true {
            problems["parent"] = UIText.parentCategoryProblem.said()
        }
        let order = form.position ?? ""
        let position = order.isEmpty ? (existing.map(\.position).max() ?? 0) + 1 : Int(order)
        if position == nil { problems["position"] = UIText.orderProblem.said() }
        guard problems.isEmpty, let position else {
            return try await categoriesPage(req, agency, values: form.values, problems: problems, status: .unprocessableEntity)
        }
        let category = CategoryRecord(
            agencyID: try agency.requireID(), name: name, article: (form.article ?? "").trimmingCharacters(in: .whitespaces), position: position,
            parentID: parentID)
        try await req.db.transaction { db in
            try await category.create(on: db)
            try await Audit.record(
                .create, .category, id: category.id!.uuidString, agency: agency.code, by: user.username,
                after: Audit.json(["name": category.name, "article": category.article, "position": String(category.position)]), on: db)
        }
        return req.redirect(to: SiteURL.adminCategories(agency.code).path)
    }

    func updateCategory(_ req: Request) async throws -> Response {
        let user = try administrator(req)
        let agency = try await agency(req)
        guard let id = req.parameters.get("id", as: UUID.self), let category = try await CategoryRecord.find(id, on: req.db),
            category.$agency.id == agency.id
        else {
            throw Refused(.notFound, .noSuchCategory, agency.name)
        }
        let form = try req.decodeBody(CategoryForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String: Said] = [:]
        if name.isEmpty { problems["name"] = UIText.categoryNameNeeded.said() }
        if try await CategoryRecord.query(on: req.db).filter(\.$agency.$id == agency.requireID()).filter(\.$name == name).filter(\.$id != id).first()
            != nil
        {
            problems["name"] = UIText.categoryExists.said(name)
        }
        guard let position = Int((form.position ?? "").trimmingCharacters(in: .whitespaces)) else {
            problems["position"] = UIText.orderProblem.said()
            return try await categoriesPage(req, agency, values: [:], problems: problems, status: .unprocessableEntity)
        }
        guard problems.isEmpty else { return try await categoriesPage(req, agency, values: [:], problems: problems, status: .unprocessableEntity) }
        let before = Audit.json(["name": category.name, "article": category.article, "position": String(category.position)])
        category.name = name
        category.position = position
        try await req.db.transaction { db in
            try await category.save(on: db)
            try await Audit.record(
                .update, .category, id: id.uuidString, agency: agency.code, by: user.username, before: before,
                after: Audit.json(["name": category.name, "article": category.article, "position": String(category.position)]), on: db)
        }
        return req.redirect(to: SiteURL.adminCategories(agency.code).path)
    }
}

import Fluent
import Gongkai
import Plot
import Vapor

/// The back office's routes (each feature's staff pages are registered here, behind sign-in), its dashboard, and the
/// catalogue's drafting and review before release (第十七条). Sign-in is in `Core/SignIn+Staff.swift`, the audit
/// log's page in `Core/Audit+Staff.swift`.
struct StaffController {
    func register(_ app: Application) {
        // Sessions only here: the public portal sets no cookies.
        let staff = app.grouped(app.sessions.middleware)
        let forms = staff.grouped(StaffSessionAuthenticator(), CSRFMiddleware())
        forms.get(.staffLogin, use: loginForm)
        forms.post(.staffLogin, use: login)
        let signedIn = forms.grouped(StaffUser.redirectMiddleware(path: SiteURL.staffLogin.path))
        signedIn.post(.staffLogout, use: logout)
        signedIn.get(.staffHome, use: dashboard)
        signedIn.get(.staffNewItem, use: newItem)
        signedIn.post(.staffNewItem, use: createItem)
        signedIn.get(.staffItem, use: showItem)
        signedIn.get(.staffEditItem, use: editItem)
        signedIn.post(.staffEditItem, use: updateItem)
        signedIn.post(.staffItemAction, use: act)
        signedIn.post(.staffAttachments, bodyLimit: "21mb", use: attach)
        signedIn.post(.staffNewVersion, use: newVersion)
        signedIn.get(.staffPrivacy, use: privacyReview)
        signedIn.get(.staffAudit, use: audit)
        AdminController().register(signedIn)
        ApplicationStaffController().register(signedIn)
        AnnualReportStaffController().register(signedIn)
        RegisterController().register(signedIn)
        TrainingStaff().register(signedIn)
        ReviewCaseStaff().register(signedIn)
        ComplaintStaff().register(signedIn)
        InspectionStaff().register(signedIn)
    }

    // MARK: Items

    func dashboard(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        var query = ItemRecord.query(on: req.db).filter(\.$state != PublicationState.published.rawValue)
            .filter(\.$state != PublicationState.superseded.rawValue)
        if let agencies = access.readableAgencies { query = query.filter(\.$agency.$id ~~ Array(agencies)) }
        let open = try await query.sort(\.$updatedAt, .descending).limit(200).with(\.$agency).with(\.$category).all()
        var lateQuery = ItemRecord.query(on: req.db).filter(\.$daysLate > 0)
        if let agencies = access.readableAgencies { lateQuery = lateQuery.filter(\.$agency.$id ~~ Array(agencies)) }
        let late = try await lateQuery.sort(\.$publishedOn, .descending).limit(50).with(\.$agency).with(\.$category).all()
        // 第四十九条: last year's report, warned while `AnnualReports.dueSoon` says so.
        var reportWarning: Said?
        if let agencyID = user.agencyID, let agency = try await AgencyRecord.find(agencyID, on: req.db), agency.kind.takesApplications {
            let year = req.today.year - 1
            let (status, due, _) = try await AnnualReports(db: req.db).status(agency: agency, year: year, today: req.today)
            let days = due.ordinal - req.today.ordinal
            if status == .overdue {
                reportWarning = UIText.reportOverdue.said(year, due.iso, -days)
            } else if AnnualReports.dueSoon(status, due: due, today: req.today) {
                reportWarning = Said(
                    zh: UIText.reportDueSoon(.zh, year, due.iso, days, status.label(.zh)),
                    en: UIText.reportDueSoon(.en, year, due.iso, days, status.label(.en)))
            }
        }
        // The account's holder learns of wrong passwords tried for it since the last sign-in, once.
        var signInWarning: Said?
        if let failures = req.session.data[StaffSessions.Key.failuresBefore].flatMap(Int.init) {
            signInWarning = UIText.failedSignInsSince.said(failures)
            req.session.data[StaffSessions.Key.failuresBefore] = nil
        }
        // Online applications wait for someone to confirm receipt (第三十一条): the clock starts only then. The others
        // are counted on their statutory clock (第三十三条), by the same piles as the applications' list.
        var unconfirmed: [ApplicationRecord] = []
        if ApplicationWorkflow.reads(user.role) {
            var waiting = ApplicationRecord.query(on: req.db).filter(\.$status == .submitted)
            if let agencies = access.readableAgencies { waiting = waiting.filter(\.$agency.$id ~~ Array(agencies)) }
            unconfirmed = try await waiting.sort(\.$submittedOn).sort(\.$trackingNumber).limit(50).with(\.$agency).all()
        }
        // Withheld information due for its assessment (第十八条).
        var reassessments: [ApplicationRecord] = []
        if ApplicationWorkflow.reads(user.role) {
            var due = ApplicationRecord.query(on: req.db).filter(\.$reassessOn <= req.today.iso)
            if let agencies = access.readableAgencies { due = due.filter(\.$agency.$id ~~ Array(agencies)) }
            reassessments = try await due.sort(\.$reassessOn).sort(\.$trackingNumber).limit(50).with(\.$agency).all()
        }
        return PageRenderer.render(
            StaffViews.dashboard(
                user: user, items: open.map { $0.dto(agency: $0.agency, category: $0.category) },
                late: late.map { $0.dto(agency: $0.agency, category: $0.category) },
                unconfirmed: try unconfirmed.map { (try $0.requireID(), $0.trackingNumber, $0.agency.name, $0.submittedOn) },
                reassessments: try reassessments.map { (try $0.requireID(), $0.trackingNumber, $0.agency.name, $0.reassessOn ?? "") },
                tiles: try await tiles(req, user, access), reportWarning: reportWarning, signInWarning: signInWarning,
                viewer: req.staffViewer))
    }

    /// What needs the user today, counted, each count linked to its list: the items by where they stand in review and
    /// those published late (for those who draft, review or oversee the catalogue: an officer handles applications
    /// only); the applications by the piles of their list, on their statutory clock (第三十三条); withheld information
    /// due for assessment (第十八条); the reports on last year overdue or due within 45 days (第四十九条).
    private func tiles(_ req: Request, _ user: StaffUser, _ access: Access) async throws -> [StaffViews.Tile] {
        var tiles: [StaffViews.Tile] = []
        if user.role != .officer {
            for state in [PublicationState.submitted, .returned, .draft] {
                var count = ItemRecord.query(on: req.db).filter(\.$state == state.rawValue)
                if let agencies = access.readableAgencies { count = count.filter(\.$agency.$id ~~ Array(agencies)) }
                tiles.append(StaffViews.Tile(count: try await count.count(), label: .itemsInState(state), link: "#items", urgent: false))
            }
            var late = ItemRecord.query(on: req.db).filter(\.$daysLate > 0)
            if let agencies = access.readableAgencies { late = late.filter(\.$agency.$id ~~ Array(agencies)) }
            tiles.append(StaffViews.Tile(count: try await late.count(), label: .text(.publishedLateTile), link: "#late", urgent: false))
        }
        if ApplicationWorkflow.reads(user.role) {
            let rows = try await ApplicationStaffController.rows(req, access: access, view: "open")
            let piles = Dictionary(grouping: rows, by: \.bucket).mapValues(\.count)
            for (pile, label, urgent) in [("unconfirmed", UIText.unconfirmed, false), ("due-soon", .dueSoon, false), ("overdue", .overdue, true)] {
                let count = piles[pile] ?? 0
                tiles.append(
                    StaffViews.Tile(count: count, label: .text(label), link: SiteURL.staffApplications(view: pile).path, urgent: urgent && count > 0))
            }
            var reassess = ApplicationRecord.query(on: req.db).filter(\.$reassessOn <= req.today.iso)
            if let agencies = access.readableAgencies { reassess = reassess.filter(\.$agency.$id ~~ Array(agencies)) }
            tiles.append(StaffViews.Tile(count: try await reassess.count(), label: .text(.reassessTile), link: "#reassess", urgent: false))
        }
        var agencies = AgencyRecord.query(on: req.db).administrative()
        if let readable = access.readableAgencies { agencies = agencies.filter(\.$id ~~ Array(readable)) }
        let today = req.today
        let reports = try await AnnualReports(db: req.db).statuses(of: try await agencies.all(), year: today.year - 1, today: today)
        let due = reports.filter { AnnualReports.dueSoon($0.status, due: $0.due, today: today) }
        tiles.append(
            StaffViews.Tile(
                count: due.count, label: .text(.reportsDueTile), link: SiteURL.staffReports().path, urgent: due.contains { $0.status == .overdue }))
        return tiles
    }

    private func writableAgency(_ req: Request, _ user: StaffUser) async throws -> AgencyRecord {
        guard ReviewWorkflow.drafts(user.role), let agencyID = user.agencyID,
            let agency = try await AgencyRecord.find(agencyID, on: req.db)
        else { throw Refused(.forbidden, .onlyEditorsDraft) }
        return agency
    }

    func newItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let agency = try await writableAgency(req, user)
        let categories = try await Catalogue(db: req.db, calendar: req.workdays).categories(of: agency)
        return PageRenderer.render(
            StaffViews.itemForm(
                title: UIText.draftItem(req.language), action: SiteURL.staffNewItem.path, input: nil, categories: categories.map(\.dto),
                problems: [:], today: req.today,
                viewer: req.staffViewer))
    }

    /// The form's fields; `channels` comes as repeated checkboxes.
    struct ItemForm: Content {
        var categoryID: String?
        var title: String?
        var documentNumber: String?
        var issuingAgency: String?
        var summary: String?
        var body: String?
        var writtenOn: String?
        var validity: String?
        var isRule: String?
        var changeKind: String?
        var changedOn: String?
        var changeEffectiveOn: String?
        var channels: [String]?
        var bulletinPlace: String?
        var postingFrom: String?
        var postingTo: String?
        var interprets: String?

        var input: Catalogue.ItemInput {
            Catalogue.ItemInput(
                categoryID: categoryID.flatMap(UUID.init(uuidString:)) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                title: title ?? "", documentNumber: documentNumber, issuingAgency: issuingAgency, summary: summary,
                body: body ?? "", writtenOn: writtenOn ?? "", validity: validity, isRule: isRule, changeKind: changeKind, changedOn: changedOn,
                changeEffectiveOn: changeEffectiveOn, channels: channels, bulletinPlace: bulletinPlace, postingFrom: postingFrom,
                postingTo: postingTo,
                interprets: interprets)
        }
    }

    func createItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let agency = try await writableAgency(req, user)
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let input = try req.decodeBody(ItemForm.self).input
        do {
            let item = try await catalogue.createDraft(input, agency: agency, by: user)
            return req.redirect(to: SiteURL.staffItem(item.id!).path)
        } catch let invalid as Catalogue.InvalidInput {
            // Nothing typed is lost: the form comes back filled, each problem beside its field.
            let categories = try await catalogue.categories(of: agency)
            return PageRenderer.render(
                StaffViews.itemForm(
                    title: UIText.draftItem(req.language), action: SiteURL.staffNewItem.path, input: input, categories: categories.map(\.dto),
                    problems: invalid.problems,
                    today: req.today, viewer: req.staffViewer), status: .unprocessableEntity)
        }
    }

    /// The item, if this account may read it; another agency's drafts are not even admitted to exist.
    private func readableItem(_ req: Request, _ user: StaffUser) async throws -> ItemRecord {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refused(.notFound, .noSuchItem) }
        let item = try await Catalogue(db: req.db, calendar: req.workdays).item(id)
        let access = try await Access.of(user, on: req.db)
        guard access.canRead(agency: item.$agency.id) else { throw Refused(.notFound, .noSuchItem) }
        return item
    }

    func showItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        return try await itemPage(req, user, try await readableItem(req, user))
    }

    /// The item's page; after a refused review step, with the refusal beside that step's button.
    private func itemPage(_ req: Request, _ user: StaffUser, _ item: ItemRecord, refused: (any SaidError)? = nil) async throws -> Response {
        var viewer = req.staffViewer
        viewer.address = SiteURL.staffItem(try item.requireID()).path
        let access = try await Access.of(user, on: req.db)
        let history = try await AuditRecord.query(on: req.db).filter(\.$entityID == item.id!.uuidString).sort(\.$at).all()
        let drafter = try await StaffRecord.find(item.$draftedBy.id, on: req.db)
        let due = Day(iso: item.writtenOn).map { PublicationDeadline.due(created: $0, calendar: req.workdays) }
        let attachments = try await AttachmentRecord.query(on: req.db).filter(\.$item.$id == item.id!).field(\.$id).field(\.$filename).field(\.$size)
            .field(\.$sha256).all()
        // Before publication, what the privacy guard finds (issue 17).
        let beforePublication = [PublicationState.draft, .returned, .submitted, .approved].map(\.rawValue).contains(item.state)
        let privacy =
            beforePublication
            ? try await PrivacyGuard.scan(item, on: req.db, pool: req.application.threadPool, known: req.application.attachmentScans) : nil
        return PageRenderer.render(
            StaffViews.item(
                item.dto(agency: item.agency, category: item.category), drafter: drafter?.displayName ?? "", returnReason: item.returnReason,
                canWrite: access.canWrite(agency: item.$agency.id), isDrafter: item.$draftedBy.id == user.id, publishBy: due,
                history: history.map { (Self.time($0.at), $0.actor, Audit.Action(rawValue: $0.action).label) },
                attachments: attachments.map { ($0.filename, $0.size, $0.sha256) }, privacy: privacy,
                refusal: refused?.said(viewer.language), viewer: viewer), status: refused?.status ?? .ok)
    }

    func editItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let item = try await readableItem(req, user)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id) else { throw Refused(.forbidden, .readOnlyItems) }
        let categories = try await Catalogue(db: req.db, calendar: req.workdays).categories(of: item.agency)
        let input = Catalogue.ItemInput(
            categoryID: item.$category.id, title: item.title, documentNumber: item.documentNumber, issuingAgency: item.issuingAgency,
            summary: item.summary, body: item.body, writtenOn: item.writtenOn, validity: item.validity, isRule: item.isRule ? "on" : nil,
            changeKind: item.changeKind, changedOn: item.changedOn, changeEffectiveOn: item.changeEffectiveOn,
            channels: item.channels.split(separator: ",").map(String.init), bulletinPlace: item.bulletinPlace,
            postingFrom: item.postingFrom, postingTo: item.postingTo, interprets: item.interprets)
        return PageRenderer.render(
            StaffViews.itemForm(
                title: UIText.editingItem(req.language, item.title), action: SiteURL.staffEditItem(item.id!).path, input: input,
                categories: categories.map(\.dto), problems: [:], today: req.today, newVersion: item.version > 1, viewer: req.staffViewer))
    }

    func updateItem(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let item = try await readableItem(req, user)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id), user.role == .editor || user.role == .administrator else {
            throw Refused(.forbidden, .onlyEditorsEdit)
        }
        let catalogue = Catalogue(db: req.db, calendar: req.workdays)
        let input = try req.decodeBody(ItemForm.self).input
        do {
            try await catalogue.update(item, with: input, agency: item.agency, by: user)
            return req.redirect(to: SiteURL.staffItem(item.id!).path)
        } catch let invalid as Catalogue.InvalidInput {
            let categories = try await catalogue.categories(of: item.agency)
            return PageRenderer.render(
                StaffViews.itemForm(
                    title: UIText.editingItem(req.language, item.title), action: SiteURL.staffEditItem(item.id!).path, input: input,
                    categories: categories.map(\.dto), problems: invalid.problems, today: req.today, newVersion: item.version > 1,
                    viewer: req.staffViewer), status: .unprocessableEntity)
        }
    }

    struct ActionForm: Content {
        var action: String
        var reason: String?
        var confirmedReview: String?
        var privacyReason: String?
    }

    /// Masks the personal data the privacy guard finds in an item's title, summary and text, before it is approved.
    private func mask(_ req: Request, _ user: StaffUser, _ item: ItemRecord) async throws -> Response {
        guard [PublicationState.draft, .returned, .submitted].map(\.rawValue).contains(item.state) else {
            throw Refused(.conflict, .onlyDraftsEdited, PublicationState(rawValue: item.state)?.label ?? item.state)
        }
        _ = try await PrivacyGuard.mask(item, by: user, on: req.db)
        return req.redirect(to: SiteURL.staffItem(item.id!).path + "#privacy")
    }

    func act(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let item = try await readableItem(req, user)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id) else {
            throw Refused(.forbidden, .cannotChangeItems)
        }
        let form = try req.decodeBody(ActionForm.self)
        if form.action == "mask" { return try await mask(req, user, item) }
        guard let action = ReviewAction(rawValue: form.action) else {
            throw Refused(.badRequest, .unknownAction, form.action, ReviewAction.allCases.map(\.rawValue).joined(separator: "、"))
        }
        do {
            try await Catalogue(db: req.db, calendar: req.workdays).act(
                action, on: item, by: user, reason: form.reason, confirmedReview: form.confirmedReview == "on" || form.confirmedReview == "true",
                privacyReason: form.privacyReason, req: req)
        } catch let refused as Catalogue.ReviewRefused {
            return try await itemPage(req, user, item, refused: refused)
        } catch let refused as PrivacyGuard.Refused {
            return try await itemPage(req, user, item, refused: refused)
        }
        return req.redirect(to: SiteURL.staffItem(item.id!).path)
    }

    /// The retro-scan (issue 17): every published item of the agencies this account reads, its title, summary and
    /// text scanned for personal data, read in batches; the first `privacyListed` items with findings are listed.
    func privacyReview(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let readable = try await Access.of(user, on: req.db).readableAgencies
        var rows: [(item: ItemDTO, places: [PrivacyGuard.Place])] = []
        var capped: Int?
        var page = 0
        scanning: while true {
            var query = ItemRecord.query(on: req.db).filter(\.$state == PublicationState.published.rawValue)
            if let readable { query = query.filter(\.$agency.$id ~~ readable) }
            let batch = try await query.sort(\.$publishedOn, .descending).sort(\.$id).range(page * 500..<(page + 1) * 500)
                .with(\.$agency).with(\.$category).all()
            for item in batch {
                let places = PrivacyGuard.textPlaces(item)
                guard !places.isEmpty else { continue }
                if rows.count == Self.privacyListed {
                    capped = Self.privacyListed
                    break scanning
                }
                rows.append((item.dto(agency: item.agency, category: item.category), places))
            }
            if batch.count < 500 { break }
            page += 1
        }
        return PageRenderer.render(StaffViews.privacyReview(rows, capped: capped, viewer: req.staffViewer))
    }

    static let privacyListed = 200

    struct AttachmentForm: Content {
        var file: File
    }

    func attach(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let item = try await readableItem(req, user)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id), user.role == .editor || user.role == .administrator else {
            throw Refused(.forbidden, .onlyEditorsAttach)
        }
        let form = try req.decodeBody(AttachmentForm.self)
        _ = try await Catalogue(db: req.db, calendar: req.workdays).attach(
            filename: form.file.filename, data: Data(buffer: form.file.data), to: item, by: user)
        return req.redirect(to: SiteURL.staffItem(item.id!).path)
    }

    func newVersion(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let item = try await readableItem(req, user)
        guard try await Access.of(user, on: req.db).canWrite(agency: item.$agency.id), user.role == .editor || user.role == .administrator else {
            throw Refused(.forbidden, .onlyEditorsRevise)
        }
        let next = try await Catalogue(db: req.db, calendar: req.workdays).newVersion(of: item, by: user)
        return req.redirect(to: SiteURL.staffItem(next.id!).path)
    }
}

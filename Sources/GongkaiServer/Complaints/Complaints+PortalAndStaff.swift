import Fluent
import Gongkai
import Plot
import Vapor

/// 投诉举报: anyone may complain about an agency's disclosure work on its portal page; the disclosure office
/// records how it was handled. The complainant's name and contact are never shown publicly.
struct ComplaintController {
    func registerPublic(_ routes: any RoutesBuilder) {
        routes.get(.complaints, use: form)
        routes.post(.complaints, use: submit)
    }

    func registerStaff(_ signedIn: any RoutesBuilder) {
        signedIn.get(.staffComplaints, use: list)
        signedIn.post(.staffComplaint, use: handle)
    }

    struct Form: Content {
        var content: String?
        var name: String?
        var contact: String?
    }

    private func agency(_ req: Request) async throws -> AgencyRecord {
        try await Catalogue(db: req.db, calendar: req.workdays).agency(code: req.parameters.get("code") ?? "")
    }

    private func page(_ agency: AgencyRecord, values: Form, problem: String?, number: String?, viewer: Viewer) -> HTML {
        Views.page(
            title: "\(agency.name)：政府信息公开工作投诉举报", viewer: viewer,
            .p(.text("认为本机关政府信息公开工作侵犯您合法权益的，可以在此投诉、举报（第四十七条、第五十一条）。")),
            .unwrap(number) { .p(.attribute(named: "role", value: "status"), .strong(.text("已收到，编号 \($0)。本机关将调查处理。"))) },
            .unwrap(problem) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(Views.attr(SiteURL.complaints(agency.code).path)),
                .label(.attribute(named: "for", value: "content"), .text("投诉举报内容")),
                .textarea(.name("content"), .id("content"), .attribute(named: "rows", value: "6"), .text(values.content ?? "")),
                .label(.attribute(named: "for", value: "name"), .text("姓名（选填）")),
                .input(.type(.text), .name("name"), .id("name"), .value(Views.attr(values.name ?? ""))),
                .label(.attribute(named: "for", value: "contact"), .text("联系方式（选填，用于反馈处理结果）")),
                .input(.type(.text), .name("contact"), .id("contact"), .value(Views.attr(values.contact ?? ""))),
                .button(.type(.submit), .text("提交"))
            )
        )
    }

    func form(_ req: Request) async throws -> Response {
        PageRenderer.render(page(try await agency(req), values: Form(), problem: nil, number: nil, viewer: req.viewer))
    }

    func submit(_ req: Request) async throws -> Response {
        let agency = try await agency(req)
        try req.admit(req.application.rateLimiters.applications, what: "提交")
        let form = try req.decodeBody(Form.self)
        let content = (form.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !content.isEmpty, content.count <= 5000 else {
            return PageRenderer.render(
                page(agency, values: form, problem: content.isEmpty ? "请填写投诉举报的内容" : "内容不能超过5000字", number: nil, viewer: req.viewer),
                status: .unprocessableEntity)
        }
        let complaint = ComplaintRecord()
        complaint.$agency.id = try agency.requireID()
        complaint.number = "TS-\(req.today.year)-\(UUID().uuidString.prefix(8))"
        complaint.receivedOn = req.today.iso
        complaint.content = content
        complaint.name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        complaint.contact = (form.contact ?? "").trimmingCharacters(in: .whitespaces)
        complaint.handling = ""
        try await complaint.create(on: req.db)
        return PageRenderer.render(page(agency, values: Form(), problem: nil, number: complaint.number, viewer: req.viewer), status: .created)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        var query = ComplaintRecord.query(on: req.db).with(\.$agency).sort(\.$receivedOn, .descending)
        if let agencies = access.readableAgencies { query = query.filter(\.$agency.$id ~~ Array(agencies)) }
        let complaints = try await query.limit(500).all()
        let viewer = req.staffViewer
        let canHandle = [.officer, .officeHead, .administrator].contains(user.role)
        return PageRenderer.render(
            Views.page(
                title: "投诉举报", viewer: viewer,
                StaffViews.header(viewer),
                complaints.isEmpty
                    ? .p(.text("无。"))
                    : .ol(
                        .forEach(complaints) { complaint in
                            .li(
                                .p(.strong(.text("\(complaint.number) · \(complaint.agency.name) · \(complaint.receivedOn)"))),
                                .p(.text(complaint.content)),
                                .p(
                                    .text(
                                        "联系人：\(complaint.name.isEmpty ? "匿名" : complaint.name) \(user.role == .supervisor ? Masking.phone(complaint.contact) : complaint.contact)"
                                    )),
                                complaint.handledOn == nil
                                    ? (canHandle && access.canWrite(agency: complaint.$agency.id)
                                        ? .form(
                                            .method(.post), .action(Views.attr(SiteURL.staffComplaint(complaint.id!).path)),
                                            StaffViews.csrf(viewer),
                                            .label(.attribute(named: "for", value: "handling-\(complaint.id!.uuidString)"), .text("处理情况")),
                                            .textarea(
                                                .name("handling"), .id("handling-\(complaint.id!.uuidString)"), .attribute(named: "rows", value: "3")),
                                            .button(.type(.submit), .text("记录处理结果"))) : .p(.text("待处理")))
                                    : .p(.text("\(complaint.handledOn ?? "") \(complaint.handledBy ?? "") 处理：\(complaint.handling)"))
                            )
                        })
            ))
    }

    func handle(_ req: Request) async throws -> Response {
        let user = try req.requireStaff()
        let access = try await Access.of(user, on: req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let complaint = try await ComplaintRecord.find(id, on: req.db),
            access.canRead(agency: complaint.$agency.id)
        else { throw Abort(.notFound, reason: "没有这件投诉举报") }
        guard [.officer, .officeHead, .administrator].contains(user.role), access.canWrite(agency: complaint.$agency.id) else {
            throw Abort(.forbidden, reason: "投诉举报由政务公开办公室处理")
        }
        guard complaint.handledOn == nil else { throw Abort(.conflict, reason: "这件投诉举报已于\(complaint.handledOn ?? "")处理") }
        let handling = ((try? req.content.get(String.self, at: "handling")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !handling.isEmpty else { throw Abort(.unprocessableEntity, reason: "请填写处理情况") }
        complaint.handling = handling
        complaint.handledOn = req.today.iso
        complaint.handledBy = user.username
        try await req.db.transaction { db in
            try await complaint.save(on: db)
            try await Audit.record(
                .handle, .complaint, id: complaint.number, agency: nil, by: user.username, after: Audit.json(["handling": handling]), on: db)
        }
        return req.redirect(to: SiteURL.staffComplaints.path)
    }
}

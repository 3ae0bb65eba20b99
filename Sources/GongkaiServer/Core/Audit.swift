import Fluent
import Foundation
import Gongkai

/// The append-only audit log: who did what to which record, with the fields before and after. Written only
/// through `Audit.record`, inside the transaction of the change it records.
enum Audit {
    /// What a line of the log is about.
    enum Entity: String, CaseIterable, Sendable {
        case item, application, agency, category, staff, training, complaint, register, site
        case annualReport = "annual-report"
        case reviewCase = "review-case"
    }

    /// What was done: one of the verbs below, or a step of a workflow (an item's review, an application's move).
    struct Action: RawRepresentable, Hashable, Sendable {
        var rawValue: String

        static let create = Action(rawValue: "create")
        static let update = Action(rawValue: "update")
        static let attach = Action(rawValue: "attach")
        static let newVersion = Action(rawValue: "new-version")
        static let supersede = Action(rawValue: "supersede")
        static let handle = Action(rawValue: "handle")
        static let decide = Action(rawValue: "decide")
        static let issueToken = Action(rawValue: "issue-token")
        static let login = Action(rawValue: "login")
        static let register = Action(rawValue: "register")
        static let loginThrottled = Action(rawValue: "login-throttled")
        static let saveDraft = Action(rawValue: "save-draft")
        static let publish = Action(rawValue: "publish")
        static let reassess = Action(rawValue: "reassess")
        static let resetPassword = Action(rawValue: "reset-password")
        static let lock = Action(rawValue: "lock")
        static let unlock = Action(rawValue: "unlock")
        static let revokeToken = Action(rawValue: "revoke-token")
        static let importRecords = Action(rawValue: "import")
        static let privacyOverride = Action(rawValue: "privacy-override")
        static let maskPersonalData = Action(rawValue: "mask-personal-data")

        init(rawValue: String) { self.rawValue = rawValue }

        /// How the log and an item's history name the action.
        var label: String { label(.zh) }

        /// How the log and an item's history name the action, in `language`.
        func label(_ language: Language) -> String {
            if let review = ReviewAction(rawValue: rawValue) { return review.label(language) }
            if let move = ClockEvent.Kind(rawValue: rawValue).flatMap(ApplicationMove.Kind.init(recording:))
                ?? ApplicationMove.Kind(rawValue: rawValue)
            {
                return move.label(language)
            }
            return Self.verbs[rawValue].map { language == .en ? $0.en : $0.zh } ?? rawValue
        }

        private static let verbs: [String: (zh: String, en: String)] = [
            "create": ("创建", "Create"), "update": ("修改", "Change"), "attach": ("上传附件", "Attach a file"),
            "new-version": ("起草新版本", "Draft a new version"), "supersede": ("被新版本取代", "Superseded"), "handle": ("办理", "Handle"),
            "decide": ("审结", "Decide"), "issue-token": ("签发接口令牌", "Issue an API token"), "login": ("登录", "Sign in"),
            "register": ("登记", "Register"), "save-draft": ("保存草稿", "Save a draft"), "letter": ("发出文书", "Send a letter"),
            "reassess": ("复查不予公开的信息", "Reassess withheld information"),
            "reset-password": ("重设密码", "Reset the password"), "lock": ("锁定账号", "Lock the account"), "unlock": ("解锁账号", "Unlock the account"),
            "revoke-token": ("吊销接口令牌", "Revoke the API token"), "import": ("导入", "Import"),
            "privacy-override": ("发现个人信息仍予通过（附理由）", "Approved with personal data found (with a reason)"),
            "mask-personal-data": ("遮盖个人信息", "Mask personal data"),
            "login-throttled": ("登录失败次数过多，暂停该地址登录", "Sign-in stopped for an address after repeated failures"),
        ]
        init(_ review: ReviewAction) { rawValue = review.rawValue }
        /// The clock's name for the move (`clarify-sent` …), or the move's own (`confirm`, `fee-unpaid`).
        init(_ move: ApplicationMove) { rawValue = move.clockKind?.rawValue ?? move.kind.rawValue }
    }

    /// Who acted when no account did, as the log and an application's history store it.
    enum Actor {
        static let applicant = "申请人"
        static let system = "系统"
        static let demo = "演示数据"
        /// `gongkai setup`, `gongkai user …`, `gongkai token …` on the server's own machine.
        static let commandLine = "命令行"
    }

    /// One line of the log, appended to its hash chain. `before` and `after` are JSON of the fields that matter (`json`).
    static func record(
        _ action: Action, _ entity: Entity, id: String, agency: String?, by actor: String, before: String? = nil, after: String? = nil,
        on db: any Database
    ) async throws {
        let entry = AuditRecord(
            actor: actor, action: action.rawValue, entity: entity.rawValue, entityID: id, agencyCode: agency, before: before, after: after)
        // NB: the chain's head is claimed and moved in one transaction with the entry: the caller's, or one of its own.
        if db.inTransaction {
            try await AuditChain.append(entry, on: db)
        } else {
            try await db.transaction { try await AuditChain.append(entry, on: $0) }
        }
    }

    static func json(_ item: ItemRecord) -> String? {
        json([
            "indexNumber": item.indexNumber, "title": item.title, "state": item.state, "category": item.$category.id.uuidString,
            "documentNumber": item.documentNumber, "writtenOn": item.writtenOn, "publishedOn": item.publishedOn,
            "validity": item.validity, "channels": item.channels, "summary": item.summary, "body": item.body,
            "postingFrom": item.postingFrom, "postingTo": item.postingTo, "returnReason": item.returnReason,
        ])
    }

    /// Fields as sorted JSON, for the before/after columns.
    static func json(_ fields: [String: String?]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) }
    }
}

import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Gongkai
import SQLKit
import Vapor

/// Sets up the database, migrations, sessions and routes of `app` from `configuration`, and migrates.
/// `migrate: false` only connects (for `restore`, which must see the database as it is).
public func configure(_ app: Application, _ configuration: ServerConfiguration, migrate: Bool = true) async throws {
    switch configuration.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        do {
            app.databases.use(
                try .postgres(
                    url: url, maxConnectionsPerEventLoop: ServerConfiguration.postgresConnectionsPerEventLoop, connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .debug), as: .psql)
        } catch {
            throw ConfigurationError("DATABASE_URL cannot be used: \(error)")
        }
    }
    app.migrations.add(migrations)

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "gongkai-session"
    let secure = configuration.secureCookies
    app.sessions.configuration.cookieFactory = { session in
        .init(string: session.string, maxAge: Int(StaffSessions.absoluteLimit), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    app.storage[SiteAddressKey.self] = SiteAddress(base: configuration.siteAddress, secureCookies: secure)
    app.clientAddress = ClientAddress(trustedProxies: configuration.trustedProxies)
    app.metricsToken = configuration.metricsToken
    app.passwords.use(.bcrypt(cost: 10))
    app.routes.defaultMaxBodySize = BodyLimit.forms
    app.storage[CalendarKey.self] = loadCalendar(configuration.calendarFile, logger: app.logger)

    _ = app.siteSettingsBox  // NB: made here, before any request or task can reach for it
    app.middleware = Middlewares()
    app.storage[ServerMetricsKey.self] = ServerMetrics(
        poolSize: configuration.poolSize(eventLoops: app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }))
    app.middleware.use(RequestLogMiddleware(metrics: app.metrics))
    app.rateLimits = RateLimits()
    app.attachmentScans = AttachmentScans()
    app.searchLimiter = MemoryRateLimiter(limit: 60, window: 60)
    do {
        app.mailer = try Mailer.from(url: configuration.smtpURL)
    } catch {
        throw ConfigurationError("SMTP_URL cannot be used: \(error)")
    }
    app.lifecycle.use(Housekeeping())
    let reportChecks = ReportCheckTool.Worker()
    app.storage[ReportCheckWorkerKey.self] = reportChecks
    app.lifecycle.use(reportChecks)
    app.middleware.use(SecurityHeaders(https: configuration.secureCookies))
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(InputGuard())
    app.middleware.use(MethodNotAllowedMiddleware())

    try routes(app)
    app.allowedMethods = AllowedMethods(app.routes.all, caseInsensitive: app.routes.caseInsensitive)
    app.responder.use { app in AddressPartResponder.edition(AddressPartResponder.language(app.responder.default)) }

    if case .sqlite = configuration.database, let sql = app.db as? any SQLDatabase {
        // Readers do not wait for the writer, and a commit appends to the log instead of rewriting pages.
        try? await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    guard migrate else { return }
    do {
        try await app.autoMigrate()
    } catch {
        throw ConfigurationError("the database cannot be reached or migrated: \(String(reflecting: error))")
    }
    app.siteSettings = try await SiteSettings.load(on: app.db)
}

/// Every migration, in order. One per file, never edited after it lands.
let migrations: [any Migration] = [
    M001_CreateAgencies(),  // agencies with profile and guide
    M002_CreateCategories(),  // catalogue categories per agency
    M003_CreateStaff(),  // staff accounts
    SessionRecord.migration,  // sessions in the database, shared by every app server
    M004_CreateItems(),  // catalogue items, versions, attachments, 索引号 counters
    M005_CreateAuditLog(),  // the append-only audit log
    M006_CreateIndexes(),  // indexes for portal lists
    M007_CreateSearchIndex(),  // the search index (FTS5 / GIN)
    M008_CreateLookupIndexes(),  // attachments, audit history, next versions
    M009_AppendOnlyAuditLog(),  // triggers refusing UPDATE and DELETE on the audit log
    M010_CreateApplications(),  // applications, their history, letters, review cases
    M011_CreateNoticeIndex(),  // notices in their posting period
    M012_CreateRegisters(),  // table 二 registers, training log
    M013_CreateAnnualReports(),  // annual report drafts and versions, report deadlines
    M014_CreateComplaints(),  // complaints and reports about disclosure work
    M015_CreateApplicationYearIndex(),  // the applications of a year, index-only
    M016_AddFeeAndLetterSettings(),  // fee payment and pause, 复议机关 and 文号 per agency; fees per application
    M017_AddLetterNumbers(),  // the 文号 of letters and their counters
    M018_AddDocumentChanges(),  // 规章 as a field; a new version's change: kind, day, effective day
    M019_StandaloneReviewCases(),  // reconsiderations and lawsuits with or without an application
    M020_AddReassessment(),  // 第十八条: when withheld information is next assessed
    M021_AddDeferral(),  // 第三十五条: the day an answer is put off to
    M022_AddOralApplications(),  // 第二十九条: applications written down by staff
    M023_AddApplicationKinds(),  // 第四十一条: requests to correct one's own records
    M024_SessionsAndSignInThrottles(),  // sessions end on a password reset; sign-in failures per name and address
    M025_ApplicationRevisions(),  // concurrent moves on one application: one is done, the other refused
    M026_Outbox(),  // mail to applicants queued with the change it tells of
    M027_SubmissionKeys(),  // a retried submission finds its application instead of making another
    M028_RateLimits(),  // limits counted in the database, shared by every app server
    M029_SiteSettingsAndAccountLocks(),  // the site's name from `gongkai setup`; accounts an operator locked
    M030_AuditChain(),  // each audit entry hashes the one before it
    M031_ItemInterprets(),  // an interpretation (政策解读) names its policy by 索引号
    M032_ProvidedOriginal(),  // a 部分公开 answer's information before its withheld passages were taken out
    M033_LinkChecks(),  // each agency's last link check
    M034_SiteFiles(),  // the site's emblem
]

struct CalendarKey: StorageKey {
    typealias Value = WorkdayCalendar
}

extension Application {
    /// The working-day calendar: the built-in years with any imported ones over them.
    var workdays: WorkdayCalendar { storage[CalendarKey.self] ?? .official }
}

struct FixedTodayKey: StorageKey {
    typealias Value = Day
}

extension Application {
    /// A fixed "today" for tests and demos; nil means the real date in China.
    public var fixedToday: Day? {
        get { storage[FixedTodayKey.self] }
        set { storage[FixedTodayKey.self] = newValue }
    }
}

extension Request {
    var workdays: WorkdayCalendar { application.workdays }
    /// Today in China; tests fix it (`app.fixedToday`), nothing else reads the wall clock.
    var today: Day { application.fixedToday ?? Day.today(at: Date()) }
}

private func loadCalendar(_ path: String, logger: Logger) -> WorkdayCalendar {
    guard let data = FileManager.default.contents(atPath: path) else { return .official }
    do {
        return WorkdayCalendar.official.merging(try WorkdayCalendar.parse(data).calendar)
    } catch {
        logger.error("the imported calendar \(path) is broken and was not loaded: \(error.description)")
        return .official
    }
}

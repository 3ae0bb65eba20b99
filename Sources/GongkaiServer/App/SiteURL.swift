import Foundation

/// Every link and form action, built by filling in its `SiteRoute` (the pattern its handler is registered with), so
/// no view or test types a URL.
enum SiteURL {
    case home
    case agency(String)
    case guide(String)
    case catalogue(String, category: UUID? = nil, year: Int? = nil, page: Int = 1)
    case item(String, UUID)
    case attachment(String, UUID, UUID)
    case notices(String)
    case reports(String)
    case feed(String)
    case search(query: String, agency: String? = nil, category: UUID? = nil, year: Int? = nil, page: Int = 1)
    case sitemap
    case healthz
    /// The site's stylesheet, its version in the query so that a changed one is fetched anew.
    case stylesheet
    /// The site's emblem, by its version (the first digits of its SHA-256).
    case emblem(version: String)
    case staffHome
    case staffLogin
    case staffLogout
    case staffNewItem
    case staffItem(UUID)
    case staffEditItem(UUID)
    case staffItemAction(UUID)
    case staffAttachments(UUID)
    case staffNewVersion(UUID)
    /// Personal data in published information, to be fixed.
    case staffPrivacy
    /// The self-inspection against the website indicators: the district, or one agency.
    case staffInspection(agency: String? = nil)
    case staffAudit
    case admin
    /// The site's name and footer.
    case adminSite
    case adminSiteEmblem
    case annualReport(String, Int, version: Int? = nil)
    case annualReportDownload(String, Int, format: String, version: Int? = nil)
    case apply(String)
    case applicationStatus
    /// One letter sent to an applicant, read with the application's number and secret (posted, never in the URL).
    case applicationLetter
    /// The list of applications: which pile, sorted by which column, in which order, for which officer.
    case staffApplications(view: String? = nil, sort: String? = nil, order: String? = nil, officer: String? = nil)
    case staffNewApplication
    case staffApplication(UUID)
    case staffApplicationCompose(UUID, move: String?)
    case staffApplicationMove(UUID)
    case staffApplicationLetter(UUID, UUID)
    case staffApplicationReviews(UUID)
    case staffApplicationPublish(UUID)
    case staffApplicationReassess(UUID)
    /// The application as a form to print for the applicant's signature (第二十九条).
    case staffApplicationForm(UUID)
    case adminNewAgency
    case adminAgency(String)
    case adminCategories(String)
    case adminCategory(String, UUID)
    case adminNewAccount
    case adminAccount(UUID)

    case complaints(String)
    case staffComplaints
    case staffComplaint(UUID)
    case staffTrainings
    case staffReviewCases
    case staffRegisters(year: Int? = nil)
    case staffRegistersSave
    case staffRegistersImport
    case staffReports(year: Int? = nil)
    /// The district's annual reports over the years.
    case staffReportTrends
    case staffReport(String, Int)
    case staffReportSave(String, Int)
    case staffReportPublish(String, Int)
    case staffApplicationReview(UUID, UUID)
    case adminAccountToken(UUID)
    case metrics
    case apiOpenAPI
    case apiAgencies
    case apiAgency(String)
    case apiAgencyCategories(String)
    case apiItems
    case apiItem(UUID)
    case apiItemActions(UUID)
    case apiSearch(query: String)
    case apiAgencyApplications(String)
    case apiApplicationStatus
    case apiApplications
    case apiApplication(UUID)
    case apiApplicationMoves(UUID)
    /// The report checker, on the portal and in the API.
    case reportCheck
    case apiReportCheck

    /// The route this URL leads to.
    var route: SiteRoute {
        switch self {
        case .home: .home
        case .agency: .agency
        case .guide: .guide
        case .catalogue: .catalogue
        case .item: .item
        case .attachment: .attachment
        case .notices: .notices
        case .reports: .reports
        case .feed: .feed
        case .search: .search
        case .sitemap: .sitemap
        case .healthz: .healthz
        case .stylesheet: .stylesheet
        case .emblem: .emblem
        case .metrics: .metrics
        case .staffHome: .staffHome
        case .staffLogin: .staffLogin
        case .staffLogout: .staffLogout
        case .staffNewItem: .staffNewItem
        case .staffItem: .staffItem
        case .staffEditItem: .staffEditItem
        case .staffItemAction: .staffItemAction
        case .staffAttachments: .staffAttachments
        case .staffNewVersion: .staffNewVersion
        case .staffPrivacy: .staffPrivacy
        case .staffInspection: .staffInspection
        case .staffAudit: .staffAudit
        case .admin: .admin
        case .adminSite: .adminSite
        case .adminSiteEmblem: .adminSiteEmblem
        case .annualReport: .annualReport
        case .annualReportDownload: .annualReportDownload
        case .apply: .apply
        case .applicationStatus: .applicationStatus
        case .applicationLetter: .applicationLetter
        case .complaints: .complaints
        case .staffApplications: .staffApplications
        case .staffNewApplication: .staffNewApplication
        case .staffApplication: .staffApplication
        case .staffApplicationCompose: .staffApplicationCompose
        case .staffApplicationMove: .staffApplicationMove
        case .staffApplicationLetter: .staffApplicationLetter
        case .staffApplicationReviews: .staffApplicationReviews
        case .staffApplicationReview: .staffApplicationReview
        case .staffApplicationPublish: .staffApplicationPublish
        case .staffApplicationReassess: .staffApplicationReassess
        case .staffApplicationForm: .staffApplicationForm
        case .staffComplaints: .staffComplaints
        case .staffComplaint: .staffComplaint
        case .staffTrainings: .staffTrainings
        case .staffReviewCases: .staffReviewCases
        case .staffRegisters: .staffRegisters
        case .staffRegistersSave: .staffRegistersSave
        case .staffRegistersImport: .staffRegistersImport
        case .staffReports: .staffReports
        case .staffReportTrends: .staffReportTrends
        case .staffReport: .staffReport
        case .staffReportSave: .staffReportSave
        case .staffReportPublish: .staffReportPublish
        case .adminNewAgency: .adminNewAgency
        case .adminAgency: .adminAgency
        case .adminCategories: .adminCategories
        case .adminCategory: .adminCategory
        case .adminNewAccount: .adminNewAccount
        case .adminAccount: .adminAccount
        case .adminAccountToken: .adminAccountToken
        case .apiOpenAPI: .apiOpenAPI
        case .apiAgencies: .apiAgencies
        case .apiAgency: .apiAgency
        case .apiAgencyCategories: .apiAgencyCategories
        case .apiItems: .apiItems
        case .apiItem: .apiItem
        case .apiItemActions: .apiItemActions
        case .apiSearch: .apiSearch
        case .apiAgencyApplications: .apiAgencyApplications
        case .apiApplicationStatus: .apiApplicationStatus
        case .apiApplications: .apiApplications
        case .apiApplication: .apiApplication
        case .apiApplicationMoves: .apiApplicationMoves
        case .reportCheck: .reportCheck
        case .apiReportCheck: .apiReportCheck
        }
    }

    /// The route's parameters, in the order of its pattern.
    private var parameters: [String] {
        switch self {
        case .agency(let code), .guide(let code), .catalogue(let code, _, _, _), .notices(let code), .reports(let code),
            .feed(let code), .apply(let code), .complaints(let code), .adminAgency(let code), .adminCategories(let code),
            .apiAgency(let code), .apiAgencyCategories(let code), .apiAgencyApplications(let code):
            [code]
        case .item(let code, let id), .adminCategory(let code, let id): [code, id.uuidString]
        case .attachment(let code, let item, let file): [code, item.uuidString, file.uuidString]
        case .annualReport(let code, let year, _), .annualReportDownload(let code, let year, _, _), .staffReport(let code, let year),
            .staffReportSave(let code, let year), .staffReportPublish(let code, let year):
            [code, String(year)]
        case .staffItem(let id), .staffEditItem(let id), .staffItemAction(let id), .staffAttachments(let id), .staffNewVersion(let id),
            .staffApplication(let id), .staffApplicationCompose(let id, _), .staffApplicationMove(let id),
            .staffApplicationReviews(let id), .staffApplicationPublish(let id), .staffApplicationReassess(let id), .staffApplicationForm(let id),
            .staffComplaint(let id),
            .adminAccount(let id),
            .adminAccountToken(let id), .apiItem(let id), .apiItemActions(let id), .apiApplication(let id),
            .apiApplicationMoves(let id):
            [id.uuidString]
        case .staffApplicationLetter(let id, let other), .staffApplicationReview(let id, let other): [id.uuidString, other.uuidString]
        case .home, .search, .sitemap, .healthz, .metrics, .stylesheet, .emblem, .staffHome, .staffLogin, .staffLogout, .staffNewItem,
            .staffAudit, .admin, .adminSite, .adminSiteEmblem, .applicationStatus, .applicationLetter, .staffApplications, .staffNewApplication,
            .staffComplaints, .staffTrainings,
            .staffReviewCases,
            .staffRegisters,
            .staffRegistersSave, .staffRegistersImport, .staffReports, .staffReportTrends, .adminNewAgency, .adminNewAccount, .apiOpenAPI,
            .apiAgencies,
            .apiItems, .apiSearch, .apiApplicationStatus, .apiApplications, .reportCheck, .apiReportCheck, .staffPrivacy, .staffInspection:
            []
        }
    }

    /// The query string, empty or starting with `?`.
    private var queryString: String {
        switch self {
        case .catalogue(_, let category, let year, let page):
            query(["category": category?.uuidString, "year": year.map(String.init), "page": page > 1 ? String(page) : nil])
        case .search(let q, let agency, let category, let year, let page):
            query([
                "q": q, "agency": agency, "category": category?.uuidString, "year": year.map(String.init), "page": page > 1 ? String(page) : nil,
            ])
        case .apiSearch(let q): query(["q": q])
        case .stylesheet: query(["v": Stylesheet.version])
        case .emblem(let version): query(["v": version])
        case .annualReport(_, _, let version): query(["version": version.map(String.init)])
        case .annualReportDownload(_, _, let format, let version): query(["format": format, "version": version.map(String.init)])
        case .staffApplicationCompose(_, let move): query(["move": move])
        case .staffRegisters(let year), .staffReports(let year): query(["year": year.map(String.init)])
        case .staffInspection(let agency): query(["agency": agency])
        case .staffApplications(let view, let sort, let order, let officer): query(["view": view, "sort": sort, "order": order, "officer": officer])
        default: ""
        }
    }

    var path: String { route.path(parameters) + queryString }

    private func query(_ items: KeyValuePairs<String, String?>) -> String {
        var components = URLComponents()
        components.queryItems = items.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
        return components.queryItems?.isEmpty == false ? "?" + (components.percentEncodedQuery ?? "") : ""
    }
}

import Foundation

/// Every page and endpoint, in one table: used to register routes and to build links, so no view types a URL.
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
    case staffHome
    case staffLogin
    case staffLogout
    case staffNewItem
    case staffItem(UUID)
    case staffEditItem(UUID)
    case staffItemAction(UUID)
    case staffAttachments(UUID)
    case staffNewVersion(UUID)
    case staffAudit
    case admin
    case annualReport(String, Int, version: Int? = nil)
    case annualReportDownload(String, Int, format: String, version: Int? = nil)
    case apply(String)
    case applicationStatus
    case staffApplications
    case staffNewApplication
    case staffApplication(UUID)
    case staffApplicationCompose(UUID, move: String)
    case staffApplicationMove(UUID)
    case staffApplicationLetter(UUID, UUID)
    case staffApplicationReviews(UUID)
    case staffApplicationPublish(UUID)
    case adminNewAgency
    case adminAgency(String)
    case adminCategories(String)
    case adminCategory(String, UUID)
    case adminNewAccount
    case adminAccount(UUID)

    var path: String {
        switch self {
        case .home: return "/"
        case .agency(let code): return "/a/\(escape(code))"
        case .guide(let code): return "/a/\(escape(code))/guide"
        case .catalogue(let code, let category, let year, let page):
            return "/a/\(escape(code))/catalogue"
                + query(["category": category?.uuidString, "year": year.map(String.init), "page": page > 1 ? String(page) : nil])
        case .item(let code, let id): return "/a/\(escape(code))/items/\(id.uuidString)"
        case .attachment(let code, let item, let file): return "/a/\(escape(code))/items/\(item.uuidString)/files/\(file.uuidString)"
        case .notices(let code): return "/a/\(escape(code))/notices"
        case .reports(let code): return "/a/\(escape(code))/reports"
        case .feed(let code): return "/a/\(escape(code))/feed.atom"
        case .search(let q, let agency, let category, let year, let page):
            return "/search"
                + query([
                    "q": q, "agency": agency, "category": category?.uuidString, "year": year.map(String.init), "page": page > 1 ? String(page) : nil,
                ])
        case .sitemap: return "/sitemap.xml"
        case .healthz: return "/healthz"
        case .staffHome: return "/staff"
        case .staffLogin: return "/staff/login"
        case .staffLogout: return "/staff/logout"
        case .staffNewItem: return "/staff/items/new"
        case .staffItem(let id): return "/staff/items/\(id.uuidString)"
        case .staffEditItem(let id): return "/staff/items/\(id.uuidString)/edit"
        case .staffItemAction(let id): return "/staff/items/\(id.uuidString)/action"
        case .staffAttachments(let id): return "/staff/items/\(id.uuidString)/attachments"
        case .staffNewVersion(let id): return "/staff/items/\(id.uuidString)/new-version"
        case .staffAudit: return "/staff/audit"
        case .admin: return "/staff/admin"
        case .annualReport(let code, let year, let version):
            return "/a/\(escape(code))/reports/\(year)" + query(["version": version.map(String.init)])
        case .annualReportDownload(let code, let year, let format, let version):
            return "/a/\(escape(code))/reports/\(year)/download" + query(["format": format, "version": version.map(String.init)])
        case .apply(let code): return "/a/\(escape(code))/apply"
        case .applicationStatus: return "/status"
        case .staffApplications: return "/staff/applications"
        case .staffNewApplication: return "/staff/applications/new"
        case .staffApplication(let id): return "/staff/applications/\(id.uuidString)"
        case .staffApplicationCompose(let id, let move): return "/staff/applications/\(id.uuidString)/compose" + query(["move": move])
        case .staffApplicationMove(let id): return "/staff/applications/\(id.uuidString)/move"
        case .staffApplicationLetter(let id, let letter): return "/staff/applications/\(id.uuidString)/letters/\(letter.uuidString)"
        case .staffApplicationReviews(let id): return "/staff/applications/\(id.uuidString)/reviews"
        case .staffApplicationPublish(let id): return "/staff/applications/\(id.uuidString)/publish"
        case .adminNewAgency: return "/staff/admin/agencies/new"
        case .adminAgency(let code): return "/staff/admin/agencies/\(escape(code))"
        case .adminCategories(let code): return "/staff/admin/agencies/\(escape(code))/categories"
        case .adminCategory(let code, let id): return "/staff/admin/agencies/\(escape(code))/categories/\(id.uuidString)"
        case .adminNewAccount: return "/staff/admin/accounts/new"
        case .adminAccount(let id): return "/staff/admin/accounts/\(id.uuidString)"
        }
    }

    private func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
    }

    private func query(_ items: KeyValuePairs<String, String?>) -> String {
        var components = URLComponents()
        components.queryItems = items.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
        return components.queryItems?.isEmpty == false ? "?" + (components.percentEncodedQuery ?? "") : ""
    }
}

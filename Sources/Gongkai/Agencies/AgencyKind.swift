/// What kind of body an agency is: it decides whether the agency takes disclosure applications, whether it reports
/// yearly and when its report is due.
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    /// 区（县）人民政府: the government itself.
    case districtGovernment = "district-government"
    /// 政府工作部门: a department of the district government.
    case department
    /// 街道办事处: a 派出机关 of the district government that discloses in its own name (第十条).
    case subdistrict
    /// 镇人民政府.
    case town
    /// 居民委员会: a self-governing body, not an administrative agency; it keeps bulletin boards (居务公开) under its
    /// subdistrict and answers no applications under the 条例 (第十三条 and 第二十七条 bind administrative agencies).
    case community

    public var label: String {
        switch self {
        case .districtGovernment: "区人民政府"
        case .department: "部门"
        case .subdistrict: "街道"
        case .town: "镇"
        case .community: "社区"
        }
    }

    /// A community sends applicants to its subdistrict or town (第二十七条).
    public var takesApplications: Bool { self != .community }

    /// 第四十九条 asks each administrative agency for a yearly report; a community makes none.
    public var reportsYearly: Bool { self != .community }
}

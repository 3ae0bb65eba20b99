import Gongkai
import Testing

@Suite struct AgencyKindTests {
    /// A community keeps bulletin boards under its subdistrict: it takes no application and makes no yearly report;
    /// every administrative agency does both.
    @Test(arguments: [
        (AgencyKind.districtGovernment, true), (.department, true), (.subdistrict, true), (.town, true), (.community, false),
    ])
    func whoAnswersAndReports(kind: AgencyKind, administrative: Bool) {
        #expect(kind.takesApplications == administrative)
        #expect(kind.reportsYearly == administrative)
    }

    /// 第四十九条: a department's 2026 report is due 31 January 2027, the government's 31 March; a subdistrict's on the
    /// date its district sets, 31 January until it sets one.
    @Test(arguments: [
        (AgencyKind.department, "", "2027-01-31"), (.districtGovernment, "", "2027-03-31"), (.subdistrict, "", "2027-01-31"),
        (.subdistrict, "02-28", "2027-02-28"), (.town, "03-15", "2027-03-15"), (.subdistrict, "2-28", "2027-01-31"),
    ])
    func reportDeadline(kind: AgencyKind, setting: String, due: String) {
        #expect(ReportDeadline.due(year: 2026, agencyKind: kind, setting: setting).iso == due)
    }

    /// The stored and API form of each kind is its raw value; the admin form reads it back.
    @Test func rawValuesRoundTrip() {
        #expect(AgencyKind.allCases.map(\.rawValue) == ["district-government", "department", "subdistrict", "town", "community"])
        #expect(Set(AgencyKind.allCases.map(\.label)).count == AgencyKind.allCases.count)
    }
}

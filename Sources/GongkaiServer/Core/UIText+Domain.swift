import Gongkai

// The domain's terms and refusals in the reader's language: each enum case is its own key; its Chinese is the
// domain's (the command line prints the same words), its English is here. A switch without a default means a new
// case cannot compile without its English.

extension AgencyKind {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .districtGovernment: "District government (区人民政府)"
        case .department: "Department (部门)"
        case .subdistrict: "Subdistrict (街道)"
        case .town: "Town (镇)"
        case .community: "Community (社区)"
        }
    }
}

extension PublicationState {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .draft: "a draft"
        case .submitted: "awaiting review"
        case .returned: "returned"
        case .approved: "approved"
        case .published: "published"
        case .withdrawn: "withdrawn"
        case .superseded: "superseded by a new version"
        }
    }
}

extension PublicationChannel {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .website: "the government website"
        case .bulletinBoard: "the notice board (公开栏)"
        case .posting: "posting (张贴公示)"
        case .meeting: "a meeting"
        case .other: "other means"
        }
    }
}

extension Validity {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .inForce: "In force"
        case .repealed: "Repealed"
        case .expired: "Expired"
        }
    }
}

extension ApplicantType {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .naturalPerson: "A person (自然人)"
        case .commercialEnterprise: "A commercial enterprise (商业企业)"
        case .researchInstitution: "A research institution (科研机构)"
        case .publicInterestOrganisation: "A public-interest organisation (社会公益组织)"
        case .legalServiceInstitution: "A legal service institution (法律服务机构)"
        case .otherOrganisation: "Another organisation (其他)"
        }
    }
}

extension IdentityDocument {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .residentIDCard: "Resident identity card (居民身份证)"
        case .creditCode: "Unified social credit code (统一社会信用代码证)"
        case .passport: "Passport"
        case .travelPermit: "Travel permit for Hong Kong, Macao or Taiwan residents"
        case .foreignPermanentResident: "Foreigner's permanent residence card"
        case .other: "Another valid identity document"
        }
    }
}

extension IdentityNumberProblem {
    var said: Said {
        let english =
            switch self {
            case .empty: "Give the document's number"
            case .malformed: "The document number is not well formed"
            case .length(let document, let count):
                "\(document == .creditCode ? "A credit code (统一社会信用代码)" : "A resident ID number (居民身份证号码)") has 18 characters (this one has \(count))"
            case .idCharacters: "A resident ID number has 17 digits, then a digit or X"
            case .birthDate(let birth): "The birth date \(birth) in the resident ID number is no date"
            case .creditCharacters: "The credit code has a character it never uses (I, O, Z, S, V)"
            case .checkCharacter(let document):
                document == .creditCode
                    ? "The credit code's check character does not match (GB 32100); please check it"
                    : "The resident ID number's check character does not match (GB 11643); please check it"
            }
        return Said(zh: message, en: english)
    }
}

extension ApplicationStatus {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .submitted: "Sent, waiting for the agency to confirm receipt"
        case .open: "Being handled"
        case .paused: "Clock paused (waiting for the applicant or a consulted party)"
        case .answered: "Answered"
        case .withdrawn: "Withdrawn"
        case .abandoned: "Deemed abandoned"
        }
    }
}

extension AnswerResult {
    /// The kind of answer in English, with the row of table 三 it is counted under in Chinese (a legal term).
    func label(_ language: Language) -> String { Self.label(label, rowID: rowID, language) }

    /// `label`, the row's Chinese name, in `language`.
    static func label(_ label: String, rowID: String, _ language: Language) -> String {
        guard language == .en else { return label }
        let kind =
            switch rowID.split(separator: ".").dropFirst().first {
            case "1": "Disclosed"
            case "2": "Partly disclosed"
            case "3": "Not disclosed"
            case "4": "Cannot be provided"
            case "5": "Not handled"
            default: "Otherwise closed"
            }
        return "\(kind) (\(label))"
    }
}

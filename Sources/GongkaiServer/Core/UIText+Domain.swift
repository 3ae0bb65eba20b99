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

extension DocumentChange {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .amended: "Amended"
        case .repealed: "Repealed"
        }
    }
}

extension AnswerResult {
    /// The kind of answer in English, with the row of table 三 it is counted under in Chinese (a legal term).
    func label(_ language: Language) -> String { Self.label(label, rowID: rowID, language) }

    /// `label`, the row's Chinese name, in `language`.
    /// The kind of answer in plain words (「部分公开」; English: "Partly disclosed").
    static func plainKind(_ result: AnswerResult, _ language: Language) -> String {
        language == .en ? englishKind(result.rowID) : result.plainKind
    }

    /// The answer's decision in a sentence, with its articles; in English the kind and a pointer to the letter (the
    /// letter, a legal document, is in Chinese).
    static func plainReason(_ result: AnswerResult, _ language: Language) -> String {
        language == .en ? "\(englishKind(result.rowID)): the answer letter gives the decision and its grounds." : result.plainReason
    }

    private static func englishKind(_ rowID: String) -> String {
        ["Disclosed", "Partly disclosed", "Not disclosed", "Cannot be provided", "Not handled", "Otherwise closed"][AnswerResult.group(of: rowID) - 1]
    }

    static func label(_ label: String, rowID: String, _ language: Language) -> String {
        guard language == .en else { return label }
        return "\(englishKind(rowID)) (\(label))"
    }
}

extension ReceiptChannel {
    func explanation(_ language: Language) -> String {
        guard language == .en else { return explanation }
        return switch self {
        case .inPerson: "In person: received on the day it is handed in (Article 31(1))"
        case .postSigned: "By post: received on the day it is signed for (Article 31(2))"
        case .letterConfirmed: "Ordinary letter: received on the day it is confirmed with the applicant (Article 31(2))"
        case .online: "Online: received on the day both sides confirm it (Article 31(3))"
        case .fax: "By fax: received on the day both sides confirm it (Article 31(3))"
        }
    }
}

extension ReviewAction {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .submit: "Submit for review"
        case .return: "Return for changes"
        case .approve: "Approve"
        case .publish: "Publish"
        case .withdraw: "Withdraw"
        }
    }
}

extension ApplicationMove.Kind {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .confirm: "Confirm receipt"
        case .clarify: "Ask for clarification (补正)"
        case .clarified: "Clarified application received"
        case .clarifyExpired: "Not clarified in time: deemed abandoned"
        case .consult: "Consult a third party or agency"
        case .consultReceived: "The consulted party received the letter"
        case .consultAnswered: "The consulted party answered"
        case .extend: "Extend the answer period"
        case .fee: "Send a fee notice"
        case .feeReceived: "The applicant received the fee notice"
        case .feePaid: "The applicant paid"
        case .feeUnpaid: "Not paid in time: deemed abandoned"
        case .askReasons: "Ask the applicant for the reasons"
        case .reasonsGiven: "The applicant gave reasons"
        case .deferAnswer: "Set a later date for the answer"
        case .assist: "Help given to the applicant"
        case .answer: "Answer"
        case .answerCorrection: "Answer the request for correction"
        case .withdraw: "The applicant withdrew"
        }
    }
}

extension StaffRole {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .administrator: "Administrator"
        case .editor: "Editor"
        case .reviewer: "Reviewer"
        case .officer: "Disclosure officer (依申请公开经办人)"
        case .officeHead: "Head of the disclosure office"
        case .supervisor: "Supervisor (read only)"
        }
    }
}

extension ReportFacts.ReviewCase.Kind {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .reconsideration: "Administrative reconsideration (行政复议)"
        case .litigationDirect: "Lawsuit without reconsideration (行政诉讼)"
        case .litigationAfterReconsideration: "Lawsuit after reconsideration (行政诉讼)"
        }
    }
}

extension ReportFacts.ReviewCase.Result {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .upheld: "Upheld"
        case .corrected: "Corrected"
        case .other: "Other outcome"
        case .pending: "Not decided yet"
        }
    }
}

extension AnnualReports.Status {
    func label(_ language: Language) -> String {
        guard language == .en else { return rawValue }
        return switch self {
        case .notStarted: "Not started"
        case .draft: "Being drafted"
        case .onTime: "Published on time"
        case .late: "Published late"
        case .overdue: "Overdue, not published"
        }
    }
}

extension ReportFacts.RegisterKind {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .licence: "Licences (行政许可)"
        case .otherService: "Other external services (其他对外管理服务事项)"
        case .penalty: "Penalties (行政处罚)"
        case .compulsory: "Compulsory measures (行政强制)"
        case .fee: "Administrative fees (行政事业性收费)"
        case .procurement: "Government procurement (政府集中采购)"
        }
    }
}

extension Audit {
    /// Who did it, as the log shows it: a user name, or one of the stored names of those without an account.
    static func actor(_ stored: String, _ language: Language) -> String {
        guard language == .en else { return stored }
        return [Actor.applicant: "The applicant (申请人)", Actor.system: "The system (系统)", Actor.demo: "Demo data (演示数据)"][stored]
            ?? stored
    }
}

extension ReviewRefusal {
    var said: Said {
        let english =
            switch self {
            case .onlyEditorSubmits: "Only editors submit for review"
            case .onlyReviewerReturns: "Only reviewers return items"
            case .returnNeedsReason: "Returning an item needs a reason, for the editor to work from"
            case .onlyReviewerApproves: "Only reviewers approve"
            case .drafterCannotApprove: "The drafter cannot approve their own draft (Article 17: someone else reviews it before it is published)"
            case .reviewNotConfirmed: "Confirm first that the confidentiality and privacy reviews (保密审查) are done, then approve"
            case .onlyEditorOrReviewerPublishes: "Only this agency's editors or reviewers publish"
            case .onlyReviewerWithdraws: "Only reviewers withdraw published items"
            case .notFrom(let state, let action): "An item that is \(state.label(.en)) cannot be given the step “\(action.label(.en))”"
            }
        return Said(zh: message, en: english)
    }
}

extension ApplicationRefusal {
    var said: Said {
        let english =
            switch self {
            case .roleCannotAct(let role):
                "A \(role.label(.en)) account does not handle applications: the agency's disclosure officer or the office head does"
            case .extensionNeedsOfficeHead: "An extension needs the head of the disclosure office (Article 33): use that account"
            case .dateInFuture(let kind, let date, let today): "“\(kind.label(.en))” is dated \(date.iso), after today (\(today.iso))"
            case .closed(let status, let kind): "The application is closed (\(status.label(.en))); “\(kind.label(.en))” is no longer possible"
            case .alreadyConfirmed(let day): "Receipt of this application was confirmed on \(day.iso)"
            case .confirmedBeforeSubmission(let submitted): "Receipt cannot be confirmed before the day it was sent, \(submitted.iso)"
            case .notConfirmed(let kind):
                "Receipt is not confirmed yet (Article 31: an online application counts as received when both sides confirm it); confirm it before “\(kind.label(.en))”"
            case .notAResult(let result, let year, let format): "“\(result)” is not a result in table 三 for \(year) (the \(format.rawValue) format)"
            case .resultOfALapse(let result): "\(result.label(.en)) closes an application that lapsed; it is not chosen as an answer"
            case .clarificationListsNothing: "A request for clarification lists everything to clarify, at once (Article 30)"
            case .consultationNamesNobody: "Name the third party or agency consulted (Articles 32 and 34)"
            case .reasonsRequestSaysNothing:
                "Asking for reasons says how the number or frequency of the applications clearly exceeds a reasonable range (Article 35)"
            case .reasonsNotWritten: "Write down the reasons the applicant gave"
            case .deferralWithoutReason: "A later date says why the answer cannot be given within the statutory period (Article 35)"
            case .helpNotDescribed: "Say what help was given (Article 43)"
            case .notForKind(let applicationKind, let kind): "\(applicationKind.label(.en)) cannot have “\(kind.label(.en))”"
            case .correctionLacks(let result): "The answer “\(result.label(.en))” states \(result.requiredDetailEnglish) (Article 41)"
            case .feeNotPositive: "By the scales of 国办函〔2020〕109号 this application costs nothing: send no fee notice"
            case .answerLacks(let result, _):
                "The answer “\(result.label(.en))” states \(result.requiredDetailEnglish) (Article 36): write it in the details"
            case .unclearWithoutClarification:
                "“Still unclear after clarification” presumes a clarification that came back: none is on record (Article 30)"
            case .feeWithoutFinding:
                "No fee is the rule (Article 42): first write down why this applicant's number or frequency of applications clearly exceeds a reasonable range"
            case .feeWithoutPayment: "A fee notice says how to pay: an administrator first fills in the agency's fee payment details"
            case .feePeriodRunning:
                "The payment period (\(DeadlineEngine.feePaymentPeriod) working days after the fee notice, 国办函〔2020〕109号) has not run out yet"
            case .feeLapsed: "The fee was not paid in time, so the application is deemed abandoned (Article 42): close it as unpaid"
            case .clock(let kind, let error): "The rules of the answer period do not allow “\(kind.label(.en))”: \(error.problem.english)"
            }
        return Said(zh: message, en: english)
    }
}

extension AnswerResult {
    /// `requiredDetail` in English.
    var requiredDetailEnglish: String {
        switch rowID {
        case "3.1": "how and where the information is given (or where it is)"
        case "3.2": "the part withheld and why (Article 37)"
        case "3.5.5": "the specific reason it is not handled"
        default: "the specific reason for withholding (Article 36 (3))"
        }
    }
}

extension ApplicationKind {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .disclosure: "Disclosure of government information (政府信息公开申请)"
        case .correction: "Correction of a record about yourself (更正申请, Article 41)"
        }
    }
}

extension CorrectionResult {
    func label(_ language: Language) -> String {
        guard language == .en else { return label }
        return switch self {
        case .corrected: "Found inaccurate: corrected"
        case .forwarded: "Not this agency's to correct: forwarded to the agency that may"
        case .redirected: "Not this agency's to correct: the applicant told which agency to ask"
        case .notCorrected: "Not found inaccurate: not corrected"
        }
    }

    var requiredDetailEnglish: String {
        switch self {
        case .corrected: "what was corrected"
        case .forwarded, .redirected: "the agency that may correct the record"
        case .notCorrected: "why nothing is corrected"
        }
    }
}

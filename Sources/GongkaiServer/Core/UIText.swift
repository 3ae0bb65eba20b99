import Vapor

/// The text that users read, keyed by meaning, in each language side by side: Chinese complete, English beside it
/// (the switch below has no default, so a key without both cannot compile). `{1}`, `{2}` stand for the values a
/// sentence takes. Legal terms keep their Chinese in parentheses in English. The domain's own terms and refusals are
/// keyed by their enum cases: their Chinese is the domain's, their English is in `UIText+Domain.swift`. Letters and
/// published reports are legal documents and stay Chinese. Features move their text here one at a time (issue 11):
/// what has not moved is still Chinese in its view.
///
/// NB: longer than 400 lines on purpose: one table, so that a translator reads every sentence in one place.
enum UIText: String, CaseIterable, Sendable {
    // The frame of every page.
    case siteName, titleSuffix, skipToContent, searchLabel, footer, crumbsLabel, languageSwitch, englishSuggestion
    case elderEdition, standardEdition
    // The pager.
    case pagesLabel, firstPage, previousPage, nextPage, lastPage, pageNumber, pageTotals, pastTheLastPage
    // Error pages.
    case databaseNotSQL
    case errorCode, backToDesk, backHome, searchInformation, problemBadRequest, problemSignIn, problemForbidden, problemNotFound, problemMethod
    case problemConflict, problemTooLarge, problemMediaType, problemInvalid, problemTooMany, problemBusy, problemServer, problemOther
    // The staff's navigation.
    case desk, draftItem, applications, annualReports, registers, trainings, complaints, administration, auditLog, signOut
    case staffNavigation, navProactive, navOnApplication, navReportsAndRecords, agenciesAndAccounts
    case trendsTitle, trendsExplained, trendsPublished, trendsOverdue, trendsReceived, trendsClosed, trendsCarried, trendsReconsiderations
    case trendsLawsuits
    case handleApplications, deskToday, itemsInStateTile, publishedLateTile, reassessTile, reportsDueTile
    // The error pages' sentences.
    case sentenceBadRequest, sentenceSignIn, sentenceForbidden, sentenceNotFound, sentenceMethod, sentenceTooLarge, sentenceTooLargeHere
    case sentenceMediaType, sentenceInvalid, sentenceTooMany, sentenceBusy, sentenceServer, sentenceOther, sentenceUnreadable, tooOften
    case searchTooSlow
    case whatSubmitting, whatApplying, whatLookingUp, whatSearching
    // The portal's frame and navigation.
    case home, nothingYet, disclosure, agencyDisclosure, agencies, latest, thisAgency, guide, catalogue, notices, apply, applyThroughParent
    case applicationStatus, feed
    // An agency's pages.
    case agencyProfile, functions, organisation, officeAddress, officeHours, telephone, headOfAgency, onNoticeNow, categories, subordinates
    case guideTitle, guideBasis, proactiveCategories, applicationOffice, office, address, phone, fax, email
    // The catalogue and an item.
    case catalogueTitle, catalogueCategoryTitle, all, yearOption, category, year, filter, noLongerInForce, indexNumber, issuedBy, documentNumber
    case noneGiven, writtenOn, publishedOn, validity, publishedThrough, postingPeriod, dateRange, attachments, kilobytes, versions, thisVersion
    case otherVersion, supersededMark, noticesTitle, noticesAsOf, noticeRange, noNotices, noSuchCategory, noSuchItem, noPublishedItem
    case noSuchAttachment, noPublishedAttachment
    // Annual reports on the portal.
    case reportsTitle, reportsBasis, reportName, reportsOf, download, plainText, correctedVersion, noReportYet, reportFormat
    // Search.
    case allAgencies, keywords, agency, searchTitle, moreResultsThan, results
    // Applications on the portal.
    case applicationTitle, applicationIntro, formProblems, sendApplication, applicationSent, applicationSentTo, trackingNumber, secret, secretOnce
    case submissionRepeated, notASubmissionKey
    case checkProgress, statusTitle, receivingAgency, state, submittedOn, receivedOn, toBeConfirmed, answerDue, provisionalDue, closedOn, result
    case lookUp, wrongNumberOrSecret, noApplicationsHere
    case answeredAs, lettersSent, letterSentOn, readLetter, lettersByDelivery, noLettersYet, whatWasAsked, howToFollow, printHint, deliveryWay
    case letterToApplicant, noSuchPublicLetter, backToStatus, printLetterHint
    case footerHost, footerOrganiser, footerContact, footerSiteCode, footerICP, footerPolice, siteSettingsTitle, siteNameField, siteFieldTooLong
    case siteNameHint, footerHint
    case homeGovernment, homeDepartments, homeSubdistricts, homeTowns, homeReports, homeReportPublished, homeReportOverdue, homeReportDue
    case allYears, allCategories, thisPageAddress
    case interpretsField, interpretsHint, interpretsItself, interpretsNoSuchPolicy, interpretationOf, interpretationsOfThis
    case columnHome, columnGuide, columnRules, columnProactive, columnNotices, columnReports, columnApply, columnsLabel, searchThisAgency
    // The application form.
    case choose, fieldApplicantType, fieldName, fieldIdType, fieldIdNumber, hintIdNumber, fieldPhone, fieldEmail, fieldAddress, fieldInfoTitle
    case fieldInfoNumber, fieldInfoDescription, fieldForm, fieldDelivery, fieldChannel, fieldReceivedOn, formPaper, formElectronic, deliveryPost
    case deliveryEmail, deliveryCollect, deliveryOnline, problemApplicantType, problemOrganisationName, problemPersonName, problemNameLength
    case problemDocumentNotFor, problemIdType, problemPhone, problemPhoneDigits, problemEmail, problemEmailNeeded, problemAddressNeeded, problemInfo
    case problemDescriptionLength, problemForm, problemDelivery, problemChannel, problemReceivedFuture, problemReceivedBeforeLaw, problemReceivedOn
    // Complaints on the portal.
    case complaintTitle, complaintIntro, complaintTaken, complaintContent, complaintName, complaintContact, send, complaintEmpty, complaintTooLong
    case complaintNotFound, complaintNotTheOffice, complaintHandled, complaintNoHandling

    // The back office.
    case unconfirmedApplications, fieldsToChange, publishByArticle26, daysLate, attachmentLine, lateBy, applicationNumbered, similarApplications,
        letterSent
    case sendAndRecord, letterKept, lockedUntil, tokenOf, categoriesOf, reportsOfYear, reportOfYear, reportState, trainingsOf, contactPerson,
        handledBy
    case labelled, userWithRole, reviewConfirmed, status, pausedForClarification, resultField, feePerRequest, feeByVolume, countedBucket, ofFormat,
        dueOn,
        overdueBy, daysLeft
    case noneAtAll, kind, action, decidedOn, publish, order, returnReason, backToAdministration, outcome, register, filedOn, applicant, username
    case body, active, title, date, actor, informationWanted, name, summary, edit, saveDraft, noticeTextHidden, clarifyWhat, feeFinding
    case reissueToken, workingDaysLate, postalAddress, returnForChanges, backToApplications, districtTotals, formAndDelivery, publishProactively
    case identity, publishedLate, draftLetter, drafter, copyTokenNow, recordDecision, recordHandling, record, feeBasis, role, deemedAbandoned
    case itemWithdrawn, onDay
    case fieldApplicationKind, hintApplicationKind, problemApplicationKind, moveAnswerCorrection, correctionResult, correctionDetail
    case correctionPeriodNote
    case fieldOral, fieldApplicantConfirmed, problemOralInPerson, problemOralUnconfirmed, printApplicationForm
    case moveAskReasons, reasonsObserved, moveReasonsGiven, reasonsAsGiven, moveDefer, deferUntil, deferReason, moveAssist, helpGiven
    case consultedParty, partyToConsult, tablesFromRecords, moveClarify, reviewsAndSuits, confirmExplained, feeLapsedToClose, officerColon, officer
    case manage, waiting, sameInformation, registerApplication, registerPaperApplication, registerReview, signIn, existingCategories, addAttachment
    case addCategory, bodyField, profileAndGuide, titleField, seeProactiveItem, show, agencyCode, validityField, time, dateField, noAnswerDue
    case newAccount, newAgency, newName, textSections, sources, moveFee, moveConsultAnswered, receivedColumn, withdraw, answerDetail, channel
    case submitForReview, apiToken, youDrafted, toBeConfirmedExplained, unconfirmed, itemsToHandle, notHandled, moveConsult, extensionDays
    case moveExtend, publishBy, overdue, itemCount, tokenIssued, publishedVersions, totalsExplained, closed, staffAccounts, staffSignIn
    case notYetConfirmed, noToken, notPublishedYet, noTrainings, object, password, decision, approve, personName, reviewBody, reviewBodyField
    case history, handling, topic, seeOnPortal, toldApplicant, letters, allFromRegisters, issueToken, issuedByField, dueBy, publishCorrection
    case attendees, anonymous, arithmeticErrors, arithmeticErrorsToFix, arithmeticPasses, applicationHistory, resultColon, inHand, handle
    case workingDaysLeft, content, postingTo, postingFrom, bulletinPlace, revise, after, before, save, basis, moveAnswer, letterExplained, code
    case people, notApplicable, parentAgency, upload, dueSoon

    // Administration.
    case usernameHint, accountAgency, noAgency, firstPassword, newPassword, passwordHint, unlock, usernameProblem, usernameTaken, nameNeeded
    case roleNeeded, noAgencyCoded, roleNeedsAgency, passwordTooShort, create, noSuchAccount, accountTitle, keepOwnAdmin, adminOnly, agencyCodeField
    case agencyCodeHint, noneChosen, functionsField, headNameField, emailField, disclosureOfficeField, guideField, indexPatternField
    case indexPatternHint, deadlineField, deadlineHint, agencyCodeProblem, agencyCodeTaken, agencyNameNeeded, agencyKindNeeded, parentLoop
    case indexPatternProblem, deadlineProblem, profileOf, newCategoryName, articleField, parentCategory, orderField, categoryNameNeeded
    case categoryNameLength, categoryExists, parentCategoryProblem, orderProblem

    // Registers and the desk.
    case registersOf, linesToCorrect, previousCount, change, decisionCount, procurementCount, amountTenThousand, importCSV, csvHeader, csvLines
    case csvFile, importIt, chooseCSV, notUTF8, csvLineProblem, noOwnAgency, officeKeepsRecords, reportOverdue, reportDueSoon

    // The back office's refusals.
    case onlyEditorsDraft, readOnlyItems, onlyEditorsEdit, cannotChangeItems, unknownAction, onlyEditorsAttach, onlyEditorsRevise, noItemNumbered
    case onlyDraftsEdited, unknownItemState, onlyDraftsAttach, fileTypeRefused, emptyFile, onlyPublishedRevised, versionInPreparation
    case applicationsForOfficers, noSuchApplication, onlyOfficersRegister, fillIn, unknownMove, extensionRange, feePagesRange, feeNeedsIdentity,
        feeAmountFixed, feePages, feePaymentField, feePaymentHint, feeTimeExcludedField, letterNumberPatternMissing, reconsiderationField,
        reconsiderationHint, letterNumberField, letterNumberHint, letterNumberProblem, answerElsewhere, answerResponsible, dateFormat, dateRangeLaw
    case readOnlyApplications, noLetterForMove, noSuchLetter, chooseReviewKind, chooseReviewResult, giveReviewBody, pendingHasNoDate
    case reassessTitle, reassessDue, reassessConclusion, reassessNext, nothingToReassess, reassessConclusionNeeded, reassessNextDate
    case reassessmentsDue, reassessmentsExplained, reassessOnColumn
    case giveReviewSubject, trackingNumberField, noApplicationNumbered, reviewCasesOf, reviewCasesExplained, reviewCases, subjectField, noReviewCases,
        aboutApplication
    case decidedNeedsDate, decidedBeforeFiled, filedInFuture, noSuchReview, reviewDecided, chooseDecision, decisionDateRange, onlyDisclosedPublished
    case noCategoryYet, agencyNotReadable, readOnlyReports, cannotPublishReports, adminReadsAudit, unknownRole, csrfExpired

    // Items.
    case editingItem, isRuleField, changeLegend, changedOnField, changeKindField, changeEffectiveField, changedOnNeeded,
        changeEffectiveFormat, changeKindProblem, changeKindNeedsValidity, titleNeeded, titleLength, categoryNeeded, writtenOnRange, writtenOnFormat,
        validityProblem, unknownChannel, bulletinPlaceNeeded
    case postingBoth, postingFromFormat, postingToFormat, postingOrder, dayOutOfRange

    // Signing in, the training log, reports.
    case failedSignInsSince
    case reportUnbalanced, wrongPassword, accountLocked, trainingFuture, trainingDate, topicNeeded, attendeesProblem, clarifyItems,
        consultedPartyName, theResult

    // Parameters in addresses.
    case badParameter, noReportsBefore2008, badPercentEncoding, parameterTooLong, controlCharacters, notAnIdentifier, integerRange, searchWordNeeded
    // What a request carries that cannot be read.
    case applicationChangedMeanwhile, openApplicationAgain, fieldNotTaken
    case pathControlCharacters, bodyNUL, fieldControlCharacters, bodyMalformed, bodyUnreadable, queryMalformed, queryUnreadable, missingField,
        fieldWrongType
    case fieldUnrecognised, wholeBody, listEntry, unreadable, attachmentTooLarge, apiTokenNeeded, itemIdNeeded, noPublishedItemId
    case noItemId, categoryGone, oneOf
    // The report checker.
    case checkerTitle, checkerIntro, checkerLimits, checkerNothingKept, checkerPaste, checkerFiles, checkerSubmit, checkerNothingGiven
    case checkerPasted, checkerSummary, checkerReport, checkerFormatColumn, checkerErrors, checkerWarnings, checkerOutcome, checkerClean
    case checkerHasErrors, checkerUnreadableShort, checkerUnreadable, checkerReadAs, checkerYearOf, checkerYearUnknown, checkerAgencyUnknown
    case checkerFindings, checkerNoFindings, severityError, severityWarning, severityInfo, checkerExpectedPrinted, checkerTooManyFiles
    case checkerFileTooLarge, checkerLink, checkerTablesRead, checkerAgain, whatChecking
    case readEmpty, readBinary, readUndecodable, readNotAReport, readInvalidJSON
    // The privacy guard.
    case privacyAttachment, privacyPlace, kindResidentID, kindMobile, kindBankCard, kindAddress, privacyUndecodable, privacyNoTool
    case privacyNoTextLayer, privacyNotText, privacyBlocks, privacyTitle, privacyMaskAll, privacyOverrideReason, privacyClean
    case privacyUnchecked, privacyAttachmentsFix, privacyRetroTitle, privacyRetroExplained, privacyRetroNone, privacyRetroCapped
    // The self-inspection.
    case inspectionTitle, inspectionSource, inspectionIndicator, inspectionWeight, inspectionThreshold, inspectionEvidence, inspectionFix
    case inspectionVeto, inspectionDeduction, inspectionFails, inspectionPasses, inspectionNone, inspectionGoFix
    case linksNotChecked, linksChecked, linksExternalNotChecked, linksExternalChecked, linksLimitReached, linksStoppedByTime, linksExternalOverLimit,
        linksCheckNow,
        linksCheckHint
    case outboundLinkChecksField, outboundLinkChecksHint
    case emblemTitle, emblemHint, emblemCurrent, emblemNone, emblemFile, emblemUpload, emblemRemove, emblemNoFile, emblemTooLarge, emblemNotImage
    // Redaction for 部分公开.
    case withheldField, withheldHint, withheldOnlyPartial, redactionNoGround, redactionUnknownGround, redactionNotInText
    case providedOriginalTitle, providedOriginalNote

    /// The text in `language`, with `{1}`, `{2}` … replaced by `values`.
    func callAsFunction(_ language: Language, _ values: any CustomStringConvertible...) -> String {
        Self.fill(language == .en ? texts.en : texts.zh, values)
    }

    /// This text with its values, to be said later in the reader's language.
    func said(_ values: any CustomStringConvertible...) -> Said { said(values: values.map(\.description)) }

    func said(values: [String]) -> Said { Said(zh: Self.fill(texts.zh, values), en: Self.fill(texts.en, values)) }

    /// The sentence with sentences of its own in their places, each in the same language.
    func said(nesting parts: [Said]) -> Said { Said(zh: Self.fill(texts.zh, parts.map(\.zh)), en: Self.fill(texts.en, parts.map(\.en))) }

    private static func fill(_ text: String, _ values: [any CustomStringConvertible]) -> String {
        var text = text
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: value.description)
        }
        return text
    }

    /// Chinese and English.
    var texts: (zh: String, en: String) {
        switch self {
        // The frame of every page.
        case .siteName: ("政府信息公开平台", "Government Information Disclosure")
        case .titleSuffix: (" - 政府信息公开", " - Government Information Disclosure")
        case .skipToContent: ("跳到正文", "Skip to content")
        case .searchLabel: ("搜索", "Search")
        case .footer: ("依据《中华人民共和国政府信息公开条例》公开 · Gongkai", "Published under the Regulations on Open Government Information (政府信息公开条例) · Gongkai")
        case .crumbsLabel: ("位置", "You are here")
        case .languageSwitch: ("English", "中文")
        case .elderEdition: ("长辈版", "Large type (长辈版)")
        case .standardEdition: ("标准版", "Standard edition")
        case .englishSuggestion: ("英文版", "English")
        // The pager.
        case .pagesLabel: ("分页", "Pages")
        case .firstPage: ("首页", "First")
        case .previousPage: ("上一页", "Previous")
        case .nextPage: ("下一页", "Next")
        case .lastPage: ("末页", "Last")
        case .pageNumber: ("第{1}页", "Page {1}")
        case .pageTotals: ("共{1}条，{2}页", "{1} in all, {2} pages")
        case .pastTheLastPage: ("第{1}页没有信息，已超出最后一页；请从下方页码中选择。", "Page {1} lies past the last page and has nothing; choose a page below.")
        // Error pages.
        case .errorCode: ("（错误代码 {1}）", "(error code {1})")
        case .backToDesk: ("返回工作台", "Back to the desk")
        case .backHome: ("返回首页", "Back to the home page")
        case .searchInformation: ("搜索政府信息", "Search government information")
        case .problemBadRequest: ("请求有误", "Bad request")
        case .problemSignIn: ("请先登录", "Please sign in")
        case .databaseNotSQL: ("数据库不支持 SQL：请使用 SQLite 或 PostgreSQL", "The database does not speak SQL: use SQLite or PostgreSQL")
        case .problemForbidden: ("无权访问", "Not allowed")
        case .problemNotFound: ("找不到该页面", "Page not found")
        case .problemMethod: ("不支持该请求方式", "Request method not supported")
        case .problemConflict: ("操作与当前状态冲突", "Not possible in the current state")
        case .problemTooLarge: ("提交的内容过大", "Too large")
        case .problemMediaType: ("不支持的文件类型", "File type not supported")
        case .problemInvalid: ("填写的内容有误", "Please correct the form")
        case .problemTooMany: ("请求过于频繁", "Too many requests")
        case .problemBusy: ("服务器繁忙", "Server busy")
        case .problemServer: ("服务器错误", "Server error")
        case .problemOther: ("无法完成请求", "The request could not be completed")
        // The staff's navigation.
        case .desk: ("工作台", "Desk (工作台)")
        case .draftItem: ("起草公开信息", "Draft an item")
        case .applications: ("依申请公开", "Applications (依申请公开)")
        case .annualReports: ("年度报告", "Annual reports (年度报告)")
        case .registers: ("登记簿", "Registers (登记簿)")
        case .trainings: ("培训记录", "Training log")
        case .complaints: ("投诉举报", "Complaints (投诉举报)")
        case .administration: ("系统管理", "Administration")
        case .auditLog: ("审计日志", "Audit log")
        case .signOut: ("退出", "Sign out")
        case .staffNavigation: ("后台导航", "Back-office navigation")
        case .navProactive: ("主动公开", "Proactive disclosure")
        case .navOnApplication: ("依申请公开", "Disclosure on application")
        case .navReportsAndRecords: ("年报与台账", "Reports and records")
        case .agenciesAndAccounts: ("机构和账号", "Agencies and accounts")
        case .deskToday: ("今天要办的事", "What needs you today")
        case .handleApplications: ("申请办理", "Applications")
        case .trendsTitle: ("历年年度报告趋势", "Annual reports over the years")
        case .trendsExplained:
            (
                "本页按年汇总您可查看的{1}个机关的年度报告：已发布的取最新版本，未发布的按记录计算；数字与各年“辖区合计”相同。",
                "The reports of the {1} agencies you read, year by year: the latest published version, else computed from the records; the figures are each year's district totals."
            )
        case .trendsPublished: ("已发布/机关数", "Published / agencies")
        case .trendsOverdue: ("逾期未发布", "Overdue")
        case .trendsReceived: ("本年新收申请", "Applications received")
        case .trendsClosed: ("办结", "Closed")
        case .trendsCarried: ("结转下年度", "Carried over")
        case .trendsReconsiderations: ("行政复议", "Reconsiderations")
        case .trendsLawsuits: ("行政诉讼", "Lawsuits")
        case .itemsInStateTile: ("信息·{1}", "Items · {1}")
        case .publishedLateTile: ("逾期发布的信息（第二十六条）", "Items published late (Article 26)")
        case .reassessTile: ("到期复查的不予公开信息（第十八条）", "Withheld information due for assessment (Article 18)")
        case .reportsDueTile: ("到期或逾期未公布的年度报告（第四十九条）", "Annual reports due or overdue (Article 49)")
        // The error pages' sentences.
        case .sentenceBadRequest: ("请求的格式不对，服务器无法处理。", "The request is malformed and cannot be handled.")
        case .sentenceSignIn: ("请先登录后再访问此页面。", "Please sign in to see this page.")
        case .sentenceForbidden: ("当前账号无权进行此操作。", "This account may not do this.")
        case .sentenceNotFound: ("没有这个页面：地址可能有误，或者信息已经移动。", "There is no such page: the address may be wrong, or the information has moved.")
        case .sentenceMethod: ("此地址不接受这种请求方式。", "This address does not take this kind of request.")
        case .sentenceTooLarge: ("提交的内容超过了允许的大小，未能保存。", "What was sent is larger than allowed and was not saved.")
        case .sentenceTooLargeHere:
            (
                "提交的内容超过了此处允许的大小（上限 {1}），未能保存；请缩短内容或分成几个文件后再提交。",
                "What was sent is larger than allowed here (at most {1}) and was not saved; shorten it or split it into several files."
            )
        case .sentenceMediaType: ("不支持这种提交格式或文件类型。", "This format or file type is not supported.")
        case .sentenceInvalid: ("填写的内容有误，请检查后重新提交。", "Something in the form is wrong; please check it and send it again.")
        case .sentenceTooMany: ("请求过于频繁，请稍后再试。", "Too many requests; please try again later.")
        case .sentenceBusy:
            (
                "服务器繁忙，暂时无法访问数据库，本次提交未保存；请稍后再试。",
                "The server is busy and cannot reach its database; nothing was saved. Please try again later."
            )
        case .searchTooSlow:
            (
                "这次检索超过 {1} 秒仍未完成，已停止；请换用更具体的检索词，或按单位、年份缩小范围后再试。",
                "This search ran past {1} seconds and was stopped; try more specific words, or narrow it by agency or year."
            )
        case .sentenceServer: ("服务器出现内部错误，已记录在日志中；请稍后再试。", "The server met an internal error, which has been logged; please try again later.")
        case .sentenceOther: ("无法完成请求。", "The request could not be completed.")
        case .sentenceUnreadable: ("提交的内容格式不对：{1}", "What was sent cannot be read: {1}")
        case .tooOften: ("{1}过于频繁，请{2}秒后再试", "{1}: too often; please try again in {2} seconds")
        case .whatSubmitting: ("提交", "Sending")
        case .whatApplying: ("提交申请", "Sending applications")
        case .whatLookingUp: ("查询", "Looking up")
        case .whatSearching: ("搜索", "Searching")
        // The portal's frame and navigation.
        case .home: ("首页", "Home")
        case .nothingYet: ("暂无信息。", "Nothing yet.")
        case .disclosure: ("政府信息公开", "Government information disclosure")
        case .agencyDisclosure: ("{1}政府信息公开", "{1}: government information disclosure")
        case .agencies: ("机关", "Agencies")
        case .latest: ("最新公开", "Latest published")
        case .thisAgency: ("本机关", "This agency")
        case .guide: ("公开指南", "Disclosure guide (公开指南)")
        case .catalogue: ("公开目录", "Catalogue (公开目录)")
        case .notices: ("公示", "Notices (公示)")
        case .apply: ("申请公开", "Apply for information")
        case .applyThroughParent: ("申请公开（向所属街道、镇提出）", "Apply for information (to the subdistrict or town)")
        case .applicationStatus: ("申请查询", "Application status")
        case .feed: ("订阅（Atom）", "Subscribe (Atom)")
        // An agency's pages.
        case .agencyProfile: ("机关概况", "About the agency")
        case .functions: ("机构职能", "Functions")
        case .organisation: ("机构设置", "Organisation")
        case .officeAddress: ("办公地址", "Office address")
        case .officeHours: ("办公时间", "Office hours")
        case .telephone: ("联系电话", "Telephone")
        case .headOfAgency: ("负责人", "Head")
        case .onNoticeNow: ("正在公示", "On notice now")
        case .categories: ("目录分类", "Categories")
        case .subordinates: ("下属机关和社区公开栏", "Subordinate agencies and community boards")
        case .guideTitle: ("{1}政府信息公开指南", "{1}: disclosure guide (政府信息公开指南)")
        case .guideBasis: ("依据《中华人民共和国政府信息公开条例》第十二条编制。", "Compiled under Article 12 of the Regulations on Open Government Information (政府信息公开条例).")
        case .proactiveCategories: ("主动公开的信息分类", "Categories of information published proactively")
        case .applicationOffice: ("依申请公开的办理机构", "Where applications are handled")
        case .office: ("办理机构", "Office")
        case .address: ("地址", "Address")
        case .phone: ("电话", "Telephone")
        case .fax: ("传真", "Fax")
        case .email: ("电子邮箱", "Email")
        // The catalogue and an item.
        case .catalogueTitle: ("{1}政府信息公开目录", "{1}: catalogue of government information")
        case .catalogueCategoryTitle: ("{1}政府信息公开目录：{2}", "{1}: catalogue of government information: {2}")
        case .all: ("全部", "All")
        case .yearOption: ("{1}年", "{1}")
        case .category: ("分类", "Category")
        case .year: ("年份", "Year")
        case .filter: ("筛选", "Filter")
        case .noLongerInForce: ("本信息{1}，以下为原发布内容，仅供查阅。", "This information is {1}; below is what was published, for reference only.")
        case .indexNumber: ("索引号", "Index number (索引号)")
        case .issuedBy: ("发布机构", "Issued by")
        case .documentNumber: ("文号", "Document number (文号)")
        case .noneGiven: ("无", "None")
        case .writtenOn: ("生成日期", "Written on")
        case .publishedOn: ("发布日期", "Published on")
        case .validity: ("有效性", "Validity")
        case .publishedThrough: ("公开方式", "Published through")
        case .postingPeriod: ("公示期", "Notice period")
        case .dateRange: ("{1} 至 {2}", "{1} to {2}")
        case .attachments: ("附件", "Attachments")
        case .kilobytes: ("（{1} KB）", " ({1} KB)")
        case .versions: ("版本记录", "Versions")
        case .thisVersion: ("第{1}版，{2}发布（本页）", "Version {1}, published {2} (this page)")
        case .otherVersion: ("第{1}版，{2}发布", "Version {1}, published {2}")
        case .supersededMark: ("（已被替代）", " (superseded)")
        case .noticesTitle: ("{1}正在公示的信息", "{1}: information on notice")
        case .noticesAsOf: ("截至{1}，以下信息处于公示期内。", "As of {1}, this information is within its notice period.")
        case .noticeRange: ("公示期 {1} 至 {2}", "On notice {1} to {2}")
        case .noNotices: ("目前没有处于公示期的信息。", "No information is on notice now.")
        case .noSuchCategory: ("{1}没有这个目录分类", "{1} has no such category")
        case .noSuchItem: ("没有这条信息", "There is no such information")
        case .noPublishedItem: ("本机关没有编号为 {1} 的已发布信息", "This agency has published no information numbered {1}")
        case .noSuchAttachment: ("没有这个附件", "There is no such attachment")
        case .noPublishedAttachment: ("已发布的信息中没有这个附件", "No published information has this attachment")
        // Annual reports on the portal.
        case .reportsTitle: ("{1}政府信息公开工作年度报告", "{1}: annual reports on government information disclosure")
        case .reportsBasis:
            (
                "依据《中华人民共和国政府信息公开条例》第四十九条、第五十条公布。",
                "Published under Articles 49 and 50 of the Regulations on Open Government Information (政府信息公开条例)."
            )
        case .reportName: ("{1}{2}年政府信息公开工作年度报告", "{1}: annual report for {2} (政府信息公开工作年度报告)")
        case .reportsOf: ("{1}年度报告", "{1}: annual reports")
        case .download: ("下载：", "Download: ")
        case .plainText: ("文本", "text")
        case .correctedVersion: ("（第{1}版，更正）", " (version {1}, corrected)")
        case .noReportYet: ("{1}尚未发布{2}年度报告", "{1} has published no annual report for {2}")
        case .reportFormat: ("下载格式须为 txt、json 或 csv，收到“{1}”", "The download format must be txt, json or csv, not “{1}”")
        // Search.
        case .allAgencies: ("全部机关", "All agencies")
        case .keywords: ("关键词", "Keywords")
        case .agency: ("机关", "Agency")
        case .searchTitle: ("搜索：{1}", "Search: {1}")
        case .moreResultsThan: ("找到超过{1}条结果，请增加检索词或按机关、年份筛选。", "More than {1} results; add words, or filter by agency or year.")
        case .results: ("共找到{1}条结果。", "{1} results.")
        // Applications on the portal.
        case .applicationTitle: ("{1}：政府信息公开申请", "{1}: application for government information")
        case .applicationIntro:
            (
                "依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，您可以向本机关申请获取政府信息。无需说明申请用途或理由。提交后您将得到申请编号和查询码，本机关确认收到之日为收到申请之日（第三十一条）。",
                "Under Articles 27 and 29 of the Regulations on Open Government Information (政府信息公开条例) you may apply to this agency for government information. You need not say why. You will get an application number and a look-up code; the application counts as received on the day this agency confirms it (Article 31)."
            )
        case .formProblems: ("表单有{1}处需要修改，见各栏下方说明。您已填写的内容都保留着。", "{1} fields need changing; see the notes below them. Everything you typed is kept.")
        case .sendApplication: ("提交申请", "Send the application")
        case .applicationSent: ("申请已提交", "Application sent")
        case .applicationSentTo:
            ("您的政府信息公开申请已提交至{1}。请记下以下两项，用于查询办理进度：", "Your application has been sent to {1}. Note these two to look up its progress:")
        case .submissionRepeated:
            (
                "这份申请今天已经提交过（同一份申请只受理一次），本机关没有重复登记。查询码已重新生成，请以本页显示的为准，此前的查询码不再有效。",
                "This application was already sent today (one application is taken once); it was not registered twice. Its look-up code has been made anew: use the one shown here, the earlier one no longer works."
            )
        case .notASubmissionKey: ("须为16至64个字母、数字、“-”或“_”", "it must be 16 to 64 letters, digits, “-” or “_”")
        case .trackingNumber: ("申请编号", "Application number")
        case .secret: ("查询码", "Look-up code")
        case .secretOnce:
            (
                "查询码只显示这一次，本机关也无法找回。本机关确认收到后，答复期限自确认之日起计算，一般为20个工作日。",
                "The look-up code is shown only this once; the agency cannot recover it. The answer is due, as a rule, 20 working days from the day the agency confirms receipt."
            )
        case .checkProgress: ("查询办理进度", "Look up the progress")
        case .statusTitle: ("政府信息公开申请查询", "Look up an application")
        case .receivingAgency: ("受理机关", "Agency")
        case .state: ("办理状态", "Status")
        case .submittedOn: ("提交日期", "Sent on")
        case .receivedOn: ("收到申请日期", "Received on")
        case .toBeConfirmed: ("待确认", "To be confirmed")
        case .answerDue: ("答复期限", "Answer due")
        case .provisionalDue: ("（按周一至周五推算，节假日安排公布后可能调整）", " (counted Monday to Friday; may change when the holidays are published)")
        case .closedOn: ("办结日期", "Closed on")
        case .result: ("办理结果", "Result")
        case .lookUp: ("查询", "Look up")
        case .answeredAs: ("已答复：{1}", "Answered: {1}")
        case .lettersSent: ("本机关发给您的文书", "Letters the agency sent you")
        case .letterSentOn: ("{1} 发出", "sent {1}")
        case .readLetter: ("阅读、打印", "Read and print")
        case .lettersByDelivery:
            (
                "以上文书已按您选择的方式（{1}）送达；申请时选择“网上获取”的，可以在本页阅读和打印。",
                "These letters were delivered the way you chose ({1}); had you chosen “online”, you could read and print them here."
            )
        case .noLettersYet: ("本机关尚未向您发出文书。", "The agency has not sent you a letter yet.")
        case .whatWasAsked: ("申请获取的信息", "Information asked for")
        case .howToFollow:
            (
                "凭申请编号和查询码，可以在“查询办理进度”页面查看办理状态和答复期限；申请时选择“网上获取”的，还可以在那里阅读和打印本机关发给您的告知书、答复书。",
                "With the application number and the look-up code, the page “Look up the progress” shows where the application stands and when the answer is due; if you chose to get it online, the letters the agency sends you can be read and printed there."
            )
        case .printHint: ("请打印或保存本回执（浏览器菜单中的“打印”）。", "Print or save this receipt (“Print” in the browser's menu).")
        case .deliveryWay: ("获取信息的途径", "How the information is delivered")
        case .letterToApplicant: ("{1}（申请编号 {2}）", "{1} (application {2})")
        case .noSuchPublicLetter:
            (
                "没有可以在网上阅读的这份文书：只有申请时选择“网上获取”的，本机关发出的文书才能在此阅读；请返回办理进度页，从文书列表中打开",
                "There is no such letter to read online: letters can be read here only when “online” was chosen when applying; go back to the progress page and open one from its list"
            )
        case .backToStatus: ("返回办理进度", "Back to the progress")
        case .homeGovernment: ("区人民政府", "The district government")
        case .homeDepartments: ("区政府部门", "Departments")
        case .homeSubdistricts: ("街道办事处", "Subdistricts")
        case .homeTowns: ("镇人民政府", "Towns")
        case .homeReports: ("{1}年度政府信息公开工作年度报告", "Annual reports on {1}")
        case .homeReportPublished: ("{1}发布", "published {1}")
        case .homeReportOverdue: ("已逾期未发布（第四十九条规定的发布期限为{1}）", "not published; it was due by {1} (第四十九条)")
        case .homeReportDue: ("尚未发布（第四十九条规定的发布期限为{1}）", "not published yet; due by {1} (第四十九条)")
        case .allYears: ("全部年份", "All years")
        case .allCategories: ("全部类别", "All categories")
        case .thisPageAddress: ("本页链接（可复制分享）：", "This page's address (to copy and share):")
        case .columnHome: ("机关概况", "About the agency")
        case .columnGuide: ("政府信息公开指南", "Disclosure guide (政府信息公开指南)")
        case .columnRules: ("政府信息公开制度", "Disclosure rules (政府信息公开制度)")
        case .interpretsField: ("所解读政策的索引号", "Index number of the policy this interprets")
        case .interpretsHint:
            (
                "政策解读稿件请填写所解读政策文件的索引号，发布后两者互相链接；其他信息留空。",
                "For an interpretation (政策解读), the index number of the policy it interprets: once published, each links to the other. Leave empty otherwise."
            )
        case .interpretsItself: ("一条信息不能解读它自己。", "An item cannot interpret itself.")
        case .interpretsNoSuchPolicy: ("没有索引号为 {1} 的已发布信息。", "There is no published item with the index number {1}.")
        case .interpretationOf: ("本文是对以下政策的解读：", "This interprets:")
        case .interpretationsOfThis: ("政策解读", "Interpretations (政策解读)")
        case .columnProactive: ("法定主动公开内容", "Information published by law (法定主动公开内容)")
        case .columnNotices: ("公示公告", "Notices (公示公告)")
        case .columnReports: ("政府信息公开年报", "Annual reports (政府信息公开年报)")
        case .columnApply: ("依申请公开", "Apply for information (依申请公开)")
        case .columnsLabel: ("{1}政府信息公开栏目", "{1}: disclosure columns")
        case .searchThisAgency: ("在本机关搜索", "Search this agency")
        case .footerHost: ("主办单位", "Run by")
        case .footerOrganiser: ("承办单位", "Operated by")
        case .footerContact: ("联系我们", "Contact")
        case .footerSiteCode: ("网站标识码", "Site identifier")
        case .footerICP: ("ICP备案号", "ICP filing number")
        case .footerPolice: ("公安机关备案号", "Public security filing number")
        case .siteSettingsTitle: ("网站名称和页脚", "The site's name and footer")
        case .siteNameField: ("网站名称", "Site name")
        case .siteFieldTooLong: ("不能超过{1}个字", "at most {1} characters")
        case .siteNameHint: ("显示在每一页的页头，如“重庆市沙坪坝区政府信息公开平台”", "Shown at the top of every page")
        case .footerHint: ("未填写的项目不在页脚显示", "A line left empty is not shown in the footer")
        case .printLetterHint: ("可用浏览器的“打印”打印或保存本文书。", "Use the browser's “Print” to print or save this letter.")
        case .wrongNumberOrSecret: ("申请编号或查询码不正确", "The application number or the look-up code is wrong")
        case .noApplicationsHere:
            (
                "{1}只设公开栏，不受理政府信息公开申请；请向所属街道或镇提出申请",
                "{1} only keeps notice boards and takes no applications; please apply to its subdistrict or town"
            )
        // The application form.
        case .choose: ("请选择", "Choose")
        case .fieldApplicantType: ("申请人类型", "Kind of applicant")
        case .fieldName: ("申请人姓名或名称", "Name of the person or organisation")
        case .fieldIdType: ("身份证明文件", "Identity document")
        case .fieldIdNumber: ("证件号码", "Document number")
        case .hintIdNumber: ("居民身份证、统一社会信用代码将核对校验位", "The check character of a resident ID (居民身份证) or credit code (统一社会信用代码) is verified")
        case .fieldPhone: ("联系电话", "Telephone")
        case .fieldEmail: ("电子邮箱（选填；填写后各环节将以邮件告知）", "Email (optional; each step is mailed to it)")
        case .fieldAddress: ("通信地址（选择邮寄的必填）", "Postal address (required for delivery by post)")
        case .fieldInfoTitle: ("所需信息的名称", "Title of the information wanted")
        case .fieldInfoNumber: ("所需信息的文号（选填）", "Its document number (文号) (optional)")
        case .fieldInfoDescription: ("所需信息的其他特征描述（选填）", "Anything else that identifies it (optional)")
        case .fieldForm: ("获取信息的载体形式", "Form wanted")
        case .fieldDelivery: ("获取信息的方式", "Delivery")
        case .fieldChannel: ("申请的提交方式", "How the application came in")
        case .fieldReceivedOn: ("收到申请日期（第三十一条）", "Received on (Article 31)")
        case .formPaper: ("纸质", "Paper")
        case .formElectronic: ("电子", "Electronic")
        case .deliveryPost: ("邮寄", "By post")
        case .deliveryEmail: ("电子邮件", "By email")
        case .deliveryCollect: ("当面领取", "Collected in person")
        case .deliveryOnline: ("网上获取", "Online")
        case .problemApplicantType: ("请选择申请人类型（自然人或法人、其他组织的类别）", "Choose who is applying (a person, or the kind of organisation)")
        case .problemOrganisationName: ("请填写法人或其他组织名称", "Give the organisation's name")
        case .problemPersonName: ("请填写申请人姓名", "Give the applicant's name")
        case .problemNameLength: ("名称不能超过100字", "The name may have at most 100 characters")
        case .problemDocumentNotFor: ("{1}不能使用{2}作为身份证明", "An applicant of the kind {1} cannot prove identity with a {2}")
        case .problemIdType: ("请选择身份证明文件类型", "Choose the identity document")
        case .problemPhone: ("请填写联系电话", "Give a telephone number")
        case .problemPhoneDigits: ("联系电话应为7至20位数字", "The telephone number should have 7 to 20 digits")
        case .problemEmail: ("电子邮箱格式不正确", "The email address is not well formed")
        case .problemEmailNeeded: ("选择以电子邮件获取的，请填写电子邮箱", "Give an email address for delivery by email")
        case .problemAddressNeeded: ("选择邮寄的，请填写通信地址", "Give a postal address for delivery by post")
        case .problemInfo:
            ("请至少填写所需信息的名称、文号或便于查询的其他特征描述之一", "Give at least the title, the document number or something else that identifies the information")
        case .problemDescriptionLength: ("描述不能超过2000字", "The description may have at most 2,000 characters")
        case .problemForm: ("请选择获取信息的载体形式", "Choose the form wanted")
        case .problemDelivery: ("请选择获取信息的方式", "Choose the delivery")
        case .problemChannel: ("请选择申请的提交方式", "Choose how the application came in")
        case .problemReceivedFuture: ("收到申请日期不能晚于今天", "The day received cannot be after today")
        case .problemReceivedBeforeLaw: ("收到申请日期不能早于条例施行之日（{1}）", "The day received cannot be before the Regulations took effect ({1})")
        case .problemReceivedOn: ("请填写收到申请的日期（YYYY-MM-DD）", "Give the day the application was received (YYYY-MM-DD)")
        // Complaints on the portal.
        case .complaintTitle: ("{1}：政府信息公开工作投诉举报", "{1}: complaints about disclosure work (投诉举报)")
        case .complaintIntro:
            (
                "认为本机关政府信息公开工作侵犯您合法权益的，可以在此投诉、举报（第四十七条、第五十一条）。",
                "If you think this agency's disclosure work has infringed your lawful rights, you may complain or report it here (Articles 47 and 51)."
            )
        case .complaintTaken: ("已收到，编号 {1}。本机关将调查处理。", "Received under number {1}. The agency will look into it.")
        case .complaintContent: ("投诉举报内容", "Your complaint or report")
        case .complaintName: ("姓名（选填）", "Name (optional)")
        case .complaintContact: ("联系方式（选填，用于反馈处理结果）", "Contact (optional, to hear the outcome)")
        case .send: ("提交", "Send")
        case .complaintEmpty: ("请填写投诉举报的内容", "Please write the complaint or report")
        case .complaintTooLong: ("内容不能超过{1}字", "At most {1} characters")
        case .complaintNotFound: ("没有这件投诉举报", "There is no such complaint")
        case .complaintNotTheOffice:
            ("投诉举报由本机关政务公开办公室（经办人或办公室负责人）处理", "Complaints are handled by the agency's disclosure office (its officers or its head)")
        case .complaintHandled: ("这件投诉举报已于{1}处理", "This complaint was handled on {1}")
        case .complaintNoHandling: ("请填写处理情况", "Please say how it was handled")
        // The back office.
        case .status: ("状态", "Status")
        case .labelled: ("{1}：{2}", "{1}: {2}")
        case .userWithRole: ("{1}（{2}）", "{1} ({2})")
        case .reviewConfirmed: ("已完成保密审查和个人隐私审查", "The confidentiality and privacy reviews (保密审查) are done")
        case .unconfirmedApplications: ("待确认收到的网上申请（{1}件）", "Online applications waiting for confirmation ({1})")
        case .fieldsToChange: ("表单有{1}处需要修改，见各栏下方说明。", "{1} fields need changing; see the notes below them.")
        case .publishByArticle26: ("{1}（第二十六条：生成之日起二十个工作日内）", "{1} (Article 26: within 20 working days of being written)")
        case .daysLate: ("（逾期{1}个工作日）", " ({1} working days late)")
        case .attachmentLine: ("{1}（{2} 字节，SHA-256 {3}…）", "{1} ({2} bytes, SHA-256 {3}…)")
        case .lateBy: ("逾期{1}", "{1} late")
        case .applicationNumbered: ("申请 {1}", "Application {1}")
        case .similarApplications:
            (
                "另有{1}份申请要求获取相同的信息。依第四十四条，多个申请人就相同政府信息申请公开且可以公开的，可以纳入主动公开范围。",
                "{1} other applications ask for the same information. Under Article 44, information that several applicants ask for and that can be disclosed may be published proactively."
            )
        case .letterSent: (" · {1} 发出 · {2}", " · sent {1} · {2}")
        case .sendAndRecord: ("发出并记录：{1}", "Send and record: {1}")
        case .letterKept: ("发出日期 {1} · 经办人 {2} · 按发出时原样保存", "Sent {1} · by {2} · kept as it was sent")
        case .lockedUntil: ("登录暂停至{1}（来自多次失败的地址）", "Sign-in stopped until {1} (from an address with repeated failures)")
        case .tokenOf: ("{1} 的接口令牌", "API token of {1}")
        case .categoriesOf: ("{1}：目录分类", "{1}: categories")
        case .reportsOfYear: ("{1}年政府信息公开工作年度报告", "Annual reports for {1}")
        case .reportOfYear: ("{1}{2}年度报告", "{1}: annual report for {2}")
        case .reportState: ("状态：{1} · 发布期限 {2}（第四十九条）", "Status: {1} · due by {2} (Article 49)")
        case .trainingsOf: ("{1}：政府信息公开培训记录", "{1}: disclosure training log")
        case .contactPerson: ("联系人：{1} {2}", "Contact: {1} {2}")
        case .handledBy: ("{1} {2} 处理：{3}", "{1} handled by {2}: {3}")
        case .feePerRequest: ("按件计收", "Per request (按件计收)")
        case .feeByVolume: ("按量计收", "By volume (按量计收)")
        case .countedBucket: ("{1}（{2}）", "{1} ({2})")
        case .ofFormat: ("（{1}年版表三）", " (table 三 of the {1} format)")
        case .dueOn: ("答复期限：{1}", "Answer due: {1}")
        case .overdueBy: ("，已逾期{1}个工作日", ", overdue by {1} working days")
        case .daysLeft: ("，剩余{1}个工作日", ", {1} working days left")
        case .pausedForClarification:
            (
                "等待申请人补正：答复期限暂停计算，自收到补正后的申请之日起重新计算{1}个工作日（第三十条）",
                "Waiting for the applicant's clarification: the clock is paused and restarts with {1} working days from the clarified application (Article 30)"
            )
        case .resultField: ("办理结果（{1}年版表三）", "Result (table 三 of the {1} format)")
        case .noneAtAll: ("无。", "None.")
        case .kind: ("类别", "Kind")
        case .action: ("操作", "Action")
        case .decidedOn: ("审结日期", "Decided on")
        case .publish: ("发布", "Publish")
        case .order: ("顺序", "Order")
        case .returnReason: ("退回理由", "Reason for returning")
        case .backToAdministration: ("返回系统管理", "Back to administration")
        case .outcome: ("结果", "Outcome")
        case .register: ("登记", "Register")
        case .filedOn: ("申请或起诉日期", "Applied or filed on")
        case .applicant: ("申请人", "Applicant")
        case .username: ("用户名", "User name")
        case .body: ("正文", "Text")
        case .active: ("正常", "Active")
        case .title: ("标题", "Title")
        case .date: ("日期", "Date")
        case .actor: ("操作人", "By")
        case .informationWanted: ("所需信息", "Information wanted")
        case .name: ("名称", "Name")
        case .summary: ("内容概述", "Summary")
        case .edit: ("修改", "Edit")
        case .saveDraft: ("保存草稿", "Save the draft")
        case .noticeTextHidden: ("（通知正文含申请人信息，仅本机关经办人可见）", "(the notice contains the applicant's data; only the agency's officers see it)")
        case .clarifyWhat: ("需要补正的全部事项", "Everything the applicant must clarify")
        case .feeFinding:
            (
                "认定申请数量、频次明显超过合理范围的理由（写入收费通知）",
                "Why this applicant's number or frequency of applications clearly exceeds a reasonable range (stated in the notice)"
            )
        case .reissueToken: ("重新发放令牌", "Issue a new token")
        case .workingDaysLate: ("逾期工作日", "Working days late")
        case .postalAddress: ("通信地址", "Postal address")
        case .returnForChanges: ("退回修改", "Return for changes")
        case .backToApplications: ("返回依申请公开", "Back to applications")
        case .districtTotals: ("辖区合计", "District totals")
        case .formAndDelivery: ("载体形式 / 获取方式", "Form / delivery")
        case .publishProactively: ("转为主动公开（第四十四条）：起草目录信息", "Publish proactively (Article 44): draft a catalogue item")
        case .identity: ("身份证明", "Identity document")
        case .publishedLate: ("超过第二十六条二十个工作日发布的信息", "Published after Article 26's 20 working days")
        case .draftLetter: ("起草告知书", "Draft the letter")
        case .drafter: ("起草人", "Drafted by")
        case .copyTokenNow:
            (
                "请立即复制保存；本页关闭后无法再次查看。调用时加上请求头 Authorization: Bearer 令牌。",
                "Copy it now; it cannot be shown again once this page is closed. Send it as the header Authorization: Bearer <token>."
            )
        case .recordDecision: ("记录审结", "Record the decision")
        case .recordHandling: ("记录处理结果", "Record how it was handled")
        case .record: ("记录", "Record")
        case .feeBasis: ("计收标准（金额按国办函〔2020〕109号计算）", "Scale (the amount is computed by 国办函〔2020〕109号)")
        case .role: ("角色", "Role")
        case .deemedAbandoned: ("视为放弃申请，不再答复", "Deemed abandoned; no answer is due")
        case .consultedParty: ("被征求方", "Consulted party")
        case .partyToConsult: ("被征求意见的第三方或机关", "Third party or agency consulted")
        case .tablesFromRecords: ("表格（按记录计算）", "Tables (computed from the records)")
        case .moveClarify: ("补正告知（第三十条，一次告知）", "Ask for clarification (Article 30, all at once)")
        case .fieldApplicationKind: ("申请事项", "What you ask")
        case .itemWithdrawn:
            ("本信息已{1}撤回，原文及附件不再公开。", "This information was withdrawn{1}; its text and files are no longer public.")
        case .onDay: ("于{1}", " on {1}")
        case .hintApplicationKind:
            (
                "要求更正的，请在“信息名称”中写明要更正的记录，在“信息描述”中写明不准确之处、正确的内容和证据（第四十一条）",
                "To have a record corrected, name the record as the information's title and, in the description, say what is wrong, what is right and your evidence (Article 41)"
            )
        case .problemApplicationKind: ("请选择申请事项", "Choose what you ask")
        case .moveAnswerCorrection: ("答复更正申请（第四十一条）", "Answer the request for correction (Article 41)")
        case .correctionResult: ("答复结果", "Result")
        case .correctionDetail:
            ("更正的内容、有权更正的行政机关或不予更正的理由", "What was corrected, the agency that may correct it, or why nothing was corrected")
        case .correctionPeriodNote:
            (
                "第四十一条未规定答复期限；本系统参照第三十三条的期限提示。",
                "Article 41 sets no period for an answer; Gongkai reminds by the periods of Article 33."
            )
        case .fieldOral:
            (
                "申请人书面申请确有困难，口头提出，由工作人员代为填写（第二十九条）",
                "Made orally, writing being truly hard for the applicant, and written down by staff (Article 29)"
            )
        case .fieldApplicantConfirmed:
            (
                "已向申请人宣读或交其核对，申请人确认无误（打印申请表供其签名）",
                "Read to the applicant or shown to them, who confirmed it (print the form for their signature)"
            )
        case .problemOralInPerson: ("口头提出的申请为当面提出：请选择“当面提交”", "An oral application is made in person: choose “In person”")
        case .problemOralUnconfirmed:
            ("代为填写的申请须经申请人核对确认（第二十九条）", "An application written down by staff needs the applicant's confirmation (Article 29)")
        case .printApplicationForm: ("打印申请表（供申请人签名确认）", "Print the application form (for the applicant's signature)")
        case .moveAskReasons: ("要求说明理由（第三十五条）", "Ask for the reasons (Article 35)")
        case .reasonsObserved:
            ("申请的数量、频次及其明显超过合理范围的情形", "How the number or frequency of the applications clearly exceeds a reasonable range")
        case .moveReasonsGiven: ("申请人说明的理由", "The applicant's reasons")
        case .reasonsAsGiven: ("理由（照申请人所述记录）", "The reasons, as the applicant gave them")
        case .moveDefer: ("确定延迟答复的合理期限（第三十五条）", "Set a reasonable later date for the answer (Article 35)")
        case .deferUntil: ("延迟至（日期）", "Answer by (date)")
        case .deferReason: ("无法在法定期限内答复的原因", "Why the answer cannot be given within the statutory period")
        case .moveAssist: ("为申请人提供必要帮助（第四十三条）", "Help given to the applicant (Article 43)")
        case .helpGiven:
            ("提供的帮助（如代为朗读、大字文本、手语、代为填写）", "The help given (reading aloud, large print, sign language, filling in the form)")
        case .reviewsAndSuits: ("行政复议和行政诉讼", "Administrative reconsideration and lawsuits (行政复议和行政诉讼)")
        case .confirmExplained:
            (
                "网上申请以双方确认之日为收到申请之日（第三十一条），确认后答复期限开始计算。",
                "An online application counts as received on the day both sides confirm it (Article 31); the answer period starts then."
            )
        case .feeLapsedToClose: ("缴费期满待办结", "Fee period over, to be closed")
        case .officerColon: ("经办人：", "Officer: ")
        case .officer: ("经办人", "Officer")
        case .manage: ("管理", "Manage")
        case .waiting: ("等待申请人或被征求方", "Waiting for the applicant or a consulted party")
        case .sameInformation: ("相同信息的其他申请", "Other applications for the same information")
        case .registerApplication: ("登记政府信息公开申请", "Register an application")
        case .registerPaperApplication: ("登记当面、邮寄或传真申请", "Register an application made in person, by post or by fax")
        case .registerReview: ("登记复议或诉讼", "Register a reconsideration or lawsuit")
        case .signIn: ("登录", "Sign in")
        case .existingCategories: ("现有分类", "Categories")
        case .addAttachment: ("添加附件（PDF、OFD、Word、Excel、图片、ZIP，不超过20MB）", "Add an attachment (PDF, OFD, Word, Excel, an image or ZIP; at most 20 MB)")
        case .addCategory: ("添加分类", "Add the category")
        case .bodyField:
            ("正文（纯文本：空行分段，“- ”开头为列表，“# ”开头为小标题）", "Text (plain: a blank line between paragraphs, “- ” starts a list item, “# ” a heading)")
        case .profileAndGuide: ("概况与指南", "Profile and guide")
        case .titleField: ("标题（名称）", "Title")
        case .seeProactiveItem: ("查看已转为主动公开的目录信息", "See the catalogue item it became")
        case .show: ("查看", "Show")
        case .agencyCode: ("机关代码", "Agency code")
        case .validityField: ("有效性（规范性文件）", "Validity (normative documents)")
        case .time: ("时间", "Time")
        case .dateField: ("日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)")
        case .noAnswerDue: ("无答复期限", "No answer is due")
        case .newAccount: ("新建账号", "New account")
        case .newAgency: ("新建机关", "New agency")
        case .newName: ("新名称", "New name")
        case .textSections: ("文字部分", "Text sections")
        case .sources: ("数字来源", "Where the numbers come from")
        case .moveFee: ("收费通知（第四十二条）", "Fee notice (Article 42)")
        case .moveConsultAnswered: ("收到被征求方意见", "The consulted party answered")
        case .receivedColumn: ("收到日期", "Received")
        case .withdraw: ("撤回", "Withdraw")
        case .answerDetail: ("提供的信息、获取途径或理由", "The information given, where to get it, or the reasons")
        case .channel: ("提交方式", "How it came in")
        case .submitForReview: ("提交审核", "Submit for review")
        case .apiToken: ("接口令牌", "API token")
        case .youDrafted: ("您是本信息的起草人，不能审核通过（须由他人审核）。", "You drafted this item and cannot approve it (someone else must review it).")
        case .toBeConfirmedExplained:
            ("待确认（网上申请以双方确认之日为收到申请之日）", "To be confirmed (an online application counts as received on the day both sides confirm it)")
        case .unconfirmed: ("待确认收到", "To be confirmed")
        case .itemsToHandle: ("待处理的信息", "Items to handle")
        case .notHandled: ("待处理", "Not handled yet")
        case .moveConsult: ("征求意见（第三十二条、第三十四条）", "Consult (Articles 32 and 34)")
        case .extensionDays: ("延长工作日数（不超过20）", "Working days added (at most 20)")
        case .moveExtend: ("延期答复（第三十三条，须负责人同意）", "Extend (Article 33; the office head agrees)")
        case .publishBy: ("应发布期限", "To be published by")
        case .overdue: ("已逾期", "Overdue")
        case .itemCount: ("已有信息", "Items")
        case .tokenIssued: ("已发放令牌。重新发放后旧令牌立即失效。", "A token has been issued. A new one ends the old one at once.")
        case .publishedVersions: ("已发布的版本", "Published versions")
        case .totalsExplained:
            ("已发布的取最新版本，未发布的取按记录计算的草稿。", "Published reports count in their latest version; unpublished ones as drafted from the records.")
        case .closed: ("已办结", "Closed")
        case .staffAccounts: ("工作人员账号", "Staff accounts")
        case .staffSignIn: ("工作人员登录", "Staff sign-in")
        case .notYetConfirmed: ("尚未确认收到，答复期限自确认之日起计算。", "Receipt is not confirmed yet; the answer period starts on the day it is.")
        case .noToken: ("尚未发放令牌。令牌供本账号的办公工具调用 /api/v1 的写入接口。", "No token yet. A token lets this account's office tools write through /api/v1.")
        case .notPublishedYet: ("尚未发布。", "Not published yet.")
        case .noTrainings: ("尚无培训记录。", "No training recorded yet.")
        case .object: ("对象", "Object")
        case .password: ("密码", "Password")
        case .decision: ("审结结果", "Decision")
        case .approve: ("审核通过", "Approve")
        case .personName: ("姓名", "Name")
        case .reviewBody: ("复议机关或法院", "Reviewing body or court")
        case .reviewBodyField: ("复议机关或人民法院", "Reviewing body or people's court")
        case .history: ("处理记录", "History")
        case .handling: ("处理情况", "How it was handled")
        case .topic: ("培训内容", "Topic")
        case .seeOnPortal: ("在门户网站查看", "See it on the portal")
        case .toldApplicant: ("告知申请人", "Told to the applicant")
        case .letters: ("告知书和答复书", "Letters and answers")
        case .allFromRegisters: ("各数字均为零或来自登记簿。", "Every number is zero or comes from the registers.")
        case .issueToken: ("发放令牌", "Issue a token")
        case .issuedByField: ("发布机构（空则为本机关）", "Issued by (empty for this agency)")
        case .dueBy: ("发布期限", "Due by")
        case .publishCorrection: ("发布更正版本", "Publish a corrected version")
        case .attendees: ("参加人数", "Attendees")
        case .anonymous: ("匿名", "Anonymous")
        case .arithmeticErrors: ("勾稽错误", "Arithmetic errors")
        case .arithmeticErrorsToFix: ("勾稽关系错误（发布前须改正）", "Arithmetic errors (to be corrected before publishing)")
        case .arithmeticPasses: ("勾稽关系检查：通过。", "Arithmetic check: passed.")
        case .applicationHistory: ("办理记录", "History")
        case .resultColon: ("办理结果：", "Result: ")
        case .inHand: ("办理中", "Being handled")
        case .handle: ("办理", "Handle")
        case .workingDaysLeft: ("剩余工作日", "Working days left")
        case .content: ("内容", "Content")
        case .postingTo: ("公示结束日期", "Notice ends")
        case .postingFrom: ("公示开始日期", "Notice starts")
        case .bulletinPlace: ("公开栏地点", "Notice board location")
        case .revise: ("修订（生成新版本草稿）", "Revise (draft a new version)")
        case .after: ("修改后", "After")
        case .before: ("修改前", "Before")
        case .save: ("保存", "Save")
        case .basis: ("依据", "Basis")
        case .moveAnswer: ("作出答复", "Answer")
        case .letterExplained:
            (
                "以下文书已根据申请事实起草，可修改后发出；发出后按原样保存，不能再改。",
                "This letter was drafted from the application's facts; change it if needed and send it. Once sent it is kept as it was and cannot change."
            )
        case .code: ("代码", "Code")
        case .people: ("人数", "People")
        case .notApplicable: ("不适用", "Not applicable")
        case .parentAgency: ("上级机关", "Parent agency")
        case .upload: ("上传", "Upload")
        case .dueSoon: ("5个工作日内到期", "Due within 5 working days")
        // Administration.
        case .usernameHint: ("字母、数字、连字符，建立后不能修改", "Letters, digits and hyphens; it cannot change later")
        case .accountAgency: ("所属机关（督导账号为其督导的上级机关）", "Agency (for a supervisor, the agency it supervises)")
        case .noAgency: ("（无，仅系统管理员）", "(none: administrators only)")
        case .firstPassword: ("初始密码", "First password")
        case .newPassword: ("重设密码（不改请留空）", "New password (leave empty to keep it)")
        case .passwordHint: ("至少10位", "At least 10 characters")
        case .unlock: ("解除锁定", "Unlock")
        case .usernameProblem: ("用户名须为1至40位字母、数字、连字符、下划线或点", "A user name has 1 to 40 letters, digits, hyphens, underscores or dots")
        case .usernameTaken: ("用户名 {1} 已被使用", "The user name {1} is taken")
        case .nameNeeded: ("请填写姓名", "Give the name")
        case .roleNeeded: ("请选择角色", "Choose a role")
        case .noAgencyCoded: ("没有代码为 {1} 的机关", "There is no agency with the code {1}")
        case .roleNeedsAgency: ("{1}须属于一个机关", "A {1} belongs to an agency")
        case .passwordTooShort: ("密码至少10位", "A password has at least 10 characters")
        case .create: ("建立", "Create")
        case .noSuchAccount: ("没有这个工作人员账号", "There is no such staff account")
        case .accountTitle: ("账号：{1}", "Account: {1}")
        case .keepOwnAdmin: ("管理员不能取消自己的管理员角色，可由另一位管理员操作", "An administrator cannot take away their own role; another administrator can")
        case .adminOnly: ("只有管理员可以管理机关、目录分类和账号", "Only administrators keep agencies, categories and accounts")
        case .agencyCodeField: ("机关代码（统一社会信用代码）", "Agency code (统一社会信用代码)")
        case .agencyCodeHint: ("网址、接口、命令行和索引号都用它，建立后不能修改", "Addresses, the API, the command line and index numbers use it; it cannot change later")
        case .noneChosen: ("（无）", "(none)")
        case .functionsField: ("机构职能（第二十条第（二）项）", "Functions (Article 20(2))")
        case .headNameField: ("负责人姓名", "Name of the head")
        case .emailField: ("互联网联系方式（电子邮箱）", "Email")
        case .disclosureOfficeField: ("政府信息公开工作机构（第十二条）", "Disclosure office (Article 12)")
        case .guideField: ("政府信息公开指南正文", "Text of the disclosure guide (公开指南)")
        case .indexPatternField: ("索引号格式", "Index number pattern (索引号)")
        case .indexPatternHint: ("{code} 机关代码，{year} 年份，{seq:5} 五位顺序号", "{code} the agency code, {year} the year, {seq:5} a five-digit sequence")
        case .deadlineField: ("年度报告发布期限（次年 MM-DD，第四十九条）", "Annual report due (next year's MM-DD, Article 49)")
        case .deadlineHint:
            (
                "留空：部门1月31日，区政府3月31日，街道、乡镇1月31日（由县级主管部门另定的填在这里）",
                "Empty: 31 January for departments, 31 March for a district government, 31 January for subdistricts and towns (put a date set by the county-level office here)"
            )
        case .agencyCodeProblem: ("机关代码须为1至40位字母、数字或连字符", "An agency code has 1 to 40 letters, digits or hyphens")
        case .agencyCodeTaken: ("已有机关使用代码 {1}", "Another agency has the code {1}")
        case .agencyNameNeeded: ("请填写机关名称", "Give the agency's name")
        case .agencyKindNeeded: ("请选择机关类别", "Choose the agency's kind")
        case .parentLoop: ("上级机关不能是本机关或其下级机关", "The parent cannot be the agency itself or one below it")
        case .indexPatternProblem:
            ("索引号格式须包含 {year} 和 {seq:N}，否则两条信息会同号（{1}）", "The pattern needs {year} and {seq:N}, or two items would share a number ({1})")
        case .deadlineProblem: ("发布期限须为 MM-DD，如 02-28", "The date is MM-DD, such as 02-28")
        case .profileOf: ("{1}：概况与公开指南", "{1}: profile and guide")
        case .newCategoryName: ("新分类名称", "Name of the new category")
        case .articleField: ("依据（如 第二十条第（一）项）", "Basis (such as 第二十条第（一）项)")
        case .parentCategory: ("上级分类", "Parent category")
        case .orderField: ("顺序（数字）", "Order (a number)")
        case .categoryNameNeeded: ("请填写分类名称", "Give the category's name")
        case .categoryNameLength: ("分类名称不能超过100字", "A category name has at most 100 characters")
        case .categoryExists: ("本机关已有分类“{1}”", "This agency already has the category “{1}”")
        case .parentCategoryProblem: ("上级分类须是本机关的分类", "The parent must be one of this agency's categories")
        case .orderProblem: ("顺序须为整数", "The order is a whole number")
        // Registers and the desk.
        case .registersOf: ("{1}：{2}年登记簿（表二）", "{1}: registers for {2} (table 二)")
        case .linesToCorrect: ("文件有{1}行需要改正，未导入任何数据：", "{1} lines of the file need correcting; nothing was imported:")
        case .previousCount: ("上一年项目数量", "Last year's count")
        case .change: ("本年增/减", "Change this year")
        case .decisionCount: ("处理决定数量", "Decisions")
        case .procurementCount: ("数量（采购项目）", "Count (procurement)")
        case .amountTenThousand: ("金额（万元）", "Amount (10,000 yuan)")
        case .importCSV: ("从 CSV 导入", "Import from CSV")
        case .csvHeader: ("第一行为表头：", "The first line is the header: ")
        case .csvLines:
            ("；每行一个年份的一个类别。有任何一行不对，整个文件都不导入。", "; each line is one kind in one year. If any line is wrong, nothing in the file is imported.")
        case .csvFile: ("CSV 文件（UTF-8）", "CSV file (UTF-8)")
        case .importIt: ("导入", "Import")
        case .chooseCSV: ("请选择要导入的 CSV 文件", "Choose the CSV file to import")
        case .notUTF8: ("{1}：不是 UTF-8 编码的文本文件", "{1}: not a UTF-8 text file")
        case .csvLineProblem: ("{1} 第{2}行：{3}", "{1} line {2}: {3}")
        case .noOwnAgency: ("登记簿和培训记录属于某个机关，本账号不属于任何机关", "Registers and training logs belong to an agency, and this account belongs to none")
        case .officeKeepsRecords:
            ("登记簿和培训记录由政务公开办公室（经办人或办公室负责人）填写", "Registers and training logs are kept by the disclosure office (its officers or its head)")
        case .reportOverdue: ("{1}年政府信息公开工作年度报告应于{2}前发布，已逾期{3}天。", "The annual report for {1} was due by {2}; it is {3} days overdue.")
        case .reportDueSoon: ("{1}年政府信息公开工作年度报告应于{2}前发布，还有{3}天（{4}）。", "The annual report for {1} is due by {2}, in {3} days ({4}).")
        // The back office's refusals.
        case .onlyEditorsDraft: ("只有本机关的编辑可以起草公开信息", "Only this agency's editors draft items")
        case .readOnlyItems: ("本账号可以查看本机关的信息，但不能修改", "This account may read the agency's items but not change them")
        case .onlyEditorsEdit: ("只有本机关的编辑可以修改草稿", "Only this agency's editors change drafts")
        case .cannotChangeItems: ("本账号不能修改本机关的信息", "This account cannot change the agency's items")
        case .unknownAction: ("无法识别的操作“{1}”，可选：{2}", "Unknown action “{1}”; the actions are: {2}")
        case .onlyEditorsAttach: ("只有本机关的编辑可以添加附件", "Only this agency's editors add attachments")
        case .onlyEditorsRevise: ("只有本机关的编辑可以制作新版本", "Only this agency's editors make new versions")
        case .noItemNumbered: ("没有编号为 {1} 的信息", "There is no item numbered {1}")
        case .onlyDraftsEdited: ("只有草稿或退回的信息可以编辑，这条信息的状态是“{1}”", "Only drafts and returned items can be changed; this one is “{1}”")
        case .unknownItemState: ("信息 {1} 的状态“{2}”无法识别", "The state “{2}” of item {1} is unknown")
        case .onlyDraftsAttach: ("附件只能添加到草稿或退回的信息，这条信息的状态是“{1}”", "Attachments go only on drafts and returned items; this one is “{1}”")
        case .fileTypeRefused: ("“{1}”不是门户可以发布的文件类型；允许的类型：{2}", "“{1}” is not a type of file the portal publishes; the types are: {2}")
        case .emptyFile: ("“{1}”是空文件", "“{1}” is empty")
        case .onlyPublishedRevised: ("只有已发布的信息可以制作新版本", "Only published items get new versions")
        case .versionInPreparation: ("这条信息已有一个正在准备的新版本", "A new version of this item is already being prepared")
        case .applicationsForOfficers:
            ("依申请公开由本机关的经办人办理；本账号负责编辑或审核公开信息", "Applications are handled by the agency's officers; this account edits or reviews items")
        case .noSuchApplication: ("没有这件申请", "There is no such application")
        case .onlyOfficersRegister: ("只有本机关的经办人可以登记申请", "Only this agency's officers register applications")
        case .fillIn: ("请填写{1}", "Please give {1}")
        case .unknownMove: ("无法识别的办理步骤“{1}”", "Unknown step “{1}”")
        case .extensionRange: ("延长的工作日数须为1至20之间的整数（第三十三条）", "The extension is a whole number of 1 to 20 working days (Article 33)")
        case .feePagesRange: ("按量计收须填写提供信息的页数（1至1000000的整数）", "By volume, give the pages to be provided (a whole number from 1 to 1,000,000)")
        case .feeNeedsIdentity:
            (
                "申请未登记申请人的证件号码，无法统计其本月的申请件数：不能按件计收",
                "The application records no identity number, so the applicant's applications this month cannot be counted: no per-request fee"
            )
        case .feeAmountFixed:
            (
                "收费金额由收费标准计算得出（{1}元），通知中的金额和计算方法不能修改",
                "The fee is computed from the scales ({1} yuan): the notice's amount and its breakdown cannot be changed"
            )
        case .feePages: ("提供信息的页数（按量计收）", "Pages to be provided (by volume)")
        case .feePaymentField: ("信息处理费缴费方式", "How to pay the information-processing fee")
        case .feePaymentHint:
            (
                "收费通知照录：收款单位、账户或缴费平台、地点；未填写则不能发出收费通知",
                "Copied into every fee notice: payee, account or payment platform, place; without it no fee notice can go out"
            )
        case .letterNumberPatternMissing:
            (
                "{1}尚未设置答复书的文号格式：答复书须有文号，请管理员先在机关设置中填写（如 联芳信公复〔{year}〕{seq}号）",
                "{1} has no pattern for the reference numbers (文号) of its answers: an answer carries one, so an administrator first sets it in the agency's settings (such as LF-{year}-{seq})"
            )
        case .answerElsewhere:
            (
                "（本机关不掌握时）该信息不属于本机关负责公开（第三十六条第（五）项）；不勾选则为信息不存在（第（四）项）",
                "(When this agency holds nothing) the information is not this agency's to disclose (Article 36 (5)); unticked, it does not exist (Article 36 (4))"
            )
        case .answerResponsible:
            ("负责公开的机关及联系方式（能够确定时填写）", "The agency responsible and its contact (when it can be determined)")
        case .reconsiderationField: ("行政复议机关", "Reconsideration body (复议机关)")
        case .reconsiderationHint:
            (
                "答复书的救济途径照录；不填则为上级区人民政府（行政复议法第二十四条），区人民政府本身须填写上一级人民政府",
                "Named in the remedy of every answer; left empty it is the district government (人民政府) above (Article 24 of the Administrative Reconsideration Law); a district government fills in the government above it"
            )
        case .letterNumberField: ("答复书文号格式", "Pattern of the answers' reference numbers (文号)")
        case .letterNumberHint:
            ("{year} 为年份，{seq} 为当年序号，如 联芳信公复〔{year}〕{seq}号", "{year} is the year, {seq} the number within it, such as LF-{year}-{seq}")
        case .letterNumberProblem:
            (
                "文号格式须含一次 {year}（年份）和一次 {seq}（序号），不超过60个字符",
                "The pattern holds {year} (the year) and {seq} (the number) once each, in at most 60 characters"
            )
        case .feeTimeExcludedField:
            (
                "自收费通知发出至缴费的期间不计入答复期限（对第四十二条的理解，默认如此）",
                "The time from a fee notice to payment does not count toward the answer period (a reading of Article 42; on by default)"
            )
        case .dateFormat: ("日期“{1}”须为 YYYY-MM-DD 格式的有效日期", "The date “{1}” must be a real date written YYYY-MM-DD")
        case .dateRangeLaw:
            ("日期{1}须在条例施行之日（{2}）至今天（{3}）之间", "The date {1} must fall between the day the Regulations took effect ({2}) and today ({3})")
        case .readOnlyApplications: ("本账号可以查看申请，但不能办理", "This account may read applications but not handle them")
        case .noLetterForMove: ("“{1}”这一步不发送文书", "The step “{1}” sends no letter")
        case .noSuchLetter: ("没有这份文书", "There is no such letter")
        case .chooseReviewKind: ("请选择复议或诉讼的类别", "Choose reconsideration or lawsuit")
        case .chooseReviewResult: ("请选择结果（尚未审结的选“尚未审结”）", "Choose the outcome (“not decided yet” while it is pending)")
        case .giveReviewBody: ("请填写复议机关或人民法院", "Give the reviewing body or the court")
        case .giveReviewSubject:
            (
                "请写明案件涉及的事项（如主动公开的某条信息、某件投诉的处理）",
                "Say what the case is about (such as an item published, or the handling of a complaint)"
            )
        case .reviewCasesOf: ("{1}：行政复议和行政诉讼", "{1}: reconsiderations and lawsuits")
        case .reviewCasesExplained:
            (
                "本机关政府信息公开工作引起的行政复议、行政诉讼（第五十一条），不论是否涉及依申请公开；年度报告表四据此统计，上年尚未审结的案件计入审结年度。",
                "Reconsiderations and lawsuits over this agency's disclosure work (Article 51), about an application or not; table 4 (表四) of the annual report counts them, carrying a case undecided at a year's end into the year it is decided."
            )
        case .reviewCases: ("复议和诉讼", "Reviews and lawsuits")
        case .reassessTitle: ("不予公开信息的定期复查（第十八条）", "Withheld information assessed again (Article 18)")
        case .reassessDue: ("下次复查日期：{1}", "Next assessment due: {1}")
        case .reassessConclusion:
            ("复查结论（因情势变化可以公开的，应当公开）", "Conclusion (what circumstances now allow to be disclosed is disclosed)")
        case .reassessNext: ("下次复查日期（不再复查则留空）", "Next assessment (empty when none is needed)")
        case .nothingToReassess: ("本申请没有待复查的不予公开信息", "This application withholds nothing due for assessment")
        case .reassessConclusionNeeded: ("请写明复查结论", "Give the assessment's conclusion")
        case .reassessNextDate: ("下次复查日期“{1}”须为今天以后的有效日期", "The next assessment “{1}” must be a real date after today")
        case .reassessOnColumn: ("复查日期", "Assessment due")
        case .reassessmentsDue: ("到期复查的不予公开信息（第十八条）：{1}件", "Withheld information due for assessment (Article 18): {1}")
        case .reassessmentsExplained:
            (
                "以下答复不予公开或部分公开的信息已到复查日期：因情势变化可以公开的，应当公开（第十八条）。",
                "The information these answers withheld is due to be assessed again: what circumstances now allow to be disclosed is disclosed (Article 18)."
            )
        case .trackingNumberField: ("涉及的申请编号（如有）", "The application it is about, by number (if any)")
        case .noApplicationNumbered: ("本机关没有编号为“{1}”的申请", "This agency has no application numbered “{1}”")
        case .subjectField: ("涉及事项（不涉及申请时必填）", "What it is about (required when not about an application)")
        case .noReviewCases: ("尚无行政复议或行政诉讼记录。", "No reconsideration or lawsuit is on record.")
        case .aboutApplication: ("申请 {1}", "Application {1}")
        case .pendingHasNoDate: ("尚未审结的案件没有审结日期", "A case not yet decided has no decision date")
        case .decidedNeedsDate: ("已审结的案件请填写审结日期", "Give the date a decided case was decided")
        case .decidedBeforeFiled: ("审结日期不能早于申请或起诉日期", "A case cannot be decided before it was filed")
        case .filedInFuture: ("申请或起诉日期不能晚于今天", "The filing date cannot be after today")
        case .noSuchReview: ("没有这件复议或诉讼记录", "There is no such reconsideration or lawsuit")
        case .reviewDecided: ("该案件已于{1}审结，结果不再修改", "This case was decided on {1}; its outcome no longer changes")
        case .chooseDecision: ("请选择审结结果（维持、纠正或其他）", "Choose the decision (upheld, corrected or other)")
        case .decisionDateRange: ("审结日期须在{1}至今天之间", "The decision date must fall between {1} and today")
        case .onlyDisclosedPublished:
            (
                "只有予以公开或部分公开的答复才能转为主动公开（第四十四条）",
                "Only answers that disclosed the information, fully or partly, can be published proactively (Article 44)"
            )
        case .noCategoryYet: ("{1}还没有可以放入的目录分类", "{1} has no category to put it in yet")
        case .agencyNotReadable: ("本账号可查看的机关中没有 {1}", "None of the agencies this account may read is {1}")
        case .readOnlyReports: ("本账号可以查看年度报告，但不能编辑", "This account may read annual reports but not edit them")
        case .cannotPublishReports: ("本账号可以查看年度报告，但不能发布", "This account may read annual reports but not publish them")
        case .adminReadsAudit: ("只有管理员可以查看审计日志", "Only administrators read the audit log")
        case .unknownRole: ("账号 {1} 的角色“{2}”无法识别", "The role “{2}” of account {1} is unknown")
        case .csrfExpired:
            (
                "表单的安全校验码缺失或已过期：请刷新页面后重新提交（已填写的内容请先复制保存）。",
                "The form's security code is missing or expired: reload the page and send it again (copy what you typed first)."
            )
        // Items.
        case .titleNeeded: ("请填写标题（名称）", "Give the title")
        case .titleLength: ("标题不能超过300字", "A title has at most 300 characters")
        case .categoryNeeded: ("请选择本机关的目录分类", "Choose one of this agency's categories")
        case .writtenOnRange: ("生成日期须在{1}至{2}之间", "The date written must fall between {1} and {2}")
        case .writtenOnFormat: ("生成日期须为 YYYY-MM-DD 格式的有效日期", "The date written must be a real date written YYYY-MM-DD")
        case .editingItem: ("修改：{1}", "Edit: {1}")
        case .isRuleField: ("规章（政府规章，计入年报表二“规章”一行）", "A rule (规章: counted on its own row of table 二)")
        case .changeLegend: ("本版本的变更（第二十六条：自变更之日起20个工作日内公开）", "This version's change (Article 26: published within 20 working days of the change)")
        case .changedOnField: ("变更日期", "Changed on")
        case .changeKindField: ("规范性文件的变更类型", "How the normative document changes")
        case .changeEffectiveField: ("变更生效日期（不填则为变更日期）", "Takes effect on (the day of the change when empty)")
        case .changedOnNeeded:
            ("新版本须填写变更日期（YYYY-MM-DD）：公开时限自变更之日起计算", "A new version gives the day of its change (YYYY-MM-DD): its time limit runs from it")
        case .changeEffectiveFormat: ("生效日期格式应为 YYYY-MM-DD", "The day it takes effect is written YYYY-MM-DD")
        case .changeKindProblem: ("变更类型只能是修订或废止", "The change is an amendment or a repeal")
        case .changeKindNeedsValidity: ("只有有效性的规范性文件才有修订或废止", "Only a normative document (with a validity) is amended or repealed")
        case .validityProblem: ("有效性只能是有效、已废止或已失效", "Validity is in force, repealed or expired")
        case .unknownChannel: ("未知的公开渠道：{1}", "Unknown channel: {1}")
        case .bulletinPlaceNeeded: ("通过公开栏公开的，请写明公开栏所在地点", "Say where the notice board is")
        case .postingBoth: ("公示期须同时填写开始和结束日期", "A notice period has both a start and an end")
        case .dayOutOfRange: ("日期须在{1}至{2}之间，收到{3}", "The date must fall between {1} and {2}; it is {3}")
        case .postingFromFormat: ("公示开始日期须为 YYYY-MM-DD", "The start is written YYYY-MM-DD")
        case .postingToFormat: ("公示结束日期须为 YYYY-MM-DD", "The end is written YYYY-MM-DD")
        case .postingOrder: ("公示结束日期不能早于开始日期", "The end cannot come before the start")
        // Signing in, the training log, reports.
        case .reportUnbalanced: ("报告的勾稽关系不成立，不能发布：{1}", "The report's arithmetic does not hold, so it cannot be published: {1}")
        case .wrongPassword: ("用户名或密码不正确", "The user name or the password is wrong")
        case .accountLocked:
            (
                "登录失败次数过多，请于{1}后再试，或联系管理员",
                "Too many failed sign-ins from here: try again after {1}, or ask an administrator"
            )
        case .failedSignInsSince:
            (
                "自您上次登录以来，有人以您的用户名登录并输错密码{1}次。如果不是您本人，请立即告知管理员重置密码。",
                "Since you last signed in, someone tried to sign in as you with a wrong password {1} times. If it was not you, ask the administrator to reset your password now."
            )
        case .trainingFuture: ("培训日期不能晚于今天", "A training cannot be dated after today")
        case .trainingDate: ("日期须为 YYYY-MM-DD", "The date is written YYYY-MM-DD")
        case .topicNeeded: ("请填写培训内容", "Give the topic")
        case .attendeesProblem: ("参加人数须为正整数", "Attendees is a positive whole number")
        case .clarifyItems: ("需要补正的事项", "what is to be clarified")
        case .consultedPartyName: ("被征求意见方", "the party consulted")
        case .theResult: ("办理结果", "the result")
        // Parameters in addresses.
        case .badParameter: ("参数 {1} 有误：{2}", "The parameter {1} is wrong: {2}")
        case .noReportsBefore2008: ("年度报告自2008年起，{1}年没有年度报告", "Annual reports began in 2008; there is none for {1}")
        case .badPercentEncoding: ("含有无效的百分号编码", "it has a broken percent-encoding")
        case .parameterTooLong: ("不能超过{1}个字符（收到{2}个）", "it may have at most {1} characters (it has {2})")
        case .controlCharacters: ("含有控制字符", "it has control characters")
        case .notAnIdentifier: ("须为编号（UUID），收到“{1}”", "it must be an identifier (UUID), not “{1}”")
        case .integerRange: ("须为{1}至{2}之间的整数，收到“{3}”", "it must be a whole number from {1} to {2}, not “{3}”")
        case .searchWordNeeded: ("请给出要搜索的词，如 ?q=低保", "give the words to search for after ?q= (such as 低保)")
        // What a request carries that cannot be read.
        case .pathControlCharacters: ("地址中含有控制字符，无法处理", "The address has control characters and cannot be handled")
        case .bodyNUL:
            ("提交的内容含有空字符（NUL），无法保存；请删除后重新提交", "What was sent has a NUL character and cannot be stored; remove it and send again")
        case .fieldNotTaken: ("此处不接受字段“{1}”；可提交的字段：{2}", "The field “{1}” is not taken here; the fields are: {2}")
        case .openApplicationAgain: ("重新打开申请 {1}", "Open application {1} again")
        case .applicationChangedMeanwhile:
            (
                "申请{1}刚刚已有其他办理操作，本次操作未执行；请重新打开该申请，查看最新状态后再办理",
                "Application {1} was just changed by another action, so this one was not done; open it again, see where it stands, and act then"
            )
        case .fieldControlCharacters:
            (
                "“{1}”含有控制字符或改变文字方向的字符，无法保存；请删除后重新提交",
                "“{1}” has a control character or one that reverses text, and cannot be stored; remove it and send again"
            )
        case .bodyMalformed: ("提交的内容格式不对：{1}", "What was sent is malformed: {1}")
        case .bodyUnreadable: ("提交的内容无法读取（编码或表单格式有误）", "What was sent cannot be read (a broken encoding or form)")
        case .queryMalformed: ("地址中的参数格式不对：{1}", "The address's parameters are malformed: {1}")
        case .queryUnreadable: ("地址中的参数无法读取（编码有误）", "The address's parameters cannot be read (a broken encoding)")
        case .missingField: ("缺少字段 {1}", "the field {1} is missing")
        case .fieldWrongType: ("字段 {1} 的值类型不对", "the field {1} has a value of the wrong type")
        case .fieldUnrecognised: ("字段 {1} 的值无法识别", "the value of the field {1} is not recognised")
        case .wholeBody: ("整体", "(the whole)")
        case .listEntry: ("第{1}项", "entry {1}")
        case .unreadable: ("无法读取", "it cannot be read")
        case .attachmentTooLarge: ("“{1}”有 {2}，附件不能超过 {3}", "“{1}” has {2}; an attachment may have at most {3}")
        case .apiTokenNeeded:
            ("请以 Authorization: Bearer <令牌> 发送工作人员的 API 令牌", "Send a staff API token as Authorization: Bearer <token>")
        case .itemIdNeeded: ("信息编号须为 UUID", "An item's identifier must be a UUID")
        case .noPublishedItemId: ("没有编号为 {1} 的已发布信息", "There is no published item with the identifier {1}")
        case .noItemId: ("没有编号为 {1} 的信息", "There is no item with the identifier {1}")
        case .oneOf: ("须为 {1} 之一", "it must be one of {1}")
        case .checkerTitle: ("年度报告核对", "Annual report checker")
        case .checkerIntro:
            (
                "粘贴或上传已公开的政府信息公开工作年度报告，即可看到按官方表格读出的表二、表三、表四，以及每一处勾稽关系问题所在的单元格。可一次上传多份（例如全区各机关的报告），先看汇总表。",
                "Paste or upload published annual reports on government information disclosure (政府信息公开工作年度报告) to see tables 2, 3 and 4 (表二、表三、表四) read into the official layout and every arithmetic problem at the cell where it is. Upload several at once (a district's agencies, say) to see a summary table first."
            )
        case .checkerLimits:
            (
                "支持纯文本、HTML 和 Markdown，UTF-8 或 GB18030（GBK）编码；每份不超过 {1}，一次最多 {2} 份。",
                "Plain text, HTML or Markdown, in UTF-8 or GB18030 (GBK); each up to {1}, at most {2} at once."
            )
        case .checkerNothingKept: ("所提交的报告只用于本次核对，不作保存。", "What you submit is used for this check only and is not kept.")
        case .checkerPaste: ("粘贴报告全文", "Paste a report's full text")
        case .checkerFiles: ("或上传报告文件（可多选）", "Or upload report files (several at once)")
        case .checkerSubmit: ("核对", "Check")
        case .checkerNothingGiven: ("请粘贴报告全文，或选择报告文件。", "Paste a report's text, or choose report files.")
        case .checkerPasted: ("粘贴的文本", "Pasted text")
        case .checkerSummary: ("汇总", "Summary")
        case .checkerReport: ("报告", "Report")
        case .checkerFormatColumn: ("格式", "Format")
        case .checkerErrors: ("错误", "Errors")
        case .checkerWarnings: ("警告", "Warnings")
        case .checkerOutcome: ("结论", "Outcome")
        case .checkerClean: ("勾稽关系成立", "The arithmetic holds")
        case .checkerHasErrors: ("{1}处错误", "{1} error(s)")
        case .checkerUnreadableShort: ("无法读取", "Unreadable")
        case .checkerUnreadable: ("{1}：无法读取：{2}", "{1}: cannot be read: {2}")
        case .checkerReadAs: ("按{1}年格式读出；{2}；{3}", "Read in the {1} format; {2}; {3}")
        case .checkerYearOf: ("{1}年度", "year {1}")
        case .checkerYearUnknown: ("年度未写明", "year not stated")
        case .checkerAgencyUnknown: ("机关未写明", "agency not named")
        case .checkerFindings: ("发现的问题", "Findings")
        case .checkerNoFindings: ("未发现问题。", "Nothing found.")
        case .severityError: ("错误", "Error")
        case .severityWarning: ("警告", "Warning")
        case .severityInfo: ("提示", "Note")
        case .checkerExpectedPrinted: ("应为{1}，报告为{2}", "expected {1}, printed {2}")
        case .checkerTooManyFiles: ("一次最多核对 {1} 份报告，本次提交了 {2} 份。", "At most {1} reports at a time; {2} were sent.")
        case .checkerFileTooLarge: ("超过 {1}，未核对", "over {1}, not checked")
        case .checkerLink: ("核对已公开的年度报告", "Check a published annual report")
        case .checkerTablesRead: ("读出的表格（有问题的单元格已标出）", "The tables as read (cells with findings marked)")
        case .checkerAgain: ("再核对一份", "Check another")
        case .privacyAttachment: ("附件「{1}」", "attachment “{1}”")
        case .privacyPlace: ("{1}第{2}行第{3}字：{4}（遮盖为「{5}」）", "{1}, line {2}, character {3}: {4} (masked as “{5}”)")
        case .kindResidentID: ("居民身份证号码", "resident identity number (居民身份证号码)")
        case .kindMobile: ("手机号码", "mobile number")
        case .kindBankCard: ("银行卡号", "bank card number")
        case .kindAddress: ("住址门牌", "household address")
        case .privacyUndecodable: ("未检查：不是 UTF-8 或 GB18030 文本", "not checked: not UTF-8 or GB18030 text")
        case .privacyNoTool: ("未检查：本机未安装 {1}", "not checked: {1} is not installed on this server")
        case .privacyNoTextLayer:
            ("未检查：PDF 没有文字层（扫描件），请人工核对", "not checked: the PDF has no text layer (a scan); check it by eye")
        case .privacyNotText: ("未检查：无法读取此类文件的文字，请人工核对", "not checked: the text of this kind of file cannot be read; check it by eye")
        case .privacyBlocks:
            (
                "发现个人信息，不能审核通过：{1}。请先遮盖，或填写确需公开的理由。",
                "Personal data found; the item cannot be approved: {1}. Mask it first, or give the reason it must be published."
            )
        case .privacyTitle: ("个人信息检查", "Personal data check")
        case .privacyMaskAll: ("一键遮盖标题、摘要和正文中的个人信息", "Mask the personal data in the title, summary and text")
        case .privacyOverrideReason:
            (
                "确需公开的理由（发现个人信息时必填；记入审计日志，不记号码本身）",
                "Why it must be published as it is (needed when personal data is found; the audit log keeps the reason, not the numbers)"
            )
        case .privacyClean: ("未发现个人信息。", "No personal data found.")
        case .privacyUnchecked: ("附件「{1}」{2}", "Attachment “{1}”: {2}")
        case .privacyAttachmentsFix:
            (
                "附件中的个人信息不能在此遮盖：请退回修改，由起草人上传遮盖后的文件。",
                "Personal data in an attachment cannot be masked here: return the item so that its drafter uploads a masked file."
            )
        case .privacyRetroTitle: ("已发布信息的个人信息排查", "Personal data in published information")
        case .privacyRetroExplained:
            (
                "以下已发布信息的标题、摘要或正文含有个人信息（附件请打开信息逐条检查）。修改方法：打开信息，起草新版本，一键遮盖后重新审核发布。",
                "The published information below has personal data in its title, summary or text (open an item to check its attachments). To fix one: open it, draft a new version, mask, and have it reviewed and published again."
            )
        case .privacyRetroNone: ("已发布信息中未发现个人信息。", "No personal data found in published information.")
        case .privacyRetroCapped: ("只列出前 {1} 条。", "Only the first {1} are listed.")
        case .inspectionTitle: ("网站自查", "Website self-inspection")
        case .inspectionSource:
            (
                "依据{1}，按本平台的记录自查：首页和栏目更新、空白栏目、互动回应、年度报告、逾期公开、公开指南要素，以及最近一次链接检查发现的无法打开的链接和附件。站点能否访问、严重错误、安全泄密等须由检查方或人工核对。",
                "Checked against {1} from this platform's records: home and column updates, blank columns, answers to messages, the annual report, late publication, the guide's parts, and the links and attachments the last link check could not open. Whether the site can be reached, serious errors and security incidents are for the inspectors or a person to check."
            )
        case .inspectionIndicator: ("指标", "Indicator")
        case .inspectionWeight: ("类别", "Weight")
        case .inspectionThreshold: ("判定标准", "Threshold")
        case .inspectionEvidence: ("情况", "Evidence")
        case .inspectionFix: ("整改", "Fix")
        case .inspectionVeto: ("单项否决", "Veto (单项否决)")
        case .inspectionDeduction: ("扣分项", "Deduction (扣分)")
        case .inspectionFails: ("不合格：{1}项单项否决", "Fails: {1} veto finding(s)")
        case .inspectionPasses: ("无单项否决；扣分项{1}项", "No veto; {1} deduction(s)")
        case .inspectionNone: ("未发现问题。", "Nothing found.")
        case .inspectionGoFix: ("去整改", "Fix it")
        case .linksNotChecked: ("链接可用性：尚未检查。", "Link availability: not checked yet.")
        case .linksChecked:
            (
                "链接可用性：{1}检查了{2}个页面上的{3}个链接，{4}个无法打开。",
                "Link availability: checked at {1}: {3} links on {2} pages, {4} could not be opened."
            )
        case .linksExternalNotChecked:
            ("外部链接{1}个未检查（管理员未允许对外检查）。", "{1} link(s) to other sites not checked (the administrator has not allowed outbound checks).")
        case .linksExternalChecked: ("其中外部链接{1}个。", "Of these, {1} to other sites.")
        case .linksLimitReached: ("页面超过{1}个，其余页面未检查。", "More than {1} pages: the rest were not checked.")
        case .linksExternalOverLimit: ("外部链接每次最多检查{1}个，其余{2}个未检查。", "At most {1} links to other sites are opened in one check: {2} were not.")
        case .linksStoppedByTime:
            (
                "本次检查在{1}秒后停止，其余页面和外部链接未检查；完整检查请由定时任务运行 gongkai inspect --links。",
                "This check stopped after {1} s: the other pages and the links to other sites were not checked; a scheduled job running gongkai inspect --links checks them all."
            )
        case .linksCheckNow: ("检查链接", "Check links")
        case .linksCheckHint:
            (
                "逐一打开本单位已公开页面上的链接和附件（约需数秒至数分钟）；定时任务可运行 gongkai inspect --links。",
                "Opens every link and attachment on this agency's published pages (seconds to minutes); a scheduled job can run gongkai inspect --links."
            )
        case .outboundLinkChecksField: ("允许检查外部链接", "Allow checking links to other sites")
        case .emblemTitle: ("网站标识（徽标）", "The site's emblem")
        case .emblemHint:
            (
                "显示在每个页面顶部网站名称之前。PNG、JPEG、GIF 或 WebP 图片，不超过{1}KB。本平台不附带任何官方标识，请上传本单位有权使用的图片。",
                "Shown before the site's name at the top of every page. A PNG, JPEG, GIF or WebP image of at most {1} KB. Gongkai ships no official emblem: upload one the agency may use."
            )
        case .emblemCurrent: ("当前徽标", "The emblem now shown")
        case .emblemNone: ("尚未上传徽标。", "No emblem has been uploaded.")
        case .emblemFile: ("图片文件", "Image file")
        case .emblemUpload: ("上传徽标", "Upload the emblem")
        case .emblemRemove: ("删除徽标", "Remove the emblem")
        case .emblemNoFile: ("请选择要上传的图片文件。", "Choose the image file to upload.")
        case .emblemTooLarge: ("图片「{1}」有{2}KB，超过{3}KB的上限。", "The image \"{1}\" is {2} KB, over the limit of {3} KB.")
        case .emblemNotImage:
            ("文件「{1}」不是 PNG、JPEG、GIF 或 WebP 图片。", "The file \"{1}\" is not a PNG, JPEG, GIF or WebP image.")
        case .outboundLinkChecksHint:
            (
                "勾选后，链接可用性检查会访问本站以外的网址（每个最多等待15秒）；不勾选时外部链接标为“未检查”。",
                "When ticked, the link check visits addresses on other sites (waiting at most 15 s each); otherwise they are reported as not checked."
            )
        case .withheldField: ("部分公开时不予公开的部分（每行一处：原文｜依据条款）", "Partial disclosure: the passages withheld (one a line: the passage｜its article)")
        case .withheldHint:
            (
                "逐字复制“提供的信息”中不予公开的原文，如“张三的身份证号码110105……｜第十五条”。申请人收到的文本中每处显示为「【此处依据第十五条不予公开】」，答复书列明各处及其依据；原文只留存于本申请，供工作人员查阅。PDF 或图片中的内容无法在此区分处理。",
                "Copy each withheld passage of “the information given” word for word, e.g. (张三的身份证号码110105……｜第十五条). The applicant's copy shows each as (【此处依据第十五条不予公开】), and the answer lists each with its article; the original stays with this application for staff only. Content inside a PDF or an image cannot be redacted here."
            )
        case .withheldOnlyPartial:
            ("只有“部分公开”的答复才能标出不予公开的部分。", "Only an answer of partial disclosure (部分公开) can withhold passages.")
        case .redactionNoGround:
            (
                "不予公开的部分第{1}行：请在原文后写“｜”和依据条款，如“张三的身份证号码｜第十五条”。",
                "Withheld passages, line {1}: write “｜” and the article after the passage, e.g. (张三的身份证号码｜第十五条)."
            )
        case .redactionUnknownGround:
            ("不予公开的部分第{1}行：依据“{2}”须为第十四条、第十五条或第十六条。", "Withheld passages, line {1}: the article “{2}” must be Article 14, 15 or 16 (第十四条、第十五条、第十六条).")
        case .redactionNotInText:
            ("第{1}处不予公开的原文在“提供的信息”中找不到：请逐字复制。", "Withheld passage {1} is not in “the information given”: copy it word for word.")
        case .providedOriginalTitle: ("提供信息原文（含不予公开部分）", "The information as written (with the withheld passages)")
        case .providedOriginalNote: ("仅工作人员可见；申请人收到的是区分处理后的文本。", "Staff only; the applicant received the redacted copy.")
        case .whatChecking: ("核对报告", "Checking reports")
        case .readEmpty: ("内容为空", "the input is empty")
        case .readBinary:
            (
                "这是二进制文件而非文本（第 {1} 字节处有控制字符）；请提供文本、HTML 或 Markdown 格式的报告",
                "the input is binary, not text (a NUL or control byte at offset {1}); expected a report as text, HTML or Markdown"
            )
        case .readUndecodable: ("既不是 UTF-8 也不是 GB18030/GBK 编码的文本", "the input is neither UTF-8 nor GB18030/GBK text")
        case .readNotAReport:
            (
                "未找到年度报告的表二、表三或表四：内容不是政府信息公开工作年度报告，或在表格之前被截断",
                "no table 2, 3 or 4 (表二、表三、表四) of an annual report was found: the input is not an annual report on government information disclosure, or it is cut off before its tables"
            )
        case .readInvalidJSON: ("内容像 JSON，但不是 Gongkai 的报告 JSON：{1}", "the input looks like JSON but is not a report in Gongkai's JSON: {1}")
        case .categoryGone: ("新建信息的目录分类已不存在", "The new item's category no longer exists")
        }
    }
}

/// A sentence made before the reader's language is known (a service's refusal, a form's problem), in both.
struct Said: Sendable, Equatable {
    var zh: String
    var en: String

    func callAsFunction(_ language: Language) -> String { language == .en ? en : zh }
}

/// A refusal that the error pages and the API say in the reader's language.
protocol SaidError: AbortError {
    var said: Said { get }
    /// Where the reader can go on from the refusal (the error page shows it as its first link).
    var goOn: GoOn? { get }
}

extension SaidError {
    var reason: String { said.zh }
    var goOn: GoOn? { nil }
}

/// A link from an error page to where the reader goes on: the address and its words.
struct GoOn: Sendable {
    var path: String
    var label: Said
}

/// A form refused field by field: each problem under its field's name, in both languages (the forms show each beside
/// its field; the API and the log read them all).
struct InvalidFields: SaidError {
    var problems: [String: Said]
    var status: HTTPResponseStatus { .unprocessableEntity }
    var said: Said {
        let sorted = problems.sorted { $0.key < $1.key }
        return Said(
            zh: sorted.map { "\($0.key): \($0.value.zh)" }.joined(separator: "；"),
            en: sorted.map { "\($0.key): \($0.value.en)" }.joined(separator: "; "))
    }
}

/// A refusal with a status and its sentence.
struct Refused: SaidError {
    var status: HTTPResponseStatus
    var said: Said
    var goOn: GoOn?

    init(_ status: HTTPResponseStatus, said: Said) {
        self.status = status
        self.said = said
    }

    init(_ status: HTTPResponseStatus, _ key: UIText, _ values: any CustomStringConvertible...) {
        self.status = status
        said = key.said(values: values.map(\.description))
    }

    /// The same refusal, its page linking to `path` with `label`.
    func goingOn(to path: String, _ label: Said) -> Refused {
        var refused = self
        refused.goOn = GoOn(path: path, label: label)
        return refused
    }
}

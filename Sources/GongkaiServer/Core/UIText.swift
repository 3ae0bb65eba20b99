/// The text that users read, keyed by meaning, in each language: Chinese complete, English beside it. `{1}`, `{2}`
/// stand for the values a sentence takes. Legal terms keep their Chinese in parentheses in English. Features move
/// their text here one at a time (issue 11); what has not moved is still Chinese in its view.
enum UIText: String, CaseIterable, Sendable {
    // The frame of every page.
    case siteName, titleSuffix, skipToContent, searchLabel, footer, crumbsLabel, languageSwitch, englishSuggestion
    // The pager.
    case pagesLabel, firstPage, previousPage, nextPage, lastPage, pageNumber, pageTotals, pastTheLastPage
    // Error pages.
    case errorCode, backToDesk, backHome, searchInformation
    case problemBadRequest, problemSignIn, problemForbidden, problemNotFound, problemMethod, problemConflict, problemTooLarge
    case problemMediaType, problemInvalid, problemTooMany, problemBusy, problemServer, problemOther
    // The staff's navigation.
    case desk, draftItem, applications, annualReports, registers, trainings, complaints, administration, auditLog, signOut

    /// The text in `language`, with `{1}`, `{2}` … replaced by `values`.
    func callAsFunction(_ language: Language, _ values: any CustomStringConvertible...) -> String {
        var text = (language == .en ? Self.english[self] : nil) ?? Self.chinese[self] ?? rawValue
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: value.description)
        }
        return text
    }

    static let chinese: [UIText: String] = [
        .siteName: "政府信息公开平台",
        .titleSuffix: " - 政府信息公开",
        .skipToContent: "跳到正文",
        .searchLabel: "搜索",
        .footer: "依据《中华人民共和国政府信息公开条例》公开 · Gongkai",
        .crumbsLabel: "位置",
        .languageSwitch: "English",
        .englishSuggestion: "英文版",
        .pagesLabel: "分页",
        .firstPage: "首页",
        .previousPage: "上一页",
        .nextPage: "下一页",
        .lastPage: "末页",
        .pageNumber: "第{1}页",
        .pageTotals: "共{1}条，{2}页",
        .pastTheLastPage: "第{1}页没有信息，已超出最后一页；请从下方页码中选择。",
        .errorCode: "（错误代码 {1}）",
        .backToDesk: "返回工作台",
        .backHome: "返回首页",
        .searchInformation: "搜索政府信息",
        .problemBadRequest: "请求有误",
        .problemSignIn: "请先登录",
        .problemForbidden: "无权访问",
        .problemNotFound: "找不到该页面",
        .problemMethod: "不支持该请求方式",
        .problemConflict: "操作与当前状态冲突",
        .problemTooLarge: "提交的内容过大",
        .problemMediaType: "不支持的文件类型",
        .problemInvalid: "填写的内容有误",
        .problemTooMany: "请求过于频繁",
        .problemBusy: "服务器繁忙",
        .problemServer: "服务器错误",
        .problemOther: "无法完成请求",
        .desk: "工作台",
        .draftItem: "起草公开信息",
        .applications: "依申请公开",
        .annualReports: "年度报告",
        .registers: "登记簿",
        .trainings: "培训记录",
        .complaints: "投诉举报",
        .administration: "系统管理",
        .auditLog: "审计日志",
        .signOut: "退出",
    ]

    static let english: [UIText: String] = [
        .siteName: "Government Information Disclosure",
        .titleSuffix: " - Government Information Disclosure",
        .skipToContent: "Skip to content",
        .searchLabel: "Search",
        .footer: "Published under the Regulations on Open Government Information (政府信息公开条例) · Gongkai",
        .crumbsLabel: "You are here",
        .languageSwitch: "中文",
        .englishSuggestion: "English",
        .pagesLabel: "Pages",
        .firstPage: "First",
        .previousPage: "Previous",
        .nextPage: "Next",
        .lastPage: "Last",
        .pageNumber: "Page {1}",
        .pageTotals: "{1} in all, {2} pages",
        .pastTheLastPage: "Page {1} lies past the last page and has nothing; choose a page below.",
        .errorCode: "(error code {1})",
        .backToDesk: "Back to the desk",
        .backHome: "Back to the home page",
        .searchInformation: "Search government information",
        .problemBadRequest: "Bad request",
        .problemSignIn: "Please sign in",
        .problemForbidden: "Not allowed",
        .problemNotFound: "Page not found",
        .problemMethod: "Request method not supported",
        .problemConflict: "Not possible in the current state",
        .problemTooLarge: "Too large",
        .problemMediaType: "File type not supported",
        .problemInvalid: "Please correct the form",
        .problemTooMany: "Too many requests",
        .problemBusy: "Server busy",
        .problemServer: "Server error",
        .problemOther: "The request could not be completed",
        .desk: "Desk (工作台)",
        .draftItem: "Draft an item",
        .applications: "Applications (依申请公开)",
        .annualReports: "Annual reports (年度报告)",
        .registers: "Registers (登记簿)",
        .trainings: "Training log",
        .complaints: "Complaints (投诉举报)",
        .administration: "Administration",
        .auditLog: "Audit log",
        .signOut: "Sign out",
    ]
}

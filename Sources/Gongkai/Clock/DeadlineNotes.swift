import Foundation

// What each step of a deadline and each warning says, as typed values: the Chinese is here (the command line prints
// it), other languages are the server's; the dates and counts are the engine's.

extension Deadline {
    /// What one step of the explanation says.
    public enum Note: Sendable, Equatable {
        case received(ReceiptChannel)
        /// 补正通知 on the `workingDay`th working day after receipt; `afterDue` when the answer was already due.
        case clarificationSent(workingDay: Int, afterDue: Bool)
        /// The clarified application; `restarts` unless the notice came after the due date.
        case clarificationReceived(restarts: Bool)
        case clarificationLapsed
        /// The party's 15 working days end on `answerBy` (counted from the sending day until receipt is recorded).
        case consultationSent(answerBy: Day)
        case consultationReceived(answerBy: Day)
        /// An answer within the party's 15 working days: `from` through `to` does not count.
        case consultationAnswered(from: Day, to: Day)
        /// An answer after the party's 15 working days ran out on `lapse`.
        case consultationAnsweredLate(lapse: Day)
        case consultationLapsed
        case extended(days: Int, originalDue: Day)
        case feeSent(payBy: Day, timeExcluded: Bool)
        /// The applicant received the fee notice: pay by `payBy`.
        case feeReceived(payBy: Day)
        /// 第三十五条: the answer put off to `until` (it was due on `originalDue`).
        case deferred(until: Day, originalDue: Day)
        /// The due date is the one set under 第三十五条.
        case deferredDue
        /// Paid; with the time excluded, `from` through `to` does not count.
        case feePaid(from: Day, to: Day, timeExcluded: Bool)
        case feeUnpaid
        case answered
        case withdrawn
        /// The `limit`th counting working day after `start`; `pausesExcluded` when a pause moved it, `pausedNow` while
        /// the clock is stopped.
        case due(start: Day, limit: Int, pausesExcluded: Bool, pausedNow: Bool)

        public var text: String {
            let consultation = DeadlineEngine.consultationPeriod
            switch self {
            case .received(let channel):
                return "收到申请（\(channel.explanation)）；此日为第0日，答复期限自次日起算"
            case .clarificationSent(let day, let afterDue):
                return afterDue
                    ? "发出补正通知（收到申请后第\(day)个工作日，答复期限已届满）；答复期限不停止计算"
                    : "发出补正通知（收到申请后第\(day)个工作日）；答复期限停止计算，待收到补正后的申请重新起算"
            case .clarificationReceived(let restarts):
                return restarts
                    ? "收到补正后的申请；答复期限自次日起重新计算\(DeadlineEngine.answerPeriod)个工作日"
                    : "收到补正后的申请；补正通知发出时答复期限已届满，答复期限不重新计算"
            case .clarificationLapsed:
                return "申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理"
            case .consultationSent(let answerBy):
                return "书面征求第三方或其他机关意见；征求意见期间不计入答复期限；被征求方应在\(consultation)个工作日内（\(answerBy.iso)前）提出意见"
            case .consultationReceived(let answerBy):
                return "被征求方收到征求意见书；其\(consultation)个工作日自次日起算，至\(answerBy.iso)"
            case .consultationAnswered(let from, let to):
                return "收到被征求方意见；\(from.iso)至\(to.iso)不计入答复期限，次日起恢复计算"
            case .consultationAnsweredLate(let lapse):
                return "收到被征求方意见（逾期：被征求方的\(consultation)个工作日于\(lapse.iso)届满，答复期限已于次日恢复计算）"
            case .consultationLapsed:
                return "被征求方在\(consultation)个工作日内未提出意见；答复期限自次日起恢复计算（其他机关逾期未提出意见的，视为同意公开）"
            case .extended(let days, let originalDue):
                return "经政府信息公开工作机构负责人同意延长答复期限\(days)个工作日，并告知申请人（原期限\(originalDue.iso)）"
            case .feeSent(let payBy, let timeExcluded):
                return "发出收费通知；申请人应在收到通知后\(DeadlineEngine.feePaymentPeriod)个工作日内缴费（未记录收到日期时，按发出之日计至\(payBy.iso)）"
                    + (timeExcluded ? "；通知至缴费期间不计入答复期限（本机关设置）" : "；本机关设置为缴费期间照常计算答复期限")
            case .feeReceived(let payBy):
                return "申请人收到收费通知；缴费期限自次日起算\(DeadlineEngine.feePaymentPeriod)个工作日，至\(payBy.iso)"
            case .deferred(let until, let originalDue):
                return "申请数量、频次明显超过合理范围，申请理由合理但无法在第三十三条规定的期限内答复：确定延迟至\(until.iso)答复，并告知申请人（原期限\(originalDue.iso)）"
            case .deferredDue:
                return "延迟答复的期限届满（第三十五条确定的合理期限）"
            case .feePaid(let from, let to, let timeExcluded):
                return timeExcluded ? "申请人缴费；\(from.iso)至\(to.iso)不计入答复期限，次日起恢复计算" : "申请人缴费"
            case .feeUnpaid:
                return "申请人逾期未按收费通知要求缴纳费用，视为放弃申请，行政机关不再处理"
            case .answered:
                return "作出答复"
            case .withdrawn:
                return "申请人撤回申请"
            case .due(let start, let limit, let pausesExcluded, let pausedNow):
                return "答复期限届满：自\(start.iso)次日起第\(limit)个工作日\(pausesExcluded ? "（不计暂停期间）" : "")"
                    + (pausedNow ? "；目前暂停计算，到期日随暂停天数顺延" : "")
            }
        }
    }

    /// Something about the application's handling that staff should know: a notice sent too late, or dates that are
    /// provisional.
    public enum Warning: Sendable, Equatable, Encodable {
        /// A 补正 notice sent after the answer was due on `due`: it stops nothing.
        case clarificationAfterDue(due: Day)
        /// A 补正 notice on the `workingDay`th working day: 第三十条 wants it within 7.
        case clarificationLate(workingDay: Int)
        /// A fee notice sent after the answer was due on `due`: it stops nothing.
        case feeAfterDue(due: Day)
        /// Years without a published holiday arrangement (Monday–Friday assumed).
        case provisional(years: [Int])

        public var text: String {
            switch self {
            case .clarificationAfterDue(let due):
                "补正通知在答复期限（\(due.iso)）届满后才发出，不能停止或重新计算答复期限：申请自\(due.iso)次日起逾期"
            case .clarificationLate(let day):
                "补正通知在收到申请后第\(day)个工作日发出；第三十条要求在收到申请之日起\(DeadlineEngine.clarificationNoticePeriod)个工作日内一次性告知"
            case .feeAfterDue(let due):
                "收费通知在答复期限（\(due.iso)）届满后才发出，缴费期间不能停止计算答复期限：申请自\(due.iso)次日起逾期"
            case .provisional(let years):
                "\(years.map(String.init).joined(separator: "、"))年的节假日安排尚未公布，暂按周一至周五计算，以上日期为暂定"
            }
        }

        /// The command line's JSON: the warning as it reads.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }
}

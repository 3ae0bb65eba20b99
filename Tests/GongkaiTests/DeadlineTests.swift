import Foundation
import Testing

@testable import Gongkai

/// Deadlines worked out by hand with the State Council's holiday notices, day by day.
@Suite struct DeadlineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let received: String
        let events: [String]
        let today: String
        let due: String?
        var feeTimeExcluded = true
        var status: Deadline.Status = .open
        var provisional = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "plain, across National Day 2026 and its working Saturday", received: "2026-09-28", events: [], today: "2026-10-01",
            due: "2026-10-30"),
        Case(name: "across Spring Festival 2026 with both 调休 Saturdays", received: "2026-02-10", events: [], today: "2026-02-11", due: "2026-03-16"),
        Case(
            name: "across the year boundary onto the working Sunday 2026-01-04", received: "2025-12-15", events: [], today: "2025-12-16",
            due: "2026-01-13"),
        Case(
            // 12-16 … 12-31: 12 working days; 2027-01-01 is 元旦 (statutory, issue 13); 01-04 … 01-08 and 01-11 … 01-13: 20.
            name: "into 2027, which has no notice yet", received: "2026-12-15", events: [], today: "2026-12-16", due: "2027-01-13", provisional: true),
        Case(
            name: "clarification restarts the 20 days, across Qingming", received: "2026-03-02",
            events: ["clarify-sent@2026-03-05", "clarify-received@2026-03-20"], today: "2026-03-23", due: "2026-04-20"),
        Case(
            name: "consultation of a third party is left out, across Dragon Boat", received: "2026-06-01",
            events: ["consult-sent@2026-06-03", "consult-answered@2026-06-17"], today: "2026-06-18", due: "2026-07-14"),
        Case(name: "extension of 20 working days", received: "2026-06-01", events: ["extended@2026-06-25"], today: "2026-06-26", due: "2026-07-28"),
        Case(
            name: "fee notice to payment is left out", received: "2026-06-01", events: ["fee-sent@2026-06-05", "fee-paid@2026-06-12"],
            today: "2026-06-15", due: "2026-07-07"),
        Case(
            name: "fee time counted when the agency so chooses", received: "2026-06-01", events: ["fee-sent@2026-06-05", "fee-paid@2026-06-12"],
            today: "2026-06-15", due: "2026-06-30", feeTimeExcluded: false),
        Case(
            name: "clarification, consultation, extension and fee together around National Day", received: "2026-09-21",
            events: [
                "clarify-sent@2026-09-23", "clarify-received@2026-09-24", "consult-sent@2026-10-09", "consult-answered@2026-10-14",
                "extended@2026-11-02+10", "fee-sent@2026-11-10", "fee-paid@2026-11-12",
            ],
            today: "2026-11-13", due: "2026-11-20"),
        // Issue 13, 1: the consulted party's silence pauses the clock only for its 15 working days (第三十二条,
        // 第三十三条第三款). Received 03-02, consulted 03-10: 6 working days used (03-03 … 03-10); the party's days end
        // 03-31 (03-11 … 03-31, 15 working days); 14 left from 04-01, across Qingming (04-04 … 04-06 off): 04-21.
        Case(
            name: "a consultation never answered pauses only the party's 15 working days", received: "2026-03-02",
            events: ["consult-sent@2026-03-10"], today: "2026-12-01", due: "2026-04-21"),
        Case(
            name: "an answer after an unanswered consultation is on time by 04-21", received: "2026-03-02",
            events: ["consult-sent@2026-03-10", "answered@2026-04-20"], today: "2026-04-20", due: "2026-04-21", status: .answered),
        Case(
            name: "a reply long after the party's 15 days moves nothing", received: "2026-03-02",
            events: ["consult-sent@2026-03-10", "consult-answered@2026-09-30"], today: "2026-10-01", due: "2026-04-21"),
        // Within the party's 15 days the clock stands still, as of today: 6 used, 14 left from 03-21: 04-10.
        Case(
            name: "within the party's 15 days the clock is paused", received: "2026-03-02", events: ["consult-sent@2026-03-10"],
            today: "2026-03-20", due: "2026-04-10", status: .paused),
        // The party's days run from its receipt of the letter (03-12): they end 04-02; 14 left from 04-03: 04-23.
        Case(
            name: "the party's 15 days run from its receipt of the letter", received: "2026-03-02",
            events: ["consult-sent@2026-03-10", "consult-received@2026-03-12"], today: "2026-04-10", due: "2026-04-23"),
        // Issue 13, 2: received 03-02, due 03-30 (20 working days); a 补正 notice on 04-10 comes after the due date and
        // restarts nothing: the application stays overdue from 03-30.
        Case(
            name: "a clarification sent after the due date leaves the application overdue", received: "2026-03-02",
            events: ["clarify-sent@2026-04-10", "clarify-received@2026-04-15"], today: "2026-04-16", due: "2026-03-30"),
        Case(
            name: "while a late clarification is awaited the application is overdue, not waiting", received: "2026-03-02",
            events: ["clarify-sent@2026-04-10"], today: "2026-04-16", due: "2026-03-30"),
        // Issue 13, 3: a fee notice on 04-10, after the due date 03-30, pauses nothing: still due 03-30, overdue, open.
        Case(
            name: "a fee notice after the due date leaves the application overdue", received: "2026-03-02",
            events: ["fee-sent@2026-04-10"], today: "2026-04-16", due: "2026-03-30"),
        Case(
            name: "a fee paid after a late notice moves nothing", received: "2026-03-02",
            events: ["fee-sent@2026-04-10", "fee-paid@2026-04-14"], today: "2026-04-16", due: "2026-03-30"),
        Case(
            name: "answered on the spot", received: "2026-03-02", events: ["answered@2026-03-02"], today: "2026-03-02", due: "2026-03-30",
            status: .answered),
        Case(
            name: "clarification never given: abandoned", received: "2026-03-02", events: ["clarify-sent@2026-03-04", "clarify-expired@2026-03-20"],
            today: "2026-03-25", due: nil, status: .abandoned),
        Case(
            name: "waiting for the clarification", received: "2026-03-02", events: ["clarify-sent@2026-03-04"], today: "2026-03-10", due: nil,
            status: .paused),
        Case(
            name: "fee not paid in 20 working days: abandoned", received: "2026-06-01", events: ["fee-sent@2026-06-05"], today: "2026-07-10",
            due: nil, status: .abandoned),
    ]

    @Test(arguments: cases)
    func deadline_matchesTheHandWorkedDueDate(_ c: Case) throws {
        let events = c.events.map { DeadlineParsing.event($0)! }
        let engine = DeadlineEngine(settings: ClockSettings(feeTimeExcluded: c.feeTimeExcluded))
        let deadline = try engine.compute(received: Day(iso: c.received)!, events: events, today: Day(iso: c.today)!)
        #expect(deadline.due?.iso == c.due)
        #expect(deadline.status == c.status)
        #expect(deadline.provisional == c.provisional)
        if c.provisional { #expect(deadline.provisionalYears == [2027]) }
    }

    /// "Due as things stand on a day" (the 补正, extension, fee and deferral checks) counts an open consultation's pause,
    /// and a fee notice's pause only when the agency excludes fee time, as the final count does.
    @Test func dueAsOfADay_countsAnOpenConsultation_andTheFeeOnlyWhenExcluded() throws {
        let engine = DeadlineEngine()
        let received = Day(iso: "2026-03-02")!
        func afterDue(_ deadline: Deadline) -> Day? {
            deadline.warnings.compactMap { if case .clarificationAfterDue(let due) = $0 { due } else { nil } }.first
        }
        // Due 03-30 without pauses: a 补正 notice on 04-02 comes after it.
        let plain = try engine.compute(
            received: received, events: [DeadlineParsing.event("clarify-sent@2026-04-02")!], today: Day(iso: "2026-04-03")!)
        #expect(afterDue(plain) == Day(iso: "2026-03-30"))
        // Consulted on 03-10 (6 working days used), the clock stands still for the party's 15 working days (to 03-31):
        // on 04-02 the answer is not yet due, so the same notice is in time.
        let consulted = try engine.compute(
            received: received, events: ["consult-sent@2026-03-10", "clarify-sent@2026-04-02"].map { DeadlineParsing.event($0)! },
            today: Day(iso: "2026-04-03")!)
        #expect(afterDue(consulted) == nil, "\(consulted.warnings)")

        // Fee notice on 06-05 (received 06-01, due 06-30 without pauses), an extension on 07-02.
        let feeThenExtension = ["fee-sent@2026-06-05", "extended@2026-07-02"].map { DeadlineParsing.event($0)! }
        let excluded = try DeadlineEngine(settings: ClockSettings(feeTimeExcluded: true)).compute(
            received: Day(iso: "2026-06-01")!, events: feeThenExtension, today: Day(iso: "2026-07-03")!)
        #expect(excluded.steps.contains { $0.event == "extended" }, "the fee's time is left out: 07-02 is before the due date")
        #expect(throws: ClockError.self, "the fee's time counts: 07-02 is past 06-30") {
            try DeadlineEngine(settings: ClockSettings(feeTimeExcluded: false)).compute(
                received: Day(iso: "2026-06-01")!, events: feeThenExtension, today: Day(iso: "2026-07-03")!)
        }
    }

    @Test func deadline_countsUsedAndRemainingDaysAndFlagsOverdue() throws {
        let engine = DeadlineEngine()
        let received = Day(iso: "2026-09-28")!
        let early = try engine.compute(received: received, events: [], today: Day(iso: "2026-10-09")!)
        #expect(early.usedWorkingDays == 4)  // 09-29, 09-30, 10-08, 10-09
        #expect(early.remainingWorkingDays == 16)
        #expect(!early.overdue)
        let late = try engine.compute(received: received, events: [], today: Day(iso: "2026-11-03")!)
        #expect(late.overdue)
        #expect(late.overdueWorkingDays == 2)
        #expect(late.remainingWorkingDays == 0)
        let answeredLate = try engine.compute(
            received: received, events: [ClockEvent(.answered, Day(iso: "2026-11-02")!)], today: Day(iso: "2026-12-01")!)
        #expect(answeredLate.status == .answered)
        #expect(answeredLate.overdueWorkingDays == 1)
        let answeredInTime = try engine.compute(
            received: received, events: [ClockEvent(.answered, Day(iso: "2026-10-30")!)], today: Day(iso: "2026-12-01")!)
        #expect(!answeredInTime.overdue)
    }

    @Test func deadline_explainsEachStepWithItsArticle() throws {
        let deadline = try DeadlineEngine().compute(
            received: Day(iso: "2026-06-01")!, channel: .online,
            events: ["consult-sent@2026-06-03", "consult-answered@2026-06-17"].map { DeadlineParsing.event($0)! },
            today: Day(iso: "2026-06-18")!)
        #expect(deadline.steps.map(\.event) == ["received", "consult-sent", "consult-answered", "due"])
        #expect(deadline.steps[0].text.contains("第三十一条第（三）项"))
        #expect(deadline.steps[1].article == "第三十二条、第三十四条")
        #expect(deadline.steps[1].text.contains("2026-06-25"))  // the third party's own 15 working days
        #expect(deadline.steps[3].date.iso == "2026-07-14")
    }

    @Test func deadline_deemsAnUnpaidFeeAbandonedTwentyWorkingDaysAfterTheNotice() throws {
        let engine = DeadlineEngine()
        let events = [ClockEvent(.feeSent, Day(iso: "2026-06-05")!)]
        let waiting = try engine.compute(received: Day(iso: "2026-06-01")!, events: events, today: Day(iso: "2026-07-06")!)
        #expect(waiting.status == .paused)
        let abandoned = try engine.compute(received: Day(iso: "2026-06-01")!, events: events, today: Day(iso: "2026-07-07")!)
        #expect(abandoned.status == .abandoned)
        #expect(abandoned.steps.last { $0.event == "fee-unpaid" }?.date.iso == "2026-07-06")
    }

    /// Issue 13: the 20 working days to pay run from the applicant's receipt of the notice, when it is recorded (a
    /// notice by post received 06-10: 06-11 … 07-09, 端午 06-19 off); without it, from the sending day (07-06).
    @Test func deadline_countsTheFeePeriodFromTheNoticesReceipt() throws {
        let engine = DeadlineEngine()
        let events = ["fee-sent@2026-06-05", "fee-received@2026-06-10"].map { DeadlineParsing.event($0)! }
        let received = Day(iso: "2026-06-01")!
        let waiting = try engine.compute(received: received, events: events, today: Day(iso: "2026-07-09")!)
        #expect(waiting.status == .paused)
        #expect(waiting.steps.first { $0.event == "fee-received" }?.note == .feeReceived(payBy: Day(iso: "2026-07-09")!))
        let abandoned = try engine.compute(received: received, events: events, today: Day(iso: "2026-07-10")!)
        #expect(abandoned.status == .abandoned)
        #expect(abandoned.steps.last { $0.event == "fee-unpaid" }?.date.iso == "2026-07-09")
        // Paid on 07-08: in time from receipt, though past 20 working days from sending.
        let paid = try engine.compute(
            received: received, events: events + [DeadlineParsing.event("fee-paid@2026-07-08")!], today: Day(iso: "2026-07-10")!)
        #expect(paid.status == .open)
        #expect(throws: ClockError.self) {
            try engine.compute(
                received: received, events: events + [DeadlineParsing.event("fee-received@2026-06-11")!], today: Day(iso: "2026-06-12")!)
        }
        #expect(throws: ClockError.self) {
            try engine.compute(received: received, events: [DeadlineParsing.event("fee-received@2026-06-11")!], today: Day(iso: "2026-06-12")!)
        }
    }

    /// 第三十五条: received 2026-03-02 (due 03-30); on 03-20 the answer is put off to 05-29. On 04-24 it is not
    /// overdue, 24 working days remain (04-27 … 05-29: 劳动节 05-01…05-05 off, 05-09 a working Saturday); after 05-29 it
    /// is. Set after 03-30, or for a day not after it, the deferral is refused.
    @Test func deadline_keepsTheLaterDateSetUnderArticle35() throws {
        let engine = DeadlineEngine()
        let received = Day(iso: "2026-03-02")!
        let deferred = [DeadlineParsing.event("deferred@2026-03-20:2026-05-29")!]
        let waiting = try engine.compute(received: received, events: deferred, today: Day(iso: "2026-04-24")!)
        #expect(waiting.due?.iso == "2026-05-29" && waiting.status == .open && !waiting.overdue)
        #expect(waiting.remainingWorkingDays == engine.calendar.workingDays(after: Day(iso: "2026-04-24")!, through: Day(iso: "2026-05-29")!))
        #expect(waiting.steps.contains { $0.note == .deferred(until: Day(iso: "2026-05-29")!, originalDue: Day(iso: "2026-03-30")!) })
        #expect(waiting.steps.last?.note == .deferredDue)
        let late = try engine.compute(received: received, events: deferred, today: Day(iso: "2026-06-01")!)
        #expect(late.overdue && late.overdueWorkingDays == 1)
        for (event, problem) in [
            ("deferred@2026-03-31:2026-05-29", ClockProblem.deferralTooLate(Day(iso: "2026-03-30")!)),
            ("deferred@2026-03-20:2026-03-30", .deferralNotLater(Day(iso: "2026-03-30")!)),
            ("deferred@2026-03-20", .deferralWithoutDate),
        ] {
            #expect(throws: ClockError(event: event, problem: problem)) {
                try engine.compute(received: received, events: [DeadlineParsing.event(event)!], today: Day(iso: "2026-04-01")!)
            }
        }
    }

    /// Issue 13: the party's 15 days run out on 03-31, said as a step with 第三十四条's consent; the application is
    /// overdue after 04-21, and a 补正 notice after the due date is said to restart nothing.
    @Test func deadline_saysWhenAConsultationLapses_andWhenAClarificationComesTooLate() throws {
        let lapsed = try DeadlineEngine().compute(
            received: Day(iso: "2026-03-02")!, events: [DeadlineParsing.event("consult-sent@2026-03-10")!], today: Day(iso: "2026-04-24")!)
        let step = try #require(lapsed.steps.first { $0.event == "consult-lapsed" })
        #expect(step.date.iso == "2026-03-31" && step.text.contains("视为同意"))
        #expect(lapsed.status == .open && lapsed.overdue && lapsed.overdueWorkingDays == 3)  // 04-22, 04-23, 04-24

        let late = try DeadlineEngine().compute(
            received: Day(iso: "2026-03-02")!, events: [DeadlineParsing.event("clarify-sent@2026-04-10")!], today: Day(iso: "2026-04-16")!)
        #expect(late.overdue && late.overdueWorkingDays == 12)  // 03-31 … 04-16, Qingming off
        #expect(late.warnings.contains(.clarificationAfterDue(due: Day(iso: "2026-03-30")!)))
        #expect(late.warnings.first?.text.contains("届满后才发出") == true)
    }

    @Test func deadline_warnsOfALateClarificationNotice() throws {
        let deadline = try DeadlineEngine().compute(
            received: Day(iso: "2026-03-02")!,
            events: ["clarify-sent@2026-03-12", "clarify-received@2026-03-13"].map { DeadlineParsing.event($0)! },
            today: Day(iso: "2026-03-16")!)
        #expect(deadline.warnings == [.clarificationLate(workingDay: 8)])
        let said = deadline.warnings.first?.text ?? ""
        #expect(said.contains("第8个工作日") && said.contains("第三十条"))
    }

    @Test(arguments: [
        (["answered@2026-02-27"], "answered@2026-02-27", "早于收到申请之日"),
        (["extended@2026-03-05", "extended@2026-03-06"], "extended@2026-03-06", "第二次延期"),
        (["answered@2026-03-10", "clarify-sent@2026-03-11"], "clarify-sent@2026-03-11", "答复办结"),
        (["clarify-sent@2026-03-03", "clarify-received@2026-03-04", "clarify-sent@2026-03-05"], "clarify-sent@2026-03-05", "第二次补正告知"),
        (["clarify-received@2026-03-04"], "clarify-received@2026-03-04", "此前没有发出补正告知"),
        (["extended@2026-04-01"], "extended@2026-04-01", "晚于原答复期限2026-03-30"),
        (["extended@2026-03-05+25"], "extended@2026-03-05+25", "最长不超过20个工作日"),
        (["clarify-sent@2026-03-03", "answered@2026-03-10"], "answered@2026-03-10", "2026-03-03发出的补正告知尚待补正"),
        (["consult-answered@2026-03-10"], "consult-answered@2026-03-10", "此前没有征求意见"),
        (["consult-received@2026-03-10"], "consult-received@2026-03-10", "此前没有征求意见"),
        (["fee-paid@2026-03-10"], "fee-paid@2026-03-10", "此前没有发出收费通知"),
    ])
    func deadline_refusesImpossibleHistoriesNamingTheEvent(events: [String], event: String, problem: String) {
        do {
            _ = try DeadlineEngine().compute(
                received: Day(iso: "2026-03-02")!, events: events.map { DeadlineParsing.event($0)! }, today: Day(iso: "2026-04-30")!)
            Issue.record("accepted \(events)")
        } catch {
            #expect(error.event == event)
            #expect(error.problem.message.contains(problem), "\(error.problem.message)")
        }
    }
}

@Suite struct FeeTests {
    @Test(arguments: [(1, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (40, 4000), (41, 4300), (50, 7000), (51, 7400)])
    func fee_perApplicationIsProgressivePerMonth(count: Int, total: Int) {
        let charge = InformationProcessingFee.perApplication(count)
        #expect(charge.total == total)
        #expect(charge.bands.reduce(0) { $0 + $1.units } == count)
    }

    @Test(arguments: [(1, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740)])
    func fee_perPageIsProgressive(pages: Int, total: Int) {
        let charge = InformationProcessingFee.perPage(pages)
        #expect(charge.total == total)
        #expect(charge.bands.last?.to == pages)
    }

    /// One application is charged at the price of its own band, never the month's earlier ones again.
    @Test(arguments: [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)])
    func fee_oneApplicationPaysItsBand(ordinal: Int, price: Int) {
        let charge = InformationProcessingFee.perApplication(ordinal: ordinal)
        #expect(charge.total == price && charge.quantity == ordinal && charge.bands.count == 1)
    }

    @Test func fee_breakdownIsWordedForTheNotice() {
        #expect(
            InformationProcessingFee.perPage(45).breakdown
                == "本申请提供信息共45页：第1—30页不收费；第31—45页15页×10元＝150元；合计150元")
        #expect(
            InformationProcessingFee.perApplication(ordinal: 31).breakdown
                == "本申请为申请人本自然月内向本机关提出的第31件申请：第31件1件×200元＝200元；合计200元")
    }

    @Test func fee_breakdownShowsEachBand() {
        let charge = InformationProcessingFee.perApplication(41)
        #expect(charge.bands.map(\.price) == [0, 100, 200, 300])
        #expect(charge.bands.map(\.units) == [10, 20, 10, 1])
    }
}

/// The CLI's event syntax, shared with the tests.
enum DeadlineParsing {
    static func event(_ text: String) -> ClockEvent? {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ClockEvent.Kind(rawValue: parts[0]) else { return nil }
        let pieces = parts[1].split(separator: "+").map(String.init)
        let dated = pieces[0].split(separator: ":").map(String.init)
        guard let date = Day(iso: dated[0]) else { return nil }
        return ClockEvent(kind, date, days: pieces.count > 1 ? Int(pieces[1]) : nil, until: dated.count > 1 ? Day(iso: dated[1]) : nil)
    }
}

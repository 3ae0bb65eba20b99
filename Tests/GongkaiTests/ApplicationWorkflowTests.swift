import Foundation
import Gongkai
import Testing

/// The application workflow: which moves each state offers to whom, what a move does, and why one is refused.
@Suite struct ApplicationWorkflowTests {
    let engine = DeadlineEngine(calendar: .official)

    func day(_ text: String) -> Day { Day(iso: text)! }

    /// Received in person on Monday 2026-03-02, with `events` ("kind@date") after it.
    func received(_ events: String..., status: ApplicationStatus = .open) -> ApplicationCase {
        ApplicationCase(
            status: status, submitted: day("2026-03-02"), received: day("2026-03-02"), channel: .inPerson,
            events: events.map { text in
                let (kind, date) = (text.split(separator: "@")[0], text.split(separator: "@")[1])
                return ClockEvent(ClockEvent.Kind(rawValue: String(kind))!, day(String(date)))
            })
    }

    struct Offer: CustomTestStringConvertible {
        var what: String
        var application: ApplicationCase
        var today: String
        var officer: [ApplicationMove.Kind]
        /// What the office head is offered besides (the extension, 第三十三条).
        var headAlso: [ApplicationMove.Kind] = []
        var testDescription: String { what }
    }

    var offers: [Offer] {
        let online = ApplicationCase(status: .submitted, submitted: day("2026-03-02"), received: nil, channel: .online, events: [])
        // Asking for reasons (第三十五条) and recording help given (第四十三条) stop nothing and are open while the
        // application is; a later date (第三十五条) is set only while the answer is not yet due.
        let asides: [ApplicationMove.Kind] = [.askReasons, .reasonsGiven, .assist]
        let running = asides + [.deferAnswer]
        return [
            Offer(
                what: "online, not yet confirmed: help at the counter, or a withdrawal", application: online, today: "2026-03-03",
                officer: [.confirm, .assist, .withdraw]),
            Offer(
                what: "received, the clock running", application: received(), today: "2026-03-04",
                officer: [.clarify, .consult, .fee, .answer, .withdraw] + running, headAlso: [.extend]),
            Offer(
                what: "补正 asked for: only its answer, its lapse or a withdrawal", application: received("clarify-sent@2026-03-04", status: .paused),
                today: "2026-03-06", officer: [.clarified, .clarifyExpired, .withdraw] + asides),
            Offer(
                what: "补正 received: a second notice is not offered (第三十条, one notice)",
                application: received("clarify-sent@2026-03-04", "clarify-received@2026-03-09"), today: "2026-03-10",
                officer: [.consult, .fee, .answer, .withdraw] + running, headAlso: [.extend]),
            Offer(
                what: "a third party consulted", application: received("consult-sent@2026-03-04", status: .paused), today: "2026-03-06",
                officer: [.clarify, .consult, .consultReceived, .consultAnswered, .fee, .answer, .withdraw] + running, headAlso: [.extend]),
            Offer(
                what: "the consulted party's receipt recorded: not offered twice",
                application: received("consult-sent@2026-03-04", "consult-received@2026-03-05", status: .paused), today: "2026-03-06",
                officer: [.clarify, .consult, .consultAnswered, .fee, .answer, .withdraw] + running, headAlso: [.extend]),
            Offer(
                what: "a fee notice within its 20 working days: its receipt or its payment",
                application: received("fee-sent@2026-03-04", status: .paused),
                today: "2026-03-10", officer: [.clarify, .consult, .feeReceived, .feePaid, .answer, .withdraw] + running, headAlso: [.extend]),
            Offer(
                what: "a fee notice run out unpaid: only recording the lapse", application: received("fee-sent@2026-03-04", status: .paused),
                today: "2026-04-20", officer: [.feeUnpaid]),
            Offer(
                what: "extended once: no second extension", application: received("extended@2026-03-20"), today: "2026-03-23",
                officer: [.clarify, .consult, .fee, .answer, .withdraw] + running),
            Offer(
                what: "past the due date: too late to extend (第三十三条) or to set a later date (第三十五条)", application: received(),
                today: "2026-04-20", officer: [.clarify, .consult, .fee, .answer, .withdraw] + asides),
            Offer(
                what: "a request to correct one's records (第四十一条): its own answer, no fee, consultation or 第三十五条 steps",
                application: ApplicationCase(
                    status: .open, submitted: day("2026-03-02"), received: day("2026-03-02"), channel: .inPerson, events: [], kind: .correction),
                today: "2026-03-04", officer: [.clarify, .assist, .answerCorrection, .withdraw], headAlso: [.extend]),
            Offer(what: "answered: nothing more", application: received("answered@2026-03-10", status: .answered), today: "2026-03-11", officer: []),
        ]
    }

    @Test func eachStateOffersOnlyTheMovesTheLawAllows() {
        for offer in offers {
            let today = day(offer.today)
            let officer = ApplicationWorkflow.offered(to: .officer, for: offer.application, today: today, engine: engine)
            #expect(officer == ApplicationMove.Kind.allCases.filter(offer.officer.contains), "\(offer.what): officer")
            let head = ApplicationWorkflow.offered(to: .officeHead, for: offer.application, today: today, engine: engine)
            let expected = ApplicationMove.Kind.allCases.filter { offer.officer.contains($0) || offer.headAlso.contains($0) }
            #expect(head == expected, "\(offer.what): office head")
            for role in [StaffRole.editor, .reviewer, .supervisor] {
                #expect(ApplicationWorkflow.offered(to: role, for: offer.application, today: today, engine: engine).isEmpty, "\(offer.what): \(role)")
            }
        }
    }

    @Test func confirmingStartsTheClockAndAnAnswerClosesWithItsRow() throws {
        let online = ApplicationCase(status: .submitted, submitted: day("2026-03-01"), received: nil, channel: .online, events: [])
        let confirmed = try ApplicationWorkflow.apply(
            .confirm, to: online, on: day("2026-03-02"), by: .officer, today: day("2026-03-02"), engine: engine)
        #expect(confirmed.status == .open)
        #expect(confirmed.received == day("2026-03-02"))
        #expect(confirmed.event == nil)
        #expect(confirmed.deadline?.due == day("2026-03-30"))  // 20 working days after Monday 2026-03-02

        let answered = try ApplicationWorkflow.apply(
            .answer(result: "3.3.4", detail: "涉及个人隐私"), to: received(), on: day("2026-03-20"), by: .officer, today: day("2026-03-20"), engine: engine)
        #expect(answered.status == .answered)
        #expect(answered.result == "3.3.4")
        #expect(answered.resultFormat == .v2021)
        #expect(answered.answered == day("2026-03-20"))
        #expect(answered.closed == day("2026-03-20"))
        #expect(answered.event == ClockEvent(.answered, day("2026-03-20")))
    }

    @Test func lapsesCloseWithTheirOwnRowsInEitherFormat() throws {
        let asked = received("clarify-sent@2026-03-04", status: .paused)
        let lapsed = try ApplicationWorkflow.apply(
            .clarifyExpired, to: asked, on: day("2026-04-01"), by: .officer, today: day("2026-04-01"), engine: engine)
        #expect(lapsed.status == .abandoned)
        #expect(lapsed.result == "3.6.1")
        #expect(lapsed.closed == day("2026-04-01"))

        let fee = received("fee-sent@2026-03-04", status: .paused)
        #expect(throws: ApplicationRefusal.feePeriodRunning) {
            try ApplicationWorkflow.apply(.feeUnpaid, to: fee, on: day("2026-03-10"), by: .officer, today: day("2026-03-10"), engine: engine)
        }
        let unpaid = try ApplicationWorkflow.apply(.feeUnpaid, to: fee, on: day("2026-04-20"), by: .officer, today: day("2026-04-20"), engine: engine)
        #expect(unpaid.status == .abandoned)
        #expect(unpaid.result == "3.6.2")
        #expect(throws: ApplicationRefusal.feeLapsed) {
            try ApplicationWorkflow.apply(
                .answer(result: "3.1", detail: ""), to: fee, on: day("2026-04-20"), by: .officer, today: day("2026-04-20"), engine: engine)
        }

        // The 2019 format has one row, （六）其他处理, for both lapses.
        let old = ApplicationCase(
            status: .paused, submitted: day("2020-03-02"), received: day("2020-03-02"), channel: .inPerson,
            events: [ClockEvent(.clarifySent, day("2020-03-04"))])
        let lapsed2020 = try ApplicationWorkflow.apply(
            .clarifyExpired, to: old, on: day("2020-04-01"), by: .officer, today: day("2020-04-01"), engine: engine)
        #expect(lapsed2020.result == "3.6")
        #expect(lapsed2020.resultFormat == .v2019)
    }

    @Test func refusalsSayWhatIsWrong() {
        let today = day("2026-03-10")
        func refusal(
            _ move: ApplicationMove, _ application: ApplicationCase, on date: String = "2026-03-10", by role: StaffRole = .officer
        )
            -> ApplicationRefusal?
        {
            do {
                _ = try ApplicationWorkflow.apply(move, to: application, on: day(date), by: role, today: today, engine: engine)
                return nil
            } catch {
                return error
            }
        }
        #expect(refusal(.extend(days: 10), received()) == .extensionNeedsOfficeHead)
        #expect(refusal(.extend(days: 10), received(), by: .officeHead) == nil)
        #expect(refusal(.answer(result: "3.1", detail: ""), received(), by: .supervisor) == .roleCannotAct(.supervisor))
        #expect(
            refusal(.answer(result: "3.1", detail: ""), received(), on: "2026-03-11") == .dateInFuture(.answer, date: day("2026-03-11"), today: today)
        )
        #expect(refusal(.withdraw, received("answered@2026-03-05", status: .answered)) == .closed(.answered, .withdraw))
        #expect(refusal(.answer(result: "3.6.1", detail: ""), received()) == .resultOfALapse(AnswerResult.find("3.6.1", format: .v2021)!))
        #expect(refusal(.answer(result: "9.9", detail: ""), received()) == .notAResult("9.9", year: 2026, format: .v2021))
        #expect(refusal(.clarify(what: "  \n"), received()) == .clarificationListsNothing)
        #expect(refusal(.consult(party: " "), received()) == .consultationNamesNobody)
        // 第三十六条: an answer states what its result requires; 3.4.3 presumes a 补正 that came back.
        #expect(
            refusal(.answer(result: "3.1", detail: " "), received()) == .answerLacks(AnswerResult.find("3.1", format: .v2021)!, "获取信息的方式和途径（或信息所在位置）")
        )
        if case .answerLacks(let result, _) = refusal(.answer(result: "3.3.4", detail: ""), received()) {
            #expect(result.rowID == "3.3.4")
        } else {
            Issue.record("a refusal on 3.3.4 without its reason went out")
        }
        #expect(refusal(.answer(result: "3.5.5", detail: ""), received()) != nil)
        #expect(refusal(.answer(result: "3.4.1", detail: ""), received()) == nil, "不存在 needs no more than its decision")
        #expect(refusal(.answer(result: "3.4.3", detail: ""), received()) == .unclearWithoutClarification)
        #expect(refusal(.answer(result: "3.4.3", detail: ""), received("clarify-sent@2026-03-04", "clarify-received@2026-03-06")) == nil)
        // 第四十二条: no fee without a finding, none below the scales' threshold, none without saying how to pay.
        let eleventh = InformationProcessingFee.perApplication(ordinal: 11)
        #expect(refusal(.fee(FeeNotice(finding: " ", charge: eleventh, payment: "窗口")), received()) == .feeWithoutFinding)
        #expect(
            refusal(.fee(FeeNotice(finding: "本月第5件", charge: InformationProcessingFee.perApplication(ordinal: 5), payment: "窗口")), received())
                == .feeNotPositive)
        #expect(refusal(.fee(FeeNotice(finding: "本月第11件", charge: eleventh, payment: "")), received()) == .feeWithoutPayment)
        #expect(refusal(.confirm, received()) == .alreadyConfirmed(on: day("2026-03-02")))
        let online = ApplicationCase(status: .submitted, submitted: day("2026-03-05"), received: nil, channel: .online, events: [])
        #expect(refusal(.confirm, online, on: "2026-03-04") == .confirmedBeforeSubmission(submitted: day("2026-03-05")))
        #expect(refusal(.answer(result: "3.1", detail: ""), online) == .notConfirmed(.answer))
        #expect(refusal(.withdraw, online) == nil)
        if case .clock(.answer, let error) = refusal(.answer(result: "3.1", detail: "网上获取"), received("clarify-sent@2026-03-04", status: .paused)) {
            #expect(error.problem.message.contains("尚待补正"))
        } else {
            Issue.record("answering while 补正 is pending is refused by the clock")
        }
        // 第三十五条 and 第四十三条: each says what it is about; the later date is set while the answer is not yet due
        // (2026-03-30), and only later than that.
        #expect(refusal(.askReasons(what: " "), received()) == .reasonsRequestSaysNothing)
        #expect(refusal(.reasonsGiven(reasons: ""), received()) == .reasonsNotWritten)
        #expect(refusal(.assist(help: "\n"), received()) == .helpNotDescribed)
        #expect(refusal(.assist(help: "工作人员代为朗读申请表"), online) == nil, "help is given at the counter, before receipt is confirmed")
        #expect(refusal(.deferAnswer(until: day("2026-05-29"), reason: " "), received()) == .deferralWithoutReason)
        #expect(refusal(.deferAnswer(until: day("2026-05-29"), reason: "需调取2019年至今的全部档案"), received()) == nil)
        if case .clock(.deferAnswer, let error) = refusal(.deferAnswer(until: day("2026-03-27"), reason: "档案量大"), received()) {
            #expect(error.problem == .deferralNotLater(day("2026-03-30")))
        } else {
            Issue.record("a later date before the due date was set")
        }
        // 第四十一条: a request for correction has its own answer, which states what it decided besides; a disclosure
        // application never has it.
        let correction = ApplicationCase(
            status: .open, submitted: day("2026-03-02"), received: day("2026-03-02"), channel: .inPerson, events: [], kind: .correction)
        #expect(refusal(.answer(result: "3.1", detail: "网上获取"), correction) == .notForKind(.correction, .answer))
        #expect(refusal(.answerCorrection(.corrected, detail: "出生日期已更正"), received()) == .notForKind(.disclosure, .answerCorrection))
        #expect(refusal(.answerCorrection(.redirected, detail: " "), correction) == .correctionLacks(.redirected))
        #expect(refusal(.answerCorrection(.redirected, detail: "重庆市沙坪坝区民政局，023-65000000"), correction) == nil)
        // Every refusal has a message of its own in Chinese.
        #expect(ApplicationRefusal.extensionNeedsOfficeHead.message.contains("第三十三条"))
        #expect(ApplicationRefusal.feeLapsed.message.contains("逾期未缴费"))
    }

    @Test func statusesAndReviewCodesReadBack() {
        #expect(ApplicationStatus.inProgress == [.submitted, .open, .paused])
        #expect(ApplicationStatus.closed == [.answered, .withdrawn, .abandoned])
        for kind in ReportFacts.ReviewCase.Kind.allCases { #expect(ReportFacts.ReviewCase.Kind(code: kind.code) == kind) }
        for result in ReportFacts.ReviewCase.Result.allCases { #expect(ReportFacts.ReviewCase.Result(code: result.code) == result) }
        #expect(ReportFacts.ReviewCase.Kind(code: "appeal") == nil)
        #expect(!AnswerResult.answers(.v2021).contains { $0.rowID == "3.6.1" || $0.rowID == "3.6.2" })
        #expect(AnswerResult.answers(.v2021).count == AnswerResult.all(.v2021).count - 2)
        #expect(AnswerResult.answers(.v2019).count == AnswerResult.all(.v2019).count)
    }

    @Test func todayIsCountedInChina() {
        let midnight = TimeInterval(day("2026-12-02").ordinal * 86_400 - 8 * 3600)  // 2026-12-02 00:00 in Beijing
        #expect(Day.today(at: Date(timeIntervalSince1970: midnight)) == day("2026-12-02"))
        #expect(Day.today(at: Date(timeIntervalSince1970: midnight - 1)) == day("2026-12-01"))
        #expect(Day.today(at: Date(timeIntervalSince1970: -9 * 3600)) == day("1969-12-31"))
        #expect(Day.today(at: Date(timeIntervalSince1970: .infinity)).ordinal == 1_000_000_000)
    }
}

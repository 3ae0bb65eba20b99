import Gongkai
import Testing

/// The review before release (第十七条): each state's lawful steps, by whom, and each refusal named.
@Suite struct ReviewWorkflowTests {
    struct Case: CustomTestStringConvertible {
        var from: PublicationState
        var action: ReviewAction
        var role: StaffRole
        var isDrafter = false
        var confirmed = false
        var reason: String? = nil
        var expected: Result<PublicationState, ReviewRefusal>
        var testDescription: String { "\(from) \(action) by \(role)" }
    }

    static let cases: [Case] = [
        Case(from: .draft, action: .submit, role: .editor, expected: .success(.submitted)),
        Case(from: .returned, action: .submit, role: .editor, expected: .success(.submitted)),
        Case(from: .draft, action: .submit, role: .reviewer, expected: .failure(.onlyEditorSubmits)),
        Case(from: .submitted, action: .return, role: .reviewer, reason: "标题有误", expected: .success(.returned)),
        Case(from: .submitted, action: .return, role: .reviewer, reason: " \n", expected: .failure(.returnNeedsReason)),
        Case(from: .submitted, action: .return, role: .editor, reason: "x", expected: .failure(.onlyReviewerReturns)),
        Case(from: .submitted, action: .approve, role: .reviewer, confirmed: true, expected: .success(.approved)),
        Case(from: .submitted, action: .approve, role: .reviewer, expected: .failure(.reviewNotConfirmed)),
        Case(from: .submitted, action: .approve, role: .administrator, isDrafter: true, confirmed: true, expected: .failure(.drafterCannotApprove)),
        Case(from: .submitted, action: .approve, role: .editor, confirmed: true, expected: .failure(.onlyReviewerApproves)),
        Case(from: .approved, action: .publish, role: .editor, expected: .success(.published)),
        Case(from: .approved, action: .publish, role: .officer, expected: .failure(.onlyEditorOrReviewerPublishes)),
        Case(from: .published, action: .withdraw, role: .reviewer, expected: .success(.withdrawn)),
        Case(from: .published, action: .withdraw, role: .editor, expected: .failure(.onlyReviewerWithdraws)),
        Case(from: .draft, action: .publish, role: .reviewer, expected: .failure(.notFrom(.draft, .publish))),
    ]

    @Test(arguments: cases) func eachStepIsAllowedOrRefusedWithItsReason(_ test: Case) {
        let outcome = Result { () throws(ReviewRefusal) -> PublicationState in
            try ReviewWorkflow.next(
                from: test.from, action: test.action, role: test.role, actorIsDrafter: test.isDrafter, confirmedReview: test.confirmed,
                reason: test.reason)
        }
        #expect(outcome == test.expected)
    }

    @Test func refusalsAndStepsAreNamedInChinese() {
        #expect(ReviewRefusal.notFrom(.draft, .publish).message == "\(PublicationState.draft.label)的信息不能发布")
        #expect(ReviewRefusal.drafterCannotApprove.message.contains("第十七条"))
        #expect(ReviewAction.allCases.allSatisfy { !$0.label.isEmpty && $0.label.unicodeScalars.allSatisfy { $0.value > 0x2E80 } })
    }

    /// The steps an item's page offers, by state and role: only what `next` would take.
    @Test(arguments: [
        (PublicationState.draft, StaffRole.editor, [ReviewAction.submit]),
        (.draft, .reviewer, []),
        (.returned, .administrator, [.submit]),
        (.submitted, .reviewer, [.return, .approve]),
        (.submitted, .editor, []),
        (.approved, .editor, [.publish]),
        (.approved, .reviewer, [.publish]),
        (.approved, .officer, []),
        (.published, .reviewer, [.withdraw]),
        (.published, .editor, []),
        (.published, .supervisor, []),
        (.withdrawn, .administrator, []),
        (.superseded, .reviewer, []),
    ])
    func offeredSteps(state: PublicationState, role: StaffRole, steps: [ReviewAction]) {
        #expect(ReviewWorkflow.offered(from: state, to: role) == steps)
    }

    @Test func editingAndRevising() {
        #expect(ReviewWorkflow.edits(.draft, role: .editor) && ReviewWorkflow.edits(.returned, role: .administrator))
        #expect(!ReviewWorkflow.edits(.submitted, role: .editor) && !ReviewWorkflow.edits(.draft, role: .reviewer))
        #expect(ReviewWorkflow.revises(.published, role: .editor) && !ReviewWorkflow.revises(.published, role: .reviewer))
        #expect(!ReviewWorkflow.revises(.withdrawn, role: .editor))
    }
}

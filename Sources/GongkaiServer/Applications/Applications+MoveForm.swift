import Fluent
import Gongkai
import Vapor

/// The moves of the workflow as forms and the API send them.
extension ApplicationStaffController {
    /// The move from a form, with its fields.
    struct MoveForm: Content {
        var move: String
        var date: String?
        var what: String?
        var party: String?
        var days: String?
        /// 第三十五条: the day an answer is put off to.
        var until: String?
        /// A fee notice: staff's finding (第四十二条), the scale (`per-application`, `per-page`) and, by the page,
        /// the pages to be provided. The amount is computed, never sent.
        var finding: String?
        var scale: String?
        var pages: String?
        /// An answer of 3.4.1: "on" when the information is not this agency's to disclose (第三十六条第（五）项),
        /// with the agency responsible and its contact when known.
        var elsewhere: String?
        var responsible: String?
        var result: String?
        var detail: String?
        /// 部分公开 (第三十七条): the passages of `detail` withheld, one a line, `passage｜第十五条`.
        var withheld: String?
        var letterTitle: String?
        var letterBody: String?
        /// The application's revision on the page the form was sent from; when given, a move on an application that
        /// has changed since is refused (409) instead of done on what the officer did not see.
        var revision: String?

        /// The answer's information as the officer wrote it, when passages of it are withheld (kept for staff only).
        var withheldFrom: String? {
            guard let list = withheld, !list.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return (detail ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The applicant's copy of `withheldFrom`: each withheld passage replaced by its marker, then the list of what
        /// was withheld and why; refused (422) when a line names no ground or a passage is not in the text.
        func redacted(result: String) throws -> String? {
            guard let original = withheldFrom else { return nil }
            guard result == "3.2" else { throw Refused(.unprocessableEntity, .withheldOnlyPartial) }
            let passages: [Redaction.Passage]
            switch Redaction.parse(withheld ?? "") {
            case .success(let parsed): passages = parsed
            case .failure(let problem): throw Refused(.unprocessableEntity, said: problem.said)
            }
            switch Redaction.apply(passages, to: original) {
            case .success(let text): return text + "\n\n" + Redaction.listing(passages)
            case .failure(let problem): throw Refused(.unprocessableEntity, said: problem.said)
            }
        }

        /// After the move is done: the information as the officer wrote it, when passages were withheld, kept with the
        /// application for staff (the letter, the history and the audit log have the applicant's copy).
        func keepOriginal(on record: ApplicationRecord, db: any Database) async throws {
            guard let original = withheldFrom else { return }
            record.providedOriginal = original
            try await record.save(on: db)
        }

        /// Refuses the move when the form was made from an older revision of `record` than the stored one.
        func checkRevision(of record: ApplicationRecord) throws {
            guard let sent = revision?.trimmingCharacters(in: .whitespaces), !sent.isEmpty else { return }
            guard let number = Int(sent) else { throw BadParameter(name: "revision", problem: UIText.integerRange.said(0, Int.max, sent.prefix(40))) }
            if number != record.revision { throw try Applications.changedMeanwhile(record) }
        }

        /// The move the form asks for on `record`, a fee notice assessed by `service`.
        func parse(_ service: Applications, _ record: ApplicationRecord) async throws -> ApplicationMove {
            try await parse {
                try await service.feeNotice(
                    finding: finding, scale: scale, pages: pages, for: record, agency: try await record.$agency.get(on: service.db))
            }
        }

        /// The move the form asks for; `fee` assesses a fee notice (it needs the database, the rest does not).
        func parse(fee: () async throws -> FeeNotice) async throws -> ApplicationMove {
            func required(_ value: String?, _ name: UIText) throws -> String {
                let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else {
                    throw Refused(.unprocessableEntity, said: Said(zh: UIText.fillIn(.zh, name(.zh)), en: UIText.fillIn(.en, name(.en))))
                }
                return text
            }
            guard let kind = ApplicationMove.Kind(rawValue: move) else {
                throw Refused(.badRequest, .unknownMove, move.prefix(40))
            }
            switch kind {
            case .confirm: return .confirm
            case .clarify: return .clarify(what: try required(what, .clarifyItems))
            case .clarified: return .clarified
            case .clarifyExpired: return .clarifyExpired
            case .consult: return .consult(party: try required(party, .consultedPartyName))
            case .consultReceived: return .consultReceived
            case .consultAnswered: return .consultAnswered(party: (party ?? "").trimmingCharacters(in: .whitespaces))
            case .extend:
                // 条例第三十三条: an extension is of at most 20 working days.
                guard let n = Int((days ?? "20").trimmingCharacters(in: .whitespaces)), (1...20).contains(n) else {
                    throw Refused(.unprocessableEntity, .extensionRange)
                }
                return .extend(days: n)
            case .fee: return .fee(try await fee())
            case .feeReceived: return .feeReceived
            case .feePaid: return .feePaid
            case .feeUnpaid: return .feeUnpaid
            case .askReasons: return .askReasons(what: try required(what, .reasonsObserved))
            case .reasonsGiven: return .reasonsGiven(reasons: try required(what, .reasonsAsGiven))
            case .deferAnswer:
                let value = (until ?? "").trimmingCharacters(in: .whitespaces)
                guard let day = Day(iso: value) else { throw Refused(.unprocessableEntity, .dateFormat, value.prefix(40)) }
                return .deferAnswer(until: day, reason: try required(what, .deferReason))
            case .assist: return .assist(help: try required(what, .helpGiven))
            case .answer:
                let text = { (value: String?) in (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
                let chosen = try required(result, .theResult)
                return .answer(
                    result: chosen, detail: try redacted(result: chosen) ?? text(detail),
                    elsewhere: ["on", "true"].contains(elsewhere ?? "") ? text(responsible) : nil)
            case .answerCorrection:
                let chosen = (result ?? "").trimmingCharacters(in: .whitespaces)
                guard let correction = CorrectionResult(rawValue: chosen) else {
                    throw Refused(
                        .unprocessableEntity,
                        said: Said(zh: UIText.fillIn(.zh, UIText.correctionResult(.zh)), en: UIText.fillIn(.en, UIText.correctionResult(.en))))
                }
                return .answerCorrection(correction, detail: (detail ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            case .withdraw: return .withdraw
            }
        }
    }
}

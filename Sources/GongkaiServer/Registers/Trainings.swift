import Fluent
import Foundation
import Gongkai
import Vapor

/// The training log of an agency's disclosure staff (第四十七条、第四十八条): kept by the office, read by its staff.
struct Trainings {
    let db: any Database

    /// A training as typed into the form: each field as sent.
    struct Input: Equatable {
        var heldOn = ""
        var topic = ""
        var attendees = ""

        var values: [String: String] { ["heldOn": heldOn, "topic": topic, "attendees": attendees] }
    }

    /// A training in the log.
    struct Entry: Equatable {
        var heldOn: String
        var topic: String
        var attendees: Int
    }

    /// The form's problems, field by field; nothing was stored.
    typealias InvalidInput = InvalidFields

    /// The agency's log, the latest training first.
    func log(of agency: AgencyRecord) async throws -> [Entry] {
        try await TrainingRecord.query(on: db).filter(\.$agency.$id == agency.requireID()).sort(\.$heldOn, .descending).all().map {
            Entry(heldOn: $0.heldOn, topic: $0.topic, attendees: $0.attendees)
        }
    }

    /// Adds a training held on or before `today`, by `actor`; audited. Throws `InvalidInput` naming each bad field.
    func add(_ input: Input, to agency: AgencyRecord, by actor: String, today: Day) async throws {
        var problems: [String: Said] = [:]
        let day = Day(iso: input.heldOn.trimmingCharacters(in: .whitespaces))
        if let day, day > today {
            problems["heldOn"] = UIText.trainingFuture.said()
        } else if let day, day < .regulationsInForce {
            problems["heldOn"] = UIText.dayOutOfRange.said(Day.regulationsInForce.iso, today.iso, day.iso)
        } else if day == nil {
            problems["heldOn"] = UIText.trainingDate.said()
        }
        let topic = input.topic.trimmingCharacters(in: .whitespacesAndNewlines)
        if topic.isEmpty { problems["topic"] = UIText.topicNeeded.said() }
        let attendees = Int(input.attendees.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 1 ? $0 : nil }
        if attendees == nil { problems["attendees"] = UIText.attendeesProblem.said() }
        guard problems.isEmpty, let day, let attendees else { throw InvalidInput(problems: problems) }
        let training = TrainingRecord()
        training.$agency.id = try agency.requireID()
        (training.heldOn, training.topic, training.attendees) = (day.iso, topic, attendees)
        try await db.transaction { db in
            try await training.create(on: db)
            try await Audit.record(
                .create, .training, id: training.requireID().uuidString, agency: agency.code, by: actor,
                after: Audit.json(["heldOn": day.iso, "topic": topic, "attendees": String(attendees)]), on: db)
        }
    }
}

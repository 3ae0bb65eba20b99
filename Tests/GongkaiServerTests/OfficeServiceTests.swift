import Fluent
import Foundation
import Gongkai
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import GongkaiServer

/// The disclosure office's services called directly, without HTTP: complaints, the training log and signing in.
@Suite struct OfficeServiceTests {
    static let day = Day(iso: "2026-11-20")!

    static func access(_ username: String, on db: any Database) async throws -> Access {
        let record = try #require(try await StaffRecord.query(on: db).filter(\.$username == username).first())
        return try await Access.of(try StaffUser(record), on: db)
    }

    static func agency(_ code: String, on db: any Database) async throws -> AgencyRecord {
        try #require(try await AgencyRecord.query(on: db).filter(\.$code == code).first())
    }

    @Test func complaints_areTakenInWithTheirNumber_refusedWhenEmptyOrTooLong() async throws {
        try await withServer(demo: true) { app, _ in
            let complaints = Complaints(db: app.db)
            let lianfang = try await Self.agency(DemoSeed.lianfangCode, on: app.db)
            await #expect(throws: Complaints.Refusal.emptyContent) {
                try await complaints.submit(to: lianfang, content: " \n ", name: "", contact: "", today: Self.day)
            }
            let tooLong = String(repeating: "长", count: Complaints.contentLimit + 1)
            await #expect(throws: Complaints.Refusal.contentTooLong) {
                try await complaints.submit(to: lianfang, content: tooLong, name: "", contact: "", today: Self.day)
            }
            let before = try await ComplaintRecord.query(on: app.db).count()
            let number = try await complaints.submit(
                to: lianfang, content: String(repeating: "长", count: Complaints.contentLimit), name: " 李某 ", contact: "13700001111", today: Self.day)
            #expect(number.hasPrefix("TS-2026-"))
            #expect(try await ComplaintRecord.query(on: app.db).count() == before + 1)
            let stored = try #require(try await ComplaintRecord.query(on: app.db).filter(\.$number == number).first())
            #expect(stored.name == "李某" && stored.receivedOn == "2026-11-20" && stored.handledOn == nil)
        }
    }

    @Test func complaints_areHandledOnceByTheOffice_readMaskedBySupervisors_andAudited() async throws {
        try await withServer(demo: true) { app, _ in
            let complaints = Complaints(db: app.db)
            let lianfang = try await Self.agency(DemoSeed.lianfangCode, on: app.db)
            let number = try await complaints.submit(to: lianfang, content: "公开栏长期未更新", name: "李某", contact: "13700001111", today: Self.day)
            let officer = try await Self.access("lianfang-officer", on: app.db)
            let supervisor = try await Self.access("district-supervisor", on: app.db)
            let editor = try await Self.access("lianfang-editor", on: app.db)
            let otherAgency = try await Self.access("minzheng-editor", on: app.db)

            let asOfficer = try #require(try await complaints.list(for: officer).first { $0.number == number })
            #expect(asOfficer.contact == "13700001111" && asOfficer.mayHandle)
            let asSupervisor = try #require(try await complaints.list(for: supervisor).first { $0.number == number })
            #expect(asSupervisor.contact != "13700001111" && asSupervisor.contact.hasPrefix("137") && !asSupervisor.mayHandle)
            #expect(try await complaints.list(for: otherAgency).allSatisfy { $0.number != number }, "another agency's staff do not see it")

            await #expect(throws: Complaints.Refusal.notTheOffice) {
                try await complaints.handle(asOfficer.id, handling: "已处理", by: supervisor, today: Self.day)
            }
            await #expect(throws: Complaints.Refusal.notTheOffice) {
                try await complaints.handle(asOfficer.id, handling: "已处理", by: editor, today: Self.day)
            }
            await #expect(throws: Complaints.Refusal.notFound) {
                try await complaints.handle(asOfficer.id, handling: "已处理", by: otherAgency, today: Self.day)
            }
            await #expect(throws: Complaints.Refusal.emptyHandling) {
                try await complaints.handle(asOfficer.id, handling: "  ", by: officer, today: Self.day)
            }
            try await complaints.handle(asOfficer.id, handling: "已督促社区更新公开栏并回复投诉人", by: officer, today: Self.day)
            await #expect(throws: Complaints.Refusal.alreadyHandled(on: "2026-11-20")) {
                try await complaints.handle(asOfficer.id, handling: "再次处理", by: officer, today: Self.day)
            }
            let handled = try #require(try await complaints.list(for: officer).first { $0.number == number })
            #expect(handled.handling == .init(on: "2026-11-20", by: "lianfang-officer", text: "已督促社区更新公开栏并回复投诉人"))
            #expect(!handled.mayHandle)
            let audit = try await AuditRecord.query(on: app.db).filter(\.$entityID == number).all()
            #expect(audit.count == 1 && audit.first?.agencyCode == DemoSeed.lianfangCode && audit.first?.actor == "lianfang-officer")
        }
    }

    /// Issue 14: an item's days lie between 1949-10-01 (old documents still in force are published) and the last year
    /// the clock knows; each out-of-range day is named beside its field.
    @Test func anItemsDaysAreWithinTheirRange() throws {
        let category = UUID()
        var input = Catalogue.ItemInput(
            categoryID: category, title: "关于印发某办法的通知", body: "正文", writtenOn: "1949-10-01", postingFrom: "0001-01-01", postingTo: "9999-12-31")
        input.changedOn = "1949-09-30"
        input.changeEffectiveOn = "2101-01-01"
        let problems = input.problems(categories: [category], newVersion: true).mapValues(\.zh)
        #expect(problems["writtenOn"] == nil)
        #expect(problems["postingFrom"] == "日期须在1949-10-01至2100-12-31之间，收到0001-01-01")
        #expect(problems["postingTo"] == "日期须在1949-10-01至2100-12-31之间，收到9999-12-31")
        #expect(problems["changedOn"] == "日期须在1949-10-01至2100-12-31之间，收到1949-09-30")
        #expect(problems["changeEffectiveOn"]?.hasPrefix("日期须在1949-10-01至2100-12-31之间") == true)
    }

    @Test func trainings_areLoggedByTheOffice_withEachBadFieldNamed() async throws {
        try await withServer(demo: true) { app, _ in
            let trainings = Trainings(db: app.db)
            let lianfang = try await Self.agency(DemoSeed.lianfangCode, on: app.db)
            let before = try await trainings.log(of: lianfang)
            let bad = [
                (Trainings.Input(heldOn: "2026-11-21", topic: "条例解读", attendees: "12"), ["heldOn": "培训日期不能晚于今天"]),
                (Trainings.Input(heldOn: "2026/11/01", topic: "条例解读", attendees: "12"), ["heldOn": "日期须为 YYYY-MM-DD"]),
                // Issue 14: nothing before the 条例 (2008-05-01) is a training for its reports.
                (Trainings.Input(heldOn: "0001-01-01", topic: "条例解读", attendees: "12"), ["heldOn": "日期须在2008-05-01至2026-11-20之间，收到0001-01-01"]),
                (Trainings.Input(heldOn: "2026-11-01", topic: " ", attendees: "0"), ["topic": "请填写培训内容", "attendees": "参加人数须为正整数"]),
                (Trainings.Input(heldOn: "2026-11-01", topic: "条例解读", attendees: "十二"), ["attendees": "参加人数须为正整数"]),
            ]
            for (input, problems) in bad {
                do {
                    try await trainings.add(input, to: lianfang, by: "lianfang-officer", today: Self.day)
                    Issue.record("\(input) was taken")
                } catch let invalid as Trainings.InvalidInput {
                    #expect(invalid.problems.mapValues(\.zh) == problems, "\(input)")
                }
            }
            #expect(try await trainings.log(of: lianfang) == before, "nothing refused was stored")
            try await trainings.add(
                .init(heldOn: "2026-11-20", topic: " 《政府信息公开条例》第三十条补正规则 ", attendees: "12"), to: lianfang, by: "lianfang-officer", today: Self.day)
            let log = try await trainings.log(of: lianfang)
            #expect(log.first == .init(heldOn: "2026-11-20", topic: "《政府信息公开条例》第三十条补正规则", attendees: 12))
            #expect(log.count == before.count + 1)
            let other = try await Self.agency("11500106009208212F", on: app.db)
            #expect(try await trainings.log(of: other).allSatisfy { $0.topic != "《政府信息公开条例》第三十条补正规则" }, "one agency's log only")
            let audit = try await AuditRecord.query(on: app.db).filter(\.$entity == "training").filter(\.$agencyCode == DemoSeed.lianfangCode).all()
            #expect(audit.contains { $0.actor == "lianfang-officer" && ($0.after ?? "").contains("第三十条补正规则") })
        }
    }

    /// Issue 14: 30 guesses at once are counted one by one — only the first five have their password checked, the
    /// rest are stopped, and the right password is then stopped too; another address is not locked out; an unknown
    /// name is answered, counted and locked exactly as a known one, after the same bcrypt work.
    @Test func signIn_countsConcurrentGuesses_perAddress_andAnswersUnknownNamesAlike() async throws {
        try await withServer(demo: true) { app, client in
            let counting = CountingHasher(inner: app.password)
            let signIn = SignIn(db: app.db, passwords: counting.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()))
            let password = try #require(client.passwords["lianfang-officer"])
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for n in 0..<30 {
                    group.addTask {
                        switch try await signIn.check(username: "lianfang-officer", password: "guess-\(n)", from: "203.0.113.9", at: now) {
                        case .wrong: "wrong"
                        case .locked: "locked"
                        case .signedIn: "signed in"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "wrong" }.count == Lockout.attempts && outcomes.filter { $0 == "locked" }.count == 30 - Lockout.attempts)
            #expect(counting.verifications.withLockedValue { $0 } == Lockout.attempts, "a guess past the limit had its password checked")
            guard case .locked = try await signIn.check(username: "lianfang-officer", password: password, from: "203.0.113.9", at: now) else {
                Issue.record("the right password got through from the locked address")
                return
            }
            guard case .signedIn = try await signIn.check(username: "lianfang-officer", password: password, from: "198.51.100.7", at: now) else {
                Issue.record("a stranger's guesses locked the account out everywhere")
                return
            }
            // An unknown name: the same answers in the same order, each after one bcrypt check.
            counting.verifications.withLockedValue { $0 = 0 }
            var answers: [String] = []
            for n in 0...Lockout.attempts {
                switch try await signIn.check(username: "no-such-user", password: "guess-\(n)", from: "203.0.113.9", at: now) {
                case .wrong: answers.append("wrong")
                case .locked: answers.append("locked")
                case .signedIn: answers.append("signed in")
                }
            }
            #expect(answers == Array(repeating: "wrong", count: Lockout.attempts) + ["locked"])
            #expect(counting.verifications.withLockedValue { $0 } == Lockout.attempts)
            // A hash that is not bcrypt is a wrong password, not a server error.
            let broken = try #require(try await StaffRecord.query(on: app.db).filter(\.$username == "lianfang-editor").first())
            broken.passwordHash = "not-a-bcrypt-hash"
            try await broken.save(on: app.db)
            guard case .wrong = try await signIn.check(username: "lianfang-editor", password: "anything", from: "192.0.2.1", at: now) else {
                Issue.record("a damaged hash did not answer as a wrong password")
                return
            }
        }
    }

    @Test func signIn_locksAnAccountAfterRepeatedFailures_untilTheLockRunsOut() async throws {
        try await withServer(demo: true) { app, client in
            let signIn = SignIn(db: app.db, passwords: app.password.async)
            let password = try #require(client.passwords["lianfang-officer"])
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            guard case .wrong = try await signIn.check(username: "nobody", password: password, from: "10.0.0.1", at: now) else {
                Issue.record("an unknown name is answered as a wrong password")
                return
            }
            for attempt in 1..<Lockout.attempts {
                guard case .wrong = try await signIn.check(username: "lianfang-officer", password: "wrong-\(attempt)", from: "10.0.0.1", at: now)
                else {
                    Issue.record("attempt \(attempt) was not answered as wrong")
                    return
                }
            }
            guard case .signedIn = try await signIn.check(username: "lianfang-officer", password: password, from: "10.0.0.1", at: now) else {
                Issue.record("the right password before the limit signs in")
                return
            }
            for attempt in 1...Lockout.attempts {
                _ = try await signIn.check(username: "lianfang-officer", password: "wrong-\(attempt)", from: "10.0.0.1", at: now)
            }
            guard
                case .locked(let until) = try await signIn.check(
                    username: "lianfang-officer", password: password, from: "10.0.0.1", at: now.addingTimeInterval(60))
            else {
                Issue.record("the account is locked after \(Lockout.attempts) failures in a row, even for the right password")
                return
            }
            #expect(until == now.addingTimeInterval(Lockout.duration))
            guard
                case .signedIn = try await signIn.check(
                    username: "lianfang-officer", password: password, from: "10.0.0.1", at: until.addingTimeInterval(1))
            else {
                Issue.record("the lock runs out")
                return
            }
            let logins = try await AuditRecord.query(on: app.db).filter(\.$action == "login").filter(\.$actor == "lianfang-officer").count()
            #expect(logins == 2)
        }
    }
}

/// Counts the password checks made through it (the work a sign-in does, measured without a clock).
final class CountingHasher: PasswordHasher, @unchecked Sendable {
    let inner: any PasswordHasher
    let verifications = NIOLockedValueBox(0)

    init(inner: any PasswordHasher) { self.inner = inner }

    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] { try inner.hash(password) }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
        verifications.withLockedValue { $0 += 1 }
        return try inner.verify(password, created: digest)
    }
}

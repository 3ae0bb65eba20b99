import Fluent
import Foundation
import Gongkai
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import GongkaiServer

/// Issue 14: the server killed with SIGKILL while applications pour in, then started again. Every submission the
/// server acknowledged is there with its notice; the clients retry what was not acknowledged with the same
/// Idempotency-Key, and nothing is stored twice. Bounded: 8 clients, 25 submissions each, one kill.
@Suite(.serialized) struct CrashTests {
    static let clients = 8
    static let perClient = 25

    @Test func killedUnderLoad_everyAcknowledgedSubmissionSurvives_andRetriesMakeNoDuplicates() async throws {
        try await ServerProcess.with { first, _ in
            let path = SiteURL.apiAgencyApplications(DemoSeed.lianfangCode).path
            // The port the clients talk to: the first server's, then the restarted one's.
            let port = NIOLockedValueBox(first.port)
            let acknowledged = NIOLockedValueBox<[String: String]>([:])  // key → tracking number
            // Submissions stored before the kill whose answer was lost: their retry is answered 200 (a repeat).
            let repeats = NIOLockedValueBox(0)
            func body(_ client: Int, _ n: Int) -> [UInt8] {
                Array(
                    #"{"applicantType":"natural-person","name":"断电测试\#(client)","idType":"passport","idNumber":"K\#(client)N\#(n)","phone":"13800000000","formWanted":"electronic","delivery":"online","infoTitle":"断电测试第\#(client)-\#(n)份"}"#
                        .utf8)
            }
            /// Sends submission `n` of `client` until the server acknowledges it (201, or 200 for a repeat), waiting
            /// out a dead server; the tracking number it was given.
            func submit(_ client: Int, _ n: Int) async -> String? {
                let key = "crash-test-client-\(client)-submission-\(n)"
                for _ in 0..<200 {
                    let request = RawHTTP.request(
                        "POST", path,
                        headers: [
                            ("Content-Type", "application/json"), ("Idempotency-Key", key),
                            ("X-Forwarded-For", "10.\(client).\(n / 250).\(n % 250 + 1)"),
                        ], body: body(client, n))
                    if let answer = try? await RawHTTP.exchange(port: port.withLockedValue { $0 }, pieces: [request], timeout: 10),
                        answer.status == 201 || answer.status == 200,
                        let number = answer.text.firstMatch(of: /"trackingNumber":"([^"]+)"/).map({ String($0.output.1) })
                    {
                        acknowledged.withLockedValue { $0[key] = number }
                        if answer.status == 200 { repeats.withLockedValue { $0 += 1 } }
                        return number
                    }
                    try? await Task.sleep(for: .milliseconds(100))
                }
                return nil
            }
            let load = Task {
                await withTaskGroup(of: Void.self) { group in
                    for client in 0..<Self.clients {
                        group.addTask { for n in 0..<Self.perClient { _ = await submit(client, n) } }
                    }
                }
            }
            // Kill once a quarter is acknowledged, with the rest in flight.
            let total = Self.clients * Self.perClient
            while acknowledged.withLockedValue({ $0.count }) < total / 4 { try await Task.sleep(for: .milliseconds(20)) }
            let before = acknowledged.withLockedValue { $0 }
            let second = try first.killAndRestart()
            defer { second.stop() }
            port.withLockedValue { $0 = second.port }
            await load.value

            let after = acknowledged.withLockedValue { $0 }
            #expect(after.count == total, "\(total - after.count) submissions were never acknowledged")
            for (key, number) in before { #expect(after[key] == number, "\(key) was acknowledged as \(number), then as \(after[key] ?? "nothing")") }
            second.stop()
            let app = try await second.openDatabase()
            do {
                let stored = try await ApplicationRecord.query(on: app.db).filter(\.$name ~~ "断电测试").all()
                #expect(stored.count == total, "stored \(stored.count) for \(total) submissions")
                #expect(Set(stored.map(\.trackingNumber)) == Set(after.values), "what is stored is what was acknowledged")
                let ids = try stored.map { try $0.requireID() }
                let notified = try await ApplicationEventRecord.query(on: app.db).filter(\.$application.$id ~~ ids).filter(\.$kind == "notified")
                    .all()
                #expect(Set(notified.map { $0.$application.id }).count == total, "every application has its notice")
                print(
                    "CRASH: killed after \(before.count) of \(total) acknowledged; \(repeats.withLockedValue { $0 }) stored but unanswered, "
                        + "found again on retry; \(stored.count) stored, none twice")
            } catch {
                Issue.record(error)
            }
            try await app.asyncShutdown()
        }
    }
}

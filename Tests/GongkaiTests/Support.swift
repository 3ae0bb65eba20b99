import Foundation
import Testing

@testable import Gongkai

/// The repository's test fixtures (Tests/Fixtures), found from this file so tests run from any directory.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    static let lianfang = "lianfang-2019-annual-report.txt"
    static let realReports = ["huaian-city-2024.txt", "huaian-hongze-district-2023.txt", "huaian-hongze-district-2024.txt"]
}

// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gongkai", targets: ["Gongkai"]),
        .executable(name: "gongkai", targets: ["gongkai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The law and its arithmetic: Foundation only, no I/O (see Sources/Gongkai/README.md).
        .target(
            name: "Gongkai",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "Gongkai",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GongkaiBenchmarks",
            dependencies: ["Gongkai"],
            path: "Benchmarks/GongkaiBenchmarks",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GongkaiTests",
            dependencies: ["Gongkai"],
            swiftSettings: swiftSettings
        ),
    ]
)

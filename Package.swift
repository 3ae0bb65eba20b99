// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gongkai", targets: ["Gongkai"]),
        .library(name: "GongkaiServer", targets: ["GongkaiServer"]),
        .executable(name: "gongkai", targets: ["gongkai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // The law and its arithmetic: Foundation only, no I/O (see Sources/Gongkai/README.md).
        .target(
            name: "Gongkai",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // Vapor + Fluent + the HTML views; maps records <-> Gongkai types. A Fluent model never leaves it.
        .target(
            name: "GongkaiServer",
            dependencies: [
                "Gongkai",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "Gongkai",
                "GongkaiServer",
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
        .testTarget(
            name: "GongkaiServerTests",
            dependencies: [
                "GongkaiServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

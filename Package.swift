// swift-tools-version: 6.2
import PackageDescription

let strictFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The packet path's modules: in release builds, exclusive access is proven by debug builds and the test suite
/// (which keep the run-time checks) rather than checked again for every packet.
let packetPathFeatures: [SwiftSetting] =
    strictFeatures + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "openli-appliance",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "openli-appliance", targets: ["openli-appliance"]),
        .executable(name: "openli-microbench", targets: ["openli-microbench"]),
        // The modules the fuzz targets (Fuzz/Package.swift) call, each a product so that a target builds only what
        // it needs.
        .library(name: "Packets", targets: ["Packets"]),
        .library(name: "Protocols", targets: ["Protocols"]),
        .library(name: "ETSI", targets: ["ETSI"]),
        .library(name: "Configuration", targets: ["Configuration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPcap",
            providers: [.apt(["libpcap-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CCRC32C"),
        .target(name: "CUDPReceive"),
        .target(name: "Stages", swiftSettings: strictFeatures),
        .target(
            name: "Configuration",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictFeatures
        ),
        .target(name: "Packets", swiftSettings: packetPathFeatures),
        .target(name: "Protocols", dependencies: ["Packets"], swiftSettings: strictFeatures),
        .target(
            name: "ETSI",
            dependencies: ["CLibCrypto", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: packetPathFeatures
        ),
        .target(
            name: "Warrants",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictFeatures
        ),
        .target(
            name: "Collector",
            dependencies: [
                "CPcap", "CUDPReceive", "Packets", "Protocols", "ETSI", "Warrants", "Stages",
            ],
            swiftSettings: packetPathFeatures
        ),
        .target(
            name: "Mediator",
            dependencies: [
                "ETSI", "CCRC32C", "Stages",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: packetPathFeatures
        ),
        .target(
            name: "Appliance",
            dependencies: [
                "ETSI", "Warrants", "Collector", "Mediator", "Stages", "Packets", "Configuration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictFeatures
        ),
        .executableTarget(
            name: "openli-appliance",
            dependencies: [
                "Appliance", "Warrants", "Collector", "Configuration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictFeatures
        ),
        .executableTarget(
            name: "openli-microbench",
            dependencies: ["Packets", "Protocols", "ETSI", "Collector", "Warrants"],
            swiftSettings: strictFeatures
        ),
        .target(
            name: "TestSupport",
            dependencies: ["ETSI"],
            path: "Tests/TestSupport",
            swiftSettings: strictFeatures
        ),
        .testTarget(name: "PacketsTests", dependencies: ["Packets", "TestSupport"], swiftSettings: strictFeatures),
        .testTarget(
            name: "ProtocolsTests",
            dependencies: ["Protocols", "Packets", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictFeatures
        ),
        .testTarget(name: "ETSITests", dependencies: ["ETSI", "TestSupport"], swiftSettings: strictFeatures),
        .testTarget(
            name: "WarrantsTests",
            dependencies: ["Warrants", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"],
            swiftSettings: strictFeatures
        ),
        .testTarget(
            name: "CollectorTests",
            dependencies: [
                "Collector", "Packets", "Protocols", "ETSI", "Warrants", "Stages", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictFeatures
        ),
        .testTarget(
            name: "MediatorTests",
            dependencies: [
                "Mediator", "ETSI", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictFeatures
        ),
        .testTarget(
            name: "ApplianceTests",
            dependencies: [
                "Appliance", "Warrants", "Packets", "Collector", "Mediator", "ETSI", "Configuration", "TestSupport",
            ],
            swiftSettings: strictFeatures
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "ETSI", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictFeatures
        ),
    ]
)

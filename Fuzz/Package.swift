// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets for every parser of openli-appliance that reads bytes from the network or a file: one
/// executable per parser, each depending only on the modules it needs. Built and run by `Scripts/fuzz`
/// (`swift build --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address`); not part of the appliance's own build.
let strictFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// A fuzz target: `LLVMFuzzerTestOneInput` in a library-mode file (libFuzzer has the `main`).
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + dependencies,
        swiftSettings: strictFeatures + [.unsafeFlags(["-parse-as-library"])]
    )
}

let packets = Target.Dependency.product(name: "Packets", package: "openli-appliance")
let protocols = Target.Dependency.product(name: "Protocols", package: "openli-appliance")
let etsi = Target.Dependency.product(name: "ETSI", package: "openli-appliance")
let configuration = Target.Dependency.product(name: "Configuration", package: "openli-appliance")

let package = Package(
    name: "openli-appliance-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "openli-appliance", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [packets, protocols], swiftSettings: strictFeatures),
        fuzzTarget("fuzz-packet-decoder", [packets]),
        fuzzTarget("fuzz-mirror-shim", [packets]),
        fuzzTarget("fuzz-ip-reassembler", [packets]),
        fuzzTarget("fuzz-pcap", [packets]),
        fuzzTarget("fuzz-radius", [protocols]),
        fuzzTarget("fuzz-sip", [protocols]),
        fuzzTarget("fuzz-sdp", [protocols]),
        fuzzTarget("fuzz-sip-stream", [protocols]),
        fuzzTarget("fuzz-email", [protocols]),
        fuzzTarget("fuzz-gtp", [packets, protocols]),
        fuzzTarget("fuzz-pspdu", [etsi]),
        fuzzTarget("fuzz-keepalive-reader", [etsi]),
        fuzzTarget("fuzz-protection", [etsi]),
        fuzzTarget("fuzz-config", [configuration]),
    ]
)

import Foundation
import TestSupport
import Testing

/// The tests drive the appliance built with them: a release test run (`swift test -c release`) runs the release
/// binary, never a debug one left over from an earlier build.
@Suite struct ApplianceLocationTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["OPENLI_APPLIANCE_BIN"] == nil))
    func theApplianceIsTheOneBuiltWithTheseTests() {
        let directory = URL(fileURLWithPath: RepositoryLayout.applianceExecutable).deletingLastPathComponent()
        #if DEBUG
        #expect(directory.lastPathComponent == "debug")
        #else
        #expect(directory.lastPathComponent == "release")
        #endif
        #expect(RepositoryLayout.applianceIsBuilt)
    }
}

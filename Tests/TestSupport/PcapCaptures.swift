/// Locates the shared test captures (`<repo>/../shared/captures`) from a test file's path.
public enum PcapCaptures {
    /// The path of the capture file `name` (for example `"radius-basic.pcap"`); `testFile` is the calling test
    /// file's `#filePath`, three levels below the repository root.
    public static func path(_ name: String, testFile: String = #filePath) -> String {
        var components = testFile.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(min(3, components.count))
        return components.joined(separator: "/") + "/../shared/captures/" + name
    }

    /// Every frame of the shared capture `name`.
    public static func frames(_ name: String, testFile: String = #filePath) throws(PcapFileError) -> [PcapFrame] {
        try PcapFileReader.frames(atPath: path(name, testFile: testFile))
    }
}

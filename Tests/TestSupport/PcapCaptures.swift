/// The test captures in `Tests/Fixtures/captures` (see the README.md there), each with a `.json` of what it must give.
public enum PcapCaptures {
    /// The path of the capture file `name` (for example `"radius-basic.pcap"`).
    public static func path(_ name: String) -> String {
        RepositoryLayout.capture(name)
    }

    /// Every frame of the capture `name`.
    public static func frames(_ name: String) throws(PcapFileError) -> [PcapFrame] {
        try PcapFileReader.frames(atPath: path(name))
    }
}

/// What an administrative command prints: its result for standard output and notes for standard error.
public struct AdminOutput: Sendable, Equatable {
    /// The result, with a trailing newline.
    public var text: String
    /// Remarks about the input that was accepted but changed (one line each, without newline).
    public var notes: [String]

    /// Creates output from lines.
    public init(lines: [String], notes: [String] = []) {
        self.text = lines.map { $0 + "\n" }.joined()
        self.notes = notes
    }
}

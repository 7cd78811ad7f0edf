/// Why a configuration file could not be used: one line for the operator (starting with the command, naming the
/// file, and the line and key when there is one) and whether it is the file's fault or the system's.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is wrong (bad usage: exit status 2), or it could not be written back (a runtime failure: 1).
    public var isRuntime: Bool
    /// The line.
    public var message: String

    /// An error of the file (`isRuntime` false) or of the system.
    public init(_ message: String, isRuntime: Bool = false) {
        self.message = message
        self.isRuntime = isRuntime
    }

    public var description: String { message }
}

/// Why the built-in LEMF cannot start or serve: a bad listen address, unusable TLS material, a socket that cannot
/// be bound, an output file that cannot be opened.
public struct LEMFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Equatable {
        /// The operator's input is wrong (address, files): exit status 2 for a command.
        case usage
        /// The system refused (bind, open): exit status 1 for a command.
        case runtime
    }

    /// The kind of failure.
    public var code: Code
    /// One line for the operator.
    public var description: String

    /// Creates an error.
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

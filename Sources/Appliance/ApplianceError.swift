import Warrants

/// The appliance's error: one line for the operator and the exit status it maps to.
public struct ApplianceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, which decides the exit status.
    public enum Code: Sendable, Equatable {
        /// Bad usage or input (exit status 2).
        case usage
        /// A runtime failure: the store cannot be opened, the audit log is broken... (exit status 1).
        case runtime
    }

    /// The kind of failure.
    public var code: Code
    /// One line, starting with the command (`warrant add: --auth-cc "N1" is not a 2-letter country code`).
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Wraps a store error for `command` (`agency add`, ...): I/O failures are runtime errors, the rest usage errors.
    public init(_ error: StoreError, command: String) {
        let named = error.renamingFields(StoreFieldNames.option(for:))
        self.init(error.code == .io ? .runtime : .usage, "\(command): \(named.message)")
    }

    /// The process exit status: 2 for usage, 1 for runtime failures.
    public var exitStatus: Int32 {
        switch code {
        case .usage: 2
        case .runtime: 1
        }
    }

    /// The message.
    public var description: String { message }
}

import Configuration

extension ApplianceError {
    /// A configuration file's error: the file's fault is bad usage (exit 2), the system's a runtime failure (1).
    public init(_ error: ConfigurationError) {
        self.init(error.isRuntime ? .runtime : .usage, error.message)
    }
}

extension ConfigurationFile {
    /// `error`, from checking the arguments, with the file's line and key in place of `--key` when the value it
    /// names came from the file (see ``ConfigurationFile/locate(_:overriddenBy:)-(String,_)``).
    public func locate(_ error: ApplianceError, overriddenBy commandLine: [String]) -> ApplianceError {
        ApplianceError(error.code, locate(error.message, overriddenBy: commandLine))
    }
}

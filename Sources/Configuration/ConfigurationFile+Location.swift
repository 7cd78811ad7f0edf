extension ConfigurationFile {
    /// Where the configuration file is when `run` is not given `--config`: the package installs it there.
    public static let defaultPath = "/etc/openli-appliance/openli-appliance.conf"
    /// The environment variable that names another default file; set but empty, it means no file.
    public static let environmentVariable = "OPENLI_APPLIANCE_CONFIG"

    /// The file to read: `option` (`--config`) when given; else the file the environment variable names (none when
    /// it is empty); else ``defaultPath`` when it exists. Nil when there is none.
    public static func path(
        option: String?,
        environment: [String: String],
        exists: (String) -> Bool
    ) -> String? {
        if let option { return option }
        if let named = environment[environmentVariable] { return named.isEmpty ? nil : named }
        return exists(defaultPath) ? defaultPath : nil
    }
}

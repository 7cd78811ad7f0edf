extension WarrantValidation {
    /// The retry interval's range in seconds.
    public static let retryRange = 1...3600

    /// An absolute, canonical file path: starts with `/`, no empty, `.` or `..` components, no trailing `/`, no
    /// control characters, at most 4096 bytes. The command line resolves what the operator typed before this check.
    public static func filePath(_ text: String, field: String) throws(StoreError) -> String {
        let components = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let canonical =
            text.hasPrefix("/") && text.utf8.count <= 4096 && !components.isEmpty
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        guard canonical else {
            throw .invalid(field, text, "is not an absolute, canonical file path")
        }
        return text
    }

    /// The DNS name an agency's certificate must carry, returned in lower case.
    public static func serverName(_ text: String, field: String = "server_name") throws(StoreError) -> String {
        guard Endpoint.isHostName(Substring(text)) else {
            throw .invalid(field, text, "is not a DNS host name")
        }
        return text.lowercased()
    }

    /// `microseconds` or `generalized`.
    public static func timestampFormat(
        _ text: String,
        field: String = "timestamp_format"
    ) throws(StoreError) -> AgencyTimestampFormat {
        guard let format = AgencyTimestampFormat(rawValue: text) else {
            throw .invalid(field, text, "is not one of microseconds, generalized")
        }
        return format
    }

    /// `current` or `openli`.
    public static func etsiProfile(
        _ text: String,
        field: String = "etsi_profile"
    ) throws(StoreError) -> AgencyETSIProfile {
        guard let profile = AgencyETSIProfile(rawValue: text) else {
            throw .invalid(field, text, "is not one of current, openli")
        }
        return profile
    }

    /// Checks an agency's transport: TLS files (absolute and canonical) and a valid server name, or plaintext, never
    /// both and never neither. Returns the TLS settings in stored form.
    static func transport(plaintext: Bool, tls: AgencyTLS?) throws(StoreError) -> AgencyTLS? {
        guard let tls else {
            guard plaintext else {
                throw StoreError(
                    .invalid,
                    field: "ca_path",
                    parts: [
                        .text("TLS needs "), .field("ca_path"), .text(", "), .field("certificate_path"), .text(" and "),
                        .field("key_path"), .text(" (or "), .field("plaintext"), .text(")"),
                    ]
                )
            }
            return nil
        }
        guard !plaintext else {
            throw StoreError(
                .invalid,
                field: "plaintext",
                parts: [
                    .field("plaintext"), .text(" cannot be combined with "), .field("ca_path"), .text(", "),
                    .field("certificate_path"), .text(", "), .field("key_path"),
                ]
            )
        }
        return AgencyTLS(
            caPath: try filePath(tls.caPath, field: "ca_path"),
            certificatePath: try filePath(tls.certificatePath, field: "certificate_path"),
            keyPath: try filePath(tls.keyPath, field: "key_path"),
            serverName: try tls.serverName.map { name throws(StoreError) in try serverName(name) },
            allowTLS12: tls.allowTLS12
        )
    }
}

/// The audit log's JSON form of each stored record.
extension Agency {
    /// The agency's members; `encryption` and `integrity` follow only when the agency has them, so that an agency
    /// without them reads as it did before schema v9.
    var auditJSON: AuditJSON {
        .object(
            [
                ("name", .string(name)),
                ("hi2", .string(hi2.description)),
                ("hi3", .string(hi3.description)),
                ("keepalive", .integer(Int64(keepaliveSeconds))),
                ("keepalive_wait", .integer(Int64(keepaliveWaitSeconds))),
                ("country", .optional(countryCode)),
                ("plaintext", .boolean(plaintext)),
                ("tls", tls.map(\.auditJSON) ?? .null),
                ("timestamp", .string(timestampFormat.rawValue)),
                ("etsi_profile", .string(etsiProfile.rawValue)),
                ("retry", .integer(Int64(retrySeconds))),
            ] + protectionAuditMembers
        )
    }
}

extension AgencyTLS {
    var auditJSON: AuditJSON {
        .object([
            ("ca", .string(caPath)),
            ("cert", .string(certificatePath)),
            ("key", .string(keyPath)),
            ("server_name", .optional(serverName)),
            ("tls12", .boolean(allowTLS12)),
        ])
    }
}

extension Warrant {
    /// The liid, the kind (every kind but IP: IP warrants were written without one, and still are, so that their rows
    /// read the same before and after schema v5), the agency, the target's members, then the shared ones.
    var auditJSON: AuditJSON {
        let kind: [(String, AuditJSON)] = target.ip == nil ? [("kind", .string(target.kind))] : []
        return .object(
            [("liid", .string(liid))] + kind + [("agency", .string(agency))] + target.auditMembers + [
                ("auth_cc", .string(authorizationCountryCode)),
                ("delivery_cc", .string(deliveryCountryCode)),
                ("start", .optional(startMicros.map(ISO8601Time.format(micros:)))),
                ("end", .optional(endMicros.map(ISO8601Time.format(micros:)))),
                ("deliver", .string(delivery.rawValue)),
                ("ended", .optional(endedMicros.map(ISO8601Time.format(micros:)))),
                ("created", .string(ISO8601Time.format(micros: createdMicros))),
                ("modified", .optional(modifiedMicros.map(ISO8601Time.format(micros:)))),
            ]
        )
    }
}

extension KnownServer {
    var auditJSON: AuditJSON {
        .object([("kind", .string(kind.rawValue)), ("address", .string(address)), ("port", .integer(Int64(port)))])
    }
}

extension UDPSink {
    var auditJSON: AuditJSON {
        .object([
            ("address", .string(address)),
            ("port", .integer(Int64(port))),
            ("encapsulation", .string(encapsulation.rawValue)),
            ("direction", .string(direction.rawValue)),
            ("source_address", .optional(sourceAddress)),
            ("source_port", .optional(sourcePort.map(Int64.init))),
        ])
    }
}

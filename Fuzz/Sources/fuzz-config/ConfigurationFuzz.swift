import Configuration
import FuzzSupport

/// The keys of etc/openli-appliance.conf, each with its shape (the real schema is read from `run`'s command-line
/// parser in the executable).
private let schema = ConfigurationSchema(keys: [
    ConfigurationSchema.Key(name: "db", kind: .single, defaultValue: "/var/lib/openli-appliance/warrants.sqlite"),
    ConfigurationSchema.Key(
        name: "audit-key",
        kind: .single,
        defaultValue: "/var/lib/openli-appliance/warrants.sqlite.audit-key"
    ),
    ConfigurationSchema.Key(name: "pcap", kind: .repeating),
    ConfigurationSchema.Key(name: "interface", kind: .repeating),
    ConfigurationSchema.Key(name: "operator-id", kind: .single, defaultValue: "openli"),
    ConfigurationSchema.Key(name: "network-element-id", kind: .single, defaultValue: "appliance"),
    ConfigurationSchema.Key(name: "shards", kind: .single, defaultValue: "1"),
    ConfigurationSchema.Key(name: "session-timeout", kind: .single, defaultValue: "86400"),
    ConfigurationSchema.Key(name: "call-idle-timeout", kind: .single, defaultValue: "3600"),
    ConfigurationSchema.Key(name: "sip-identities", kind: .single, defaultValue: "to,from,pai,ppi,rpid,auth"),
    ConfigurationSchema.Key(name: "sip-nat-media", kind: .single, defaultValue: "on"),
    ConfigurationSchema.Key(name: "email-default-domain", kind: .single, defaultValue: "example.net"),
    ConfigurationSchema.Key(name: "email-session-timeout", kind: .single, defaultValue: "600"),
    ConfigurationSchema.Key(name: "gtp-session-timeout", kind: .single, defaultValue: "86400"),
    ConfigurationSchema.Key(name: "retry", kind: .single, defaultValue: "10"),
    ConfigurationSchema.Key(name: "spool", kind: .single, defaultValue: "/var/lib/openli-appliance/warrants.spool"),
    ConfigurationSchema.Key(name: "spool-adopt", kind: .flag),
    ConfigurationSchema.Key(name: "spool-quota", kind: .single, defaultValue: "10G"),
    ConfigurationSchema.Key(name: "realtime", kind: .flag),
    ConfigurationSchema.Key(name: "drain-timeout", kind: .single, defaultValue: "300"),
    ConfigurationSchema.Key(name: "capture-buffer", kind: .single, defaultValue: "64"),
    ConfigurationSchema.Key(name: "sink-buffer", kind: .single, defaultValue: "16"),
    ConfigurationSchema.Key(name: "vxlan-port", kind: .repeating),
    ConfigurationSchema.Key(name: "log-level", kind: .single, defaultValue: "info"),
    ConfigurationSchema.Key(name: "metrics", kind: .single, defaultValue: "127.0.0.1:9464"),
    ConfigurationSchema.Key(name: "user", kind: .single, defaultValue: "openli"),
    ConfigurationSchema.Key(name: "log-format", kind: .single, defaultValue: "text"),
])

/// The configuration file reader on one file's text: YAML through libyaml, then every key checked against the
/// schema; then the file as `run` uses it: its settings as arguments, an option error located in it, and the
/// effective options written back as YAML (`config show`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput(data, size).bytes, as: UTF8.self)
    guard
        let file = try? ConfigurationFile.parse(
            text,
            path: "/etc/openli-appliance/openli-appliance.conf",
            schema: schema,
            command: "run"
        )
    else { return 0 }
    let arguments = file.arguments(overriddenBy: ["--shards", "4"])
    _ = file.locate("run: --shards 99 is not in 1...64", overriddenBy: arguments).utf8.count
    _ = try? file.effectiveOptions(schema: schema)
    return 0
}

/// The command line's names for the fields the warrant store names in its own terms, so that a store error reads as
/// the options and arguments the operator typed (`username` is `--user`, an agency's `hi2` is `--hi2`).
enum StoreFieldNames {
    /// The option for a store field name; nil for a name the store and the command line share.
    static func option(for field: String) -> String? {
        options[field]
    }

    private static let options: [String: String] = [
        "liid": "LIID",
        "agency": "--agency",
        "authorization_country_code": "--auth-cc",
        "delivery_country_code": "--delivery-cc",
        "start": "--start",
        "end": "--end",
        "username": "--user",
        "static_prefixes": "--static-ip",
        "session_id": "--session-id",
        "mirror_id": "--mirror-id",
        "mirror_vendor": "--mirror-vendor",
        "sink": "--sink",
        "encapsulation": "--encapsulation",
        "direction": "--direction",
        "source": "--source",
        "sip_uri": "--sip-uri",
        "tel": "--tel",
        "address": "--address",
        "imsi": "--imsi",
        "msisdn": "--msisdn",
        "imei": "--imei",
        "delivery": "--deliver",
        "name": "NAME",
        "hi2": "--hi2",
        "hi3": "--hi3",
        "country_code": "--country",
        "retry_seconds": "--retry",
        "keepalive_seconds": "--keepalive",
        "keepalive_wait_seconds": "--keepalive-wait",
        "ca_path": "--ca",
        "certificate_path": "--cert",
        "key_path": "--key",
        "server_name": "--server-name",
        "plaintext": "--plaintext",
        "timestamp_format": "--timestamp",
        "etsi_profile": "--etsi-profile",
        "encryption_method": "--encryption",
        "encryption_key_path": "--encryption-key-file",
        "integrity_hash": "--integrity",
        "integrity_records_per_hash": "--integrity-every",
        "integrity_hash_interval_seconds": "--integrity-interval",
        "integrity_hashes_per_signature": "--sign-every",
        "integrity_signature_interval_seconds": "--sign-interval",
        "integrity_signing_key_path": "--signing-key",
        "kind": "KIND",
        "database_path": "--db",
    ]
}

/// The command line's names for the fields the warrant store names in its own terms, so that a store error reads as
/// the options the operator typed (`username` is `--user`).
enum WarrantFieldNames {
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
        "sip_uri": "--sip-uri",
        "tel": "--tel",
    ]
}

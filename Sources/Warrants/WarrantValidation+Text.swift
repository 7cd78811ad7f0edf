extension WarrantValidation {
    /// Refuses text that holds a Unicode format control (general category Cf): the bidirectional embeddings,
    /// overrides and isolates (U+202A-U+202E, U+2066-U+2069), the direction marks (U+200E, U+200F, U+061C), and the
    /// invisible others (zero-width spaces and joiners, U+FEFF...). They change how text is displayed without being
    /// seen, so an identity holding one would read differently in listings and audit rows from what is matched.
    public static func requireNoFormatControls(_ text: String, field: String) throws(StoreError) {
        guard let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) else {
            return
        }
        let hex = String(control.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let kind =
            isBidirectionalControl(control) ? "a Unicode bidirectional control" : "an invisible Unicode format control"
        throw .invalid(field, text, "contains \(code), \(kind), which would make it display as something else")
    }

    /// The embeddings, overrides, isolates and marks that change the direction of the text around them.
    static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Refuses an end of the window before `nowMicros` unless `allowPast`: a warrant whose window has already ended
    /// never intercepts anything, which is most often a mistyped date. `field` names the option (`--end`).
    public static func endNotPast(
        _ endMicros: Int64,
        nowMicros: Int64,
        allowPast: Bool,
        field: String = "end"
    ) throws(StoreError) {
        guard allowPast || endMicros >= nowMicros else {
            throw .invalid(
                field,
                ISO8601Time.format(micros: endMicros),
                "is in the past, so the warrant would never intercept (give --allow-past to store it anyway)"
            )
        }
    }
}

/// What an EncryptionContainer's payload is, once decrypted (TS 102 232-1 `EncryptedPayloadType`).
///
/// As OpenLI sends it: IP records are part 3, IP multimedia part 5, email part 2, mobile (UMTS/EPS) part 7; HI1
/// notifications and integrity checks, whose payloads are defined in part 1, are part 1.
public enum EncryptedPayloadType: UInt8, Sendable, Equatable, CaseIterable {
    /// Unknown payload.
    case unknown = 1
    /// TS 102 232-2: email.
    case part2 = 2
    /// TS 102 232-3: IP access.
    case part3 = 3
    /// TS 102 232-4: layer 2 access.
    case part4 = 4
    /// TS 102 232-5: IP multimedia.
    case part5 = 5
    /// TS 102 232-6: PSTN/ISDN.
    case part6 = 6
    /// TS 102 232-7: mobile services.
    case part7 = 7
    /// TS 102 232-1 itself (HI1 operations, TRIs).
    case part1 = 8
}

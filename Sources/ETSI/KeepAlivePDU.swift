/// Keep-alive PS-PDUs of a handover connection (TS 102 232-1 clause 6.3.4, `tRIPayload` keep-alive [3] and
/// keep-aliveResponse [4]).
///
/// A keep-alive carries the header of the connection's warrant template with CIN 0 (as OpenLI sends them) and the
/// sequence number the caller keeps per connection; TRI records are not part of any IRI or CC numbering.
public enum KeepAlivePDU {
    /// The size of the PS-PDU ``write(header:sequence:time:into:)`` appends.
    public static func encodedLength(header: PSHeaderTemplate, sequence: UInt64, time: Timestamp) -> Int {
        PSPDUWriter.encodedLength(
            header: header,
            cin: 0,
            sequence: sequence,
            time: time,
            payloadLength: TRIPayload.keepAlive.count
        )
    }

    /// Appends one keep-alive PS-PDU (CIN 0) to `out`; allocates nothing when `out` has the capacity of
    /// ``encodedLength(header:sequence:time:)``.
    public static func write(header: PSHeaderTemplate, sequence: UInt64, time: Timestamp, into out: inout [UInt8]) {
        TRIPayload.keepAlive.withUnsafeBytes { payload in
            PSPDUWriter.write(header: header, cin: 0, sequence: sequence, time: time, payload: payload, into: &out)
        }
    }

    /// The keep-aliveResponse a LEMF sends back for `request`: the same PS-PDU, octet for octet, with keep-alive [3]
    /// turned into keep-aliveResponse [4].
    ///
    /// `request` must be one whole PS-PDU whose payload is a TRI keep-alive. Non-minimal long-form lengths are
    /// accepted (and kept) so that BER keep-alives get an answer too; anything else is a ``DERError``
    /// (`unexpectedTag` when the record is not a keep-alive).
    public static func response(to request: UnsafeRawBufferPointer) throws(DERError) -> [UInt8] {
        var (_, fields) = try PSPDUReader.openPDU(request, lenient: true)
        let message = try keepAliveElement(in: &fields)
        guard fields.isAtEnd else {
            throw .trailingBytes
        }
        var response = Array(request)
        response[message.start] = 0x84
        return response
    }

    /// The `keep-alive [3]` element inside the `payload [2]` element that `fields` reads next.
    private static func keepAliveElement(in fields: inout DERCursor) throws(DERError) -> DERElement {
        guard let payload = try fields.next() else {
            throw .missingElement(0xA2)
        }
        guard payload.identifier == 0xA2 else {
            throw .unexpectedTag(payload.identifier)
        }
        var choice = fields.children(of: payload)
        guard let tri = try choice.next() else {
            throw .missingElement(0xA2)
        }
        guard tri.identifier == 0xA2 else {
            throw .unexpectedTag(tri.identifier)
        }
        guard choice.isAtEnd else {
            throw .extraElement(0xA2)
        }
        var alternatives = choice.children(of: tri)
        guard let message = try alternatives.next() else {
            throw .missingElement(0x83)
        }
        guard message.identifier == 0x83 else {
            throw .unexpectedTag(message.identifier)
        }
        guard message.valueStart == message.valueEnd else {
            throw .invalidNull
        }
        guard alternatives.isAtEnd else {
            throw .extraElement(0xA2)
        }
        return message
    }
}

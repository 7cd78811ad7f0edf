/// An integrity check TRI (TS 102 232-1 clause 7.2.3 and annex J), as OpenLI encodes it:
///
/// ```asn1
/// payload [2] { tRIPayload [2] { integrityCheck [0] IntegrityCheck } }
/// IntegrityCheck ::= SEQUENCE {
///     includedSequenceNumbers [0] SEQUENCE OF INTEGER,   -- the records (or hash TRIs) covered, in order
///     checkType [1] CheckType,                           -- hash(1) or signature(2)
///     dataType [2] DataType,                             -- iRI(1) or cC(2): which stream
///     checkValue [3] OCTET STRING,                       -- the hash, or the DER ECDSA / raw Ed25519 signature
///     ..., hashAlgorithm [4] HashAlgorithm,              -- the hash of the records, or of the hash TRIs signed
///     signatureAlgorithm [5] SignatureAlgorithm }        -- signatures only: eCDSA(2) or edDSA(3)
/// ```
///
/// A hash TRI's checkValue is the hash of the covered records' octets, concatenated in the order listed, each as
/// sent or, for an encrypted record, in its pre-encryption form (``DecryptedRecord/preEncryptionForm``). A signature
/// TRI signs the hash of the content octets of the `integrityCheck` elements of the hash TRIs it lists (by their
/// own sequence numbers), concatenated in order. Hash and signature TRIs travel in the stream they cover (same LIID,
/// CIN and handover) and number themselves apart, each from 1.
public struct IntegrityCheck: Sendable, Equatable {
    /// `CheckType`.
    public enum CheckType: UInt8, Sendable, Equatable {
        /// hash(1).
        case hash = 1
        /// signature(2).
        case signature = 2
    }

    /// `DataType`: the stream's kind.
    public enum DataType: UInt8, Sendable, Equatable {
        /// iRI(1).
        case iri = 1
        /// cC(2).
        case cc = 2
    }

    /// The sequence numbers of what the check covers.
    public var includedSequenceNumbers: [UInt64]
    /// Hash or signature.
    public var checkType: CheckType
    /// IRI or CC.
    public var dataType: DataType
    /// The hash or the signature.
    public var checkValue: [UInt8]
    /// The hash algorithm.
    public var hashAlgorithm: IntegrityHashAlgorithm?
    /// The signature algorithm (signatures only).
    public var signatureAlgorithm: IntegritySignatureAlgorithm?

    /// A check.
    public init(
        includedSequenceNumbers: [UInt64],
        checkType: CheckType,
        dataType: DataType,
        checkValue: [UInt8],
        hashAlgorithm: IntegrityHashAlgorithm?,
        signatureAlgorithm: IntegritySignatureAlgorithm? = nil
    ) {
        self.includedSequenceNumbers = includedSequenceNumbers
        self.checkType = checkType
        self.dataType = dataType
        self.checkValue = checkValue
        self.hashAlgorithm = hashAlgorithm
        self.signatureAlgorithm = signatureAlgorithm
    }

    /// The content octets of the `integrityCheck [0]` element (what a signature's hash covers).
    public var contentOctets: [UInt8] {
        var numbers: [UInt8] = []
        for number in includedSequenceNumbers {
            DERWriter.appendInteger(DERTag(first: 0x02, second: 0), number, to: &numbers)
        }
        var content: [UInt8] = []
        DERWriter.appendHeader(0xA0, length: numbers.count, to: &content)
        content.append(contentsOf: numbers)
        content.append(contentsOf: [0x81, 0x01, checkType.rawValue, 0x82, 0x01, dataType.rawValue])
        DERWriter.appendOctets(.context(3), checkValue, to: &content)
        if let hashAlgorithm { content.append(contentsOf: [0x84, 0x01, hashAlgorithm.rawValue]) }
        if let signatureAlgorithm { content.append(contentsOf: [0x85, 0x01, signatureAlgorithm.rawValue]) }
        return content
    }

    /// The whole `payload [2]` element of the TRI.
    public var payloadElement: [UInt8] {
        let content = contentOctets
        let check = DERWriter.elementLength(contentLength: content.count)
        let tri = DERWriter.elementLength(contentLength: check)
        var element: [UInt8] = []
        element.reserveCapacity(DERWriter.elementLength(contentLength: tri))
        DERWriter.appendHeader(0xA2, length: tri, to: &element)
        DERWriter.appendHeader(0xA2, length: check, to: &element)
        DERWriter.appendHeader(0xA0, length: content.count, to: &element)
        element.append(contentsOf: content)
        return element
    }
}

/// The signature algorithm of integrity checks (TS 102 232-1 `SignatureAlgorithm`; DSA is not offered).
public enum IntegritySignatureAlgorithm: UInt8, Sendable, Equatable {
    /// eCDSA(2): P-256 or P-384; checkValue is the DER `ECDSA-Sig-Value` (RFC 3279).
    case ecdsa = 2
    /// edDSA(3): Ed25519; checkValue is the 64-octet signature.
    case eddsa = 3
}

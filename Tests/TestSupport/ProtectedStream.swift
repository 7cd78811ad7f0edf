import ETSI

/// Writes the records of one stream (a LIID, a CIN, IRI or CC) the way an agency's protection settings make the
/// appliance write them, following the format ``ETSI/IntegrityCheck`` documents: each record optionally encrypted
/// (``ETSI/RecordEncryptor``), hash TRIs listing the records since the last hash and carrying the hash of their
/// octets (pre-encryption form when encrypted), signature TRIs listing the hash TRIs since the last signature and
/// signing the hash of their integrityCheck content octets; hash and signature TRIs numbered apart, each from 1,
/// encrypted as part 1 when records are.
public struct ProtectedStream {
    /// One PS-PDU of the stream, in sending order.
    public struct Item: Sendable {
        /// What it is.
        public enum Kind: Sendable, Equatable {
            /// An IRI or CC record with its sequence number.
            case record(UInt64)
            /// A hash TRI with its own number.
            case hash(UInt64)
            /// A signature TRI with its own number.
            case signature(UInt64)
            /// Another PS-PDU of the stream (a cINReset, a keep-alive) that a test adds.
            case other
        }

        /// What it is.
        public var kind: Kind
        /// The PS-PDU as sent.
        public var octets: [UInt8]

        /// An item.
        public init(kind: Kind, octets: [UInt8]) {
            self.kind = kind
            self.octets = octets
        }
    }

    /// The header every record carries.
    public let header: PSHeaderTemplate
    /// The CIN.
    public let cin: UInt32
    /// IRI or CC.
    public let dataType: IntegrityCheck.DataType
    private var encryptor: RecordEncryptor?
    private var encryptionStream = EncryptionStream(startSeconds: 1_714_521_600)
    private let hashAlgorithm: IntegrityHashAlgorithm
    private let signingKey: IntegritySigningKey?
    private var nextRecord: UInt64 = 0
    private var nextHash: UInt64 = 1
    private var nextSignature: UInt64 = 1
    private var unhashed: [(number: UInt64, octets: [UInt8])] = []
    private var unsigned: [(number: UInt64, content: [UInt8])] = []

    /// A stream of `liid` and `cin` whose first record is numbered `firstRecord` (its TRIs are numbered from 1, as
    /// a producer that starts again does); `encryptionKey` nil sends records in clear, `signingKey` nil sends no
    /// signatures.
    public init(
        liid: String,
        cin: UInt32 = 7,
        firstRecord: UInt64 = 0,
        dataType: IntegrityCheck.DataType,
        encryptionKey: PayloadEncryptionKey? = nil,
        hash: IntegrityHashAlgorithm = .sha256,
        signingKey: IntegritySigningKey?
    ) {
        header = PSHeaderTemplate(
            profile: .current,
            liid: liid,
            authorizationCountryCode: "NZ",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            deliveryCountryCode: "NZ"
        )
        self.cin = cin
        nextRecord = firstRecord
        self.dataType = dataType
        encryptor = encryptionKey.map(RecordEncryptor.init)
        hashAlgorithm = hash
        self.signingKey = signingKey
    }

    /// `count` records with a hash TRI after every `recordsPerHash` and a signature TRI after every
    /// `hashesPerSignature` hashes, ending with a hash of the rest and a signature of the rest.
    public static func items(
        of stream: inout ProtectedStream,
        records count: Int,
        recordsPerHash: Int,
        hashesPerSignature: Int
    ) throws -> [Item] {
        var items: [Item] = []
        var hashes = 0
        for index in 0..<count {
            items.append(try stream.record())
            if (index + 1) % recordsPerHash == 0 || index == count - 1 {
                items.append(try stream.hashTRI())
                hashes += 1
                if hashes % hashesPerSignature == 0 || index == count - 1, stream.signingKey != nil {
                    items.append(try stream.signatureTRI())
                }
            }
        }
        return items
    }

    /// The next record: an IPIRI REPORT (IRI stream) or an IPCC with a 60-octet packet (CC stream).
    public mutating func record() throws -> Item {
        let number = nextRecord
        nextRecord += 1
        let payload: [UInt8]
        switch dataType {
        case .iri:
            let contents = IPIRIContents(
                accessEventType: .interimUpdate,
                targetUsername: "user\(number)",
                internetAccessType: .xDSL,
                iPVersion: .iPV4
            )
            payload = IPIRIPayload.encode(profile: .current, type: .report, contents: contents)
        case .cc:
            var element: [UInt8] = []
            let packet = (0..<60).map { UInt8(truncatingIfNeeded: Int(number) &* 31 &+ $0) }
            packet.withUnsafeBytes {
                IPCCPayload.write(profile: .current, direction: .toTarget, ipPacket: $0, into: &element)
            }
            payload = element
        }
        let (sent, hashed) = try write(sequence: number, payload: payload, type: .part3)
        unhashed.append((number, hashed))
        return Item(kind: .record(number), octets: sent)
    }

    /// A hash TRI over every record since the last one.
    public mutating func hashTRI() throws -> Item {
        var hasher = IntegrityHasher(hashAlgorithm)
        for record in unhashed { hasher.update(record.octets) }
        let check = IntegrityCheck(
            includedSequenceNumbers: unhashed.map(\.number),
            checkType: .hash,
            dataType: dataType,
            checkValue: hasher.finalize().octets,
            hashAlgorithm: hashAlgorithm
        )
        unhashed = []
        let number = nextHash
        nextHash += 1
        unsigned.append((number, check.contentOctets))
        return Item(
            kind: .hash(number),
            octets: try write(sequence: number, payload: check.payloadElement, type: .part1).sent
        )
    }

    /// A signature TRI over every hash TRI since the last one.
    public mutating func signatureTRI() throws -> Item {
        guard let signingKey else { throw DecoderError(message: "a stream without a signing key signs nothing") }
        var hasher = IntegrityHasher(hashAlgorithm)
        for hash in unsigned { hasher.update(hash.content) }
        let check = IntegrityCheck(
            includedSequenceNumbers: unsigned.map(\.number),
            checkType: .signature,
            dataType: dataType,
            checkValue: try signingKey.sign(hasher.finalize()),
            hashAlgorithm: hashAlgorithm,
            signatureAlgorithm: signingKey.algorithm
        )
        unsigned = []
        let number = nextSignature
        nextSignature += 1
        return Item(
            kind: .signature(number),
            octets: try write(sequence: number, payload: check.payloadElement, type: .part1).sent
        )
    }

    /// One PS-PDU as sent and as hashed (the pre-encryption form when encrypted).
    private mutating func write(
        sequence: UInt64,
        payload: [UInt8],
        type: EncryptedPayloadType
    ) throws -> (sent: [UInt8], hashed: [UInt8]) {
        let time = Timestamp(seconds: 1_714_521_600 + Int64(sequence), microseconds: 0)
        var out: [UInt8] = []
        guard var encryptor else {
            payload.withUnsafeBytes {
                PSPDUWriter.write(header: header, cin: cin, sequence: sequence, time: time, payload: $0, into: &out)
            }
            return (out, out)
        }
        let layout = payload.withUnsafeBytes {
            encryptor.appendPlain(
                header: header,
                cin: cin,
                sequence: sequence,
                time: time,
                payload: $0,
                payloadType: type,
                stream: &encryptionStream,
                into: &out
            )
        }
        let hashed = out
        try encryptor.encrypt(layout, in: &out)
        self.encryptor = encryptor
        return (out, hashed)
    }
}

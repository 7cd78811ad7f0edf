/// Where a UMTS target is: `locationOfTheTarget [8] Location` of UmtsHI2Operations, from GTPv1's User Location
/// Information (TS 29.060 clause 7.7.51) and the RAI. The identities are raw octets as GTP carries them:
///
/// ```asn1
/// Location ::= SEQUENCE {
///     e164-Number [1] OCTET STRING (SIZE (1..25)) OPTIONAL,
///     globalCellID [2] GlobalCellID OPTIONAL,     -- OCTET STRING (SIZE (5..7)): MCC MNC LAC CI
///     rAI [4] Rai OPTIONAL,                       -- OCTET STRING (SIZE (6)): MCC MNC LAC RAC
///     gsmLocation [5] ..., umtsLocation [6] ...,
///     sAI [7] Sai OPTIONAL,                       -- OCTET STRING (SIZE (7)): MCC MNC LAC SAC
///     ..., oldRAI [8] Rai OPTIONAL,
///     tAI [9] OCTET STRING (SIZE (6)) OPTIONAL,
///     eCGI [10] OCTET STRING (SIZE (8)) OPTIONAL,
///     civicAddress [11] ..., operatorSpecificInfo [12] ...,
///     uELocationTimestamp [13] CHOICE { timestamp [0] TimeStamp, timestampUnknown [1] NULL, ... } OPTIONAL }
/// ```
///
/// A value of the wrong size is left out. When nothing is left (no identity and no timestamp) the whole
/// `locationOfTheTarget` is left out.
public struct MobileLocation: Sendable, Equatable {
    /// The cell global identity (7 octets; 5 to 7 accepted).
    public var globalCellID: [UInt8]?
    /// The routeing area identity (6 octets).
    public var rai: [UInt8]?
    /// The service area identity (7 octets).
    public var sai: [UInt8]?
    /// The tracking area identity (6 octets).
    public var tai: [UInt8]?
    /// The E-UTRAN cell global identity (8 octets).
    public var ecgi: [UInt8]?
    /// When the location was reported (`uELocationTimestamp`: `timestamp` as utcTime).
    public var timestamp: Timestamp?

    /// Creates a location; every field is optional.
    public init(
        globalCellID: [UInt8]? = nil,
        rai: [UInt8]? = nil,
        sai: [UInt8]? = nil,
        tai: [UInt8]? = nil,
        ecgi: [UInt8]? = nil,
        timestamp: Timestamp? = nil
    ) {
        self.globalCellID = globalCellID
        self.rai = rai
        self.sai = sai
        self.tai = tai
        self.ecgi = ecgi
        self.timestamp = timestamp
    }

    /// Appends `locationOfTheTarget [8]`, or nothing if no field can be encoded.
    func append(to out: inout [UInt8]) {
        var content: [UInt8] = []
        Self.appendSized(.context(2), globalCellID, 5...7, to: &content)
        Self.appendSized(.context(4), rai, 6...6, to: &content)
        Self.appendSized(.context(7), sai, 7...7, to: &content)
        Self.appendSized(.context(9), tai, 6...6, to: &content)
        Self.appendSized(.context(10), ecgi, 8...8, to: &content)
        if let timestamp {
            DERWriter.appendHeader(.context(13, constructed: true), length: 17, to: &content)
            DERWriter.appendHeader(.context(0, constructed: true), length: 15, to: &content)
            timestamp.appendTimeStamp(to: &content)
        }
        guard !content.isEmpty else {
            return
        }
        DERWriter.appendHeader(.context(8, constructed: true), length: content.count, to: &out)
        out.append(contentsOf: content)
    }

    /// Appends `octets` under `tag` if its size is in `sizes`.
    static func appendSized(_ tag: DERTag, _ octets: [UInt8]?, _ sizes: ClosedRange<Int>, to out: inout [UInt8]) {
        if let octets, sizes.contains(octets.count) {
            DERWriter.appendOctets(tag, octets, to: &out)
        }
    }
}

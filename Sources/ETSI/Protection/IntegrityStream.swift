/// One stream that integrity checks cover: the records of a LIID and CIN on one handover (IRI records and HI1
/// notifications on HI2, CC records on HI3), numbered together; its hash and signature TRIs travel in it.
public struct IntegrityStream: Sendable, Hashable, CustomStringConvertible {
    /// The LIID.
    public var liid: String
    /// The CIN; nil for records without one.
    public var cin: UInt32?
    /// IRI or CC.
    public var dataType: IntegrityCheck.DataType

    /// A stream.
    public init(liid: String, cin: UInt32?, dataType: IntegrityCheck.DataType) {
        self.liid = liid
        self.cin = cin
        self.dataType = dataType
    }

    /// `LIID "LI-1" CIN 7 IRI`.
    public var description: String {
        "LIID \"\(liid)\" CIN \(cin.map { String($0) } ?? "none") \(dataType == .iri ? "IRI" : "CC")"
    }
}

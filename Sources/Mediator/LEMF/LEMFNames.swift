import ETSI

/// The ASN.1 identifiers of the enumerated values the LEMF writes, as the modules spell them.
enum LEMFNames {
    /// `IRIType` (TS 102 232-1).
    static func iriType(_ type: IRIType) -> String {
        switch type {
        case .begin: "iRI-Begin"
        case .end: "iRI-End"
        case .continue: "iRI-Continue"
        case .report: "iRI-Report"
        }
    }

    /// `PayloadDirection` (TS 102 232-1).
    static func direction(_ direction: PayloadDirection) -> String {
        switch direction {
        case .fromTarget: "fromTarget"
        case .toTarget: "toTarget"
        case .indeterminate: "indeterminate"
        case .combined: "combined"
        case .notApplicable: "notapplicable"
        }
    }

    /// `AccessEventType` (TS 102 232-3).
    static func event(_ event: IPIRIContents.AccessEventType) -> String {
        switch event {
        case .accessAttempt: "accessAttempt"
        case .accessAccept: "accessAccept"
        case .accessReject: "accessReject"
        case .accessFailed: "accessFailed"
        case .interimUpdate: "interimUpdate"
        case .startOfInterceptionWithSessionActive: "startOfInterceptionWithSessionActive"
        case .accessEnd: "accessEnd"
        case .endOfInterceptionWithSessionActive: "endOfInterceptionWithSessionActive"
        case .unknown: "unknown"
        }
    }

    /// `TRIPayload` alternatives (TS 102 232-1), by tag number.
    static func triMessage(_ message: PSPDUSummary.TRIMessage) -> String {
        switch message {
        case .keepAlive: "keep-alive"
        case .keepAliveResponse: "keep-aliveResponse"
        case .cinReset: "cINReset"
        case .other(let tag): triNames[Int(tag)] ?? "tRIPayload[\(tag)]"
        }
    }

    private static let triNames: [Int: String] = [
        0: "integrityCheck", 1: "testPDU", 2: "paddingPDU", 5: "firstSegmentFlag", 6: "lastSegmentFlag",
        8: "operatorLeaMessage",
    ]

    /// The `kind` of a record in the JSON line: IRI, CC, TRI, HI1 (`hI1-Operation [3]`), or `payload[N]`.
    static func kind(_ kind: PSPDUSummary.Kind) -> String {
        switch kind {
        case .iri: "IRI"
        case .cc: "CC"
        case .tri: "TRI"
        case .hi1, .other(3): "HI1"
        case .other(let tag): "payload[\(tag)]"
        }
    }

    /// `HI1-Operation` alternatives (TS 101 671).
    static func hi1(_ operation: HI1Payload.Operation) -> String {
        switch operation {
        case .activated: "liActivated"
        case .deactivated: "liDeactivated"
        case .modified: "liModified"
        }
    }
}

import ETSI
import TestSupport
import Testing

/// EmailCC and EmailIRI records against the golden vectors of Tests/Fixtures/vectors (values from their .json
/// files), in both OID profiles.
@Suite struct EmailGoldenVectorTests {
    static let client = IRIAddress(bytes: [192, 0, 2, 10], assignment: .notKnown)
    static let server = IRIAddress(bytes: [198, 51, 100, 25], assignment: .notKnown)

    static let message = Array(
        ("From: Target <target@example.net>\r\nTo: alice@example.com, bob@example.org\r\nSubject: Lunch\r\n"
            + "Date: Wed, 01 May 2024 00:11:00 +0000\r\nMessage-ID: <20240501001100.4242@example.net>\r\n\r\n"
            + "See you at noon.\r\n.\r\n").utf8
    )

    static func contents(_ name: String) -> (IRIType, Timestamp, EmailIRIContents) {
        switch name {
        case "logon":
            var logon = EmailIRIContents(
                event: .logon,
                mailProtocol: .imap4,
                status: .succeeded,
                serverOctetsSent: 81,
                clientOctetsSent: 36
            )
            logon.clientPort = 51518
            logon.serverPort = 143
            logon.recipients = ["target@example.net"]
            logon.totalRecipientCount = 1
            logon.authentication = .init(username: "target@example.net", result: .succeeded)
            return (.begin, Timestamp(seconds: 1_714_522_200, microseconds: 250_000), addressed(logon))
        case "send":
            var send = EmailIRIContents(
                event: .send,
                mailProtocol: .smtp,
                status: .succeeded,
                serverOctetsSent: 226,
                clientOctetsSent: 362
            )
            send.clientPort = 51520
            send.serverPort = 587
            send.sender = "target@example.net"
            send.recipients = ["alice@example.com", "bob@example.org"]
            send.totalRecipientCount = 2
            send.senderValidated = true
            return (.continue, Timestamp(seconds: 1_714_522_260, microseconds: 500_000), addressed(send))
        default:
            var download = EmailIRIContents(
                event: .download,
                mailProtocol: .pop3,
                status: .succeeded,
                serverOctetsSent: 253,
                clientOctetsSent: 46
            )
            download.clientPort = 51522
            download.serverPort = 110
            download.sender = "alice@example.com"
            download.recipients = ["target@example.net"]
            download.totalRecipientCount = 1
            return (.report, Timestamp(seconds: 1_714_522_320, microseconds: 750_000), addressed(download))
        }
    }

    static func addressed(_ contents: EmailIRIContents) -> EmailIRIContents {
        var contents = contents
        contents.clientAddress = client
        contents.serverAddress = server
        return contents
    }

    static func header(_ profile: ETSIProfile) -> PSHeaderTemplate {
        PSHeaderTemplate(
            profile: profile,
            liid: "LIID-0001",
            authorizationCountryCode: "NZ",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            deliveryCountryCode: "NZ"
        )
    }

    @Test(arguments: ["logon", "send", "download"], [ETSIProfile.current, .openli])
    func emailIRIMatchesGoldenBytes(name: String, profile: ETSIProfile) throws {
        let suffix = profile == .openli ? "-openli-profile" : ""
        let expected = try VectorFiles.bytes("email-iri-\(name)\(suffix).der")
        let (type, time, contents) = Self.contents(name)
        let ours = RecordBuilder.record(
            Self.header(profile),
            sequence: 0,
            time: time,
            payload: EmailIRIPayload.encode(profile: profile, type: type, contents: contents)
        )
        #expect(ours.hex == expected.hex)
    }

    @Test(arguments: [ETSIProfile.current, .openli])
    func emailCCMatchesGoldenBytes(profile: ETSIProfile) throws {
        let suffix = profile == .openli ? "-openli-profile" : ""
        let expected = try VectorFiles.bytes("email-cc\(suffix).der")
        var payload: [UInt8] = []
        EmailCCPayload.write(profile: profile, direction: .fromTarget, content: Self.message, into: &payload)
        let ours = RecordBuilder.record(
            Self.header(profile),
            sequence: 0,
            time: Timestamp(seconds: 1_714_522_260, microseconds: 400_000),
            payload: payload
        )
        #expect(ours.hex == expected.hex)
    }
}

/// Writes one scripted TCP conversation between a mail client and server into a ``CraftedCapture``: the handshake,
/// each side's text in segments of a chosen size with correct sequence numbers, retransmissions and segments out of
/// order when asked, and a FIN or RST close.
public struct MailConversation {
    private let client: [UInt8]
    private let server: [UInt8]
    private let clientPort: UInt16
    private let serverPort: UInt16
    private var clientSequence: UInt32 = 1_000
    private var serverSequence: UInt32 = 500_000

    /// A conversation from `client`:`clientPort` to `server`:`serverPort` (IPv4 addresses as four bytes).
    public init(client: [UInt8], clientPort: UInt16, server: [UInt8], serverPort: UInt16) {
        self.client = client
        self.server = server
        self.clientPort = clientPort
        self.serverPort = serverPort
    }

    /// SYN, SYN-ACK, ACK.
    public mutating func open(in capture: inout CraftedCapture) {
        add(fromClient: true, flags: [.syn], payload: [], in: &capture)
        clientSequence &+= 1
        add(fromClient: false, flags: [.syn, .ack], payload: [], in: &capture)
        serverSequence &+= 1
        add(fromClient: true, flags: [.ack], payload: [], in: &capture)
    }

    /// The client sends `text` in segments of at most `segmentSize` octets.
    public mutating func client(_ text: String, segmentSize: Int = 1448, in capture: inout CraftedCapture) {
        send(Array(text.utf8), fromClient: true, segmentSize: segmentSize, in: &capture)
    }

    /// The server sends `text` in segments of at most `segmentSize` octets.
    public mutating func server(_ text: String, segmentSize: Int = 1448, in capture: inout CraftedCapture) {
        send(Array(text.utf8), fromClient: false, segmentSize: segmentSize, in: &capture)
    }

    /// The client sends `text` in segments of `segmentSize`, the second segment captured before the first, and the
    /// first then retransmitted once more.
    public mutating func clientReordered(_ text: String, segmentSize: Int, in capture: inout CraftedCapture) {
        let bytes = Array(text.utf8)
        let first = Array(bytes.prefix(segmentSize))
        let second = Array(bytes.dropFirst(segmentSize).prefix(segmentSize))
        let start = clientSequence
        clientSequence = start &+ UInt32(first.count)
        add(fromClient: true, flags: [.ack, .psh], payload: second, in: &capture)
        clientSequence = start
        add(fromClient: true, flags: [.ack, .psh], payload: first, in: &capture)
        add(fromClient: true, flags: [.ack, .psh], payload: first, in: &capture)
        clientSequence = start &+ UInt32(first.count + second.count)
        send(
            Array(bytes.dropFirst(first.count + second.count)),
            fromClient: true,
            segmentSize: segmentSize,
            in: &capture
        )
    }

    /// FIN from the client, FIN from the server, the last ACK.
    public mutating func close(in capture: inout CraftedCapture) {
        add(fromClient: true, flags: [.fin, .ack], payload: [], in: &capture)
        clientSequence &+= 1
        add(fromClient: false, flags: [.fin, .ack], payload: [], in: &capture)
        serverSequence &+= 1
        add(fromClient: true, flags: [.ack], payload: [], in: &capture)
    }

    /// The client resets the connection.
    public mutating func reset(in capture: inout CraftedCapture) {
        add(fromClient: true, flags: [.rst, .ack], payload: [], in: &capture)
    }

    private mutating func send(_ bytes: [UInt8], fromClient: Bool, segmentSize: Int, in capture: inout CraftedCapture) {
        var offset = 0
        while offset < bytes.count {
            let piece = Array(bytes[offset..<min(bytes.count, offset + max(1, segmentSize))])
            add(fromClient: fromClient, flags: [.ack, .psh], payload: piece, in: &capture)
            if fromClient { clientSequence &+= UInt32(piece.count) } else { serverSequence &+= UInt32(piece.count) }
            offset += piece.count
        }
    }

    private func add(
        fromClient: Bool,
        flags: CraftedCapture.TCPFlags,
        payload: [UInt8],
        in capture: inout CraftedCapture
    ) {
        let segment = CraftedCapture.tcp(
            from: fromClient ? client : server,
            to: fromClient ? server : client,
            sourcePort: fromClient ? clientPort : serverPort,
            destinationPort: fromClient ? serverPort : clientPort,
            sequence: fromClient ? clientSequence : serverSequence,
            acknowledgement: fromClient ? serverSequence : clientSequence,
            flags: flags,
            payload: payload
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: fromClient ? client : server,
                to: fromClient ? server : client,
                protocol: 6,
                payload: segment
            )
        )
    }
}

import NIOCore
import NIOHTTP1

/// Serves `GET /metrics` (and `HEAD`) with the scraper's exposition; every other path is 404, every other method
/// 405. One answer per connection, which it then closes.
final class MetricsHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The content type of Prometheus text exposition 0.0.4.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let scraper: MetricsScraper
    private var request: HTTPRequestHead?

    /// A handler answering with `scraper`.
    init(scraper: MetricsScraper) {
        self.scraper = scraper
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            answer(head, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard path == "/metrics" else {
            respond(.notFound, body: Array("not found: metrics are at /metrics\n".utf8), head: head, context: context)
            return
        }
        guard head.method == .GET || head.method == .HEAD else {
            respond(.methodNotAllowed, body: Array("GET /metrics\n".utf8), head: head, context: context)
            return
        }
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        let scraper = scraper
        Task {
            let body = await scraper.scrape()
            loop.execute {
                let (handler, context) = bound.value
                handler.respond(.ok, body: body, head: head, context: context)
            }
        }
    }

    private func respond(
        _ status: HTTPResponseStatus,
        body: [UInt8],
        head: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: status == .ok ? Self.contentType : "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: "\(body.count)")
        headers.add(name: "Connection", value: "close")
        let response = HTTPResponseHead(version: head.version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        if head.method != .HEAD {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                promise: nil
            )
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

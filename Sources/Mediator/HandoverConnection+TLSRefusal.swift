import Logging
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HandoverConnection {
    /// The TLS library's words when `error` is our own verification refusing the agency's certificate (not the
    /// agency refusing us, nor a network error).
    static func certificateRefusal(_ error: any Error) -> String? {
        guard case NIOSSLError.handshakeFailed(let failure) = error else { return nil }
        let text = "\(failure)"
        return text.contains("CERTIFICATE_VERIFY_FAILED") ? text : nil
    }

    /// Our verification refused the agency's certificate chain. On the first refusal of a streak (and every 30th)
    /// finds out which check failed and logs it; the connection is retried, records stay spooled.
    func refusedCertificateChain(library: String) {
        stats.certificateRefusals += 1
        guard stats.certificateRefusals == 1 || stats.certificateRefusals % 30 == 0 else { return }
        diagnoseChain { diagnosis in
            self.logRefusal(
                (diagnosis ?? "its certificate did not verify against the agency's CA file (issued by another CA, "
                    + "expired or not yet valid)") + " (TLS library: \(library))"
            )
        }
    }

    /// Our name check refused the agency's certificate (the chain was good): logged on the first refusal of a
    /// streak and every 30th.
    func refusedCertificate(_ reason: String) {
        stats.certificateRefusals += 1
        guard stats.certificateRefusals == 1 || stats.certificateRefusals % 30 == 0 else { return }
        logRefusal(reason)
    }

    private func logRefusal(_ reason: String) {
        logger.error(
            "handover \(endpoint.label): REFUSED the agency's certificate: \(reason); retrying every \(settings.retrySeconds) s",
            metadata: ["refusals": "\(stats.certificateRefusals)"]
        )
    }

    /// Connects once more to look at the chain the agency presents, and refuses it in the handshake (nothing is
    /// sent): a certificate outside its validity period is named, else the chain is not from the agency's CA.
    /// `report` gets nil when the agency could not be reached for that.
    private func diagnoseChain(_ report: @escaping (String?) -> Void) {
        guard let tlsContext else { return report(nil) }
        let serverName = settings.tls?.serverName ?? (TLSPeerIdentity.isAddress(endpoint.host) ? nil : endpoint.host)
        let loop = eventLoop
        let diagnosis = NIOLoopBoundBox<String?>(nil, eventLoop: loop)
        ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(
                        context: tlsContext,
                        serverHostname: serverName,
                        customVerificationCallback: { chain, promise in
                            diagnosis.value = Self.diagnose(chain, now: time(nil))
                            promise.succeed(.failed)
                        }
                    )
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .hop(to: loop)
            .whenComplete { result in
                guard case .success(let channel) = result else { return report(nil) }
                let giveUp = loop.scheduleTask(in: .seconds(10)) { channel.close(promise: nil) }
                channel.closeFuture.whenComplete { _ in giveUp.cancel() }
                channel.closeFuture.hop(to: loop).whenComplete { _ in report(diagnosis.value) }
            }
    }

    /// Which certificate of `chain` (leaf first) is outside its validity period at `now`; else the chain's issuer
    /// is not the agency's CA.
    static func diagnose(_ chain: [NIOSSLCertificate], now: time_t) -> String {
        for (depth, certificate) in chain.enumerated() {
            let which = depth == 0 ? "its certificate" : "certificate \(depth) of its chain"
            if certificate.notValidAfter < now {
                return "\(which) EXPIRED on \(utcText(certificate.notValidAfter))"
            }
            if certificate.notValidBefore > now {
                return "\(which) is NOT YET VALID (from \(utcText(certificate.notValidBefore)))"
            }
        }
        return "its certificate is not issued by the agency's CA (UNKNOWN CA: not signed by the --ca file)"
    }

    private static func utcText(_ seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        guard gmtime_r(&value, &parts) != nil else { return "\(seconds) s after the epoch" }
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

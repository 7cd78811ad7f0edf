import Logging
import NIOSSL

extension HandoverConnection {
    /// Why we refused the agency's certificate, when `error` is our own verification failing (not the agency
    /// refusing us, nor a network error).
    static func certificateRefusal(_ error: any Error) -> String? {
        guard case NIOSSLError.handshakeFailed(let failure) = error else { return nil }
        let text = "\(failure)"
        guard text.contains("CERTIFICATE_VERIFY_FAILED") else { return nil }
        return "its certificate did not verify against the agency's CA file (issued by another CA, expired or not "
            + "yet valid; TLS library: \(text))"
    }

    /// Logs that we refused the agency's certificate: the connection is closed and retried, records stay spooled.
    func refusedCertificate(_ reason: String) {
        stats.certificateRefusals += 1
        guard stats.certificateRefusals == 1 || stats.certificateRefusals % 30 == 0 else { return }
        logger.error(
            "handover \(endpoint.label): REFUSED the agency's certificate: \(reason); retrying every \(settings.retrySeconds) s",
            metadata: ["refusals": "\(stats.certificateRefusals)"]
        )
    }
}

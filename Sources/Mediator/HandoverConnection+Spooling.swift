import Logging
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a connection's spool refuses records, so capture must wait: the quota is reached, the file system is full,
/// or a write failed.
public struct SpoolBlock: Sendable, Equatable, CustomStringConvertible {
    /// The spool error's kind (`.quotaExceeded`, `.diskFull` or `.io`).
    public var code: SpoolError.Code
    /// What the spool said.
    public var message: String

    /// "spool quota reached", "disk full" or "spool write failed", with the spool's message.
    public var description: String {
        switch code {
        case .quotaExceeded: "spool quota reached (\(message))"
        case .diskFull: "disk full (\(message))"
        default: "spool write failed (\(message))"
        }
    }
}

extension HandoverConnection {
    /// Opens the spool, keeping in reserve on its file system enough for the records this connection may hold in
    /// memory (at most an eighth of the file system), and sizes the in-memory queue to fit that reserve and the
    /// segments so that acknowledged records free space on a small file system too.
    func openSpool() {
        do {
            let sizing = Self.sizing(for: settings.spoolDirectory, queueLimit: queueLimitBytes)
            let reserve = sizing.reserve
            let opened = try HandoverSpool(
                directory: settings.spoolDirectory,
                quotaBytes: settings.spoolQuotaBytes,
                segmentBytes: sizing.segment,
                reserveBytes: reserve
            )
            budget.lower(to: Int(min(Int64(queueLimitBytes), max(reserve / 2, 64 << 10))))
            if opened.unacknowledgedRecords > 0 {
                logger.notice(
                    "handover \(endpoint.label): \(opened.unacknowledgedRecords) records from an earlier run are spooled and will be sent"
                )
            }
            if opened.recoveredTruncatedBytes > 0 {
                logger.warning(
                    "handover \(endpoint.label): spool had a torn tail after a crash; \(opened.recoveredTruncatedBytes) bytes of an incomplete entry removed"
                )
            }
            spool = opened
        } catch {
            markUnusable("spool \(settings.spoolDirectory) unusable: \(error)")
        }
    }

    /// Moves chunks from memory into the spool, in order, as far as the quota and the disk allow. When the spool
    /// refuses one, the connection reports itself blocked (capture waits) and tries again every second and after
    /// every acknowledgement; once the queue is empty it reports itself unblocked.
    func spoolWaiting() {
        guard let spool else { return }
        while let bytes = waitingForQuota.first, let records = waitingRecords.first {
            let outcome = bytes.withUnsafeBytes { raw in
                Result { () throws(SpoolError) in try spool.append(raw, records: records, beyondLimits: limitsLifted) }
            }
            if case .failure(let error) = outcome {
                blockSpool(SpoolBlock(code: error.code, message: error.message))
                return
            }
            waitingForQuota.removeFirst()
            waitingRecords.removeFirst()
            stats.recordsQueued += records
            budget.release(bytes.count)
        }
        guard let block = stats.spoolBlock else { return }
        stats.spoolBlock = nil
        spoolRetry?.cancel()
        spoolRetry = nil
        logger.notice("handover \(endpoint.label): the spool takes records again (was: \(block)); capture resumes")
        onSpoolBlock(endpoint, nil)
    }

    private func blockSpool(_ block: SpoolBlock) {
        if stats.spoolBlock != block {
            let paused = stats.spoolBlock == nil ? "; capture waits, nothing is dropped" : ""
            logger.error("handover \(endpoint.label): \(block)\(paused)")
            stats.spoolBlock = block
            onSpoolBlock(endpoint, block)
        }
        guard spoolRetry == nil, !stopped else { return }
        spoolRetry = eventLoop.scheduleTask(in: .seconds(1)) {
            self.spoolRetry = nil
            self.spoolWaiting()
            self.pump()
        }
    }

    /// At the end of a run: writes what still waits in memory into the spool past its quota and reserve, so that
    /// every record produced is either delivered or spooled for the next run. What even that cannot write (the
    /// disk is full to the last byte) is counted as lost and logged.
    func spoolEverythingWaiting() {
        spoolRetry?.cancel()
        spoolRetry = nil
        while let bytes = waitingForQuota.popFirst(), let records = waitingRecords.popFirst() {
            budget.release(bytes.count)
            guard let spool else {
                stats.recordsLost += records
                continue
            }
            do {
                try bytes.withUnsafeBytes { try spool.append($0, records: records, beyondLimits: true) }
                stats.recordsQueued += records
            } catch {
                stats.recordsLost += records
                logger.critical(
                    "handover \(endpoint.label): \(records) records could not be spooled and are LOST: \(error)"
                )
            }
        }
        if stats.spoolBlock != nil {
            stats.spoolBlock = nil
            onSpoolBlock(endpoint, nil)
        }
    }

    /// How a spool in `directory` is sized for its file system: the reserve it keeps free (the in-memory queue's
    /// limit, at most an eighth of the file system) and its segment size (64 MiB, at most a sixteenth of the file
    /// system, at least 64 KiB: segments are freed whole once acknowledged).
    static func sizing(for directory: String, queueLimit: Int) -> (reserve: Int64, segment: Int) {
        var info = statvfs()
        var path = directory
        while statvfs(path, &info) != 0 {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
                guard statvfs(path.hasPrefix("/") ? "/" : ".", &info) == 0 else { return (Int64(queueLimit), 64 << 20) }
                break
            }
            path = String(path[..<slash])
        }
        let total = Int64(info.f_blocks) * Int64(info.f_frsize)
        let segment = Int(min(Int64(64 << 20), max(Int64(64 << 10), total / 16)))
        return (min(Int64(queueLimit), total / 8), segment)
    }
}

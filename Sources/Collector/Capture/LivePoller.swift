#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits until one of several live sources has frames, or a timeout passes.
struct LivePoller {
    private var descriptors: [pollfd]

    init(sources: [PcapSource]) {
        descriptors = sources.compactMap(\.selectableDescriptor).map {
            pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
        }
    }

    /// Blocks for at most `milliseconds`; returns early when a source is readable.
    mutating func wait(milliseconds: Int32) {
        if descriptors.isEmpty {
            usleep(UInt32(milliseconds) * 1000)
            return
        }
        _ = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
    }
}

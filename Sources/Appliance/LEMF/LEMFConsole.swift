#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the LEMF's lines to standard error, one `write` per line so that lines from the event loop and from the
/// signal handler never interleave.
enum LEMFConsole {
    /// Writes `line` and a newline to standard error.
    static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(2, buffer.baseAddress, buffer.count)
            }
            if written < 0 && errno == EINTR {
                continue
            }
            guard written > 0 else {
                return
            }
            offset += written
        }
    }
}

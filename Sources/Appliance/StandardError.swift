#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes lines to the process's standard error, one `write` per line so that lines from different threads (an
/// event loop, a signal handler) never interleave.
public enum StandardError {
    /// Writes `line` and a newline.
    public static func writeLine(_ line: String) {
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

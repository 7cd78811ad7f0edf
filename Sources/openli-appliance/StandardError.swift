#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes lines to the process's standard error.
enum StandardError {
    /// Writes `line` and a newline.
    static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(2, buffer.baseAddress, buffer.count)
            }
            guard written > 0 else {
                return
            }
            offset += written
        }
    }
}

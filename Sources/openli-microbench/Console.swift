#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole lines to standard output (results only) and standard error (progress, checksums, errors), one
/// `write` per line and unbuffered, so that the two streams keep their order when both go to a terminal.
enum Console {
    /// Writes `line` and a newline to standard output.
    static func result(_ line: String) {
        writeLine(line, to: 1)
    }

    /// Writes `line` and a newline to standard error.
    static func note(_ line: String) {
        writeLine(line, to: 2)
    }

    /// Ends the process with `status` (after a usage error, for example).
    static func terminate(_ status: Int32) -> Never {
        exit(status)
    }

    private static func writeLine(_ line: String, to descriptor: Int32) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress, buffer.count)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Who changes the store, recorded in every audit row.
public struct AuditActor: Sendable, Equatable {
    /// The operating-system user, with the invoking user appended as `" (sudo: name)"` under sudo.
    public var user: String
    /// The command line that made the change, as typed.
    public var command: String

    /// Creates an actor from explicit values.
    public init(user: String, command: String) {
        self.user = user
        self.command = command
    }

    /// The effective operating-system user of this process and the command line in `arguments`.
    ///
    /// The first argument is shortened to its last path component; arguments that a shell would split or expand are
    /// shown in single quotes.
    public static func current(arguments: [String]) -> AuditActor {
        var user = effectiveUserName()
        if let sudo = getenv("SUDO_USER").map({ String(cString: $0) }), !sudo.isEmpty {
            user += " (sudo: \(sudo))"
        }
        var words = arguments
        if let program = words.first, let slash = program.lastIndex(of: "/") {
            words[0] = String(program[program.index(after: slash)...])
        }
        return AuditActor(user: user, command: words.map(shellQuoted).joined(separator: " "))
    }

    private static func effectiveUserName() -> String {
        let uid = geteuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        let size = 4096
        var buffer = [CChar](repeating: 0, count: size)
        let status = getpwuid_r(uid, &entry, &buffer, size, &result)
        guard status == 0, result != nil, let name = entry.pw_name else {
            return "uid \(uid)"
        }
        return String(cString: name)
    }

    private static func shellQuoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9": return true
                case "-", "_", ".", "/", ":", "=", ",", "@", "+", "%": return true
                default: return false
                }
            }
        if plain {
            return word
        }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}

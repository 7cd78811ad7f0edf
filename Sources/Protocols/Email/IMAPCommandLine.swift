/// An IMAP command as the client sends it: its tag, its verb (in upper case, `UID` prefix dropped) and its arguments
/// (atoms, quoted strings unquoted, literals), assembled across the literals that interrupt its line.
struct IMAPCommandLine {
    /// The tag.
    var tag: [UInt8]
    /// The command name, in upper case.
    var verb: String
    /// The arguments read so far; parenthesised lists are skipped.
    var arguments: [[UInt8]] = []

    /// Starts a command from its first line (up to a literal marker, if any); nil when there is no tag and verb.
    init?(firstLine text: ArraySlice<UInt8>) {
        var words = IMAPCommandLine.tokens(text)
        guard words.count >= 2 else { return nil }
        tag = words.removeFirst()
        var verb = MailBytes.upperWord(words.removeFirst())
        if verb == "UID", !words.isEmpty { verb = MailBytes.upperWord(words.removeFirst()) }
        self.verb = verb
        arguments = words
    }

    /// Adds the text of a line that follows a literal.
    mutating func add(text: ArraySlice<UInt8>) {
        arguments += Self.tokens(text)
    }

    /// Splits arguments: atoms, quoted strings (unquoted, backslash escapes resolved); a parenthesised list is one
    /// empty argument.
    static func tokens(_ text: ArraySlice<UInt8>) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x20 {
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                var token: [UInt8] = []
                index += 1
                while index < text.endIndex, text[index] != UInt8(ascii: "\"") {
                    if text[index] == UInt8(ascii: "\\"), index + 1 < text.endIndex { index += 1 }
                    token.append(text[index])
                    index += 1
                }
                index += 1
                tokens.append(token)
            } else if byte == UInt8(ascii: "(") {
                var depth = 0
                repeat {
                    if text[index] == UInt8(ascii: "(") { depth += 1 }
                    if text[index] == UInt8(ascii: ")") { depth -= 1 }
                    index += 1
                } while index < text.endIndex && depth > 0
                tokens.append([])
            } else {
                let end = text[index...].firstIndex(of: 0x20) ?? text.endIndex
                tokens.append(Array(text[index..<end]))
                index = end
            }
        }
        return tokens
    }
}

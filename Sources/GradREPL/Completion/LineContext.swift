/// Where the cursor is in the code before it, as far as completion cares: in a comment, inside a
/// string (and what precedes the string), or among code, with the brackets still open. Only the
/// line being edited is read, so a string opened on an earlier line goes unseen.
struct LineContext {
    /// A string literal the cursor is inside.
    struct OpenString {
        /// Its quote (`'`, `"`, `'''` or `"""`).
        let quote: String
        /// What is typed inside it so far.
        let typed: String
        /// The code before it (before its prefix letters, `r`, `b`, `f`...).
        let before: String
    }

    private(set) var inComment = false
    private(set) var string: OpenString?
    /// The code before each bracket still open, innermost last, with the bracket itself.
    private(set) var openBrackets: [(bracket: Character, before: String)] = []

    init(_ text: String) {
        let chars = Array(text)
        var i = 0
        var quote: [Character] = [], raw = false, stringStart = 0, contentStart = 0
        while i < chars.count {
            let c = chars[i]
            if !quote.isEmpty {
                if c == "\\" && !raw {
                    i += 2
                } else if chars[i...].starts(with: quote) {
                    i += quote.count
                    quote = []
                } else {
                    i += 1
                }
                continue
            }
            switch c {
            case "#":
                inComment = true
                return
            case "'", "\"":
                quote = chars[i...].starts(with: [c, c, c]) ? [c, c, c] : [c]
                var prefixStart = i
                while prefixStart > 0, "rRbBfFuU".contains(chars[prefixStart - 1]) { prefixStart -= 1 }
                let prefix = chars[prefixStart..<i]
                let isPrefix = prefix.count <= 2 && (prefixStart == 0 || !chars[prefixStart - 1].isIdentifierCharacter)
                stringStart = isPrefix ? prefixStart : i
                raw = isPrefix && prefix.contains { $0 == "r" || $0 == "R" }
                contentStart = i + quote.count
                i = contentStart
            case "(", "[", "{":
                openBrackets.append((c, String(chars[..<i])))
                i += 1
            case ")", "]", "}":
                if !openBrackets.isEmpty { openBrackets.removeLast() }
                i += 1
            default:
                i += 1
            }
        }
        if !quote.isEmpty {
            string = OpenString(quote: String(quote), typed: String(chars[min(contentStart, chars.count)...]),
                                before: String(chars[..<stringStart]))
        }
    }
}

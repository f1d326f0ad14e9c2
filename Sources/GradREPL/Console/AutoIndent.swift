/// The indentation a new line of an unfinished block starts with at the `...` prompt: the indentation
/// of the statement before it, one level more after a line ending in `:`, one level less after
/// `return`, `pass`, `break`, `continue` or `raise`. Inside brackets the previous line's
/// indentation is kept (as CPython 3.13 and IPython do); inside an unclosed triple-quoted string
/// nothing is added, since spaces there would change the string.
enum AutoIndent {
    static let level = "    "

    private static let blockEnders: Set<Substring> = ["return", "pass", "break", "continue", "raise"]

    static func indentation(after lines: [String]) -> String {
        var scanner = Scanner()
        for line in lines { scanner.scan(line) }
        if scanner.quote != nil { return "" }
        guard let statement = scanner.lastStatement else { return "" }
        if scanner.depth > 0 || scanner.endsWithBackslash { return scanner.lastLineIndentation }
        var indentation = statement.indentation
        if statement.lastCharacter == ":" {
            indentation += level
        } else if blockEnders.contains(statement.firstWord) {
            indentation = dedented(indentation)
        }
        return indentation
    }

    /// One level less: four spaces, or a tab, off the end.
    private static func dedented(_ indentation: String) -> String {
        if indentation.hasSuffix(level) { return String(indentation.dropLast(level.count)) }
        if indentation.hasSuffix("\t") { return String(indentation.dropLast()) }
        return ""
    }

    /// Reads the lines as Python's tokenizer would as far as strings, comments, brackets and
    /// backslash continuations go, keeping what the last logical line started and ended with.
    private struct Scanner {
        struct Statement {
            var indentation: String
            var firstWord: Substring
            var lastCharacter: Character?
        }

        /// The open string's quote (`"`, `'`, `"""` or `'''`), or nil.
        var quote: String?
        /// How many brackets are open.
        var depth = 0
        var endsWithBackslash = false
        var lastStatement: Statement?
        var lastLineIndentation = ""

        mutating func scan(_ line: String) {
            let startsStatement = quote == nil && depth == 0 && !endsWithBackslash
            endsWithBackslash = false
            let indentation = String(line.prefix { $0 == " " || $0 == "\t" })
            let code = line.dropFirst(indentation.count)
            if startsStatement {
                if code.isEmpty || code.first == "#" { return }
                lastLineIndentation = indentation
                lastStatement = Statement(indentation: indentation, firstWord: code.prefix { $0.isLetter || $0.isNumber || $0 == "_" },
                                          lastCharacter: nil)
            } else if !code.isEmpty {
                lastLineIndentation = indentation
            }
            var index = code.startIndex
            while index < code.endIndex {
                let character = code[index]
                if let open = quote {
                    if character == "\\" {
                        index = code.index(after: index)
                        if index == code.endIndex { break }
                    } else if code[index...].hasPrefix(open) {
                        quote = nil
                        index = code.index(index, offsetBy: open.count)
                        lastStatement?.lastCharacter = character
                        continue
                    }
                    index = code.index(after: index)
                    continue
                }
                switch character {
                case "#":
                    return
                case "\"", "'":
                    let triple = String(repeating: character, count: 3)
                    let opened = code[index...].hasPrefix(triple) ? triple : String(character)
                    quote = opened
                    index = code.index(index, offsetBy: opened.count)
                    continue
                case "(", "[", "{":
                    depth += 1
                case ")", "]", "}":
                    depth = max(0, depth - 1)
                case "\\" where code.index(after: index) == code.endIndex:
                    endsWithBackslash = true
                    return
                default:
                    break
                }
                if character != " " && character != "\t" { lastStatement?.lastCharacter = character }
                index = code.index(after: index)
            }
            // A single-quoted string does not go on past its line.
            if quote?.count == 1 { quote = nil }
        }
    }
}

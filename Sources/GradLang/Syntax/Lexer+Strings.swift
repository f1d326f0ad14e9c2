/// String literal tokens. The lexer only finds where a literal ends (a backslash always escapes the
/// next character, even in raw strings, as in CPython); decoding escapes and splitting f-strings into
/// parts happens in the parser, which is also where CPython reports errors in them.
extension Lexer {
    /// Valid prefixes, in any letter case: r u f b br rb fr rf.
    func isStringPrefix(_ range: Range<Int>) -> Bool {
        guard range.count >= 1, range.count <= 2 else { return false }
        let letters = Set(range.map { Character(scalars[$0]).lowercased() })
        guard letters.count == range.count else { return false }
        switch letters {
        case ["r"], ["u"], ["f"], ["b"], ["b", "r"], ["f", "r"]: return true
        default: return false
        }
    }

    func readString(prefixStart: Int, quoteAt: Int) -> LexicalError? {
        var isRaw = false
        var isFormatted = false
        var isBytes = false
        for k in prefixStart..<quoteAt {
            switch scalars[k] {
            case "r", "R": isRaw = true
            case "f", "F": isFormatted = true
            case "b", "B": isBytes = true
            default: break
            }
        }
        let startLocation = location(ofIndex: prefixStart)
        let quote = scalars[quoteAt]
        let isTriple = quoteAt + 2 < end && scalars[quoteAt + 1] == quote && scalars[quoteAt + 2] == quote
        let quoteLength = isTriple ? 3 : 1
        i = quoteAt + quoteLength
        let bodyStart = i
        while true {
            guard i < end else {
                if isTriple {
                    return unterminated("unterminated triple-quoted string literal (detected at line \(source.lineCount))",
                                        at: startLocation, atEndOfInput: true)
                }
                return unterminated("unterminated string literal (detected at line \(line))",
                                    at: startLocation, atEndOfInput: false)
            }
            let c = scalars[i]
            if c == quote {
                if !isTriple || (i + 2 < end && scalars[i + 1] == quote && scalars[i + 2] == quote) {
                    let bodyEnd = i
                    i += quoteLength
                    let token = StringToken(isRaw: isRaw, isFormatted: isFormatted, isBytes: isBytes,
                                            quoteLength: quoteLength, bodyStart: bodyStart, bodyEnd: bodyEnd)
                    append(.string(token), from: prefixStart, to: i,
                           SourceRange(startLocation, location(ofIndex: i)))
                    return nil
                }
                i += 1
            } else if c == "\\" {
                i += 1
                if i < end {
                    if scalars[i] == "\n" { stepOverNewlineInString() } else { i += 1 }
                }
            } else if c == "\n" {
                if !isTriple {
                    return unterminated("unterminated string literal (detected at line \(line))",
                                        at: startLocation, atEndOfInput: false)
                }
                stepOverNewlineInString()
            } else {
                i += 1
            }
        }
    }

    func stepOverNewlineInString() {
        i += 1
        line += 1
        lineStart = i
    }

    func unterminated(_ message: String, at start: SourceLocation, atEndOfInput: Bool) -> LexicalError {
        LexicalError(
            error: SyntaxError(.syntaxError, message, line: start.line, column: start.column,
                               lineText: source.lineText(start.line)),
            takesPriority: true, atEndOfInput: atEndOfInput)
    }
}

extension SyntaxHighlighting {
    /// An f-string as CPython 3.12's tokenizer splits it: its prefix, quotes, literal text and
    /// format specs are string, the expressions of its replacement fields are coloured as code,
    /// and the braces, `=`, `!r` and `:` between stay plain.
    static func fStringSpans(_ token: Token, _ string: StringToken, in text: SourceText,
                             builtins: Set<String>) -> [HighlightSpan] {
        var k = string.bodyStart
        var spans = [HighlightSpan(.string, token.startIndex..<string.bodyStart)]
        spans += fStringText(&k, end: string.bodyEnd, isRaw: string.isRaw, inSpec: false, in: text, builtins: builtins)
        spans.append(HighlightSpan(.string, string.bodyEnd..<token.endIndex))
        return spans
    }

    /// Literal text and replacement fields from `k`: to `end` (an f-string's body), or in a format
    /// spec to the `}` that closes its field. `{{` and `}}` are literal text outside specs.
    private static func fStringText(_ k: inout Int, end: Int, isRaw: Bool, inSpec: Bool, in text: SourceText,
                                    builtins: Set<String>) -> [HighlightSpan] {
        let scalars = text.scalars
        var spans: [HighlightSpan] = []
        var literalStart = k
        while k < end {
            let c = scalars[k]
            if c == "\\" && !isRaw {
                // `\N{name}` is an escape, not a field.
                let named = k + 2 < end && scalars[k + 1] == "N" && scalars[k + 2] == "{"
                k += 2
                if named { while k < end && scalars[k - 1] != "}" { k += 1 } }
                continue
            }
            if c == "{" && !(k + 1 < end && scalars[k + 1] == "{" && !inSpec) {
                if k > literalStart { spans.append(HighlightSpan(.string, literalStart..<k)) }
                spans += replacementField(&k, end: end, isRaw: isRaw, in: text, builtins: builtins)
                literalStart = k
                continue
            }
            if c == "}" && inSpec { break }
            k += c == "{" || c == "}" ? 2 : 1
        }
        k = Swift.min(k, end)
        if k > literalStart { spans.append(HighlightSpan(.string, literalStart..<k)) }
        return spans
    }

    /// `{expression[=][!conversion][:spec]}` from the `{` at `k`, as far as it goes (the text
    /// may be unfinished: it is being typed).
    private static func replacementField(_ k: inout Int, end: Int, isRaw: Bool, in text: SourceText,
                                         builtins: Set<String>) -> [HighlightSpan] {
        let scalars = text.scalars
        k += 1
        let expressionStart = k
        var quote: (character: Unicode.Scalar, length: Int)?
        var depth = 0
        scanning: while k < end {
            let c = scalars[k]
            if let open = quote {
                let closes = c == open.character
                    && (open.length == 1 || k + 2 < end && scalars[k + 1] == c && scalars[k + 2] == c)
                if closes {
                    k += open.length
                    quote = nil
                } else {
                    k += 1
                }
                continue
            }
            switch c {
            case "'", "\"":
                let length = k + 2 < end && scalars[k + 1] == c && scalars[k + 2] == c ? 3 : 1
                quote = (c, length)
                k += length
                continue
            case "(", "[", "{": depth += 1
            case ")", "]": depth -= 1
            case "}":
                if depth == 0 { break scanning }
                depth -= 1
            case "!", ":", "=":
                guard depth == 0 else { break }
                // `!=` and `==` are operators, not the end of the expression.
                if c != ":" && k + 1 < end && scalars[k + 1] == "=" {
                    k += 2
                    continue
                }
                break scanning
            default: break
            }
            k += 1
        }
        let expression = Lexer.tokenizeFStringExpression(text, from: expressionStart, to: k).tokens
            .filter { $0.kind != .lexicalError && $0.kind != .endOfInput }
        var spans = classify(expression, in: text, builtins: builtins, bracketDepth: 1)
        if k < end && scalars[k] == "=" { k += 1 }
        if k < end && scalars[k] == "!" { k = Swift.min(k + 2, end) }
        if k < end && scalars[k] == ":" {
            k += 1
            spans += fStringText(&k, end: end, isRaw: isRaw, inSpec: true, in: text, builtins: builtins)
        }
        if k < end && scalars[k] == "}" { k += 1 }
        return spans
    }
}

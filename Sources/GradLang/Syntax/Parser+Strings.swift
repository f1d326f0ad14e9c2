/// String literals: adjacent literals are concatenated, escapes decoded, and f-strings split into
/// literal text and replacement fields, following CPython 3.11 (Parser/string_parser.c): a field's
/// expression is found by scanning for its end, then compiled as if written in parentheses.
/// Errors about a literal's contents are reported, as by CPython, at the token after the literals.
extension Parser {
    func parseStrings() throws(SyntaxError) -> Expr {
        let first = try token()
        var literals: [StringToken] = []
        var literalRanges: [SourceRange] = []
        while case .string(let literal) = try token().kind {
            literals.append(literal)
            literalRanges.append(try token().range)
            advance()
        }
        let after = try token()
        let bytesCount = literals.filter(\.isBytes).count
        if bytesCount == literals.count {
            var bytes: [UInt8] = []
            for (literal, literalRange) in zip(literals, literalRanges) {
                bytes += try decodeBytesLiteral(literal, at: literalRange, reportAt: after)
            }
            return Expr(.constant(.bytes(bytes)), range(from: first))
        }
        if bytesCount > 0 { throw error("cannot mix bytes and nonbytes literals", at: after) }

        var parts: [FStringPart] = []
        var isFormatted = false
        for literal in literals {
            if literal.isFormatted {
                isFormatted = true
                var k = literal.bodyStart
                parts += try parseFStringParts(&k, end: literal.bodyEnd, isRaw: literal.isRaw, level: 0, reportAt: after)
            } else {
                parts.append(.literal(try decodeLiteral(literal.bodyStart..<literal.bodyEnd, isRaw: literal.isRaw,
                                                        reportAt: after)))
            }
        }
        let merged = mergingLiterals(parts)
        if !isFormatted {
            if case .literal(let text)? = merged.first { return Expr(.constant(.string(text)), range(from: first)) }
            return Expr(.constant(.string("")), range(from: first))
        }
        return Expr(.formattedString(merged), range(from: first))
    }

    /// Joins neighbouring literal pieces and drops empty ones, as CPython's `JoinedStr` does.
    func mergingLiterals(_ parts: [FStringPart]) -> [FStringPart] {
        var merged: [FStringPart] = []
        for part in parts {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let before)? = merged.last {
                    merged[merged.count - 1] = .literal(before + text)
                    continue
                }
            }
            merged.append(part)
        }
        return merged
    }

    func decodeLiteral(_ range: Range<Int>, isRaw: Bool, reportAt after: Token) throws(SyntaxError) -> String {
        let body = source.scalars[range]
        if isRaw { return String(String.UnicodeScalarView(body)) }
        do {
            return try StringEscapes.decode(body)
        } catch {
            throw self.error(error.message, at: after)
        }
    }

    /// A bytes literal's value: ASCII characters only, and the escapes of CPython's `escape_decode`
    /// (no `\u`, `\U` or `\N`; an octal escape keeps its low 8 bits).
    func decodeBytesLiteral(_ literal: StringToken, at literalRange: SourceRange,
                            reportAt after: Token) throws(SyntaxError) -> [UInt8] {
        let body = source.scalars[literal.bodyStart..<literal.bodyEnd]
        guard body.allSatisfy(\.isASCII) else {
            throw error("bytes can only contain ASCII literal characters", at: literalRange)
        }
        if literal.isRaw { return body.map { UInt8($0.value) } }
        do {
            return try StringEscapes.decodeBytes(body)
        } catch {
            throw self.error(error.message, at: after)
        }
    }

    func fStringError(_ message: String, at after: Token) -> SyntaxError {
        error("f-string: " + message, at: after)
    }

    // MARK: - f-strings

    /// Literal text and replacement fields until the end of the string, or (in a format spec,
    /// `level` > 0) until the `}` that closes the field.
    func parseFStringParts(_ k: inout Int, end: Int, isRaw: Bool, level: Int,
                           reportAt after: Token) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        while true {
            let text = try scanFStringLiteral(&k, end: end, isRaw: isRaw, level: level, reportAt: after)
            if !text.isEmpty { parts.append(.literal(text)) }
            if k >= end || source.scalars[k] == "}" { break }
            parts += try parseReplacementField(&k, end: end, isRaw: isRaw, level: level, reportAt: after)
        }
        if level > 0 && (k >= end || source.scalars[k] != "}") {
            throw fStringError("expecting '}'", at: after)
        }
        return parts
    }

    /// Literal text up to a `{` (or a spec's closing `}`); `{{` and `}}` stand for single braces at
    /// the top level, and `\N{...}` is an escape, not a field.
    func scanFStringLiteral(_ k: inout Int, end: Int, isRaw: Bool, level: Int,
                            reportAt after: Token) throws(SyntaxError) -> String {
        let scalars = source.scalars
        var text = ""
        var chunkStart = k
        while k < end {
            let c = scalars[k]
            k += 1
            if !isRaw && c == "\\" && k < end {
                let escaped = scalars[k]
                k += 1
                if escaped == "N" && k < end {
                    let opensName = scalars[k] == "{"
                    k += 1
                    if opensName {
                        while k < end {
                            k += 1
                            if scalars[k - 1] == "}" { break }
                        }
                    }
                }
                continue
            }
            guard c == "{" || c == "}" else { continue }
            if level == 0 {
                if k < end && scalars[k] == c {
                    text += try decodeLiteral(chunkStart..<k, isRaw: isRaw, reportAt: after)
                    k += 1
                    chunkStart = k
                    continue
                }
                if c == "}" { throw fStringError("single '}' is not allowed", at: after) }
            }
            k -= 1
            break
        }
        text += try decodeLiteral(chunkStart..<k, isRaw: isRaw, reportAt: after)
        return text
    }

    /// `{expression[=][!conversion][:spec]}` starting at the `{` at `k`.
    func parseReplacementField(_ k: inout Int, end: Int, isRaw: Bool, level: Int,
                               reportAt after: Token) throws(SyntaxError) -> [FStringPart] {
        let scalars = source.scalars
        if level >= 2 { throw fStringError("expressions nested too deeply", at: after) }
        k += 1
        let expressionStart = k
        var quote: Unicode.Scalar?
        var quoteLength = 0
        var openBrackets: [Unicode.Scalar] = []
        scanning: while k < end {
            let c = scalars[k]
            if c == "\\" { throw error("f-string expression part cannot include a backslash", at: after) }
            if let q = quote {
                if c == q {
                    if quoteLength == 3 {
                        if k + 2 < end && scalars[k + 1] == c && scalars[k + 2] == c {
                            k += 2
                            quote = nil
                        }
                    } else {
                        quote = nil
                    }
                }
                k += 1
                continue
            }
            if openBrackets.isEmpty && ["!", ":", "}", "=", "<", ">"].contains(c) {
                if k + 1 < end, scalars[k + 1] == "=", c == "!" || c == "=" || c == "<" || c == ">" {
                    k += 2  // != == <= >= are operators, not the end of the expression
                    continue
                }
                if c != "<" && c != ">" { break scanning }
                k += 1
                continue
            }
            switch c {
            case "'", "\"":
                quoteLength = k + 2 < end && scalars[k + 1] == c && scalars[k + 2] == c ? 3 : 1
                k += quoteLength
                quote = c
                continue
            case "(", "[", "{":
                if openBrackets.count >= Lexer.maximumBracketDepth {
                    throw fStringError("too many nested parenthesis", at: after)
                }
                openBrackets.append(c)
            case "#":
                throw error("f-string expression part cannot include '#'", at: after)
            case ")", "]", "}":
                guard let open = openBrackets.popLast() else {
                    throw fStringError("unmatched '\(c)'", at: after)
                }
                let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
                if c != expected {
                    throw fStringError("closing parenthesis '\(c)' does not match opening parenthesis '\(open)'",
                                       at: after)
                }
            default:
                break
            }
            k += 1
        }
        let expressionEnd = k
        if quote != nil { throw fStringError("unterminated string", at: after) }
        if let open = openBrackets.last { throw fStringError("unmatched '\(open)'", at: after) }
        if k >= end { throw fStringError("expecting '}'", at: after) }

        let expression = try parseFieldExpression(expressionStart..<expressionEnd, reportAt: after)

        var parts: [FStringPart] = []
        var isDebug = false
        if scalars[k] == "=" {
            // `{x=}` shows the expression's text, then its repr by default.
            k += 1
            while k < end, [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains(scalars[k]) { k += 1 }
            if k >= end { throw fStringError("expecting '}'", at: after) }
            parts.append(.literal(source.text(from: expressionStart, to: k)))
            isDebug = true
        }
        var conversion: FormattedValue.Conversion?
        if scalars[k] == "!" {
            k += 1
            if k >= end { throw fStringError("expecting '}'", at: after) }
            guard let chosen = FormattedValue.Conversion(rawValue: String(Character(scalars[k]))) else {
                throw fStringError("invalid conversion character: expected 's', 'r', or 'a'", at: after)
            }
            conversion = chosen
            k += 1
        }
        var formatSpec: [FStringPart]?
        if k < end && scalars[k] == ":" {
            k += 1
            if k >= end { throw fStringError("expecting '}'", at: after) }
            formatSpec = try parseFStringParts(&k, end: end, isRaw: isRaw, level: level + 1, reportAt: after)
        }
        if k >= end || scalars[k] != "}" { throw fStringError("expecting '}'", at: after) }
        k += 1
        if isDebug && conversion == nil && formatSpec == nil { conversion = .repr }
        parts.append(.replacement(FormattedValue(expression: expression, conversion: conversion,
                                                 formatSpec: formatSpec)))
        return parts
    }

    /// Parses a replacement field's expression with its own lexer and parser over the same source,
    /// so its nodes carry their real positions.
    func parseFieldExpression(_ range: Range<Int>, reportAt after: Token) throws(SyntaxError) -> Expr {
        let scalars = source.scalars
        if range.allSatisfy({ [" ", "\t", "\n", "\u{0C}"].contains(scalars[$0]) }) {
            let next = scalars[range.upperBound]
            if next == "!" || next == ":" || next == "=" {
                throw fStringError("expression required before '\(next)'", at: after)
            }
            throw fStringError("empty expression not allowed", at: after)
        }
        let lexed = Lexer.tokenizeFStringExpression(source, from: range.lowerBound, to: range.upperBound)
        let parser = Parser(source: source, lexed: lexed, isFStringExpression: true)
        parser.nesting = nesting
        do throws(SyntaxError) {
            // CPython's field is `yield_expr | star_expressions`.
            let expression = try parser.parseStarExpressionsOrYield()
            guard case .endOfInput = try parser.token().kind else { throw parser.failHere() }
            return expression
        } catch {
            // As for a whole file, a tokenizer error later in the field wins.
            throw parser.reportedError(for: error, interactive: false)
        }
    }
}

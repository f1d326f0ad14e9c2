/// Why the lexer stopped before the end of the source.
public struct LexicalError: Sendable {
    public var error: SyntaxError
    /// CPython's tokenizer raises these (bad literals, stray non-ASCII characters, unterminated strings,
    /// unmatched brackets) as soon as it meets them; after a parse error it tokenizes the rest of the
    /// file and reports such an error instead. Indentation and backslash errors do not take priority.
    public var takesPriority: Bool
    /// The input ended where more lines could complete it (open bracket, triple-quoted string,
    /// trailing backslash): the REPL asks for another line instead of reporting it.
    public var atEndOfInput: Bool
    /// For "'(' was never closed": the bracket's line. CPython reports this instead of a parse error
    /// found on a later line.
    public var unclosedBracketLine: Int?
}

public struct LexResult: Sendable {
    /// Tokens up to the end of input, or up to a final `.lexicalError` token when `error` is set.
    public var tokens: [Token]
    public var error: LexicalError?
}

/// Turns source into tokens with CPython's rules: INDENT/DEDENT from a stack of indentation widths
/// (tabs to multiples of 8, checked against tabs counted as 1 for TabError), NEWLINE only outside
/// brackets and never for blank or comment-only lines, backslash continuation, maximal munch for
/// operators. Every token records its 1-based range.
public final class Lexer {
    /// CPython's limits: `MAXLEVEL` brackets, `MAXINDENT` indentation levels.
    static let maximumBracketDepth = 200
    static let maximumIndentDepth = 100

    let source: SourceText
    let scalars: [Unicode.Scalar]
    let end: Int
    /// In an f-string expression the text is inside an implicit pair of parentheses (CPython compiles
    /// `(expr)`), so there are no NEWLINE or INDENT tokens.
    let isFStringExpression: Bool

    var i: Int
    var line: Int
    var lineStart: Int
    var atLineStart = true
    var indentWidths = [0]
    var alternateIndentWidths = [0]
    var brackets: [(character: Unicode.Scalar, location: SourceLocation)] = []
    var tokens: [Token] = []
    /// Where a comment began on the current line: CPython's NEWLINE token starts there.
    var commentStart: Int?

    /// Tokenizes a whole source text.
    public static func tokenize(_ source: SourceText) -> LexResult {
        Lexer(source: source, from: 0, to: source.scalars.count, isFStringExpression: false).run()
    }

    /// Tokenizes `start..<end` of `source` as the expression of an f-string replacement field.
    static func tokenizeFStringExpression(_ source: SourceText, from start: Int, to end: Int) -> LexResult {
        Lexer(source: source, from: start, to: end, isFStringExpression: true).run()
    }

    init(source: SourceText, from start: Int, to end: Int, isFStringExpression: Bool) {
        self.source = source
        self.scalars = source.scalars
        self.end = min(end, source.scalars.count)
        self.isFStringExpression = isFStringExpression
        self.i = start
        let location = source.location(ofIndex: start)
        self.line = location.line
        self.lineStart = start - (location.column - 1)
        self.atLineStart = !isFStringExpression
        // Typical code has a token every three to four characters.
        tokens.reserveCapacity((self.end - start) / 3 + 8)
    }

    // MARK: - The main loop

    func run() -> LexResult {
        if !isFStringExpression, let nul = scalars.firstIndex(of: "\0") {
            let at = source.location(ofIndex: nul)
            return stop(LexicalError(
                error: SyntaxError(.syntaxError, "source code cannot contain null bytes",
                                   line: at.line, column: at.column, lineText: source.lineText(at.line)),
                takesPriority: true, atEndOfInput: false))
        }
        while true {
            if atLineStart {
                atLineStart = false
                if let failure = readIndentation() { return stop(failure) }
            }
            skipSpaces()
            guard i < end else { return finish() }
            let c = scalars[i]
            if c == "#" {
                commentStart = i
                while i < end && scalars[i] != "\n" { i += 1 }
                continue
            }
            if c == "\n" {
                if !brackets.isEmpty || isFStringExpression {
                    consumeNewline()  // implicit line joining
                    continue
                }
                if lastTokenEndsLine {
                    consumeNewline()  // a blank line: no NEWLINE token
                    atLineStart = true
                    continue
                }
                let newlineColumn = i - lineStart + 1
                let startColumn = commentStart.map { $0 - lineStart + 1 } ?? newlineColumn
                append(.newline, from: commentStart ?? i, to: i,
                       SourceRange(location(startColumn), location(newlineColumn)), text: "")
                consumeNewline()
                atLineStart = true
                continue
            }
            commentStart = nil
            if c == "\\" {
                if let failure = continueLine() { return stop(failure) }
                continue
            }
            if let failure = readToken(startingWith: c) { return stop(failure) }
        }
    }

    /// True when no token has been emitted since the last NEWLINE (so a newline here is a blank line).
    var lastTokenEndsLine: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .newline, .indent, .dedent: return true
        default: return false
        }
    }

    func readToken(startingWith c: Unicode.Scalar) -> LexicalError? {
        if isIdentifierStart(c) { return readNameOrPrefixedString() }
        if c == "\"" || c == "'" { return readString(prefixStart: i, quoteAt: i) }
        if isDigit(c) || (c == "." && i + 1 < end && isDigit(scalars[i + 1])) { return readNumber() }
        return readOperator()
    }

    func skipSpaces() {
        while i < end, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\u{0C}" { i += 1 }
    }

    func consumeNewline() {
        i += 1
        line += 1
        lineStart = i
        commentStart = nil
    }

    func location(_ column: Int) -> SourceLocation { SourceLocation(line: line, column: column) }
    func location(ofIndex index: Int) -> SourceLocation { location(index - lineStart + 1) }

    func append(_ kind: TokenKind, from start: Int, to stop: Int, _ range: SourceRange, text: String? = nil) {
        tokens.append(Token(kind: kind, text: text ?? source.text(from: start, to: stop), range: range,
                            startIndex: start, endIndex: stop))
    }

    /// Appends a token that started at `start` on the current line and ends at `i`.
    func appendOnLine(_ kind: TokenKind, from start: Int) {
        append(kind, from: start, to: i, SourceRange(location(ofIndex: start), location(ofIndex: i)))
    }

    func error(_ message: String, kind: SyntaxError.Kind = .syntaxError, column: Int,
               endColumn: Int? = nil, line errorLine: Int? = nil) -> SyntaxError {
        let n = errorLine ?? line
        return SyntaxError(kind, message, line: n, column: column, endColumn: endColumn,
                           lineText: source.lineText(n))
    }

    func stop(_ failure: LexicalError) -> LexResult {
        let at = SourceLocation(line: failure.error.line, column: failure.error.column)
        tokens.append(Token(kind: .lexicalError, text: "", range: SourceRange(at, at),
                            startIndex: i, endIndex: i))
        return LexResult(tokens: tokens, error: failure)
    }

    // MARK: - Line structure

    /// Backslash-newline joins lines; anything else after the backslash is an error.
    func continueLine() -> LexicalError? {
        let backslash = i
        if backslash + 1 < end && scalars[backslash + 1] == "\n" {
            i += 1
            consumeNewline()
            if i < end { return nil }
        } else if backslash + 1 < end {
            return LexicalError(
                error: error("unexpected character after line continuation character",
                             column: backslash - lineStart + 2),
                takesPriority: false, atEndOfInput: false)
        }
        // A backslash ends the input: CPython reports it only when the parser gets there.
        if let unclosed = unclosedBracketError() { return unclosed }
        let lineOfBackslash = source.location(ofIndex: backslash).line
        return LexicalError(
            error: error("unexpected EOF while parsing", column: source.lineLength(lineOfBackslash) + 1,
                         line: lineOfBackslash),
            takesPriority: false, atEndOfInput: true)
    }

    /// At the start of a line: measure its indentation, skip it entirely if it is blank or only a
    /// comment, else emit INDENT or DEDENTs against the stack of open indentation widths.
    func readIndentation() -> LexicalError? {
        guard brackets.isEmpty else { return nil }
        var width = 0
        var alternateWidth = 0
        var continuedWidth: Int?
        let lineBegin = i
        while i < end {
            let c = scalars[i]
            if c == "\\" {
                // A backslash in the indentation joins the next line; the first one decides the
                // indentation (CPython's `cont_line_col`).
                if continuedWidth == nil && width > 0 { continuedWidth = width }
                if let failure = continueLine() { return failure }
                continue
            } else if c == " " {
                width += 1
                alternateWidth += 1
            } else if c == "\t" {
                width = (width / 8 + 1) * 8
                alternateWidth += 1
            } else if c == "\u{0C}" {
                width = 0
                alternateWidth = 0
            } else {
                break
            }
            i += 1
        }
        if i >= end || scalars[i] == "#" || scalars[i] == "\n" {
            return nil  // blank or comment-only line: no effect on indentation
        }
        if let continuedWidth {
            width = continuedWidth
            alternateWidth = continuedWidth
        }
        let current = indentWidths[indentWidths.count - 1]
        let currentAlternate = alternateIndentWidths[alternateIndentWidths.count - 1]
        var inconsistent: LexicalError {
            LexicalError(error: error("inconsistent use of tabs and spaces in indentation", kind: .tabError, column: 1),
                         takesPriority: false, atEndOfInput: false)
        }
        if width == current {
            if alternateWidth != currentAlternate { return inconsistent }
        } else if width > current {
            if indentWidths.count >= Lexer.maximumIndentDepth {
                return LexicalError(
                    error: error("too many levels of indentation", kind: .indentationError, column: 1),
                    takesPriority: false, atEndOfInput: false)
            }
            if alternateWidth <= currentAlternate { return inconsistent }
            indentWidths.append(width)
            alternateIndentWidths.append(alternateWidth)
            append(.indent, from: lineBegin, to: i,
                   SourceRange(location(1), location(ofIndex: i)))
        } else {
            var dedents = 0
            while indentWidths.count > 1 && width < indentWidths[indentWidths.count - 1] {
                indentWidths.removeLast()
                alternateIndentWidths.removeLast()
                dedents += 1
            }
            if width != indentWidths[indentWidths.count - 1] {
                return LexicalError(
                    error: error("unindent does not match any outer indentation level", kind: .indentationError,
                                 column: source.lineLength(line) + 1),
                    takesPriority: false, atEndOfInput: false)
            }
            if alternateWidth != alternateIndentWidths[alternateIndentWidths.count - 1] { return inconsistent }
            let here = location(ofIndex: i)
            for _ in 0..<dedents {
                append(.dedent, from: i, to: i, SourceRange(here, here), text: "")
            }
        }
        return nil
    }

    /// End of input: an implicit NEWLINE if the last line had tokens, DEDENTs, then ENDMARKER —
    /// all at the end of the last line, where CPython reports errors about the end of input.
    func finish() -> LexResult {
        if let unclosed = unclosedBracketError() { return stop(unclosed) }
        let lastLine = isFStringExpression ? line : source.lineCount
        let endOfLastLine = SourceLocation(
            line: lastLine, column: isFStringExpression ? i - lineStart + 1 : source.lineLength(lastLine) + 1)
        let endRange = SourceRange(endOfLastLine, endOfLastLine)
        if !isFStringExpression && !lastTokenEndsLine {
            let start = commentStart.map { source.location(ofIndex: $0) } ?? endOfLastLine
            append(.newline, from: commentStart ?? i, to: i, SourceRange(start, endOfLastLine), text: "")
        }
        for _ in 1..<indentWidths.count {
            append(.dedent, from: i, to: i, endRange, text: "")
        }
        indentWidths = [0]
        append(.endOfInput, from: i, to: i, endRange, text: "")
        return LexResult(tokens: tokens, error: nil)
    }

    /// "'(' was never closed" for the innermost open bracket, if any.
    func unclosedBracketError() -> LexicalError? {
        guard let open = brackets.last else { return nil }
        return LexicalError(
            error: SyntaxError(.syntaxError, "'\(open.character)' was never closed",
                               line: open.location.line, column: open.location.column,
                               lineText: source.lineText(open.location.line)),
            takesPriority: false, atEndOfInput: true, unclosedBracketLine: open.location.line)
    }

    // MARK: - Names and operators

    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// CPython starts a name at any non-ASCII character and checks it afterwards, so that stray
    /// characters get "invalid character" rather than a generic error.
    func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || c.value >= 128
    }

    func isIdentifierCharacter(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }

    func readNameOrPrefixedString() -> LexicalError? {
        let start = i
        var sawNonASCII = false
        while i < end && isIdentifierCharacter(scalars[i]) {
            if scalars[i].value >= 128 { sawNonASCII = true }
            i += 1
        }
        if i < end, scalars[i] == "\"" || scalars[i] == "'", isStringPrefix(start..<i) {
            return readString(prefixStart: start, quoteAt: i)
        }
        if sawNonASCII, let bad = scalars[start..<i].firstNonIdentifierIndex {
            let c = scalars[bad]
            let hex = String(c.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let message = c.isPythonPrintable ? "invalid character '\(c)' (U+\(code))"
                                         : "invalid non-printable character U+\(code)"
            return LexicalError(error: error(message, column: bad - lineStart + 1),
                                takesPriority: true, atEndOfInput: false)
        }
        let text = source.text(from: start, to: i)
        appendOnLine(Keyword(rawValue: text).map(TokenKind.keyword) ?? .name, from: start)
        return nil
    }

    func readOperator() -> LexicalError? {
        let start = i
        for (spelling, op) in Operator.byFirstCharacter[scalars[i]] ?? [] where matches(spelling, at: i) {
            i += spelling.count
            if let failure = trackBracket(op, at: start) { return failure }
            appendOnLine(.op(op), from: start)
            return nil
        }
        i += 1
        appendOnLine(.strayCharacter, from: start)
        return nil
    }

    func matches(_ spelling: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + spelling.count <= end else { return false }
        for k in 0..<spelling.count where scalars[index + k] != spelling[k] { return false }
        return true
    }

    /// Keeps the stack of open brackets: NEWLINE is suppressed inside them, and CPython checks
    /// nesting depth and matching here, in the tokenizer.
    func trackBracket(_ op: Operator, at start: Int) -> LexicalError? {
        let c = scalars[start]
        switch op {
        case .leftParen, .leftBracket, .leftBrace:
            if brackets.count >= Lexer.maximumBracketDepth {
                return LexicalError(error: error("too many nested parentheses", column: start - lineStart + 1),
                                    takesPriority: true, atEndOfInput: false)
            }
            brackets.append((c, location(ofIndex: start)))
        case .rightParen, .rightBracket, .rightBrace:
            let column = start - lineStart + 1
            guard let open = brackets.popLast() else {
                return LexicalError(error: error("unmatched '\(c)'", column: column),
                                    takesPriority: true, atEndOfInput: false)
            }
            let expected: Unicode.Scalar = open.character == "(" ? ")" : open.character == "[" ? "]" : "}"
            if c != expected {
                var message = "closing parenthesis '\(c)' does not match opening parenthesis '\(open.character)'"
                if open.location.line != line { message += " on line \(open.location.line)" }
                return LexicalError(error: error(message, column: column), takesPriority: true, atEndOfInput: false)
            }
        default:
            break
        }
        return nil
    }
}

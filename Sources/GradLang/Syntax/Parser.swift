/// A hand-written recursive-descent parser over the token array, one method per grammar rule of
/// `grammar/grad.ebnf`. Binary operator chains are parsed by loops, and every construct that nests
/// the tree deeper counts against `maximumNesting`, so no input can exhaust the stack (CPython gives
/// up near the same depth with a RecursionError).
final class Parser {
    static let maximumNesting = 1000

    let source: SourceText
    let tokens: [Token]
    let lexicalError: LexicalError?
    /// Errors of an f-string's expression get CPython 3.11's "f-string: " prefix.
    let isFStringExpression: Bool

    var position = 0
    /// Open (), [], {} around the current token, as CPython's tokenizer counts them: "Perhaps you
    /// forgot a comma?" is only suggested inside brackets.
    var bracketDepth: Int
    /// How deep the tree being built is (recursion plus left-nested chains).
    var nesting = 0
    /// Set when the parse failed because the input ended: the REPL's "needs more lines".
    var failedAtEndOfInput = false
    /// The furthest token the parser has reached, kept across backtracking but not counting the
    /// look-ahead of diagnostics: CPython reports "invalid syntax" there (the furthest token its
    /// first pass fetched).
    var furthest = 0
    /// The furthest token looked at by anything, diagnostics included: CPython compares its line
    /// with an unclosed bracket's to decide which error to report.
    var furthestFetched = 0
    /// Set while a diagnostic looks ahead for a better message (CPython's second-pass rules).
    var isDiagnosing = false
    /// Ranges of expressions written in parentheses. The tree drops the parentheses, but CPython's
    /// hints depend on them: `(a < b) = 1` is "cannot assign to comparison here. Maybe ...".
    var parenthesized: Set<SourceRange> = []
    /// Ranges of tuples written with their own parentheses, `(a, b)` rather than `a, b`.
    var parenthesizedTuples: Set<SourceRange> = []
    /// Parsing a file or a pipe (`python3 FILE`) rather than a string (`-c`, the REPL): CPython's
    /// file tokenizer gives the tokens that end the input no column.
    var readsFile = false

    init(source: SourceText, lexed: LexResult, isFStringExpression: Bool = false) {
        self.source = source
        self.tokens = lexed.tokens
        self.lexicalError = lexed.error
        self.isFStringExpression = isFStringExpression
        self.bracketDepth = isFStringExpression ? 1 : 0
    }

    // MARK: - Looking at tokens

    /// The current token. Reaching the token where the lexer stopped raises the lexer's error, as
    /// CPython's parser does when it asks its tokenizer for that token.
    func token() throws(SyntaxError) -> Token {
        try token(at: position)
    }

    func token(at index: Int) throws(SyntaxError) -> Token {
        let clamped = min(index, tokens.count - 1)
        if !isDiagnosing && clamped > furthest { furthest = clamped }
        if clamped > furthestFetched { furthestFetched = clamped }
        let t = tokens[clamped]
        if case .lexicalError = t.kind, let lexicalError { throw lexicalError.error }
        return t
    }

    /// The token after the current one (for two-token decisions such as `name =` in arguments).
    func nextToken() throws(SyntaxError) -> Token {
        try token(at: position + 1)
    }

    func advance() {
        if position < tokens.count - 1 { position += 1 }
        if !isDiagnosing { furthest = max(furthest, position) }
        furthestFetched = max(furthestFetched, position)
    }

    /// The token just consumed.
    var previous: Token { tokens[max(0, position - 1)] }

    func at(_ op: Operator) throws(SyntaxError) -> Bool { try token().isOperator(op) }
    func at(anyOf ops: Operator...) throws(SyntaxError) -> Bool {
        let t = try token()
        return ops.contains { t.isOperator($0) }
    }
    func at(_ keyword: Keyword) throws(SyntaxError) -> Bool { try token().isKeyword(keyword) }

    /// Consumes `op` if it is next.
    func accept(_ op: Operator) throws(SyntaxError) -> Bool {
        guard try at(op) else { return false }
        advance()
        return true
    }

    func accept(_ keyword: Keyword) throws(SyntaxError) -> Bool {
        guard try at(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes `op` or fails with "invalid syntax" at the current token.
    func expect(_ op: Operator) throws(SyntaxError) -> Token {
        let t = try token()
        guard t.isOperator(op) else { throw failHere() }
        advance()
        return t
    }

    func expect(_ keyword: Keyword) throws(SyntaxError) -> Token {
        let t = try token()
        guard t.isKeyword(keyword) else { throw failHere() }
        advance()
        return t
    }

    /// CPython's forced tokens (`&&':'` in its grammar): "expected ':'" at the current token.
    func expectForced(_ op: Operator) throws(SyntaxError) -> Token {
        let t = try token()
        guard t.isOperator(op) else { throw failHere("expected '\(op.rawValue)'") }
        advance()
        return t
    }

    func expectName() throws(SyntaxError) -> Token {
        let t = try token()
        guard t.isName else { throw failHere() }
        advance()
        return t
    }

    // MARK: - Errors

    /// An error at the current token (by default CPython's generic "invalid syntax", which goes
    /// where parsing got furthest: `with (a as b) as c:` fails at the second `as`).
    func failHere(_ message: String = "invalid syntax",
                  _ kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        // While diagnosing, the first pass's furthest token stands (CPython's second pass reports
        // generic errors where its first pass stopped).
        let reached = isDiagnosing ? furthest : max(position, furthest)
        let index = message == "invalid syntax" ? reached : position
        let t = tokens[min(index, tokens.count - 1)]
        if case .lexicalError = t.kind, let lexicalError { return lexicalError.error }
        if isAtEndOfInput(reached) { failedAtEndOfInput = true }
        if message == "invalid syntax" {
            // Where nothing fits an INDENT or DEDENT, CPython names it.
            if case .indent = t.kind { return error("unexpected indent", .indentationError, at: t) }
            if case .dedent = t.kind, !isAtEndOfInput(index) {
                return error("unexpected unindent", .indentationError, at: t)
            }
        }
        return error(message, kind, at: t)
    }

    /// Looks ahead for a diagnostic (CPython's second-pass rules): runs `body`, then goes back to
    /// where it started whatever happened, and returns its result, or nil if it failed. Its tokens do
    /// not count as progress for "invalid syntax"; reaching the lexer's error token is still final.
    func lookAhead<T>(_ body: (Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> T? {
        let saved = checkpoint
        let wasDiagnosing = isDiagnosing
        isDiagnosing = true
        defer {
            isDiagnosing = wasDiagnosing
            restore(saved)
        }
        do {
            return try body(self)
        } catch {
            if let lexicalError, error == lexicalError.error { throw error }
            return nil
        }
    }

    /// An error pointing at a token, with CPython's positions for the synthetic tokens: INDENT and
    /// DEDENT point at the last character of the indentation.
    func error(_ message: String, _ kind: SyntaxError.Kind = .syntaxError, at t: Token) -> SyntaxError {
        switch t.kind {
        case .indent:
            let column = max(1, t.range.end.column - 1)
            return error(message, kind, from: SourceLocation(line: t.start.line, column: column), to: nil)
        case .dedent where t.range.start != tokens[tokens.count - 1].range.start:
            let column = max(1, t.start.column - 1)
            return error(message, kind, from: SourceLocation(line: t.start.line, column: column), to: nil)
        case .dedent where readsFile, .endOfInput where readsFile:
            return error(message, kind, from: SourceLocation(line: t.start.line, column: 0), to: nil)
        default:
            return error(message, kind, from: t.range.start, to: t.range.end)
        }
    }

    func error(_ message: String, _ kind: SyntaxError.Kind = .syntaxError, at range: SourceRange) -> SyntaxError {
        error(message, kind, from: range.start, to: range.end)
    }

    func error(_ message: String, _ kind: SyntaxError.Kind, from start: SourceLocation,
               to end: SourceLocation?) -> SyntaxError {
        prefixed(SyntaxError(kind, message, line: start.line, column: start.column,
                             endLine: end?.line, endColumn: end?.column, lineText: source.lineText(start.line)))
    }

    func prefixed(_ e: SyntaxError) -> SyntaxError {
        guard isFStringExpression, !e.message.hasPrefix("f-string") else { return e }
        var e = e
        e.message = "f-string: " + e.message
        return e
    }

    /// True at the end-of-input token or a DEDENT that only more DEDENTs and the end follow.
    func isAtEndOfInput(_ index: Int) -> Bool {
        var k = index
        while k < tokens.count {
            switch tokens[k].kind {
            case .endOfInput: return true
            case .dedent: k += 1
            default: return false
            }
        }
        return false
    }

    // MARK: - Depth and backtracking

    /// Counts one more level of tree depth; past the limit the parse stops with a SyntaxError
    /// instead of overflowing the stack here or in whatever walks the tree later.
    func deeper() throws(SyntaxError) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error("too many nested expressions", at: tokens[position])
        }
    }

    struct Checkpoint {
        var position: Int
        var nesting: Int
        var bracketDepth: Int
        var failedAtEndOfInput: Bool
    }

    var checkpoint: Checkpoint {
        Checkpoint(position: position, nesting: nesting, bracketDepth: bracketDepth,
                   failedAtEndOfInput: failedAtEndOfInput)
    }

    /// Goes back after a speculative parse (CPython's PEG parser backtracks the same way).
    func restore(_ c: Checkpoint) {
        position = c.position
        nesting = c.nesting
        bracketDepth = c.bracketDepth
        failedAtEndOfInput = c.failedAtEndOfInput
    }

    /// Runs `body` speculatively: on a SyntaxError goes back to where it started and returns nil.
    /// Reaching the lexer's error token is final, as it is for CPython's parser.
    func attempt<T>(_ body: (Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> T? {
        let saved = checkpoint
        do {
            return try body(self)
        } catch {
            if let lexicalError, error == lexicalError.error { throw error }
            restore(saved)
            return nil
        }
    }

    // MARK: - Ranges

    func range(from start: Token) -> SourceRange {
        SourceRange(start.range.start, previous.range.end)
    }
}

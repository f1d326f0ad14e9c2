/// The front end's entry points: source text in, a `Module` or a `SyntaxError` out.

/// What a REPL chunk amounts to so far.
public enum ParseOutcome: Sendable {
    /// Ready to run.
    case complete(Module)
    /// Fine so far, but the input stops inside something (an open bracket, a block header with
    /// nothing after it, a triple-quoted string, a trailing backslash, a block not yet ended by a
    /// blank line): the REPL should read another line.
    case incomplete
    case error(SyntaxError)
}

/// Parses a whole file (or `-c` code). Errors are those CPython 3.11 reports for the same text.
public func parseModule(source: String, filename: String = "<string>") throws(SyntaxError) -> Module {
    try parseModule(SourceText(source, filename: filename))
}

/// Parses already-decoded source (see `SourceText(utf8:filename:)` for bytes read from a file).
/// `readFromFile`: the text is a script file or piped stdin, which CPython tokenizes as a file
/// (an error where the input ends then points at no column) rather than as a string.
public func parseModule(_ source: SourceText, readFromFile: Bool = false) throws(SyntaxError) -> Module {
    let result: Result<Module, SyntaxError> = LargeStack.run {
        let parser = Parser(source: source, lexed: Lexer.tokenize(source))
        parser.readsFile = readFromFile
        let module: Module
        do throws(SyntaxError) {
            module = try parser.parseFile()
        } catch {
            return .failure(parser.reportedError(for: error, interactive: false))
        }
        do throws(SyntaxError) {
            try CompileChecks.check(module, source: source)
        } catch {
            return .failure(error)
        }
        return .success(module)
    }
    return try result.get()
}

/// Parses the source of `eval` (grammar rule `eval_input`: expressions, then only newlines).
public func parseEvalInput(_ source: SourceText) throws(SyntaxError) -> Expr {
    let result: Result<Expr, SyntaxError> = LargeStack.run {
        let parser = Parser(source: source, lexed: Lexer.tokenize(source))
        let expression: Expr
        do throws(SyntaxError) {
            expression = try parser.parseExpressions()
            while case .newline = try parser.token().kind { parser.advance() }
            guard case .endOfInput = try parser.token().kind else { throw parser.failHere() }
        } catch {
            var reported = parser.reportedError(for: error, interactive: false)
            // Where a string without a final newline ends, CPython's eval points at no column.
            let lastLine = source.scalars.split(separator: "\n", omittingEmptySubsequences: false).count
            let contentWidth = reported.lineText.unicodeScalars.reversed().drop { $0 == " " || $0 == "\t" }.count
            if reported.message == "invalid syntax", source.scalars.last != "\n", reported.line == lastLine,
               reported.column > contentWidth {
                reported.column = 0
                reported.endColumn = 0
            }
            return .failure(reported)
        }
        do throws(SyntaxError) {
            try CompileChecks.check(Module(body: [Stmt(.expression(expression), expression.range)]), source: source)
        } catch {
            return .failure(error)
        }
        return .success(expression)
    }
    return try result.get()
}

/// Parses what the user has typed at the prompt so far: the lines joined with "\n", as CPython's
/// `code.InteractiveConsole` joins them, so the text ends with "\n" once an empty line is entered.
/// Follows `codeop`: a compound statement is complete only when followed by an empty line, and an
/// error where the input merely ends means "incomplete". Unlike CPython's single-statement mode, a
/// chunk may hold several statements (a pasted block).
/// `inputEnded`: no more lines will come (Ctrl-D at the continuation prompt), so the chunk is taken
/// as it stands, as CPython's REPL takes it then: a pending block is complete, and an open bracket
/// or string is the error a file ending there gives. Never `.incomplete`.
public func parseInteractive(source: String, filename: String = "<stdin>", inputEnded: Bool = false) -> ParseOutcome {
    let text = SourceText(source, filename: filename)
    let onlyBlankOrComments = source.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy {
        let trimmed = $0.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        return trimmed.isEmpty || trimmed.first == "#"
    }
    if onlyBlankOrComments { return .complete(Module(body: [])) }
    return LargeStack.run {
        interactiveOutcome(text, endsWithEmptyLine: source.hasSuffix("\n"), inputEnded: inputEnded)
    }
}

private func interactiveOutcome(_ text: SourceText, endsWithEmptyLine: Bool, inputEnded: Bool) -> ParseOutcome {
    let parser = Parser(source: text, lexed: Lexer.tokenize(text))
    let module: Module
    do {
        module = try parser.parseFile()
    } catch {
        if inputEnded { return .error(parser.reportedError(for: error, interactive: false)) }
        if parser.failedAtEndOfInput { return .incomplete }
        if let lexical = parser.lexicalError, lexical.atEndOfInput, error == lexical.error {
            return .incomplete
        }
        return .error(parser.reportedError(for: error, interactive: true))
    }
    do {
        try CompileChecks.check(module, source: text)
    } catch {
        return .error(error)
    }
    if let last = module.body.last, last.isCompound, !endsWithEmptyLine, !inputEnded { return .incomplete }
    return .complete(module)
}

extension Stmt {
    /// Statements with a block, which the REPL keeps reading until an empty line.
    public var isCompound: Bool {
        switch kind {
        case .if, .while, .for, .with, .try, .functionDefinition, .classDefinition, .match: return true
        default: return false
        }
    }
}

extension Parser {
    /// The error CPython would report for a failed parse: after a parse error it tokenizes the rest
    /// of the source, and a tokenizer error found there wins, as does a bracket left open on an
    /// earlier line ("'(' was never closed").
    func reportedError(for e: SyntaxError, interactive: Bool) -> SyntaxError {
        guard let lexical = lexicalError else { return e }
        let lexicalReported = lexical.error
        if e == lexicalReported { return e }
        // CPython reports an unexpected indent before looking at the rest of the source.
        if e.message == "unexpected indent" { return e }
        if interactive && lexical.atEndOfInput { return e }
        if lexical.takesPriority { return lexicalReported }
        let furthestLine = tokens[min(max(furthest, furthestFetched), tokens.count - 1)].start.line
        if let bracketLine = lexical.unclosedBracketLine, furthestLine > bracketLine { return lexicalReported }
        return e
    }
}

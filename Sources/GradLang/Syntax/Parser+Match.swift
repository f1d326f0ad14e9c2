/// The `match` statement (PEP 634). `match` and `case` are soft keywords: a line is a `match`
/// statement only when `match` is followed by a subject, `:` and the end of the line, as in
/// CPython's PEG grammar; otherwise `match` is a name (`match = 3`, `match(x)`).
extension Parser {
    /// Whether the current token starts a `match` statement (the header parses). The tokens it
    /// reads count as progress for "invalid syntax", as CPython tries this rule first.
    func atMatchStatement() throws(SyntaxError) -> Bool {
        let t = try token()
        guard t.isName, t.text == "match" else { return false }
        let saved = checkpoint
        defer { restore(saved) }
        do {
            advance()
            _ = try parseMatchSubject()
            guard try accept(.colon), case .newline = try token().kind else { return false }
            return true
        } catch {
            if let lexicalError, error == lexicalError.error { throw error }
            return false
        }
    }

    /// `match subject` followed by the end of the line: CPython's "expected ':'".
    func missingMatchColon() throws(SyntaxError) -> SyntaxError? {
        let t = try token()
        guard t.isName, t.text == "match" else { return nil }
        return try lookAhead { (p: Parser) throws(SyntaxError) in
            p.advance()
            _ = try p.parseMatchSubject()
            guard case .newline = try p.token().kind else { throw p.failHere() }
            return p.error("expected ':'", from: p.previous.range.end, to: p.previous.range.end)
        }
    }

    func error(_ message: String, from start: SourceLocation, to end: SourceLocation) -> SyntaxError {
        error(message, .syntaxError, from: start, to: end)
    }

    /// `match subject: NEWLINE INDENT case+ DEDENT`.
    func parseMatch() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        let subject = try parseMatchSubject()
        _ = try expect(.colon)
        advance()
        guard case .indent = try token().kind else {
            throw failHere("expected an indented block after 'match' statement on line \(keyword.start.line)", .indentationError)
        }
        advance()
        var cases: [MatchCase] = []
        repeat {
            cases.append(try parseCase())
        } while !(try atDedent())
        advance()
        return Stmt(.match(subject: subject, cases: cases), range(from: keyword))
    }

    private func atDedent() throws(SyntaxError) -> Bool {
        if case .dedent = try token().kind { return true }
        return false
    }

    /// `subject_expr`: a named expression, or a tuple of starred ones.
    private func parseMatchSubject() throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try parseStarNamedExpression()
        guard try at(.comma) else {
            if case .starred = first.kind { throw failHere() }
            return first
        }
        var elements = [first]
        while try accept(.comma) {
            guard try startsExpression() else { break }
            elements.append(try parseStarNamedExpression())
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// `case patterns [if guard]: block`.
    private func parseCase() throws(SyntaxError) -> MatchCase {
        let keyword = try token()
        guard keyword.isName, keyword.text == "case" else { throw failHere() }
        advance()
        let pattern = try parseTopPattern()
        let guardTest = try accept(.if) ? try parseNamedExpression() : nil
        try expectHeaderColon()
        let body = try parseBlock(after: "'case' statement", line: keyword.start.line)
        return MatchCase(pattern: pattern, guardTest: guardTest, body: body)
    }

    /// `patterns`: a pattern, or an open sequence `a, *b` (a sequence pattern without brackets).
    private func parseTopPattern() throws(SyntaxError) -> Pattern {
        let start = try token()
        let first = try parseMaybeStarPattern()
        guard try at(.comma) else {
            if case .star = first.kind { throw failHere() }
            return first
        }
        var items = [first]
        while try accept(.comma) {
            if try at(.colon) { break }
            if try at(.if) { break }
            items.append(try parseMaybeStarPattern())
        }
        return Pattern(.sequence(items), range(from: start))
    }

    private func parseMaybeStarPattern() throws(SyntaxError) -> Pattern {
        let star = try token()
        guard try accept(.star) else { return try parsePattern() }
        let name = try expectName()
        return Pattern(.star(name.text == "_" ? nil : name.text), range(from: star))
    }

    /// `or_pattern ['as' NAME]`.
    private func parsePattern() throws(SyntaxError) -> Pattern {
        let start = try token()
        let inner = try parseOrPattern()
        guard try accept(.as) else { return inner }
        let target = try token()
        guard target.isName else { throw failHere() }
        if target.text == "_" { throw error("cannot use '_' as a target", at: target) }
        advance()
        if try at(anyOf: .dot, .leftParen, .assign) { throw failHere() }
        return Pattern(.as(inner, name: target.text), range(from: start))
    }

    private func parseOrPattern() throws(SyntaxError) -> Pattern {
        let start = try token()
        var alternatives = [try parseClosedPattern()]
        while try accept(.pipe) { alternatives.append(try parseClosedPattern()) }
        return alternatives.count == 1 ? alternatives[0] : Pattern(.or(alternatives), range(from: start))
    }

    private func parseClosedPattern() throws(SyntaxError) -> Pattern {
        let t = try token()
        switch t.kind {
        case .number, .op(.minus):
            return try parseNumberPattern()
        case .string:
            let value = try parseStrings()
            return Pattern(.value(value), value.range)
        case .keyword(.none), .keyword(.true), .keyword(.false):
            let value = try parseAtom()
            return Pattern(.singleton(value), value.range)
        case .name:
            let target = try parseNameOrAttribute()
            if try at(.leftParen) { return try parseClassPattern(target, start: t) }
            if case .name(let name) = target.kind {
                return Pattern(.capture(name == "_" ? nil : name), target.range)
            }
            return Pattern(.value(target), target.range)
        case .op(.leftParen):
            advance()
            bracketDepth += 1
            if try accept(.rightParen) {
                bracketDepth -= 1
                return Pattern(.sequence([]), range(from: t))
            }
            let first = try parseMaybeStarPattern()
            if try accept(.rightParen) {
                bracketDepth -= 1
                if case .star = first.kind { return Pattern(.sequence([first]), range(from: t)) }
                return first
            }
            _ = try expect(.comma)
            let items = [first] + (try parseItemPatterns(closing: .rightParen))
            return Pattern(.sequence(items), range(from: t))
        case .op(.leftBracket):
            advance()
            bracketDepth += 1
            let items = try parseItemPatterns(closing: .rightBracket)
            return Pattern(.sequence(items), range(from: t))
        case .op(.leftBrace):
            return try parseMappingPattern()
        default:
            throw failHere()
        }
    }

    /// Comma-separated items of a bracketed sequence pattern, a trailing comma allowed, and the
    /// closing bracket.
    private func parseItemPatterns(closing: Operator) throws(SyntaxError) -> [Pattern] {
        var items: [Pattern] = []
        while !(try at(closing)) {
            items.append(try parseMaybeStarPattern())
            if !(try accept(.comma)) { break }
        }
        _ = try expect(closing)
        bracketDepth -= 1
        return items
    }

    /// `NAME ('.' NAME)*` as a name or attribute expression.
    private func parseNameOrAttribute() throws(SyntaxError) -> Expr {
        let first = try expectName()
        var e = Expr(.name(first.text), first.range)
        while try accept(.dot) {
            let name = try expectName()
            e = Expr(.attribute(e, name: name.text), range(from: first))
        }
        return e
    }

    /// A signed number, or a complex literal `real ± imaginary`.
    private func parseNumberPattern() throws(SyntaxError) -> Pattern {
        let start = try token()
        let real = try parseSignedNumber()
        guard try at(anyOf: .plus, .minus) else { return Pattern(.value(real), real.range) }
        let op = try token()
        advance()
        let imaginaryToken = try token()
        guard case .number = imaginaryToken.kind else { throw failHere() }
        let imaginary = try parseAtom()
        guard case .constant(.imaginary) = imaginary.kind else {
            throw error("imaginary number required in complex literal", at: imaginary.range)
        }
        if case .constant(.imaginary) = real.kind {
            throw error("real number required in complex literal", at: real.range)
        }
        if case .unary(_, let operand) = real.kind, case .constant(.imaginary) = operand.kind {
            throw error("real number required in complex literal", at: real.range)
        }
        let combined = Expr(.binary(op.isOperator(.plus) ? .add : .subtract, real, imaginary), range(from: start))
        return Pattern(.value(combined), combined.range)
    }

    private func parseSignedNumber() throws(SyntaxError) -> Expr {
        let minus = try token()
        let negated = try accept(.minus)
        guard case .number = try token().kind else { throw failHere() }
        let number = try parseAtom()
        return negated ? Expr(.unary(.minus, number), range(from: minus)) : number
    }

    /// `{key: pattern, ..., **rest}`; a key is a literal or a dotted name.
    private func parseMappingPattern() throws(SyntaxError) -> Pattern {
        let open = try token()
        advance()
        bracketDepth += 1
        var keys: [Expr] = [], patterns: [Pattern] = []
        var rest: String?
        while !(try at(.rightBrace)) {
            if try accept(.doubleStar) {
                let name = try expectName()
                if name.text == "_" { throw error("invalid syntax", at: name) }
                rest = name.text
                _ = try accept(.comma)
                break
            }
            keys.append(try parseMappingKey())
            _ = try expect(.colon)
            patterns.append(try parsePattern())
            if !(try accept(.comma)) { break }
        }
        _ = try expect(.rightBrace)
        bracketDepth -= 1
        return Pattern(.mapping(keys: keys, patterns: patterns, rest: rest), range(from: open))
    }

    private func parseMappingKey() throws(SyntaxError) -> Expr {
        let t = try token()
        switch t.kind {
        case .number, .op(.minus):
            guard case .value(let key) = try parseNumberPattern().kind else { throw failHere() }
            return key
        case .string: return try parseStrings()
        case .keyword(.none), .keyword(.true), .keyword(.false): return try parseAtom()
        case .name:
            let key = try parseNameOrAttribute()
            guard case .attribute = key.kind else { throw failHere() }
            return key
        default: throw failHere()
        }
    }

    /// `Class(p, ..., name=p, ...)`.
    private func parseClassPattern(_ cls: Expr, start: Token) throws(SyntaxError) -> Pattern {
        advance()
        bracketDepth += 1
        var positional: [Pattern] = [], names: [String] = [], keywordPatterns: [Pattern] = []
        var misplaced: [Pattern] = []
        while !(try at(.rightParen)) {
            let t = try token()
            if t.isName, try nextToken().isOperator(.assign) {
                advance()
                advance()
                names.append(t.text)
                keywordPatterns.append(try parsePattern())
            } else {
                let pattern = try parsePattern()
                if names.isEmpty { positional.append(pattern) } else { misplaced.append(pattern) }
            }
            if !(try accept(.comma)) { break }
        }
        _ = try expect(.rightParen)
        bracketDepth -= 1
        if let first = misplaced.first, let last = misplaced.last {
            throw error("positional patterns follow keyword patterns", at: .spanning(first.range, last.range))
        }
        return Pattern(.classPattern(cls: cls, positional: positional, keywordNames: names, keywordPatterns: keywordPatterns),
                       range(from: start))
    }
}

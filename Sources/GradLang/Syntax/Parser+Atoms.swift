/// Atoms: names, literals, and the bracketed displays with their comprehensions.
extension Parser {
    func parseAtom() throws(SyntaxError) -> Expr {
        let t = try token()
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(t.text), t.range)
        case .number(let literal):
            advance()
            let constant: Constant
            switch literal {
            case .integer(let value):
                // CPython converts a decimal literal as it parses it, within its digit limit; the
                // error has no column.
                if value.radix == 10, value.digits.count > IntLiteral.maxDecimalDigits {
                    throw error(IntLiteral.tooManyDigits(value.digits.count) + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                                .syntaxError, from: SourceLocation(line: t.start.line, column: 0), to: nil)
                }
                constant = .integer(value)
            case .float(let value): constant = .float(value)
            case .imaginary(let value): constant = .imaginary(value)
            }
            return Expr(.constant(constant), t.range)
        case .string:
            return try parseStrings()
        case .keyword(.none):
            advance()
            return Expr(.constant(.none), t.range)
        case .keyword(.true):
            advance()
            return Expr(.constant(.true), t.range)
        case .keyword(.false):
            advance()
            return Expr(.constant(.false), t.range)
        case .keyword(.await):
            throw unsupported(t)
        case .op(.ellipsis):
            advance()
            return Expr(.constant(.ellipsis), t.range)
        case .op(.leftParen):
            return try parseParenthesized()
        case .op(.leftBracket):
            return try parseListDisplay()
        case .op(.leftBrace):
            return try parseBraceDisplay()
        default:
            throw failHere()
        }
    }

    /// "'async' is not supported yet" (and the like) at a keyword grad cannot run yet — when what
    /// follows could be valid Python; otherwise CPython's "invalid syntax" after the keyword.
    func unsupported(_ keyword: Token) -> SyntaxError {
        let next = tokens[min(position + 1, tokens.count - 1)]
        let plausible: Bool
        switch keyword.kind {
        case .keyword(.async): plausible = next.isKeyword(.def) || next.isKeyword(.with) || next.isKeyword(.for)
        case .keyword(.await):
            switch next.kind {
            case .name, .number, .string, .keyword(.none), .keyword(.true), .keyword(.false),
                 .op(.leftParen), .op(.leftBracket), .op(.leftBrace), .op(.ellipsis): plausible = true
            default: plausible = false
            }
        default: plausible = true
        }
        guard plausible else {
            advance()
            return failHere()
        }
        return error("'\(keyword.text)' is not supported yet", at: keyword)
    }

    /// `( )`: the empty tuple, a parenthesised expression, a tuple, or a generator expression.
    func parseParenthesized() throws(SyntaxError) -> Expr {
        let open = try token()
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try accept(.rightParen) {
            let tuple = Expr(.tuple([]), range(from: open))
            parenthesizedTuples.insert(tuple.range)
            return tuple
        }
        if try at(.doubleStar) {
            let stars = try token()
            let closed = try lookAhead { (p: Parser) throws(SyntaxError) -> Bool in
                p.advance()
                _ = try p.parseExpression()
                return try p.at(.rightParen)
            }
            if closed == true { throw error("cannot use double starred expression here", at: stars) }
            throw failHere()
        }
        if try at(.yield) {
            let value = try parseYieldExpression()
            _ = try expect(.rightParen)
            parenthesized.insert(value.range)
            return value
        }
        let first = try parseStarNamedExpression()
        if try at(.for) {
            try rejectUnpacking(inComprehension: first)
            let clauses = try parseComprehensionClauses()
            _ = try expect(.rightParen)
            return Expr(.generator(element: first, clauses: clauses), range(from: open))
        }
        if try accept(.rightParen) {
            if case .starred = first.kind { throw error("cannot use starred expression here", at: first.range) }
            parenthesized.insert(first.range)
            return first
        }
        guard try at(.comma) else { throw failHere() }
        var elements = [first]
        while try accept(.comma) {
            if try at(.rightParen) { break }
            elements.append(try parseStarNamedExpression())
        }
        _ = try expect(.rightParen)
        let tuple = Expr(.tuple(elements), range(from: open))
        parenthesizedTuples.insert(tuple.range)
        return tuple
    }

    /// `[ ]`: a list display or a list comprehension.
    func parseListDisplay() throws(SyntaxError) -> Expr {
        let open = try token()
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try accept(.rightBracket) { return Expr(.list([]), range(from: open)) }
        if try at(.yield) {
            let value = try parseYieldExpression()
            _ = try expect(.rightParen)
            parenthesized.insert(value.range)
            return value
        }
        let first = try parseStarNamedExpression()
        if try at(.for) {
            try rejectUnpacking(inComprehension: first)
            let clauses = try parseComprehensionClauses()
            _ = try expect(.rightBracket)
            return Expr(.listComprehension(element: first, clauses: clauses), range(from: open))
        }
        let elements = try parseDisplayElements(after: first, closing: .rightBracket)
        _ = try expect(.rightBracket)
        return Expr(.list(elements), range(from: open))
    }

    /// The rest of a list or set display after its first element.
    func parseDisplayElements(after first: Expr, closing: Operator) throws(SyntaxError) -> [Expr] {
        var elements = [first]
        while try at(.comma) {
            let comma = try token()
            advance()
            if try at(.for) {
                // `[x, for ...]`: CPython's hint for a tuple meant as the element, given only once
                // the clauses parse (their own errors come first).
                _ = try parseComprehensionClauses()
                throw error("did you forget parentheses around the comprehension target?",
                            at: .spanning(first.range, comma.range))
            }
            if try at(closing) { break }
            elements.append(try parseStarNamedExpression())
        }
        if elements.count > 1, try at(.for) {
            _ = try parseComprehensionClauses()
            throw error("did you forget parentheses around the comprehension target?",
                        at: .spanning(first.range, elements[elements.count - 1].range))
        }
        return elements
    }

    /// `{ }`: a dict or set display, or a dict or set comprehension.
    func parseBraceDisplay() throws(SyntaxError) -> Expr {
        let open = try token()
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try accept(.rightBrace) { return Expr(.dict([]), range(from: open)) }
        if try at(.doubleStar) {
            let stars = try token()
            advance()
            let mapping = try parseBitwiseOr()
            if try at(.for) {
                throw error("dict unpacking cannot be used in dict comprehension", at: stars)
            }
            return try parseDictDisplay(open: open, first: .unpack(mapping))
        }
        let first = try parseStarNamedExpression()
        if try at(.colon), case .namedExpression = first.kind, !parenthesized.contains(first.range) {
            throw failHere()  // a dict key is an expression; `{x := 1: 2}` needs parentheses
        }
        if try at(.colon), !isStarred(first) {
            advance()
            let value = try parseDictValue(after: previous)
            if try at(.for) {
                let clauses = try parseComprehensionClauses()
                _ = try expect(.rightBrace)
                return Expr(.dictComprehension(key: first, value: value, clauses: clauses), range(from: open))
            }
            return try parseDictDisplay(open: open, first: .pair(key: first, value: value))
        }
        if try at(.for) {
            try rejectUnpacking(inComprehension: first)
            let clauses = try parseComprehensionClauses()
            _ = try expect(.rightBrace)
            return Expr(.setComprehension(element: first, clauses: clauses), range(from: open))
        }
        let elements = try parseDisplayElements(after: first, closing: .rightBrace)
        _ = try expect(.rightBrace)
        return Expr(.set(elements), range(from: open))
    }

    func parseDictDisplay(open: Token, first: DictEntry) throws(SyntaxError) -> Expr {
        var entries = [first]
        while try accept(.comma) {
            if try at(.rightBrace) { break }
            if try accept(.doubleStar) {
                entries.append(.unpack(try parseBitwiseOr()))
                continue
            }
            // After a pair, a key without its colon gets CPython's dict message, not the comma hint.
            let key = try parseExpression(diagnosingJuxtaposition: false)
            guard try at(.colon) else {
                // CPython points at the key's last character.
                let column = max(key.range.end.column - 1, 1)
                throw error("':' expected after dictionary key", .syntaxError,
                            from: SourceLocation(line: key.range.end.line, column: column), to: nil)
            }
            advance()
            entries.append(.pair(key: key, value: try parseDictValue(after: previous)))
        }
        _ = try expect(.rightBrace)
        return Expr(.dict(entries), range(from: open))
    }

    /// The value after `key:` in a dict display.
    func parseDictValue(after colon: Token) throws(SyntaxError) -> Expr {
        if try at(.star) {
            let star = try token()
            advance()
            let value = try parseBitwiseOr()
            throw error("cannot use a starred expression in a dictionary value", at: SourceRange(star.start, value.range.end))
        }
        if try at(anyOf: .rightBrace, .comma) {
            throw error("expression expected after dictionary key and ':'", at: colon)
        }
        return try parseExpression()
    }

    func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    func rejectUnpacking(inComprehension element: Expr) throws(SyntaxError) {
        if isStarred(element) {
            throw error("iterable unpacking cannot be used in comprehension", at: element.range)
        }
    }

    /// `for target in iterable if condition ...`, one or more clauses.
    func parseComprehensionClauses() throws(SyntaxError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while try accept(.for) {
            let target = try parseTargetList()
            try checkAssignmentTarget(target)
            _ = try expect(.in)
            let iterable = try parseDisjunction()
            var conditions: [Expr] = []
            while try accept(.if) { conditions.append(try parseDisjunction()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    /// Targets of `for` (in statements and comprehensions): elements stop before `in`, which a full
    /// expression would swallow as a comparison.
    func parseTargetList() throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try parseTargetElement()
        guard try at(.comma) else { return first }
        var elements = [first]
        while try accept(.comma) {
            guard try startsExpression() else { break }
            elements.append(try parseTargetElement())
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// A target is a primary (a name, attribute, subscript, or a bracketed list of targets); that is
    /// all CPython's first pass reads. Anything more (`x + 1`) is read as an expression only to say
    /// what cannot be assigned to, without counting as progress for "invalid syntax".
    func parseTargetElement() throws(SyntaxError) -> Expr {
        let star = try token()
        if star.isOperator(.star) { advance() }
        let start = position
        switch try token().kind {
        case .name, .op(.leftParen), .op(.leftBracket):
            _ = try parsePrimary()
            position = start
        default:
            break
        }
        let wasDiagnosing = isDiagnosing
        isDiagnosing = true
        defer { isDiagnosing = wasDiagnosing }
        let value = try parseBitwiseOr()
        return star.isOperator(.star) ? Expr(.starred(value), range(from: star)) : value
    }
}

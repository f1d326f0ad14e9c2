/// Call arguments and the parameter lists of `def` and `lambda`, with CPython's messages for
/// arguments or parameters in the wrong order.
extension Parser {
    /// The arguments of a call, after its `(` (given as `open`), through the closing `)`; a class's
    /// bases take no generator expression without its own parentheses.
    func parseCallArguments(openedBy open: Token, allowingBareGenerator: Bool = true) throws(SyntaxError) -> [Argument] {
        bracketDepth += 1
        var arguments: [Argument] = []
        var sawKeyword = false
        var sawKeywordUnpacking = false
        while !(try at(.rightParen)) {
            let start = try token()
            if try accept(.star) {
                if sawKeywordUnpacking {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: start)
                }
                arguments.append(.unpacked(try parseExpression()))
            } else if try accept(.doubleStar) {
                arguments.append(.unpackedKeywords(try parseExpression()))
                sawKeywordUnpacking = true
            } else if start.isName, try nextToken().isOperator(.assign) {
                advance()
                let equals = try token()
                advance()
                let value = try parseExpression()
                if try at(.for) {
                    throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                                at: SourceRange(start.start, equals.range.end))
                }
                arguments.append(.keyword(name: start.text, value: value, range: range(from: start)))
                sawKeyword = true
            } else {
                let value = try parseArgumentExpression()
                if try at(.for) {
                    if !allowingBareGenerator { throw failHere() }
                    arguments.append(.positional(try parseUnparenthesizedGenerator(value, openedBy: open,
                                                                                 alone: arguments.isEmpty)))
                } else {
                    if try at(.assign) {
                        let equals = try token()
                        if case .constant(let c) = value.kind, c == .true || c == .false || c == .none {
                            throw error("cannot assign to \(expressionName(value))",
                                        at: SourceRange(value.range.start, equals.range.end))
                        }
                        throw error("expression cannot contain assignment, perhaps you meant \"==\"?",
                                    at: SourceRange(value.range.start, equals.range.end))
                    }
                    if sawKeywordUnpacking || sawKeyword {
                        throw failHere(sawKeywordUnpacking ? "positional argument follows keyword argument unpacking"
                                                           : "positional argument follows keyword argument")
                    }
                    arguments.append(.positional(value))
                }
            }
            if !(try accept(.comma)) { break }
        }
        _ = try expect(.rightParen)
        bracketDepth -= 1
        return arguments
    }

    /// A positional argument: `name := value` or an expression.
    func parseArgumentExpression() throws(SyntaxError) -> Expr {
        if let walrus = try parseAssignmentExpression() { return walrus }
        return try parseExpression()
    }

    /// `f(x for x in xs)`: a generator expression may go without its own parentheses only when it
    /// is the call's sole argument; its range is then the call's parentheses, as in CPython.
    func parseUnparenthesizedGenerator(_ element: Expr, openedBy open: Token,
                                       alone: Bool) throws(SyntaxError) -> Expr {
        let clauses = try parseComprehensionClauses()
        guard alone, try at(.rightParen) else {
            let last = clauses.last.map { $0.conditions.last ?? $0.iterable } ?? element
            throw error("Generator expression must be parenthesized", at: .spanning(element.range, last.range))
        }
        let close = try token()
        return Expr(.generator(element: element, clauses: clauses), SourceRange(open.start, close.range.end))
    }

    // MARK: - Parameters

    /// Parameters up to (not including) `closing` — `)` for `def`, `:` for `lambda`, which allows no
    /// annotations.
    func parseParameters(closing: Operator, isLambda: Bool) throws(SyntaxError) -> Parameters {
        var parameters = Parameters()
        var sawDefault = false
        var sawSlash = false
        var star: Token?
        var sawKeywordsParameter = false
        let kind = isLambda ? "Lambda expression" : "Function"
        while !(try at(closing)) {
            let t = try token()
            if sawKeywordsParameter {
                if t.isName || t.isOperator(.star) || t.isOperator(.doubleStar) || t.isOperator(.slash) {
                    throw error("arguments cannot follow var-keyword argument", at: t)
                }
                throw failHere()
            }
            switch t.kind {
            case .op(.slash):
                if parameters.positionalOrKeyword.isEmpty && !sawSlash && star == nil {
                    // CPython's rule needs `/,`; without it the error is at the `/`.
                    if tokens[min(position + 1, tokens.count - 1)].isOperator(.comma) {
                        throw error("at least one argument must precede /", at: t)
                    }
                    throw failHere()
                }
                if sawSlash { throw error("/ may appear only once", at: t) }
                if star != nil { throw error("/ must be ahead of *", at: t) }
                advance()
                parameters.positionalOnly = parameters.positionalOrKeyword
                parameters.positionalOrKeyword = []
                sawSlash = true
            case .op(.star):
                if star != nil {
                    // CPython's message needs `*,` or `*name` followed by `,` or the end.
                    let next = tokens[min(position + 1, tokens.count - 1)]
                    let after = tokens[min(position + 2, tokens.count - 1)]
                    if next.isOperator(.comma)
                        || (next.isName && (after.isOperator(.comma) || after.isOperator(closing)
                                            || after.isOperator(.colon))) {
                        throw error("* argument may appear only once", at: t)
                    }
                    throw failHere()
                }
                advance()
                star = t
                if try token().isName {
                    parameters.variadic = try parseParameter(allowingAnnotation: !isLambda)
                    if try at(.assign) {
                        throw error("var-positional argument cannot have default value", at: try token())
                    }
                } else {
                    var bare = try at(closing)
                    var end = try token()
                    if try at(.comma) {
                        end = try nextToken()
                        bare = end.isOperator(closing) || end.isOperator(.doubleStar)
                    }
                    // CPython points at the `*` in a def, at the token after it in a lambda.
                    if bare { throw error("named arguments must follow bare *", at: isLambda ? end : t) }
                }
            case .op(.doubleStar):
                advance()
                parameters.variadicKeywords = try parseParameter(allowingAnnotation: !isLambda)
                if try at(.assign) {
                    throw error("var-keyword argument cannot have default value", at: try token())
                }
                sawKeywordsParameter = true
            case .op(.leftParen):
                if let close = try parenthesizedParameterNames() {
                    throw error("\(kind) parameters cannot be parenthesized", at: SourceRange(t.start, close.range.end))
                }
                throw failHere()
            case .name:
                var parameter = try parseParameter(allowingAnnotation: !isLambda)
                if try at(.assign) {
                    let equals = try token()
                    advance()
                    if try at(anyOf: .comma, closing) {
                        throw error("expected default value expression", at: equals)
                    }
                    parameter.defaultValue = try parseExpression()
                    if star == nil { sawDefault = true }
                } else if sawDefault && star == nil {
                    throw error("non-default argument follows default argument", at: parameter.range)
                }
                if star != nil {
                    parameters.keywordOnly.append(parameter)
                } else {
                    parameters.positionalOrKeyword.append(parameter)
                }
            default:
                throw failHere()
            }
            if !(try accept(.comma)) { break }
        }
        return parameters
    }

    /// `name` or `name: annotation`.
    func parseParameter(allowingAnnotation: Bool) throws(SyntaxError) -> Parameter {
        let name = try expectName()
        var annotation: Expr?
        if allowingAnnotation, try accept(.colon) { annotation = try parseExpression() }
        return Parameter(name: name.text, annotation: annotation, defaultValue: nil, range: range(from: name))
    }

    /// At `(` in a parameter list: the closing `)` when what follows is `(a, b)`, names only.
    func parenthesizedParameterNames() throws(SyntaxError) -> Token? {
        var k = position + 1
        var sawName = false
        while k < tokens.count {
            let t = tokens[k]
            if t.isName { sawName = true } else if t.isOperator(.rightParen) { return sawName ? t : nil }
            else if !t.isOperator(.comma) { return nil }
            k += 1
        }
        return nil
    }
}

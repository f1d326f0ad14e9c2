/// The expression precedence ladder, lowest first: lambda, conditional, or, and, not, comparisons,
/// | ^ & shifts + - * / // % @, unary + - ~, **, primaries (calls, attributes, subscripts), atoms.
extension Parser {
    /// Binary operator levels from `|` down to `*`; each level's operators are left-associative.
    static let binaryLevels: [[Operator: BinaryOperator]] = [
        [.pipe: .bitOr],
        [.caret: .bitXor],
        [.ampersand: .bitAnd],
        [.leftShift: .leftShift, .rightShift: .rightShift],
        [.plus: .add, .minus: .subtract],
        [.star: .multiply, .slash: .divide, .doubleSlash: .floorDivide, .percent: .modulo, .at: .matrixMultiply],
    ]

    // MARK: - Expression lists

    /// `star_expressions`: one expression, or a tuple when commas follow (a trailing one allowed).
    /// What may stand alone as a statement or on the right of `=`: a yield expression, or
    /// star expressions.
    func parseStarExpressionsOrYield() throws(SyntaxError) -> Expr {
        try at(.yield) ? try parseYieldExpression() : try parseStarExpressions()
    }

    /// `yield`, `yield values` or `yield from iterable` (the caller has seen `yield`).
    func parseYieldExpression() throws(SyntaxError) -> Expr {
        let keyword = try token()
        advance()
        if try accept(.from) {
            let iterable = try parseExpression()
            return Expr(.yieldFrom(iterable), range(from: keyword))
        }
        let value = try startsExpression() ? try parseStarExpressions() : nil
        return Expr(.yield(value), range(from: keyword))
    }

    func parseStarExpressions() throws(SyntaxError) -> Expr {
        try parseCommaSeparated { parser throws(SyntaxError) in try parser.parseStarExpression() }
    }

    /// `expressions`, what `eval` takes: as `star_expressions`, without starred elements.
    func parseExpressions() throws(SyntaxError) -> Expr {
        try parseCommaSeparated { parser throws(SyntaxError) in try parser.parseExpression() }
    }

    /// One `element`, or a tuple of them when commas follow (a trailing one allowed).
    private func parseCommaSeparated(_ element: (Parser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try element(self)
        guard try at(.comma) else { return first }
        var elements = [first]
        while try accept(.comma) {
            guard try startsExpression() else { break }
            elements.append(try element(self))
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    func parseStarExpression() throws(SyntaxError) -> Expr {
        if try at(.star) {
            let star = try token()
            advance()
            let value = try parseBitwiseOr()
            return Expr(.starred(value), range(from: star))
        }
        return try parseExpression()
    }

    /// `star_named_expression`: an element of a display.
    func parseStarNamedExpression() throws(SyntaxError) -> Expr {
        if try at(.star) {
            let star = try token()
            advance()
            let value = try parseBitwiseOr()
            return Expr(.starred(value), range(from: star))
        }
        return try parseNamedExpression()
    }

    /// `named_expression`: `name := value` or an expression. A following `=` gets CPython's hints
    /// ("Maybe you meant '==' ...").
    func parseNamedExpression() throws(SyntaxError) -> Expr {
        if let walrus = try parseAssignmentExpression() { return walrus }
        let e = try parseExpression()
        if try at(.walrus) {
            throw error("cannot use assignment expressions with \(expressionName(e))", at: e.range)
        }
        if try at(.assign), let hint = try equalsInsteadOfComparison(after: e) { throw hint }
        return e
    }

    /// `NAME := expression`, or nil when the next tokens are not that.
    func parseAssignmentExpression() throws(SyntaxError) -> Expr? {
        let t = try token()
        guard t.isName, try nextToken().isOperator(.walrus) else { return nil }
        advance()
        advance()
        let value = try parseExpression()
        return Expr(.namedExpression(name: t.text, value: value), range(from: t))
    }

    /// The tokens that can begin an expression (used to end lists and to spot two expressions
    /// written side by side).
    func startsExpression(allowingStar: Bool = true) throws(SyntaxError) -> Bool {
        let t = try token()
        switch t.kind {
        case .name, .number, .string:
            return true
        case .keyword(let k):
            return [.none, .true, .false, .not, .lambda, .await, .yield].contains(k)
        case .op(let op):
            if op == .star { return allowingStar }
            return [.leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .ellipsis].contains(op)
        default:
            return false
        }
    }

    // MARK: - expression, lambda, conditional

    /// `expression`: a lambda, or a disjunction with an optional `if ... else ...`.
    func parseExpression(diagnosingJuxtaposition: Bool = true) throws(SyntaxError) -> Expr {
        try deeper()
        defer { nesting -= 1 }
        if try at(.lambda) { return try parseLambda() }
        let startIndex = position
        let start = try token()
        var result = try parseDisjunction()
        if try at(.if) {
            advance()
            let test = try parseDisjunction()
            if try accept(.else) {
                let orElse = try parseExpression()
                result = Expr(.conditional(test: test, body: result, orElse: orElse), range(from: start))
            } else if try at(.colon) {
                throw failHere()
            } else {
                throw error("expected 'else' after 'if' expression", at: SourceRange(start.start, test.range.end))
            }
        }
        if diagnosingJuxtaposition, try startsExpression(allowingStar: false) {
            try diagnoseJuxtaposition(result, startedAt: startIndex)
        }
        return result
    }

    /// Two expressions side by side: CPython's hints for `print "x"` and, inside brackets,
    /// "Perhaps you forgot a comma?". Without a hint the caller reports "invalid syntax" here.
    func diagnoseJuxtaposition(_ first: Expr, startedAt startIndex: Int) throws(SyntaxError) {
        let firstToken = tokens[startIndex]
        if case .name(let name) = first.kind, name == "print" || name == "exec",
           first.range == firstToken.range {
            if let rest = try lookAhead({ (p: Parser) throws(SyntaxError) in try p.parseStarExpressions() }) {
                throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                            at: .spanning(first.range, rest.range))
            }
            return
        }
        if firstToken.isName {
            if ["_", "match", "case"].contains(firstToken.text) { return }
            if startIndex + 1 < tokens.count, tokens[startIndex + 1].isString { return }
        }
        // CPython reads the second expression even outside brackets (reaching an unclosed bracket
        // there reports it), but suggests the comma only inside them.
        if let second = try lookAhead({ (p: Parser) throws(SyntaxError) in
            try p.parseExpression(diagnosingJuxtaposition: false)
        }), bracketDepth > 0 {
            throw error("invalid syntax. Perhaps you forgot a comma?", at: .spanning(first.range, second.range))
        }
    }

    /// `lambda params: body`.
    func parseLambda() throws(SyntaxError) -> Expr {
        let keyword = try token()
        advance()
        let parameters = try parseParameters(closing: .colon, isLambda: true)
        _ = try expect(.colon)
        let body = try parseExpression()
        return Expr(.lambda(parameters, body: body), range(from: keyword))
    }

    // MARK: - or, and, not, comparisons

    func parseDisjunction() throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try parseConjunction()
        guard try at(.or) else { return first }
        var values = [first]
        while try accept(.or) { values.append(try parseConjunction()) }
        return Expr(.boolean(.or, values), range(from: start))
    }

    func parseConjunction() throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try parseInversion()
        guard try at(.and) else { return first }
        var values = [first]
        while try accept(.and) { values.append(try parseInversion()) }
        return Expr(.boolean(.and, values), range(from: start))
    }

    func parseInversion() throws(SyntaxError) -> Expr {
        guard try at(.not) else { return try parseComparison() }
        let keyword = try token()
        try deeper()
        defer { nesting -= 1 }
        advance()
        let operand = try parseInversion()
        return Expr(.unary(.not, operand), range(from: keyword))
    }

    /// A chain `a < b <= c` is one node, as in Python (each operand evaluated once).
    func parseComparison() throws(SyntaxError) -> Expr {
        let start = try token()
        let first = try parseBitwiseOr()
        var rest: [Comparison] = []
        while let op = try comparisonOperator() {
            rest.append(Comparison(op, try parseBitwiseOr()))
        }
        if rest.isEmpty { return first }
        return Expr(.comparison(first, rest), range(from: start))
    }

    /// Consumes a comparison operator (one or two tokens) if one is next.
    func comparisonOperator() throws(SyntaxError) -> ComparisonOperator? {
        let t = try token()
        let op: ComparisonOperator
        switch t.kind {
        case .op(.less): op = .less
        case .op(.greater): op = .greater
        case .op(.equal): op = .equal
        case .op(.notEqual): op = .notEqual
        case .op(.lessEqual): op = .lessEqual
        case .op(.greaterEqual): op = .greaterEqual
        case .keyword(.in): op = .in
        case .keyword(.is):
            advance()
            return try accept(.not) ? .isNot : .is
        case .keyword(.not):
            guard try nextToken().isKeyword(.in) else { return nil }
            advance()
            op = .notIn
        default:
            return nil
        }
        advance()
        return op
    }

    // MARK: - Binary operators, unary operators, power

    func parseBitwiseOr() throws(SyntaxError) -> Expr {
        try parseBinary(level: 0)
    }

    /// One level of the binary ladder, parsed with a loop: `1+1+...+1` nests to the left without
    /// recursing here, and each link counts towards the depth limit.
    func parseBinary(level: Int) throws(SyntaxError) -> Expr {
        guard level < Parser.binaryLevels.count else { return try parseFactor() }
        let start = try token()
        var left = try parseBinary(level: level + 1)
        var links = 0
        defer { nesting -= links }
        while case .op(let op) = try token().kind, let binary = Parser.binaryLevels[level][op] {
            try deeper()
            links += 1
            advance()
            let right = try parseBinary(level: level + 1)
            left = Expr(.binary(binary, left, right), range(from: start))
        }
        return left
    }

    /// `factor`: unary `+ - ~` bind looser than `**`, so `-x**2` is `-(x**2)`.
    func parseFactor() throws(SyntaxError) -> Expr {
        let t = try token()
        let op: UnaryOperator
        switch t.kind {
        case .op(.plus): op = .plus
        case .op(.minus): op = .minus
        case .op(.tilde): op = .invert
        default: return try parsePower()
        }
        try deeper()
        defer { nesting -= 1 }
        advance()
        let operand = try parseFactor()
        return Expr(.unary(op, operand), range(from: t))
    }

    /// `power`: right-associative, and its right operand is a factor, so `2**-1` works.
    func parsePower() throws(SyntaxError) -> Expr {
        let start = try token()
        let base = try parsePrimary()
        guard try at(.doubleStar) else { return base }
        try deeper()
        defer { nesting -= 1 }
        advance()
        let exponent = try parseFactor()
        return Expr(.binary(.power, base, exponent), range(from: start))
    }

    // MARK: - Primaries

    /// An atom followed by any number of `.name`, `(arguments)` and `[subscript]`.
    func parsePrimary() throws(SyntaxError) -> Expr {
        let start = try token()
        var e = try parseAtom()
        var links = 0
        defer { nesting -= links }
        while true {
            let t = try token()
            guard case .op(let op) = t.kind, op == .dot || op == .leftParen || op == .leftBracket else { break }
            try deeper()
            links += 1
            advance()
            switch op {
            case .dot:
                let name = try expectName()
                e = Expr(.attribute(e, name: name.text), range(from: start))
            case .leftParen:
                let arguments = try parseCallArguments(openedBy: t)
                e = Expr(.call(e, arguments: arguments), range(from: start))
            default:
                let index = try parseSubscript()
                e = Expr(.subscript(e, index: index), range(from: start))
            }
        }
        return e
    }

    /// The contents of `[...]` after a primary: one index or slice, or a tuple of them.
    func parseSubscript() throws(SyntaxError) -> Expr {
        bracketDepth += 1
        let start = try token()
        let first = try parseSliceItem()
        var index = first
        if try at(.comma) {
            var items = [first]
            while try accept(.comma) {
                if try at(.rightBracket) { break }
                items.append(try parseSliceItem())
            }
            index = Expr(.tuple(items), range(from: start))
        } else if case .starred = first.kind {
            index = Expr(.tuple([first]), first.range)  // `x[*a]` indexes with a tuple
        }
        _ = try expect(.rightBracket)
        bracketDepth -= 1
        return index
    }

    /// `slice`: `[lower] : [upper] [: [step]]`, or a (named) expression, or `*expression`.
    func parseSliceItem() throws(SyntaxError) -> Expr {
        let start = try token()
        if try at(.star) {
            advance()
            let value = try parseExpression()
            return Expr(.starred(value), range(from: start))
        }
        var lower: Expr?
        if !(try at(.colon)) {
            let e = try parseNamedExpression()
            guard try at(.colon) else { return e }
            lower = e
        }
        advance()
        let upper = try sliceBound()
        var step: Expr?
        if try accept(.colon) { step = try sliceBound() }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    func sliceBound() throws(SyntaxError) -> Expr? {
        if try at(anyOf: .colon, .comma, .rightBracket) { return nil }
        return try parseExpression()
    }
}

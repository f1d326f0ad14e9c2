/// Compound statements: a header ending in `:` and a block, either indented on the following lines
/// or simple statements on the same line.
extension Parser {
    /// The block after a header's `:`. `header` names the statement in CPython's
    /// "expected an indented block after 'for' statement on line 3".
    func parseBlock(after header: String, line: Int) throws(SyntaxError) -> [Stmt] {
        guard case .newline = try token().kind else { return try parseSimpleStatements() }
        advance()
        guard case .indent = try token().kind else {
            throw failHere("expected an indented block after \(header) on line \(line)", .indentationError)
        }
        advance()
        var body: [Stmt] = []
        while true {
            if case .dedent = try token().kind { break }
            body += try parseStatement()
        }
        advance()
        return body
    }

    /// The `:` ending a header whose last part is an expression: "expected ':'" when the line ends
    /// there, "invalid syntax" at anything else (CPython's `invalid_if_stmt` and friends).
    func expectHeaderColon() throws(SyntaxError) {
        if try accept(.colon) { return }
        if case .newline = try token().kind { throw failHere("expected ':'") }
        throw failHere()
    }

    /// `if` and `elif` (an `elif` is an `if` nested in the `else` of the one before).
    func parseIf() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        let test = try parseNamedExpression()
        try expectHeaderColon()
        let body = try parseBlock(after: "'\(keyword.text)' statement", line: keyword.start.line)
        var orElse: [Stmt] = []
        if try at(.elif) {
            orElse = [try parseIf()]
        } else {
            orElse = try parseElse()
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), range(from: keyword))
    }

    /// An optional `else:` block.
    func parseElse() throws(SyntaxError) -> [Stmt] {
        guard try at(.else) else { return [] }
        let keyword = try token()
        advance()
        _ = try expectForced(.colon)
        return try parseBlock(after: "'else' statement", line: keyword.start.line)
    }

    func parseWhile() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        let test = try parseNamedExpression()
        try expectHeaderColon()
        let body = try parseBlock(after: "'while' statement", line: keyword.start.line)
        let orElse = try parseElse()
        return Stmt(.while(test: test, body: body, orElse: orElse), range(from: keyword))
    }

    func parseFor() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        let target = try parseTargetList()
        try checkAssignmentTarget(target)
        _ = try expect(.in)
        let iterable = try parseStarExpressions()
        try expectHeaderColon()
        let body = try parseBlock(after: "'for' statement", line: keyword.start.line)
        let orElse = try parseElse()
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), range(from: keyword))
    }

    /// `with a as b, c:` and the parenthesised `with (a as b, c):`. The item is any expression, so
    /// `with no_grad:` parses too.
    func parseWith() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        var items: [WithItem]
        if try at(.leftParen), let grouped = try attempt({ (p: Parser) throws(SyntaxError) in
            try p.parseParenthesizedWithItems()
        }) {
            items = grouped
        } else {
            items = [try parseWithItem()]
            while try accept(.comma) { items.append(try parseWithItem()) }
        }
        try expectHeaderColon()
        let body = try parseBlock(after: "'with' statement", line: keyword.start.line)
        return Stmt(.with(items: items, body: body), range(from: keyword))
    }

    /// `( item, item [,] )` followed by `:` — else not this form (`with (a, b) as c:` is a tuple).
    func parseParenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
        advance()
        bracketDepth += 1
        var items = [try parseWithItem()]
        while try accept(.comma) {
            if try at(.rightParen) { break }
            items.append(try parseWithItem())
        }
        _ = try expect(.rightParen)
        bracketDepth -= 1
        guard try at(.colon) else { throw failHere() }
        return items
    }

    func parseWithItem() throws(SyntaxError) -> WithItem {
        let context = try parseExpression()
        guard try accept(.as) else { return WithItem(context: context, target: nil) }
        let target = try parseTargetElement()
        try checkAssignmentTarget(target)
        return WithItem(context: context, target: target)
    }

    /// `try:` with `except` clauses, `else` and `finally`.
    func parseTry() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        _ = try expectForced(.colon)
        let body = try parseBlock(after: "'try' statement", line: keyword.start.line)
        var handlers: [ExceptHandler] = []
        var isStar = false
        while try at(.except) {
            let keyword = try token()
            let (handler, star) = try parseExceptHandler()
            if !handlers.isEmpty && star != isStar {
                throw error("cannot have both 'except' and 'except*' on the same 'try'", at: keyword)
            }
            isStar = star
            handlers.append(handler)
        }
        let orElse = handlers.isEmpty ? [] : try parseElse()
        var finally: [Stmt] = []
        if try at(.finally) {
            let finallyKeyword = try token()
            advance()
            _ = try expectForced(.colon)
            finally = try parseBlock(after: "'finally' statement", line: finallyKeyword.start.line)
        } else if handlers.isEmpty {
            throw failHere("expected 'except' or 'finally' block")
        }
        let statement = TryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally, isStar: isStar)
        return Stmt(.try(statement), range(from: keyword))
    }

    /// `except [type [as name]]: block` or `except* type [as name]: block`, and whether it has the star.
    func parseExceptHandler() throws(SyntaxError) -> (ExceptHandler, star: Bool) {
        let keyword = try token()
        advance()
        var type: Expr?
        var name: String?
        let star = try accept(.star)
        if star, try at(.colon) { throw failHere("expected one or more exception types") }
        if !(try at(.colon)) {
            if case .newline = try token().kind { throw failHere("expected ':'") }
            let exceptionType = try parseExpression()
            type = exceptionType
            if try at(.comma) {
                var last = exceptionType
                while try accept(.comma) { last = try parseExpression() }
                throw error("multiple exception types must be parenthesized",
                            at: .spanning(exceptionType.range, last.range))
            }
            if try accept(.as) { name = try expectName().text }
            try expectHeaderColon()
        } else {
            advance()
        }
        let body = try parseBlock(after: "'except' statement", line: keyword.start.line)
        return (ExceptHandler(type: type, name: name, body: body, range: range(from: keyword)), star)
    }

    /// Decorators, then a function or class definition.
    func parseDefinition() throws(SyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while try accept(.at) {
            decorators.append(try parseNamedExpression())
            guard case .newline = try token().kind else { throw failHere() }
            advance()
        }
        let keyword = try token()
        if keyword.isKeyword(.async) { throw unsupported(keyword) }
        if keyword.isKeyword(.class) { return try parseClassDefinition(decorators: decorators) }
        return try parseFunctionDefinition(decorators: decorators)
    }

    /// `class name [(arguments)]: block`.
    private func parseClassDefinition(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let keyword = try expect(.class)
        let name = try expectName()
        var arguments: [Argument] = []
        if case .op(.leftParen) = try token().kind {
            let open = try token()
            advance()
            arguments = try parseCallArguments(openedBy: open, allowingBareGenerator: false)
        }
        _ = try expectForced(.colon)
        let body = try parseBlock(after: "class definition", line: keyword.start.line)
        let definition = ClassDefinition(name: name.text, arguments: arguments, body: body, decorators: decorators)
        return Stmt(.classDefinition(definition), range(from: keyword))
    }

    /// `def name(parameters) [-> annotation]: block`, after its decorators.
    private func parseFunctionDefinition(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let keyword = try token()
        _ = try expect(.def)
        let name = try expectName()
        _ = try expectForced(.leftParen)
        bracketDepth += 1
        let parameters = try parseParameters(closing: .rightParen, isLambda: false)
        _ = try expect(.rightParen)
        bracketDepth -= 1
        let returnAnnotation = try accept(.arrow) ? try parseExpression() : nil
        _ = try expectForced(.colon)
        let body = try parseBlock(after: "function definition", line: keyword.start.line)
        let definition = FunctionDefinition(name: name.text, parameters: parameters, body: body,
                                            decorators: decorators, returnAnnotation: returnAnnotation)
        // As in CPython, the statement starts at `def`, not at its decorators.
        return Stmt(.functionDefinition(definition), range(from: keyword))
    }
}

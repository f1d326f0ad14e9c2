/// The file, statement dispatch, and simple statements (one logical line, `;`-separated).
extension Parser {
    /// `file`: statements up to the end of input.
    func parseFile() throws(SyntaxError) -> Module {
        var body: [Stmt] = []
        while true {
            if case .endOfInput = try token().kind { break }
            body += try parseStatement()
        }
        return Module(body: body)
    }

    /// A compound statement, or a line of simple statements.
    func parseStatement() throws(SyntaxError) -> [Stmt] {
        let t = try token()
        switch t.kind {
        case .indent:
            throw failHere("unexpected indent", .indentationError)
        case .keyword(.if): return [try parseIf()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.for): return [try parseFor()]
        case .keyword(.with): return [try parseWith()]
        case .keyword(.try): return [try parseTry()]
        case .keyword(.def), .keyword(.class), .op(.at): return [try parseDefinition()]
        case .keyword(.async): throw unsupported(t)
        case .name where try atMatchStatement(): return [try parseMatch()]
        case .name where t.text == "match":
            let start = checkpoint
            do {
                return try parseSimpleStatements()
            } catch {
                restore(start)
                throw try missingMatchColon() ?? error
            }
        default: return try parseSimpleStatements()
        }
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    func parseSimpleStatements() throws(SyntaxError) -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while try accept(.semicolon) {
            if case .newline = try token().kind { break }
            statements.append(try parseSimpleStatement())
        }
        guard case .newline = try token().kind else { throw failHere() }
        advance()
        return statements
    }

    func parseSimpleStatement() throws(SyntaxError) -> Stmt {
        let t = try token()
        switch t.kind {
        case .keyword(.pass):
            advance()
            return Stmt(.pass, t.range)
        case .keyword(.break):
            advance()
            return Stmt(.break, t.range)
        case .keyword(.continue):
            advance()
            return Stmt(.continue, t.range)
        case .keyword(.return):
            advance()
            let value = try startsExpression() ? try parseStarExpressions() : nil
            return Stmt(.return(value), range(from: t))
        case .keyword(.raise):
            advance()
            var exception: Expr?
            var cause: Expr?
            if try startsExpression(allowingStar: false) {
                exception = try parseExpression()
                if try accept(.from) { cause = try parseExpression() }
            }
            return Stmt(.raise(exception: exception, cause: cause), range(from: t))
        case .keyword(.global), .keyword(.nonlocal):
            advance()
            var names = [try expectName().text]
            while try accept(.comma) { names.append(try expectName().text) }
            return Stmt(t.isKeyword(.global) ? .global(names) : .nonlocal(names), range(from: t))
        case .keyword(.del):
            return try parseDelete()
        case .keyword(.assert):
            advance()
            let test = try parseExpression()
            let message = try accept(.comma) ? try parseExpression() : nil
            return Stmt(.assert(test: test, message: message), range(from: t))
        case .keyword(.import):
            return try parseImport()
        case .keyword(.from):
            return try parseFromImport()
        default:
            return try parseExpressionStatement()
        }
    }

    /// `del targets`: each must be a name, attribute, subscript, or a tuple or list of them.
    func parseDelete() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        let e = try parseStarExpressions()
        var targets = [e]
        // `del a, b` deletes two targets; `del (a, b)` one tuple.
        if case .tuple(let elements) = e.kind, !parenthesizedTuples.contains(e.range) { targets = elements }
        for target in targets {
            if let bad = invalidTarget(target, deleting: true) {
                throw error("cannot delete \(expressionName(bad))", at: bad.range)
            }
        }
        return Stmt(.delete(targets), range(from: keyword))
    }

    /// An expression statement or an assignment of any kind.
    func parseExpressionStatement() throws(SyntaxError) -> Stmt {
        let start = try token()
        let first = try parseStarExpressionsOrYield()
        let t = try token()
        switch t.kind {
        case .op(.colon):
            return try parseAnnotatedAssignment(first, start: start)
        case .op(.walrus):
            // `x[0] := 1` gets a hint when a value follows; a plain name (`x := 1`, `a, x := 1`)
            // or a starred one does not (CPython reads the name as a valid assignment expression).
            var left = first
            if case .tuple(let elements) = first.kind, !parenthesizedTuples.contains(first.range),
               let last = elements.last {
                left = last
            }
            if case .name = left.kind, !parenthesized.contains(left.range) { throw failHere() }
            if !isStarred(left), try followedByExpression() {
                throw error("cannot use assignment expressions with \(expressionName(left))", at: left.range)
            }
            throw failHere()
        case .op(.assign):
            var targets = [first]
            let firstEquals = position
            while try at(.assign) {
                let target = targets[targets.count - 1]
                if target.isYield, !parenthesized.contains(target.range) {
                    throw error("assignment to yield expression not possible", at: target.range)
                }
                if invalidTarget(target) != nil {
                    throw try assignmentError(targets: targets, firstEquals: firstEquals)
                }
                advance()
                targets.append(try parseStarExpressionsOrYield())
            }
            let value = targets.removeLast()
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        case .op(let op):
            guard let binary = Parser.augmentedOperators[op] else { break }
            if !isSingleTarget(first) {
                // CPython's message needs a value after the operator.
                guard try followedByStarExpressions() else { throw failHere() }
                throw error("'\(expressionName(first))' is an illegal expression for augmented assignment",
                            at: first.range)
            }
            advance()
            let value = try parseStarExpressionsOrYield()
            return Stmt(.augmentedAssign(target: first, op: binary, value: value), range(from: start))
        default:
            break
        }
        return Stmt(.expression(first), first.range)
    }

    /// Whether an expression parses after the current token (a look-ahead for a diagnostic).
    func followedByExpression() throws(SyntaxError) -> Bool {
        try lookAhead { (p: Parser) throws(SyntaxError) in
            p.advance()
            return try p.parseExpression()
        } != nil
    }

    func followedByStarExpressions() throws(SyntaxError) -> Bool {
        try lookAhead { (p: Parser) throws(SyntaxError) in
            p.advance()
            return try p.parseStarExpressions()
        } != nil
    }

    static let augmentedOperators: [Operator: BinaryOperator] = [
        .plusAssign: .add, .minusAssign: .subtract, .starAssign: .multiply, .slashAssign: .divide,
        .doubleSlashAssign: .floorDivide, .percentAssign: .modulo, .doubleStarAssign: .power,
        .atAssign: .matrixMultiply, .ampersandAssign: .bitAnd, .pipeAssign: .bitOr, .caretAssign: .bitXor,
        .leftShiftAssign: .leftShift, .rightShiftAssign: .rightShift,
    ]

    /// A name, attribute or subscript (possibly in parentheses): what `+=` and annotations accept.
    func isSingleTarget(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .attribute, .subscript: return true
        default: return false
        }
    }

    /// `target: annotation [= value]`.
    func parseAnnotatedAssignment(_ target: Expr, start: Token) throws(SyntaxError) -> Stmt {
        if !isSingleTarget(target) {
            // CPython's messages need an annotation after the colon, and a target that is not `*x`.
            guard !isStarred(target), try followedByExpression() else { throw failHere() }
            switch target.kind {
            case .tuple(let elements):
                let isParenthesized = parenthesizedTuples.contains(target.range)
                throw error("only single target (not tuple) can be annotated",
                            at: isParenthesized ? target.range : (elements.first?.range ?? target.range))
            case .list:
                throw error("only single target (not list) can be annotated", at: target.range)
            default:
                throw error("illegal target for annotation", at: target.range)
            }
        }
        advance()
        let annotation = try parseExpression()
        let value = try accept(.assign) ? try parseStarExpressionsOrYield() : nil
        return Stmt(.annotatedAssign(target: target, annotation: annotation, value: value), range(from: start))
    }

    // MARK: - Imports

    /// `import a.b as c, d`.
    func parseImport() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        var names = [try parseImportedName(dotted: true)]
        while try accept(.comma) { names.append(try parseImportedName(dotted: true)) }
        return Stmt(.import(names), range(from: keyword))
    }

    /// `from [.]module import name [as alias], ...`, `from m import (names)`, `from m import *`.
    func parseFromImport() throws(SyntaxError) -> Stmt {
        let keyword = try token()
        advance()
        var level = 0
        while true {
            if try accept(.dot) { level += 1 } else if try accept(.ellipsis) { level += 3 } else { break }
        }
        var module: String?
        let importFollows = try at(.import)
        if level == 0 || !importFollows { module = try parseDottedName() }
        _ = try expect(.import)
        if try accept(.star) {
            return Stmt(.importFrom(module: module, names: nil, level: level), range(from: keyword))
        }
        var names: [ImportedName] = []
        if try accept(.leftParen) {
            bracketDepth += 1
            repeat {
                if !names.isEmpty, try at(.rightParen) { break }
                names.append(try parseImportedName(dotted: false))
            } while try accept(.comma)
            _ = try expect(.rightParen)
            bracketDepth -= 1
        } else {
            names.append(try parseImportedName(dotted: false))
            while try accept(.comma) {
                if case .newline = try token().kind {
                    throw failHere("trailing comma not allowed without surrounding parentheses")
                }
                names.append(try parseImportedName(dotted: false))
            }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), range(from: keyword))
    }

    func parseImportedName(dotted: Bool) throws(SyntaxError) -> ImportedName {
        let start = try token()
        let name = dotted ? try parseDottedName() : try expectName().text
        let alias = try accept(.as) ? try expectName().text : nil
        return ImportedName(name: name, alias: alias, range: range(from: start))
    }

    func parseDottedName() throws(SyntaxError) -> String {
        var name = try expectName().text
        while try accept(.dot) { name += "." + (try expectName().text) }
        return name
    }
}

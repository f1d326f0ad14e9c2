/// Assignment and deletion targets. Targets are parsed as expressions and checked afterwards, with
/// CPython's messages ("cannot assign to function call", "cannot delete literal", and the "Maybe you
/// meant '=='" hints of its `invalid_named_expression` rule).
extension Parser {
    /// What CPython calls an expression in these messages (`_PyPegen_get_expr_name`).
    func expressionName(_ e: Expr) -> String {
        switch e.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolean, .binary, .unary, .slice: return "expression"
        case .generator: return "generator expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .formattedString: return "f-string expression"
        case .comparison: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpression: return "named expression"
        case .yield, .yieldFrom: return "yield expression"
        case .constant(let c):
            switch c {
            case .none: return "None"
            case .true: return "True"
            case .false: return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        }
    }

    /// The first part of `e` that cannot be assigned to (or deleted), or nil when `e` is a valid
    /// target (`_PyPegen_get_invalid_target`): names, attributes, subscripts, and tuples and lists of
    /// targets, with `*target` among them when assigning.
    func invalidTarget(_ e: Expr, deleting: Bool = false) -> Expr? {
        switch e.kind {
        case .name, .attribute, .subscript:
            return nil
        case .list(let elements), .tuple(let elements):
            for element in elements {
                if let bad = invalidTarget(element, deleting: deleting) { return bad }
            }
            return nil
        case .starred(let value):
            return deleting ? e : invalidTarget(value, deleting: deleting)
        default:
            return e
        }
    }

    /// "cannot assign to ..." for a `for`, comprehension or `with ... as` target.
    func checkAssignmentTarget(_ target: Expr) throws(SyntaxError) {
        if let bad = invalidTarget(target) {
            throw error("cannot assign to \(expressionName(bad))", at: bad.range)
        }
    }

    /// The error for an assignment chain `T0 = T1 = ...` in which the target before the current
    /// `=` is invalid, found as CPython's second pass finds it: first its hints for `T0 = value`
    /// read as a comparison (on T0, or on T0's last element when T0 is a tuple), then
    /// "cannot assign to ..." for the first invalid part of any target.
    func assignmentError(targets: [Expr], firstEquals: Int) throws(SyntaxError) -> SyntaxError {
        var candidate = targets[0]
        if case .tuple(let elements) = candidate.kind, !parenthesizedTuples.contains(candidate.range),
           let last = elements.last {
            candidate = last
        }
        let saved = checkpoint
        position = firstEquals
        let hint = try equalsInsteadOfComparison(after: candidate)
        restore(saved)
        if let hint { return hint }
        for target in targets {
            if let bad = invalidTarget(target) {
                return error("cannot assign to \(expressionName(bad))", at: bad.range)
            }
        }
        return failHere()
    }

    /// At `=` after `left` where no assignment may be (a condition, a display element): CPython's
    /// hints when `= value` follows and no further `=`. Nil when no hint applies.
    func equalsInsteadOfComparison(after left: Expr) throws(SyntaxError) -> SyntaxError? {
        let found = try lookAhead { (p: Parser) throws(SyntaxError) -> (Expr, Bool) in
            p.advance()
            let rhs = try p.parseBitwiseOr()
            return (rhs, try p.at(anyOf: .assign, .walrus))
        }
        guard let (rhs, assignmentFollows) = found, !assignmentFollows else { return nil }
        if case .name = left.kind, !parenthesized.contains(left.range) {
            return error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                         at: .spanning(left.range, rhs.range))
        }
        if isBitwiseOrLevel(left), !startsWithExcludedAtom(left) {
            return error("cannot assign to \(expressionName(left)) here. Maybe you meant '==' instead of '='?",
                         at: left.range)
        }
        return nil
    }

    /// Whether `e` could come from CPython's `bitwise_or` rule (binary operators, unary + - ~,
    /// primaries, atoms, anything in parentheses) rather than a comparison, `not`, `and`/`or`, ...
    func isBitwiseOrLevel(_ e: Expr) -> Bool {
        if parenthesized.contains(e.range) { return true }
        switch e.kind {
        case .comparison, .boolean, .conditional, .lambda, .namedExpression, .starred, .slice, .tuple:
            return false
        case .unary(let op, _):
            return op != .not
        default:
            return true
        }
    }

    /// Whether `e` begins with a list or tuple display, a generator expression, or True/None/False,
    /// which CPython's hint rule excludes by lookahead.
    func startsWithExcludedAtom(_ e: Expr) -> Bool {
        var x = e
        while true {
            switch x.kind {
            case .tuple:
                return true
            case .list, .generator, .constant(.true), .constant(.false), .constant(.none):
                return !parenthesized.contains(x.range)
            case .binary(_, let left, _): x = left
            case .call(let callee, _): x = callee
            case .attribute(let value, _), .subscript(let value, _): x = value
            default: return false
            }
            // Ranges start at an opening parenthesis: a leftmost operand starting later is in one.
            if x.range.start != e.range.start { return false }
        }
    }
}

/// Where `yield` occurs: what makes a function a generator, and which statements of its body must
/// be able to suspend. Only the expressions a scope evaluates itself count: a lambda's body, a
/// nested function's body and a comprehension past its first iterable belong to scopes of their own.
extension Expr {
    /// `yield ...` or `yield from ...` itself.
    var isYield: Bool {
        switch kind {
        case .yield, .yieldFrom: return true
        default: return false
        }
    }

    /// Whether evaluating this expression in its scope can reach a `yield`.
    var containsYield: Bool {
        switch kind {
        case .yield, .yieldFrom: return true
        default:
            var found = false
            _ = mapChildren { child in
                if !found && child.containsYield { found = true }
                return child
            }
            return found
        }
    }

    /// This expression with each child it evaluates in its own scope replaced by `transform`'s
    /// result, the children visited in CPython's evaluation order.
    func mapChildren(_ transform: (Expr) throws -> Expr) rethrows -> Expr {
        var e = self
        switch kind {
        case .name, .constant: return self
        case .formattedString(let parts): e.kind = .formattedString(try Expr.mapReplacements(parts, transform))
        case .tuple(let items): e.kind = .tuple(try items.map(transform))
        case .list(let items): e.kind = .list(try items.map(transform))
        case .set(let items): e.kind = .set(try items.map(transform))
        case .dict(let entries):
            e.kind = .dict(try entries.map { entry in
                switch entry {
                case .pair(let key, let value): return .pair(key: try transform(key), value: try transform(value))
                case .unpack(let mapping): return .unpack(try transform(mapping))
                }
            })
        case .listComprehension(let element, let clauses):
            e.kind = .listComprehension(element: element, clauses: try Expr.mapFirstIterable(clauses, transform))
        case .setComprehension(let element, let clauses):
            e.kind = .setComprehension(element: element, clauses: try Expr.mapFirstIterable(clauses, transform))
        case .dictComprehension(let key, let value, let clauses):
            e.kind = .dictComprehension(key: key, value: value, clauses: try Expr.mapFirstIterable(clauses, transform))
        case .generator(let element, let clauses):
            e.kind = .generator(element: element, clauses: try Expr.mapFirstIterable(clauses, transform))
        case .starred(let value): e.kind = .starred(try transform(value))
        case .unary(let op, let value): e.kind = .unary(op, try transform(value))
        case .binary(let op, let left, let right):
            let l = try transform(left)
            e.kind = .binary(op, l, try transform(right))
        case .boolean(let op, let values): e.kind = .boolean(op, try values.map(transform))
        case .comparison(let first, let rest):
            let f = try transform(first)
            e.kind = .comparison(f, try rest.map { Comparison($0.op, try transform($0.operand)) })
        case .conditional(let test, let body, let orElse):
            // Evaluated test first; the branches after it.
            let t = try transform(test)
            let b = try transform(body)
            e.kind = .conditional(test: t, body: b, orElse: try transform(orElse))
        case .lambda(var parameters, let body):
            parameters.positionalOnly = try Expr.mapDefaults(parameters.positionalOnly, transform)
            parameters.positionalOrKeyword = try Expr.mapDefaults(parameters.positionalOrKeyword, transform)
            parameters.keywordOnly = try Expr.mapDefaults(parameters.keywordOnly, transform)
            e.kind = .lambda(parameters, body: body)
        case .call(let callee, let arguments):
            let c = try transform(callee)
            e.kind = .call(c, arguments: try arguments.map { argument in
                switch argument {
                case .positional(let value): return .positional(try transform(value))
                case .unpacked(let value): return .unpacked(try transform(value))
                case .keyword(let name, let value, let range): return .keyword(name: name, value: try transform(value), range: range)
                case .unpackedKeywords(let value): return .unpackedKeywords(try transform(value))
                }
            })
        case .attribute(let value, let name): e.kind = .attribute(try transform(value), name: name)
        case .subscript(let value, let index):
            let v = try transform(value)
            e.kind = .subscript(v, index: try transform(index))
        case .slice(let lower, let upper, let step):
            let l = try lower.map(transform)
            let u = try upper.map(transform)
            e.kind = .slice(lower: l, upper: u, step: try step.map(transform))
        case .namedExpression(let name, let value): e.kind = .namedExpression(name: name, value: try transform(value))
        case .yield(let value): e.kind = .yield(try value.map(transform))
        case .yieldFrom(let value): e.kind = .yieldFrom(try transform(value))
        }
        return e
    }

    private static func mapReplacements(_ parts: [FStringPart], _ transform: (Expr) throws -> Expr) rethrows -> [FStringPart] {
        try parts.map { part in
            guard case .replacement(var field) = part else { return part }
            field.expression = try transform(field.expression)
            if let spec = field.formatSpec { field.formatSpec = try mapReplacements(spec, transform) }
            return .replacement(field)
        }
    }

    /// A comprehension's first iterable is evaluated by the enclosing scope; the rest by its own.
    private static func mapFirstIterable(_ clauses: [ComprehensionClause], _ transform: (Expr) throws -> Expr) rethrows -> [ComprehensionClause] {
        var out = clauses
        if !out.isEmpty { out[0].iterable = try transform(out[0].iterable) }
        return out
    }

    private static func mapDefaults(_ parameters: [Parameter], _ transform: (Expr) throws -> Expr) rethrows -> [Parameter] {
        try parameters.map { p in
            var p = p
            p.defaultValue = try p.defaultValue.map(transform)
            return p
        }
    }
}

extension Stmt {
    /// Whether running this statement can reach a `yield` of the function it is in (a nested
    /// `def` counts only through its decorators and defaults).
    var containsYield: Bool {
        switch kind {
        case .expression(let e): return e.containsYield
        case .assign(let targets, let value): return value.containsYield || targets.contains { $0.containsYield }
        case .augmentedAssign(let target, _, let value): return target.containsYield || value.containsYield
        case .annotatedAssign(let target, _, let value): return target.containsYield || (value?.containsYield ?? false)
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            return test.containsYield || body.containsYield || orElse.containsYield
        case .for(let target, let iterable, let body, let orElse):
            return target.containsYield || iterable.containsYield || body.containsYield || orElse.containsYield
        case .functionDefinition(let definition):
            return definition.decorators.contains { $0.containsYield }
                || definition.parameters.all.contains { $0.defaultValue?.containsYield ?? false }
        case .classDefinition(let definition):
            // Its body is not the function's (a `yield` there is a SyntaxError).
            return definition.decorators.contains { $0.containsYield } || definition.arguments.contains { $0.value.containsYield }
        case .return(let value): return value?.containsYield ?? false
        case .with(let items, let body):
            return items.contains { $0.context.containsYield || ($0.target?.containsYield ?? false) } || body.containsYield
        case .delete(let targets): return targets.contains { $0.containsYield }
        case .assert(let test, let message): return test.containsYield || (message?.containsYield ?? false)
        case .try(let t):
            return t.body.containsYield || t.orElse.containsYield || t.finally.containsYield
                || t.handlers.contains { ($0.type?.containsYield ?? false) || $0.body.containsYield }
        case .raise(let exception, let cause): return (exception?.containsYield ?? false) || (cause?.containsYield ?? false)
        case .match(let subject, let cases):
            return subject.containsYield || cases.contains { c in
                c.pattern.expressions.contains { $0.containsYield } || (c.guardTest?.containsYield ?? false) || c.body.containsYield
            }
        case .break, .continue, .pass, .import, .importFrom, .global, .nonlocal: return false
        }
    }
}

extension Array where Element == Stmt {
    var containsYield: Bool { contains { $0.containsYield } }
}

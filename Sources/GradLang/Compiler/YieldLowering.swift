/// Rewrites generator functions before names are resolved, so that every `yield` stands where the
/// resumable compiler (Compiler+Generators) takes it: alone as a statement (`yield v`) or as the
/// whole value of an assignment (`x = yield v`). A `yield` inside a larger expression
/// (`print((yield))`, `total += yield x`) becomes an assignment to a hidden local (`.y0`) before
/// the statement, and whatever that statement evaluates before the `yield` in CPython's order is
/// computed into hidden locals first, so a resumption re-runs nothing; an operand that `and`,
/// `or`, `if-else` or a comparison chain may skip becomes an `if` statement. What is not
/// rewritten (a `yield` in an assignment target, an `except` type, an `assert` message, the test
/// of a `while` with an `else`) is left as it is; the compiler reports it as not supported yet.
struct YieldLowering {
    private var temporaries = 0

    static func lowered(_ module: Module) -> Module {
        Module(body: module.body.map(lowerDefinitions))
    }

    /// `s`, with every generator function in it, at any depth, rewritten.
    private static func lowerDefinitions(_ s: Stmt) -> Stmt {
        var s = s.mapBlocks { $0.map(lowerDefinitions) }
        if case .functionDefinition(var definition) = s.kind, definition.body.containsYield {
            var lowering = YieldLowering()
            definition.body = lowering.block(definition.body)
            s.kind = .functionDefinition(definition)
        }
        return s
    }

    private mutating func block(_ body: [Stmt]) -> [Stmt] {
        body.flatMap { statement($0) }
    }

    private mutating func statement(_ s: Stmt) -> [Stmt] {
        guard s.containsYield else { return [s] }
        var prefix: [Stmt] = []
        var out = s
        switch s.kind {
        case .expression(let e):
            if e.isDirectYield { return [s] }
            out.kind = .expression(expression(e, &prefix))
        case .assign(let targets, let value):
            if targets.contains(where: \.containsYield) || value.isDirectYield { return [s] }
            out.kind = .assign(targets: targets, value: expression(value, &prefix))
        case .annotatedAssign(let target, _, let value?):
            // Annotations in a function are never evaluated.
            if target.containsYield { return [s] }
            out.kind = .assign(targets: [target], value: value)
            return statement(out)
        case .augmentedAssign(let target, let op, let value):
            return augmentedAssignment(target, op, value, s.range)
        case .return(let value?):
            out.kind = .return(expression(value, &prefix))
        case .raise(let exception, let cause):
            // `raise a from b` evaluates `a`, then `b`: a tuple of the two has that order.
            let both = Expr(.tuple([exception, cause].compactMap { $0 }), s.range)
            guard case .tuple(let lowered) = expression(both, &prefix).kind else { return [s] }
            out.kind = .raise(exception: exception == nil ? nil : lowered.first, cause: cause == nil ? nil : lowered.last)
        case .if(let test, let body, let orElse):
            out.kind = .if(test: expression(test, &prefix), body: block(body), orElse: block(orElse))
        case .while(let test, let body, let orElse):
            guard test.containsYield else {
                out.kind = .while(test: test, body: block(body), orElse: block(orElse))
                break
            }
            // The test runs before each iteration: `while True:` with the test's statements
            // first and a `break` when it fails (`continue` goes back to them too).
            guard orElse.isEmpty else { return [s] }
            var testPrefix: [Stmt] = []
            let condition = expression(test, &testPrefix)
            let exit = Stmt(.if(test: Expr(.unary(.not, condition), test.range), body: [Stmt(.break, test.range)], orElse: []), test.range)
            out.kind = .while(test: Expr(.constant(.true), test.range), body: testPrefix + [exit] + block(body), orElse: [])
        case .for(let target, let iterable, let body, let orElse):
            if target.containsYield { return [s] }
            out.kind = .for(target: target, iterable: expression(iterable, &prefix), body: block(body), orElse: block(orElse))
        case .with(let items, let body):
            return withStatement(items, body, s.range)
        case .try(let t):
            if t.handlers.contains(where: { $0.type?.containsYield ?? false }) { return [s] }
            out = s.mapBlocks { block($0) }
        case .assert(let test, let message):
            if message?.containsYield ?? false { return [s] }
            out.kind = .assert(test: expression(test, &prefix), message: message)
        default:
            return [s]
        }
        return prefix + [out]
    }

    /// `target op= value` with a `yield` in `value`: CPython reads the target before the value,
    /// so the target's object, index and current value go to hidden locals first; the in-place
    /// operation and the store follow.
    private mutating func augmentedAssignment(_ target: Expr, _ op: BinaryOperator, _ value: Expr, _ range: SourceRange) -> [Stmt] {
        var prefix: [Stmt] = []
        let store: Expr
        switch target.kind {
        case .name:
            store = target
        case .attribute(let object, let name):
            if object.containsYield { return [Stmt(.augmentedAssign(target: target, op: op, value: value), range)] }
            store = Expr(.attribute(hoisted(object, &prefix), name: name), target.range)
        case .subscript(let object, let index):
            if object.containsYield || index.containsYield {
                return [Stmt(.augmentedAssign(target: target, op: op, value: value), range)]
            }
            let o = hoisted(object, &prefix)
            store = Expr(.subscript(o, index: hoisted(index, &prefix)), target.range)
        default:
            return [Stmt(.augmentedAssign(target: target, op: op, value: value), range)]
        }
        let current = hoisted(store, &prefix)
        let operand = expression(value, &prefix)
        return prefix + [
            Stmt(.augmentedAssign(target: current, op: op, value: operand), range),
            Stmt(.assign(targets: [store], value: current), range),
        ]
    }

    /// `with a, b:` is `with a: with b:`; the items after the first with a `yield` are nested
    /// inside it, after their statements.
    private mutating func withStatement(_ items: [WithItem], _ body: [Stmt], _ range: SourceRange) -> [Stmt] {
        guard var first = items.first, !(first.target?.containsYield ?? false) else {
            return [Stmt(.with(items: items, body: body), range)]
        }
        var prefix: [Stmt] = []
        first.context = expression(first.context, &prefix)
        let rest = Array(items.dropFirst())
        let inner = rest.isEmpty ? block(body) : withStatement(rest, body, range)
        return prefix + [Stmt(.with(items: [first], body: inner), range)]
    }

    /// `e` with each `yield` in it replaced by a hidden local that an assignment in `prefix`
    /// sets, and what is evaluated before the last `yield` computed into hidden locals there too.
    private mutating func expression(_ e: Expr, _ prefix: inout [Stmt]) -> Expr {
        guard e.containsYield else { return e }
        switch e.kind {
        case .yield, .yieldFrom:
            let direct = e.mapChildren { expression($0, &prefix) }
            let name = newTemporary(e.range)
            prefix.append(Stmt(.assign(targets: [name], value: direct), e.range))
            return name
        case .boolean(let op, let values) where values.dropFirst().contains(where: \.containsYield):
            // Each operand is evaluated only when the ones before it did not decide: `if` statements.
            let result = newTemporary(e.range)
            prefix += shortCircuit(op, values[...], into: result)
            return result
        case .conditional(let test, let body, let orElse) where body.containsYield || orElse.containsYield:
            let result = newTemporary(e.range)
            let condition = expression(test, &prefix)
            prefix.append(Stmt(.if(test: condition, body: assigning(body, to: result), orElse: assigning(orElse, to: result)), e.range))
            return result
        case .comparison(let first, let rest) where rest.dropFirst().contains(where: { $0.operand.containsYield }):
            // `a < b < c` compares `b < c` only when `a < b` holds, evaluating each operand once.
            let result = newTemporary(e.range)
            let left = hoisted(first, &prefix)
            prefix += comparisonChain(from: left, rest[...], into: result, chain: e.range)
            return result
        default:
            break
        }
        var flags: [Bool] = []
        _ = e.mapChildren { child in
            flags.append(child.containsYield)
            return child
        }
        guard let last = flags.lastIndex(of: true) else { return e }
        var index = 0
        return e.mapChildren { child in
            defer { index += 1 }
            if index < last { return hoisted(child, &prefix) }
            if index == last { return expression(child, &prefix) }
            return child
        }
    }

    /// Statements setting `result` to `e`'s value, with what `e`'s yields need before.
    private mutating func assigning(_ e: Expr, to result: Expr) -> [Stmt] {
        var statements: [Stmt] = []
        let value = expression(e, &statements)
        return statements + [Stmt(.assign(targets: [result], value: value), e.range)]
    }

    /// `values[0] and values[1] and ...` (or `or`) into `result`, one operand at a time.
    private mutating func shortCircuit(_ op: BooleanOperator, _ values: ArraySlice<Expr>, into result: Expr) -> [Stmt] {
        guard let first = values.first else { return [] }
        var statements = assigning(first, to: result)
        let rest = values.dropFirst()
        if !rest.isEmpty {
            let goOn = op == .and ? result : Expr(.unary(.not, result), result.range)
            statements.append(Stmt(.if(test: goOn, body: shortCircuit(op, rest, into: result), orElse: []), first.range))
        }
        return statements
    }

    /// `left op1 x1 op2 x2 ...` into `result`, each comparison made only when the one before held
    /// (an error in any of them is reported at the whole `chain`, as CPython does).
    private mutating func comparisonChain(from left: Expr, _ rest: ArraySlice<Comparison>, into result: Expr,
                                          chain range: SourceRange) -> [Stmt] {
        guard let next = rest.first else { return [] }
        var statements: [Stmt] = []
        let more = rest.dropFirst()
        let right = more.isEmpty ? expression(next.operand, &statements) : hoisted(next.operand, &statements)
        statements.append(Stmt(.assign(targets: [result], value: Expr(.comparison(left, [Comparison(next.op, right)]), range)), range))
        if !more.isEmpty {
            statements.append(Stmt(.if(test: result, body: comparisonChain(from: right, more, into: result, chain: range), orElse: []), range))
        }
        return statements
    }

    /// A hidden local holding `e`'s value, computed in `prefix` (a constant stays as it is; `*x`
    /// keeps its star around the hidden `x`).
    private mutating func hoisted(_ e: Expr, _ prefix: inout [Stmt]) -> Expr {
        switch e.kind {
        case .constant: return e
        case .starred(let inner): return Expr(.starred(hoisted(inner, &prefix)), e.range)
        case .slice: return e.mapChildren { hoisted($0, &prefix) }
        default:
            let value = expression(e, &prefix)
            let name = newTemporary(e.range)
            prefix.append(Stmt(.assign(targets: [name], value: value), e.range))
            return name
        }
    }

    private mutating func newTemporary(_ range: SourceRange) -> Expr {
        defer { temporaries += 1 }
        // Not a valid identifier, so no user name can clash with it.
        return Expr(.name(".y\(temporaries)"), range)
    }
}

extension Expr {
    /// `yield v` or `yield from v` with no other `yield` inside.
    var isDirectYield: Bool {
        switch kind {
        case .yield(let value): return !(value?.containsYield ?? false)
        case .yieldFrom(let value): return !value.containsYield
        default: return false
        }
    }
}

extension Stmt {
    /// This statement with each statement list directly inside it (a function's body too)
    /// replaced by `transform`'s result.
    func mapBlocks(_ transform: ([Stmt]) -> [Stmt]) -> Stmt {
        var s = self
        switch kind {
        case .if(let test, let body, let orElse): s.kind = .if(test: test, body: transform(body), orElse: transform(orElse))
        case .while(let test, let body, let orElse): s.kind = .while(test: test, body: transform(body), orElse: transform(orElse))
        case .for(let target, let iterable, let body, let orElse):
            s.kind = .for(target: target, iterable: iterable, body: transform(body), orElse: transform(orElse))
        case .with(let items, let body): s.kind = .with(items: items, body: transform(body))
        case .functionDefinition(var definition):
            definition.body = transform(definition.body)
            s.kind = .functionDefinition(definition)
        case .classDefinition(var definition):
            definition.body = transform(definition.body)
            s.kind = .classDefinition(definition)
        case .try(var t):
            t.body = transform(t.body)
            t.handlers = t.handlers.map { handler in
                var handler = handler
                handler.body = transform(handler.body)
                return handler
            }
            t.orElse = transform(t.orElse)
            t.finally = transform(t.finally)
            s.kind = .try(t)
        default: break
        }
        return s
    }
}

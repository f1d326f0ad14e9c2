/// Rewrites generator functions before names are resolved, so that every `yield` stands where the
/// resumable compiler (Compiler+Generators) takes it: alone as a statement (`yield v`) or as the
/// whole value of an assignment (`x = yield v`). A `yield` inside a larger expression
/// (`print((yield))`, `total += yield x`) becomes an assignment to a hidden local (`.y0`) before
/// the statement, and whatever that statement evaluates before the `yield` in CPython's order is
/// computed into hidden locals first, so a resumption re-runs nothing; an operand that `and`,
/// `or`, `if-else` or a comparison chain may skip becomes an `if` statement. A target with a
/// `yield` in it is stored from a hidden local after the value, an `except` type with one is
/// evaluated in a catch-all handler that re-raises into the handlers from there on, an `assert`
/// message with one in an `if` on the test, a `while` test with one in a `while True:`
/// whose `else` runs on a hidden flag, and a `case` guard with one in an `if` inside its case.
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

    /// A lambda whose body holds a `yield`: a generator function whose body returns that
    /// expression. Compiling the lambda and scanning its scope both take this, so they agree on
    /// the hidden locals it introduces.
    static func lambdaBody(_ body: Expr) -> [Stmt] {
        var lowering = YieldLowering()
        return lowering.block([Stmt(.return(body), body.range)])
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
            if targets.contains(where: \.containsYield) { return assignmentToTargets(targets, value, s.range) }
            if value.isDirectYield { return [s] }
            out.kind = .assign(targets: targets, value: expression(value, &prefix))
        case .annotatedAssign(let target, _, let value?):
            // Annotations in a function are never evaluated.
            out.kind = .assign(targets: [target], value: value)
            return statement(out)
        case .annotatedAssign(let target, _, nil):
            // Without a value only a target's parts are evaluated (CPython's `check_ann_expr`).
            let parts = Expr(.tuple(target.annotatedTargetParts), target.range)
            return statement(Stmt(.expression(parts), s.range))
        case .functionDefinition(var definition):
            // Decorators, then defaults, are evaluated before the function is made.
            definition.decorators = definition.decorators.map { hoisted($0, &prefix) }
            var parameters = definition.parameters
            parameters.positionalOnly = hoistingDefaults(parameters.positionalOnly, &prefix)
            parameters.positionalOrKeyword = hoistingDefaults(parameters.positionalOrKeyword, &prefix)
            parameters.keywordOnly = hoistingDefaults(parameters.keywordOnly, &prefix)
            definition.parameters = parameters
            out.kind = .functionDefinition(definition)
        case .classDefinition(var definition):
            // Decorators, then the bases and keywords, are evaluated before the body runs.
            definition.decorators = definition.decorators.map { hoisted($0, &prefix) }
            definition.arguments = definition.arguments.map { argument in
                switch argument {
                case .positional(let value): return .positional(hoisted(value, &prefix))
                case .unpacked(let value): return .unpacked(hoisted(value, &prefix))
                case .keyword(let name, let value, let range): return .keyword(name: name, value: hoisted(value, &prefix), range: range)
                case .unpackedKeywords(let value): return .unpackedKeywords(hoisted(value, &prefix))
                }
            }
            out.kind = .classDefinition(definition)
        case .delete(let targets):
            // Each target is deleted before the next is evaluated.
            return targets.flatMap { target in
                var prefix: [Stmt] = []
                let lowered = expression(target, &prefix)
                return prefix + [Stmt(.delete([lowered]), s.range)]
            }
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
        case .match(let subject, let cases):
            let lowered = expression(subject, &prefix)
            return prefix + matchStatement(lowered, cases[...], s.range)
        case .while(let test, let body, let orElse):
            guard test.containsYield else {
                out.kind = .while(test: test, body: block(body), orElse: block(orElse))
                break
            }
            return loop(yieldingTest: test, body, orElse, s.range)
        case .for(let target, let iterable, let body, let orElse):
            // `for a[(yield)] in xs:` stores each element from a hidden loop variable.
            var loopTarget = target, stores: [Stmt] = []
            if target.containsYield {
                loopTarget = newTemporary(target.range)
                stores = storing(loopTarget, into: target, s.range)
            }
            out.kind = .for(target: loopTarget, iterable: expression(iterable, &prefix), body: stores + block(body), orElse: block(orElse))
        case .with(let items, let body):
            return withStatement(items, body, s.range)
        case .try:
            out = s.mapBlocks { block($0) }
            guard case .try(var t) = out.kind else { return [out] }
            t.handlers = handlersEvaluatingTypesInTurn(t.handlers[...])
            out.kind = .try(t)
        case .assert(let test, let message):
            let condition = expression(test, &prefix)
            guard let message, message.containsYield else {
                out.kind = .assert(test: condition, message: message)
                break
            }
            // The message is evaluated only when the test fails.
            var failing: [Stmt] = []
            let text = expression(message, &failing)
            let fail = Stmt(.assert(test: Expr(.constant(.false), test.range), message: text), s.range)
            out.kind = .if(test: Expr(.unary(.not, condition), test.range), body: failing + [fail], orElse: [])
        default:
            return [s]
        }
        return prefix + [out]
    }

    private mutating func hoistingDefaults(_ parameters: [Parameter], _ prefix: inout [Stmt]) -> [Parameter] {
        parameters.map { parameter in
            var parameter = parameter
            parameter.defaultValue = parameter.defaultValue.map { hoisted($0, &prefix) }
            return parameter
        }
    }

    /// `while test:` with a `yield` in `test`, which runs before each iteration: `while True:` with
    /// the test's statements first and a `break` when it fails (`continue` goes back to them too).
    /// An `else` runs after the loop when that `break` ended it, not one of the body's: a hidden
    /// flag tells them apart (the `else` stays outside, its `break` and `continue` belonging to
    /// an outer loop).
    private mutating func loop(yieldingTest test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ range: SourceRange) -> [Stmt] {
        var testStatements: [Stmt] = []
        let condition = expression(test, &testStatements)
        let at = test.range
        var exit = [Stmt(.break, at)]
        var before: [Stmt] = [], after: [Stmt] = []
        if !orElse.isEmpty {
            let testFailed = newTemporary(at)
            before = [Stmt(.assign(targets: [testFailed], value: Expr(.constant(.false), at)), at)]
            exit.insert(Stmt(.assign(targets: [testFailed], value: Expr(.constant(.true), at)), at), at: 0)
            after = [Stmt(.if(test: testFailed, body: block(orElse), orElse: []), range)]
        }
        let check = Stmt(.if(test: Expr(.unary(.not, condition), at), body: exit, orElse: []), at)
        let loop = Stmt(.while(test: Expr(.constant(.true), at), body: testStatements + [check] + block(body), orElse: []), range)
        return before + [loop] + after
    }

    /// A `match` (patterns hold no expression a `yield` can be in; guards may). The first guard
    /// with a `yield` becomes an `if` inside its case; the cases after it go to a second `match` on
    /// the same subject, run when a hidden flag (set by every case body) says no case ran.
    private mutating func matchStatement(_ subject: Expr, _ cases: ArraySlice<MatchCase>, _ range: SourceRange) -> [Stmt] {
        guard let yielding = cases.firstIndex(where: { $0.guardTest?.containsYield ?? false }),
              let test = cases[yielding].guardTest else {
            return [Stmt(.match(subject: subject, cases: cases.map { c in
                var c = c
                c.body = block(c.body)
                return c
            }), range)]
        }
        let held = newTemporary(subject.range), ran = newTemporary(range)
        let setRan = Stmt(.assign(targets: [ran], value: Expr(.constant(.true), range)), range)
        var first = cases[..<yielding].map { c in
            var c = c
            c.body = [setRan] + block(c.body)
            return c
        }
        var guarded = cases[yielding]
        guarded.guardTest = nil
        guarded.body = statement(Stmt(.if(test: test, body: [setRan] + guarded.body, orElse: []), test.range))
        first.append(guarded)
        var statements = [
            Stmt(.assign(targets: [held], value: subject), range),
            Stmt(.assign(targets: [ran], value: Expr(.constant(.false), range)), range),
            Stmt(.match(subject: held, cases: first), range),
        ]
        let rest = cases[(yielding + 1)...]
        if !rest.isEmpty {
            let noCaseRan = Expr(.unary(.not, ran), range)
            statements.append(Stmt(.if(test: noCaseRan, body: matchStatement(held, rest, range), orElse: []), range))
        }
        return statements
    }

    /// `t1 = t2 = ... = value` where a target holds a `yield`: the value first, then each target
    /// in turn, its own parts evaluated just before it is stored, as CPython does.
    private mutating func assignmentToTargets(_ targets: [Expr], _ value: Expr, _ range: SourceRange) -> [Stmt] {
        let result = newTemporary(value.range)
        var statements = statement(Stmt(.assign(targets: [result], value: value), range))
        for target in targets { statements += storing(result, into: target, range) }
        return statements
    }

    /// Statements storing `value` (a hidden local) into `target`: a tuple or list target is
    /// unpacked into hidden locals first, then each element stored in order.
    private mutating func storing(_ value: Expr, into target: Expr, _ range: SourceRange) -> [Stmt] {
        guard target.containsYield else { return [Stmt(.assign(targets: [target], value: value), range)] }
        switch target.kind {
        case .tuple(let items), .list(let items):
            var parts: [Expr] = [], elements: [Expr] = []
            for item in items {
                let part = newTemporary(item.range)
                if case .starred(let inner) = item.kind {
                    parts.append(Expr(.starred(part), item.range))
                    elements.append(inner)
                } else {
                    parts.append(part)
                    elements.append(item)
                }
            }
            var statements = [Stmt(.assign(targets: [Expr(.tuple(parts), target.range)], value: value), range)]
            for (part, element) in zip(parts, elements) {
                let hidden: Expr
                if case .starred(let inner) = part.kind { hidden = inner } else { hidden = part }
                statements += storing(hidden, into: element, range)
            }
            return statements
        default:
            // A subscript or attribute: its object and index evaluated (and yielded) first.
            var prefix: [Stmt] = []
            let lowered = expression(target, &prefix)
            return prefix + [Stmt(.assign(targets: [lowered], value: value), range)]
        }
    }

    /// Handlers whose types hold a `yield`: the handlers before the first such one stay; from
    /// it on, a catch-all handler evaluates its type (yielding, as CPython does only once an
    /// exception arrives) and re-raises the exception being handled into a `try` whose handlers
    /// are that one and, evaluated the same way, the rest.
    private mutating func handlersEvaluatingTypesInTurn(_ handlers: ArraySlice<ExceptHandler>) -> [ExceptHandler] {
        guard let k = handlers.firstIndex(where: { $0.type?.containsYield ?? false }), let type = handlers[k].type else {
            return Array(handlers)
        }
        var matching = handlers[k]
        var evaluation: [Stmt] = []
        matching.type = expression(type, &evaluation)
        let range = matching.range
        let rematch = TryStatement(body: [Stmt(.raise(exception: nil, cause: nil), range)],
                                   handlers: [matching] + handlersEvaluatingTypesInTurn(handlers[(k + 1)...]),
                                   orElse: [], finally: [])
        let catchAll = ExceptHandler(type: nil, name: nil, body: evaluation + [Stmt(.try(rematch), range)], range: range)
        return Array(handlers[..<k]) + [catchAll]
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
            store = Expr(.attribute(hoisted(object, &prefix), name: name), target.range)
        case .subscript(let object, let index):
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
    /// inside it, after their statements. A target with a `yield` in it is stored from a
    /// hidden local at the start of the body.
    private mutating func withStatement(_ items: [WithItem], _ body: [Stmt], _ range: SourceRange) -> [Stmt] {
        guard var first = items.first else { return [Stmt(.with(items: items, body: body), range)] }
        var prefix: [Stmt] = []
        first.context = expression(first.context, &prefix)
        var stores: [Stmt] = []
        if let target = first.target, target.containsYield {
            let entered = newTemporary(target.range)
            first.target = entered
            stores = storing(entered, into: target, range)
        }
        let rest = Array(items.dropFirst())
        let inner = rest.isEmpty ? block(body) : withStatement(rest, body, range)
        return prefix + [Stmt(.with(items: [first], body: stores + inner), range)]
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

extension Expr {
    /// What `target: annotation` with no value evaluates of its target: an attribute's object, a
    /// subscript's object and index (a slice's bounds, a tuple's items, in turn).
    fileprivate var annotatedTargetParts: [Expr] {
        func indexParts(_ index: Expr) -> [Expr] {
            switch index.kind {
            case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
            case .tuple(let items): return items.flatMap(indexParts)
            default: return [index]
            }
        }
        switch kind {
        case .attribute(let object, _): return [object]
        case .subscript(let object, let index): return [object] + indexParts(index)
        default: return []
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
        case .match(let subject, let cases):
            s.kind = .match(subject: subject, cases: cases.map { c in
                var c = c
                c.body = transform(c.body)
                return c
            })
        default: break
        }
        return s
    }
}

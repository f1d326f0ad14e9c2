/// List, set and dict comprehensions and generator expressions. Each runs in a scope of its own
/// (its loop variables do not leak), like the hidden function CPython makes for it. Generator
/// expressions are lazy: each `next()` advances the clauses' loops just far enough.
extension Compiler {
    enum ComprehensionKind {
        case list(Expr), set(Expr), dict(Expr, Expr), generator(Expr)

        /// The hidden function's name in tracebacks, as CPython 3.11 names it.
        var frameName: String {
            switch self {
            case .list: return "<listcomp>"
            case .set: return "<setcomp>"
            case .dict: return "<dictcomp>"
            case .generator: return "<genexpr>"
            }
        }
    }

    /// The values a comprehension has produced so far: a struct its loops change in place (as
    /// an `inout` argument), which needs no exclusivity check at run time, where a class's
    /// array property would be checked at every append.
    struct Accumulator {
        var items: [Value] = []
        let dict = PyDict()
    }

    func comprehension(_ kind: ComprehensionKind, _ clauses: [ComprehensionClause], _ range: SourceRange) -> ExprCode {
        guard let first = clauses.first else { return { _ in .none } }
        if case .generator(let element) = kind { return generator(element, clauses, range) }
        let firstIterable = expression(first.iterable)
        let outer = scope
        let inner = tree.scope(at: range.start) ?? Scope(kind: .function, parent: outer)
        scope = inner
        let emit: (Frame, inout Accumulator) throws -> Void
        switch kind {
        case .list(let e), .set(let e), .generator(let e):
            let value = expression(e)
            emit = { f, acc in
                let item = try value(f)
                try Allocation.checkGrowth(of: acc.items, to: acc.items.count + 1)
                acc.items.append(item)
            }
        case .dict(let k, let v):
            let key = expression(k), value = expression(v)
            emit = { f, acc in
                let kv = try key(f)
                try Compiler.locatingErrors(at: range, in: f) { try acc.dict.set(kv, try value(f)) }
            }
        }
        let loops = nestedLoops(clauses, at: 0, of: range, innermost: emit)
        scope = outer
        let captured: [(Frame) -> PyCell] = inner.freeNames.map { name in
            if let i = outer.capturedCell(name) { return { f in f.cells[i] } }
            return { _ in PyCell() }
        }
        let slotCount = inner.slotNames.count, cellCount = inner.cellNames.count
        let interpreter = interpreter, origin = origin
        return { f in
            let source = try firstIterable(f)
            let iterator = try Compiler.locatingErrors(at: first.iterable.range, in: f) { try Iteration.iterator(source) }
            let frame = Frame(slotCount: slotCount, cells: (0..<cellCount).map { _ in PyCell() } + captured.map { $0(f) },
                              name: kind.frameName, origin: origin)
            frame.line = range.start.line
            var acc = Accumulator()
            try Compiler.locatingErrors(at: range, in: f) {
                try interpreter.nested(in: frame) { try loops(frame, &acc, iterator) }
            }
            switch kind {
            // (Generators never get here: they return early, lazily.)
            case .list, .generator: return .object(PyList(acc.items))
            case .set:
                let s = PySet()
                for v in acc.items { try Compiler.locatingErrors(at: range, in: f) { try s.insert(v) } }
                return .object(s)
            case .dict: return .object(acc.dict)
            }
        }
    }

    /// The `for ... in ... if ...` clauses from `index` on, as nested loops around `innermost`
    /// (`range`: the comprehension's, where CPython reports a condition that has no truth value).
    private func nestedLoops(_ clauses: [ComprehensionClause], at index: Int, of range: SourceRange,
                             innermost: @escaping (Frame, inout Accumulator) throws -> Void)
        -> (Frame, inout Accumulator, PyIterator) throws -> Void {
        let clause = clauses[index]
        let store = assignment(clause.target)
        let conditions = clause.conditions.map { truth($0, context: range) }
        let interpreter = interpreter
        let body: (Frame, inout Accumulator) throws -> Void
        if index + 1 < clauses.count {
            let next = clauses[index + 1]
            let iterable = expression(next.iterable)
            let deeper = nestedLoops(clauses, at: index + 1, of: range, innermost: innermost)
            body = { f, acc in
                let source = try iterable(f)
                try deeper(f, &acc, try Compiler.locatingErrors(at: next.iterable.range, in: f) { try Iteration.iterator(source) })
            }
        } else {
            body = innermost
        }
        return { f, acc, iterator in
            outer: while let item = try iterator.next() {
                try interpreter.checkPendingEvents()
                try store(f, item)
                for condition in conditions where !(try condition(f)) { continue outer }
                try body(f, &acc)
            }
        }
    }
}

extension Compiler {
    /// `(element for x in xs if c ...)`: an iterator whose `next()` resumes the clauses' loops
    /// (kept as a stack of iterators) until the next element.
    private func generator(_ element: Expr, _ clauses: [ComprehensionClause], _ range: SourceRange) -> ExprCode {
        let firstIterable = expression(clauses[0].iterable), firstRange = clauses[0].iterable.range
        let outer = scope
        let inner = tree.scope(at: range.start) ?? Scope(kind: .function, parent: outer)
        scope = inner
        let stores = clauses.map { assignment($0.target) }
        let conditions = clauses.map { $0.conditions.map { truth($0, context: range) } }
        let iterables: [(code: ExprCode, range: SourceRange)?] = clauses.enumerated().map { i, c in
            i == 0 ? nil : (expression(c.iterable), c.iterable.range)
        }
        let value = expression(element)
        scope = outer
        let captured: [(Frame) -> PyCell] = inner.freeNames.map { name in
            if let i = outer.capturedCell(name) { return { f in f.cells[i] } }
            return { _ in PyCell() }
        }
        let slotCount = inner.slotNames.count, cellCount = inner.cellNames.count
        let origin = origin, line = range.start.line, interpreter = interpreter
        return { f in
            let source = try firstIterable(f)
            let first = try Compiler.locatingErrors(at: firstRange, in: f) { try Iteration.iterator(source) }
            let frame = Frame(slotCount: slotCount, cells: (0..<cellCount).map { _ in PyCell() } + captured.map { $0(f) },
                              name: "<genexpr>", origin: origin)
            // The frame and the clauses' iterators are held where the cycle collector sees them.
            // Each resumption is a call, as in CPython: a generator over a generator over ... a
            // million deep ends in RecursionError, not in a stack overflow.
            let body = GeneratorExpressionBody(frame: frame, first: first) { state, frame in try interpreter.nested(in: frame) {
                frame.line = line
                while let top = state.stack.last {
                    let level = state.stack.count - 1
                    // CPython marks the whole generator expression when its iteration fails.
                    guard let item = try Compiler.locatingErrors(at: range, in: frame, { try top.next() }) else {
                        _ = state.stack.popLast()
                        continue
                    }
                    try stores[level](frame, item)
                    if try !conditions[level].allSatisfy({ try $0(frame) }) { continue }
                    if let nextIterable = iterables[safe: level + 1] ?? nil {
                        let v = try nextIterable.code(frame)
                        let iterator = try Compiler.locatingErrors(at: nextIterable.range, in: frame) { try Iteration.iterator(v) }
                        state.stack.append(iterator)
                        continue
                    }
                    return try value(frame)
                }
                state.finish()
                return nil
            } }
            return .object(PyIterator(name: "generator", body: body))
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

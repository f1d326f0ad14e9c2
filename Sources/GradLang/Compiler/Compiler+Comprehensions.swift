/// List, set and dict comprehensions and generator expressions. Each runs in a scope of its own
/// (its loop variables do not leak), like the hidden function CPython makes for it. Generator
/// expressions are evaluated eagerly and then iterated: the same results for the finite
/// iterables grad supports, without coroutines.
extension Compiler {
    enum ComprehensionKind {
        case list(Expr), set(Expr), dict(Expr, Expr), generator(Expr)
    }

    /// The values a comprehension has produced so far.
    final class Accumulator {
        var items: [Value] = []
        let dict = PyDict()
    }

    func comprehension(_ kind: ComprehensionKind, _ clauses: [ComprehensionClause], _ range: SourceRange) -> ExprCode {
        guard let first = clauses.first else { return { _ in .none } }
        let firstIterable = expression(first.iterable)
        let outer = scope
        let inner = tree.scope(at: range.start) ?? Scope(kind: .function, parent: outer)
        scope = inner
        let emit: (Frame, Accumulator) throws -> Void
        switch kind {
        case .list(let e), .set(let e), .generator(let e):
            let value = expression(e)
            emit = { f, acc in acc.items.append(try value(f)) }
        case .dict(let k, let v):
            let key = expression(k), value = expression(v)
            emit = { f, acc in
                let kv = try key(f)
                try Compiler.at(range, f) { try acc.dict.set(kv, try value(f)) }
            }
        }
        let loops = nestedLoops(clauses, at: 0, innermost: emit)
        scope = outer
        let captured: [(Frame) -> PyCell] = inner.freeNames.map { name in
            if case .cell(let i) = outer.resolve(name) { return { f in f.cells[i] } }
            return { _ in PyCell() }
        }
        let slotCount = inner.slotNames.count, cellCount = inner.cellNames.count
        let interpreter = interpreter
        return { f in
            let source = try firstIterable(f)
            let iterator = try Compiler.at(first.iterable.range, f) { try Iteration.iterator(source) }
            let frame = Frame(slotCount: slotCount, cells: (0..<cellCount).map { _ in PyCell() } + captured.map { $0(f) })
            let acc = Accumulator()
            try interpreter.nested { try loops(frame, acc, iterator) }
            switch kind {
            case .list: return .object(PyList(acc.items))
            case .set:
                let s = PySet()
                for v in acc.items { try Compiler.at(range, f) { try s.insert(v) } }
                return .object(s)
            case .dict: return .object(acc.dict)
            case .generator:
                var i = 0
                let items = acc.items
                return .object(PyIterator(name: "generator") {
                    guard i < items.count else { return nil }
                    defer { i += 1 }
                    return items[i]
                })
            }
        }
    }

    /// The `for ... in ... if ...` clauses from `index` on, as nested loops around `innermost`.
    private func nestedLoops(_ clauses: [ComprehensionClause], at index: Int,
                             innermost: @escaping (Frame, Accumulator) throws -> Void)
        -> (Frame, Accumulator, PyIterator) throws -> Void {
        let clause = clauses[index]
        let store = assignment(clause.target)
        let conditions = clause.conditions.map(truth)
        let interpreter = interpreter
        let body: (Frame, Accumulator) throws -> Void
        if index + 1 < clauses.count {
            let next = clauses[index + 1]
            let iterable = expression(next.iterable)
            let deeper = nestedLoops(clauses, at: index + 1, innermost: innermost)
            body = { f, acc in
                let source = try iterable(f)
                try deeper(f, acc, try Compiler.at(next.iterable.range, f) { try Iteration.iterator(source) })
            }
        } else {
            body = innermost
        }
        return { f, acc, iterator in
            outer: while let item = try iterator.next() {
                try interpreter.checkInterrupt()
                try store(f, item)
                for condition in conditions where !(try condition(f)) { continue outer }
                try body(f, acc)
            }
        }
    }
}

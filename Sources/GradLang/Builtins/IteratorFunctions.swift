/// Built-ins that walk iterables: `len`, `iter`, `next`, `enumerate`, `zip`, `map`, `filter`,
/// `reversed`, `sorted`, `any`, `all`. The lazy ones return iterators, as in Python 3.
enum IteratorFunctions {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("len(obj, /)", one: { obj, _ in .int(try length(obj)) }),
            PyBuiltin("iter(object, sentinel=<unset>, /)") { args in
                guard let sentinel = args.given("sentinel") else {
                    // A generator is its own iterator.
                    if case .object(let g as PyGeneratorObject) = args["object"] { return .object(g) }
                    return .object(try Iteration.iterator(args["object"]))
                }
                let function = args["object"]
                guard IntrospectionFunctions.isCallable(function) else { throw PyError.type("iter(v, w): v must be callable") }
                var done = false
                let interpreter = args.interpreter
                return .object(PyIterator(name: "callable_iterator", holding: [function, sentinel]) { held in
                    if done { return nil }
                    let v = try interpreter.call(held[0], Arguments())
                    if try Operators.equals(v, held[1]) { done = true; return nil }
                    return v
                })
            },
            PyBuiltin("next(iterator, default=<unset>, /)") { args in
                if case .object(let g as PyGeneratorObject) = args["iterator"] {
                    guard let fallback = args.given("default") else { return try g.send(.none) }
                    if case .yielded(let v) = try g.resume(sending: .none) { return v }
                    return fallback
                }
                let it: PyIterator
                switch args["iterator"] {
                case .object(let i as PyIterator): it = i
                case .object(let i as PyInstance) where SpecialMethods.defines(i, .next): it = SpecialMethods.stepping(i)
                default: throw PyError.type("'\(args["iterator"].typeName)' object is not an iterator")
                }
                if let v = try it.next() { return v }
                if let fallback = args.given("default") { return fallback }
                throw PyError(PyExc.stopIteration, "")
            },
            PyBuiltin("enumerate(iterable, start=0)", style: .enumerate) { args in
                let source = try Iteration.iterator(args["iterable"])
                var counter = Value.integer(try Arg.integer(args["start"]))
                return .object(PyIterator(name: "enumerate", holding: [.object(source)], cpythonTuples: 1) { held in
                    guard let v = try held[0].object(as: PyIterator.self)?.next() else { return nil }
                    defer { counter = (try? Operators.binary(.add, counter, .int(1))) ?? counter }
                    return .object(PyTuple([counter, v]))
                })
            },
            PyBuiltin("zip(*iterables, strict=False)", style: .keywordsFromEmptyTuple) { args in
                let sources = try args.varargs("iterables").map(Iteration.iterator)
                return .object(try zip(sources, strict: Operators.truthy(args["strict"])))
            },
            PyBuiltin("map(*args, /)") { args in
                let all = args.varargs("args")
                guard all.count >= 2 else { throw PyError.type("map() must have at least two arguments.") }
                let sources = try all.dropFirst().map { Value.object(try Iteration.iterator($0)) }
                let interpreter = args.interpreter
                // Held: the function, then the sources.
                return .object(PyIterator(name: "map", holding: [all[0]] + sources, cpythonTuples: 1) { held in
                    var values: [Value] = []
                    for source in held.dropFirst() {
                        guard let v = try source.object(as: PyIterator.self)?.next() else { return nil }
                        values.append(v)
                    }
                    return try interpreter.call(held[0], Arguments(values))
                })
            },
            PyBuiltin("filter(function, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                return .object(PyIterator(name: "filter", holding: [args["function"], .object(source)]) { held in
                    let function = held[0]
                    while let v = try held[1].object(as: PyIterator.self)?.next() {
                        try interpreter.checkPendingEvents()
                        let keep = function.isNone ? v : try interpreter.call(function, Arguments([v]))
                        if try Operators.truthy(keep) { return v }
                    }
                    return nil
                })
            },
            PyBuiltin("reversed(sequence, /)", style: .checkPositional) { args in .object(try reversed(args["sequence"])) },
            PyBuiltin("sorted(iterable, /, **keywords)", shownAs: "sorted(iterable, /, *, key=None, reverse=False)") { args in
                // CPython's order: the iterable is read, then `list.sort` parses the keywords.
                let list = PyList(try Iteration.collect(args["iterable"]))
                _ = try ListMethods.sort.call(Arguments([.object(list)], keywords: args.keywordArguments("keywords")), args.interpreter)
                return .object(list)
            },
            PyBuiltin("any(iterable, /)") { args in
                let it = try Iteration.iterator(args["iterable"])
                while let v = try it.next() {
                    try args.interpreter.checkPendingEvents()
                    if try Operators.truthy(v) { return .bool(true) }
                }
                return .bool(false)
            },
            PyBuiltin("all(iterable, /)") { args in
                let it = try Iteration.iterator(args["iterable"])
                while let v = try it.next() {
                    try args.interpreter.checkPendingEvents()
                    if !(try Operators.truthy(v)) { return .bool(false) }
                }
                return .bool(true)
            },
        ]
    }

    static func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.count
        case .tensor(let t):
            guard let first = t.shape.first else { throw PyError.type("len() of a 0-d tensor") }
            return first
        case .object(let o):
            switch o {
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.count
            case let s as PySet: return s.count
            case let r as PyRange: return try r.count()
            case let s as PySized: return s.length
            case let m as PyMemoryView: return try m.length()
            case let i as PyInstance: return try SpecialMethods.length(i)
            case let c as PyClass:
                if let r = try Metaclasses.callSpecial(c, .len, []) {
                    return try Conversions.int(r, what: "'\(r.typeName)' object cannot be interpreted as an integer")
                }
            default: break
            }
        default: break
        }
        throw PyError.type("object of type '\(v.typeName)' has no len()")
    }

    /// Tuples of the next element of each source; with `strict`, sources of unequal length raise
    /// CPython's ValueError when the first one runs out.
    private static func zip(_ sources: [PyIterator], strict: Bool) throws -> PyIterator {
        var finished = sources.isEmpty
        return PyIterator(name: "zip", holding: sources.map { .object($0) }, cpythonTuples: 2) { held in
            if finished { return nil }
            var values: [Value] = []
            for k in held.indices {
                if let v = try held[k].object(as: PyIterator.self)?.next() { values.append(v); continue }
                finished = true
                guard strict else { return nil }
                if k > 0 {
                    let range = k == 1 ? "argument 1" : "arguments 1-\(k)"
                    throw PyError.value("zip() argument \(k + 1) is shorter than \(range)")
                }
                for m in held.indices.dropFirst() where try held[m].object(as: PyIterator.self)?.next() != nil {
                    let range = m == 1 ? "argument 1" : "arguments 1-\(m)"
                    throw PyError.value("zip() argument \(m + 1) is longer than \(range)")
                }
                return nil
            }
            return .object(PyTuple(values))
        }
    }

    static func reversed(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s):
            let scalars = s.scalars
            return countdown("reversed", scalars.count) { .str(String(scalars[$0])) }
        case .object(let o):
            switch o {
            case let l as PyList:
                // Reads the list as it is at each step, as CPython's list_reverseiterator does,
                // and stays exhausted once it was.
                var i = l.items.count - 1
                let iterator = PyIterator(name: "list_reverseiterator", holding: [v]) { held in
                    guard case .object(let l as PyList)? = held.first, i >= 0 && i < l.items.count else {
                        i = -1
                        return nil
                    }
                    defer { i -= 1 }
                    return l.items[i]
                }
                // The elements below the position, or none once the list is shorter than that.
                iterator.lengthHint = { iterator in
                    guard case .object(let l as PyList)? = iterator.held.first, i + 1 <= l.items.count else { return .int(0) }
                    return .int(i + 1)
                }
                return iterator
            case let t as PyTuple:
                var i = t.items.count - 1
                let iterator = PyIterator(name: "reversed", holding: [v]) { held in
                    guard case .object(let t as PyTuple)? = held.first, i >= 0 else { return nil }
                    defer { i -= 1 }
                    return t.items[i]
                }
                iterator.lengthHint = { _ in .int(i + 1) }
                return iterator
            case let r as PyRange: return r.makeIterator(reversed: true)
            case let b as PyBytes: return b.makeIterator(reversed: true)
            case let m as PyMemoryView: return try m.makeIterator(reversed: true)
            case let d as PyDict: return HashedIteration.backward(d, name: "dict_reversekeyiterator") { key, _ in key }
            case let view as PyDictView:
                return HashedIteration.backward(view.dict, name: "dict_reverse" + view.iteratorName, view.entry)
            default: break
            }
        default: break
        }
        throw PyError.type("'\(v.typeName)' object is not reversible")
    }

    /// element(n-1), ..., element(0).
    private static func countdown(_ name: String, _ n: Int, _ element: @escaping (Int) -> Value) -> PyIterator {
        var i = n - 1
        let iterator = PyIterator(name: name) {
            guard i >= 0 else { return nil }
            defer { i -= 1 }
            return element(i)
        }
        iterator.lengthHint = { _ in .int(i + 1) }
        return iterator
    }
}

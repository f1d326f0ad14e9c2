/// The `itertools` module: lazy iterators with CPython's semantics (what each yields, and when it
/// reads its inputs).
enum ItertoolsModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = [:]
        for f in functions { attributes[f.name] = .object(f) }
        attributes["chain"] = .object(chain)
        return PyModule(name: "itertools", attributes: attributes)
    }

    /// `chain`, a type for its class method `chain.from_iterable`.
    nonisolated(unsafe) static let chain = PyTypeObject(name: "chain", qualifiedName: "itertools.chain",
        constructor: PyBuiltin("chain(*iterables)") { args in
            // Over a tuple of the iterables, as CPython's `chain` (held where the collector sees it).
            return .object(chaining(try Iteration.iterator(.object(PyTuple(args.varargs("iterables"))))))
        }
    ) { value in
        if case .object(let it as PyIterator) = value { return it.typeName == "chain" }
        return false
    }

    nonisolated(unsafe) static let fromIterable = PyBuiltin("chain.from_iterable(iterable, /)") { args in
        let sources = try Iteration.iterator(args["iterable"])
        return .object(chaining(sources))
    }

    /// The elements of each iterable `sources` yields, one iterable after another.
    private static func chaining(_ sources: PyIterator) -> PyIterator {
        PyIterator(name: "chain", body: ChainBody(sources: sources))
    }

    /// `chain`'s running part: the iterator of the iterables, and that of the one being read.
    private final class ChainBody: IteratorBody {
        let sources: PyIterator
        var active: PyIterator?

        init(sources: PyIterator) { self.sources = sources }

        override func next() throws -> Value? {
            while true {
                if active == nil {
                    guard let next = try sources.next() else { return nil }
                    active = try Iteration.iterator(next)
                }
                if let v = try active?.next() { return v }
                active = nil
            }
        }

        override func forEachReference(_ visit: (Value) -> Void) {
            visit(.object(sources))
            if let active { visit(.object(active)) }
        }
        override func giveUpReferences(into released: inout [Value]) {
            if let active { released.append(.object(active)) }
            active = nil
        }
        /// A field of CPython's chain.
        override var uncountedCompanions: Int { -1 }
    }

    private static func islicePart(_ v: Value, _ what: String) throws -> Int? {
        if v.isNone { return nil }
        let message = what == "stop" ? "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            : "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        guard let n = try? Arg.integer(v) else { throw PyError.value(message) }
        guard let i = Int(exactly: n), i >= 0 else { throw PyError.value(message) }
        return i
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("itertools.count(start=0, step=1)") { args in
                let start = args["start"], step = args["step"]
                guard start.isRealNumber || start.instance != nil, step.isRealNumber || step.instance != nil else {
                    throw PyError.type("a number is required")
                }
                return .object(PyIterator(name: "count", holding: [.object(IteratorState([start])), step]) { held in
                    guard let counter = held[0].object(as: IteratorState.self), let current = counter.values.first else { return nil }
                    let next = (try? Operators.binary(.add, current, held[1])) ?? current
                    counter.values = [next]
                    return current
                })
            },
            PyBuiltin("itertools.cycle(iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                // The elements read so far: CPython's list `saved`.
                let saved = IteratorState(countedByCPython: true)
                var index = 0, exhausted = false
                return .object(PyIterator(name: "cycle", holding: [.object(source), .object(saved)]) { held in
                    guard let source = held[0].object(as: PyIterator.self), let saved = held[1].object(as: IteratorState.self) else { return nil }
                    if !exhausted {
                        if let v = try source.next() {
                            saved.values.append(v)
                            return v
                        }
                        exhausted = true
                    }
                    guard !saved.values.isEmpty else { return nil }
                    defer { index = (index + 1) % saved.values.count }
                    return saved.values[index]
                })
            },
            PyBuiltin("itertools.repeat(object, times=<unset>)") { args in
                var left = try args.given("times").map { Swift.max(0, try Arg.size($0)) }
                return .object(PyIterator(name: "repeat", holding: [args["object"]]) { held in
                    if let n = left {
                        if n == 0 { return nil }
                        left = n - 1
                    }
                    return held[0]
                })
            },
            PyBuiltin("itertools.accumulate(iterable, func=None, *, initial=None)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                // The running total, once there is one.
                let total = IteratorState(args["initial"].isNone ? [] : [args["initial"]])
                var pendingInitial = !total.values.isEmpty
                return .object(PyIterator(name: "accumulate", holding: [.object(source), args["func"], .object(total)]) { held in
                    guard let source = held[0].object(as: PyIterator.self), let total = held[2].object(as: IteratorState.self) else { return nil }
                    if pendingInitial {
                        pendingInitial = false
                        return total.values.first
                    }
                    guard let v = try source.next() else { return nil }
                    let function = held[1]
                    var next = v
                    if let t = total.values.first {
                        next = function.isNone ? try Operators.binary(.add, t, v) : try interpreter.call(function, Arguments([t, v]))
                    }
                    total.values = [next]
                    return next
                })
            },
            PyBuiltin("itertools.compress(data, selectors)") { args in
                let data = try Iteration.iterator(args["data"]), selectors = try Iteration.iterator(args["selectors"])
                return .object(PyIterator(name: "compress", holding: [.object(data), .object(selectors)]) { held in
                    guard let data = held[0].object(as: PyIterator.self), let selectors = held[1].object(as: PyIterator.self) else { return nil }
                    while let d = try data.next(), let s = try selectors.next() {
                        if try Operators.truthy(s) { return d }
                    }
                    return nil
                })
            },
            PyBuiltin("itertools.dropwhile(predicate, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                var dropping = true
                return .object(PyIterator(name: "dropwhile", holding: [args["predicate"], .object(source)]) { held in
                    guard let source = held[1].object(as: PyIterator.self) else { return nil }
                    let predicate = held[0]
                    while let v = try source.next() {
                        if dropping, try Operators.truthy(interpreter.call(predicate, Arguments([v]))) { continue }
                        dropping = false
                        return v
                    }
                    return nil
                })
            },
            PyBuiltin("itertools.takewhile(predicate, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                var done = false
                return .object(PyIterator(name: "takewhile", holding: [args["predicate"], .object(source)]) { held in
                    guard let source = held[1].object(as: PyIterator.self) else { return nil }
                    let predicate = held[0]
                    guard !done, let v = try source.next() else { return nil }
                    if try Operators.truthy(interpreter.call(predicate, Arguments([v]))) { return v }
                    done = true
                    return nil
                })
            },
            PyBuiltin("itertools.filterfalse(function, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                return .object(PyIterator(name: "filterfalse", holding: [args["function"], .object(source)]) { held in
                    guard let source = held[1].object(as: PyIterator.self) else { return nil }
                    let function = held[0]
                    while let v = try source.next() {
                        let keep = function.isNone ? v : try interpreter.call(function, Arguments([v]))
                        if !(try Operators.truthy(keep)) { return v }
                    }
                    return nil
                })
            },
            PyBuiltin("itertools.starmap(function, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let interpreter = args.interpreter
                return .object(PyIterator(name: "starmap", holding: [args["function"], .object(source)]) { held in
                    guard let source = held[1].object(as: PyIterator.self) else { return nil }
                    let function = held[0]
                    guard let v = try source.next() else { return nil }
                    return try interpreter.call(function, Arguments(try Iteration.collect(v)))
                })
            },
            PyBuiltin("itertools.islice(iterable, /, *args)") { args in
                let parts = args.varargs("args")
                let start: Int, stop: Int?, step: Int
                switch parts.count {
                case 1: (start, stop, step) = (0, try islicePart(parts[0], "stop"), 1)
                case 2, 3:
                    start = try islicePart(parts[0], "start") ?? 0
                    stop = try islicePart(parts[1], "stop")
                    if parts.count == 3 && !parts[2].isNone {
                        guard let s = try? Arg.integer(parts[2]), let k = Int(exactly: s), k > 0 else {
                            throw PyError.value("Step for islice() must be a positive integer or None.")
                        }
                        step = k
                    } else {
                        step = 1
                    }
                default:
                    throw PyError.type("islice expected at most 4 arguments, got \(parts.count + 1)")
                }
                let source = try Iteration.iterator(args["iterable"])
                var position = 0, next = start
                return .object(PyIterator(name: "islice", holding: [.object(source)]) { held in
                    guard let source = held[0].object(as: PyIterator.self) else { return nil }
                    if let stop, next >= stop { return nil }
                    while position < next {
                        guard try source.next() != nil else { return nil }
                        position += 1
                    }
                    guard let v = try source.next() else { return nil }
                    position += 1
                    next += step
                    return v
                })
            },
            PyBuiltin("itertools.zip_longest(*iterables, fillvalue=None)") { args in
                let sources = try args.varargs("iterables").map { Value.object(try Iteration.iterator($0)) }
                var active = sources.map { _ in true }
                // Held: the fill value, then the sources; CPython's also keeps the sources' tuple and a result tuple.
                return .object(PyIterator(name: "zip_longest", holding: [args["fillvalue"]] + sources, cpythonTuples: 2) { held in
                    guard active.contains(true) else { return nil }
                    let fill = held[0]
                    var row: [Value] = []
                    for (i, source) in held.dropFirst().enumerated() {
                        if active[i], let v = try source.object(as: PyIterator.self)?.next() {
                            row.append(v)
                        } else {
                            active[i] = false
                            row.append(fill)
                        }
                    }
                    return active.contains(true) ? .object(PyTuple(row)) : nil
                })
            },
            PyBuiltin("itertools.pairwise(iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                // The element read last, once there is one.
                let previous = IteratorState()
                return .object(PyIterator(name: "pairwise", holding: [.object(source), .object(previous)]) { held in
                    guard let source = held[0].object(as: PyIterator.self), let previous = held[1].object(as: IteratorState.self) else { return nil }
                    if previous.values.isEmpty, let first = try source.next() { previous.values = [first] }
                    guard let first = previous.values.first, let second = try source.next() else { return nil }
                    previous.values = [second]
                    return .object(PyTuple([first, second]))
                })
            },
            PyBuiltin("itertools.groupby(iterable, key=None)") { args in
                let state = GroupState(source: try Iteration.iterator(args["iterable"]), key: args["key"])
                let interpreter = args.interpreter
                func advance(_ state: GroupState) throws -> Bool {
                    guard let v = try state.source.next() else { return false }
                    let key = try state.key.isNone ? v : interpreter.call(state.key, Arguments([v]))
                    state.current = (key, v)
                    return true
                }
                // The groupby and its groups hold the state where the cycle collector sees it.
                return .object(PyIterator(name: "groupby", holding: [.object(state)]) { held in
                    guard let state = held[0].object(as: GroupState.self) else { return nil }
                    state.generation += 1
                    // Skip what is left of the group before (a group the caller did not finish).
                    if state.current == nil { guard try advance(state) else { return nil } }
                    if let target = state.targetKey {
                        while let c = state.current, try Operators.sameOrEqual(c.key, target) {
                            guard try advance(state) else { return nil }
                        }
                    }
                    guard let first = state.current else { return nil }
                    state.targetKey = first.key
                    let generation = state.generation
                    let group = PyIterator(name: "_grouper", holding: [.object(state)]) { held in
                        guard let state = held[0].object(as: GroupState.self), state.generation == generation,
                              let c = state.current, let target = state.targetKey,
                              try Operators.sameOrEqual(c.key, target) else { return nil }
                        let value = c.value
                        if !(try advance(state)) { state.current = nil }
                        return value
                    }
                    return .object(PyTuple([first.key, .object(group)]))
                })
            },
            PyBuiltin("itertools.tee(iterable, n=2, /)") { args in
                let n = try Arg.size(args["n"])
                if n < 0 { throw PyError.value("n must be >= 0") }
                try Allocation.check(count: n, of: Value.self)
                let source = Value.object(try Iteration.iterator(args["iterable"]))
                // What the copies share, every element read so far: CPython's data object.
                let buffer = Value.object(IteratorState(countedByCPython: true))
                let copies: [Value] = (0..<n).map { _ in
                    var index = 0
                    return .object(PyIterator(name: "_tee", holding: [source, buffer]) { held in
                        guard let source = held[0].object(as: PyIterator.self), let buffer = held[1].object(as: IteratorState.self) else { return nil }
                        if index == buffer.values.count {
                            guard let v = try source.next() else { return nil }
                            buffer.values.append(v)
                        }
                        guard index < buffer.values.count else { return nil }
                        defer { index += 1 }
                        return buffer.values[index]
                    })
                }
                return .object(PyTuple(copies))
            },
            PyBuiltin("itertools.product(*iterables, repeat=1)") { args in
                let times = try Arg.size(args["repeat"])
                if times < 0 { throw PyError.value("repeat argument cannot be negative") }
                let pools = try args.varargs("iterables").map { try Iteration.collect($0) }
                // CPython's limit on the pools' tuple, then memory.
                let (total, overflow) = pools.count.multipliedReportingOverflow(by: times)
                if overflow || total > Int.max / MemoryLayout<Int>.stride { throw PyError.overflow("repeat argument too large") }
                try Allocation.check(count: total, of: [Value].self)
                // One tuple per pool, each `times` times in the pools' order: held as CPython's
                // product holds its tuple of them, where the cycle collector sees them.
                let tuples = pools.map { Value.object(PyTuple($0)) }
                let all = Array(repeatElement(tuples, count: times).joined())
                let counts = Array(repeatElement(pools.map(\.count), count: times).joined())
                return .object(indexIterator(name: "product", holding: all, counts: counts) { held, idx in
                    .object(PyTuple(zip(held, idx).map { pool, i in pool.object(as: PyTuple.self)?.items[i] ?? .none }))
                })
            },
            PyBuiltin("itertools.permutations(iterable, r=None)") { args in
                let pool = try Iteration.collect(args["iterable"])
                let r = args["r"].isNone ? pool.count : try Arg.size(args["r"])
                if r < 0 { throw PyError.value("r must be non-negative") }
                return .object(permutations(pool, r))
            },
            PyBuiltin("itertools.combinations(iterable, r)") { args in
                let pool = try Iteration.collect(args["iterable"])
                let r = try Arg.size(args["r"])
                if r < 0 { throw PyError.value("r must be non-negative") }
                return .object(combinations(pool, r, replacement: false))
            },
            PyBuiltin("itertools.combinations_with_replacement(iterable, r)") { args in
                let pool = try Iteration.collect(args["iterable"])
                let r = try Arg.size(args["r"])
                if r < 0 { throw PyError.value("r must be non-negative") }
                return .object(combinations(pool, r, replacement: true))
            },
        ]
    }

    /// Counts through every index tuple below `counts`, the last index fastest; `make` is
    /// handed `held` and the indices.
    private static func indexIterator(name: String, holding held: [Value], counts: [Int],
                                      _ make: @escaping ([Value], [Int]) -> Value) -> PyIterator {
        var indices: [Int]? = counts.contains(0) ? nil : Array(repeating: 0, count: counts.count)
        // CPython's product also keeps the tuple of its pools.
        return PyIterator(name: name, holding: held, cpythonTuples: 1) { held in
            guard let current = indices else { return nil }
            var next = current, k = counts.count - 1
            while k >= 0 {
                next[k] += 1
                if next[k] < counts[k] { break }
                next[k] = 0
                k -= 1
            }
            indices = k < 0 ? nil : next
            return make(held, current)
        }
    }

    /// Lexicographic, in the order of positions in `pool` (CPython's order). The pool is held
    /// where the cycle collector sees it (CPython's tuple `pool`).
    private static func combinations(_ pool: [Value], _ r: Int, replacement: Bool) -> PyIterator {
        let n = pool.count
        var indices: [Int]? = replacement ? (n == 0 && r > 0 ? nil : Array(repeating: 0, count: r))
                                          : (r > n ? nil : Array(0..<r))
        return PyIterator(name: replacement ? "combinations_with_replacement" : "combinations", holding: pool, cpythonTuples: 1) { pool in
            guard let current = indices else { return nil }
            var next = current
            var i = r - 1
            while i >= 0 && next[i] == (replacement ? n - 1 : i + n - r) { i -= 1 }
            if i < 0 {
                indices = nil
            } else {
                next[i] += 1
                for j in (i + 1)..<Swift.max(i + 1, r) { next[j] = replacement ? next[i] : next[j - 1] + 1 }
                indices = next
            }
            return .object(PyTuple(current.map { pool[$0] }))
        }
    }

    /// CPython's order; the pool is held as `combinations` holds it.
    private static func permutations(_ pool: [Value], _ r: Int) -> PyIterator {
        let n = pool.count
        var state: (indices: [Int], cycles: [Int])? = r > n ? nil : (Array(0..<n), Array(stride(from: n, to: n - r, by: -1)))
        var first = true
        return PyIterator(name: "permutations", holding: pool, cpythonTuples: 1) { pool in
            guard var s = state else { return nil }
            if first {
                first = false
                return .object(PyTuple(s.indices.prefix(r).map { pool[$0] }))
            }
            var i = r - 1
            while i >= 0 {
                s.cycles[i] -= 1
                if s.cycles[i] == 0 {
                    let moved = s.indices.remove(at: i)
                    s.indices.append(moved)
                    s.cycles[i] = n - i
                    i -= 1
                } else {
                    let j = s.cycles[i]
                    s.indices.swapAt(i, n - j)
                    state = s
                    return .object(PyTuple(s.indices.prefix(r).map { pool[$0] }))
                }
            }
            state = nil
            return nil
        }
    }

    /// What `groupby` and its groups share: the source and key function, the current element
    /// and its key, the key of the group being yielded, and which group is current (an older
    /// group yields nothing more). Tracked so that the cycle collector sees what it holds (a
    /// field of the groupby in CPython, not counted by `gc.collect()`).
    private final class GroupState: CollectableObject {
        let source: PyIterator
        let key: Value
        var current: (key: Value, value: Value)?
        var targetKey: Value?
        var generation = 0

        init(source: PyIterator, key: Value) {
            self.source = source
            self.key = key
        }

        override func forEachReference(_ visit: (Value) -> Void) {
            visit(.object(source))
            visit(key)
            if let current {
                visit(current.key)
                visit(current.value)
            }
            if let targetKey { visit(targetKey) }
        }
        override func giveUpReferences(into released: inout [Value]) {
            if let current { released += [current.key, current.value] }
            if let targetKey { released.append(targetKey) }
            current = nil
            targetKey = nil
        }
        override var uncountedCompanions: Int { -1 }
    }
}

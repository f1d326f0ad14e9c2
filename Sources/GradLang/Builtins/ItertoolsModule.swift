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
            var sources = args.varargs("iterables").makeIterator()
            return .object(chaining(PyIterator { sources.next() }))
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
        var current: PyIterator? = nil
        return PyIterator(name: "chain") {
            while true {
                if current == nil {
                    guard let next = try sources.next() else { return nil }
                    current = try Iteration.iterator(next)
                }
                if let v = try current?.next() { return v }
                current = nil
            }
        }
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
                var current = args["start"]
                let step = args["step"]
                guard current.isRealNumber || current.instance != nil, step.isRealNumber || step.instance != nil else {
                    throw PyError.type("a number is required")
                }
                return .object(PyIterator(name: "count") {
                    defer { current = (try? Operators.binary(.add, current, step)) ?? current }
                    return current
                })
            },
            PyBuiltin("itertools.cycle(iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                var saved: [Value] = [], index = 0, exhausted = false
                return .object(PyIterator(name: "cycle") {
                    if !exhausted {
                        if let v = try source.next() {
                            saved.append(v)
                            return v
                        }
                        exhausted = true
                    }
                    guard !saved.isEmpty else { return nil }
                    defer { index = (index + 1) % saved.count }
                    return saved[index]
                })
            },
            PyBuiltin("itertools.repeat(object, times=<unset>)") { args in
                let object = args["object"]
                var left = try args.given("times").map { Swift.max(0, try Arg.size($0)) }
                return .object(PyIterator(name: "repeat") {
                    if let n = left {
                        if n == 0 { return nil }
                        left = n - 1
                    }
                    return object
                })
            },
            PyBuiltin("itertools.accumulate(iterable, func=None, *, initial=None)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let function = args["func"], interpreter = args.interpreter
                var total: Value? = args["initial"].isNone ? nil : args["initial"]
                var pendingInitial = total != nil
                return .object(PyIterator(name: "accumulate") {
                    if pendingInitial {
                        pendingInitial = false
                        return total
                    }
                    guard let v = try source.next() else { return nil }
                    if let t = total {
                        total = function.isNone ? try Operators.binary(.add, t, v) : try interpreter.call(function, Arguments([t, v]))
                    } else {
                        total = v
                    }
                    return total
                })
            },
            PyBuiltin("itertools.compress(data, selectors)") { args in
                let data = try Iteration.iterator(args["data"]), selectors = try Iteration.iterator(args["selectors"])
                return .object(PyIterator(name: "compress") {
                    while let d = try data.next(), let s = try selectors.next() {
                        if try Operators.truthy(s) { return d }
                    }
                    return nil
                })
            },
            PyBuiltin("itertools.dropwhile(predicate, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let predicate = args["predicate"], interpreter = args.interpreter
                var dropping = true
                return .object(PyIterator(name: "dropwhile") {
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
                let predicate = args["predicate"], interpreter = args.interpreter
                var done = false
                return .object(PyIterator(name: "takewhile") {
                    guard !done, let v = try source.next() else { return nil }
                    if try Operators.truthy(interpreter.call(predicate, Arguments([v]))) { return v }
                    done = true
                    return nil
                })
            },
            PyBuiltin("itertools.filterfalse(function, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let function = args["function"], interpreter = args.interpreter
                return .object(PyIterator(name: "filterfalse") {
                    while let v = try source.next() {
                        let keep = function.isNone ? v : try interpreter.call(function, Arguments([v]))
                        if !(try Operators.truthy(keep)) { return v }
                    }
                    return nil
                })
            },
            PyBuiltin("itertools.starmap(function, iterable, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let function = args["function"], interpreter = args.interpreter
                return .object(PyIterator(name: "starmap") {
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
                return .object(PyIterator(name: "islice") {
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
                let sources = try args.varargs("iterables").map(Iteration.iterator)
                var active = sources.map { _ in true }
                let fill = args["fillvalue"]
                return .object(PyIterator(name: "zip_longest") {
                    guard active.contains(true) else { return nil }
                    var row: [Value] = []
                    for (i, source) in sources.enumerated() {
                        if active[i], let v = try source.next() {
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
                var previous: Value? = nil
                return .object(PyIterator(name: "pairwise") {
                    if previous == nil { previous = try source.next() }
                    guard let first = previous, let second = try source.next() else { return nil }
                    previous = second
                    return .object(PyTuple([first, second]))
                })
            },
            PyBuiltin("itertools.groupby(iterable, key=None)") { args in
                let source = try Iteration.iterator(args["iterable"])
                let key = args["key"], interpreter = args.interpreter
                let state = GroupState()
                func advance() throws -> Bool {
                    guard let v = try source.next() else { return false }
                    state.current = (try key.isNone ? v : interpreter.call(key, Arguments([v])), v)
                    return true
                }
                return .object(PyIterator(name: "groupby") {
                    state.generation += 1
                    // Skip what is left of the group before (a group the caller did not finish).
                    if state.current == nil { guard try advance() else { return nil } }
                    if let target = state.targetKey {
                        while let c = state.current, try Operators.sameOrEqual(c.key, target) {
                            guard try advance() else { return nil }
                        }
                    }
                    guard let first = state.current else { return nil }
                    state.targetKey = first.key
                    let generation = state.generation
                    let group = PyIterator(name: "_grouper") {
                        guard state.generation == generation, let c = state.current, let target = state.targetKey,
                              try Operators.sameOrEqual(c.key, target) else { return nil }
                        let value = c.value
                        if !(try advance()) { state.current = nil }
                        return value
                    }
                    return .object(PyTuple([first.key, .object(group)]))
                })
            },
            PyBuiltin("itertools.tee(iterable, n=2, /)") { args in
                let n = try Arg.size(args["n"])
                if n < 0 { throw PyError.value("n must be >= 0") }
                try Allocation.check(count: n, of: Value.self)
                let source = try Iteration.iterator(args["iterable"])
                let buffer = TeeBuffer()
                let copies: [Value] = (0..<n).map { _ in
                    var index = 0
                    return .object(PyIterator(name: "_tee") {
                        if index == buffer.items.count {
                            guard let v = try source.next() else { return nil }
                            buffer.items.append(v)
                        }
                        defer { index += 1 }
                        return buffer.items[index]
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
                let all = Array(repeatElement(pools, count: times).joined())
                return .object(indexIterator(name: "product", counts: all.map(\.count)) { idx in
                    .object(PyTuple(zip(all, idx).map { $0[$1] }))
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

    /// Counts through every index tuple below `counts`, the last index fastest.
    private static func indexIterator(name: String, counts: [Int], _ make: @escaping ([Int]) -> Value) -> PyIterator {
        var indices: [Int]? = counts.contains(0) ? nil : Array(repeating: 0, count: counts.count)
        return PyIterator(name: name) {
            guard let current = indices else { return nil }
            var next = current, k = counts.count - 1
            while k >= 0 {
                next[k] += 1
                if next[k] < counts[k] { break }
                next[k] = 0
                k -= 1
            }
            indices = k < 0 ? nil : next
            return make(current)
        }
    }

    /// Lexicographic, in the order of positions in `pool` (CPython's order).
    private static func combinations(_ pool: [Value], _ r: Int, replacement: Bool) -> PyIterator {
        let n = pool.count
        var indices: [Int]? = replacement ? (n == 0 && r > 0 ? nil : Array(repeating: 0, count: r))
                                          : (r > n ? nil : Array(0..<r))
        return PyIterator(name: replacement ? "combinations_with_replacement" : "combinations") {
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

    private static func permutations(_ pool: [Value], _ r: Int) -> PyIterator {
        let n = pool.count
        var state: (indices: [Int], cycles: [Int])? = r > n ? nil : (Array(0..<n), Array(stride(from: n, to: n - r, by: -1)))
        var first = true
        return PyIterator(name: "permutations") {
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

    /// What `groupby` and its groups share: the current element and its key, the key of the
    /// group being yielded, and which group is current (an older group yields nothing more).
    private final class GroupState {
        var current: (key: Value, value: Value)?
        var targetKey: Value?
        var generation = 0
    }

    /// What `tee`'s copies share: every element read so far.
    private final class TeeBuffer {
        var items: [Value] = []
    }
}

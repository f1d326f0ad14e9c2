import BigInt

/// The `gc` module: the cycle collector's switches and counters (Runtime/Memory/CycleCollector).
enum GCModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = ["garbage": .object(PyList([])), "callbacks": .object(PyList([]))]
        for f in functions { attributes[f.name] = .object(f) }
        return PyModule(name: "gc", attributes: attributes)
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("gc.collect(generation=2)", style: .clinic) { args in
                let generation = try Arg.integer(args["generation"])
                guard let g = Int32(exactly: generation) else { throw PyError.overflow("Python int too large to convert to C int") }
                guard (0...CycleCollector.oldest).contains(Int(g)) else { throw PyError.value("invalid generation") }
                return .int(CycleCollector.collect(generation: Int(g)))
            },
            PyBuiltin("gc.enable(/)") { _ in
                CycleCollector.isEnabled = true
                return .none
            },
            PyBuiltin("gc.disable(/)") { _ in
                CycleCollector.isEnabled = false
                return .none
            },
            PyBuiltin("gc.isenabled(/)") { _ in .bool(CycleCollector.isEnabled) },
            PyBuiltin("gc.get_threshold(/)") { _ in
                .object(PyTuple(CycleCollector.generations.map { .int($0.threshold) }))
            },
            PyBuiltin("gc.set_threshold(threshold0, threshold1=<unset>, threshold2=<unset>, /)", style: .parseTuple) { args in
                // Each is set as it is read, so an error in a later one leaves the earlier ones
                // set, as CPython's argument parser writes them straight into its state.
                for (g, name) in ["threshold0", "threshold1", "threshold2"].enumerated() {
                    if let threshold = args.given(name) { CycleCollector.generations[g].threshold = try cInt(threshold) }
                }
                return .none
            },
            PyBuiltin("gc.get_stats(/)") { _ in
                .object(PyList(try CycleCollector.generations.map { generation in
                    let stats = PyDict()
                    for (name, n) in [("collections", generation.collections), ("collected", generation.collected), ("uncollectable", 0)] {
                        try stats.set(.str(PyStr(name)), .int(n))
                    }
                    return .object(stats)
                }))
            },
            PyBuiltin("gc.get_count(/)") { _ in
                .object(PyTuple(CycleCollector.generations.map { .int($0.count) }))
            },
        ]
    }

    /// A C `int` argument, with CPython's overflow messages (`PyArg_ParseTuple`'s "i").
    private static func cInt(_ v: Value) throws -> Int {
        let n = try Arg.integer(v)
        guard let long = Int(exactly: n) else { throw PyError.overflow("Python int too large to convert to C long") }
        if long > Int(Int32.max) { throw PyError.overflow("signed integer is greater than maximum") }
        if long < Int(Int32.min) { throw PyError.overflow("signed integer is less than minimum") }
        return long
    }
}

import GradTensor

/// `np.random`: the legacy functions over one shared `RandomState`, seeded from the clock until
/// `np.random.seed(n)`.
enum NumpyRandom {
    nonisolated(unsafe) static var state = NumpyRandomState(seed: UInt32.random(in: .min ... .max))

    static func make() -> PyModule {
        let module = PyModule(name: "numpy.random")
        module.add([
            PyBuiltin("seed(seed=None)") { args in
                let seed: UInt32
                if args["seed"].isNone {
                    seed = UInt32.random(in: .min ... .max)
                } else {
                    let n = try Arg.integer(args["seed"])
                    guard n >= 0 && n <= 0xFFFF_FFFF, let exact = UInt32(exactly: n) else {
                        throw PyError.value("Seed must be between 0 and 2**32 - 1")
                    }
                    seed = exact
                }
                state = NumpyRandomState(seed: seed)
                return .none
            },
            PyBuiltin("rand(*args)") { args in try fill(shapeFrom(args.varargs("args"))) { state.nextDouble() } },
            PyBuiltin("randn(*args)") { args in try fill(shapeFrom(args.varargs("args"))) { state.gauss() } },
            PyBuiltin("random(size=None)") { args in try fill(size(args)) { state.nextDouble() } },
            PyBuiltin("random_sample(size=None)") { args in try fill(size(args)) { state.nextDouble() } },
            PyBuiltin("standard_normal(size=None)") { args in try fill(size(args)) { state.gauss() } },
            PyBuiltin("uniform(low=0.0, high=1.0, size=None)") { args in
                let low = try Arg.real(args["low"]), high = try Arg.real(args["high"])
                return try fill(size(args)) { low + (high - low) * state.nextDouble() }
            },
            PyBuiltin("normal(loc=0.0, scale=1.0, size=None)") { args in
                let loc = try Arg.real(args["loc"]), scale = try Arg.real(args["scale"])
                if scale < 0 { throw PyError.value("scale < 0") }
                return try fill(size(args)) { loc + scale * state.gauss() }
            },
            PyBuiltin("randint(low, high=None, size=None)") { args in
                var low = try Arg.size(args["low"]), high = low
                if args["high"].isNone { low = 0 } else { high = try Arg.size(args["high"]) }
                if low >= high { throw PyError.value("low >= high") }
                let range = UInt64(bitPattern: Int64(high &- low &- 1))
                let shape = try size(args)
                let values = (0..<(try shape.map { try NumpyAllocation.count($0, .int64) } ?? 1)).map { _ in Int64(low) &+ Int64(bitPattern: state.bounded(range)) }
                guard let shape else { return .int(Int(values[0])) }
                return .object(NDArray(try NumpyArithmetic.run { try Tensor(int64: values, shape: shape) }))
            },
            PyBuiltin("shuffle(x)") { args in
                try shuffle(args["x"])
                return .none
            },
            PyBuiltin("permutation(x)") { args in
                let x = args["x"]
                let array: NDArray
                if case .int(let n) = x {
                    try NumpyAllocation.count([max(n, 0)], .int64)
                    array = NDArray(try NumpyArithmetic.run { try Tensor(int64: (0..<Int64(max(n, 0))).map { $0 }, shape: [max(n, 0)]) })
                } else {
                    array = NDArray(try NumpyArithmetic.run { try NDArray.coerce(x).tensor.clone(memoryFormat: .contiguous) })
                }
                try shuffle(.object(array))
                return .object(array)
            },
            PyBuiltin("choice(a, size=None, replace=True)") { args in
                let population: NDArray?
                let count: Int
                if case .int(let n) = args["a"] { population = nil; count = n } else {
                    let a = try NDArray.coerce(args["a"])
                    population = a
                    count = a.length
                }
                if count <= 0 { throw PyError.value("a must be a positive integer unless no samples are taken") }
                let shape = try size(args)
                let wanted = try shape.map { try NumpyAllocation.count($0, .int64) } ?? 1
                var picks: [Int64]
                if try Operators.truthy(args["replace"]) {
                    picks = (0..<wanted).map { _ in Int64(bitPattern: state.bounded(UInt64(count - 1))) }
                } else {
                    if wanted > count { throw PyError.value("Cannot take a larger sample than population when 'replace=False'") }
                    picks = (0..<Int64(count)).map { $0 }
                    for i in stride(from: count - 1, to: 0, by: -1) {
                        picks.swapAt(i, Int(state.bounded(UInt64(i))))
                    }
                    picks = Array(picks.prefix(wanted))
                }
                let indices = try NumpyArithmetic.run { try Tensor(int64: picks, shape: shape ?? []) }
                guard let population else { return NDArray.result(indices) }
                return NDArray.result(try NumpyArithmetic.run { try population.tensor.index([.tensor(indices)]) })
            },
        ])
        return module
    }

    /// `size=`: None (one number), an int or a shape.
    private static func size(_ args: BoundArguments) throws -> [Int]? {
        args["size"].isNone ? nil : try NumpyCreation.shape(args["size"])
    }

    /// `rand(2, 3)`: the shape as separate ints (none: one number).
    private static func shapeFrom(_ values: [Value]) throws -> [Int]? {
        values.isEmpty ? nil : try NumpyCreation.shape(.object(PyTuple(values)))
    }

    /// An array of `shape` (or one float without a shape) drawn in row-major order.
    private static func fill(_ shape: [Int]?, _ draw: () -> Double) throws -> Value {
        guard let shape else { return .float(draw()) }
        try NumpyAllocation.count(shape, .float64)
        let values = (0..<Shape.count(shape)).map { _ in draw() }
        return .object(NDArray(try NumpyArithmetic.run { try Tensor(float64: values, shape: shape) }))
    }

    /// numpy's legacy shuffle: for i from n-1 down to 1, swap item i with a uniform j in 0...i.
    /// An array's first axis is shuffled in place; a list's items likewise.
    private static func shuffle(_ x: Value) throws {
        switch x {
        case .object(let list as PyList):
            var items = list.items
            for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, Int(state.bounded(UInt64(i)))) }
            list.changeItems { $0 = items }
        case .object(let a as NDArray):
            guard a.tensor.rank > 0 else { throw PyError.value("array is 0-dimensional") }
            for i in stride(from: a.length - 1, to: 0, by: -1) {
                let j = Int(state.bounded(UInt64(i)))
                if i == j { continue }
                try NumpyArithmetic.run {
                    let rowI = try a.tensor.select(dim: 0, index: i), rowJ = try a.tensor.select(dim: 0, index: j)
                    let saved = try rowI.clone(memoryFormat: .contiguous)
                    try rowI.copy_(rowJ)
                    try rowJ.copy_(saved)
                }
            }
        default:
            throw PyError.type("grad's numpy.random.shuffle takes a list or an array, not \(x.typeName)")
        }
    }
}

import GradTensor

/// The ndarray's properties (`shape`, `ndim`, `size`, `dtype`, `T`) and methods; the methods
/// that numpy also offers as functions (`a.sum()` and `np.sum(a)`) are defined once for both.
enum NumpyArrayMethods {
    nonisolated(unsafe) static let properties: [String: (NDArray) throws -> Value] = [
        "shape": { .object(PyTuple($0.tensor.shape.map { Value.int($0) })) },
        "ndim": { .int($0.tensor.rank) },
        "size": { .int($0.tensor.numel) },
        "dtype": { .object(NumpyDType($0.tensor.dtype)) },
        "itemsize": { .int($0.tensor.dtype.itemSize) },
        "nbytes": { .int($0.tensor.dtype.itemSize * $0.tensor.numel) },
        "T": { a in .object(NDArray(try NumpyArithmetic.run { try a.tensor.permute(Array((0..<a.tensor.rank).reversed())) })) },
    ]

    /// A method and the function of the same name: `parameters` follow the array.
    private struct Shared {
        let name: String
        let parameters: String
        let body: (NDArray, BoundArguments) throws -> Value
    }

    nonisolated(unsafe) private static let shared: [Shared] = [
        Shared(name: "sum", parameters: "axis=None, dtype=None, keepdims=False") { a, args in
            let axes = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)
            return NDArray.result(try NumpyReductions.sum(a.tensor, axes: axes, keepdims: try keepdims(args), dtype: try NumpyDTypes.optional(args["dtype"])))
        },
        Shared(name: "mean", parameters: "axis=None, keepdims=False") { a, args in
            let axes = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)
            return NDArray.result(try NumpyReductions.mean(a.tensor, axes: axes, keepdims: try keepdims(args)))
        },
        Shared(name: "var", parameters: "axis=None, ddof=0, keepdims=False") { a, args in try spread(a, args, root: false) },
        Shared(name: "std", parameters: "axis=None, ddof=0, keepdims=False") { a, args in try spread(a, args, root: true) },
        Shared(name: "max", parameters: "axis=None, keepdims=False") { a, args in try extreme(a, args, isMax: true) },
        Shared(name: "min", parameters: "axis=None, keepdims=False") { a, args in try extreme(a, args, isMax: false) },
        Shared(name: "argmax", parameters: "axis=None") { a, args in try argExtreme(a, args, isMax: true) },
        Shared(name: "argmin", parameters: "axis=None") { a, args in try argExtreme(a, args, isMax: false) },
        Shared(name: "prod", parameters: "axis=None, keepdims=False") { a, args in
            let axis = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)?.first
            return NDArray.result(try NumpyReductions.prod(a.tensor, axis: axis, keepdims: try keepdims(args)))
        },
        Shared(name: "any", parameters: "axis=None") { a, _ in .bool(a.tensor.float64Values().contains { $0 != 0 }) },
        Shared(name: "all", parameters: "axis=None") { a, _ in .bool(a.tensor.float64Values().allSatisfy { $0 != 0 }) },
        Shared(name: "copy", parameters: "") { a, _ in .object(NDArray(try NumpyArithmetic.run { try a.tensor.clone(memoryFormat: .contiguous) })) },
        Shared(name: "ravel", parameters: "") { a, _ in .object(NDArray(try NumpyArithmetic.run { try a.tensor.reshape([-1]) })) },
        Shared(name: "transpose", parameters: "axes=None") { a, args in
            let axes = args["axes"].isNone ? Array((0..<a.tensor.rank).reversed()) : try NumpyCreation.shape(args["axes"])
            return .object(NDArray(try NumpyArithmetic.run { try a.tensor.permute(axes) }))
        },
        Shared(name: "dot", parameters: "b") { a, args in
            try NumpyLinearAlgebra.dot(Operand(tensor: a.tensor, isWeak: false), NumpyMath.operand(args["b"]))
        },
    ]

    nonisolated(unsafe) static let table: [String: PyBuiltin] = {
        var methods: [String: PyBuiltin] = [:]
        for s in shared {
            let signature = "\(s.name)(self\(s.parameters.isEmpty ? "" : ", " + s.parameters))"
            methods[s.name] = PyBuiltin(signature) { args in try s.body(try receiver(args), args) }
        }
        let own = [
            PyBuiltin("reshape(self, *shape)") { args in
                let a = try receiver(args), given = args.varargs("shape")
                return .object(NDArray(try reshape(a.tensor, given.count == 1 ? given[0] : .object(PyTuple(given)))))
            },
            PyBuiltin("flatten(self)") { args in .object(NDArray(try NumpyArithmetic.run { try receiver(args).tensor.reshape([-1]).clone(memoryFormat: .contiguous) })) },
            PyBuiltin("astype(self, dtype)") { args in
                let a = try receiver(args)
                return .object(NDArray(try NumpyArithmetic.run { try a.tensor.to(NumpyDTypes.parse(args["dtype"])).clone(memoryFormat: .contiguous) }))
            },
            PyBuiltin("tolist(self)") { args in value(of: try receiver(args).tensor.tolist()) },
            PyBuiltin("item(self)") { args in
                let t = try receiver(args).tensor
                guard t.numel == 1 else { throw PyError.value("can only convert an array of size 1 to a Python scalar") }
                return NumpyScalars.value(t.element(atFlat: 0))
            },
            PyBuiltin("fill(self, value)") { args in
                let a = try receiver(args)
                try NumpyArithmetic.run { _ = try a.tensor.fill_(try NDArray.coerce(args["value"]).tensor.element(atFlat: 0)) }
                return .none
            },
            PyBuiltin("clip(self, min=None, max=None)") { args in
                var result = args["self"]
                if !args["min"].isNone { result = try NumpyMath.extreme(result, args["min"], isMax: true) }
                if !args["max"].isNone { result = try NumpyMath.extreme(result, args["max"], isMax: false) }
                return result
            },
        ]
        for m in own { methods[m.name] = m }
        return methods
    }()

    /// The module functions of the shared methods, `np.sum(a, axis=None, ...)`, plus `reshape`.
    static var functions: [PyBuiltin] {
        shared.map { s in
            PyBuiltin("\(s.name)(a\(s.parameters.isEmpty ? "" : ", " + s.parameters))") { args in
                try s.body(try NDArray.coerce(args["a"]), args)
            }
        } + [
            PyBuiltin("reshape(a, shape)") { args in .object(NDArray(try reshape(try NDArray.coerce(args["a"]).tensor, args["shape"]))) },
            PyBuiltin("shape(a)") { args in .object(PyTuple(try NDArray.coerce(args["a"]).tensor.shape.map { Value.int($0) })) },
        ]
    }

    private static func receiver(_ args: BoundArguments) throws -> NDArray {
        guard case .object(let a as NDArray) = args["self"] else { throw PyError.type("descriptor requires a 'numpy.ndarray' object") }
        return a
    }

    private static func keepdims(_ args: BoundArguments) throws -> Bool { try Operators.truthy(args["keepdims"]) }

    /// `reshape` with one `-1` inferred, and numpy's message when the sizes differ.
    static func reshape(_ t: Tensor, _ shapeValue: Value) throws -> Tensor {
        let requested: [Int]
        switch shapeValue {
        case .object(let tuple as PyTuple): requested = try tuple.items.map(Arg.size)
        case .object(let list as PyList): requested = try list.items.map(Arg.size)
        default: requested = [try Arg.size(shapeValue)]
        }
        let known = requested.filter { $0 != -1 }.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        let unknowns = requested.filter { $0 == -1 }.count
        let fits = unknowns == 0 ? known == t.numel : unknowns == 1 && known != 0 && t.numel % known == 0
        if !fits || requested.contains(where: { $0 < -1 }) {
            throw PyError.value("cannot reshape array of size \(t.numel) into shape \(NumpyPromotion.compact(requested))")
        }
        return try NumpyArithmetic.run { try t.reshape(requested) }
    }

    private static func spread(_ a: NDArray, _ args: BoundArguments, root: Bool) throws -> Value {
        let axes = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)
        let variance = try NumpyReductions.variance(a.tensor, axes: axes, keepdims: try keepdims(args), ddof: try Arg.real(args["ddof"]))
        return NDArray.result(root ? try NumpyArithmetic.run { try variance.correctlyRoundedSqrt() } : variance)
    }

    private static func extreme(_ a: NDArray, _ args: BoundArguments, isMax: Bool) throws -> Value {
        let axes = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)
        return NDArray.result(try NumpyReductions.extreme(a.tensor, axes: axes, keepdims: try keepdims(args), isMax: isMax))
    }

    private static func argExtreme(_ a: NDArray, _ args: BoundArguments, isMax: Bool) throws -> Value {
        let axis = try NumpyReductions.axes(args["axis"], rank: a.tensor.rank)?.first
        return NDArray.result(try NumpyReductions.argExtreme(a.tensor, axis: axis, isMax: isMax))
    }

    /// `tolist()`'s nested lists of Python numbers.
    static func value(of data: NestedData) -> Value {
        switch data {
        case .scalar(let s): return NumpyScalars.value(s)
        case .list(let items): return .object(PyList(items.map(value(of:))))
        }
    }
}

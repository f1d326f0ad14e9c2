import BigInt
import Glibc
import GradTensor

/// `np.array`, `zeros`, `ones`, `empty`, `full`, `arange`, `linspace`, `eye` and the `_like` forms.
enum NumpyCreation {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("array(object, dtype=None, *, copy=True)") { args in
                let dtype = try NumpyDTypes.optional(args["dtype"])
                if case .object(let a as NDArray) = args["object"] {
                    return .object(NDArray(try NumpyArithmetic.run { try a.tensor.to(dtype ?? a.tensor.dtype).clone(memoryFormat: .contiguous) }))
                }
                return .object(try NDArray.coerce(args["object"], dtype: dtype))
            },
            PyBuiltin("asarray(a, dtype=None)") { args in .object(try NDArray.coerce(args["a"], dtype: NumpyDTypes.optional(args["dtype"]))) },
            filled("zeros", .int(0)), filled("ones", .int(1)), filled("empty", .int(0)),
            PyBuiltin("full(shape, fill_value, dtype=None)") { args in
                let value = try NDArray.coerce(args["fill_value"])
                let dtype = try NumpyDTypes.optional(args["dtype"]) ?? value.tensor.dtype
                return .object(NDArray(try full(try shape(args["shape"]), value.tensor.element(atFlat: 0), dtype)))
            },
            like("zeros_like", .int(0)), like("ones_like", .int(1)), like("empty_like", .int(0)),
            PyBuiltin("full_like(a, fill_value, dtype=None)") { args in
                let a = try NDArray.coerce(args["a"])
                let value = try NDArray.coerce(args["fill_value"]).tensor.element(atFlat: 0)
                return .object(NDArray(try full(a.tensor.shape, value, try NumpyDTypes.optional(args["dtype"]) ?? a.tensor.dtype)))
            },
            PyBuiltin("arange(start_or_stop, stop=None, step=None, dtype=None)") { args in try arange(args) },
            PyBuiltin("linspace(start, stop, num=50, endpoint=True, dtype=None)") { args in try linspace(args) },
            PyBuiltin("eye(N, M=None, k=0, dtype=None)") { args in
                let n = try Arg.size(args["N"]), m = args["M"].isNone ? n : try Arg.size(args["M"]), k = try Arg.size(args["k"])
                let dtype = try NumpyDTypes.optional(args["dtype"]) ?? .float64
                let t = try full(try checkedShape([n, m]), .int(0), dtype)
                for i in 0..<n where i + k >= 0 && i + k < m {
                    try NumpyArithmetic.run { _ = try t.select(dim: 0, index: i).select(dim: 0, index: i + k).fill_(.int(1)) }
                }
                return .object(NDArray(t))
            },
            PyBuiltin("identity(n, dtype=None)") { args in
                let n = try Arg.size(args["n"])
                let t = try full(try checkedShape([n, n]), .int(0), try NumpyDTypes.optional(args["dtype"]) ?? .float64)
                for i in 0..<n { try NumpyArithmetic.run { _ = try t.select(dim: 0, index: i).select(dim: 0, index: i).fill_(.int(1)) } }
                return .object(NDArray(t))
            },
        ]
    }

    /// A shape argument: an int or a sequence of ints.
    static func shape(_ v: Value) throws -> [Int] {
        switch v {
        case .object(let t as PyTuple): return try checkedShape(t.items.map(Arg.size))
        case .object(let l as PyList): return try checkedShape(l.items.map(Arg.size))
        default: return try checkedShape([Arg.size(v)])
        }
    }

    private static func checkedShape(_ shape: [Int]) throws -> [Int] {
        if shape.contains(where: { $0 < 0 }) { throw PyError.value("negative dimensions are not allowed") }
        return shape
    }

    static func full(_ shape: [Int], _ value: Scalar, _ dtype: DType) throws -> Tensor {
        try NumpyAllocation.count(shape, dtype)
        return try NumpyArithmetic.run { try Tensor.full(shape, value, dtype: dtype) }
    }

    private static func filled(_ name: String, _ value: Scalar) -> PyBuiltin {
        PyBuiltin("\(name)(shape, dtype=None)") { args in
            .object(NDArray(try full(try shape(args["shape"]), value, try NumpyDTypes.optional(args["dtype"]) ?? .float64)))
        }
    }

    private static func like(_ name: String, _ value: Scalar) -> PyBuiltin {
        PyBuiltin("\(name)(a, dtype=None)") { args in
            let a = try NDArray.coerce(args["a"])
            return .object(NDArray(try full(a.tensor.shape, value, try NumpyDTypes.optional(args["dtype"]) ?? a.tensor.dtype)))
        }
    }

    /// numpy's arange: `ceil((stop - start) / step)` values `start + i * delta`, where delta is
    /// `(start + step) - start` as numpy's fill computes it.
    private static func arange(_ args: BoundArguments) throws -> Value {
        var start = args["start_or_stop"], stop = args["stop"]
        if stop.isNone { stop = start; start = .int(0) }
        let step = args["step"].isNone ? Value.int(1) : args["step"]
        let numbers = [start, stop, step]
        let allIntegers = numbers.allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return false }
        let dtype = try NumpyDTypes.optional(args["dtype"]) ?? (allIntegers ? .int64 : .float64)
        let first = try Arg.real(start), last = try Arg.real(stop), increment = try Arg.real(step)
        if increment == 0 { throw PyError.zeroDivision("division by zero") }
        if allIntegers && dtype == .int64 {
            let a = try Arg.integer(start), b = try Arg.integer(stop), s = try Arg.integer(step)
            // ceil((b - a) / s) in exact integers: floats would round large bounds.
            let span = b - a
            let length = span.signum() == s.signum() ? (span + s - BigInt(s.signum())) / s : 0
            guard let count = Int(exactly: length), let origin = Int64(exactly: a), let stride = Int64(exactly: s) else {
                throw PyError.value("Maximum allowed size exceeded")
            }
            try NumpyAllocation.count([count], dtype)
            return .object(NDArray(try NumpyArithmetic.run { try Tensor(int64: (0..<count).map { origin &+ Int64($0) &* stride }, shape: [count]) }))
        }
        let length = Glibc.ceil((last - first) / increment)
        if length.isNaN { throw PyError.value("arange: cannot compute length") }
        guard length < Double(Int.max) else { throw PyError.value("Maximum allowed size exceeded") }
        let count = max(0, Int(length))
        try NumpyAllocation.count([count], dtype)
        let delta = (first + increment) - first
        let values = (0..<count).map { i in i == 0 ? first : first + Double(i) * delta }
        return .object(NDArray(try NumpyArithmetic.cast(try NumpyArithmetic.run { try Tensor(float64: values, shape: [count]) }, dtype)))
    }

    /// numpy's linspace: `i * step + start` with `step = (stop - start) / div`, the last value
    /// set to `stop` exactly.
    private static func linspace(_ args: BoundArguments) throws -> Value {
        let start = try Arg.real(args["start"]), stop = try Arg.real(args["stop"])
        let num = try Arg.size(args["num"])
        if num < 0 { throw PyError.value("Number of samples, \(num), must be non-negative.") }
        try NumpyAllocation.count([num], .float64)
        let endpoint = try Operators.truthy(args["endpoint"])
        let div = endpoint ? num - 1 : num
        let delta = stop - start
        var values: [Double]
        if div > 0 {
            let step = delta / Double(div)
            values = (0..<num).map { step == 0 ? Double($0) / Double(div) * delta : Double($0) * step }
        } else {
            values = (0..<num).map { Double($0) * delta }
        }
        values = values.map { $0 + start }
        if endpoint && num > 1 { values[num - 1] = stop }
        let dtype = try NumpyDTypes.optional(args["dtype"]) ?? .float64
        var t = try NumpyArithmetic.run { try Tensor(float64: values, shape: [num]) }
        if dtype.isIntegral || dtype == .bool { t = try NumpyArithmetic.run { try t.floor() } }
        return .object(NDArray(try NumpyArithmetic.cast(t, dtype)))
    }
}

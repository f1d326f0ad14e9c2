import Glibc
import GradTensor

/// numpy's elementwise functions (ufuncs) over arrays, lists and numbers. The float functions
/// call C's libm per element, as numpy's sin and cos do on x86-64; numpy's exp, log, tan and tanh
/// use its own vector code on AVX-512 machines, which can differ from libm in the last bit.
enum NumpyMath {
    static var functions: [PyBuiltin] {
        let floats: [(String, (Double) -> Double)] = [
            ("exp", Glibc.exp), ("log", Glibc.log), ("sin", Glibc.sin), ("cos", Glibc.cos), ("tan", Glibc.tan),
            ("tanh", Glibc.tanh), ("sqrt", Glibc.sqrt), ("log2", Glibc.log2), ("log10", Glibc.log10),
            ("exp2", Glibc.exp2), ("expm1", Glibc.expm1), ("log1p", Glibc.log1p), ("arcsin", Glibc.asin),
            ("arccos", Glibc.acos), ("arctan", Glibc.atan), ("sinh", Glibc.sinh), ("cosh", Glibc.cosh),
            ("floor", Glibc.floor), ("ceil", Glibc.ceil),
        ]
        return floats.map { name, f in floatFunction(name, f) } + [
            PyBuiltin("abs(x, /)") { args in try sameType(args["x"]) { try $0.abs() } },
            PyBuiltin("absolute(x, /)") { args in try sameType(args["x"]) { try $0.abs() } },
            PyBuiltin("negative(x, /)") { args in try sameType(args["x"]) { try $0.neg() } },
            PyBuiltin("square(x, /)") { args in try NumpyArithmetic.binary(.power, operand(args["x"]), .init(tensor: try .wrapping(.int(2)), isWeak: true)) },
            PyBuiltin("sign(x, /)") { args in try sameType(args["x"]) { try $0.sign() } },
            binary("add", .add), binary("subtract", .subtract), binary("multiply", .multiply),
            binary("divide", .divide), binary("true_divide", .divide), binary("floor_divide", .floorDivide),
            binary("power", .power), binary("mod", .modulo), binary("remainder", .modulo), binary("matmul", .matrixMultiply),
            PyBuiltin("maximum(x1, x2, /)") { args in try extreme(args["x1"], args["x2"], isMax: true) },
            PyBuiltin("minimum(x1, x2, /)") { args in try extreme(args["x1"], args["x2"], isMax: false) },
            PyBuiltin("clip(a, a_min=None, a_max=None)") { args in
                var result = args["a"]
                if !args["a_min"].isNone { result = try extreme(result, args["a_min"], isMax: true) }
                if !args["a_max"].isNone { result = try extreme(result, args["a_max"], isMax: false) }
                return result
            },
            PyBuiltin("where(condition, x, y, /)") { args in
                let condition = try NumpyArithmetic.cast(NDArray.coerce(args["condition"]).tensor, .bool)
                let x = try operand(args["x"]), y = try operand(args["y"])
                _ = try NumpyPromotion.broadcast(condition.shape, try NumpyPromotion.broadcast(x.tensor.shape, y.tensor.shape))
                let dtype = NumpyPromotion.resultType(x, y)
                let a = try NumpyArithmetic.cast(x.tensor, dtype), b = try NumpyArithmetic.cast(y.tensor, dtype)
                return NDArray.result(try NumpyArithmetic.run { try Tensor.where(condition, a, b) })
            },
            PyBuiltin("dot(a, b, /)") { args in try NumpyLinearAlgebra.dot(operand(args["a"]), operand(args["b"])) },
        ]
    }

    /// An argument as an operand: a Python number stays weak, as in an operator.
    static func operand(_ v: Value) throws -> Operand {
        if case .object(is NDArray) = v { return try NDArray.coerceOperand(v) }
        if case .tensor = v { return Operand(tensor: try NDArray.coerce(v).tensor, isWeak: false) }
        if v.isRealNumber { return try NDArray.coerceOperand(v) }
        return Operand(tensor: try NDArray.coerce(v).tensor, isWeak: false)
    }

    /// `np.add(x1, x2)`; with `out=` the result is written into that array, which is returned.
    private static func binary(_ name: String, _ op: BinaryOperator) -> PyBuiltin {
        PyBuiltin("\(name)(x1, x2, /, out=None)") { args in
            let result = try NumpyArithmetic.compute(op, operand(args["x1"]), operand(args["x2"]))
            if args["out"].isNone { return NDArray.result(result) }
            guard case .object(let out as NDArray) = args["out"] else {
                throw PyError.type("return arrays must be of ArrayType")
            }
            try NumpyArithmetic.store(result, into: out, ufunc: NumpyArithmetic.ufuncName(op))
            return args["out"]
        }
    }

    /// A float function of each element; ints and bools become float64 first.
    private static func floatFunction(_ name: String, _ f: @escaping (Double) -> Double) -> PyBuiltin {
        PyBuiltin("\(name)(x, /)") { args in
            let t = try NDArray.coerce(args["x"]).tensor
            let values = t.float64Values()
            let result = try NumpyArithmetic.run {
                if t.dtype == .float32 {
                    return try Tensor(float64: values.map { Double(Float(f($0))) }, shape: t.shape).to(.float32)
                }
                return try Tensor(float64: values.map(f), shape: t.shape)
            }
            return NDArray.result(result)
        }
    }

    /// A function that keeps the dtype (`abs`, `sign`).
    private static func sameType(_ v: Value, _ f: (Tensor) throws -> Tensor) throws -> Value {
        let t = try NDArray.coerce(v).tensor
        return NDArray.result(try NumpyArithmetic.run { try f(t) })
    }

    /// `np.maximum`/`np.minimum`: elementwise, NaN winning, with broadcasting and promotion.
    static func extreme(_ a: Value, _ b: Value, isMax: Bool) throws -> Value {
        let x = try operand(a), y = try operand(b)
        _ = try NumpyPromotion.broadcast(x.tensor.shape, y.tensor.shape)
        let dtype = NumpyPromotion.resultType(x, y)
        let p = try NumpyArithmetic.cast(x.tensor, dtype), q = try NumpyArithmetic.cast(y.tensor, dtype)
        return NDArray.result(try NumpyArithmetic.run { isMax ? try p.maximum(q) : try p.minimum(q) })
    }
}

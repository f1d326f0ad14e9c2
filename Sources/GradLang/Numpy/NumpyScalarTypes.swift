import GradTensor

/// The classes of numpy's scalar types (NumpyScalarSource), registered when the source runs, and
/// the Swift side of their operators.
enum NumpyScalarTypes {
    /// The classes by dtype. Set when a program's `numpy` first loads; results made while none
    /// is registered (bool elements, arrays met before `import numpy`) are Python numbers.
    nonisolated(unsafe) static var classes: [DType: PyClass] = [:]

    /// A numpy scalar of `dtype` holding `s`, or a Python number when there is no such class.
    static func value(_ s: Scalar, dtype: DType) -> Value {
        let python = NumpyScalars.value(s)
        guard let cls = classes[dtype] else { return python }
        // numpy's bool_ is an int to grad (its own class derives from neither).
        if case .bool(let b) = python { return .object(PyInstance(cls: cls, contents: NativeScalar(.int(b ? 1 : 0)))) }
        return .object(PyInstance(cls: cls, contents: NativeScalar(python)))
    }

    /// The dtype and Python number of a numpy scalar; nil for anything else.
    static func unpack(_ v: Value) -> (DType, Value)? {
        guard case .object(let i as PyInstance) = v, let number = NativeBases.scalar(v),
              let dtype = classes.first(where: { $0.value === i.cls })?.key else { return nil }
        return (dtype, number)
    }

    /// A numpy scalar as an operand: strong, in its own dtype (`np.float32(1) + 1.0` is float32).
    static func operand(_ v: Value) throws -> Operand? {
        guard let (dtype, number) = unpack(v) else { return nil }
        let t = try NumpyArithmetic.run { try Tensor.full([], number.asScalar ?? .int(0), dtype: dtype) }
        return Operand(tensor: t, isWeak: false)
    }

    static var functions: [PyBuiltin] {
        [
            PyBuiltin("_register_scalar_types(float64, float32, int64, bool_)") { args in
                for (name, dtype) in [("float64", DType.float64), ("float32", .float32), ("int64", .int64), ("bool_", .bool)] {
                    if case .object(let c as PyClass) = args[name] { classes[dtype] = c }
                }
                return .none
            },
            PyBuiltin("_scalar_binary(op, a, b)") { args in
                guard case .str(let symbol) = args["op"], let op = BinaryOperator(rawValue: symbol.string),
                      let a = try? NDArray.coerceOperand(args["a"]), let b = try? NDArray.coerceOperand(args["b"]) else {
                    return .object(SpecialMethods.notImplemented)
                }
                return try NumpyArithmetic.binary(op, a, b)
            },
            PyBuiltin("_scalar_compare(op, a, b)") { args in
                guard case .str(let symbol) = args["op"], let op = CompareOperator(rawValue: symbol.string),
                      let a = try? NDArray.coerceOperand(args["a"]), let b = try? NDArray.coerceOperand(args["b"]) else {
                    return .object(SpecialMethods.notImplemented)
                }
                return try NumpyArithmetic.compare(op, a, b)
            },
            PyBuiltin("_scalar_abs(x)") { args in
                guard let (dtype, number) = unpack(args["x"]) else { return .none }
                let t = try NumpyArithmetic.run { try Tensor.full([], number.asScalar ?? .int(0), dtype: dtype).abs() }
                return NDArray.result(t)
            },
            PyBuiltin("_scalar_hash(x)") { args in
                .int(try Hashing.hash(unpack(args["x"])?.1 ?? .none))
            },
            PyBuiltin("_scalar_item(x)") { args in unpack(args["x"])?.1 ?? .none },
            PyBuiltin("_float32_text(x)") { args in .str(float32Repr(Float(try Arg.real(args["x"])))) },
        ]
    }

    /// `repr` of a float32 the way numpy writes it: the shortest float32 digits, positional from
    /// 1e-4 up to 1e6 (`0.1`, `1e-05`, `1e+06`).
    static func float32Repr(_ x: Float) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let (negative, digits, point) = NumpyFloatText.shortestDigits(Double(x), isFloat32: true)
        let sign = negative ? "-" : ""
        let exponent = point - 1
        if x == 0 || (1e-4 <= Double(abs(x)) && abs(x) < 1e6) {
            let text = NumpyFloatText.positional(Double(x), precision: 64, isFloat32: true)
            return text.integerPart + "." + (text.fraction.isEmpty ? "0" : text.fraction)
        }
        let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
        let magnitude = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }
}

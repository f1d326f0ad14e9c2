import GradTensor

/// Python's operators on arrays: numpy's promotion and broadcasting checks, then GradTensor's
/// kernels on operands cast to the result dtype.
enum NumpyArithmetic {
    /// Runs tensor code, turning its errors into Python's.
    static func run<R>(_ body: () throws -> R) throws -> R { try TorchBridge.run(body) }

    static func binary(_ op: BinaryOperator, _ a: Operand, _ b: Operand) throws -> Value {
        NDArray.result(try compute(op, a, b))
    }

    /// `a op b` as a tensor (0-dim for two scalars).
    static func compute(_ op: BinaryOperator, _ a: Operand, _ b: Operand) throws -> Tensor {
        if op == .matrixMultiply { return try NumpyLinearAlgebra.matmul(a.tensor, b.tensor, promoted: NumpyPromotion.resultType(a, b)) }
        _ = try NumpyPromotion.broadcast(a.tensor.shape, b.tensor.shape)
        var dtype = NumpyPromotion.resultType(a, b)
        if op == .divide && !dtype.isFloatingPoint { dtype = .float64 }
        if op == .power, let shortcut = try fastPower(a, b, dtype) { return shortcut }
        let x = try cast(a.tensor, dtype), y = try cast(b.tensor, dtype)
        return try run {
            switch op {
            case .add: return dtype == .bool ? try x.logicalOr(y) : try x.add(y)
            case .subtract:
                if dtype == .bool {
                    throw PyError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
                }
                return try x.sub(y)
            case .multiply: return dtype == .bool ? try x.logicalAnd(y) : try x.mul(y)
            case .divide: return try x.div(y)
            case .floorDivide: return try x.floorDivide(y)
            case .modulo: return try x.remainder(y)
            case .power:
                if dtype.isIntegral, y.float64Values().contains(where: { $0 < 0 }) {
                    throw PyError.value("Integers to negative integer powers are not allowed.")
                }
                return try x.pow(y)
            case .bitAnd, .bitOr, .bitXor, .leftShift, .rightShift:
                guard !dtype.isFloatingPoint else {
                    throw PyError.type("ufunc '\(ufuncName(op))' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
                }
                let kinds: [BinaryOperator: BitwiseOp] = [.bitAnd: .and, .bitOr: .or, .bitXor: .xor, .leftShift: .leftShift, .rightShift: .rightShift]
                return try x.bitwise(kinds[op] ?? .and, y)
            case .matrixMultiply: return try x.matmul(y)
            }
        }
    }

    /// numpy's shortcut for a float array to a scalar power: `x ** 2` is `x * x` (so it is exact
    /// where `pow` might not be), `** 0.5` a square root, `** -1` a reciprocal.
    private static func fastPower(_ a: Operand, _ b: Operand, _ dtype: DType) throws -> Tensor? {
        guard b.tensor.rank == 0, a.tensor.rank > 0 || !a.isWeak else { return nil }
        let exponent = b.tensor.element(atFlat: 0).doubleValue
        let x = try cast(a.tensor, dtype)
        return try run {
            switch exponent {
            case 2: return try x.mul(x)
            case 0.5 where dtype.isFloatingPoint: return try x.correctlyRoundedSqrt()
            case -1 where dtype.isFloatingPoint: return try x.reciprocal()
            case 1: return try x.clone(memoryFormat: .contiguous)
            default: return nil
            }
        }
    }

    static func compare(_ op: CompareOperator, _ a: Operand, _ b: Operand) throws -> Value {
        _ = try NumpyPromotion.broadcast(a.tensor.shape, b.tensor.shape)
        let dtype = NumpyPromotion.resultType(a, b)
        let x = try cast(a.tensor, dtype), y = try cast(b.tensor, dtype)
        return NDArray.result(try run { try Operators.elementwise(op, x, y) })
    }

    static func unary(_ op: UnaryOperator, _ a: NDArray) throws -> Value? {
        let t = a.tensor
        switch op {
        case .minus:
            if t.dtype == .bool {
                throw PyError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return NDArray.result(try run { try t.neg() })
        case .plus: return NDArray.result(try run { try t.clone(memoryFormat: .contiguous) })
        case .invert:
            if t.dtype.isFloatingPoint {
                throw PyError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return NDArray.result(try run { t.dtype == .bool ? try t.logicalNot() : try t.bitwiseNot() })
        case .not: return nil
        }
    }

    /// `a op= b`: computed, then written back into `a`'s memory if numpy's `same_kind` rule lets
    /// the result's dtype become `a`'s.
    static func update(_ a: NDArray, _ op: BinaryOperator, _ b: Operand) throws {
        try store(try compute(op, Operand(tensor: a.tensor, isWeak: false), b), into: a, ufunc: ufuncName(op))
    }

    /// Writes a ufunc's result into `out` (`a += b`, `np.add(a, b, out=a)`).
    static func store(_ result: Tensor, into out: NDArray, ufunc: String) throws {
        if kind(result.dtype) > kind(out.tensor.dtype) {
            throw PyError(NumpyErrors.outputCastingError, "Cannot cast ufunc '\(ufunc)' output from dtype('\(NumpyDTypes.name(result.dtype))') to dtype('\(NumpyDTypes.name(out.tensor.dtype))') with casting rule 'same_kind'")
        }
        if (try? NumpyPromotion.broadcast(out.tensor.shape, result.shape)) != out.tensor.shape {
            let target = NumpyArrayText.shapeText(out.tensor.shape), broadcast = NumpyPromotion.compact(result.shape)
            throw PyError.value("non-broadcastable output operand with shape \(target) doesn't match the broadcast shape \(broadcast)")
        }
        try run { _ = try out.tensor.copy_(result) }
    }

    /// bool < integer < float, for `same_kind` casting.
    private static func kind(_ d: DType) -> Int { d == .bool ? 0 : d.isFloatingPoint ? 2 : 1 }

    static func cast(_ t: Tensor, _ dtype: DType) throws -> Tensor {
        t.dtype == dtype ? t : try run { try t.to(dtype, memoryFormat: .contiguous) }
    }

    static func ufuncName(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .floorDivide: return "floor_divide"
        case .modulo: return "remainder"
        case .power: return "power"
        case .matrixMultiply: return "matmul"
        case .bitAnd: return "bitwise_and"
        case .bitOr: return "bitwise_or"
        case .bitXor: return "bitwise_xor"
        case .leftShift: return "left_shift"
        case .rightShift: return "right_shift"
        }
    }
}

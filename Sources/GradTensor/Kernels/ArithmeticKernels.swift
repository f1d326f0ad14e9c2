/// The kernels of the binary arithmetic operators, per dtype. Float ops compute in the storage
/// type (bit-identical to PyTorch for + - * /); integer ops wrap on overflow as int64 does in C.
enum ArithmeticOp {
    case add, sub, mul, div, floorDivide, remainder, pow, maximum, minimum
}

extension Tensor {
    /// `op` on `a` and `b` (any dtypes), computed in `dtype` over the broadcast `shape`.
    static func arithmetic(_ op: ArithmeticOp, _ a: Tensor, _ b: Tensor, dtype: DType, shape: [Int]) throws -> Tensor {
        // One-element operands of another dtype are converted by the kernel (`mapBinary`), the
        // others in their layout, which the result's follows.
        let a = try a.numel == 1 ? a : a.convertedIfNeeded(to: dtype), b = try b.numel == 1 ? b : b.convertedIfNeeded(to: dtype)
        switch dtype {
        case .float32: return try smallArithmetic(op, a, b, shape, Float.self) ?? floatArithmetic(op, a, b, shape, Float.self)
        case .float64: return try smallArithmetic(op, a, b, shape, Double.self) ?? floatArithmetic(op, a, b, shape, Double.self)
        case .int64: return try intArithmetic(op, a, b, shape)
        case .bool:
            switch op {
            case .sub:
                throw TorchError.notImplemented("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
            case .floorDivide: throw TorchError.notImplemented("\"div_floor_cpu\" not implemented for 'Bool'")
            case .remainder: throw TorchError.notImplemented("\"remainder_cpu\" not implemented for 'Bool'")
            case .pow: throw TorchError.notImplemented("\"pow\" not implemented for 'Bool'")
            case .add, .mul, .div, .maximum, .minimum:
                // A quotient is a float; the rest are bools again.
                return try intArithmetic(op, a.convertedIfNeeded(to: .int64), b.convertedIfNeeded(to: .int64), shape).narrowed(to: .bool)
            }
        case .uint8, .int8, .int16, .int32, .float16, .bfloat16:
            // PyTorch multiplies and divides float16 and bfloat16 by a one-element right operand
            // taken in float32 as given, not first rounded to the narrow dtype.
            let exactRight = dtype.isFloatingPoint && b.numel == 1 && (op == .mul || op == .div)
            let right = try exactRight ? b.materializedIfCast(to: dtype.computeType) : b.widened(through: dtype)
            return try arithmetic(op, a.widened(through: dtype), right, dtype: dtype.computeType, shape: shape).narrowed(to: dtype)
        }
    }

    /// Whether this tensor, as the exponent of `pow`, asks for a square: it has one element, and
    /// that element is 2 (int or float), so `x ** 2` can be computed as `x * x`.
    private var isSquaringExponent: Bool {
        numel == 1 && (element(atFlat: 0) == .double(2) || element(atFlat: 0) == .int(2))
    }

    /// Itself when already of `dtype`, else a converted copy (cheap for the 0-dim Python numbers).
    func materializedIfCast(to dtype: DType) throws -> Tensor {
        try self.dtype == dtype ? self : materialized(as: dtype)
    }

    /// `+ - * /` and squaring on a few elements, contiguous or one-element, of the result's dtype,
    /// in one small loop that every operator shares; nil for anything else. A small model's step
    /// runs a dozen such ops, and sending each through its operator's own broadcasting kernel
    /// (tens of KB of vectorized code apiece) costs more in instruction-cache misses than the
    /// arithmetic. Compiled for size: no vectorized copies of these loops.
    @_optimize(size)
    private static func smallArithmetic<T: FloatElement>(_ op: ArithmeticOp, _ a: Tensor, _ b: Tensor,
                                                         _ shape: [Int], _: T.Type) throws -> Tensor? {
        let count = Shape.count(shape)
        // For `x ** 2` the exponent, of whatever dtype, is not read.
        let squares = op == .pow && b.isSquaringExponent
        guard count > 0, count <= 64, a.dtype == T.dtype, b.dtype == T.dtype || squares else { return nil }
        let (aIsOne, bIsOne) = (Shape.count(a.shape) == 1, Shape.count(b.shape) == 1)
        // A full operand is contiguous in the result's shape; beside a one-element one it also has
        // row-major strides in its size-1 dimensions, else PyTorch lays the result out by those
        // (`MemoryOrder`).
        func isFull(_ t: Tensor, besideOne: Bool) -> Bool {
            t.shape == shape && (besideOne ? t.hasRowMajorStrides : t.isContiguous)
        }
        guard aIsOne || isFull(a, besideOne: bIsOne), bIsOne || isFull(b, besideOne: aIsOne) else { return nil }
        let ia = aIsOne ? 0 : 1, ib = bIsOne ? 0 : 1
        switch op {
        case .add, .sub, .mul, .div: break
        case .pow where squares: break
        default: return nil
        }
        let out = Tensor(storage: try Storage.make(dtype: T.dtype, uninitializedCount: count), shape: shape)
        let dst = out.storage.pointer(T.self)
        withExtendedLifetime((a, b)) {
            let x = UnsafePointer(a.storage.pointer(T.self)) + a.offset
            if squares {
                for i in 0..<count { dst[i] = x[i &* ia] * x[i &* ia] }
                return
            }
            let y = UnsafePointer(b.storage.pointer(T.self)) + b.offset
            for i in 0..<count {
                let u = x[i &* ia], v = y[i &* ib]
                switch op {
                case .add: dst[i] = u + v
                case .sub: dst[i] = u - v
                case .mul: dst[i] = u * v
                default: dst[i] = u / v
                }
            }
        }
        return out
    }

    private static func floatArithmetic<T: FloatElement>(_ op: ArithmeticOp, _ a: Tensor, _ b: Tensor,
                                                         _ shape: [Int], _: T.Type) throws -> Tensor {
        switch op {
        case .add: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0 + $1 }
        case .sub: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0 - $1 }
        case .mul: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0 * $1 }
        case .div: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0 / $1 }
        case .floorDivide: return try mapBinary(a, b, shape: shape, T.self, T.self) { T.pyFloorDivide($0, $1) }
        case .remainder: return try mapBinary(a, b, shape: shape, T.self, T.self) { T.pyRemainder($0, $1) }
        case .pow:
            // PyTorch special-cases small integral exponents; x*x is what it computes for x**2.
            // A Python number's square is laid out as a one-tensor op, a tensor's as a binary one.
            if b.isSquaringExponent {
                return try mapBinary(a, b.isWrappedNumber ? a : b, shape: shape, T.self, T.self) { x, _ in x * x }
            }
            return try power(a, b, shape: shape, T.self)
        case .maximum: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .minimum: return try mapBinary(a, b, shape: shape, T.self, T.self) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        }
    }

    private static func intArithmetic(_ op: ArithmeticOp, _ a: Tensor, _ b: Tensor, _ shape: [Int]) throws -> Tensor {
        switch op {
        case .add: return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 &+ $1 }
        case .sub: return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 &- $1 }
        case .mul: return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 &* $1 }
        case .div:
            return try arithmetic(.div, a, b, dtype: .defaultFloat, shape: shape)
        case .floorDivide, .remainder:
            if try b.containsZero { throw TorchError.runtime("ZeroDivisionError") }
            if op == .floorDivide {
                return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { x, y in
                    let (q, overflow) = x.dividedReportingOverflow(by: y)
                    if overflow { return q }
                    return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q
                }
            }
            return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { x, y in
                let (r, _) = x.remainderReportingOverflow(dividingBy: y)
                return r != 0 && (r < 0) != (y < 0) ? r &+ y : r
            }
        case .pow:
            if try b.anyElement(where: { $0 < 0 }) {
                throw TorchError.runtime("Integers to negative integer powers are not allowed.")
            }
            return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { base, exponent in
                var result: Int64 = 1, x = base, e = exponent
                while e > 0 {
                    if e & 1 == 1 { result = result &* x }
                    x = x &* x
                    e >>= 1
                }
                return result
            }
        case .maximum: return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { Swift.max($0, $1) }
        case .minimum: return try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { Swift.min($0, $1) }
        }
    }

    /// Whether an int64 tensor holds a zero (integer division checks this before computing).
    var containsZero: Bool { get throws { try anyElement { $0 == 0 } } }

    /// Whether any element of this int64 tensor satisfies `test`.
    func anyElement(where test: (Int64) -> Bool) throws -> Bool {
        let t = try materialized(as: .int64)
        return withExtendedLifetime(t) {
            let p = t.storage.pointer(Int64.self) + t.offset
            for i in 0..<t.numel where test(p[i]) { return true }
            return false
        }
    }
}

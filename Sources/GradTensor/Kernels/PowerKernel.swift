extension Tensor {
    /// Float `a ** b` as PyTorch's CPU loops compute it. A Python-number exponent takes
    /// `pow_tensor_scalar`'s loop (`numberExponentLoop`). A tensor exponent takes the binary
    /// loop: the leading whole blocks of `vectorLoopBlock` elements by SLEEF's pow when both
    /// operands are contiguous (or one is a single element), the rest and any strided operand
    /// by the C library's pow.
    static func power<T: FloatElement>(_ a: Tensor, _ b: Tensor, shape: [Int], _: T.Type) throws -> Tensor {
        if b.isWrappedNumber, a.dtype == T.dtype, a.shape == shape {
            let exponent = b.element(atFlat: 0).doubleValue
            let loop = numberExponentLoop(exponent, T.self)
            // PyTorch's `x ** 0.5` is its sqrt kernel, MKL's where that is loaded.
            if exponent == 0.5 { return try a.mapVectorMath(.sqrt) { try a.mapInBlocks(loop.vector, loop.scalar) } }
            return try a.mapInBlocks(loop.vector, loop.scalar)
        }
        guard a.dtype == T.dtype, b.dtype == T.dtype, a.isContiguous, a.shape == shape || a.numel == 1,
              b.isContiguous, b.shape == shape || b.numel == 1 else {
            return try mapBinary(a, b, shape: shape, T.self, T.self) { T.cPow($0, $1) }
        }
        let count = Shape.count(shape)
        let out = Tensor(storage: try Storage.make(dtype: T.dtype, uninitializedCount: count), shape: shape)
        let dst = out.storage.pointer(T.self), vectorised = count - count % T.vectorLoopBlock
        withExtendedLifetime((a, b)) {
            let x = a.storage.pointer(T.self) + a.offset, ia = a.numel == 1 ? 0 : 1
            let y = b.storage.pointer(T.self) + b.offset, ib = b.numel == 1 ? 0 : 1
            for i in 0..<vectorised { dst[i] = T.vectorPow(x[i &* ia], y[i &* ib]) }
            for i in vectorised..<count { dst[i] = T.cPow(x[i &* ia], y[i &* ib]) }
        }
        // A contiguous operand whose size-1 dimensions have strides of their own beside a
        // one-element one: the same loop, the result's strides as PyTorch's iterator sets them.
        return try MemoryOrder.resultStrides(of: [a, b], shape: shape).map { try MemoryOrder.laidOut(out, strides: $0) } ?? out
    }

    /// PyTorch's `x ** e` for a number e: sqrt, rsqrt, reciprocal and x·x·x by their own
    /// kernels, 1/(x·x) for -2 (the scalar loop dividing in double), otherwise SLEEF's pow with
    /// e in the tensor's dtype in the vector loop and `std::pow(x, double)` in the scalar one.
    private static func numberExponentLoop<T: FloatElement>(_ e: Double, _: T.Type) -> (vector: (T) -> T, scalar: (T) -> T) {
        switch e {
        case 0.5: return ({ T.vmlSquareRoot($0) }, { T.vmlSquareRoot($0) })
        case -0.5: return ({ 1 / $0.squareRoot() }, { 1 / $0.squareRoot() })
        case -1: return ({ 1 / $0 }, { 1 / $0 })
        case 3: return ({ $0 * $0 * $0 }, { $0 * $0 * $0 })
        case -2: return ({ 1 / ($0 * $0) }, { T(1 / Double($0 * $0)) })
        default:
            let vectorExponent = T(e)
            return ({ T.vectorPow($0, vectorExponent) }, { T.cPow($0, doubleExponent: e) })
        }
    }
}

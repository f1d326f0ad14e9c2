import GradKernels

/// Below this many multiply-adds a product runs on one thread (2²⁴, a 256³ product: about half a
/// millisecond on one core). On this shared 2-core machine a second thread did not pay below
/// that: 256×64×128 products (the MLP benchmark's) ran 1.6× slower on two, since a helper thread
/// that is descheduled holds the whole product up; at 512³ two threads were 1.5× faster.
let gemmParallelWork = 1 << 24

/// From tensors to the matrix-product kernels: picks the kernel for the dtype, hands it raw
/// pointers and strides, and decides how a batch is shared among the cores. Callers have checked
/// shapes and dtypes (float32, float64 or int64, the same for both operands).
extension Tensor {
    /// [batch, m, n] = [batch, m, k] · [batch, k, n] for 3-D `a` and `b` of any strides; the
    /// result takes `shape` when given (mm's [m, n], so size errors name the shape PyTorch names).
    /// Work is shared among the cores from `parallelWork` multiply-adds on (tests lower it).
    static func batchedMatrixProduct(_ a: Tensor, _ b: Tensor, shape: [Int]? = nil,
                                     parallelWork: Int = gemmParallelWork) throws -> Tensor {
        if a.dtype.isNarrow {
            return try batchedMatrixProduct(a.widened(), b.widened(), shape: shape, parallelWork: parallelWork).narrowed(to: a.dtype)
        }
        let batch = a.shape[0], m = a.shape[1], k = a.shape[2], n = b.shape[2]
        // Sums of no products are zeros; the kernels are never handed empty operands.
        if k == 0 {
            let shape = shape ?? [batch, m, n]
            return Tensor(storage: try Storage.make(dtype: a.dtype, count: try Shape.checkedCount(shape, dtype: a.dtype)), shape: shape)
        }
        let out = try uninitializedResult(shape ?? [batch, m, n], a.dtype)
        if out.numel == 0 { return out }
        withExtendedLifetime((a, b)) {
            switch a.dtype {
            case .float32: floatProducts(a, b, out, batch, m, k, n, Double(parallelWork), Float.self)
            case .float64: floatProducts(a, b, out, batch, m, k, n, Double(parallelWork), Double.self)
            case .int64:
                let pa = operand(a, Int64.self, rows: 1, cols: 2), pb = operand(b, Int64.self, rows: 1, cols: 2)
                let pc = run(out, Int64.self)
                for i in 0..<batch {
                    integerGemm(m: m, n: n, k: k, a: pa.advanced(by: i &* a.strides[0]), b: pb.advanced(by: i &* b.strides[0]),
                                c: pc.span(at: i &* m &* n, count: m &* n), ldc: n)
                }
            default: break
            }
        }
        return out
    }

    /// The elements of `t` from its first on, read as a matrix whose rows and columns are its
    /// dimensions `rows` and `cols` (a dimension past its rank: stride 0).
    private static func operand<T>(_ t: Tensor, _: T.Type, rows: Int, cols: Int) -> MatrixOperand<T> {
        MatrixOperand(base: UnsafePointer(t.storage.pointer(T.self) + t.offset), available: t.storage.count - t.offset,
                      rowStride: t.strides.indices.contains(rows) ? t.strides[rows] : 0,
                      colStride: t.strides.indices.contains(cols) ? t.strides[cols] : 0)
    }

    /// A result's elements, which the kernels write.
    private static func run<T>(_ t: Tensor, _: T.Type) -> ElementRun<T> {
        ElementRun(base: t.storage.pointer(T.self) + t.offset, count: t.storage.count - t.offset)
    }

    /// A result the kernels fill completely (so it needs no zeroing), after the size check.
    private static func uninitializedResult(_ shape: [Int], _ dtype: DType) throws -> Tensor {
        let count = try Shape.checkedCount(shape, dtype: dtype)
        return Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: count), shape: shape)
    }

    /// The batch's products, shared among the cores by GradKernels (see MatrixProducts).
    private static func floatProducts<T: MatrixProductFloat>(_ a: Tensor, _ b: Tensor, _ out: Tensor, _ batch: Int,
                                                             _ m: Int, _ k: Int, _ n: Int, _ parallelWork: Double, _: T.Type) {
        T.batchedProduct(batch: batch, m: m, k: k, n: n, a: operand(a, T.self, rows: 1, cols: 2), aBatchStride: a.strides[0],
                         b: operand(b, T.self, rows: 1, cols: 2), bBatchStride: b.strides[0], c: run(out, T.self),
                         parallelWork: parallelWork)
    }

    /// [m] = [m, k] · [k] for 2-D `a` and 1-D `x`.
    static func matrixVectorProduct(_ a: Tensor, _ x: Tensor) throws -> Tensor {
        if a.dtype.isNarrow { return try matrixVectorProduct(a.widened(), x.widened()).narrowed(to: a.dtype) }
        let m = a.shape[0], k = a.shape[1]
        let out = try uninitializedResult([m], a.dtype)
        if m == 0 { return out }
        switch a.dtype {
        case .float32: floatMatrixVector(a, x, out, Float.self)
        case .float64: floatMatrixVector(a, x, out, Double.self)
        case .int64:
            withExtendedLifetime((a, x)) {
                integerGemm(m: m, n: 1, k: k, a: operand(a, Int64.self, rows: 0, cols: 1),
                            b: operand(x, Int64.self, rows: 0, cols: 1), c: run(out, Int64.self), ldc: 1)
            }
        default: break
        }
        return out
    }

    private static func floatMatrixVector<T: MatrixProductFloat>(_ a: Tensor, _ x: Tensor, _ out: Tensor, _: T.Type) {
        withExtendedLifetime((a, x)) {
            T.matrixVectorProduct(m: a.shape[0], k: a.shape[1], a: operand(a, T.self, rows: 0, cols: 1),
                                  x: operand(x, T.self, rows: 0, cols: 1), y: run(out, T.self))
        }
    }

    /// The 0-dim Σ x[i]·y[i] of two 1-D tensors of one length (read in place: no copies).
    static func dotProduct(_ x: Tensor, _ y: Tensor) throws -> Tensor {
        if x.dtype.isNarrow { return try dotProduct(x.widened(), y.widened()).narrowed(to: x.dtype) }
        let out = Tensor(storage: try Storage.make(dtype: x.dtype, count: 1), shape: [])
        let n = x.shape[0], (incx, incy) = (x.strides[0], y.strides[0])
        // Both vectors read as n×1 matrices, their extents checked (see CheckedRegion).
        func vectors<T>(_: T.Type) -> (UnsafePointer<T>, UnsafePointer<T>) {
            (operand(x, T.self, rows: 0, cols: 1).checked(rows: n, cols: 1), operand(y, T.self, rows: 0, cols: 1).checked(rows: n, cols: 1))
        }
        withExtendedLifetime((x, y)) {
            switch x.dtype {
            case .float32:
                let (px, py) = vectors(Float.self)
                out.storage.pointer(Float.self)[0] = floatDot(px, incx, py, incy, n)
            case .float64:
                let (px, py) = vectors(Double.self)
                out.storage.pointer(Double.self)[0] = doubleDot(px, incx, py, incy, n)
            case .int64:
                let (px, py) = vectors(Int64.self)
                var s: Int64 = 0
                for i in 0..<n { s = s &+ px[i &* incx] &* py[i &* incy] }
                out.storage.pointer(Int64.self)[0] = s
            default: break
            }
        }
        return out
    }
}

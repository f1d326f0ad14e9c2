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
        let out = try uninitializedResult(shape ?? [batch, m, n], a.dtype)
        if out.numel == 0 { return out }
        withExtendedLifetime((a, b)) {
            switch a.dtype {
            case .float32: floatProducts(a, b, out, batch, m, k, n, Double(parallelWork), Float.self)
            case .float64: floatProducts(a, b, out, batch, m, k, n, Double(parallelWork), Double.self)
            case .int64:
                let pa = UnsafePointer(a.storage.pointer(Int64.self) + a.offset)
                let pb = UnsafePointer(b.storage.pointer(Int64.self) + b.offset)
                let pc = out.storage.pointer(Int64.self)
                for i in 0..<batch {
                    integerGemm(m: m, n: n, k: k,
                                a: MatrixOperand(base: pa + i &* a.strides[0], rowStride: a.strides[1], colStride: a.strides[2]),
                                b: MatrixOperand(base: pb + i &* b.strides[0], rowStride: b.strides[1], colStride: b.strides[2]),
                                c: pc + i &* m &* n, ldc: n)
                }
            default: break
            }
        }
        return out
    }

    /// A result the kernels fill completely (so it needs no zeroing), after the size check.
    private static func uninitializedResult(_ shape: [Int], _ dtype: DType) throws -> Tensor {
        let count = try Shape.checkedCount(shape, dtype: dtype)
        return Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: count), shape: shape)
    }

    /// Small matrices in a big batch go one matrix per thread; big matrices are each split
    /// among the threads by the GEMM itself; the rest run on the calling thread.
    private static func floatProducts<T: GemmFloat>(_ a: Tensor, _ b: Tensor, _ out: Tensor, _ batch: Int,
                                                    _ m: Int, _ k: Int, _ n: Int, _ parallelWork: Double, _: T.Type) {
        let pa = UnsafePointer(a.storage.pointer(T.self) + a.offset)
        let pb = UnsafePointer(b.storage.pointer(T.self) + b.offset)
        let pc = UncheckedSendable(out.storage.pointer(T.self))
        let (sa, sb) = (a.strides, b.strides)
        func one(_ i: Int, threads: Int) {
            gemm(m: m, n: n, k: k,
                 a: MatrixOperand(base: pa + i &* sa[0], rowStride: sa[1], colStride: sa[2]),
                 b: MatrixOperand(base: pb + i &* sb[0], rowStride: sb[1], colStride: sb[2]),
                 c: pc.value + i &* m &* n, ldc: n, threads: threads)
        }
        let perMatrix = Double(m) * Double(n) * Double(k)
        let total = perMatrix * Double(batch)
        if batch > 1 && perMatrix < parallelWork && total >= parallelWork {
            let parts = Swift.min(Parallel.cores, batch)
            Parallel.forEach(parts) { part in
                for i in (batch * part / parts)..<(batch * (part + 1) / parts) { one(i, threads: 1) }
            }
        } else {
            let threads = perMatrix < parallelWork ? 1 : Parallel.cores
            for i in 0..<batch { one(i, threads: threads) }
        }
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
                integerGemm(m: m, n: 1, k: k,
                            a: MatrixOperand(base: a.storage.pointer(Int64.self) + a.offset, rowStride: a.strides[0], colStride: a.strides[1]),
                            b: MatrixOperand(base: x.storage.pointer(Int64.self) + x.offset, rowStride: x.strides[0], colStride: 0),
                            c: out.storage.pointer(Int64.self), ldc: 1)
            }
        default: break
        }
        return out
    }

    private static func floatMatrixVector<T: GemmFloat>(_ a: Tensor, _ x: Tensor, _ out: Tensor, _: T.Type) {
        withExtendedLifetime((a, x)) {
            gemvKernel(m: a.shape[0], k: a.shape[1],
                       a: MatrixOperand(base: a.storage.pointer(T.self) + a.offset, rowStride: a.strides[0], colStride: a.strides[1]),
                       x: x.storage.pointer(T.self) + x.offset, incx: x.strides[0], y: out.storage.pointer(T.self),
                       threads: Parallel.cores)
        }
    }

    /// The 0-dim Σ x[i]·y[i] of two 1-D tensors of one length (read in place: no copies).
    static func dotProduct(_ x: Tensor, _ y: Tensor) throws -> Tensor {
        if x.dtype.isNarrow { return try dotProduct(x.widened(), y.widened()).narrowed(to: x.dtype) }
        let out = Tensor(storage: try Storage.make(dtype: x.dtype, count: 1), shape: [])
        let n = x.shape[0], (incx, incy) = (x.strides[0], y.strides[0])
        withExtendedLifetime((x, y)) {
            switch x.dtype {
            case .float32:
                out.storage.pointer(Float.self)[0] = stridedDot(x.storage.pointer(Float.self) + x.offset, incx,
                                                                y.storage.pointer(Float.self) + y.offset, incy, n)
            case .float64:
                out.storage.pointer(Double.self)[0] = stridedDot(x.storage.pointer(Double.self) + x.offset, incx,
                                                                 y.storage.pointer(Double.self) + y.offset, incy, n)
            case .int64:
                let px = x.storage.pointer(Int64.self) + x.offset, py = y.storage.pointer(Int64.self) + y.offset
                var s: Int64 = 0
                for i in 0..<n { s = s &+ px[i &* incx] &* py[i &* incy] }
                out.storage.pointer(Int64.self)[0] = s
            default: break
            }
        }
        return out
    }
}

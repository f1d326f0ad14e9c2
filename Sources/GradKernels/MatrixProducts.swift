/// What GradTensor calls to multiply matrices: the float products (`mm`, `bmm`, `mv` and the
/// forms built on them), the int64 product and the dot products, over raw memory.
///
/// These are grad's only kernels that run on several threads, and they are a module of their
/// own for that reason. GradTensor is compiled with non-atomic reference counts (its tensors and
/// graph nodes live on the one thread that runs the program), which is sound only if no code
/// compiled in GradTensor runs on another thread. So every closure that worker threads run
/// (Parallel) is written here, in a module compiled with atomic reference counts; this module
/// knows nothing of GradTensor, and its API takes no closure: callers pass pointers and sizes
/// (MatrixOperand, ElementRun) and wait until the workers are done.

/// Float and Double, the element types of the float products.
public protocol MatrixProductFloat: GemmFloat {
    /// `batch` products c = a·b of m×k by k×n matrices, the i-th operands `i·aBatchStride` and
    /// `i·bBatchStride` elements on and the i-th result (m×n, contiguous) after the one before.
    /// From `parallelWork` multiply-adds on, the work is shared among the cores: a batch of
    /// small matrices one matrix per thread, a big matrix split by the GEMM itself.
    static func batchedProduct(batch: Int, m: Int, k: Int, n: Int, a: MatrixOperand<Self>, aBatchStride: Int,
                               b: MatrixOperand<Self>, bBatchStride: Int, c: ElementRun<Self>, parallelWork: Double)
    /// y (m, contiguous) = a (m×k) · x (k×1), on all the cores when it is large.
    static func matrixVectorProduct(m: Int, k: Int, a: MatrixOperand<Self>, x: MatrixOperand<Self>, y: ElementRun<Self>)
}

// Float's and Double's entry points are written out for each type rather than given once as a
// protocol extension's default, which the compiler would be free to run unspecialised (generic
// SIMD code through witness tables, many times slower).
extension Float: MatrixProductFloat {
    public static func batchedProduct(batch: Int, m: Int, k: Int, n: Int, a: MatrixOperand<Float>, aBatchStride: Int,
                                      b: MatrixOperand<Float>, bBatchStride: Int, c: ElementRun<Float>, parallelWork: Double) {
        batchedGemm(batch: batch, m: m, k: k, n: n, a: a, aBatchStride: aBatchStride, b: b, bBatchStride: bBatchStride,
                    c: c, parallelWork: parallelWork)
    }

    public static func matrixVectorProduct(m: Int, k: Int, a: MatrixOperand<Float>, x: MatrixOperand<Float>, y: ElementRun<Float>) {
        gemvKernel(m: m, k: k, a: a, x: x, y: y, threads: Parallel.cores)
    }
}

extension Double: MatrixProductFloat {
    public static func batchedProduct(batch: Int, m: Int, k: Int, n: Int, a: MatrixOperand<Double>, aBatchStride: Int,
                                      b: MatrixOperand<Double>, bBatchStride: Int, c: ElementRun<Double>, parallelWork: Double) {
        batchedGemm(batch: batch, m: m, k: k, n: n, a: a, aBatchStride: aBatchStride, b: b, bBatchStride: bBatchStride,
                    c: c, parallelWork: parallelWork)
    }

    public static func matrixVectorProduct(m: Int, k: Int, a: MatrixOperand<Double>, x: MatrixOperand<Double>, y: ElementRun<Double>) {
        gemvKernel(m: m, k: k, a: a, x: x, y: y, threads: Parallel.cores)
    }
}

/// See `MatrixProductFloat.batchedProduct`.
private func batchedGemm<T: GemmFloat>(batch: Int, m: Int, k: Int, n: Int, a: MatrixOperand<T>, aBatchStride: Int,
                                       b: MatrixOperand<T>, bBatchStride: Int, c: ElementRun<T>, parallelWork: Double) {
    func one(_ i: Int, threads: Int) {
        gemm(m: m, n: n, k: k, a: a.advanced(by: i &* aBatchStride), b: b.advanced(by: i &* bBatchStride),
             c: c.span(at: i &* m &* n, count: m &* n), ldc: n, threads: threads)
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

/// Σ x[i·incx]·y[i·incy] over n float32 elements in the order MKL's sdot sums them (one chain
/// for strided vectors), as `torch.dot` gives it.
public func floatDot(_ x: UnsafePointer<Float>, _ incx: Int, _ y: UnsafePointer<Float>, _ incy: Int, _ n: Int) -> Float {
    incx == 1 && incy == 1 ? sdotOrderDot(x, y, n) : scheduledDot(x, incx, y, incy, n, .chain(n))
}

/// Σ x[i·incx]·y[i·incy] over n float64 elements in the order MKL's ddot sums them.
public func doubleDot(_ x: UnsafePointer<Double>, _ incx: Int, _ y: UnsafePointer<Double>, _ incy: Int, _ n: Int) -> Double {
    ddotOrderDot(x, incx, y, incy, n)
}

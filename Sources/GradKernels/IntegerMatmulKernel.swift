/// int64 matrix products (PyTorch supports them on CPU without BLAS). Arithmetic wraps on
/// overflow as C's int64_t does, so any summation order gives the same result as PyTorch.

/// C (m×n, row stride `ldc`) = A (m×k) · B (k×n), operands read through their strides, whose
/// extents are checked first (see CheckedRegion).
public func integerGemm(m: Int, n: Int, k: Int, a: MatrixOperand<Int64>, b: MatrixOperand<Int64>,
                 c: ElementRun<Int64>, ldc: Int) {
    if n <= 0 || m <= 0 { return }
    let c = c.block(at: 0, rows: m, cols: n, rowStride: ldc).base
    let pa = a.checked(rows: m, cols: max(k, 0)), pb = b.checked(rows: max(k, 0), cols: n)
    for i in 0..<m {
        let row = c + i &* ldc
        row.initialize(repeating: 0, count: n)
        for p in 0..<max(k, 0) {
            let x = pa[i &* a.rowStride &+ p &* a.colStride]
            let src = pb + p &* b.rowStride
            if b.colStride == 1 {
                for j in 0..<n { row[j] = row[j] &+ x &* src[j] }
            } else {
                for j in 0..<n { row[j] = row[j] &+ x &* src[j &* b.colStride] }
            }
        }
    }
}

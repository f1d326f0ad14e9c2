/// Float64 matrix products summed in the order PyTorch's MKL dgemm sums them, so that they give
/// PyTorch's bits.
///
/// Found by comparing torch.mm's bits with candidate orders on random inputs (PyTorch 2.15's
/// wheel, MKL 2024.2, this project's AVX-512 machine, one and two threads, m and n from 1 to 16
/// plus products up to 300³, k up to 5,000): MKL's FMA kernel takes C's rows in fours and its
/// columns in twelves, one FMA chain per element over all of k (grad's blocked kernel with
/// `chainsAcrossSlices`); every other element is one chain of rounded products. Only products
/// whose B has unit column stride follow this rule (a B read down its columns, `x @ W.t()`,
/// sums its edges in lanes not measured yet).
struct DgemmKernelCore {
    /// The rows and columns of C, from the first, that MKL's FMA kernel computes.
    let rows: Int
    let cols: Int

    /// The core of C (m×n) = A · B, or nil where the rule was not measured (float32, or a B
    /// without unit column stride).
    static func of<T>(m: Int, n: Int, a: MatrixOperand<T>, b: MatrixOperand<T>) -> DgemmKernelCore? {
        guard T.self == Double.self, b.colStride == 1 else { return nil }
        return DgemmKernelCore(rows: m / 4 * 4, cols: n / 12 * 12)
    }

    /// The elements outside the core (its columns past `cols`, then the rows past `rows`), each
    /// a chain of rounded products.
    func sumEdges<T: GemmFloat>(m: Int, n: Int, k: Int, a: MatrixOperand<T>, b: MatrixOperand<T>,
                                c: ElementRun<T>, ldc: Int) {
        if rows > 0 && cols < n {
            smallProduct(.unfusedChain, m: rows, n: n - cols, k: k, a: a, b: b.shifted(rows: 0, cols: cols),
                         c: c.span(at: cols, count: c.count - cols), ldc: ldc)
        }
        if rows < m {
            let start = rows &* ldc
            smallProduct(.unfusedChain, m: m - rows, n: n, k: k, a: a.shifted(rows: rows, cols: 0), b: b,
                         c: c.span(at: start, count: c.count - start), ldc: ldc)
        }
    }
}

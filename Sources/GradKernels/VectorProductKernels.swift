/// The float matrix-vector product behind `mv` and matrix products with one output column or
/// row (memory-bound, so simpler than the GEMM).

/// y (m, contiguous) = A (m×k) · x (k, stride `incx`), summed in MKL's order (see
/// MatrixVectorOrder): rows of A as dot products, or a column-major A column by column with a
/// vectorised axpy. Rows are split over
/// up to `threads` threads when large. Nothing is copied, so broadcast operands cost no memory.
/// The operands' extents are checked first (see CheckedRegion); x is read as a k×1 matrix.
func gemvKernel<T: GemmFloat>(m: Int, k: Int, a: MatrixOperand<T>, x vector: MatrixOperand<T>,
                              y run: ElementRun<T>, threads: Int) {
    if m <= 0 { return }
    let rows = a.checked(rows: m, cols: k), x = vector.checked(rows: k, cols: 1), incx = vector.rowStride
    let y = run.span(at: 0, count: m).base
    let order = MatrixVectorOrder.of(m: m, a: a, x: vector)
    if a.rowStride == 1 && k > 1 && order == .chain {
        columnwiseGemv(m: m, k: k, a: rows, colStride: a.colStride, x: x, incx: incx, y: y)
        return
    }
    let out = UncheckedSendable(y)
    let parts = Double(m) * Double(k) < 1_048_576 ? 1 : min(threads, m)
    Parallel.forEach(parts) { part in
        let first = m * part / parts, last = m * (part + 1) / parts
        for i in first..<last {
            let row = rows + i &* a.rowStride
            switch order {
            case .lanes: out.value[i] = scheduledDot(row, a.colStride, x, incx, k, .of(T.self, row: i, rows: m, k: k))
            case .chain: out.value[i] = scheduledDot(row, a.colStride, x, incx, k, .chain(k))
            }
        }
    }
}

/// y = Σₚ A[:, p] · x[p] for a column-major A (unit row stride), whose extents `gemvKernel`
/// checked: each product rounded before it is added (MKL's order).
private func columnwiseGemv<T: GemmFloat>(m: Int, k: Int, a: UnsafePointer<T>, colStride: Int, x: UnsafePointer<T>,
                                          incx: Int, y: UnsafeMutablePointer<T>) {
    y.initialize(repeating: 0, count: m)
    typealias V = T.Vector
    let w = T.lanes
    let py = UnsafeMutableRawPointer(y)
    let bytes = MemoryLayout<T>.stride
    for p in 0..<k {
        let col = a + p &* colStride
        let pc = UnsafeRawPointer(col)
        let s = x[p &* incx], sv = V(repeating: s)
        var i = 0
        while i &+ w <= m {
            let o = i &* bytes
            let sum = py.loadUnaligned(fromByteOffset: o, as: V.self), column = pc.loadUnaligned(fromByteOffset: o, as: V.self)
            py.storeBytes(of: sum + column * sv, toByteOffset: o, as: V.self)
            i &+= w
        }
        while i < m {
            y[i] = y[i] + col[i] * s
            i &+= 1
        }
    }
}

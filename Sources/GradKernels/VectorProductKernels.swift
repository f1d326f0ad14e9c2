/// Float dot products and matrix-vector products over unit-stride data, in SIMD: the kernels
/// behind `dot` and `mv` (memory-bound, so simpler than the GEMM).

/// Σ x[i]·y[i] over `n` contiguous elements, with four vector accumulators to hide FMA latency.
@inline(__always)
func dotKernel<T: GemmFloat>(_ x: UnsafePointer<T>, _ y: UnsafePointer<T>, _ n: Int) -> T {
    typealias V = T.Vector
    let w = T.lanes
    var s0 = V(), s1 = V(), s2 = V(), s3 = V()
    let px = UnsafeRawPointer(x), py = UnsafeRawPointer(y)
    let bytes = MemoryLayout<T>.stride
    var i = 0
    while i &+ 4 &* w <= n {
        let o = i &* bytes
        s0 = s0.addingProduct(px.loadUnaligned(fromByteOffset: o, as: V.self), py.loadUnaligned(fromByteOffset: o, as: V.self))
        s1 = s1.addingProduct(px.loadUnaligned(fromByteOffset: o &+ w &* bytes, as: V.self),
                              py.loadUnaligned(fromByteOffset: o &+ w &* bytes, as: V.self))
        s2 = s2.addingProduct(px.loadUnaligned(fromByteOffset: o &+ 2 &* w &* bytes, as: V.self),
                              py.loadUnaligned(fromByteOffset: o &+ 2 &* w &* bytes, as: V.self))
        s3 = s3.addingProduct(px.loadUnaligned(fromByteOffset: o &+ 3 &* w &* bytes, as: V.self),
                              py.loadUnaligned(fromByteOffset: o &+ 3 &* w &* bytes, as: V.self))
        i &+= 4 &* w
    }
    while i &+ w <= n {
        let o = i &* bytes
        s0 = s0.addingProduct(px.loadUnaligned(fromByteOffset: o, as: V.self), py.loadUnaligned(fromByteOffset: o, as: V.self))
        i &+= w
    }
    var total = ((s0 + s1) + (s2 + s3)).sum()
    while i < n {
        total = total.addingProduct(x[i], y[i])
        i &+= 1
    }
    return total
}

/// Σ x[i·incx]·y[i·incy] for any strides (broadcast operands have stride 0).
@inline(__always)
func stridedDot<T: GemmFloat>(_ x: UnsafePointer<T>, _ incx: Int, _ y: UnsafePointer<T>, _ incy: Int, _ n: Int) -> T {
    if incx == 1 && incy == 1 { return dotKernel(x, y, n) }
    var total: T = 0
    for i in 0..<max(n, 0) { total = total.addingProduct(x[i &* incx], y[i &* incy]) }
    return total
}

/// y (m, contiguous) = A (m×k) · x (k, stride `incx`). Float32 products are summed in MKL's
/// order (see MatrixVectorOrder); otherwise rows of A are dot products, and a column-major A
/// with a contiguous x is built up column by column with a vectorised axpy. Rows are split over
/// up to `threads` threads when large. Nothing is copied, so broadcast operands cost no memory.
/// The operands' extents are checked first (see CheckedRegion); x is read as a k×1 matrix.
func gemvKernel<T: GemmFloat>(m: Int, k: Int, a: MatrixOperand<T>, x vector: MatrixOperand<T>,
                              y run: ElementRun<T>, threads: Int) {
    if m <= 0 { return }
    let rows = a.checked(rows: m, cols: k), x = vector.checked(rows: k, cols: 1), incx = vector.rowStride
    let y = run.span(at: 0, count: m).base
    let order = MatrixVectorOrder.of(m: m, a: a, x: vector)
    if a.rowStride == 1 && k > 1 && (order == .chain || (order == nil && a.colStride != 1 && incx == 1)) {
        columnwiseGemv(m: m, k: k, a: rows, colStride: a.colStride, x: x, incx: incx, y: y, fused: order == nil)
        return
    }
    let out = UncheckedSendable(y)
    let parts = Double(m) * Double(k) < 1_048_576 ? 1 : min(threads, m)
    Parallel.forEach(parts) { part in
        let first = m * part / parts, last = m * (part + 1) / parts
        for i in first..<last {
            let row = rows + i &* a.rowStride
            switch order {
            case .lanes: out.value[i] = scheduledDot(row, a.colStride, x, incx, k, LaneSchedule(row: i, rows: m, k: k))
            case .chain: out.value[i] = scheduledDot(row, a.colStride, x, incx, k, .chain(k))
            case nil: out.value[i] = stridedDot(row, a.colStride, x, incx, k)
            }
        }
    }
}

/// y = Σₚ A[:, p] · x[p] for a column-major A (unit row stride), whose extents `gemvKernel`
/// checked: each product rounded before it is added (MKL's float32 order) or, when `fused`,
/// one FMA per product.
private func columnwiseGemv<T: GemmFloat>(m: Int, k: Int, a: UnsafePointer<T>, colStride: Int, x: UnsafePointer<T>,
                                          incx: Int, y: UnsafeMutablePointer<T>, fused: Bool) {
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
            py.storeBytes(of: fused ? sum.addingProduct(column, sv) : sum + column * sv, toByteOffset: o, as: V.self)
            i &+= w
        }
        while i < m {
            y[i] = fused ? y[i].addingProduct(col[i], s) : y[i] + col[i] * s
            i &+= 1
        }
    }
}

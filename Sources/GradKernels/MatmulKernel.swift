/// The float32/float64 matrix product C = A·B behind mm, bmm and the matmul forms built on them.
///
/// Structured like BLIS/GotoBLAS: B is packed in k×n blocks shared by all threads, A in blocks
/// of rows that stay in L2, both cut into micro-panels laid out in the order the micro-kernel
/// reads them; the micro-kernel keeps a 6×(2·lanes) tile of C in SIMD registers over a k-slice.
/// A row-major A is not packed: the micro-kernel reads its rows in place, which are already
/// contiguous runs. Packing reads operands through their strides, so transposed, sliced and
/// broadcast (stride 0) matrices need no copy beforehand. Large products are cut into a few
/// tasks per core that threads take as they come free (Dispatch's concurrentPerform).

/// A matrix read through strides: element (i, j) is at `base[i * rowStride + j * colStride]`,
/// among the `available` elements from `base` on (to the end of its storage), which bound every
/// block a kernel reads (see CheckedRegion).
public struct MatrixOperand<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
    let available: Int
    let rowStride: Int
    let colStride: Int

    public init(base: UnsafePointer<T>, available: Int, rowStride: Int, colStride: Int) {
        (self.base, self.available, self.rowStride, self.colStride) = (base, available, rowStride, colStride)
    }

    /// The sub-matrix starting at row `i`, column `j`, checked to start among the elements.
    @inline(__always) func shifted(rows i: Int, cols j: Int) -> MatrixOperand {
        precondition(i >= 0 && j >= 0, "matrix operand shifted backwards")
        return advanced(by: i &* rowStride &+ j &* colStride)
    }

    /// The matrix whose first element is `offset` elements on (the next matrix of a batch),
    /// checked to start among the elements.
    @inline(__always) public func advanced(by offset: Int) -> MatrixOperand {
        precondition(offset >= 0 && offset <= available, "matrix operand shifted outside its buffer")
        return MatrixOperand(base: base + offset, available: available &- offset, rowStride: rowStride, colStride: colStride)
    }

    /// The first element of the `rows`×`cols` block at the start, checked to lie among the elements.
    @inline(__always) public func checked(rows: Int, cols: Int) -> UnsafePointer<T> {
        precondition(spans(available, rows: rows, cols: cols, rowStride: rowStride, colStride: colStride),
                     "matrix operand block outside its buffer")
        return base
    }

    /// The matrix transposed (no copy).
    var transposed: MatrixOperand {
        MatrixOperand(base: base, available: available, rowStride: colStride, colStride: rowStride)
    }
}

/// The float types the GEMM handles, with the SIMD vector its micro-kernel is built from
/// (one AVX register on x86-64: 8 floats or 4 doubles). `Codable` and `SIMDScalar` because SIMD
/// vectors require them of their scalars.
public protocol GemmFloat: BinaryFloatingPoint, SIMDScalar, Codable {
    associatedtype Vector: SIMD where Vector.Scalar == Self
    static var lanes: Int { get }
}

extension Float: GemmFloat {
    public typealias Vector = SIMD8<Float>
    public static var lanes: Int { 8 }
}

extension Double: GemmFloat {
    public typealias Vector = SIMD4<Double>
    public static var lanes: Int { 4 }
}

extension GemmFloat {
    /// Whether a kc slice of k after the first continues each element's FMA chain from C's
    /// value (float64: MKL's dgemm sums each element in one chain over all of k) rather than
    /// adding its own sum to C (float32, whose slices MKL sums in no order found yet).
    static var chainsAcrossSlices: Bool { Self.self == Double.self }
}

/// Block sizes (elements). 6 rows × 2 vectors of C is 12 accumulators, which with the two B
/// vectors and one broadcast A value fits the 16 AVX registers; a kc-deep B micro-panel (16 KiB
/// for floats) stays in L1, a task's A block (≤ 96 rows) in L2.
private enum Blocking {
    static let mr = 6
    static let kc = 256
    static let mcPanels = 16
    static let nc = 2048
    /// How much of k one packing round covers (a multiple of kc): B is packed in one parallel
    /// step per round, so threads meet at a barrier twice per round rather than per kc slice.
    static let kRound = 1024
    /// Tasks per thread when splitting: a few, so a thread slowed by other processes on a
    /// shared machine hands the rest of its share to the others.
    static let tasksPerThread = 3
}

/// C (m×n, row stride `ldc`, unit column stride) = A (m×k) · B (k×n) on `threads` threads (the
/// caller judges whether the product is worth splitting). C's previous contents are ignored
/// (BLAS's beta = 0, so NaN garbage never leaks in), and k = 0 gives zeros.
///
/// For each block of B (up to kRound × nc): the threads pack it together, then take tasks (a
/// block of rows by a range of columns of C) as they come free; a task packs its own rows of
/// A per kc slice (unless it reads them in place), so A is packed once unless columns had to be
/// split too (small m).
func gemm<T: GemmFloat>(m: Int, n: Int, k: Int, a: MatrixOperand<T>, b: MatrixOperand<T>,
                        c: ElementRun<T>, ldc: Int, threads: Int) {
    if m <= 0 || n <= 0 { return }
    let cBlock = c.block(at: 0, rows: m, cols: n, rowStride: ldc).base
    if k <= 0 {
        for i in 0..<m { (cBlock + i &* ldc).initialize(repeating: 0, count: n) }
        return
    }
    // One column or one row of C is a matrix-vector product, which the 6×16 tiles would
    // mostly pad.
    if n == 1 && ldc == 1 {
        gemvKernel(m: m, k: k, a: a, x: b, y: c, threads: threads)
        return
    }
    if m == 1 {
        gemvKernel(m: n, k: k, a: b.transposed, x: a.transposed, y: c, threads: threads)
        return
    }
    if let order = SmallProductOrder.of(m: m, n: n, k: k, a: a, b: b) {
        smallProduct(order, m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc)
        return
    }
    if let core = DgemmKernelCore.of(m: m, n: n, a: a, b: b) {
        if core.rows > 0 && core.cols > 0 {
            blockedGemm(m: core.rows, n: core.cols, k: k, a: a, b: b, c: c, ldc: ldc, threads: threads)
        }
        core.sumEdges(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc)
        return
    }
    blockedGemm(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, threads: threads)
}

/// `gemm`'s blocked kernel: one FMA chain per element of C over all of k (float64) or over each
/// kc slice of k, the slices' sums added in order (float32).
private func blockedGemm<T: GemmFloat>(m: Int, n: Int, k: Int, a: MatrixOperand<T>, b: MatrixOperand<T>,
                                       c: ElementRun<T>, ldc: Int, threads: Int) {
    let nr = 2 &* T.lanes
    let workers = max(threads, 1)
    let ncCap = min(roundUp(n, nr), Blocking.nc)
    PanelPool.with(T.self, count: min(k, Blocking.kRound) &* ncCap) { bPack in
        blockedProduct(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workers: workers, bPack: bPack, ncCap: ncCap)
    }
}


/// The loops of `gemm` over blocks of B, with `bPack` holding kRound × ncCap packed elements.
private func blockedProduct<T: GemmFloat>(m: Int, n: Int, k: Int, a: MatrixOperand<T>, b: MatrixOperand<T>,
                                          c: ElementRun<T>, ldc: Int, workers: Int,
                                          bPack: ElementRun<T>, ncCap: Int) {
    let nr = 2 &* T.lanes
    let shared = UncheckedSendable((bPack, c))
    var jc = 0
    while jc < n {
        let nc = min(Blocking.nc, n - jc)
        let grid = TaskGrid(rowPanels: (m + Blocking.mr - 1) / Blocking.mr, colPanels: (nc + nr - 1) / nr, workers: workers)
        var pk = 0
        while pk < k {
            let kr = min(Blocking.kRound, k - pk)
            let slices = (kr + Blocking.kc - 1) / Blocking.kc
            // Slice s of the round is packed at s·kc·ncCap: its panels, nr columns wide, one
            // after another (panel j at j·kc within the slice, kc = that slice's depth).
            let packers = min(workers, slices &* grid.colPanels)
            Parallel.forEach(packers, threads: workers) { part in
                let total = slices &* grid.colPanels
                for unit in (total * part / packers)..<(total * (part + 1) / packers) {
                    let s = unit / grid.colPanels, j = (unit % grid.colPanels) &* nr
                    let p0 = s &* Blocking.kc, kc = min(Blocking.kc, kr - p0)
                    packB(b.shifted(rows: pk &+ p0, cols: jc &+ j), kc: kc, nc: min(nr, nc - j), nr: nr,
                          into: shared.value.0, at: s &* Blocking.kc &* ncCap &+ j &* kc)
                }
            }
            Parallel.forEach(grid.count, threads: workers) { task in
                let (rows, cols) = grid.ranges(task)
                let i0 = rows.lowerBound &* Blocking.mr, i1 = min(rows.upperBound &* Blocking.mr, m)
                let j0 = cols.lowerBound &* nr, j1 = min(cols.upperBound &* nr, nc)
                for s in 0..<slices {
                    let p0 = s &* Blocking.kc, kc = min(Blocking.kc, kr - p0), cols = j1 - j0
                    multiplyBlock(a: a.shifted(rows: i0, cols: pk &+ p0), rows: i1 - i0, kc: kc,
                                  bPanels: shared.value.0.span(at: s &* Blocking.kc &* ncCap &+ j0 &* kc, count: roundUp(cols, nr) &* kc),
                                  cols: cols,
                                  c: shared.value.1.block(at: i0 &* ldc &+ jc &+ j0, rows: i1 - i0, cols: cols, rowStride: ldc),
                                  ldc: ldc, accumulate: pk &+ p0 > 0)
                }
            }
            pk &+= kr
        }
        jc &+= nc
    }
}

/// How C's tiles are cut into tasks: blocks of at most `mcPanels` row panels, and when that
/// gives too few tasks to keep the workers busy, column ranges too. Ranges count micro-panels
/// and are as even as possible.
private struct TaskGrid {
    let rowPanels: Int
    let colPanels: Int
    let rowTasks: Int
    let colTasks: Int

    init(rowPanels: Int, colPanels: Int, workers: Int) {
        self.rowPanels = rowPanels
        self.colPanels = colPanels
        let wanted = workers > 1 ? workers &* Blocking.tasksPerThread : 1
        let rowTasks = min(max((rowPanels + Blocking.mcPanels - 1) / Blocking.mcPanels, wanted), rowPanels)
        self.rowTasks = max(rowTasks, 1)
        colTasks = max(min((wanted + self.rowTasks - 1) / self.rowTasks, colPanels), 1)
    }

    var count: Int { rowTasks &* colTasks }

    func ranges(_ task: Int) -> (rows: Range<Int>, cols: Range<Int>) {
        let r = task / colTasks, c = task % colTasks
        return (rowPanels * r / rowTasks ..< rowPanels * (r + 1) / rowTasks,
                colPanels * c / colTasks ..< colPanels * (c + 1) / colTasks)
    }
}

/// One task: C[rows, cols] (+)= A[rows, kc-slice] · packed B panels, packing its rows of A first
/// unless they can be read in place. Loops B micro-panels outside A micro-panels, so each B
/// panel is reused from L1.
private func multiplyBlock<T: GemmFloat>(a: MatrixOperand<T>, rows m: Int, kc: Int,
                                         bPanels: ElementRun<T>, cols n: Int,
                                         c: ElementRun<T>, ldc: Int, accumulate: Bool) {
    withUnsafeTemporaryAllocation(of: T.self, capacity: Blocking.mr &* 2 &* T.lanes) { scratch in
        guard let base = scratch.baseAddress else { return }
        let tile = ElementRun(base: base, count: scratch.count)
        if a.colStride == 1 {
            multiplyPanels(.rows(a), rows: m, kc: kc, bPanels: bPanels, cols: n,
                           c: c, ldc: ldc, accumulate: accumulate, tile: tile)
            return
        }
        PanelPool.with(T.self, count: roundUp(m, Blocking.mr) &* kc) { aPack in
            packA(a, mc: m, kc: kc, into: aPack)
            multiplyPanels(.packed(aPack), rows: m, kc: kc, bPanels: bPanels, cols: n,
                           c: c, ldc: ldc, accumulate: accumulate, tile: tile)
        }
    }
}

/// Where the micro-kernel finds a block of A.
private enum APanels<T> {
    /// Packed by `packA`: the panel of rows i..<i+6 at i·kc, six values per k step.
    case packed(ElementRun<T>)
    /// A row-major A read in place.
    case rows(MatrixOperand<T>)
}

/// The micro-kernel over every tile of an A block by packed B panels. The block's extents (A's
/// m×kc rows or packed panels, the B panels, C's m×n block, the scratch tile) are checked once
/// here; each tile lies inside them, as its rows start below m and its columns below n, and the
/// micro-kernel writes a whole tile only where one fits (an edge tile goes through scratch).
private func multiplyPanels<T: GemmFloat>(_ a: APanels<T>, rows m: Int, kc: Int,
                                          bPanels: ElementRun<T>, cols n: Int,
                                          c: ElementRun<T>, ldc: Int, accumulate: Bool,
                                          tile: ElementRun<T>) {
    let mr = Blocking.mr, nr = 2 &* T.lanes
    let b = UnsafePointer(bPanels.span(at: 0, count: roundUp(n, nr) &* kc).base)
    let cBlock = c.block(at: 0, rows: m, cols: n, rowStride: ldc).base
    let scratch = tile.block(at: 0, rows: mr, cols: nr, rowStride: nr).base
    // A's steps are passed as constants where they are (the micro-kernel is inlined), so packed
    // panels are read at fixed offsets.
    let aBlock: UnsafePointer<T>, rowStep: Int, packed: Bool
    switch a {
    case .packed(let panels): (aBlock, rowStep, packed) = (UnsafePointer(panels.span(at: 0, count: roundUp(m, mr) &* kc).base), 1, true)
    case .rows(let operand): (aBlock, rowStep, packed) = (operand.checked(rows: m, cols: kc), operand.rowStride, false)
    }
    var jr = 0
    while jr < n {
        let cols = min(nr, n - jr)
        let bPanel = b + jr &* kc
        var ir = 0
        while ir < m {
            let rows = min(mr, m - ir)
            func tileProduct(_ c: UnsafeMutablePointer<T>, _ ldc: Int, _ accumulate: Bool) {
                if packed {
                    microKernel(kc, aBlock + ir &* kc, 1, mr, rows, bPanel, c, ldc, accumulate)
                } else {
                    microKernel(kc, aBlock + ir &* rowStep, rowStep, 1, rows, bPanel, c, ldc, accumulate)
                }
            }
            let cTile = cBlock + (ir &* ldc &+ jr)
            if rows == mr && cols == nr {
                tileProduct(cTile, ldc, accumulate)
            } else {
                // Edge tile: compute all of it into scratch (holding C's valid part first when
                // accumulating), keep the valid part.
                if accumulate {
                    scratch.update(repeating: 0, count: mr &* nr)
                    for r in 0..<rows { (scratch + r &* nr).update(from: cTile + r &* ldc, count: cols) }
                }
                tileProduct(scratch, nr, accumulate)
                for r in 0..<rows { (cTile + r &* ldc).update(from: scratch + r &* nr, count: cols) }
            }
            ir &+= mr
        }
        jr &+= nr
    }
}

@inline(__always) private func roundUp(_ x: Int, _ multiple: Int) -> Int {
    (x + multiple - 1) / multiple * multiple
}

/// Copies an mc×kc block of A into row micro-panels: panel p holds rows 6p..<6p+6, stored
/// column by column (6 values per k step), zero-padded past the last row.
@inline(__always)
private func packA<T: GemmFloat>(_ a: MatrixOperand<T>, mc: Int, kc: Int, into run: ElementRun<T>) {
    let mr = Blocking.mr
    let dst = run.span(at: 0, count: roundUp(mc, mr) &* kc).base, source = a.checked(rows: mc, cols: kc)
    var i = 0
    while i < mc {
        let rows = min(mr, mc - i)
        let panel = dst + i &* kc
        let src = source + i &* a.rowStride
        if rows == mr {
            // A constant trip count, so the copy of a k step's six values unrolls.
            for p in 0..<kc {
                let col = src + p &* a.colStride, out = panel + p &* mr
                for r in 0..<mr { out[r] = col[r &* a.rowStride] }
            }
        } else {
            for p in 0..<kc {
                let col = src + p &* a.colStride
                for r in 0..<rows { panel[p &* mr &+ r] = col[r &* a.rowStride] }
            }
        }
        if rows < mr {
            for p in 0..<kc { for r in rows..<mr { panel[p &* mr &+ r] = 0 } }
        }
        i &+= mr
    }
}

/// Copies a kc×nc block of B into column micro-panels of `nr` columns, stored row by row
/// (nr values per k step), zero-padded past the last column.
@inline(__always)
private func packB<T: GemmFloat>(_ b: MatrixOperand<T>, kc: Int, nc: Int, nr: Int, into run: ElementRun<T>, at offset: Int) {
    let dst = run.span(at: offset, count: roundUp(nc, nr) &* kc).base, source = b.checked(rows: kc, cols: nc)
    var j = 0
    while j < nc {
        let cols = min(nr, nc - j)
        let panel = dst + j &* kc
        let src = source + j &* b.colStride
        if b.colStride == 1 && cols == nr {
            // A full panel row is two vectors: copy them as such (no per-row memmove call).
            typealias V = T.Vector
            let half = T.lanes &* MemoryLayout<T>.stride
            for p in 0..<kc {
                let row = UnsafeRawPointer(src + p &* b.rowStride), out = UnsafeMutableRawPointer(panel + p &* nr)
                out.storeBytes(of: row.loadUnaligned(as: V.self), as: V.self)
                out.storeBytes(of: row.loadUnaligned(fromByteOffset: half, as: V.self), toByteOffset: half, as: V.self)
            }
        } else if cols == nr {
            // Transposed or broadcast: a constant trip count, so the row copy unrolls.
            for p in 0..<kc {
                let row = src + p &* b.rowStride, out = panel + p &* nr
                for c in 0..<nr { out[c] = row[c &* b.colStride] }
            }
        } else {
            for c in 0..<cols {
                let col = src + c &* b.colStride
                for p in 0..<kc { panel[p &* nr &+ c] = col[p &* b.rowStride] }
            }
            if cols < nr {
                for p in 0..<kc { for c in cols..<nr { panel[p &* nr &+ c] = 0 } }
            }
        }
        j &+= nr
    }
}

/// One 6×(2·lanes) tile of C from an A panel (element (r, p) at `r·rowStep + p·kStep`; rows
/// past `rows` repeat the last) and a packed B micro-panel: C (+)= Σₚ a[p]ᵀ b[p]. The twelve
/// accumulators are separate variables so they live in registers; each step is two vector
/// loads of B, six broadcasts of A and twelve fused multiply-adds.
@inline(__always)
private func microKernel<T: GemmFloat>(_ kc: Int, _ a: UnsafePointer<T>, _ rowStep: Int, _ kStep: Int, _ rows: Int,
                                       _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>, _ ldc: Int,
                                       _ accumulate: Bool) {
    typealias V = T.Vector
    let w = T.lanes
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    let continuing = accumulate && T.chainsAcrossSlices
    if continuing {
        (c00, c01) = loadRow(c, w); (c10, c11) = loadRow(c + ldc, w); (c20, c21) = loadRow(c + 2 &* ldc, w)
        (c30, c31) = loadRow(c + 3 &* ldc, w); (c40, c41) = loadRow(c + 4 &* ldc, w); (c50, c51) = loadRow(c + 5 &* ldc, w)
    }
    let adding = accumulate && !continuing
    let last = rows &- 1
    let a0 = a, a1 = a + min(1, last) &* rowStep, a2 = a + min(2, last) &* rowStep
    let a3 = a + min(3, last) &* rowStep, a4 = a + min(4, last) &* rowStep, a5 = a + min(5, last) &* rowStep
    var p = 0, pb = UnsafeRawPointer(b)
    let bStep = 2 &* w &* MemoryLayout<T>.stride
    let half = w &* MemoryLayout<T>.stride
    for _ in 0..<kc {
        let b0 = pb.loadUnaligned(as: V.self)
        let b1 = pb.loadUnaligned(fromByteOffset: half, as: V.self)
        var x = V(repeating: a0[p])
        c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
        x = V(repeating: a1[p])
        c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
        x = V(repeating: a2[p])
        c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
        x = V(repeating: a3[p])
        c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
        x = V(repeating: a4[p])
        c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
        x = V(repeating: a5[p])
        c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
        p &+= kStep
        pb += bStep
    }
    storeRow(c, c00, c01, w, adding)
    storeRow(c + ldc, c10, c11, w, adding)
    storeRow(c + 2 &* ldc, c20, c21, w, adding)
    storeRow(c + 3 &* ldc, c30, c31, w, adding)
    storeRow(c + 4 &* ldc, c40, c41, w, adding)
    storeRow(c + 5 &* ldc, c50, c51, w, adding)
}

/// The two vectors of a tile row of C.
@inline(__always)
private func loadRow<V: SIMD>(_ c: UnsafeMutablePointer<V.Scalar>, _ w: Int) -> (V, V) {
    let p = UnsafeRawPointer(c)
    return (p.loadUnaligned(as: V.self), p.loadUnaligned(fromByteOffset: w &* MemoryLayout<V.Scalar>.stride, as: V.self))
}

@inline(__always)
private func storeRow<V: SIMD>(_ c: UnsafeMutablePointer<V.Scalar>, _ lo: V, _ hi: V, _ w: Int,
                               _ accumulate: Bool) where V.Scalar: FloatingPoint {
    let p = UnsafeMutableRawPointer(c)
    let half = w &* MemoryLayout<V.Scalar>.stride
    if accumulate {
        p.storeBytes(of: p.loadUnaligned(as: V.self) + lo, as: V.self)
        p.storeBytes(of: p.loadUnaligned(fromByteOffset: half, as: V.self) + hi, toByteOffset: half, as: V.self)
    } else {
        p.storeBytes(of: lo, as: V.self)
        p.storeBytes(of: hi, toByteOffset: half, as: V.self)
    }
}

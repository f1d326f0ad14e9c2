/// Float32 products thin enough that MKL's sgemm (what PyTorch's CPU build calls for mm, addmm
/// and linear) does not use its blocked FMA kernel, summed in the order MKL sums them, so that
/// such products (a classifier's output layer, its weight gradient) give PyTorch's bits.
///
/// The orders were found by comparing torch.mm's bits with candidate orders, shape by shape
/// (PyTorch 2.x wheel, MKL 2024.2, an AVX-512 machine, 2 threads). Only shapes where one order
/// matched every element of every trial are routed here. The blocked kernel's order (one FMA
/// chain per element over k) is MKL's for 12 or more columns and 4 or more rows up to k = 128;
/// other shapes (5 to 11 columns but 8, k of 8 or more) have orders no simple rule found.
enum SmallProductOrder {
    /// Each element is Σₚ a[i,p]·b[p,j] in the order of p, every product rounded before it is
    /// added (no FMA): MKL's order when B's rows are contiguous and C has 2, 3, 4 or 8 columns,
    /// or 2 or 3 rows and a multiple of 4 columns, or fewer than 12 columns and k ≤ 7 (and
    /// dgemm's outside its kernel's core: DgemmKernelCore).
    case unfusedChain
    /// The k products of an element, rounded, are summed in 8 lanes (product p into lane p mod
    /// 8) over whole groups of 8; the lanes are folded by halves (lane l += lane l+4, then l+2,
    /// then l+1) and the last k mod 8 products are added in order: MKL's dot-product kernel for
    /// rows of A and columns of B that are both contiguous along k (x @ W.t() in `linear`), when
    /// C has 2 or 3 columns and k is below 8 or a multiple of 4.
    case eightLaneTree

    /// The order MKL would use for C (m×n) = A (m×k) · B (k×n) with these operands' strides,
    /// or nil where grad's blocked kernel already sums in MKL's order (or no rule is known).
    static func of<T>(m: Int, n: Int, k: Int, a: MatrixOperand<T>, b: MatrixOperand<T>) -> SmallProductOrder? {
        guard T.self == Float.self, m >= 2, n >= 2, k >= 2, k <= 128 else { return nil }
        if b.colStride == 1 {
            let thin = [2, 3, 4, 8].contains(n) || ((2...3).contains(m) && n % 4 == 0) || (k <= 7 && n < 12)
            return thin ? .unfusedChain : nil
        }
        if a.colStride == 1 && b.rowStride == 1 && n <= 3 && (k < 8 || k % 4 == 0) {
            return .eightLaneTree
        }
        return nil
    }
}

/// C (m×n, row stride `ldc`) = A · B summed in `order` (see SmallProductOrder). The operands'
/// extents are checked here once; every element read lies in the m×k and k×n blocks.
func smallProduct<T: GemmFloat>(_ order: SmallProductOrder, m: Int, n: Int, k: Int,
                                a: MatrixOperand<T>, b: MatrixOperand<T>, c: ElementRun<T>, ldc: Int) {
    let pa = a.checked(rows: m, cols: k), pb = b.checked(rows: k, cols: n)
    let pc = c.block(at: 0, rows: m, cols: n, rowStride: ldc).base
    let (ar, ac, br, bc) = (a.rowStride, a.colStride, b.rowStride, b.colStride)
    for i in 0..<m {
        let row = pa + i &* ar, out = pc + i &* ldc
        switch order {
        case .unfusedChain:
            // B read along its rows (contiguous here), each element still adding its products in
            // the order of p.
            out.initialize(repeating: 0, count: n)
            for p in 0..<k {
                let x = row[p &* ac], bRow = pb + p &* br
                for j in 0..<n { out[j] += x * bRow[j &* bc] }
            }
        case .eightLaneTree:
            for j in 0..<n { out[j] = eightLaneDot(row, ac, pb + j &* bc, br, k) }
        }
    }
}

/// Σₚ x[p]·y[p] in MKL's eight-lane order (see SmallProductOrder.eightLaneTree).
@inline(__always)
private func eightLaneDot<T: GemmFloat>(_ x: UnsafePointer<T>, _ incx: Int, _ y: UnsafePointer<T>, _ incy: Int, _ k: Int) -> T {
    var lanes = SIMD8<T>()
    let whole = k / 8 &* 8
    var p = 0
    while p < whole {
        var products = SIMD8<T>()
        for l in 0..<8 { products[l] = x[(p &+ l) &* incx] * y[(p &+ l) &* incy] }
        lanes += products
        p &+= 8
    }
    let four = lanes.lowHalf + lanes.highHalf
    let two = four.lowHalf + four.highHalf
    var sum = two[0] + two[1]
    while p < k {
        sum += x[p &* incx] * y[p &* incy]
        p &+= 1
    }
    return sum
}

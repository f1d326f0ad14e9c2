/// Matrix-vector products (`mv`, a matrix product with one output column or row, `linear` with
/// one output feature, and their gradients) summed in the order PyTorch's MKL sgemv and dgemv
/// sum them, so that they give PyTorch's bits; float32 and float64 `dot` in MKL's sdot and ddot
/// orders.
///
/// The orders were found by comparing torch.mv's and torch.mm's bits with candidate orders and
/// with inputs whose sums reveal the order (a pair ±2⁴⁰ among ones: the result counts the ones
/// summed outside the pair's subtree), on PyTorch 2.15's wheel, MKL 2024.2, an AVX-512 machine,
/// one thread (the goldens' count), 1 to 200 rows and k up to 500 (float64: 1 to 13 rows, k up to
/// 40). Every product is rounded before it is added (no FMA).
enum MatrixVectorOrder {
    /// y[i] = Σₚ A[i,p]·x[p] in the order of p: MKL's order for a matrix PyTorch passes as
    /// column-major (its non-transposed gemv, which `x.t() @ v` and `v @ M` reach) and for a 1×1
    /// product whose column operand has unit column stride.
    case chain
    /// Each row a dot product summed as `LaneSchedule` describes: MKL's order for the other
    /// matrices (its transposed gemv: `mv`, `X @ w`, `linear`; PyTorch copies a matrix with
    /// neither stride 1 to rows).
    case lanes

    /// The order for y (m) = A (m×k) · x (k×1). PyTorch takes A as column-major first: unit row
    /// stride and a column stride of at least m.
    static func of<T>(m: Int, a: MatrixOperand<T>, x: MatrixOperand<T>) -> MatrixVectorOrder {
        if m == 1 && x.colStride == 1 { return .chain }
        return a.rowStride == 1 && a.colStride >= max(1, m) ? .chain : .lanes
    }
}

/// How MKL sums row `i` of an m-row product with rows contiguous along k: the first `head`
/// products chained, then `body` products in `width` lanes (product p into lane (p − head) mod
/// width; lane 0 starts from the head's sum), the lanes folded by halves (lane l += lane
/// l + width/2, down to one), then the remaining products chained.
struct LaneSchedule {
    let head: Int
    let body: Int
    let width: Int

    /// All k products in one chain (MatrixVectorOrder.chain).
    static func chain(_ k: Int) -> LaneSchedule { LaneSchedule(head: k, body: 0, width: 1) }

    private init(head: Int, body: Int, width: Int) {
        self.head = head
        self.body = body
        self.width = width
    }

    /// MKL's order for row `i` of an m-row float32 (sgemv) or float64 (dgemv) product.
    static func of<T>(_: T.Type, row i: Int, rows m: Int, k: Int) -> LaneSchedule {
        T.self == Double.self ? LaneSchedule(float64Row: i, rows: m, k: k) : LaneSchedule(float32Row: i, rows: m, k: k)
    }

    /// dgemv sums rows in fours in two lanes (even and odd products) after the first product, or
    /// the first two when k is even. The rows past a multiple of 4 are one chain (MKL's order
    /// up to k = 9; from k = 10 it follows no rule found).
    private init(float64Row i: Int, rows m: Int, k: Int) {
        if i < m / 4 * 4 {
            head = k % 2 == 0 ? min(k, 2) : 1
            body = k - head
            width = 2
        } else {
            self = .chain(k)
        }
    }

    private init(float32Row i: Int, rows m: Int, k: Int) {
        let grouped = m / 4 * 4
        if i < grouped {
            // MKL's four-row kernel: k mod 4 products first (4 when k is a multiple of 4).
            head = k % 4 == 0 ? min(k, 4) : k % 4
            body = k - head
            width = 4
        } else {
            // The rows past a multiple of 4: whole groups of 8 after the first 4 products, in 8
            // lanes, except the second such row from k = 20 on, which MKL sums in 4 lanes.
            head = min(k, 4)
            body = (k - head) / 8 * 8
            width = i == grouped + 1 && k >= 20 ? 4 : 8
        }
    }
}

/// Σₚ x[p·incx]·y[p·incy] over k products in `schedule`'s order, each product rounded.
@inline(__always)
func scheduledDot<T: GemmFloat>(_ x: UnsafePointer<T>, _ incx: Int, _ y: UnsafePointer<T>, _ incy: Int,
                                _ k: Int, _ schedule: LaneSchedule) -> T {
    var sum: T = 0
    var p = 0
    while p < schedule.head {
        sum += x[p &* incx] * y[p &* incy]
        p &+= 1
    }
    if schedule.body > 0 {
        var lanes = SIMD8<T>()
        lanes[0] = sum
        let end = schedule.head &+ schedule.body
        while p < end {
            for l in 0..<schedule.width { lanes[l] += x[(p &+ l) &* incx] * y[(p &+ l) &* incy] }
            p &+= schedule.width
        }
        var width = schedule.width
        while width > 1 {
            width /= 2
            for l in 0..<width { lanes[l] += lanes[l &+ width] }
        }
        sum = lanes[0]
    }
    while p < k {
        sum += x[p &* incx] * y[p &* incy]
        p &+= 1
    }
    return sum
}

/// Σₚ x[p]·y[p] of two float64 vectors in the order MKL's ddot sums them on these machines
/// (torch.dot of float64 vectors, measured against PyTorch for k up to 4,095, past which MKL's two
/// threads split the vectors): pairs of lanes, one for the even products and one for the odd.
/// Contiguous vectors take whole blocks of 8 products into four such pairs, which are then added
/// in order; the products left go two at a time into the first pair, and a last odd one into its
/// even lane. Strided vectors use one pair throughout. The two lanes are added last; each product
/// is rounded.
func ddotOrderDot(_ x: UnsafePointer<Double>, _ incx: Int, _ y: UnsafePointer<Double>, _ incy: Int, _ k: Int) -> Double {
    var first = SIMD2<Double>(), second = SIMD2<Double>(), third = SIMD2<Double>(), fourth = SIMD2<Double>()
    var p = 0
    if incx == 1 && incy == 1 {
        while p &+ 8 <= k {
            first += SIMD2(x[p], x[p &+ 1]) * SIMD2(y[p], y[p &+ 1])
            second += SIMD2(x[p &+ 2], x[p &+ 3]) * SIMD2(y[p &+ 2], y[p &+ 3])
            third += SIMD2(x[p &+ 4], x[p &+ 5]) * SIMD2(y[p &+ 4], y[p &+ 5])
            fourth += SIMD2(x[p &+ 6], x[p &+ 7]) * SIMD2(y[p &+ 6], y[p &+ 7])
            p &+= 8
        }
    }
    while p &+ 2 <= k {
        first += SIMD2(x[p &* incx], x[(p &+ 1) &* incx]) * SIMD2(y[p &* incy], y[(p &+ 1) &* incy])
        p &+= 2
    }
    if p < k { first[0] += x[p &* incx] * y[p &* incy] }
    let lanes = first + second + third + fourth
    return lanes[0] + lanes[1]
}

/// Σₚ x[p]·y[p] over two contiguous vectors in the order MKL's sdot sums them (torch.dot of
/// float32 vectors, measured as above for k up to 100,000): 16 lanes take whole groups of 16,
/// then a group of 8 (lanes 0-7) and one of 4 (lanes 0-3) where that many products remain, and
/// lane 0 the last k mod 4; the four quarters of the lanes are added in order and the four lanes
/// left are folded by halves. Each product is rounded. (Strided vectors: one chain, `.chain`.)
func sdotOrderDot<T: GemmFloat>(_ x: UnsafePointer<T>, _ y: UnsafePointer<T>, _ k: Int) -> T {
    let px = UnsafeRawPointer(x), py = UnsafeRawPointer(y)
    let bytes = MemoryLayout<T>.stride
    var lanes = SIMD16<T>()
    var p = 0
    while p &+ 16 <= k {
        lanes += px.loadUnaligned(fromByteOffset: p &* bytes, as: SIMD16<T>.self)
            * py.loadUnaligned(fromByteOffset: p &* bytes, as: SIMD16<T>.self)
        p &+= 16
    }
    for width in [8, 4] where p &+ width <= k {
        for l in 0..<width { lanes[l] += x[p &+ l] * y[p &+ l] }
        p &+= width
    }
    while p < k {
        lanes[0] += x[p] * y[p]
        p &+= 1
    }
    let quarters = lanes.lowHalf.lowHalf + lanes.lowHalf.highHalf + lanes.highHalf.lowHalf + lanes.highHalf.highHalf
    let halves = quarters.lowHalf + quarters.highHalf
    return halves[0] + halves[1]
}

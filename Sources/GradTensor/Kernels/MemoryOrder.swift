/// Elementwise results laid out in their operands' memory order, as PyTorch's TensorIterator
/// allocates them: `(x.t() + 1).stride()` is `x.t().stride()`. The dimensions are sorted from
/// innermost to outermost by the operands' strides (the first operand that tells two dimensions
/// apart decides; broadcast dimensions say nothing; equal strides put the smaller size inside), and
/// the result is dense in that order. The kernels run on the operands viewed in that order, where
/// a transposed or permuted operand is contiguous, and the result is viewed back.
enum MemoryOrder {
    /// The dimensions from outermost to innermost, or nil when that is row-major order (then the
    /// result is contiguous, as PyTorch's is).
    static func order(of operands: [Tensor], shape: [Int]) -> [Int]? {
        let rank = shape.count
        guard rank > 1 else { return nil }
        let strides = operands.map { broadcastStrides($0.shape, $0.strides, to: shape) }
        /// > 0 when `inner` should move outside `outer` (TensorIterator's `should_swap`).
        func comparison(_ inner: Int, _ outer: Int) -> Int {
            for s in strides {
                let (a, b) = (s[inner], s[outer])
                if a == 0 || b == 0 { continue }
                if a != b { return a < b ? -1 : 1 }
                if shape[inner] > shape[outer] { return 1 }
            }
            return 0
        }
        let outermostFirst = Array(tensorIteratorPermutation(rank: rank, comparison).reversed())
        return outermostFirst == Array(0..<rank) ? nil : outermostFirst
    }

    /// TensorIterator's dimension order, innermost first: insertion-sorted from the reversed
    /// dimensions, a dimension moving outward past each one `comparison(inner, outer)` says is
    /// larger (> 0) and stopping at the first it says is smaller (< 0); a tie (0) moves on.
    static func tensorIteratorPermutation(rank: Int, _ comparison: (Int, Int) -> Int) -> [Int] {
        var permutation = Array((0..<rank).reversed())
        for i in 1..<Swift.max(rank, 1) {
            var moving = i
            for j in stride(from: i - 1, through: 0, by: -1) {
                let c = comparison(permutation[j], permutation[moving])
                if c > 0 {
                    permutation.swapAt(j, moving)
                    moving = j
                } else if c < 0 {
                    break
                }
            }
        }
        return permutation
    }

    /// The strides PyTorch's `preserve_format` gives a new tensor like `t`: `t`'s own when it is
    /// dense without overlap, else dense strides in the order of `t`'s (`infer_dense_strides`,
    /// which orders dimensions as TensorIterator does).
    static func preservedStrides(of t: Tensor) -> [Int] {
        if t.isNonOverlappingAndDense { return t.strides }
        guard let order = order(of: [t], shape: t.shape) else { return Shape.contiguousStrides(t.shape) }
        var strides = [Int](repeating: 0, count: t.rank), step = 1
        for d in order.reversed() {
            strides[d] = step
            step &*= t.shape[d]
        }
        return strides
    }

    /// `compute` run on the operands viewed in their memory order (a one-element operand as it
    /// is), its result viewed back in `shape`; nil when the operands are in row-major order.
    static func computed(_ operands: [Tensor], shape: [Int], _ compute: ([Tensor], [Int]) throws -> Tensor) throws -> Tensor? {
        guard let order = order(of: operands, shape: shape) else { return nil }
        let orderedShape = order.map { shape[$0] }
        let viewed = operands.map { t -> Tensor in
            if t.numel == 1 { return t }
            let strides = broadcastStrides(t.shape, t.strides, to: shape)
            return Tensor(storage: t.storage, shape: orderedShape, strides: order.map { strides[$0] }, offset: t.offset, version: nil)
        }
        let result = try compute(viewed, orderedShape).materialized()
        var strides = [Int](repeating: 0, count: shape.count)
        for (k, d) in order.enumerated() { strides[d] = result.strides[k] }
        return Tensor(storage: result.storage, shape: shape, strides: strides, offset: result.offset, version: nil)
    }
}

/// Elementwise results laid out as PyTorch's TensorIterator allocates them. When every operand has
/// the result's shape, its fast setup decides: all contiguous gives a contiguous result, all
/// channels-last a channels-last one, all dense with the same strides those strides, size-1
/// dimensions' included. Otherwise (a broadcast, a Python number, other strides) the dimensions
/// are sorted from innermost to outermost by the operands' strides (the first operand that tells
/// two dimensions apart decides; broadcast dimensions say nothing, while a size-1 dimension of the
/// result keeps an operand's stride there; equal strides put the smaller size inside), and the
/// result is dense in that order: `(x.t() + 1).stride()` is `x.t().stride()`. The kernels run on
/// the operands viewed in the result's memory order, where a transposed or permuted operand is
/// contiguous, and the result is viewed back.
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

    /// `compute` run on the operands viewed in the result's memory order, without its size-1
    /// dimensions (a one-element operand as a 0-dim one), its result viewed back in `shape` with
    /// the strides PyTorch gives it; nil when the result is contiguous.
    static func computed(_ operands: [Tensor], shape: [Int], _ compute: ([Tensor], [Int]) throws -> Tensor) throws -> Tensor? {
        guard let strides = resultStrides(of: operands, shape: shape), !isComputingInOrder else { return nil }
        // Outermost first; size-1 dimensions address nothing.
        let order = (0..<shape.count).filter { shape[$0] != 1 }.sorted { strides[$0] > strides[$1] }
        let orderedShape = order.map { shape[$0] }
        let viewed = operands.map { t -> Tensor in
            if t.numel == 1 { return Tensor(storage: t.storage, shape: [], strides: [], offset: t.offset, version: nil) }
            let broadcast = broadcastStrides(t.shape, t.strides, to: shape)
            return Tensor(storage: t.storage, shape: orderedShape, strides: order.map { broadcast[$0] }, offset: t.offset, version: nil)
        }
        let result = try $isComputingInOrder.withValue(true) { try compute(viewed, orderedShape) }.materialized()
        return Tensor(storage: result.storage, shape: shape, strides: strides, offset: result.offset, version: nil)
    }

    /// `compute` of an op PyTorch runs over `t` alone, with a Python number taken into its kernel
    /// (`neg`, `clamp(0, 1)`), where grad passes the number as an operand of its own: laid out as
    /// a one-operand op is, which a size-1 dimension's stride of a contiguous `t` does not decide.
    static func unary(_ t: Tensor, _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        if t.numel == 0 {
            // Contiguous, as PyTorch sees every empty tensor.
            let empty = try compute(t)
            return Tensor(storage: empty.storage, shape: t.shape, strides: Shape.contiguousStrides(t.shape), offset: 0, version: nil)
        }
        if t.hasRowMajorStrides { return try compute(t) }
        if t.isContiguous {
            return try compute(Tensor(storage: t.storage, shape: t.shape, strides: Shape.contiguousStrides(t.shape), offset: t.offset, version: nil))
        }
        return try computed([t], shape: t.shape) { operands, _ in try compute(operands[0]) } ?? compute(t)
    }

    /// `out` laid out with `strides`, for an op whose result PyTorch allocates before its loop
    /// writes it: `empty_like(input)` (`hardtanh`, `nan_to_num`: `preservedStrides(of:)`) or a
    /// contiguous tensor (`2 ** x`, `logsigmoid`). A result that differs only in its size-1
    /// dimensions' strides is the same memory and is only viewed so; another is copied.
    static func laidOut(_ out: Tensor, strides: [Int]) throws -> Tensor {
        if out.strides == strides || out.numel == 0 { return out }
        let differsInMemory = (0..<out.rank).contains { out.shape[$0] != 1 && out.strides[$0] != strides[$0] }
        if differsInMemory { return try out.copied(as: out.dtype, strides: strides) }
        return Tensor(storage: out.storage, shape: out.shape, strides: strides, offset: out.offset, version: nil)
    }

    /// Set while `compute` runs on operands already viewed in the result's memory order, where
    /// its results are to be row-major: TensorIterator's order, not a strict ordering when the
    /// operands disagree, could otherwise pick yet another order there, and again inside that.
    @TaskLocal private static var isComputingInOrder = false

    /// The strides of an elementwise result of `shape` from `operands` (see the type's comment),
    /// or nil when they are row-major.
    static func resultStrides(of operands: [Tensor], shape: [Int]) -> [Int]? {
        // One dimension is always laid out contiguously.
        guard shape.count > 1 else { return nil }
        if let last = operands.last, operands.allSatisfy({ $0.shape == shape }) {
            if operands.allSatisfy({ $0.isContiguous || $0.numel == 0 }) { return nil }
            if shape.count == 4, operands.allSatisfy({ (try? MemoryFormat.channelsLast.holds($0)) ?? false }) {
                return try? MemoryFormat.channelsLast.strides(of: last)
            }
            if operands.allSatisfy({ $0.isNonOverlappingAndDense && $0.strides == last.strides }) { return last.strides }
        }
        guard let order = order(of: operands, shape: shape) else { return nil }
        // Sizes multiplied as they are: after a zero-size dimension the strides are 0, as PyTorch's.
        var strides = [Int](repeating: 0, count: shape.count), step = 1
        for d in order.reversed() {
            strides[d] = step
            step &*= shape[d]
        }
        return strides
    }
}

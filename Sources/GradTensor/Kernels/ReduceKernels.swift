/// Reduction kernels over a set of dimensions. The input is viewed as [outer, inner] with the
/// reduced dimensions moved last, so every kernel reduces contiguous blocks of `inner` elements
/// (sums over the leading dimensions of a contiguous tensor are read in place instead).
struct ReductionLayout {
    /// The reduced dimensions, sorted and unique.
    let dims: [Int]
    /// The output shape with reduced dimensions kept as 1 (`keepdim=True`).
    let keptShape: [Int]
    /// The output shape with reduced dimensions dropped.
    let droppedShape: [Int]
    /// The input viewed with the reduced dims last; `map` copies it to one contiguous block per
    /// output element when it is not already laid out so.
    let permuted: Tensor
    /// The dtype the kernels read.
    let dtype: DType
    let outer: Int
    let inner: Int
    /// Whether the input is contiguous, of `dtype`, and reduced over its leading dims only (a
    /// bias gradient): output element j then reduces column j of an inner × outer matrix.
    let reducesColumns: Bool

    /// `dims` nil or empty means every dimension.
    init(_ t: Tensor, dims requested: [Int]?, dtype: DType) throws {
        var dims: [Int] = []
        if let requested, !requested.isEmpty {
            for d in requested {
                let w = try Shape.wrapDim(d, rank: t.rank)
                if dims.contains(w) {
                    throw TorchError.runtime("dim \(w) appears multiple times in the list of dims")
                }
                dims.append(w)
            }
            dims.sort()
        } else {
            dims = Array(0..<t.rank)
        }
        if t.rank == 0 { dims = [] }
        self.dims = dims
        var kept = t.shape
        for d in dims { kept[d] = 1 }
        keptShape = kept
        droppedShape = t.shape.enumerated().filter { !dims.contains($0.offset) }.map(\.element)
        let order = (0..<t.rank).filter { !dims.contains($0) } + dims
        permuted = Tensor(storage: t.storage, shape: order.map { t.shape[$0] },
                          strides: order.map { t.strides[$0] }, offset: t.offset, version: t.versionCounter)
        self.dtype = dtype
        inner = dims.reduce(1) { $0 &* t.shape[$1] }
        outer = Shape.count(droppedShape)
        reducesColumns = t.dtype == dtype && t.isContiguous && !dims.isEmpty && dims.count < t.rank
            && dims == Array(0..<dims.count)
    }

    /// Applies `reduce` to each block, producing a tensor of `keepdim` or dropped shape.
    func map<T: Element, R: Element>(_: T.Type, _: R.Type, keepdim: Bool,
                                     _ reduce: (UnsafePointer<T>, Int) -> R) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: R.dtype, uninitializedCount: outer),
                         shape: keepdim ? keptShape : droppedShape)
        let dst = out.storage.pointer(R.self)
        // Read as `T`, whatever dtype the layout was made for (`sum(dtype=torch.int8)` adds int64s).
        let blocks = try permuted.materialized(as: T.dtype)
        withExtendedLifetime(blocks) {
            let src = UnsafePointer(blocks.storage.pointer(T.self) + blocks.offset)
            for o in 0..<outer { dst[o] = reduce(src + o &* inner, inner) }
        }
        return out
    }

    /// `pairwiseSum` of every block; columns are summed in place, eight at a time, in the same
    /// order (so the same bits) without first copying them into rows.
    func pairwiseSums<T: FloatElement & SIMDScalar>(_: T.Type, keepdim: Bool) throws -> Tensor {
        guard reducesColumns else { return try map(T.self, T.self, keepdim: keepdim) { pairwiseSum($0, $1) } }
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: outer),
                         shape: keepdim ? keptShape : droppedShape)
        let dst = out.storage.pointer(T.self)
        withExtendedLifetime(permuted) {
            let src = UnsafePointer(permuted.storage.pointer(T.self) + permuted.offset)
            var j = 0
            while j < outer {
                let lanes = min(outer - j, SIMD8<T>.scalarCount)
                let sums = columnPairwiseSum(src + j, inner, stride: outer, lanes: lanes)
                for l in 0..<lanes { dst[j &+ l] = sums[l] }
                j &+= lanes
            }
        }
        return out
    }
}

/// `pairwiseSum` of `lanes` (≤ 8) adjacent columns at once, rows `stride` apart: each lane adds
/// exactly what `pairwiseSum` adds for a contiguous run, in the same order.
private func columnPairwiseSum<T: FloatElement & SIMDScalar>(_ p: UnsafePointer<T>, _ n: Int, stride: Int,
                                                            lanes: Int) -> SIMD8<T> {
    if n <= 16 {
        var s = SIMD8<T>()
        for i in 0..<n {
            let row = p + i &* stride
            if lanes == SIMD8<T>.scalarCount {
                s += UnsafeRawPointer(row).loadUnaligned(as: SIMD8<T>.self)
            } else {
                for l in 0..<lanes { s[l] += row[l] }
            }
        }
        return s
    }
    let half = (n / 2 + 7) & ~7
    return columnPairwiseSum(p, half, stride: stride, lanes: lanes)
        + columnPairwiseSum(p + half &* stride, n - half, stride: stride, lanes: lanes)
}

/// Summation in the element type: sequential for short runs, pairwise beyond, which keeps
/// float32 sums accurate on large tensors while matching PyTorch's order on small ones.
@inline(__always)
func pairwiseSum<T: FloatElement>(_ p: UnsafePointer<T>, _ n: Int) -> T {
    if n <= 16 {
        var s: T = 0
        for i in 0..<n { s += p[i] }
        return s
    }
    let half = (n / 2 + 7) & ~7
    return pairwiseSum(p, half) + pairwiseSum(p + half, n - half)
}

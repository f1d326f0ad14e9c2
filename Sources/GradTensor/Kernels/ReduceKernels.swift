/// Reduction kernels over a set of dimensions. The input is viewed as [outer, inner] with the
/// reduced dimensions moved last, so every kernel reduces contiguous blocks of `inner` elements.
struct ReductionLayout {
    /// The reduced dimensions, sorted and unique.
    let dims: [Int]
    /// The output shape with reduced dimensions kept as 1 (`keepdim=True`).
    let keptShape: [Int]
    /// The output shape with reduced dimensions dropped.
    let droppedShape: [Int]
    /// The input, permuted so reduced dims are last, as one contiguous block per output element.
    let blocks: Tensor
    let outer: Int
    let inner: Int

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
        let permuted = Tensor(storage: t.storage, shape: order.map { t.shape[$0] },
                              strides: order.map { t.strides[$0] }, offset: t.offset, version: t.versionCounter)
        blocks = permuted.materialized(as: dtype)
        inner = dims.reduce(1) { $0 &* t.shape[$1] }
        outer = Shape.count(droppedShape)
    }

    /// Applies `reduce` to each block, producing a tensor of `keepdim` or dropped shape.
    func map<T: Element, R: Element>(_: T.Type, _: R.Type, keepdim: Bool,
                                     _ reduce: (UnsafePointer<T>, Int) -> R) -> Tensor {
        let out = Tensor(storage: Storage(dtype: R.dtype, uninitializedCount: outer), shape: keepdim ? keptShape : droppedShape)
        let dst = out.storage.pointer(R.self)
        withExtendedLifetime(blocks) {
            let src = UnsafePointer(blocks.storage.pointer(T.self) + blocks.offset)
            for o in 0..<outer { dst[o] = reduce(src + o &* inner, inner) }
        }
        return out
    }
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

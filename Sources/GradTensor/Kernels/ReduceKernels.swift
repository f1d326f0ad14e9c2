/// Reduction kernels over a set of dimensions. The input is viewed as [outer, inner] with the
/// reduced dimensions moved last, so every kernel reduces contiguous blocks of `inner` elements;
/// float sums instead read the input where it lies, in PyTorch's order (`cascadeSums`).
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
    /// The tensor reduced.
    let input: Tensor

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
        input = t
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

    /// The float sums over the reduced dims in PyTorch's order (`cascadeSumLoop` run over
    /// the loops `ReductionIterator` lays out), read from the input where it lies.
    func cascadeSums<T: CascadeElement>(_: T.Type, keepdim: Bool) throws -> Tensor {
        try reduceInPlace(from: 0 as T, keepdim: keepdim) { out, input, outStrides, inStrides, size0, size1 in
            cascadeSumLoop(into: out, from: input, outStrides: outStrides, inStrides: inStrides, size0: size0, size1: size1)
        }
    }

    /// An output of `initial`s (the reduction's identity), into which `loop` reduces each 2-D
    /// loop `ReductionIterator` lays out, reading the input (made of `dtype` first) where it lies.
    func reduceInPlace<T: CascadeElement>(
        from initial: T, keepdim: Bool,
        _ loop: (UnsafeMutablePointer<T>, UnsafePointer<T>, (Int, Int), (Int, Int), Int, Int) -> Void
    ) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(repeating: initial, count: outer),
                         shape: keepdim ? keptShape : droppedShape)
        // Another dtype is read from a copy laid out as `to(dtype)` lays it out (PyTorch's
        // reductions convert their input so), which decides the order of the sums.
        let source = try input.dtype == dtype ? input : input.copied(as: dtype, strides: MemoryOrder.preservedStrides(of: input))
        guard source.numel > 0 else { return out }
        let loops = ReductionIterator(shape: source.shape, strides: source.strides, reduced: dims)
        let dst = out.storage.pointer(T.self)
        withExtendedLifetime(source) {
            let src = UnsafePointer(source.storage.pointer(T.self) + source.offset)
            loops.forEach2D { outOffset, inOffset, outStrides, inStrides, size0, size1 in
                loop(dst + outOffset, src + inOffset, outStrides, inStrides, size0, size1)
            }
        }
        return out
    }
}

/// Reading and writing elements chosen by index tensors: `gather`, `scatter`, `scatter_add`,
/// `index_select`, `index_add`, `index_copy`, `index_fill`, `take`. Reads are one primitive, `picked`, whose gradient adds the output's
/// gradient back at the places read (and the other way round, so higher orders follow).
extension Tensor {
    /// The elements of this tensor at `offsets` (row-major positions in it) as a new tensor of
    /// `shape`, recorded as `name`.
    func picked(at offsets: [Int], shape: [Int], name: String) throws -> Tensor {
        let source = try materialized()
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: offsets.count), shape: shape)
        gatherElements(source, at: offsets.map { $0 &+ source.offset }, into: out)
        return out.record(name, inputs: [self], saving: { $0.keep(offsets) }) { ctx, offsets in
            [try ctx.grad.placed(into: ctx.inputShape(0), at: offsets)]
        }
    }

    /// Zeros of `shape` with this tensor's elements added at `offsets` (the adjoint of `picked`).
    func placed(into shape: [Int], at offsets: [Int]) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: dtype)
        scatterElements(try materialized(), into: out, at: offsets, combine: .sum)
        return out.record("IndexPutBackward0", inputs: [self], saving: { $0.keep(offsets) }) { ctx, offsets in
            [try ctx.grad.picked(at: offsets, shape: ctx.inputShape(0), name: "IndexBackward0")]
        }
    }

    /// `gather(dim, index)`: `out[i][j] = self[index[i][j]][j]` for dim 0, and so on.
    public func gather(dim: Int, index: Tensor) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.dtype != .int64 { throw TorchError.runtime("gather(): Expected dtype int32/int64 for index") }
        try checkIndexShape(index, d, against: nil, forScatter: false)
        let offsets = try offsetsAlong(d, index)
        return try picked(at: offsets, shape: index.shape, name: "GatherBackward0")
    }

    /// `scatter(dim, index, src)`: a copy with `src`'s elements written where `index` says.
    public func scatter(dim: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, source)
        let out = try cloneDetached()
        scatterElements(try source.sliced(like: index).materialized(), into: out, at: try offsetsAlong(d, index), combine: .replace)
        return out.record("ScatterBackward0", inputs: [self, source], saving: { (dim: d, index: $0.slot(index)) }) { ctx, saved in
            [ctx.needs(0) ? try ctx.grad.scatter(dim: saved.dim, index: ctx.saved(saved.index), value: .int(0)) : nil,
             ctx.needs(1) ? try Tensor.sourceGradient(ctx, "ScatterBackward0", ctx.saved(saved.index)) { try ctx.grad.gather(dim: saved.dim, index: ctx.saved(saved.index)) } : nil]
        }
    }

    /// `scatter(dim, index, value)`: a copy with the number written where `index` says.
    public func scatter(dim: Int, index: Tensor, value: Scalar) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, nil)
        let out = try cloneDetached()
        let values = try Tensor(zeros: index.shape, dtype: dtype)
        values.fillUnchecked(value)
        scatterElements(values, into: out, at: try offsetsAlong(d, index), combine: .replace)
        return out.record("ScatterBackward1", inputs: [self], saving: { (dim: d, index: $0.slot(index)) }) { ctx, saved in
            [try ctx.grad.scatter(dim: saved.dim, index: ctx.saved(saved.index), value: .int(0))]
        }
    }

    /// `scatter_add(dim, index, src)`: a copy with `src`'s elements added where `index` says.
    public func scatterAdd(dim: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, source)
        let out = try cloneDetached()
        scatterElements(try source.sliced(like: index).materialized(), into: out, at: try offsetsAlong(d, index), combine: .sum)
        return out.record("ScatterAddBackward0", inputs: [self, source], saving: { (dim: d, index: $0.slot(index)) }) { ctx, saved in
            [ctx.grad, ctx.needs(1) ? try Tensor.sourceGradient(ctx, "ScatterAddBackward0", ctx.saved(saved.index)) { try ctx.grad.gather(dim: saved.dim, index: ctx.saved(saved.index)) } : nil]
        }
    }

    /// A scatter's gradient for its source (input 1), which has the index's shape: PyTorch's
    /// engine rejects it when the source was larger than the index.
    static func sourceGradient(_ ctx: BackwardContext, _ node: String, _ index: Tensor,
                               _ gradient: () throws -> Tensor) throws -> Tensor {
        let sourceShape = ctx.inputShape(1)
        if index.shape != sourceShape {
            throw TorchError.runtime("Function \(node) returned an invalid gradient at index 1 - got \(Shape.sizeList(index.shape)) but expected shape compatible with \(Shape.sizeList(sourceShape))")
        }
        return try gradient()
    }

    /// `index_select(dim, index)`: the slices at `index` (a vector, or one number) along `dim`.
    public func indexSelect(dim: Int, index: Tensor) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.dtype != .int64 { throw TorchError.runtime("index_select(): Expected dtype int32 or int64 for index") }
        if index.rank > 1 { throw TorchError.index("index_select(): Index is supposed to be a vector") }
        let size = rank == 0 ? 1 : shape[d]
        if rank == 0 && index.numel != 1 {
            throw TorchError.runtime("index_select(): Index to scalar can have only 1 value, got \(index.numel) value(s)")
        }
        let chosen = try index.materialized().int64Values
        if chosen.contains(where: { $0 < 0 || $0 >= size }) { throw TorchError.index("index out of range in self") }
        var outShape = shape
        if rank > 0 { outShape[d] = chosen.count }
        return try picked(at: try offsetsOfSlices(d, chosen), shape: outShape, name: "IndexSelectBackward0")
    }

    /// `index_add(dim, index, source, alpha)`: a copy with `source`'s slices (times `alpha`)
    /// added to the slices at `index` along `dim`.
    public func indexAdd(dim: Int, index: Tensor, source: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        let (d, chosen) = try checkIndexedSlices(dim, index, source, op: "index_add_", separator: ": ")
        let scaled = try alpha.map { try source.detach().mul(.wrapping($0)) } ?? source.detach()
        let out = try cloneDetached()
        scatterElements(try scaled.materialized(), into: out, at: try offsetsOfSlices(d, chosen), combine: .sum)
        return out.record("IndexAddBackward0", inputs: [self, source], saving: { (dim: d, index: $0.slot(index), alpha: alpha) }) { ctx, saved in
            guard ctx.needs(1) else { return [ctx.grad, nil] }
            let part = try ctx.grad.indexSelect(dim: saved.dim, index: ctx.saved(saved.index))
            return [ctx.grad, try saved.alpha.map { try part.mul(.wrapping($0)) } ?? part]
        }
    }

    /// `index_copy(dim, index, source)`: a copy with the slices at `index` replaced by `source`'s.
    public func indexCopy(dim: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let (d, chosen) = try checkIndexedSlices(dim, index, source, op: "index_copy_", separator: " ")
        let out = try cloneDetached()
        scatterElements(try source.detach().materialized(), into: out, at: try offsetsOfSlices(d, chosen), combine: .replace)
        return out.record("IndexCopyBackward0", inputs: [self, source], saving: { (dim: d, index: $0.slot(index)) }) { ctx, saved in
            [ctx.needs(0) ? try ctx.grad.indexFill(dim: saved.dim, index: ctx.saved(saved.index), value: .int(0)) : nil,
             ctx.needs(1) ? try ctx.grad.indexSelect(dim: saved.dim, index: ctx.saved(saved.index)) : nil]
        }
    }

    /// `index_fill(dim, index, value)`: a copy with the slices at `index` set to a number.
    public func indexFill(dim: Int, index: Tensor, value: Scalar) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.dtype != .int64 { throw TorchError.index("index_fill_(): Expected dtype int64 for index.") }
        let size = rank == 0 ? 1 : shape[d]
        let chosen = try index.materialized().int64Values
        if let bad = chosen.first(where: { $0 < -Int64(size) || $0 >= size }) {
            throw TorchError.index("index \(bad) is out of bounds for dimension \(d) with size \(size)")
        }
        var sliceShape = shape
        if rank > 0 { sliceShape[d] = chosen.count }
        let values = try Tensor(zeros: sliceShape, dtype: dtype)
        values.fillUnchecked(value)
        let out = try cloneDetached()
        scatterElements(values, into: out, at: try offsetsOfSlices(d, chosen.map { $0 < 0 ? $0 + Int64(size) : $0 }), combine: .replace)
        return out.record("IndexFillBackward0", inputs: [self], saving: { (dim: d, index: $0.slot(index)) }) { ctx, saved in
            [try ctx.grad.indexFill(dim: saved.dim, index: ctx.saved(saved.index), value: .int(0))]
        }
    }

    /// index_add's and index_copy's checks; the wrapped dimension and the index's values.
    private func checkIndexedSlices(_ dim: Int, _ index: Tensor, _ source: Tensor, op: String,
                                    separator: String) throws -> (Int, [Int64]) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.dtype != .int64 {
            throw TorchError.runtime("\(op)(): Expected dtype int32/int64 for index but got: \(index.dtype.scalarTypeName)")
        }
        if source.dtype != dtype {
            throw TorchError.runtime("\(op)(): self (\(dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        let count = source.rank == 0 ? 1 : source.shape[Swift.min(d, source.rank - 1)]
        if index.numel != count {
            let message = "\(op)(): Number of indices (\(index.numel)) should be equal to source.size(dim)\(separator)(\(count))"
            if op == "index_copy_" { throw TorchError.index(message) }
            throw TorchError.runtime(message + ", for dim: \(d)")
        }
        var expected = shape
        if rank > 0 { expected[d] = count }
        if source.shape != expected && source.numel != Shape.count(expected) {
            throw TorchError.runtime("\(op)(): Source/destination tensor must have same slice shapes. Destination slice shape: \(Shape.sizeList(expected)) at dimension \(d) and source slice shape: \(Shape.sizeList(source.shape)) at dimension \(d).")
        }
        let size = rank == 0 ? 1 : shape[d]
        let chosen = try index.materialized().int64Values
        if let bad = chosen.first(where: { $0 < 0 || $0 >= size }) {
            throw TorchError.runtime("index \(bad) is out of bounds for dimension \(d) with size \(size)")
        }
        return (d, chosen)
    }

    /// Row-major positions in this tensor of the elements of its slices at `chosen` (valid,
    /// non-negative) along `d`, in the order of a tensor holding those slices.
    private func offsetsOfSlices(_ d: Int, _ chosen: [Int64]) throws -> [Int] {
        var sliceShape = shape
        if rank > 0 { sliceShape[d] = chosen.count }
        let strides = Shape.contiguousStrides(shape)
        let stride = rank == 0 ? 0 : strides[d]
        // Every position of the slices, with its coordinate along d swapped for the chosen index.
        var rowStrides = strides
        if rank > 0 { rowStrides[d] = 0 }
        let along = Shape.contiguousStrides(sliceShape)
        return try layoutOffsets(sliceShape, rowStrides).enumerated().map { flat, base in
            let j = rank == 0 ? 0 : (flat / along[d]) % sliceShape[d]
            return base &+ Int(chosen[j]) &* stride
        }
    }

    /// `take(index)`: elements by their row-major position (negative from the end), shaped as `index`.
    public func take(_ index: Tensor) throws -> Tensor {
        if index.dtype != .int64 {
            throw TorchError.runtime("take(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)")
        }
        let n = numel
        let offsets = try index.materialized().int64Values.map { i -> Int in
            guard i >= -n && i < n else {
                throw TorchError.index("out of range: tried to access index \(i) on a tensor of \(n) elements.")
            }
            return Int(i < 0 ? i + Int64(n) : i)
        }
        return try picked(at: offsets, shape: index.shape, name: "TakeBackward0")
    }

    /// Row-major positions in this tensor (contiguous, from 0) of `index`'s elements read as
    /// coordinates along `dim`, after PyTorch's bounds check.
    func offsetsAlong(_ dim: Int, _ index: Tensor) throws -> [Int] {
        let size = rank == 0 ? 1 : shape[dim]
        for i in try index.materialized().int64Values where i < 0 || i >= size {
            throw TorchError.runtime("index \(i) is out of bounds for dimension \(dim) with size \(size)")
        }
        return try Tensor.positions(along: dim, indices: index, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
    }

    /// The storage offsets of a `shape` laid out with `strides` from 0.
    private func layoutOffsets(_ shape: [Int], _ strides: [Int]) throws -> [Int] {
        try Tensor.elementOffsets(shape: shape, strides: strides, offset: 0)
    }

    /// gather's and scatter's shape rules: as many dimensions as this tensor, and no larger
    /// than it apart from `dim` (nor than `source`, when given). The messages differ a little
    /// between gather and the scatters.
    private func checkIndexShape(_ index: Tensor, _ dim: Int, against source: Tensor?, forScatter: Bool) throws {
        if index.numel == 0 { return }
        if Swift.max(index.rank, 1) != Swift.max(rank, 1) {
            throw TorchError.runtime("Index tensor must have the same number of dimensions as \(forScatter ? "self" : "input") tensor")
        }
        let fits = (0..<index.rank).allSatisfy { d in d == dim || index.shape[d] <= shape[d] }
        if let source {
            if !fits || (0..<index.rank).contains(where: { index.shape[$0] > source.shape[$0] }) {
                throw TorchError.runtime("Expected index \(Shape.sizeList(index.shape)) to be no larger than self \(Shape.sizeList(shape)) apart from dimension \(dim) and to be no larger size than src \(Shape.sizeList(source.shape))")
            }
        } else if !fits {
            let d = (0..<index.rank).first { $0 != dim && index.shape[$0] > shape[$0] } ?? 0
            throw TorchError.runtime((forScatter ? "Expected" : "Size does not match at dimension \(d) expected") + " index \(Shape.sizeList(index.shape)) to be no larger than self \(Shape.sizeList(shape)) apart from dimension \(dim)")
        }
    }

    /// The checks shared by the scatters; returns the wrapped dimension.
    func scatterChecks(_ dim: Int, _ index: Tensor, _ source: Tensor?) throws -> Int {
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.dtype != .int64 { throw TorchError.runtime("scatter(): Expected dtype int32/int64 for index") }
        if let source, source.dtype != dtype { throw TorchError.runtime("scatter(): Expected self.dtype to be equal to src.dtype") }
        if let source, Swift.max(source.rank, 1) != Swift.max(index.rank, 1) {
            throw TorchError.runtime("Index tensor must have the same number of dimensions as src tensor")
        }
        try checkIndexShape(index, d, against: source, forScatter: true)
        return d
    }

    /// The leading block of this tensor with `index`'s shape (the part a scatter reads).
    func sliced(like index: Tensor) throws -> Tensor {
        if shape == index.shape || rank == 0 { return detach() }
        return makeView(shape: index.shape, strides: strides).detach()
    }

    /// An int32 index tensor as int64: gather and the scatters take both.
    func asInt64Index() throws -> Tensor {
        dtype == .int32 ? try to(.int64) : self
    }

    /// The elements of a contiguous int64 tensor.
    var int64Values: [Int64] {
        withExtendedLifetime(self) { Array(UnsafeBufferPointer(start: storage.pointer(Int64.self) + offset, count: numel)) }
    }
}

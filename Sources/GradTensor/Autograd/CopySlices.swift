/// How a write into part of a tensor enters the graph, after PyTorch's `CopySlices`: the write is
/// recorded on the base (the tensor that owns the memory: the written tensor's `_base`, or
/// itself). The base's gradient passes through where nothing was written and goes to the
/// written values where it was; a view written through then reads its gradient back out of
/// the base (AsStridedBackward0).

/// A region of a base tensor: the elements a write lands on, or a view reads, given as their
/// row-major positions in the base, listed in row-major order over the region's own shape.
/// It holds no tensor: it is the saved state of the formulas below, which so hold no part of
/// the graph (a formula holding its base would make the cycle base → node → base).
struct WriteRegion {
    let shape: [Int]
    let baseShape: [Int]
    let positions: [Int]

    /// The elements of `target` (`base` or a view of it): all of them, or with `offsets` those
    /// at these storage offsets, listed row-major over `shape`.
    init(_ target: Tensor, in base: Tensor, offsets: [Int]? = nil, shape: [Int]? = nil) throws {
        self.shape = shape ?? target.shape
        baseShape = base.shape
        positions = try base.flatPositions(ofStorageOffsets: offsets ?? target.elementOffsets)
    }

    /// The region's elements of `whole` (shaped like the base), as a new tensor (AsStridedBackward0).
    func extract(_ whole: Tensor) throws -> Tensor {
        let source = try whole.materialized()
        let part = Tensor(storage: try Storage.make(dtype: source.dtype, count: positions.count), shape: shape)
        gatherElements(source, at: positions.map { source.offset &+ $0 }, into: part)
        return recordRead(part, of: whole)
    }

    /// Records that `part` holds the region's elements of `whole`: its gradient goes back into
    /// the region, zeros elsewhere.
    @discardableResult
    func recordRead(_ part: Tensor, of whole: Tensor) -> Tensor {
        part.record("AsStridedBackward0", inputs: [whole], saving: { _ in self }) { ctx, region in
            [try region.embed(ctx.grad)]
        }
    }

    /// Zeros shaped like the base with `part`'s elements added at the region's positions (the
    /// adjoint of `extract`, AsStridedScatterBackward0).
    func embed(_ part: Tensor) throws -> Tensor {
        let whole = try Tensor(zeros: baseShape, dtype: part.dtype)
        try scatterElements(part.materialized(), into: whole, at: positions, combine: .sum)
        return whole.record("AsStridedScatterBackward0", inputs: [part], saving: { _ in self }) { ctx, region in
            try [region.extract(ctx.grad)]
        }
    }

    /// `grad` (shaped like the base) with zeros in the region.
    func clearing(_ grad: Tensor) throws -> Tensor {
        let mask = try Tensor.ones(grad.shape, dtype: grad.dtype)
        for p in positions { mask.setFlat(p, .int(0)) }
        return try grad.mul(mask)
    }
}

extension Tensor {
    /// Records on this base tensor a write of `written` into `region`, as a node named `name`
    /// (`CopySlices`, or the op's own name when a write replaced part of a tensor that is not a
    /// view). Its inputs are the base as it was and `written` (the values written, or the
    /// tensor they were taken from, nil for a number).
    /// Freed by backward as PyTorch frees CopySlices (and an index_put's saved indices).
    func recordCopySlices(_ name: String, _ region: WriteRegion, written: Tensor?) {
        record(name, inputs: [self] + (written.map { [$0] } ?? []), saving: { $0.keep(region) }) { ctx, region in
            let toBase = ctx.needs(0) ? try region.clearing(ctx.grad) : nil
            guard ctx.needs(1) else { return [toBase] }
            var toWritten = try region.extract(ctx.grad)
            let rank = ctx.inputShape(1).count
            if toWritten.rank < rank {
                // The value lost leading 1s before broadcasting; give them back for the engine's sum.
                toWritten = try toWritten.reshape(Array(repeating: 1, count: rank - toWritten.rank) + toWritten.shape)
            }
            return [toBase, toWritten]
        }
    }

    /// PyTorch's regeneration of a view's grad_fn: once its base (or another view of the base)
    /// has been written in place, the view reads its elements out of the base as it is now
    /// (AsStridedBackward0), so its gradient flows through the write.
    /// A view returned with others (`unbind`) cannot be remade: PyTorch refuses it when its
    /// grad_fn is read, grad when the gradient reaches it.
    public func refreshViewGradFn() {
        guard let base = links.viewBase, base.requiresGrad, version != links.gradFnVersion else { return }
        links.gradFnVersion = version
        if let refusal = multiOutputViewError(writtenItself: false) {
            GradMode.with(enabled: true) {
                record("AsStridedBackward0", inputs: [base], saving: { _ in refusal }) { _, refusal in throw refusal }
            }
            return
        }
        guard let region = try? WriteRegion(self, in: base) else { return }
        GradMode.with(enabled: true) { region.recordRead(self, of: base) }
    }

    /// `refreshViewGradFn` of each view among an op's inputs, before their edges are taken.
    @inline(never)
    static func refreshViewGradFns(_ inputs: [Tensor]) {
        for t in inputs where t.links.isView { t.refreshViewGradFn() }
    }

    /// The row-major positions in this tensor of the elements at `offsets` in its storage.
    fileprivate func flatPositions(ofStorageOffsets offsets: [Int]) throws -> [Int] {
        let unreachable = TorchError.runtime("in-place write reached memory outside its base tensor")
        if isContiguous {
            return try offsets.map { o in
                let p = o - offset
                guard p >= 0 && p < numel else { throw unreachable }
                return p
            }
        }
        try Scratch.check(numel, of: (key: Int, value: Int).self)
        var position: [Int: Int] = [:]
        for (flat, o) in try elementOffsets.enumerated() { position[o] = flat }
        return try offsets.map { o in
            guard let p = position[o] else { throw unreachable }
            return p
        }
    }
}

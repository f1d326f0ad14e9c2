/// How an indexed assignment enters the graph, after PyTorch's CopySlices: the write is recorded
/// on the base tensor that owns the memory (the written tensor's `_base`, or itself), whose
/// gradient passes through where nothing was written and goes to the value where it was. A view
/// that was written through then reads its gradient back out of the base (AsStridedBackward0).
extension Tensor {
    func recordWrite(_ write: IndexWrite, into region: Tensor) throws {
        let root = viewBase ?? self
        let source = write.source
        guard GradMode.isEnabled, root.dtype.isFloatingPoint,
              root.requiresGrad || (source?.requiresGrad ?? false) else { return }
        let written = try root.flatPositions(ofStorageOffsets: write.offsets)
        let pick = try AdvancedIndexPlan([Tensor.longs(written, shape: write.shape)], sourceShape: [root.numel], dtype: root.dtype)
        let sourceRank = source?.rank ?? 0, hasSource = source != nil
        let name = region === self && root === self ? write.name : "CopySlices"
        // The formula captures no tensor of the graph (root → node → root would be a cycle), and
        // builds its mask only when run, so a write costs what it writes, not the whole base.
        root.record(name, inputs: [root] + (source.map { [$0] } ?? [])) { ctx, _ in
            let toRoot = ctx.needs(0) ? try ctx.grad.mul(Tensor.maskClearing(written, like: ctx.grad)) : nil
            guard hasSource && ctx.needs(1) else { return [toRoot] }
            var toSource = try ctx.grad.reshape([-1]).indexed(by: pick)
            if toSource.rank < sourceRank {
                // The value lost leading 1s before broadcasting; give them back for the engine's sum.
                toSource = try toSource.reshape(Array(repeating: 1, count: sourceRank - toSource.rank) + toSource.shape)
            }
            return [toRoot, toSource]
        }
        if root !== self {
            let own = try root.flatPositions(ofStorageOffsets: elementOffsets)
            let plan = try AdvancedIndexPlan([Tensor.longs(own, shape: shape)], sourceShape: [root.numel], dtype: root.dtype)
            let (count, rootShape) = (root.numel, root.shape)
            record("AsStridedBackward0", inputs: [root]) { ctx, _ in
                [try ctx.grad.accumulated(into: [count], by: plan).reshape(rootShape)]
            }
        }
    }

    /// The row-major positions in this tensor of the elements at `offsets` in its storage.
    func flatPositions(ofStorageOffsets offsets: [Int]) throws -> [Int] {
        let unreachable = TorchError.runtime("indexed assignment wrote memory outside its base tensor")
        if isContiguous {
            return try offsets.map { o in
                let p = o - offset
                guard p >= 0 && p < numel else { throw unreachable }
                return p
            }
        }
        var position: [Int: Int] = [:]
        for (flat, o) in elementOffsets.enumerated() { position[o] = flat }
        return try offsets.map { o in
            guard let p = position[o] else { throw unreachable }
            return p
        }
    }

    /// Ones shaped like `t`, in its dtype, with zeros at the row-major `positions`.
    static func maskClearing(_ positions: [Int], like t: Tensor) throws -> Tensor {
        let mask = try Tensor.ones(t.shape, dtype: t.dtype)
        for p in positions { mask.setFlat(p, .int(0)) }
        return mask
    }

    /// An int64 tensor of `shape` holding `values` in row-major order.
    static func longs(_ values: [Int], shape: [Int]) -> Tensor {
        let t = Tensor(storage: Storage.make(dtype: .int64, count: values.count), shape: shape)
        let p = t.storage.pointer(Int64.self)
        for (i, v) in values.enumerated() { p[i] = Int64(v) }
        return t
    }
}

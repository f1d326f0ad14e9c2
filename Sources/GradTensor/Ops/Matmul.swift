/// `matmul` (the `@` operator), composed exactly as PyTorch's `_matmul_impl` composes it from
/// dot / mv / mm / bmm and views, so results, `grad_fn` names, the graph behind them and the
/// error raised for each mistake all come out as in PyTorch. Which path a call takes depends on
/// ranks, on which operand requires grad and on strides, as it does there.
extension Tensor {
    public func matmul(_ other: Tensor) throws -> Tensor {
        let d1 = rank, d2 = other.rank
        guard d1 != 0 && d2 != 0 else {
            throw TorchError.runtime("both arguments to matmul need to be at least 1D, but they are \(d1)D and \(d2)D")
        }
        switch (d1, d2) {
        case (1, 1): return try dot(other)
        case (2, 1): return try mv(other)
        case (1, 2): return try unsqueeze(0).mm(other).squeezedInPlace(0)
        case (2, 2): return try mm(other)
        default: break
        }
        if shouldFold(other) { return try foldedMatmul(other) }
        // A batch of one on a 3-D side that requires grad is squeezed away rather than
        // broadcast, so its gradient needs no reduction over an expanded batch.
        if d1 == 3 && d2 == 3 && shape[0] != other.shape[0] {
            if shape[0] == 1 && requiresGrad { return try squeeze(dims: [0]).matmul(other) }
            if other.shape[0] == 1 && other.requiresGrad { return try matmul(other.squeeze(dims: [0])) }
        }
        return try batchedMatmul(other)
    }

    /// Whether the larger operand (≥ 3-D, against a 1-D or 2-D one) can have its batch folded
    /// into its rows, so one mm/mv does the work (PyTorch's `should_fold`).
    private func shouldFold(_ other: Tensor) -> Bool {
        let selfLarger = rank >= other.rank
        // The larger operand as it will be multiplied (the other one transposed when it is larger).
        var foldShape = selfLarger ? shape : other.shape, foldStrides = selfLarger ? strides : other.strides
        if !selfLarger {
            foldShape.swapAt(foldShape.count - 1, foldShape.count - 2)
            foldStrides.swapAt(foldStrides.count - 1, foldStrides.count - 2)
        }
        let smallerRank = selfLarger ? other.rank : rank
        guard foldShape.count >= 3 && smallerRank <= 2 else { return false }
        // Folding keeps the smaller operand's gradient a plain product instead of a sum over an
        // expanded batch, so PyTorch folds whenever that operand requires grad (even copying).
        if (selfLarger ? other : self).requiresGrad { return true }
        // 2-D @ batch would need the result transposed and copied: not worth it.
        if rank == 2 { return false }
        if foldShape.contains(0) { return true }
        for i in 0..<(foldShape.count - 2) where foldStrides[i] != foldStrides[i + 1] &* foldShape[i + 1] {
            return false
        }
        return true
    }

    /// The larger operand's batch folded into rows: one mm (or mv), then its rows unfolded.
    private func foldedMatmul(_ other: Tensor) throws -> Tensor {
        let transpose = other.rank > rank
        let t1 = transpose ? try other.transpose(-2, -1) : self
        let t2 = !transpose ? other : (rank == 2 ? try t() : self)
        var outputShape = Array(t1.shape.dropLast())
        let folded = try checkedProduct(outputShape)
        let t1Folded = try t1.reshape([folded, t1.shape[t1.rank - 1]])
        if t2.rank == 2 {
            outputShape.append(t2.shape[1])
            let output = try t1Folded.mm(t2).unsafeView(outputShape)
            return transpose ? try output.transpose(-2, -1).contiguous() : output
        }
        return try t1Folded.mv(t2).unsafeView(outputShape)
    }

    /// Both operands broadcast over their batch dimensions, flattened to one batch, then bmm.
    private func batchedMatmul(_ other: Tensor) throws -> Tensor {
        let d1 = rank, d2 = other.rank
        let n = d1 > 1 ? shape[d1 - 2] : 1
        let m1 = shape[d1 - 1]
        let m2 = d2 > 1 ? other.shape[d2 - 2] : other.shape[d2 - 1]
        let p = d2 > 1 ? other.shape[d2 - 1] : 1
        let batch1 = Array(shape.prefix(Swift.max(d1 - 2, 0)))
        let batch2 = Array(other.shape.prefix(Swift.max(d2 - 2, 0)))
        let batch = try Shape.broadcast(batch1, batch2)
        let batchCount = try checkedProduct(batch)
        let lhs = try expand(batch + [n, m1]).reshape([batchCount, n, m1])
        let vectorRHS = d2 == 1
        let rhs = vectorRHS
            ? try other.expand(batch + [m2]).reshape([batchCount, m2]).unsqueeze(2)
            : try other.expand(batch + [m2, p]).reshape([batchCount, m2, p])
        var outputShape = batch
        if d1 > 1 { outputShape.append(n) }
        if d2 > 1 { outputShape.append(p) }
        let product = try lhs.bmm(rhs)
        return (vectorRHS ? try product.squeeze(dims: [-1]) : product).unsafeView(outputShape)
    }

    /// `squeeze_(dim)` applied to a fresh result, as matmul does for 1-D @ 2-D: the same data
    /// without that dimension, the version bumped, recorded as PyTorch's in-place squeeze.
    private func squeezedInPlace(_ dim: Int) -> Tensor {
        var newShape = shape, newStrides = strides
        newShape.remove(at: dim)
        newStrides.remove(at: dim)
        let out = Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset, version: versionCounter)
        out.versionCounter.bump()
        return out.record("SqueezeBackward4", inputs: [self], saving: { _ in dim }) { ctx, dim in [try ctx.grad.unsqueeze(dim)] }
    }
}

/// The product of sizes that exist in some tensor; overflow (possible only next to a zero size,
/// where PyTorch's int64 arithmetic would wrap) is refused rather than trapped on.
private func checkedProduct(_ sizes: [Int]) throws -> Int {
    if sizes.contains(0) { return 0 }
    var total = 1
    for s in sizes {
        let (p, overflow) = total.multipliedReportingOverflow(by: s)
        if overflow { throw TorchError.runtime("matmul: the batch size \(Shape.sizeList(sizes)) overflows int64") }
        total = p
    }
    return total
}

/// Writes of a tensor's values at chosen elements: `index_put` (a tuple of index tensors, bool
/// masks among them), `put` (flat indices) and `masked_scatter` (the true elements of a mask,
/// in order), out of place (the in-place forms are these through `updated(reading:)`), with
/// `accumulate` adding where indices repeat.
extension Tensor {
    /// `index_put(indices, values, accumulate)`: a copy with `values` (broadcast to the indexing
    /// result) written, or added, at `self[indices]`.
    public func indexPut(_ indices: [Tensor], values: Tensor, accumulate: Bool = false) throws -> Tensor {
        if values.dtype != dtype {
            throw TorchError.runtime("Index put requires the source and destination dtypes match, got \(dtype.scalarTypeName) for the destination and \(values.dtype.scalarTypeName) for the source.")
        }
        let plan = try AdvancedIndexPlan(indices, sourceShape: shape, dtype: dtype)
        let out = try contiguous().cloneDetached()
        let offsets = try plan.offsets(in: out)
        if !Shape.isExpandable(values.shape, to: plan.resultShape) {
            throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.sizeList(values.shape)) cannot be broadcast to indexing result of shape \(Shape.sizeList(plan.resultShape))")
        }
        let spread = try values.detach().broadcastCopy(to: plan.resultShape, dtype: dtype)
        scatterElements(spread, into: out, at: offsets, combine: accumulate ? .sum : .replace)
        return try recordWrite(out, "IndexPutBackward0", of: values, at: offsets, shape: plan.resultShape,
                                   accumulate: accumulate, sourceUse: .broadcast)
    }

    /// `put(index, source, accumulate)`: a copy with `source`'s elements written, or added, at
    /// the flat positions `index` names (negative ones from the end).
    public func put(_ index: Tensor, source: Tensor, accumulate: Bool = false) throws -> Tensor {
        if index.dtype != .int64 { throw TorchError.runtime("put_(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)") }
        if source.dtype != dtype {
            throw TorchError.runtime("put_(): self and source expected to have the same dtype, but got self.dtype = \(dtype.scalarTypeName) and source.dtype = \(source.dtype.scalarTypeName)")
        }
        if source.numel != index.numel {
            throw TorchError.index("put_(): Expected source and index to have the same number of elements, but got source.numel() = \(source.numel), index.numel() = \(index.numel)")
        }
        let offsets = try index.materialized().int64Values.map { raw -> Int in
            let i = Int(raw)
            guard i >= -numel && i < numel else {
                throw TorchError.index("out of range: tried to access index \(i) on a tensor of \(numel) elements.")
            }
            return i < 0 ? i + numel : i
        }
        let out = try contiguous().cloneDetached()
        scatterElements(try source.detach().materialized(), into: out, at: offsets, combine: accumulate ? .sum : .replace)
        return try recordWrite(out, "PutBackward0", of: source, at: offsets, shape: source.shape,
                                   accumulate: accumulate, sourceUse: .broadcast)
    }

    /// `masked_scatter(mask, source)`: a copy (broadcast with `mask`) whose elements where
    /// `mask` is true take `source`'s first elements, in row-major order.
    public func maskedScatter(_ mask: Tensor, source: Tensor) throws -> Tensor {
        if mask.dtype != .bool {
            throw TorchError.runtime("masked_scatter_ only supports boolean masks, but got mask with dtype \(mask.dtype.scalarTypeName)")
        }
        if source.dtype != dtype {
            throw TorchError.runtime("masked_scatter: expected self and source to have same dtypes but got\(dtype.scalarTypeName) and \(source.dtype.scalarTypeName)")
        }
        let common = try Shape.broadcast(mask.shape, shape)
        let flags = try mask.expand(common).materialized()
        var offsets: [Int] = []
        for i in 0..<flags.numel where flags.element(atFlat: i).boolValue { offsets.append(i) }
        if offsets.count > source.numel { throw TorchError.runtime("Number of elements of source < number of ones in mask") }
        let out = try (common == shape ? self : expand(common)).contiguous().cloneDetached()
        let taken = try source.detach().reshape([-1]).narrow(dim: 0, start: 0, length: offsets.count)
        scatterElements(try taken.materialized(), into: out, at: offsets, combine: .replace)
        return try recordWrite(out, "MaskedScatterBackward0", of: source, at: offsets, shape: [offsets.count],
                                   accumulate: false, sourceUse: .leadingElements)
    }

    /// How a write used its source: broadcast to the written elements (index_put, put), or its
    /// first elements in row-major order (masked_scatter).
    fileprivate enum SourceUse { case broadcast, leadingElements }

    /// Records on `out` that it is this tensor (broadcast, copied) with `source`'s elements
    /// written at `offsets` (row-major positions): this tensor's gradient is the result's,
    /// cleared at `offsets` unless the write added, summed back over a broadcast; `source`'s is the result's gradient read at `offsets` (as
    /// `written`), summed back over a broadcast, or padded with zeros for elements not used.
    fileprivate func recordWrite(_ out: Tensor, _ name: String, of source: Tensor, at offsets: [Int], shape written: [Int],
                                 accumulate: Bool, sourceUse: SourceUse) throws -> Tensor {
        let saved = (offsets: offsets, written: written, accumulate: accumulate, use: sourceUse)
        return out.record(name, inputs: [self, source], saving: { $0.keep(saved) }) { ctx, saved in
            var toSelf: Tensor? = nil
            if ctx.needs(0) {
                if saved.accumulate {
                    toSelf = ctx.grad
                } else {
                    let cleared = try Tensor(zeros: ctx.grad.shape, dtype: .bool)
                    for p in saved.offsets { cleared.setFlat(p, .bool(true)) }
                    toSelf = try ctx.grad.maskedFill(cleared, .wrapping(.int(0)))
                }
                toSelf = try toSelf?.sumToShape(ctx.inputShape(0))
            }
            guard ctx.needs(1) else { return [toSelf, nil] }
            let sourceShape = ctx.inputShape(1)
            let read = try ctx.grad.picked(at: saved.offsets, shape: saved.written, name: "IndexBackward0")
            switch saved.use {
            case .broadcast:
                return [toSelf, try read.sumToShape(sourceShape)]
            case .leadingElements:
                let unused = try Tensor(zeros: [Shape.count(sourceShape) - saved.offsets.count], dtype: read.dtype)
                return [toSelf, try Tensor.cat([read, unused]).reshape(sourceShape)]
            }
        }
    }
}

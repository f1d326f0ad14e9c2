/// `t[...] = value`: PyTorch's `THPVariable_setitem` / `set_item`. The subscript picks a region
/// (a view for basic items, positions within it for tensor items); the value is written there
/// in place, the version counter moves, and the graph records the write.
extension Tensor {
    /// `t[items] = value`. `value` is a tensor, or `Tensor.wrapping(number)` for a Python number
    /// (converted to this tensor's dtype with PyTorch's overflow checks). Returns the indexed
    /// writes that PyTorch warns about because they went into an expanded tensor, in order.
    @discardableResult
    public func indexAssign(_ items: [TensorIndex], _ value: Tensor) throws -> [ExpandedWrite] {
        let scalar: Scalar? = value.isWrappedNumber ? value.element(atFlat: 0) : nil
        if items.count == 1, case .bool(false) = items[0] { return [] }
        // The region's own view ops are not recorded: the write records one node for all of them.
        let (region, tensorIndices) = try GradMode.with(enabled: false) { try writeTarget(items) }
        if region !== self, links.multiOutputViewIndex != nil, GradMode.isEnabled, requiresGrad {
            // A view of a view returned with others (`unbind`) may not be written either; PyTorch
            // names it by its own op, so the region is remade with its nodes only to name it.
            let named = try writeTarget(items).0
            if let refusal = named.multiOutputViewError(writtenItself: true) { throw refusal }
        }
        if tensorIndices.isEmpty {
            try assign(value, scalar, into: region)
            return []
        }
        return try assign(value, scalar, into: region, at: tensorIndices)
    }

    /// The tensor written into (this one or a view of it) and the tensor indices left to apply.
    /// Unlike reading, a full slice here is the tensor itself, even alone (`t[:] = v`).
    private func writeTarget(_ items: [TensorIndex]) throws -> (Tensor, [Tensor?]) {
        if items.count == 1 {
            switch items[0] {
            case .ellipsis: return (self, [])
            case .none, .bool(true): return (try unsqueeze(0), [])
            case .int(let i): return (try selecting(dim: 0, i, position: 0), [])
            case .slice(let start, let stop, let step):
                return (try slicing(dim: 0, try PythonSlice(start, stop, step), optimize: true), [])
            case .bool(false), .tensor: break
            }
        }
        return try applySlicing(items, optimize: true)
    }
}

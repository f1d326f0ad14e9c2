/// The writes behind `t[...] = value`, chosen as PyTorch's `set_item` chooses them: fill_ or copy_
/// into a view; masked_fill_, index_fill_ or index_put_ for tensor indices. Each validates, runs
/// `check` (the in-place refusals) at the point PyTorch does, writes, and says what it wrote.

/// What an indexed assignment wrote, for recording it in the graph.
struct IndexWrite {
    /// Storage offsets of the written elements, row-major over `shape`.
    let offsets: [Int]
    /// The shape the value was broadcast to.
    let shape: [Int]
    /// The grad_fn PyTorch shows when the write went into the tensor itself rather than a view.
    let name: String
    /// The tensor written from, when it is one (its gradient is the gradient at the written places).
    let source: Tensor?
}

extension Tensor {
    /// `copy_to(region, value)`: fill_ for numbers and 0-dim tensors, else copy_ of the value
    /// (leading 1s dropped) broadcast to the region.
    func plainWrite(_ value: Tensor, _ scalar: Scalar?, check: () throws -> Void) throws -> IndexWrite {
        if let scalar {
            try check()
            try fillElements(scalar)
            return IndexWrite(offsets: elementOffsets, shape: shape, name: "FillBackward2", source: nil)
        }
        // Same shape: copy_; a 0-dim tensor: fill_; else copy_ from the value broadcast.
        let isFill = value.shape != shape && value.rank == 0
        let source = value.shape == shape || isFill ? value : try GradMode.with(enabled: false) {
            try value.view(Array(value.shape.drop { $0 == 1 })).expand(shape)
        }
        if !isFill && overlap(with: source) == .partial {
            throw TorchError.runtime(Tensor.overlapMessage)
        }
        try check()
        // Read everything before writing when the memory is shared (the result then does not
        // depend on the order elements are visited in).
        copyElements(from: source.storage === storage ? source.cloneDetached() : source, into: self)
        return IndexWrite(offsets: elementOffsets, shape: shape, name: isFill ? "FillBackward3" : "CopyBackwards",
                          source: value)
    }

    /// Assignment with tensor indices into this tensor (the region left by the basic items).
    func indexedWrite(_ raw: [Tensor?], _ value: Tensor, _ scalar: Scalar?, check: () throws -> Void) throws -> IndexWrite {
        try check()
        var indices = raw
        while let last = indices.last, last == nil { indices.removeLast() }
        let defined = indices.compactMap { $0 }
        let lone = defined.count == 1 ? defined[0] : nil
        if let scalar {
            // A number: masked_fill_ for one mask, index_fill_ for one long index, else index_put_.
            try checkFillable(scalar)
            let plan = try AdvancedIndexPlan(indices, sourceShape: shape, dtype: dtype)
            let isMask = lone?.dtype == .bool, isLong = lone?.dtype == .int64
            let offsets = try plan.offsets(in: self, namingSourceDims: isLong)
            scatterElements(try Tensor.full(plan.resultShape, scalar, dtype: dtype), into: self, at: offsets, accumulate: false)
            let name = isMask ? "MaskedFillBackward0" : isLong ? "IndexFillBackward0" : "IndexPutBackward0"
            return IndexWrite(offsets: offsets, shape: plan.resultShape, name: name, source: nil)
        }
        if lone?.dtype == .bool && value.numel == 1 {
            // index_put_ turns a one-element value with one mask into masked_fill_ with its item.
            let item = value.element(atFlat: 0)
            try checkFillable(item)
            let plan = try AdvancedIndexPlan(indices, sourceShape: shape, dtype: dtype)
            let offsets = try plan.offsets(in: self)
            scatterElements(try Tensor.full(plan.resultShape, item, dtype: dtype), into: self, at: offsets, accumulate: false)
            return IndexWrite(offsets: offsets, shape: plan.resultShape, name: "IndexPutBackward0", source: value)
        }
        let stripped = try GradMode.with(enabled: false) { try value.view(Array(value.shape.drop { $0 == 1 })) }
        if [.partial, .full].contains(overlap(with: stripped)) {
            throw TorchError.runtime(Tensor.overlapMessage)
        }
        let plan = try AdvancedIndexPlan(indices, sourceShape: shape, dtype: dtype)
        if !Shape.isExpandable(stripped.shape, to: plan.resultShape) {
            throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.sizeList(stripped.shape)) cannot be broadcast to indexing result of shape \(Shape.sizeList(plan.resultShape))")
        }
        if value.dtype != dtype {
            throw TorchError.runtime("Index put requires the source and destination dtypes match, got \(dtype.scalarTypeName) for the destination and \(value.dtype.scalarTypeName) for the source.")
        }
        let offsets = try plan.offsets(in: self)
        scatterElements(stripped.broadcastCopy(to: plan.resultShape, dtype: dtype), into: self, at: offsets, accumulate: false)
        return IndexWrite(offsets: offsets, shape: plan.resultShape, name: "IndexPutBackward0", source: value)
    }

    /// `fill_(number)` over this tensor's elements (any strides).
    private func fillElements(_ s: Scalar) throws {
        try checkFillable(s)
        let filler = Tensor(storage: Storage.make(dtype: dtype, count: 1), shape: [])
        filler.setFlat(0, s)
        copyElements(from: filler, into: self)
    }

    /// PyTorch's checked conversion of a number to this dtype: floats that do not fit an int64
    /// (NaN included) or a float32 are refused; bools take anything.
    func checkFillable(_ s: Scalar) throws {
        guard case .double(let d) = s else { return }
        switch dtype {
        case .int64 where d.isNaN || d.isInfinite || d < -0x1p63 || d > 0x1p63:
            throw TorchError.runtime("value cannot be converted to type int64_t without overflow")
        case .float32 where d.isFinite && Swift.abs(d) > Double(Float.greatestFiniteMagnitude):
            throw TorchError.runtime("value cannot be converted to type float without overflow")
        default: return
        }
    }
}

extension Shape {
    /// Whether `shape` broadcasts to `target` without changing `target` (`is_expandable_to`).
    static func isExpandable(_ shape: [Int], to target: [Int]) -> Bool {
        if shape.count > target.count { return false }
        let lead = target.count - shape.count
        for (i, s) in shape.enumerated() where s != 1 && s != target[lead + i] { return false }
        return true
    }
}

/// The writes behind `t[...] = value`, chosen as PyTorch's `set_item` chooses them: fill_ or copy_
/// into a view; masked_fill_, index_fill_ or index_put_ for tensor indices. Each is a `write`
/// into `region` (this tensor or a view of it) that validates where PyTorch does: a value's
/// shape against a view before the in-place refusals, an index_put_'s own errors after them.
extension Tensor {
    /// `copy_to(region, value)`: fill_ for numbers and 0-dim tensors, else copy_ of the value
    /// (leading 1s dropped) broadcast to the region.
    func assign(_ value: Tensor, _ scalar: Scalar?, into region: Tensor) throws {
        if let scalar {
            try write(into: region, from: nil, .replace(name: "FillBackward2")) { _ in (try filler(scalar), nil) }
            return
        }
        // Same shape: copy_; a 0-dim tensor: fill_; else copy_ from the value broadcast.
        let isFill = value.shape != region.shape && value.rank == 0
        let source = value.shape == region.shape || isFill ? value : try GradMode.with(enabled: false) {
            try value.view(Array(value.shape.drop { $0 == 1 })).expand(region.shape)
        }
        if !isFill && region.overlap(with: source) == .partial {
            throw TorchError.runtime(Tensor.overlapMessage)
        }
        try write(into: region, from: value, .replace(name: isFill ? "FillBackward3" : "CopyBackwards")) { _ in (source, nil) }
    }

    /// Assignment with tensor indices into `region`: a number by masked_fill_ for one mask,
    /// index_fill_ for one long index, else index_put_; a tensor by index_put_ (which hands a
    /// one-element value with one mask to masked_fill_). Returns those of the ops run that
    /// PyTorch warns about, when `region` is expanded.
    func assign(_ value: Tensor, _ scalar: Scalar?, into region: Tensor, at raw: [Tensor?]) throws -> [ExpandedWrite] {
        var indices = raw
        while let last = indices.last, last == nil { indices.removeLast() }
        let defined = indices.compactMap { $0 }
        let lone = defined.count == 1 ? defined[0] : nil
        let isMask = lone?.dtype == .bool, isLong = lone?.dtype == .int64
        let name = scalar == nil ? "IndexPutBackward0" : isMask ? "MaskedFillBackward0" : isLong ? "IndexFillBackward0" : "IndexPutBackward0"
        var warned: [ExpandedWrite] = []
        if region.hasInternalOverlap {
            if scalar != nil {
                warned = [isMask ? .maskedFill : isLong ? .indexFill : .indexPut]
            } else {
                warned = isMask && value.numel == 1 ? [.indexPut, .maskedFill] : [.indexPut]
            }
        }
        try write(into: region, from: scalar == nil ? value : nil, .replace(name: name)) { _ in
            if let scalar {
                let filler = try filler(scalar)
                let plan = try AdvancedIndexPlan(indices, sourceShape: region.shape, dtype: dtype)
                let offsets = try plan.offsets(in: region, namingSourceDims: isLong)
                return try (filler.broadcastCopy(to: plan.resultShape, dtype: dtype), offsets)
            }
            if isMask && value.numel == 1 {
                // index_put_ turns a one-element value with one mask into masked_fill_ with its item.
                let filler = try filler(value.element(atFlat: 0))
                let plan = try AdvancedIndexPlan(indices, sourceShape: region.shape, dtype: dtype)
                return try (filler.broadcastCopy(to: plan.resultShape, dtype: dtype), plan.offsets(in: region))
            }
            let stripped = try GradMode.with(enabled: false) { try value.view(Array(value.shape.drop { $0 == 1 })) }
            if [.partial, .full].contains(region.overlap(with: stripped)) {
                throw TorchError.runtime(Tensor.overlapMessage)
            }
            let plan = try AdvancedIndexPlan(indices, sourceShape: region.shape, dtype: dtype)
            if !Shape.isExpandable(stripped.shape, to: plan.resultShape) {
                throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.sizeList(stripped.shape)) cannot be broadcast to indexing result of shape \(Shape.sizeList(plan.resultShape))")
            }
            if value.dtype != dtype {
                throw TorchError.runtime("Index put requires the source and destination dtypes match, got \(dtype.scalarTypeName) for the destination and \(value.dtype.scalarTypeName) for the source.")
            }
            return try (stripped.broadcastCopy(to: plan.resultShape, dtype: dtype), plan.offsets(in: region))
        }
        return warned
    }

    /// `s` as a 0-dim tensor of this tensor's dtype: the value `fill_` writes.
    func filler(_ s: Scalar) throws -> Tensor {
        try checkFillable(s)
        let t = Tensor(storage: try Storage.make(dtype: dtype, count: 1), shape: [])
        t.setFlat(0, s)
        return t
    }

    /// PyTorch's checked conversion of a number to this dtype (`DType.overflows`). A one-element
    /// float16 or bfloat16 tensor takes any number (PyTorch fills it by another path, unchecked).
    func checkFillable(_ s: Scalar) throws {
        if numel == 1 && (dtype == .float16 || dtype == .bfloat16) { return }
        if dtype.overflows(s) {
            throw TorchError.runtime("value cannot be converted to type \(dtype.checkedCastTypeName) without overflow")
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

/// An indexed write into an expanded tensor, which PyTorch still does but warns about.
public enum ExpandedWrite: Sendable {
    case indexPut, indexFill, maskedFill

    /// PyTorch's warning, as its C++ side words it.
    public var warning: String {
        let (op, example, line) = switch self {
        case .indexPut: ("index_put_", "tensor[indices] = tensor", 975)
        case .indexFill: ("index_fill_", "tensor[mask] = scalar", 1929)
        case .maskedFill: ("masked_fill_", "tensor[mask] = scalar", 2469)
        }
        return "Use of \(op) on expanded tensors is deprecated. Please clone() the tensor before performing this operation. This also applies to advanced indexing e.g. \(example) (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:\(line).)"
    }
}

/// `torch.cat` and `torch.stack` (and `hstack`, `vstack`, `dstack`, `column_stack`): new tensors holding the inputs side by side, in the promoted dtype;
/// each input's gradient is its slice of the output's.
extension Tensor {
    /// `torch.cat(tensors, dim)`. 1-D empty tensors are skipped, as PyTorch still allows.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        if tensors.isEmpty { throw TorchError.value("torch.cat(): expected a non-empty list of Tensors") }
        for (i, t) in tensors.enumerated() where t.rank == 0 {
            throw TorchError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let dtype = tensors.reduce(DType.bool) { TypePromotion.promote($0, $1.dtype) }
        let skipped = tensors.map { $0.rank == 1 && $0.numel == 0 }
        guard let reference = tensors.indices.first(where: { !skipped[$0] }).map({ tensors[$0] }) else {
            return try Tensor(zeros: [0], dtype: dtype).record("CatBackward0", inputs: tensors) { ctx, _ in
                InputGradients(try ctx.node.inputs.map { _ in try Tensor(zeros: [0], dtype: ctx.grad.dtype) })
            }
        }
        let d = try Shape.wrapDim(dim, rank: reference.rank)
        var starts: [Int] = [], sizes: [Int] = [], total = 0
        for (i, t) in tensors.enumerated() {
            starts.append(total)
            if skipped[i] {
                sizes.append(0)
                continue
            }
            if t.rank != reference.rank {
                throw TorchError.runtime("Tensors must have same number of dimensions: got \(reference.rank) and \(t.rank)")
            }
            for k in 0..<t.rank where k != d && t.shape[k] != reference.shape[k] {
                throw TorchError.runtime("Sizes of tensors must match except in dimension \(d). Expected size \(reference.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
            sizes.append(t.shape[d])
            total &+= t.shape[d]
        }
        var shape = reference.shape
        shape[d] = total
        let out = try Tensor(zeros: shape, dtype: dtype)
        for (i, t) in tensors.enumerated() where !skipped[i] {
            let part = out.makeView(shape: t.shape, strides: out.strides, offset: starts[i] &* out.strides[d])
            copyElements(from: t, into: part)
        }
        return out.record("CatBackward0", inputs: tensors,
                          saving: { _ in (starts: starts, sizes: sizes, skipped: skipped, dim: d, given: dim) }) { ctx, saved in
            InputGradients(try saved.starts.indices.map { i in
                if saved.skipped[i] { return try Tensor(zeros: [0], dtype: ctx.grad.dtype) }
                return try ctx.grad.sliceView(saved.dim, start: saved.starts[i], stop: saved.starts[i] + saved.sizes[i], step: 1)
            })
        }
    }

    /// `torch.stack(tensors, dim)`: equal shapes joined along a new dimension.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TorchError.runtime("stack expects a non-empty TensorList") }
        let d = try Shape.wrapDim(dim, rank: first.rank + 1)
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TorchError.runtime("stack expects each tensor to be equal size, but got \(Shape.sizeList(first.shape)) at entry 0 and \(Shape.sizeList(t.shape)) at entry \(i)")
        }
        let dtype = tensors.reduce(DType.bool) { TypePromotion.promote($0, $1.dtype) }
        var shape = first.shape
        shape.insert(tensors.count, at: d)
        let out = try Tensor(zeros: shape, dtype: dtype)
        var strides = out.strides
        let step = strides.remove(at: d)
        for (i, t) in tensors.enumerated() {
            copyElements(from: t, into: out.makeView(shape: first.shape, strides: strides, offset: i &* step))
        }
        return out.record("StackBackward0", inputs: tensors, saving: { _ in (dim: d, given: dim) }) { ctx, saved in
            InputGradients(ctx.node.inputs.indices.map { ctx.grad.selectView(saved.dim, $0) })
        }
    }

    /// `hstack`: `cat` along the second dimension (the first for vectors).
    public static func hstack(_ tensors: [Tensor]) throws -> Tensor {
        try checkNotEmpty(tensors, "hstack")
        let parts = try tensors.map { try $0.atLeast(1) }
        return try cat(parts, dim: parts.first?.rank == 1 ? 0 : 1)
    }

    /// `vstack`: `cat` along the first dimension, vectors as rows.
    public static func vstack(_ tensors: [Tensor]) throws -> Tensor {
        try checkNotEmpty(tensors, "vstack")
        return try cat(tensors.map { try $0.atLeast(2) }, dim: 0)
    }

    /// `dstack`: `cat` along the third dimension, of tensors given at least three.
    public static func dstack(_ tensors: [Tensor]) throws -> Tensor {
        try checkNotEmpty(tensors, "dstack")
        return try cat(tensors.map { try $0.atLeast(3) }, dim: 2)
    }

    /// `column_stack`: vectors as columns, side by side with matrices.
    public static func columnStack(_ tensors: [Tensor]) throws -> Tensor {
        try checkNotEmpty(tensors, "column_stack")
        return try hstack(tensors.map { $0.rank <= 1 ? try $0.reshape([$0.numel, 1]) : $0 })
    }

    private static func checkNotEmpty(_ tensors: [Tensor], _ name: String) throws {
        if tensors.isEmpty { throw TorchError.runtime("\(name) expects a non-empty TensorList") }
    }

    /// `atleast_1d/2d/3d`: dimensions of size 1 added as NumPy adds them (in front; a vector
    /// or matrix gets a trailing one for 3), by the views PyTorch composes them of.
    public func atLeast(_ n: Int) throws -> Tensor {
        if rank >= n { return self }
        switch (n, rank) {
        case (_, 0): return try reshape(Array(repeating: 1, count: n))
        case (3, 1): return try unsqueeze(0).unsqueeze(-1)
        case (3, 2): return try unsqueeze(-1)
        default: return try unsqueeze(0)
        }
    }
}

/// `nn.functional.pad`: the last dimensions widened (or, by negative pads, cropped) on each
/// side, with a constant, the input's reflection, its edge elements repeated, or its other end.
public enum PaddingMode: String, Sendable {
    case constant, reflect, replicate, circular
}

extension Tensor {
    /// `pad` lists (left, right) pairs from the last dimension backwards, as PyTorch's `F.pad`.
    public func pad(_ pad: [Int], mode: PaddingMode = .constant, value: Scalar? = nil) throws -> Tensor {
        if pad.count % 2 != 0 { throw TorchError.runtime("Padding length must be divisible by 2") }
        let padded = pad.count / 2
        if padded > rank {
            throw TorchError.runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(rank)")
        }
        // Dimension rank - 1 - k takes pad[2k] before it and pad[2k + 1] after it.
        let sides = (0..<padded).map { k in (dim: rank - 1 - k, before: pad[2 * k], after: pad[2 * k + 1]) }
        if mode == .constant { return try constantPad(sides, value: value ?? .int(0)) }
        guard (1...3).contains(padded), rank == padded + 1 || rank == padded + 2 else {
            throw TorchError.notImplemented("Padding size \(pad.count) is not supported for \(rank)D input tensor.\nSupported combinations for non-constant padding:\n  - 2D or 3D input: padding size = 2 (pads last dimension)\n  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
        }
        var outShape = shape
        for side in sides {
            let size = shape[side.dim]
            if mode == .reflect && (side.before >= size || side.after >= size) {
                throw TorchError.runtime("Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (\(side.before), \(side.after)) at dimension \(side.dim) of input \(Shape.sizeList(shape))")
            }
            if mode == .circular && (side.before > size || side.after > size) {
                throw TorchError.runtime("Padding value causes wrapping around more than once.")
            }
            let kept = size - Swift.max(-side.before, 0) - Swift.max(-side.after, 0)
            if kept <= 0 { throw TorchError.runtime("narrow(): length must be non-negative.") }
            outShape[side.dim] = size &+ side.before &+ side.after
            try Scratch.check(outShape[side.dim], of: Int.self)
        }
        try Scratch.check(try Shape.checkedCount(outShape, dtype: dtype), of: Int.self)
        var sources = shape.map { Array(0..<$0) }
        for side in sides {
            let size = shape[side.dim]
            // Circular padding wraps around what negative pads leave of the dimension.
            let (kept, first) = (size - Swift.max(-side.before, 0) - Swift.max(-side.after, 0), Swift.max(-side.before, 0))
            sources[side.dim] = (0..<outShape[side.dim]).map { o in
                let i = o - side.before
                switch mode {
                case .reflect: return i < 0 ? -i : i >= size ? 2 * (size - 1) - i : i
                case .replicate: return Swift.min(Swift.max(i, 0), size - 1)
                case .circular, .constant:
                    let wrapped = (o - Swift.max(side.before, 0)) % kept
                    return first + (wrapped < 0 ? wrapped + kept : wrapped)
                }
            }
        }
        let strides = Shape.contiguousStrides(shape)
        var positions = [0]
        for d in 0..<rank {
            positions = positions.flatMap { p in sources[d].map { p &+ $0 &* strides[d] } }
        }
        let name: String
        switch mode {
        case .reflect: name = "ReflectionPad\(padded)DBackward0"
        case .replicate: name = "ReplicationPad\(padded)DBackward0"
        // PyTorch composes circular padding of slice copies; its last node is CopySlices.
        case .circular, .constant: name = "CopySlices"
        }
        return try picked(at: positions, shape: outShape, name: name)
    }

    /// Constant padding (ConstantPadNdBackward0): `value` around the input, negative pads
    /// cropping it; the gradient is the output's gradient padded back by the opposite amounts.
    private func constantPad(_ sides: [(dim: Int, before: Int, after: Int)], value: Scalar) throws -> Tensor {
        var outShape = shape
        var inner = detach()
        for side in sides {
            outShape[side.dim] = shape[side.dim] &+ side.before &+ side.after
            let kept = shape[side.dim] - Swift.max(-side.before, 0) - Swift.max(-side.after, 0)
            if kept < 0 { throw TorchError.runtime("narrow(): length must be non-negative.") }
            inner = try inner.narrow(dim: side.dim, start: Swift.max(-side.before, 0), length: kept)
        }
        let out = try Tensor(zeros: outShape, dtype: dtype)
        try GradMode.with(enabled: false) {
            try out.fill_(value)
            var region = out
            for side in sides {
                region = try region.narrow(dim: side.dim, start: Swift.max(side.before, 0), length: inner.shape[side.dim])
            }
            copyElements(from: inner, into: region)
        }
        let pads = sides.flatMap { [-$0.before, -$0.after] }
        return out.record("ConstantPadNdBackward0", inputs: [self], saving: { _ in pads }) { ctx, pads in
            [try ctx.grad.pad(pads)]
        }
    }
}

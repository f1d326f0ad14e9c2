/// How a copy lays its elements out in memory: PyTorch's `torch.preserve_format` (the default of
/// `clone` and `to`), `torch.contiguous_format` and `torch.channels_last`.
public enum MemoryFormat: Sendable {
    /// The source's strides when it is dense without overlap (a transposed or permuted tensor
    /// stays so), else dense in the order of its strides (`MemoryOrder.preservedStrides`).
    case preserve
    /// Row-major.
    case contiguous
    /// A 4-D (N, C, H, W) tensor stored as N, H, W, C.
    case channelsLast

    /// The strides of a copy of `t` in this format.
    func strides(of t: Tensor) throws -> [Int] {
        switch self {
        case .preserve: return MemoryOrder.preservedStrides(of: t)
        case .contiguous: return Shape.contiguousStrides(t.shape)
        case .channelsLast: return try Self.channelsLastStrides(t.shape)
        }
    }

    /// Whether `t` is laid out in this format (`is_contiguous(memory_format=...)`).
    public func holds(_ t: Tensor) throws -> Bool {
        switch self {
        case .preserve: throw TorchError.runtime("is_contiguous: preserve memory format is unsupported")
        case .contiguous: return t.isContiguous
        case .channelsLast:
            guard t.rank == 4 else { return false }
            let expected = try Self.channelsLastStrides(t.shape)
            return (0..<4).allSatisfy { t.shape[$0] == 1 || t.strides[$0] == expected[$0] }
        }
    }

    /// The format PyTorch's `suggest_memory_format` sees in `t`: channels-last for a 4-D tensor
    /// stored so (and not also row-major), else contiguous, whatever its strides.
    static func suggested(for t: Tensor) -> MemoryFormat {
        t.rank == 4 && !t.isContiguous && ((try? channelsLast.holds(t)) ?? false) ? .channelsLast : .contiguous
    }

    private static func channelsLastStrides(_ shape: [Int]) throws -> [Int] {
        guard shape.count == 4 else { throw TorchError.runtime("required rank 4 tensor to use channels_last format") }
        let (c, h, w) = (Swift.max(shape[1], 1), Swift.max(shape[2], 1), Swift.max(shape[3], 1))
        return [h * w * c, 1, w * c, c]
    }
}

/// Copies and conversions: `to(dtype)`, `clone`, `contiguous`, and the `adding` used by the engine.
extension Tensor {
    /// This tensor in `dtype`, laid out in `memoryFormat`: itself when it already is that dtype
    /// and format (as PyTorch judges the format: see `MemoryFormat.suggested`) and no `copy` is
    /// asked for, else a copy.
    public func to(_ dtype: DType, memoryFormat: MemoryFormat = .preserve, copy: Bool = false) throws -> Tensor {
        if !copy, dtype == self.dtype, memoryFormat == .preserve || memoryFormat == MemoryFormat.suggested(for: self) { return self }
        _ = try Shape.checkedCount(shape, dtype: dtype)
        let out = try copied(as: dtype, strides: try memoryFormat.strides(of: self))
        if !dtype.isFloatingPoint { return out }
        return out.record("ToCopyBackward0", inputs: [self], saving: { _ in self.dtype }) { ctx, sourceType in
            [try ctx.grad.to(sourceType)]
        }
    }

    /// A copy laid out in `memoryFormat`; the gradient passes through unchanged.
    public func clone(memoryFormat: MemoryFormat = .preserve) throws -> Tensor {
        try copy(in: memoryFormat)
    }

    private func copy(in memoryFormat: MemoryFormat) throws -> Tensor {
        // A broadcast view can stand for far more elements than memory holds: refuse cleanly.
        _ = try Shape.checkedCount(shape, dtype: dtype)
        let out = try copied(as: dtype, strides: try memoryFormat.strides(of: self))
        return out.record("CloneBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
    }

    /// A contiguous copy with no history.
    func cloneDetached() throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: numel), shape: shape)
        copyElements(from: self, into: out)
        return out
    }

    /// A copy with no history in `layout`'s strides when `layout` is dense without overlap (a
    /// transposed or permuted tensor), else contiguous: PyTorch's gradient layout contract, by
    /// which a leaf's `.grad` is laid out as the leaf.
    func cloneDetached(layoutOf layout: Tensor) throws -> Tensor {
        guard layout.shape == shape, !layout.isContiguous, layout.isNonOverlappingAndDense else { return try cloneDetached() }
        return try copied(as: dtype, strides: layout.strides)
    }

    /// Itself when laid out in `memoryFormat` already, else a copy that is (`contiguous()` and
    /// `contiguous(memory_format=torch.channels_last)`).
    public func contiguous(memoryFormat: MemoryFormat = .contiguous) throws -> Tensor {
        if memoryFormat == .preserve { throw TorchError.runtime("preserve memory format is unsupported by the contiguous operator") }
        return try memoryFormat.holds(self) ? self : try clone(memoryFormat: memoryFormat)
    }

    /// `self + other` for gradients flowing through the engine.
    func adding(_ other: Tensor) throws -> Tensor { try add(other) }
}

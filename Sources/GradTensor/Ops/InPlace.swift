/// In-place ops (`add_`, `-=`, `zero_`, `copy_`, ...): compute the result, write it into this
/// tensor's storage, bump the version counter, and move the tensor's place in the graph.
extension Tensor {
    /// PyTorch's refusals: in-place on a leaf (or a view of one) that requires grad while recording.
    func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if isLeaf && requiresGrad {
            if viewBase == nil {
                throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
            }
        }
        if let base = viewBase, base.isLeaf, base.requiresGrad {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Runs `compute` on this tensor's current value and stores the result in place.
    @discardableResult
    func updateInPlace(with other: Tensor? = nil, _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        if let other {
            // PyTorch checks the operands' memory before their shapes.
            if overlap(with: other) == .partial { throw TorchError.runtime(Tensor.overlapMessage) }
            let shape = try Shape.broadcast(self.shape, other.shape)
            if shape != self.shape {
                throw TorchError.runtime("output with shape \(Shape.sizeList(self.shape)) doesn't match the broadcast shape \(Shape.sizeList(shape))")
            }
        }
        let recording = recordsInPlace(with: other)
        if recording, let base = viewBase {
            return try updateViewInPlace(base: base, compute)
        }
        // When recording, the op reads a snapshot so the formula's saved input is the old value.
        let input = recording ? snapshotAtSameGraphPosition() : self
        let result = try compute(input)
        if !TypePromotion.canCast(result.dtype, to: dtype) {
            throw TorchError.runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        copyElements(from: result, into: self)
        versionCounter.bump()
        if recording, let node = result.gradFn {
            gradFn = node
            requiresGrad = true
        }
        return self
    }

    /// Whether an in-place op with `other` enters the graph.
    private func recordsInPlace(with other: Tensor?) -> Bool {
        GradMode.isEnabled && (requiresGrad || (viewBase?.requiresGrad ?? false) || (other?.requiresGrad ?? false))
    }

    /// The common unrecorded update (`w -= lr * w.grad` under no_grad) written straight into a
    /// contiguous float tensor: by a contiguous tensor of its shape and dtype, or by one number.
    /// The same arithmetic as the op followed by the copy, without the temporary. False when
    /// the case does not apply and `updateInPlace` must do it.
    private func updateDirectly(_ op: ArithmeticOp, _ other: Tensor) -> Bool {
        guard dtype.isFloatingPoint, isContiguous, !recordsInPlace(with: other) else { return false }
        let byNumber = other.numel == 1 && other.rank <= rank
        guard other.storage !== storage, byNumber || (other.shape == shape && other.dtype == dtype && other.isContiguous),
              TypePromotion.resultType(self, other) == dtype else { return false }
        // Nothing recorded means no leaf that requires grad is written: PyTorch's refusals
        // (`checkInPlaceAllowed`) cannot apply.
        func apply<T: FloatElement>(_: T.Type, _ f: (T, T) -> T) {
            let dst = storage.pointer(T.self) + offset
            withExtendedLifetime(other) {
                if let v = other.onlyElement(T.self) {
                    for i in 0..<numel { dst[i] = f(dst[i], v) }
                } else {
                    let src = other.storage.pointer(T.self) + other.offset
                    for i in 0..<numel { dst[i] = f(dst[i], src[i]) }
                }
            }
        }
        func apply<T: FloatElement>(_: T.Type) -> Bool {
            switch op {
            case .add: apply(T.self, +)
            case .sub: apply(T.self, -)
            case .mul: apply(T.self, *)
            case .div: apply(T.self, /)
            default: return false
            }
            return true
        }
        let done = dtype == .float32 ? apply(Float.self) : apply(Double.self)
        if done { versionCounter.bump() }
        return done
    }

    /// A copy of this tensor's data that sits where this tensor sits in the graph.
    private func snapshotAtSameGraphPosition() -> Tensor {
        let copy = cloneDetached()
        copy.gradFn = gradFn
        copy.requiresGrad = requiresGrad
        return copy
    }

    @discardableResult public func add_(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        if alpha == nil, updateDirectly(.add, other) { return self }
        return try updateInPlace(with: other) { try $0.add(other, alpha: alpha) }
    }

    @discardableResult public func sub_(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        if alpha == nil, updateDirectly(.sub, other) { return self }
        return try updateInPlace(with: other) { try $0.sub(other, alpha: alpha) }
    }

    @discardableResult public func mul_(_ other: Tensor) throws -> Tensor {
        if updateDirectly(.mul, other) { return self }
        return try updateInPlace(with: other) { try $0.mul(other) }
    }

    @discardableResult public func div_(_ other: Tensor) throws -> Tensor {
        if updateDirectly(.div, other) { return self }
        return try updateInPlace(with: other) { try $0.div(other) }
    }

    @discardableResult public func pow_(_ other: Tensor) throws -> Tensor {
        try updateInPlace(with: other) { try $0.pow(other) }
    }

    @discardableResult public func floorDivide_(_ other: Tensor) throws -> Tensor {
        try updateInPlace(with: other) { try $0.floorDivide(other) }
    }

    @discardableResult public func remainder_(_ other: Tensor) throws -> Tensor {
        try updateInPlace(with: other) { try $0.remainder(other) }
    }

    @discardableResult public func zero_() throws -> Tensor {
        try fill_(.int(0))
    }

    @discardableResult public func fill_(_ value: Scalar) throws -> Tensor {
        // Unrecorded (`w.grad.zero_()`): written straight into a contiguous tensor (no leaf that
        // requires grad is written, so none of PyTorch's in-place refusals applies).
        if isContiguous && !recordsInPlace(with: nil) {
            fillUnchecked(value)
            versionCounter.bump()
            return self
        }
        return try updateInPlace { t in
            let filled = try Tensor.full(t.shape, value, dtype: t.dtype)
            return filled.record("FillBackward0", inputs: [t]) { ctx, _ in [try ctx.grad.mul(.wrapping(.int(0)))] }
        }
    }

    /// `copy_(src)`: src broadcast into this tensor, converting dtype.
    @discardableResult public func copy_(_ src: Tensor) throws -> Tensor {
        try updateInPlace(with: src) { t in
            let shape = t.shape, dtype = t.dtype, srcType = src.dtype
            let out = Tensor(storage: Storage.make(dtype: dtype, count: t.numel), shape: shape)
            copyElements(from: src, into: out)
            return out.record("CopyBackward0", inputs: [t, src]) { ctx, _ in
                [try ctx.grad.mul(.wrapping(.int(0))), try ctx.grad.to(srcType)]
            }
        }
    }

    /// Accumulates a gradient into `.grad` in place (the engine's `+=`, outside any recording).
    func addInPlaceUnchecked(_ g: Tensor) throws {
        // The usual case, a float gradient of the parameter's own shape, adds straight into
        // the storage as PyTorch's AccumulateGrad does: no temporary the size of the parameter.
        if isContiguous && g.shape == shape && g.dtype == dtype && g.storage !== storage {
            switch dtype {
            case .float32: return accumulate(g, Float.self)
            case .float64: return accumulate(g, Double.self)
            case .int64, .bool: break
            }
        }
        let sum = try binaryWithoutGraph(.add, g)
        copyElements(from: sum, into: self)
        versionCounter.bump()
    }

    private func accumulate<T: FloatElement>(_ g: Tensor, _: T.Type) {
        let dst = storage.pointer(T.self) + offset
        withExtendedLifetime(g) {
            let src = g.storage.pointer(T.self)
            if g.isContiguous {
                let s = src + g.offset
                for i in 0..<numel { dst[i] += s[i] }
            } else {
                let n = shape.last ?? 1, step = g.strides.last ?? 0
                forEachRow(shape, g.strides, g.offset, g.strides, 0) { o, p, _ in
                    for i in 0..<n { dst[o &+ i] += src[p &+ i &* step] }
                }
            }
        }
        versionCounter.bump()
    }
}

extension TypePromotion {
    /// Whether an op's result may be written into a tensor of `target` dtype (no float into int,
    /// no int into bool), PyTorch's `canCast`.
    public static func canCast(_ from: DType, to target: DType) -> Bool {
        if from.isFloatingPoint && !target.isFloatingPoint { return false }
        if from != .bool && target == .bool { return false }
        return true
    }
}

/// In-place ops (`add_`, `-=`, `zero_`, `copy_`, ...), each written by `write` (InPlaceWrite.swift).

/// A write that `write`, when it is not recorded, may do straight in a contiguous tensor's
/// storage without a temporary.
enum DirectWrite {
    case none
    /// `self = self op operand`, for an operand that is one number or a contiguous tensor of
    /// this shape and dtype (`w -= lr * w.grad`).
    case combine(ArithmeticOp)
    /// Every element set to a number (`w.grad.zero_()`).
    case fill(Scalar)
}

extension Tensor {
    @discardableResult public func add_(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        try update(with: other, directly: alpha == nil ? .add : nil) { try $0.add(other, alpha: alpha) }
    }

    @discardableResult public func sub_(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        try update(with: other, directly: alpha == nil ? .sub : nil) { try $0.sub(other, alpha: alpha) }
    }

    /// `&= |= ^=`.
    /// `bitwise_and_` and the others: PyTorch refuses a result it cannot store (`int &= 1.5`)
    /// before its kernel refuses a float operand.
    @discardableResult public func bitwise_(_ op: BitwiseOp, _ other: Tensor) throws -> Tensor {
        let resultType = TypePromotion.resultType(self, other)
        if !TypePromotion.canCast(resultType, to: dtype) {
            throw TypePromotion.castRefusal(resultType, to: dtype)
        }
        return try update(with: other) { try $0.bitwise(op, other) }
    }

    @discardableResult public func mul_(_ other: Tensor) throws -> Tensor {
        try update(with: other, directly: .mul) { try $0.mul(other) }
    }

    @discardableResult public func div_(_ other: Tensor) throws -> Tensor {
        try update(with: other, directly: .div) { try $0.div(other) }
    }

    @discardableResult public func pow_(_ other: Tensor) throws -> Tensor {
        try update(with: other) { try $0.pow(other) }
    }

    @discardableResult public func floorDivide_(_ other: Tensor) throws -> Tensor {
        try update(with: other) { try $0.floorDivide(other) }
    }

    @discardableResult public func remainder_(_ other: Tensor) throws -> Tensor {
        try update(with: other) { try $0.remainder(other) }
    }

    @discardableResult public func zero_() throws -> Tensor {
        try fill(.int(0), name: "ZeroBackward0")
    }

    @discardableResult public func fill_(_ value: Scalar) throws -> Tensor {
        try fill(value, name: "FillBackward2")
    }

    /// `fill_(value)` with a 0-dim tensor: PyTorch's fill_.Tensor, a copy_ of the value to every
    /// element, whose gradient flows to the value (FillBackward3).
    @discardableResult public func fill_(_ value: Tensor) throws -> Tensor {
        try write(from: value, .replace(name: "FillBackward3")) { _ in (value, nil) }
    }

    /// `copy_(src)`: src broadcast into this tensor, converting dtype.
    @discardableResult public func copy_(_ src: Tensor) throws -> Tensor {
        try write(from: src, .replace(name: "CopyBackwards")) { _ in
            try checkInPlaceOperand(src)
            return (src, nil)
        }
    }

    /// `self = op(self)` for an op of this tensor alone (`sin_`, `abs_`, `clamp_`), recorded
    /// as the op's own node (SinBackward0).
    @discardableResult public func apply_(_ op: (Tensor) throws -> Tensor) throws -> Tensor {
        try update(with: nil, op)
    }

    /// `self = compute(self)` for an op with operand `other` (nil for a one-tensor op). `op`,
    /// when given, is the op the unrecorded fast path may do straight in the storage.
    @inline(__always)
    private func update(with other: Tensor?, directly op: ArithmeticOp? = nil,
                        _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try write(from: other, .update, directly: op.map { .combine($0) } ?? .none) { current in
            if let other { try checkInPlaceOperand(other) }
            let result = try compute(current)
            try checkInPlaceResultShape(result.shape)
            if !TypePromotion.canCast(result.dtype, to: dtype) {
                throw TypePromotion.castRefusal(result.dtype, to: dtype)
            }
            return (result, nil)
        }
    }

    /// Every element set to `value`, recorded as `name` (ZeroBackward0, FillBackward2).
    @inline(__always)
    private func fill(_ value: Scalar, name: String) throws -> Tensor {
        try write(from: nil, .replace(name: name), directly: .fill(value)) { _ in (try filler(value), nil) }
    }

    /// PyTorch's checks of an in-place op's operand: its memory first, then its shape.
    private func checkInPlaceOperand(_ other: Tensor) throws {
        if overlap(with: other) == .partial { throw TorchError.runtime(Tensor.overlapMessage) }
        try checkInPlaceResultShape(try Shape.broadcast(self.shape, other.shape))
    }

    /// An in-place op cannot grow its target (`x.clamp_(min=bounds)` with bounds of more dimensions).
    private func checkInPlaceResultShape(_ shape: [Int]) throws {
        if shape != self.shape {
            throw TorchError.runtime("output with shape \(Shape.sizeList(self.shape)) doesn't match the broadcast shape \(Shape.sizeList(shape))")
        }
    }

    /// Does `direct` straight in this tensor's storage, `operand` being the write's operand;
    /// false when the case does not apply.
    func writesDirectly(_ direct: DirectWrite, _ operand: Tensor?) -> Bool {
        switch direct {
        case .none: false
        case .combine(let op): operand.map { combineDirectly(op, $0) } ?? false
        case .fill(let value): fillDirectly(value)
        }
    }

    /// `fill_` straight into a contiguous tensor (`w.grad.zero_()`); false when it does not apply.
    private func fillDirectly(_ value: Scalar) -> Bool {
        guard isContiguous, (try? checkFillable(value)) != nil else { return false }
        fillUnchecked(value)
        return true
    }

    /// `self = self op other` straight into this contiguous float tensor, for an operand that is
    /// one number or a contiguous tensor of this shape and dtype (`w -= lr * w.grad`): the same
    /// arithmetic as the op followed by the copy, without the temporary. False when the case
    /// does not apply.
    private func combineDirectly(_ op: ArithmeticOp, _ other: Tensor) -> Bool {
        guard dtype == .float32 || dtype == .float64, isContiguous else { return false }
        let byNumber = other.numel == 1 && other.rank <= rank
        guard other.storage !== storage, byNumber || (other.shape == shape && other.dtype == dtype && other.isContiguous),
              TypePromotion.resultType(self, other) == dtype else { return false }
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
        return dtype == .float32 ? apply(Float.self) : apply(Double.self)
    }

    /// Accumulates a gradient into `.grad` in place (the engine's `+=`, outside any recording).
    func addInPlaceUnchecked(_ g: Tensor) throws {
        // The usual case, a float gradient of the parameter's own shape, adds straight into
        // the storage as PyTorch's AccumulateGrad does: no temporary the size of the parameter.
        if isContiguous && g.shape == shape && g.dtype == dtype && g.storage !== storage {
            switch dtype {
            case .float32: return accumulate(g, Float.self)
            case .float64: return accumulate(g, Double.self)
            default: break
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

    /// PyTorch's error for a result that `canCast` refuses.
    static func castRefusal(_ from: DType, to target: DType) -> TorchError {
        TorchError.runtime("result type \(from.scalarTypeName) can't be cast to the desired output type \(target.scalarTypeName)")
    }
}

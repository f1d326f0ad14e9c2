import RealModule

/// Elementwise functions of two (or three) broadcast tensors computed in floating point:
/// `atan2`, `hypot`, `lerp`, each forward beside the backward of PyTorch's derivatives.yaml.
extension Tensor {
    public func atan2(_ other: Tensor) throws -> Tensor {
        try mapFloatPair(other, { .atan2(y: $0, x: $1) }, { .atan2(y: $0, x: $1) })
            .record("Atan2Backward0", inputs: [self, other],
                    saving: { (input: $0.slot(self), other: $0.slot(other)) }) { ctx, saved in
                let scale = try ctx.saved(saved.input).mul(ctx.saved(saved.input)).add(ctx.saved(saved.other).mul(ctx.saved(saved.other))).reciprocal()
                return [ctx.needs(0) ? try ctx.grad.mul(ctx.saved(saved.other)).mul(scale) : nil,
                        ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.input).neg()).mul(scale) : nil]
            }
    }

    public func hypot(_ other: Tensor) throws -> Tensor {
        guard dtype.isFloatingPoint || other.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"hypot_cpu\" not implemented for '\(TypePromotion.resultType(self, other).scalarTypeName)'")
        }
        return try mapFloatPair(other, { .hypot($0, $1) }, { .hypot($0, $1) })
            .record("HypotBackward0", inputs: [self, other], savesOutput: true,
                    saving: { (input: $0.slot(self), other: $0.slot(other)) }) { ctx, saved in
                [ctx.needs(0) ? try ctx.grad.mul(ctx.saved(saved.input)).div(ctx.output) : nil,
                 ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.other)).div(ctx.output) : nil]
            }
    }

    /// `self + weight * (end - self)` for a number `weight`, as PyTorch's kernel computes it:
    /// one fused multiply-add from the nearer end (`end + (weight - 1) * (end - self)` for
    /// `|weight| >= 0.5`).
    public func lerp(_ end: Tensor, weight: Scalar) throws -> Tensor {
        try checkLerpOperands(end, nil)
        let w = weight.doubleValue
        let out = try mapFloatPair(end, { Float.lerp($0, $1, Float(w)) }, { Double.lerp($0, $1, w) })
        return out.record("LerpBackward0", inputs: [self, end]) { ctx, _ in
            [ctx.needs(0) ? try ctx.grad.mul(.wrapping(.double(1 - w))) : nil,
             ctx.needs(1) ? try ctx.grad.mul(.wrapping(.double(w))) : nil]
        }
    }

    /// `lerp` with a tensor of weights, broadcast with both ends.
    public func lerp(_ end: Tensor, weight: Tensor) throws -> Tensor {
        try checkLerpOperands(end, weight)
        let shape = try Shape.broadcast(Shape.broadcast(self.shape, end.shape), weight.shape)
        let (a, b, w) = try (expand(shape).detach().widened(), end.expand(shape).detach().widened(),
                             weight.expand(shape).detach().widened())
        var out: Tensor
        switch a.dtype {
        case .float64: out = try Tensor.lerpKernel(a, b, w, Double.self)
        default: out = try Tensor.lerpKernel(a, b, w, Float.self)
        }
        out = try out.narrowed(to: dtype)
        return out.record("LerpBackward1", inputs: [self, end, weight],
                          saving: { (input: $0.slot(self), end: $0.slot(end), weight: $0.slot(weight)) }) { ctx, saved in
            [ctx.needs(0) ? try ctx.grad.mul(ctx.saved(saved.weight).rsub(.int(1))) : nil,
             ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.weight)) : nil,
             ctx.needs(2) ? try ctx.grad.mul(ctx.saved(saved.end).sub(ctx.saved(saved.input))) : nil]
        }
    }

    /// PyTorch's checks: floating ends of one dtype, and a weight of that dtype too.
    private func checkLerpOperands(_ end: Tensor, _ weight: Tensor?) throws {
        if end.dtype != dtype {
            throw TorchError.runtime("expected dtype \(dtype.scalarTypeName) for `end` but got dtype \(end.dtype.scalarTypeName)")
        }
        if let weight, weight.dtype != dtype {
            throw TorchError.runtime("expected dtype \(dtype.scalarTypeName) for `weight` but got dtype \(weight.dtype.scalarTypeName)")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"lerp_kernel_scalar\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    private static func lerpKernel<T: FloatElement>(_ a: Tensor, _ b: Tensor, _ w: Tensor, _: T.Type) throws -> Tensor {
        let (x, y, z) = try (a.materialized(), b.materialized(), w.materialized())
        let out = Tensor(storage: try Storage.make(dtype: T.dtype, uninitializedCount: x.numel), shape: x.shape)
        withExtendedLifetime((x, y, z)) {
            let px = x.storage.pointer(T.self) + x.offset, py = y.storage.pointer(T.self) + y.offset
            let pz = z.storage.pointer(T.self) + z.offset, dst = out.storage.pointer(T.self)
            for i in 0..<out.numel { dst[i] = T.lerp(px[i], py[i], pz[i]) }
        }
        return out
    }

    /// `f` over this tensor and `other` broadcast, in their promoted dtype, or float32 when that
    /// is not floating (as PyTorch's float ops promote integers).
    func mapFloatPair(_ other: Tensor, _ f32: (Float, Float) -> Float, _ f64: (Double, Double) -> Double) throws -> Tensor {
        var dtype = TypePromotion.resultType(self, other)
        if !dtype.isFloatingPoint { dtype = .defaultFloat }
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let a = try widened(through: dtype), b = try other.widened(through: dtype)
        return try (a.dtype == .float64
            ? mapBinary(a, b, shape: shape, Double.self, Double.self, f64)
            : mapBinary(a, b, shape: shape, Float.self, Float.self, f32)).narrowed(to: dtype)
    }
}

private extension FloatElement {
    @inline(__always) static func lerp(_ start: Self, _ end: Self, _ weight: Self) -> Self {
        Swift.abs(weight) < 0.5 ? start.addingProduct(weight, end - start) : end.addingProduct(weight - 1, end - start)
    }
}

/// Pointwise ops of three operands whose rounding PyTorch's CPU kernels fix: `add`/`sub` with
/// `alpha` (one fused multiply-add, `fma(other, alpha, self)`), `addcmul` (`fma(value * t1, t2, self)`)
/// and `addcdiv` (`self + value * t1 / t2`, no fusion). The optimizers are written with them, so
/// their updates equal PyTorch's to the last bit only if these round as PyTorch's do.
extension Tensor {
    /// `self + alpha * other` on floating tensors, rounded once.
    func addScaled(_ other: Tensor, alpha scale: Double) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let a = try widened(through: dtype), b = try other.widened(through: dtype)
        return try (a.dtype == .float64
            ? mapBinary(a, b, shape: shape, Double.self, Double.self) { $0.addingProduct($1, scale) }
            : mapBinary(a, b, shape: shape, Float.self, Float.self) { $0.addingProduct($1, Float(scale)) }).narrowed(to: dtype)
    }

    /// `addcmul(t1, t2, value)`: `self + value * t1 * t2`.
    public func addcmul(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws -> Tensor {
        let dtype = TypePromotion.resultType([self, t1, t2])
        let out: Tensor
        if dtype.isFloatingPoint {
            out = try Tensor.fusedFloat(self, t1, t2, value: value, dtype: dtype,
                                        { s, a, b, v in s.addingProduct(v * a, b) }, { s, a, b, v in s.addingProduct(v * a, b) })
        } else {
            out = try detach().add(t1.detach().mul(try .wrapping(value)).mul(t2.detach()))
        }
        return out.record("AddcmulBackward0", inputs: [self, t1, t2],
                          saving: { (t1: $0.slot(t1), t2: $0.slot(t2), value: value) }) { ctx, saved in
            [ctx.grad,
             ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.t2)).mul(try .wrapping(saved.value)) : nil,
             ctx.needs(2) ? try ctx.grad.mul(ctx.saved(saved.t1)).mul(try .wrapping(saved.value)) : nil]
        }
    }

    /// `addcdiv(t1, t2, value)`: `self + value * t1 / t2`, for floating tensors only, as in PyTorch.
    public func addcdiv(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws -> Tensor {
        if !t1.dtype.isFloatingPoint && !t2.dtype.isFloatingPoint {
            throw TorchError.runtime("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.")
        }
        let dtype = TypePromotion.resultType([self, t1, t2])
        let out = try Tensor.fusedFloat(self, t1, t2, value: value, dtype: dtype,
                                        { s, a, b, v in s + v * a / b }, { s, a, b, v in s + v * a / b })
        return out.record("AddcdivBackward0", inputs: [self, t1, t2],
                          saving: { (t1: $0.slot(t1), t2: $0.slot(t2), value: value) }) { ctx, saved in
            let scaled = try ctx.grad.mul(try .wrapping(saved.value))
            return [ctx.grad,
                    ctx.needs(1) ? try scaled.div(ctx.saved(saved.t2)) : nil,
                    ctx.needs(2) ? try scaled.neg().mul(ctx.saved(saved.t1)).div(ctx.saved(saved.t2)).div(ctx.saved(saved.t2)) : nil]
        }
    }

    /// `f(x, y, z, value)` elementwise over three operands broadcast together, each converted to
    /// floating `dtype` first (as PyTorch's TensorIterator casts to the common dtype), `value` too.
    private static func fusedFloat(_ x: Tensor, _ y: Tensor, _ z: Tensor, value: Scalar, dtype: DType,
                                   _ f32: (Float, Float, Float, Float) -> Float,
                                   _ f64: (Double, Double, Double, Double) -> Double) throws -> Tensor {
        let v = value.doubleValue
        return try fusedFloat(x, y, z, dtype: dtype, { a, b, c in f32(a, b, c, Float(v)) }, { a, b, c in f64(a, b, c, v) })
    }

    private static func fusedFloat(_ x: Tensor, _ y: Tensor, _ z: Tensor, dtype: DType,
                                   _ f32: (Float, Float, Float) -> Float,
                                   _ f64: (Double, Double, Double) -> Double) throws -> Tensor {
        let shape = try Shape.broadcast(Shape.broadcast(x.shape, y.shape), z.shape)
        let compute = dtype.computeType
        // Run on the operands viewed in the result's memory order (`MemoryOrder`), where the
        // kernel's row-major loop is that order.
        func run(_ operands: [Tensor], _ shape: [Int]) throws -> Tensor {
            let (a, b, c) = try (operands[0].expand(shape).widened(through: dtype).materialized(as: compute),
                                 operands[1].expand(shape).widened(through: dtype).materialized(as: compute),
                                 operands[2].expand(shape).widened(through: dtype).materialized(as: compute))
            return compute == .float64 ? try ternaryKernel(a, b, c, f64) : try ternaryKernel(a, b, c, f32)
        }
        let operands = [x.detach(), y.detach(), z.detach()]
        return try (MemoryOrder.computed(operands, shape: shape, run) ?? run(operands, shape)).narrowed(to: dtype)
    }

    private static func ternaryKernel<T: FloatElement>(_ a: Tensor, _ b: Tensor, _ c: Tensor,
                                                       _ f: (T, T, T) -> T) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: T.dtype, uninitializedCount: a.numel), shape: a.shape)
        withExtendedLifetime((a, b, c)) {
            let pa = a.storage.pointer(T.self) + a.offset, pb = b.storage.pointer(T.self) + b.offset
            let pc = c.storage.pointer(T.self) + c.offset, dst = out.storage.pointer(T.self)
            for i in 0..<out.numel { dst[i] = f(pa[i], pb[i], pc[i]) }
        }
        return out
    }
}

/// `torch.where(condition, a, b)`: elements of `a` where the condition holds, else of `b`.
extension Tensor {
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(a, b)
        let shape = try Shape.broadcastResult(Shape.broadcast(condition.shape, a.shape), b.shape, dtype: dtype)
        // Converted in their own layouts, so that the result follows their memory order as
        // PyTorch's TensorIterator lays it out (`MemoryOrder`).
        let operands = [try condition.detach().convertedIfNeeded(to: .bool), try a.detach().convertedIfNeeded(to: dtype),
                        try b.detach().convertedIfNeeded(to: dtype)]
        let select = { (operands: [Tensor], shape: [Int]) throws -> Tensor in
            let (mask, x, y) = (try operands[0].expand(shape).materialized(), try operands[1].expand(shape).materialized(),
                                try operands[2].expand(shape).materialized())
            let out = Tensor(storage: try Storage.make(dtype: dtype, count: Shape.count(shape)), shape: shape)
            dtype.dispatch(Selection(mask: mask, x: x, y: y, out: out))
            return out
        }
        let out = try MemoryOrder.computed(operands, shape: shape, select) ?? select(operands, shape)
        return out.record("WhereBackward0", inputs: [a, b], saving: condition) { ctx, condition in
            let zero = try Tensor.wrapping(.int(0))
            return [ctx.needs(0) ? try Tensor.where(condition, ctx.grad, zero) : nil,
                    ctx.needs(1) ? try Tensor.where(condition, zero, ctx.grad) : nil]
        }
    }

}

/// `where`'s element choice, for any element type.
private struct Selection: ElementVisitor {
    let mask: Tensor, x: Tensor, y: Tensor, out: Tensor

    func visit<T: ConvertibleElement>(_: T.Type) {
        withExtendedLifetime((mask, x, y)) {
            let m = mask.storage.pointer(Bool.self) + mask.offset
            let px = x.storage.pointer(T.self) + x.offset, py = y.storage.pointer(T.self) + y.offset
            let dst = out.storage.pointer(T.self)
            for i in 0..<out.numel { dst[i] = m[i] ? px[i] : py[i] }
        }
    }
}

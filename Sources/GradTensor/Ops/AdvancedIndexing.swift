/// Advanced indexing (`t[[0, 2]]`, `t[mask]`): a copy of the chosen elements, and its adjoint,
/// which adds values into zeros at the chosen places. Each is the other's backward, so gradients
/// of any order follow.
extension Tensor {
    /// `at::index(self, indices)`: `indices[d]` indexes dimension `d` (nil: taken whole).
    func advancedIndex(_ indices: [Tensor?]) throws -> Tensor {
        try indexed(by: AdvancedIndexPlan(indices, sourceShape: shape, dtype: dtype))
    }

    /// The elements `plan` selects, as a new contiguous tensor (IndexBackward0).
    func indexed(by plan: AdvancedIndexPlan) throws -> Tensor {
        // The result first, as PyTorch allocates it before its index kernel checks the indices.
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: Shape.count(plan.resultShape)), shape: plan.resultShape)
        let offsets = try plan.offsets(in: self)
        gatherElements(self, at: offsets, into: out)
        return out.record("IndexBackward0", inputs: [self], saving: { $0.keep(plan) }) { ctx, plan in
            [try ctx.grad.accumulated(into: ctx.inputShape(0), by: plan)]
        }
    }

    /// Zeros of `shape` with this tensor's elements added at the places `plan` selects
    /// (`_index_put_impl_(zeros, indices, self, accumulate=True)`, IndexPutImplBackward0).
    func accumulated(into shape: [Int], by plan: AdvancedIndexPlan) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: dtype)
        let offsets = try plan.offsets(in: out)
        try scatterElements(broadcastCopy(to: plan.resultShape, dtype: dtype), into: out, at: offsets, combine: .sum)
        return out.record("IndexPutImplBackward0", inputs: [self], saving: { $0.keep(plan) }) { ctx, plan in
            [try ctx.grad.indexed(by: plan)]
        }
    }
}

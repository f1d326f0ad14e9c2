/// In-place forms of ops that read tensors besides their target (`index_put_`, `addmv_`):
/// the op computed out of place and written back through `write`, which records it.
extension Tensor {
    /// An in-place form: this tensor replaced by `compute` of its current values, an op that
    /// also reads `operand` (recorded as the op's node, or CopySlices through a view).
    @discardableResult public func updated(reading operand: Tensor, _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try write(from: operand, .update) { current in
            let result = try compute(current)
            if result.shape != shape {
                throw TorchError.runtime("output with shape \(Shape.sizeList(shape)) doesn't match the broadcast shape \(Shape.sizeList(result.shape))")
            }
            return (result, nil)
        }
    }
}

/// `torch.f(..., out=t)`: an op's result written into a tensor the caller gave.
extension Tensor {
    /// What writing `result` into this tensor as op `name`'s `out=` argument involves: refused
    /// while recording, or when the result's dtype does not cast to this one.
    /// `inputs` are the op's tensors, which this one may be but may not partly overlap.
    /// `resized` is true when this tensor had elements but another shape (PyTorch warns then); a
    /// resized tensor takes the result's strides when they are dense.
    public func receiveOutput(_ result: Tensor, of name: String, inputs: [Tensor]) throws -> (out: Tensor, resized: Bool) {
        if inputs.contains(where: { overlap(with: $0) == .partial }) { throw TorchError.runtime(Tensor.overlapMessage) }
        if GradMode.isEnabled && (result.requiresGrad || requiresGrad) {
            throw TorchError.runtime("\(name)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        if !TypePromotion.canCast(result.dtype, to: dtype) {
            throw TypePromotion.castRefusal(result.dtype, to: dtype)
        }
        var resized = false
        if shape != result.shape {
            resized = numel != 0
            // Resized as PyTorch resizes it: to the strides the op gives its own result.
            let strides = result.isNonOverlappingAndDense ? result.strides : Shape.contiguousStrides(result.shape)
            layout = Layout(storage: try Storage.make(dtype: dtype, count: result.numel), shape: result.shape,
                            strides: strides, offset: 0)
        }
        copyElements(from: result, into: self)
        versionCounter.bump()
        return (self, resized)
    }
}

/// `addmm(input, mat1, mat2)`: `input + mat1 · mat2` as one node, `AddmmBackward0`, the op that
/// `nn.Linear` runs for a batch (PyTorch's `linear` calls it with the bias).
extension Tensor {
    public static func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor) throws -> Tensor {
        try mat1.checkMatrixProduct(mat2, op: "addmm")
        let size = [mat1.shape[0], mat2.shape[1]]
        let expanded = try input.expand(size)
        guard mat1.dtype == mat2.dtype else {
            throw TorchError.runtime("mat1 and mat2 must have the same dtype, but got \(mat1.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        guard input.dtype == mat2.dtype else {
            throw TorchError.runtime("self and mat2 must have the same dtype, but got \(input.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        // The GEMM adds its sum to the output already holding `input`: the same rounding as
        // adding the finished product to it.
        let out = try GradMode.with(enabled: false) { try mat1.matrixProduct(mat2).add(expanded) }
        return out.record("AddmmBackward0", inputs: [input, mat1, mat2],
                          saving: { $0.saveMatrixProduct(mat1, mat2, inOrder: true) }) { ctx, saved in
            let grads = try Tensor.matrixProductGradients(ctx, saved, needs: (ctx.needs(1), ctx.needs(2)))
            return [ctx.needs(0) ? ctx.grad : nil, grads.mat1, grads.mat2]
        }
    }

    /// `nn.functional.linear(input, weight, bias)`: `input · weightᵀ + bias`, composed as
    /// PyTorch's `at::linear` composes it, so the result's `grad_fn` is PyTorch's: addmm for a
    /// matrix with a bias, addmm over the flattened rows of a contiguous input (then a view back),
    /// else matmul followed by an in-place add of the bias.
    public func linear(_ weight: Tensor, bias: Tensor?) throws -> Tensor {
        let weightT = try weight.t()
        guard let bias else { return try matmul(weightT) }
        if rank == 2 { return try Tensor.addmm(bias, self, weightT) }
        if isContiguous && rank > 0 && bias.rank == 1 {
            let rows = shape.dropLast().reduce(1, *)
            let result = try Tensor.addmm(bias, try view([rows, shape[rank - 1]]), weightT)
            return result.unsafeView(shape.dropLast() + [result.shape[1]])
        }
        return try matmul(weightT).add(bias)
    }
}

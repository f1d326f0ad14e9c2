/// `addmm(input, mat1, mat2, beta:, alpha:)`: `beta · input + alpha · mat1 · mat2` as one node,
/// `AddmmBackward0`, the op that `nn.Linear` runs for a batch (PyTorch's `linear` calls it with
/// the bias).
extension Tensor {
    /// `beta` and `alpha` nil mean 1 (and cost nothing).
    public static func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar? = nil, alpha: Scalar? = nil) throws -> Tensor {
        try mat1.checkMatrixProduct(mat2, op: "addmm")
        let size = [mat1.shape[0], mat2.shape[1]]
        let expanded = try input.expand(size)
        guard mat1.dtype == mat2.dtype else {
            throw TorchError.runtime("mat1 and mat2 must have the same dtype, but got \(mat1.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        guard input.dtype == mat2.dtype else {
            throw TorchError.runtime("self and mat2 must have the same dtype, but got \(input.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        // Integer tensors take the scales as integers (PyTorch truncates 0.5 to 0).
        func converted(_ scale: Scalar?) -> Scalar? {
            guard let scale, case .double = scale, !mat1.dtype.isFloatingPoint else { return scale }
            return .int(scale.int64Value)
        }
        let (beta, alpha) = (converted(beta), converted(alpha))
        let out = try GradMode.with(enabled: false) { try scaledProductSum(expanded, mat1, mat2, beta: beta, alpha: alpha) }
        return out.record("AddmmBackward0", inputs: [input, mat1, mat2],
                          saving: { (product: $0.saveMatrixProduct(mat1, mat2, inOrder: true), alpha: alpha, beta: beta) }) { ctx, saved in
            let grads = try Tensor.matrixProductGradients(ctx, saved.product, needs: (ctx.needs(1), ctx.needs(2)))
            // PyTorch multiplies by a scale other than 1 after the product.
            func scaled(_ g: Tensor?, _ scale: Scalar?) throws -> Tensor? {
                guard let g, let scale, scale.doubleValue != 1 else { return g }
                return try g.mul(.wrapping(scale))
            }
            return [ctx.needs(0) ? try scaled(ctx.grad, saved.beta) : nil, try scaled(grads.mat1, saved.alpha), try scaled(grads.mat2, saved.alpha)]
        }
    }

    /// `beta · input + alpha · mat1 · mat2` rounded as MKL's gemm rounds it: `beta · input` first
    /// (none of `input`, NaNs included, when beta is 0), then the products' sum added to it as
    /// for a beta of 1; alpha scales mat1's elements before the products, except where one output
    /// column with several rows makes it a gemv, which scales the finished sums.
    private static func scaledProductSum(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar?, alpha: Scalar?) throws -> Tensor {
        guard beta != nil || alpha != nil else { return try mat1.matrixProduct(mat2).add(input) }
        let product: Tensor
        if let alpha, alpha.doubleValue != 1 {
            product = mat2.shape[1] == 1 && mat1.shape[0] > 1
                ? try mat1.matrixProduct(mat2).mul(.wrapping(alpha)) : try mat1.mul(.wrapping(alpha)).matrixProduct(mat2)
        } else {
            product = try mat1.matrixProduct(mat2)
        }
        guard let beta else { return try product.add(input) }
        if beta.doubleValue == 0 { return product }
        return try product.add(input.mul(.wrapping(beta)))
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

/// The primitive products `mm`, `bmm`, `mv`, `dot`: PyTorch's checks in PyTorch's order (so the
/// same mistake gives the same message), the forward kernel, and the backward formulas of
/// derivatives.yaml. Each node saves an operand only when the other one needs a gradient, as
/// PyTorch does, so in-place changes to an unsaved operand are not reported.
extension Tensor {
    /// `mm(mat2)`: [m, k] · [k, n]. No type promotion.
    public func mm(_ mat2: Tensor) throws -> Tensor {
        try checkMatrixProduct(mat2, op: "mm")
        let out = try matrixProduct(mat2)
        return out.record("MmBackward0", inputs: [self, mat2], saving: { $0.saveMatrixProduct(self, mat2) }) { ctx, saved in
            let grads = try Tensor.matrixProductGradients(ctx, saved, needs: (ctx.needs(0), ctx.needs(1)))
            return [grads.mat1, grads.mat2]
        }
    }

    /// PyTorch's checks of `mm` and `addmm` (`op` names the function in the message), in its order.
    func checkMatrixProduct(_ mat2: Tensor, op: String) throws {
        guard rank == 2 else { throw TorchError.runtime("\(op): self must be a matrix, got \(rank)-D tensor") }
        guard mat2.rank == 2 else { throw TorchError.runtime("\(op): mat2 must be a matrix, got \(mat2.rank)-D tensor") }
        guard shape[1] == mat2.shape[0] else {
            throw TorchError.runtime("\(op): mat1 and mat2 shapes cannot be multiplied (\(shape[0])x\(shape[1]) and \(mat2.shape[0])x\(mat2.shape[1]))")
        }
    }

    /// The product of two checked matrices, unrecorded.
    func matrixProduct(_ mat2: Tensor) throws -> Tensor {
        guard dtype == mat2.dtype else {
            throw TorchError.runtime("expected m1 and m2 to have the same dtype, but got: \(dtype.cTypeName) != \(mat2.dtype.cTypeName)")
        }
        if dtype == .bool { throw TorchError.notImplemented("\"addmm_impl_cpu_\" not implemented for 'Bool'") }
        let (m, k, n) = (shape[0], shape[1], mat2.shape[1])
        // With k = 1 (and no vector operand) PyTorch's BLAS stores the bare products, keeping
        // their -0.0; otherwise sums start from +0.0 as the GEMM's do.
        if k == 1 && m > 1 && n > 1 {
            _ = try Shape.checkedCount([m, n], dtype: dtype)
            return try Tensor.arithmetic(.mul, self, mat2, dtype: dtype, shape: [m, n])
        }
        return try Tensor.batchedMatrixProduct(asBatchOfOne(), mat2.asBatchOfOne(), shape: [m, n])
    }

    /// What a matrix product's backward needs: each operand only when the other needs a gradient,
    /// and whether each is column-major.
    typealias SavedMatrixProduct = (operands: (first: SavedSlot?, second: SavedSlot?), mat1Layout: MatrixLayout, mat2Layout: MatrixLayout)

    /// How an operand of a matrix product lay in memory when the op ran: its strides, which
    /// PyTorch saves (`_saved_self_sym_strides`) and its backward reads to give a column-major
    /// input a column-major gradient.
    struct MatrixLayout {
        let strides: (Int, Int)
        let isColumnMajor: Bool

        init(_ matrix: Tensor) {
            strides = (matrix.strides[0], matrix.strides[1])
            isColumnMajor = matrix.isColumnMajor
        }
    }

    /// The gradients of mat1 and mat2 in `mat1 · mat2` (mm's and addmm's formulas): a column-major
    /// input gets a column-major gradient (mm_mat1_backward / mm_mat2_backward).
    static func matrixProductGradients(_ ctx: BackwardContext, _ saved: SavedMatrixProduct, needs: (Bool, Bool)) throws -> (mat1: Tensor?, mat2: Tensor?) {
        let g = ctx.grad
        var grad1: Tensor?, grad2: Tensor?
        if needs.0, let mat2 = try saved.operands.second.map(ctx.saved) {
            grad1 = saved.mat1Layout.isColumnMajor ? try mat2.mm(g.t()).t() : try g.mm(mat2.t())
        }
        if needs.1, let mat1 = try saved.operands.first.map(ctx.saved) {
            grad2 = saved.mat2Layout.isColumnMajor ? try g.t().mm(mat1).t() : try mat1.t().mm(g)
        }
        return (grad1, grad2)
    }

    /// `bmm(mat2)`: [b, m, k] · [b, k, n]. No broadcasting, no type promotion.
    public func bmm(_ mat2: Tensor) throws -> Tensor {
        guard rank == 3 else { throw TorchError.runtime("batch1 must be a 3D tensor") }
        guard mat2.rank == 3 else { throw TorchError.runtime("batch2 must be a 3D tensor") }
        guard mat2.shape[0] == shape[0] && mat2.shape[1] == shape[2] else {
            throw TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(shape[0]), \(shape[2])] but got: [\(mat2.shape[0]), \(mat2.shape[1])].")
        }
        if dtype == .bool { throw TorchError.notImplemented("\"bmm\" not implemented for 'Bool'") }
        guard dtype == mat2.dtype else {
            throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(mat2.dtype.scalarTypeName)")
        }
        let out = try Tensor.batchedMatrixProduct(self, mat2)
        return out.record("BmmBackward0", inputs: [self, mat2], saving: { $0.slotOperands(self, mat2) }) { ctx, saved in
            [ctx.needs(0) ? try saved.second.map { try ctx.grad.bmm(ctx.saved($0).transpose(1, 2)) } : nil,
             ctx.needs(1) ? try saved.first.map { try ctx.saved($0).transpose(1, 2).bmm(ctx.grad) } : nil]
        }
    }

    /// `mv(vec)`: [m, k] · [k].
    public func mv(_ vec: Tensor) throws -> Tensor {
        guard rank == 2 && vec.rank == 1 else {
            throw TorchError.runtime("vector + matrix @ vector expected, got 1, \(rank), \(vec.rank)")
        }
        guard shape[1] == vec.shape[0] else {
            throw TorchError.runtime("size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        guard dtype == vec.dtype else {
            // PyTorch names the dtypes of (result, mat, vec); the result takes the vector's.
            let v = vec.dtype.scalarTypeName
            throw TorchError.runtime("addmv input tensors must have the same dtype, but got \(v), \(dtype.scalarTypeName), and \(v)")
        }
        if dtype == .bool { throw TorchError.notImplemented("\"addmv_impl_cpu\" not implemented for 'Bool'") }
        let out = try Tensor.matrixVectorProduct(self, vec)
        return out.record("MvBackward0", inputs: [self, vec], saving: { $0.slotOperands(self, vec, inOrder: true) }) { ctx, saved in
            // grad.ger(vec), which PyTorch computes as grad.reshape(m, 1) * vec.
            [ctx.needs(0) ? try saved.second.map { try ctx.grad.reshape([ctx.inputShape(0)[0], 1]).mul(ctx.saved($0)) } : nil,
             ctx.needs(1) ? try saved.first.map { try ctx.saved($0).t().mv(ctx.grad) } : nil]
        }
    }

    /// `dot(other)`: the 0-dim sum of products of two 1-D tensors.
    public func dot(_ other: Tensor) throws -> Tensor {
        guard rank == 1 && other.rank == 1 else {
            throw TorchError.runtime("1D tensors expected, but got \(rank)D and \(other.rank)D tensors")
        }
        guard dtype == other.dtype else {
            throw TorchError.runtime("dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        guard shape[0] == other.shape[0] else {
            throw TorchError.runtime("inconsistent tensor size, expected tensor [\(shape[0])] and src [\(other.shape[0])] to have the same number of elements, but got \(shape[0]) and \(other.shape[0]) elements respectively")
        }
        if dtype == .bool { throw TorchError.notImplemented("\"dot\" not implemented for 'Bool'") }
        return try Tensor.dotProduct(self, other).record("DotBackward0", inputs: [self, other],
                                                     saving: { $0.slotOperands(self, other) }) { ctx, saved in
            [ctx.needs(0) ? try saved.second.map { try ctx.grad.mul(ctx.saved($0)) } : nil,
             ctx.needs(1) ? try saved.first.map { try ctx.grad.mul(ctx.saved($0)) } : nil]
        }
    }

    /// A 2-D tensor seen as a batch of one matrix (no copy, no graph).
    private func asBatchOfOne() -> Tensor {
        Tensor(storage: storage, shape: [1] + shape, strides: [0] + strides, offset: offset, version: versionCounter)
    }

    /// PyTorch's column-major test for mm's backward: strides (1, rows).
    var isColumnMajor: Bool { strides[0] == 1 && strides[1] == shape[0] }
}

extension TensorSaver {
    /// A matrix product's saved state (see `Tensor.matrixProductGradients`).
    mutating func saveMatrixProduct(_ mat1: Tensor, _ mat2: Tensor, inOrder: Bool = false) -> Tensor.SavedMatrixProduct {
        (slotOperands(mat1, mat2, inOrder: inOrder), Tensor.MatrixLayout(mat1), Tensor.MatrixLayout(mat2))
    }
}

/// Matrices built from smaller pieces: `vander` (powers of a vector), `kron` (the Kronecker
/// product) and `block_diag` (blocks along the diagonal), composed as PyTorch composes them.
extension Tensor {
    /// `vander(x, N, increasing)`: the columns `x⁰ … x^(N-1)` (highest power first unless
    /// `increasing`), built by a running product as PyTorch builds it; integers and bools
    /// give int64.
    public func vander(columns: Int? = nil, increasing: Bool = false) throws -> Tensor {
        if rank != 1 { throw TorchError.runtime("x must be a one-dimensional tensor.") }
        let n = columns ?? shape[0]
        if n < 0 { throw TorchError.runtime("N must be non-negative.") }
        let result = try Tensor.ones([shape[0], n], dtype: TypePromotion.promote(dtype, .int64))
        if n > 1 {
            let powers = try result.narrow(dim: 1, start: 1, length: n - 1)
            try powers.copy_(unsqueeze(1))
            try powers.copy_(powers.cumprod(dim: 1))
        }
        return increasing ? result : try result.flip([1])
    }

    /// `kron(other)`: every element of this tensor times the whole of `other`, the blocks laid
    /// out as this tensor's elements are (shapes padded with leading 1s to the same rank).
    public func kron(_ other: Tensor) throws -> Tensor {
        let rank = Swift.max(self.rank, other.rank)
        let (padSelf, padOther) = (rank - self.rank, rank - other.rank)
        var (selfShape, otherShape, resultShape) = ([Int](), [Int](), [Int]())
        for i in 0..<rank {
            let a = i >= padSelf ? shape[i - padSelf] : 1
            let b = i >= padOther ? other.shape[i - padOther] : 1
            selfShape += [a, 1]
            otherShape += [1, b]
            resultShape.append(a &* b)
        }
        let product = try reshape(selfShape).mul(other.reshape(otherShape))
        return product.isContiguous ? product.unsafeView(resultShape) : try product.reshape(resultShape)
    }

    /// `block_diag(*tensors)`: the tensors (0-d as 1×1, vectors as one row) along the diagonal
    /// of a zero matrix of their promoted dtype; no tensors give PyTorch's empty 1×0 matrix.
    public static func blockDiag(_ tensors: [Tensor]) throws -> Tensor {
        if tensors.isEmpty { return try Tensor(zeros: [1, 0], dtype: .defaultFloat) }
        for (i, t) in tensors.enumerated() where t.rank > 2 {
            throw TorchError.runtime("torch.block_diag: Input tensors must have 2 or fewer dimensions. Input \(i) has \(t.rank) dimensions")
        }
        let blocks = tensors.map { t -> (rows: Int, columns: Int) in
            t.rank == 2 ? (t.shape[0], t.shape[1]) : (1, t.rank == 1 ? t.shape[0] : 1)
        }
        let dtype = tensors.dropFirst().reduce(tensors[0].dtype) { TypePromotion.promote($0, $1.dtype) }
        let corners = blocks.reduce(into: [(row: 0, column: 0)]) { corners, block in
            let last = corners[corners.count - 1]
            corners.append((last.row &+ block.rows, last.column &+ block.columns))
        }
        let total = corners[corners.count - 1]
        let out = try Tensor(zeros: [total.row, total.column], dtype: dtype)
        for (i, t) in tensors.enumerated() {
            let region = try out.narrow(dim: 0, start: corners[i].row, length: blocks[i].rows)
                .narrow(dim: 1, start: corners[i].column, length: blocks[i].columns)
            copyElements(from: try t.detach().reshape([blocks[i].rows, blocks[i].columns]), into: region)
        }
        let saved = (corners: Array(corners.dropLast()), blocks: blocks)
        return out.record("BlockDiagBackward0", inputs: tensors, saving: { _ in saved }) { ctx, saved in
            InputGradients(try ctx.node.inputs.indices.map { i in
                try ctx.grad.narrow(dim: 0, start: saved.corners[i].row, length: saved.blocks[i].rows)
                    .narrow(dim: 1, start: saved.corners[i].column, length: saved.blocks[i].columns)
                    .reshape(ctx.inputShape(i))
            })
        }
    }
}

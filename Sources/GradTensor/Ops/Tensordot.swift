/// `tensordot` and `inner`, composed as PyTorch composes them (so their values, nodes and
/// gradients are those of the ops they reduce to): a dimension of size 1 facing a larger one is
/// summed away first, the rest permuted and flattened into two matrices multiplied by `mm`, or
/// when nothing but the contracted dimensions is left, into two vectors multiplied by `dot` (or,
/// when either is not contiguous, multiplied elementwise and summed).
extension Tensor {
    /// `inner(other)`: the sums of products over the last dimension of both; a 0-dim operand
    /// multiplies the other.
    public func inner(_ other: Tensor) throws -> Tensor {
        if rank == 0 || other.rank == 0 { return try mul(other) }
        guard shape[rank - 1] == other.shape[other.rank - 1] else {
            throw TorchError.runtime("inner() the last dimension must match on both input tensors but got shapes \(Shape.sizeList(shape)) and \(Shape.sizeList(other.shape))")
        }
        return try tensordot(other, dims: [-1], [-1])
    }

    /// `tensordot(other, dims)` with explicit dimension lists: `dims1[i]` of `self` contracted with
    /// `dims2[i]` of `other`; the result has `self`'s other dimensions, then `other`'s.
    public func tensordot(_ other: Tensor, dims dims1: [Int], _ dims2: [Int]) throws -> Tensor {
        guard dims1.count == dims2.count else { throw TorchError.runtime("both dimension lists should have same length") }
        guard dtype == other.dtype else { throw TorchError.runtime("both inputs should have same dtype") }
        var (left, right) = (self, other)
        var contracted = 1
        for (d1, d2) in zip(dims1, dims2) {
            let size1 = try size(d1), size2 = try other.size(d2)
            if size2 == 1 {
                left = try left.sum(dims: [d1], keepdim: true, dtype: left.dtype)
            } else if size1 == 1 {
                right = try right.sum(dims: [d2], keepdim: true, dtype: right.dtype)
            } else if size1 == size2 {
                contracted &*= size1
            } else {
                throw TorchError.runtime("contracted dimensions need to match, but first has size \(size1) in dim \(d1) and second has size \(size2) in dim \(d2)")
            }
        }
        let kept1 = try Self.keptDimensions(rank: rank, contracted: dims1)
        let kept2 = try Self.keptDimensions(rank: other.rank, contracted: dims2)
        let resultShape = kept1.map { left.shape[$0] } + kept2.map { right.shape[$0] }
        let rows = kept1.reduce(1) { $0 &* left.shape[$1] }, columns = kept2.reduce(1) { $0 &* right.shape[$1] }
        left = try left.permute(kept1 + dims1)
        right = try right.permute(dims2 + kept2)
        guard rows == 1 && columns == 1 else {
            return try left.reshape([rows, contracted]).mm(right.reshape([contracted, columns])).reshape(resultShape)
        }
        // Only contracted dimensions left: `dot` when both are contiguous, else a product summed.
        let contiguous = (left.isContiguous || left.numel == 0) && (right.isContiguous || right.numel == 0)
        let product = contiguous ? try left.flatten().dot(right.flatten()) : try left.squeeze().mul(right.squeeze()).sum()
        return try product.reshape(resultShape)
    }

    /// The size of dimension `dim` (PyTorch's `size(dim)`, which a 0-dim tensor refuses).
    private func size(_ dim: Int) throws -> Int {
        if rank == 0 { throw Tensor.noDimensions(dim) }
        return shape[try Shape.wrapDim(dim, rank: rank)]
    }

    /// The dimensions of a tensor of `rank` not in `contracted`, in order (PyTorch's
    /// `dim_list_to_bitset`, which refuses a dimension named twice).
    private static func keptDimensions(rank: Int, contracted: [Int]) throws -> [Int] {
        var isContracted = [Bool](repeating: false, count: rank)
        for d in contracted {
            let w = try Shape.wrapDim(d, rank: rank)
            if isContracted[w] { throw TorchError.runtime("dim \(w) appears multiple times in the list of dims") }
            isContracted[w] = true
        }
        return (0..<rank).filter { !isContracted[$0] }
    }
}

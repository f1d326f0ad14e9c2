/// `take_along_dim`: `gather` after broadcasting the input and the indices against each other.
extension Tensor {
    /// `take_along_dim(indices, dim)`: along `dim`, the elements `indices` names, the other
    /// dimensions broadcast; without `dim`, of the flattened tensor.
    public func takeAlongDim(_ indices: Tensor, dim: Int?) throws -> Tensor {
        if indices.dtype != .int64 {
            throw TorchError.runtime("torch.take_along_dim(): dtype of indices should be Long but got \(indices.dtype.scalarTypeName)")
        }
        guard let dim else { return try reshape([-1]).gather(dim: 0, index: indices.reshape([-1])) }
        if rank != indices.rank {
            throw TorchError.runtime("torch.take_along_dim(): input and indices should have the same number of dimensions, but got \(rank) dimensions for input, and \(indices.rank) dimensions for indices")
        }
        let d = try Shape.wrapDim(dim, rank: rank)
        var inputShape = shape
        if rank > 0 { inputShape[d] = indices.shape[d] }
        var common = try Shape.broadcast(inputShape, indices.shape)
        let expandedIndices = common == indices.shape ? indices : try indices.expand(common)
        if rank > 0 { common[d] = shape[d] }
        let expandedInput = common == shape ? self : try expand(common)
        return try expandedInput.gather(dim: d, index: expandedIndices)
    }
}

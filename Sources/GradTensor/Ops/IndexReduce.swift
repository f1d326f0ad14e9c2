/// `index_reduce`: the slices of `source` reduced into this tensor's slices at `index` along a
/// dimension. It is `scatter_reduce` with the index repeated over every element of a slice, so
/// its forward and its gradients (IndexReduceBackward0, the same formulas) are scatter_reduce's.
extension Tensor {
    /// `index_reduce(dim, index, source, reduce, include_self)` for prod, mean, amax and amin,
    /// with PyTorch's checks in its order; `beforeReducing` runs once the arguments are found
    /// consistent, before the indices are bounds-checked (where PyTorch warns that the op is in beta).
    public func indexReduce(dim: Int, index: Tensor, source: Tensor, reduce: ScatterReduction,
                            includeSelf: Bool, beforeReducing: () throws -> Void = {}) throws -> Tensor {
        if reduce == .sum {
            throw TorchError.runtime("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got sum.")
        }
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.rank > 1 {
            throw TorchError.index("index_reduce_(): Index is supposed to be a vector, but got dim: \(index.rank) with type: \(index.dtype.scalarTypeName) and size: \(Shape.sizeList(index.shape))")
        }
        if index.dtype != .int64 && index.dtype != .int32 {
            throw TorchError.runtime("index_reduce_(): Expected dtype int32/int64 for index but got: \(index.dtype.scalarTypeName)")
        }
        if source.dtype != dtype {
            throw TorchError.runtime("index_reduce_(): self (\(dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        let count = source.rank == 0 ? 1 : source.shape[Swift.min(d, source.rank - 1)]
        if index.numel != count {
            throw TorchError.runtime("index_reduce_(): Number of indices (\(index.numel)) should be equal to source.size(dim): (\(count)), for dim: \(d)")
        }
        var expected = shape
        if rank > 0 { expected[d] = count }
        if source.shape != expected && !(rank == 0 && source.numel == 1) {
            throw TorchError.runtime("source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = \(Shape.sizeList(shape)) source.shape = \(Shape.sizeList(source.shape))")
        }
        try beforeReducing()
        let positions = try index.asInt64Index().materialized()
        let size = rank == 0 ? 1 : shape[d]
        if positions.int64Values.contains(where: { $0 < 0 || $0 >= size }) { throw TorchError.index("index out of range in self") }
        // The index along d, the same for every element of a slice.
        var along = [Int](repeating: 1, count: source.rank)
        if source.rank > 0 { along[d] = count }
        let perElement = try positions.view(along).expand(source.shape).contiguous()
        return try scatterReduce(dim: d, index: perElement, source: source, reduce: reduce, includeSelf: includeSelf,
                                 node: "IndexReduceBackward0")
    }
}

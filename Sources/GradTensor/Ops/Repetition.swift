/// `repeat`, `tile` and `repeat_interleave`: copies of a tensor's elements side by side.
extension Tensor {
    /// `repeat(sizes)`: the tensor tiled `sizes[i]` times along each dimension (leading sizes
    /// add dimensions). The gradient sums the copies, as PyTorch's `repeat_backward` does.
    public func `repeat`(_ sizes: [Int]) throws -> Tensor {
        if sizes.count < rank {
            throw TorchError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = Array(repeating: 1, count: sizes.count - rank) + shape
        // Sizes multiply as in C++, wrapping; PyTorch then refuses Int64.min, then negative sizes.
        let outShape = zip(padded, sizes).map { $0 &* $1 }
        if outShape.contains(Int.min) {
            throw TorchError.runtime("IntArrayRef contains an int that cannot be represented as a SymInt: \(Int.min)")
        }
        if let negative = outShape.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(negative): \(Shape.sizeList(outShape))")
        }
        _ = try Shape.checkedCount(outShape, dtype: dtype)
        let out = try Tensor(zeros: outShape, dtype: dtype)
        if out.numel > 0 {
            // The output seen as [r0, s0, r1, s1, ...], with this tensor broadcast over the r's.
            let split = zip(sizes, padded).flatMap { [$0, $1] }
            let source = Tensor(storage: storage, shape: padded.flatMap { [1, $0] },
                                strides: (Array(repeating: 0, count: sizes.count - rank) + strides).flatMap { [0, $0] },
                                offset: offset, version: nil)
            copyElements(from: source, into: out.makeView(shape: split, strides: Shape.contiguousStrides(split)))
        }
        return out.record("RepeatBackward0", inputs: [self], saving: { _ in sizes }) { ctx, sizes in
            [try ctx.grad.repeatBackward(sizes, to: ctx.inputShape(0))]
        }
    }

    /// `tile(dims)`: `repeat` with `dims` padded by leading ones to the tensor's rank.
    public func tile(_ dims: [Int]) throws -> Tensor {
        try self.repeat(Array(repeating: 1, count: Swift.max(rank - dims.count, 0)) + dims)
    }

    /// `repeat_interleave(repeats, dim)`: each element repeated `repeats` times in place (along
    /// the flattened tensor without `dim`), built as PyTorch builds it: unsqueeze, expand, clone,
    /// flatten — so its graph shows those nodes.
    public func repeatInterleave(_ repeats: Int, dim: Int?) throws -> Tensor {
        if repeats < 0 { throw TorchError.runtime("Repeats must be non-negative") }
        let input = dim == nil ? try flatten() : self
        let d = try Shape.wrapDim(dim ?? 0, rank: input.rank)
        var expanded = input.shape
        expanded.insert(repeats, at: d + 1)
        return try input.unsqueeze(d + 1).expand(expanded).clone(memoryFormat: .contiguous).flatten(startDim: d, endDim: d + 1)
    }

    /// `repeat_interleave(repeats_tensor, dim)`: element i repeated `repeats[i]` times, by index_select.
    public func repeatInterleave(_ repeats: Tensor, dim: Int?) throws -> Tensor {
        let input = dim == nil ? try flatten() : self
        let d = try Shape.wrapDim(dim ?? 0, rank: input.rank)
        let counts = try repeats.materialized(as: .int64).int64Values
        if repeats.rank > 1 { throw TorchError.runtime("repeats must be 0-dim or 1-dim tensor") }
        if counts.count != 1 && counts.count != input.shape[d] {
            throw TorchError.runtime("repeats must have the same size as input along dim, but got repeats.size(0) = \(counts.count) and input.size(0) = \(input.shape[d])")
        }
        let index = try Tensor.repeatedPositions(counts.count == 1 ? Array(repeating: counts[0], count: input.shape[d]) : counts)
        return try input.indexSelect(dim: d, index: index)
    }

    /// `torch.repeat_interleave(counts)`: each position i of this vector, `counts[i]` times.
    public func repeatInterleave() throws -> Tensor {
        if rank > 1 { throw TorchError.runtime("repeats must be 0-dim or 1-dim tensor") }
        if dtype != .int64 { throw TorchError.runtime("repeat_interleave only accept 1-D tensor of int32 or int64, but got \(dtype.scalarTypeName)") }
        return try Tensor.repeatedPositions(try materialized().int64Values)
    }

    /// Each position i, `counts[i]` times.
    private static func repeatedPositions(_ counts: [Int64]) throws -> Tensor {
        if counts.contains(where: { $0 < 0 }) { throw TorchError.runtime("repeats can not be negative") }
        let total = counts.reduce(Int64(0), &+)
        if total < 0 { throw TorchError.runtime("Storage size calculation overflowed with sizes=[\(UInt64(bitPattern: total))]") }
        _ = try Shape.checkedCount([Int(total)], dtype: .int64)
        let positions = counts.enumerated().flatMap { i, n in Array(repeating: Int64(i), count: Int(n)) }
        return try int64s(positions, shape: [positions.count])
    }

    /// The gradient of `repeat`: summed over the repeats of each dimension.
    private func repeatBackward(_ sizes: [Int], to inputShape: [Int]) throws -> Tensor {
        if sizes.contains(0) { return try Tensor(zeros: inputShape, dtype: dtype) }
        var grad = self
        for _ in 0..<(rank - inputShape.count) { grad = try grad.sum(dims: [0]) }
        let lead = sizes.count - inputShape.count
        var gradShape: [Int] = [], sumDims: [Int] = []
        for (d, size) in inputShape.enumerated() {
            if sizes[d + lead] != 1 {
                gradShape.append(sizes[d + lead])
                sumDims.append(gradShape.count - 1)
            }
            gradShape.append(size)
        }
        grad = try grad.reshape(gradShape)
        return sumDims.isEmpty ? grad : try grad.sum(dims: sumDims)
    }
}

/// `split`, `chunk` and `tensor_split`: consecutive slices along a dimension, as views. Those of
/// split and chunk are the outputs of one node (SplitBackward0 / SplitWithSizesBackward0) and may
/// not be written in place once recorded, as `unbind`'s; tensor_split's are plain slices.
/// `unsafe`: `unsafe_split`, `unsafe_split_with_sizes`, `unsafe_chunk`, whose pieces share the
/// data without being views (UnsafeSplitBackward0 / UnsafeSplitWithSizesBackward0), so nothing
/// refuses or tracks writing them in place.
extension Tensor {
    /// `split(size, dim)`: pieces of `size` along `dim`, the last one shorter.
    public func split(size: Int, dim: Int = 0, unsafe: Bool = false) throws -> [Tensor] {
        if rank == 0 { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dim, rank: rank)
        if size < 0 { throw TorchError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let length = shape[d]
        if size == 0 && length != 0 {
            throw TorchError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(length)")
        }
        let count = size == 0 ? 1 : Swift.max(length / size + (length % size == 0 ? 0 : 1), 1)
        let sizes = (0..<count).map { Swift.min(size, length - $0 * size) }
        return try pieces(sizes, d, name: unsafe ? "UnsafeSplitBackward0" : "SplitBackward0", unsafe: unsafe)
    }

    /// `split([sizes], dim)`: pieces of the given sizes, which must add up to the dimension.
    public func split(sizes: [Int], dim: Int = 0, unsafe: Bool = false) throws -> [Tensor] {
        if rank == 0 { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dim, rank: rank)
        if sizes.contains(where: { $0 < 0 }) {
            throw TorchError.runtime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(Shape.sizeList(sizes))")
        }
        if sizes.reduce(0, &+) != shape[d] {
            throw TorchError.runtime("split_with_sizes expects split_sizes to sum exactly to \(shape[d]) (input tensor's size at dimension \(d)), but got split_sizes=\(Shape.sizeList(sizes))")
        }
        return try pieces(sizes, d, name: unsafe ? "UnsafeSplitWithSizesBackward0" : "SplitWithSizesBackward0", unsafe: unsafe)
    }

    /// `chunk(chunks, dim)`: at most `chunks` pieces of equal size (the last one shorter).
    public func chunk(_ chunks: Int, dim: Int = 0, unsafe: Bool = false) throws -> [Tensor] {
        if rank == 0 { throw TorchError.runtime("chunk expects at least a 1-dimensional tensor") }
        if chunks <= 0 { throw TorchError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = shape[d] / chunks + (shape[d] % chunks == 0 ? 0 : 1)
        if size == 0 {
            let name = unsafe ? "UnsafeSplitWithSizesBackward0" : "SplitWithSizesBackward0"
            return try pieces(Array(repeating: 0, count: chunks), d, name: name, unsafe: unsafe)
        }
        return try split(size: size, dim: d, unsafe: unsafe)
    }

    /// `tensor_split(sections, dim)`: `sections` pieces whose sizes differ by at most one.
    public func tensorSplit(sections: Int, dim: Int = 0) throws -> [Tensor] {
        if rank == 0 { throw TorchError.runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims") }
        if sections <= 0 { throw TorchError.runtime("number of sections must be larger than 0, got \(sections)") }
        // PyTorch's vector of pieces has room for 2^60 of them.
        if sections > 1 << 60 { throw TorchError.runtime("cannot create std::vector larger than max_size()") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let (base, extra) = (shape[d] / sections, shape[d] % sections)
        var bounds: [Int] = [], start = 0
        for i in 0..<(sections - 1) {
            start += base + (i < extra ? 1 : 0)
            bounds.append(start)
        }
        return try tensorSplit(indices: bounds, dim: d)
    }

    /// `tensor_split(indices, dim)`: pieces between the given positions (clamped to the dimension).
    public func tensorSplit(indices: [Int], dim: Int = 0) throws -> [Tensor] {
        if rank == 0 { throw TorchError.runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims") }
        let d = try Shape.wrapDim(dim, rank: rank)
        var start = 0
        return try (indices + [shape[d]]).map { stop in
            defer { start = stop }
            return try sliceView(d, start: start, stop: stop, step: 1)
        }
    }

    /// Views (tensors over the same data when `unsafe`) of consecutive runs of `sizes` along
    /// `d`, returned together: the outputs of one node, whose gradient joins theirs (zeros for a
    /// piece that got none).
    private func pieces(_ sizes: [Int], _ d: Int, name: String, unsafe: Bool) throws -> [Tensor] {
        let recording = Tensor.needsGraph([self])
        var start = 0
        let views = sizes.enumerated().map { i, size in
            var newShape = shape
            newShape[d] = size
            let offset = self.offset &+ start &* strides[d]
            start += size
            if unsafe { return Tensor(storage: storage, shape: newShape, strides: strides, offset: offset, version: nil) }
            let view = makeView(shape: newShape, strides: strides, offset: offset)
            if recording { view.links.multiOutputViewIndex = i }
            return view
        }
        Tensor.record(outputs: views, name, inputs: [self], saving: { _ in d }) { ctx, dim in
            if ctx.outputGrads.isEmpty { return [ctx.grad] }
            return [try Tensor.cat(ctx.outputGrads.indices.map { try ctx.materializedGrad($0) }, dim: dim)]
        }
        return views
    }
}

/// `flip` and `roll`: copies with the elements moved along dimensions; each one's gradient is
/// the inverse move of the output's gradient.
extension Tensor {
    /// `flip(dims)`: the order of the elements reversed along each of `dims`.
    public func flip(_ dims: [Int]) throws -> Tensor {
        let chosen = try dims.map { try Shape.wrapDim($0, rank: rank) }
        for (i, d) in chosen.enumerated() where chosen[..<i].contains(d) {
            throw TorchError.runtime("dim \(d) appears multiple times in the list of dims")
        }
        // A view reading backwards along the flipped dimensions, copied out.
        var reversedStrides = strides, start = offset
        for d in chosen where rank > 0 && shape[d] > 0 {
            start &+= (shape[d] &- 1) &* strides[d]
            reversedStrides[d] = -strides[d]
        }
        let backwards = Tensor(storage: storage, shape: shape, strides: reversedStrides, offset: start, version: nil)
        return try backwards.cloneDetached().record("FlipBackward0", inputs: [self], saving: { _ in chosen }) { ctx, dims in
            [try ctx.grad.flip(dims)]
        }
    }

    /// `roll(shifts, dims)`: elements moved `shifts[i]` places along `dims[i]`, those pushed off
    /// the end coming back at the start; without dims, along the flattened tensor.
    public func roll(_ shifts: [Int], dims: [Int]) throws -> Tensor {
        if dims.isEmpty && shifts.count != 1 || !dims.isEmpty && shifts.count != dims.count {
            throw TorchError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        if let i = shifts.firstIndex(of: Int.min) {
            // PyTorch cannot pass Int64.min through its size lists here.
            throw TorchError.runtime("/__w/pytorch/pytorch/build/aten/src/ATen/RegisterCPU_3.cpp:4902: SymIntArrayRef expected to contain only concrete integers that are stored inline and can be viewed as an IntArrayRef. Found heap-allocated concrete SymInt at index \(i): \(Int.min) in SymIntArrayRef \(Shape.sizeList(shifts)). This value is concrete, but the non-owning IntArrayRef conversion used here cannot represent heap-allocated SymInt values. Use an owning conversion such as asIntArrayRefSlowAlloc to materialize the values into a DimVector before this call.")
        }
        if rank == 0, let dim = dims.first { throw Tensor.noDimensions(dim) }
        let chosen = try dims.map { try Shape.wrapDim($0, rank: rank) }
        // Each shift reduced to 0..<size, so that the gradient's opposite shift cannot overflow.
        let flattened = chosen.isEmpty
        let sizes = flattened ? Array(repeating: numel, count: shifts.count) : chosen.map { shape[$0] }
        let reduced = zip(shifts, sizes).map { shift, size in size == 0 ? 0 : ((shift % size) + size) % size }
        var out = detach()
        if flattened {
            out = try out.reshape([numel]).rolled(reduced[0], along: 0).view(shape)
        } else {
            for (shift, d) in zip(reduced, chosen) { out = try out.rolled(shift, along: d) }
        }
        return out.record("RollBackward0", inputs: [self], saving: { _ in (shifts: reduced, dims: dims) }) { ctx, saved in
            [try ctx.grad.roll(saved.shifts.map { -$0 }, dims: saved.dims)]
        }
    }

    /// A copy rolled along one dimension.
    private func rolled(_ shift: Int, along d: Int) throws -> Tensor {
        let size = shape[d]
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: numel), shape: shape)
        if size > 0 {
            let k = ((shift % size) + size) % size
            // The last k elements go first, the others after them.
            let tail = try sliceView(d, start: size - k, stop: size, step: 1)
            let head = try sliceView(d, start: 0, stop: size - k, step: 1)
            copyElements(from: tail, into: out.makeView(shape: tail.shape, strides: out.strides))
            copyElements(from: head, into: out.makeView(shape: head.shape, strides: out.strides, offset: k &* out.strides[d]))
        }
        return out
    }
}

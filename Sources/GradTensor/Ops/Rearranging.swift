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
        for d in chosen where shape[d] > 0 {
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
        let chosen = try dims.map { try Shape.wrapDim($0, rank: rank) }
        var out = detach()
        if chosen.isEmpty {
            out = try out.reshape([numel]).rolled(shifts[0], along: 0).view(shape)
        } else {
            for (shift, d) in zip(shifts, chosen) { out = try out.rolled(shift, along: d) }
        }
        return out.record("RollBackward0", inputs: [self], saving: { _ in (shifts: shifts, dims: dims) }) { ctx, saved in
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

/// `rot90`: a quarter turn of the plane of two dimensions, from the first towards the second.
extension Tensor {
    /// `rot90(k, dims)`: `k` quarter turns (negative ones turn back), a copy laid out as
    /// PyTorch's flip-then-transpose leaves it.
    public func rot90(_ k: Int = 1, dims: [Int] = [0, 1]) throws -> Tensor {
        if dims.count != 2 { throw TorchError.runtime("expected total rotation dims == 2, but got dims = \(dims.count)") }
        if rank < 2 { throw TorchError.runtime("expected total dims >= 2, but got total dims = \(rank)") }
        let (a, b) = (try Shape.wrapDim(dims[0], rank: rank), try Shape.wrapDim(dims[1], rank: rank))
        if a == b { throw TorchError.runtime("expected rotation dims to be different, but got dim0 = \(dims[0]) and dim1 = \(dims[1])") }
        let turns = ((k % 4) + 4) % 4
        let source = detach()
        let out: Tensor = try GradMode.with(enabled: false) {
            switch turns {
            case 1: return try source.flip([b]).swappingDetached(a, b)
            case 2: return try source.flip([a, b])
            case 3: return try source.flip([a]).swappingDetached(a, b)
            default: return try source.contiguous().cloneDetached()
            }
        }
        return out.record("Rot90Backward0", inputs: [self], saving: { _ in (turns: turns, dims: [a, b]) }) { ctx, saved in
            [try ctx.grad.rot90(-saved.turns, dims: saved.dims)]
        }
    }

    /// This tensor's elements with dimensions `a` and `b` swapped, as a tensor of its own (the
    /// storage is a fresh copy nothing else sees).
    private func swappingDetached(_ a: Int, _ b: Int) -> Tensor {
        var (newShape, newStrides) = (shape, strides)
        newShape.swapAt(a, b)
        newStrides.swapAt(a, b)
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset, version: nil)
    }
}

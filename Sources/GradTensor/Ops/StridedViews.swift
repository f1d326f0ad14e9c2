/// Views given by explicit geometry: `as_strided` (any sizes and strides over the storage),
/// `unfold` (sliding windows along one dimension) and `unflatten` (one dimension split in
/// several). Their elements may overlap, so each backward adds up the gradients of the output
/// elements that read the same input element.
extension Tensor {
    /// `as_strided(size, stride, storage_offset)`: the view of this tensor's storage with these
    /// sizes and strides from `storageOffset` (an absolute offset; this tensor's own by default).
    public func asStrided(size: [Int], stride: [Int], storageOffset: Int? = nil) throws -> Tensor {
        if size.count != stride.count { throw TorchError.runtime("mismatch in length of strides and shape") }
        if stride.contains(where: { $0 < 0 }) {
            throw TorchError.runtime("as_strided: Negative strides are not supported at the moment, got strides: \(Shape.sizeList(stride))")
        }
        let start = storageOffset ?? offset
        if start < 0 { throw TorchError.runtime("Tensor: invalid storage offset \(start)") }
        try checkFitsStorage(size: size, stride: stride, offset: start)
        let inputGeometry = (shape: shape, strides: strides, offset: offset)
        return makeView(shape: size, strides: stride, offset: start)
            .record("AsStridedBackward0", inputs: [self], saving: { _ in inputGeometry }) { ctx, input in
                [try ctx.grad.asStridedAdjoint(input.shape, input.strides, input.offset,
                                              outputStrides: stride, outputOffset: start)]
            }
    }

    /// PyTorch's `setStorage` check: the last element the geometry reaches lies in the storage.
    private func checkFitsStorage(size: [Int], stride: [Int], offset start: Int) throws {
        let overflow = TorchError.runtime("Storage size calculation overflowed with sizes=\(Shape.sizeList(size)) and strides=\(Shape.sizeList(stride))")
        if size.contains(where: { $0 < 0 }) { throw overflow }
        var needed = 0
        if !size.contains(0) {
            var last = 0
            for (s, st) in zip(size, stride) {
                let (step, o1) = (s - 1).multipliedReportingOverflow(by: st)
                let (sum, o2) = last.addingReportingOverflow(step)
                if o1 || o2 { throw overflow }
                last = sum
            }
            let (end, o3) = last.addingReportingOverflow(start)
            let (bytes, o4) = (end &+ 1).multipliedReportingOverflow(by: dtype.itemSize)
            if o3 || end == Int.max || o4 { throw overflow }
            needed = bytes
        }
        let available = storage.count &* dtype.itemSize
        if needed > available {
            throw TorchError.runtime("setStorage: sizes \(Shape.sizeList(size)), strides \(Shape.sizeList(stride)), storage offset \(start), and itemsize \(dtype.itemSize) requiring a storage size of \(needed) are out of bounds for storage of size \(available)")
        }
    }

    /// The gradient of `as_strided` for an input laid out as given: the output's gradient added
    /// into the storage positions its elements read, then read back at the input's positions,
    /// an element the input holds several times getting its share (as PyTorch's
    /// `as_strided_backward`). Made of differentiable ops, so it has a gradient itself.
    fileprivate func asStridedAdjoint(_ inputShape: [Int], _ inputStrides: [Int], _ inputOffset: Int,
                                      outputStrides: [Int], outputOffset: Int) throws -> Tensor {
        let read = try Tensor.elementOffsets(shape: shape, strides: outputStrides, offset: outputOffset)
        let held = try Tensor.elementOffsets(shape: inputShape, strides: inputStrides, offset: inputOffset)
        let low = Swift.min(read.min() ?? 0, held.min() ?? 0)
        let span = Swift.max(read.max() ?? 0, held.max() ?? 0) - low + 1
        let storageGrad = try placed(into: [span], at: read.map { $0 - low })
        let inputGrad = try storageGrad.picked(at: held.map { $0 - low }, shape: inputShape, name: "IndexBackward0")
        var copies = [Int](repeating: 0, count: span)
        for p in held { copies[p - low] += 1 }
        guard copies.contains(where: { $0 > 1 }) else { return inputGrad }
        let shares = try Tensor.int64s(held.map { Int64(copies[$0 - low]) }, shape: inputShape)
        return try inputGrad.div(shares.to(dtype))
    }

    /// `unfold(dimension, size, step)`: the windows of `size` elements, `step` apart, along
    /// `dimension`, as a new last dimension (a view).
    public func unfold(dimension: Int, size: Int, step: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dimension, rank: rank)
        let length = rank == 0 ? 1 : shape[d]
        if size > length { throw TorchError.runtime("maximum size for tensor at dimension \(d) is \(length) but size is \(size)") }
        if size < 0 { throw TorchError.runtime("size is \(size) but must be >= 0") }
        if step <= 0 { throw TorchError.runtime("step is \(step) but must be > 0") }
        let (newShape, newStrides) = Tensor.windows(of: shape, strides: strides, along: d, size: size, step: step)
        return makeView(shape: newShape, strides: newStrides)
            .record("UnfoldBackward0", inputs: [self], saving: { _ in (dim: d, size: size, step: step) }) { ctx, saved in
                let inputShape = ctx.inputShape(0)
                let read = Tensor.windows(of: inputShape, strides: Shape.contiguousStrides(inputShape),
                                          along: saved.dim, size: saved.size, step: saved.step)
                let positions = try Tensor.elementOffsets(shape: read.shape, strides: read.strides, offset: 0)
                return [try ctx.grad.placed(into: inputShape, at: positions)]
            }
    }

    /// The geometry of `unfold`'s windows over a tensor of this geometry (checked arguments).
    private static func windows(of shape: [Int], strides: [Int], along d: Int, size: Int, step: Int)
        -> (shape: [Int], strides: [Int]) {
        if shape.isEmpty { return ([size], [1]) }
        var newShape = shape, newStrides = strides
        newShape[d] = (shape[d] - size) / step + 1
        newStrides[d] = strides[d] &* step
        return (newShape + [size], newStrides + [strides[d]])
    }

    /// `unflatten(dim, sizes)`: dimension `dim` viewed as `sizes` (one of them may be -1).
    public func unflatten(dim: Int, sizes: [Int]) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        if sizes.isEmpty { throw TorchError.runtime("unflatten: sizes must be non-empty") }
        let length = rank == 0 ? 1 : shape[d]
        var resolved = sizes
        if let unknown = sizes.firstIndex(of: -1), sizes.filter({ $0 == -1 }).count == 1 {
            let known = sizes.reduce(1) { $1 == -1 ? $0 : $0 &* $1 }
            if known != 0 && length % known == 0 { resolved[unknown] = length / known }
        }
        if resolved.contains(where: { $0 < 0 }) || Shape.count(resolved) != length {
            throw TorchError.runtime("unflatten: Provided sizes \(Shape.sizeList(sizes)) don't multiply up to the size of dim \(d) (\(length)) in the input tensor")
        }
        var newShape = shape
        if rank == 0 { newShape = resolved } else { newShape.replaceSubrange(d...d, with: resolved) }
        return try view(newShape)
    }
}

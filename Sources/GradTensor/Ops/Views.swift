/// Views: new shapes and strides over the same storage, with their backward formulas.
extension Tensor {
    /// A view of this tensor's storage (shares data and version counter).
    func makeView(shape: [Int], strides: [Int], offset: Int? = nil) -> Tensor {
        let v = Tensor(storage: storage, shape: shape, strides: strides, offset: offset ?? self.offset,
                       version: versionCounter)
        v.viewBase = viewBase ?? self
        v.links.gradFnVersion = v.version
        // A view is an inference tensor exactly when its base is, whatever the mode now.
        v.links.isInference = links.isInference
        // A view of one of several views returned together shares their restriction (PyTorch's
        // MULTI_OUTPUT_NODE creation meta), as output 0 of its own op.
        if links.multiOutputViewIndex != nil, GradMode.isEnabled { v.links.multiOutputViewIndex = 0 }
        return v
    }

    /// Resolves a single -1 in a requested shape against this tensor's element count.
    func inferShape(_ requested: [Int]) throws -> [Int] {
        var shape = requested
        var inferred: Int?
        var known = 1
        for (i, s) in requested.enumerated() {
            if s == -1 {
                if inferred != nil { throw TorchError.runtime("only one dimension can be inferred") }
                inferred = i
            } else if s < 0 {
                throw TorchError.runtime("invalid shape dimension \(s)")
            } else {
                let (p, overflow) = known.multipliedReportingOverflow(by: s)
                if overflow { throw TorchError.runtime("shape '\(Shape.sizeList(requested))' is invalid for input of size \(numel)") }
                known = p
            }
        }
        if let i = inferred {
            if known == 0 && numel == 0 {
                throw TorchError.runtime("cannot reshape tensor of 0 elements into shape \(Shape.sizeList(requested)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            if known == 0 || numel % known != 0 {
                throw TorchError.runtime("shape '\(Shape.sizeList(requested))' is invalid for input of size \(numel)")
            }
            shape[i] = numel / known
        } else if known != numel {
            throw TorchError.runtime("shape '\(Shape.sizeList(requested))' is invalid for input of size \(numel)")
        }
        return shape
    }

    /// `view(shape)`: only for layouts where no copy is needed.
    public func view(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        guard let strides = viewStrides(for: newShape) else {
            throw TorchError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return makeView(shape: newShape, strides: strides).record("ViewBackward0", inputs: [self]) { ctx, _ in
            [try ctx.grad.reshape(ctx.inputShape(0))]
        }
    }

    /// `reshape(shape)`, recorded as PyTorch records it: `view` for a contiguous tensor, an alias
    /// (ReshapeAliasBackward0) when other strides still allow a view, else a contiguous clone
    /// given the new shape (CloneBackward0, then UnsafeViewBackward0).
    public func reshape(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        if isContiguous || numel == 0 { return try view(newShape) }
        if let strides = viewStrides(for: newShape) {
            return makeView(shape: newShape, strides: strides).record("ReshapeAliasBackward0", inputs: [self]) { ctx, _ in
                [try ctx.grad.reshape(ctx.inputShape(0))]
            }
        }
        return try clone(memoryFormat: .contiguous).unsafeView(newShape)
    }

    /// PyTorch's `_unsafe_view`: this contiguous temporary's data under a new shape, as a new
    /// tensor rather than a view (nobody else holds the temporary, so no aliasing to track).
    func unsafeView(_ newShape: [Int]) -> Tensor {
        let out = Tensor(storage: storage, shape: newShape, strides: Shape.contiguousStrides(newShape),
                         offset: offset, version: nil)
        return out.record("UnsafeViewBackward0", inputs: [self]) { ctx, _ in
            [try ctx.grad.reshape(ctx.inputShape(0))]
        }
    }

    /// The strides of a view of shape `newShape`, or nil when the data would have to move
    /// (PyTorch's `computeStride`).
    func viewStrides(for newShape: [Int]) -> [Int]? {
        if isContiguous { return Shape.contiguousStrides(newShape) }
        if numel == 0 { return Shape.contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBase = strides.last ?? 1
        var tensorNumel = 1, viewNumel = 1
        var d = shape.count - 1
        while d >= 0 {
            tensorNumel &*= shape[d]
            if d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel &* chunkBase) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel &* chunkBase
                    viewNumel &*= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if d > 0 {
                    chunkBase = strides[d - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
            d -= 1
        }
        return viewD == -1 ? newStrides : nil
    }

    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if rank == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(startDim, rank: rank), e = try Shape.wrapDim(endDim, rank: rank)
        if s > e { throw TorchError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, &*)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    public func expand(_ sizes: [Int]) throws -> Tensor {
        if sizes.count < rank {
            throw TorchError.runtime("expand(\(dtype.legacyTensorName){\(Shape.sizeList(shape))}, size=\(Shape.sizeList(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(rank))")
        }
        let lead = sizes.count - rank
        var newShape = sizes, newStrides = [Int](repeating: 0, count: sizes.count)
        // From the last dimension, as PyTorch checks them: its errors name the last mismatch.
        for i in (0..<sizes.count).reversed() {
            if i < lead {
                if sizes[i] < 0 {
                    throw TorchError.runtime("The expanded size of the tensor (\(sizes[i])) isn't allowed in a leading, non-existing dimension \(i)")
                }
                continue
            }
            let own = shape[i - lead]
            if sizes[i] == -1 || sizes[i] == own {
                newShape[i] = own
                newStrides[i] = strides[i - lead]
            } else if own == 1 {
                if sizes[i] < 0 { throw TorchError.runtime("Trying to create tensor with negative dimension \(sizes[i]): \(Shape.sizeList(sizes))") }
                newStrides[i] = 0
            } else {
                throw TorchError.runtime("The expanded size of the tensor (\(sizes[i])) must match the existing size (\(own)) at non-singleton dimension \(i).  Target sizes: \(Shape.sizeList(sizes)).  Tensor sizes: \(Shape.sizeList(shape))")
            }
        }
        if newShape == shape { return self.recordingIdentityView() }
        // A view larger than any storage: every op on it would allocate that much. PyTorch allows
        // the view and fails at the first such op; grad refuses here, with the same error.
        _ = try Shape.checkedCount(newShape, dtype: dtype)
        return makeView(shape: newShape, strides: newStrides).record("ExpandBackward0", inputs: [self]) { ctx, _ in
            [try ctx.grad.sumToShape(ctx.inputShape(0))]
        }
    }

    /// expand to the same shape still yields a new view node in PyTorch.
    private func recordingIdentityView() -> Tensor {
        makeView(shape: shape, strides: strides).record("ExpandBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
    }

    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == rank else {
            throw TorchError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(dims.count)")
        }
        let order = try dims.map { try Shape.wrapDim($0, rank: rank) }
        if Set(order).count != order.count { throw TorchError.runtime("permute(): duplicate dims are not allowed.") }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, d) in order.enumerated() { inverse[d] = i }
        return makeView(shape: order.map { shape[$0] }, strides: order.map { strides[$0] })
            .record("PermuteBackward0", inputs: [self], saving: { _ in (inverse: inverse, given: dims) }) { ctx, saved in
                [try ctx.grad.permute(saved.inverse)]
            }
    }

    public func transpose(_ d0: Int, _ d1: Int) throws -> Tensor {
        try swapped(d0, d1, name: "TransposeBackward0")
    }

    /// `t()`: transpose of a tensor with at most 2 dimensions.
    public func t() throws -> Tensor {
        if rank > 2 { throw TorchError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(rank)D") }
        if rank < 2 { return try swapped(0, 0, name: "TBackward0") }
        return try swapped(0, 1, name: "TBackward0")
    }

    private func swapped(_ d0: Int, _ d1: Int, name: String) throws -> Tensor {
        let a = try Shape.wrapDim(d0, rank: rank), b = try Shape.wrapDim(d1, rank: rank)
        var newShape = shape, newStrides = strides
        if rank > 0 {
            newShape.swapAt(a, b)
            newStrides.swapAt(a, b)
        }
        return makeView(shape: newShape, strides: newStrides).record(name, inputs: [self],
                                                                     saving: { _ in (dim0: a, dim1: b, given0: d0, given1: d1) }) { ctx, saved in
            [try ctx.grad.transpose(saved.dim0, saved.dim1)]
        }
    }

    /// `.T`: all dimensions reversed.
    public var T: Tensor {
        get throws { try permute(Array((0..<rank).reversed())) }
    }

    public func unsqueeze(_ dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank + 1)
        var newShape = shape, newStrides = strides
        let stride = d < rank ? shape[d] * strides[d] : 1
        newShape.insert(1, at: d)
        newStrides.insert(stride, at: d)
        return makeView(shape: newShape, strides: newStrides).record("UnsqueezeBackward0", inputs: [self], saving: { _ in (dim: d, given: dim) }) { ctx, saved in
            [try ctx.grad.squeeze(dims: [saved.dim])]
        }
    }

    /// `squeeze()` drops every size-1 dimension; `squeeze(dim)` only those listed.
    public func squeeze(dims: [Int]? = nil) throws -> Tensor {
        let chosen = try dims.map { try $0.map { try Shape.wrapDim($0, rank: rank) } }
        var newShape: [Int] = [], newStrides: [Int] = []
        for i in 0..<rank where !(shape[i] == 1 && (chosen?.contains(i) ?? true)) {
            newShape.append(shape[i])
            newStrides.append(strides[i])
        }
        return makeView(shape: newShape, strides: newStrides)
            .record(dims == nil ? "SqueezeBackward0" : "SqueezeBackward1", inputs: [self]) { ctx, _ in
                [try ctx.grad.reshape(ctx.inputShape(0))]
            }
    }

    /// `sum_to_size(size)`: summed back to `size`, a shape this tensor's broadcasts from; the
    /// tensor itself when it has that shape.
    public func sumToSize(_ size: [Int]) throws -> Tensor {
        if !Shape.isExpandable(size, to: shape) {
            throw TorchError.runtime("size {\(Shape.sizeList(size))} is not expandable to size {\(Shape.sizeList(shape))}.")
        }
        return try sumToShape(size)
    }

    /// Sums a broadcast gradient back to `target` (the one place broadcasting is undone).
    func sumToShape(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        // As ATen's `sum_to`, so a graph of gradients (create_graph) has PyTorch's nodes: a whole
        // sum for a 0-dim target; else a keepdim sum over the leading dims and the dims the
        // target keeps as 1, viewed to the target only when leading dims were dropped.
        if target.isEmpty { return try sum() }
        let lead = rank - target.count
        var dims = Array(0..<Swift.max(lead, 0))
        for (i, s) in target.enumerated() where s == 1 && shape[lead + i] != 1 { dims.append(lead + i) }
        var out = self
        if !dims.isEmpty { out = try out.sum(dims: dims, keepdim: true) }
        return lead > 0 ? try out.reshape(target) : out
    }
}

/// `narrow`, `select` and `movedim`: the view ops above, under the names and checks PyTorch
/// gives them as functions.
extension Tensor {
    /// `narrow(dim, start, length)`: the slice `start..<start + length` along `dim`.
    public func narrow(dim: Int, start: Int, length: Int) throws -> Tensor {
        if rank == 0 { throw TorchError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = shape[d]
        if start < -size || start > size {
            throw TorchError.index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let first = start < 0 ? start + size : start
        if length < 0 { throw TorchError.runtime("narrow(): length must be non-negative.") }
        if first > size - length {
            throw TorchError.runtime("start (\(first)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try sliceView(d, start: first, stop: first + length, step: 1)
    }

    /// `select(dim, index)`: the view without dimension `dim`, at `index` along it.
    public func select(dim: Int, index: Int) throws -> Tensor {
        if rank == 0 { throw TorchError.index("select() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        guard index >= -shape[d] && index < shape[d] else {
            throw TorchError.index("select(): index \(index) out of range for tensor of size \(Shape.sizeList(shape)) at dimension \(d)")
        }
        return selectView(d, index < 0 ? index + shape[d] : index)
    }

    /// `movedim(source, destination)`: the dimensions in `source` moved to `destination`, the
    /// others keeping their order (a permute).
    public func movedim(_ source: [Int], to destination: [Int]) throws -> Tensor {
        guard source.count == destination.count else {
            throw TorchError.runtime("movedim: Invalid source or destination dims: source (\(Shape.sizeList(source)) dims) should contain the same number of dims as destination (\(Shape.sizeList(destination)) dims)")
        }
        let from = try source.map { try Shape.wrapDim($0, rank: rank) }, to = try destination.map { try Shape.wrapDim($0, rank: rank) }
        for (name, dims, given) in [("source", from, source), ("destination", to, destination)] where Set(dims).count != dims.count {
            throw TorchError.runtime("movedim: repeated dim in `\(name)` (\(Shape.sizeList(given)))")
        }
        var order = [Int?](repeating: nil, count: rank)
        for (f, t) in zip(from, to) { order[t] = f }
        var rest = (0..<rank).filter { !from.contains($0) }.makeIterator()
        return try permute(order.map { $0 ?? rest.next() ?? 0 })
    }
}

extension Tensor {
    /// `meshgrid(tensors)`: each vector expanded along its own dimension to the grid of all their
    /// sizes; `cartesian` ("xy" indexing) swaps the first two dimensions' roles.
    public static func meshgrid(_ vectors: [Tensor], cartesian: Bool) throws -> [Tensor] {
        if vectors.isEmpty { throw TorchError.runtime("meshgrid expects a non-empty TensorList") }
        if vectors.contains(where: { $0.dtype != vectors[0].dtype }) {
            throw TorchError.runtime("meshgrid expects all tensors to have the same dtype")
        }
        for t in vectors where t.rank > 1 {
            throw TorchError.runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \(t)")
        }
        var sizes = vectors.map(\.numel)
        var axes = Array(sizes.indices)
        if cartesian && sizes.count >= 2 {
            sizes.swapAt(0, 1)
            axes.swapAt(0, 1)
        }
        return try vectors.enumerated().map { i, t in
            var shape = Array(repeating: 1, count: sizes.count)
            let axis = axes.firstIndex(of: i) ?? i
            shape[axis] = t.numel
            return try t.view(shape).expand(sizes)
        }
    }
}

/// `t[...]`: Python subscripts applied the way PyTorch's `THPVariable_getitem` / `applySlicing` do,
/// one view op per item (so `grad_fn` shows the last one), then advanced indexing on what is left.
extension Tensor {
    /// `t[items]`. Ints, slices, None and Ellipsis give views sharing storage; tensor indices give
    /// a copy (IndexBackward0). `tuple` says the subscript was written as a tuple: `t[0:3,]` skips
    /// a full slice (AliasBackward0) where `t[0:3]` records it (SliceBackward0).
    public func index(_ items: [TensorIndex], tuple: Bool = false) throws -> Tensor {
        // PyTorch's shortcuts for a non-tuple subscript.
        if items.count == 1 && !tuple {
            switch items[0] {
            case .int(let i): return try selecting(dim: 0, i, position: 0)
            case .slice(let start, let stop, let step):
                return try slicing(dim: 0, try PythonSlice(start, stop, step), optimize: false)
            case .none: return try unsqueeze(0)
            case .ellipsis: return aliasView()
            case .bool(let b):
                let widened = try unsqueeze(0)
                return try widened.advancedIndex([Tensor.boolIndex(b)])
            case .tensor: break
            }
        }
        let (sliced, tensorIndices) = try applySlicing(items, optimize: true)
        if tensorIndices.isEmpty {
            return sliced === self ? aliasView() : sliced
        }
        return try sliced.advancedIndex(tensorIndices)
    }

    /// Applies the basic items one by one and collects the tensor indices, each placed at the
    /// dimension it indexes in the result (nil for dimensions left alone), as `applySlicing`.
    /// `optimize` lets a full slice (`:`, `0:n`) return the tensor itself instead of a new view.
    func applySlicing(_ items: [TensorIndex], optimize: Bool) throws -> (Tensor, [Tensor?]) {
        let specified = items.reduce(0) { $0 + $1.specifiedDims }
        if specified > rank {
            throw TorchError.index("too many indices for tensor of dimension \(rank)")
        }
        var result = self
        var dim = 0
        var found: [Tensor?] = []
        /// Notes dimensions passed over, so later tensor indices land on the right dimension.
        func skip(_ n: Int) {
            if !found.isEmpty { found.append(contentsOf: repeatElement(nil, count: Swift.max(n, 0))) }
        }
        func record(_ t: Tensor) {
            if found.isEmpty {
                found = Array(repeating: nil, count: dim)
            }
            found.append(t)
            dim += t.dtype == .bool ? t.rank : 1
        }
        for (position, item) in items.enumerated() {
            switch item {
            case .int(let i):
                result = try result.selecting(dim: dim, i, position: position)
            case .slice(let start, let stop, let step):
                result = try result.slicing(dim: dim, try PythonSlice(start, stop, step), optimize: optimize)
                dim += 1
                skip(1)
            case .ellipsis:
                let n = rank - specified
                dim += n
                skip(n)
            case .none:
                result = try result.unsqueeze(dim)
                dim += 1
                skip(1)
            case .bool(let b):
                result = try result.unsqueeze(dim)
                record(try Tensor.boolIndex(b))
            case .tensor(let t):
                if t.rank == 0 && (t.dtype == .int64 || t.dtype == .int32), case .int(let i) = t.element(atFlat: 0) {
                    result = try result.selecting(dim: dim, Int(i), position: position)
                } else if t.rank == 0 && t.dtype == .bool {
                    result = try result.unsqueeze(dim)
                    record(try Tensor.boolIndex(t.element(atFlat: 0).boolValue))
                } else {
                    record(t)
                }
            }
        }
        return (result, found)
    }

    /// `applySelect`: PyTorch's checks (with the item's position in the subscript as the
    /// dimension it reports), then the view.
    func selecting(dim: Int, _ index: Int, position: Int) throws -> Tensor {
        if index == 0 && dim == 0 && rank == 0 {
            throw TorchError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        // Past the last dimension (several Ellipses) PyTorch reads a size of 0.
        let size = dim < rank ? shape[dim] : 0
        guard index >= -size && index < size else {
            throw TorchError.index("index \(index) is out of bounds for dimension \(position) with size \(size)")
        }
        return selectView(dim, index < 0 ? index + size : index)
    }

    /// `applySlice`: the step check, the full-slice shortcut, then `at::slice`.
    func slicing(dim: Int, _ s: PythonSlice, optimize: Bool) throws -> Tensor {
        if s.step <= 0 { throw TorchError.value("step must be greater than zero") }
        if optimize && rank > 0 {
            let length = dim < rank ? shape[dim] : 0
            if s.start == 0 && length <= s.stop && s.step == 1 { return self }
        }
        return try sliceView(dim, start: s.start, stop: s.stop, step: s.step)
    }

    /// The long index standing for Python `True` (`[0]`) or `False` (`[]`) on a new axis of size 1.
    static func boolIndex(_ b: Bool) throws -> Tensor {
        try Tensor(zeros: [b ? 1 : 0], dtype: .int64)
    }
}

/// A slice with Python's defaults filled in, as `PySlice_Unpack` gives it to PyTorch.
struct PythonSlice {
    let start: Int, stop: Int, step: Int

    init(_ start: Int?, _ stop: Int?, _ step: Int?) throws {
        let s = step ?? 1
        if s == 0 { throw TorchError.value("slice step cannot be zero") }
        self.step = Swift.max(s, -Int.max)
        self.start = start ?? (s < 0 ? Int.max : 0)
        self.stop = stop ?? (s < 0 ? Int.min : Int.max)
    }
}

extension TensorIndex {
    /// How many dimensions of the tensor this item consumes (`count_specified_dimensions`).
    var specifiedDims: Int {
        switch self {
        case .int, .slice: return 1
        case .none, .ellipsis, .bool: return 0
        case .tensor(let t): return t.dtype == .bool ? t.rank : 1
        }
    }
}

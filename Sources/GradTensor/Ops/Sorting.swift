/// `sort`, `argsort`, `topk`, `kthvalue`: the elements of each run along a dimension put in
/// order, with the positions they came from. NaN counts as larger than any number, as in
/// PyTorch. The values' gradient goes back to the positions they were taken from.
extension Tensor {
    /// `sort(dim, descending, stable)` → (values, indices). Without `stable`, equal elements are
    /// left in the order libstdc++'s `std::sort` leaves them (PyTorch's CPU kernel calls it);
    /// `stable` (SortBackward1 in the graph) keeps their original order.
    public func sort(dim: Int = -1, descending: Bool = false, stable: Bool? = nil) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : shape[d]
        let (values, indices) = try selectAlong(d, keeping: size, .sort(descending: descending, stable: stable ?? false))
        recordSelection(values, indices, d, name: stable == nil ? "SortBackward0" : "SortBackward1", keepdim: true)
        return (values, indices)
    }

    /// `topk(k, dim, largest, sorted)` → the k largest (or smallest) and their indices.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : shape[d]
        guard k >= 0 && k <= size else { throw TorchError.runtime("selected index k out of range") }
        let (values, indices) = try selectAlong(d, keeping: k, .top(largest: largest))
        recordSelection(values, indices, d, name: "TopkBackward0", keepdim: true)
        return (values, indices)
    }

    /// `kthvalue(k, dim, keepdim)` → the k-th smallest element (from 1) and its index.
    public func kthvalue(_ k: Int, dim: Int = -1, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : shape[d]
        guard k >= 1 && k <= size else {
            throw TorchError.runtime("kthvalue(): selected number k out of range for dimension \(d)")
        }
        var (values, indices) = try selectAlong(d, keeping: 1, .kth(k))
        if !keepdim && rank > 0 {
            values = values.detach().squeezedCopy(d)
            indices = indices.squeezedCopy(d)
        }
        recordSelection(values, indices, d, name: "KthvalueBackward0", keepdim: keepdim)
        return (values, indices)
    }

    /// The same elements under the shape without dimension `d` (of size 1).
    private func squeezedCopy(_ d: Int) -> Tensor {
        var newShape = shape
        newShape.remove(at: d)
        return Tensor(storage: storage, shape: newShape, strides: Shape.contiguousStrides(newShape), offset: offset, version: nil)
    }

    /// Records `values` as selected from this tensor at `indices` along `dim`: the gradient is
    /// scattered back to those positions (PyTorch's `value_selecting_reduction_backward`).
    func recordSelection(_ values: Tensor, _ indices: Tensor, _ dim: Int, name: String, keepdim: Bool) {
        values.record(name, inputs: [self], saving: { (indices: $0.slot(indices), dim: dim, keepdim: keepdim) }) { ctx, saved in
            var (grad, indices) = (ctx.grad, try ctx.saved(saved.indices))
            if !saved.keepdim && !ctx.inputShape(0).isEmpty {
                grad = try grad.unsqueeze(saved.dim)
                indices = try indices.unsqueeze(saved.dim)
            }
            return [try Tensor.scatter(grad, indices: indices, dim: saved.dim, shape: ctx.inputShape(0))]
        }
    }

    /// What a run along the dimension is reduced to.
    enum RunSelection {
        case sort(descending: Bool, stable: Bool)
        /// The first `keeping` in order, largest first when `largest`.
        case top(largest: Bool)
        /// The k-th smallest (from 1).
        case kth(Int)
    }

    /// For each run along `d`, `keeping` elements chosen by `selection` and their positions,
    /// in tensors shaped like this one with `keeping` elements along `d`.
    private func selectAlong(_ d: Int, keeping k: Int, _ selection: RunSelection) throws -> (Tensor, Tensor) {
        var outShape = shape
        if rank > 0 { outShape[d] = k }
        switch dtype {
        case .float32: return try selectRuns(d, k, outShape, selection, Float.self)
        case .float64: return try selectRuns(d, k, outShape, selection, Double.self)
        case .int64: return try selectRuns(d, k, outShape, selection, Int64.self)
        default:
            // Narrow dtypes and bool are ordered in their compute type, which keeps every value.
            let (values, indices) = try widened().selectAlong(d, keeping: k, selection)
            return (try values.materialized(as: dtype), indices)
        }
    }

    private func selectRuns<T: Element & Comparable>(_ d: Int, _ k: Int, _ outShape: [Int], _ selection: RunSelection,
                                                     _: T.Type) throws -> (Tensor, Tensor) {
        let source = try materialized()
        let runs = RunsAlong(shape: shape, dim: d)
        let n = runs.length
        let values = Tensor(storage: try Storage.make(dtype: dtype, count: Shape.count(outShape)), shape: outShape)
        let indices = Tensor(storage: try Storage.make(dtype: .int64, count: Shape.count(outShape)), shape: outShape)
        typealias Item = (value: T, index: Int)
        // NaN (the only value unequal to itself) orders above everything.
        let ascending: (Item, Item) -> Bool = { x, y in (x.value == x.value && y.value != y.value) || x.value < y.value }
        let descending: (Item, Item) -> Bool = { x, y in (x.value != x.value && y.value == y.value) || x.value > y.value }
        withExtendedLifetime(source) {
            let src = source.storage.pointer(T.self) + source.offset
            let dstValues = values.storage.pointer(T.self), dstIndices = indices.storage.pointer(Int64.self)
            runs.forEach { start in
                let run = (0..<n).map { (value: src[start &+ $0 &* runs.stride], index: $0) }
                let chosen: [Item]
                switch selection {
                case .sort(let isDescending, let stable):
                    let before = isDescending ? descending : ascending
                    if stable {
                        chosen = run.sorted { before($0, $1) || (!before($1, $0) && $0.index < $1.index) }
                    } else {
                        var sorter = StandardLibrarySort(items: run, before: before)
                        sorter.sort(to: n)
                        chosen = sorter.items
                    }
                case .top(let largest):
                    // PyTorch's CPU topk: a partial sort when k is at most 1/64 of the run,
                    // else nth_element and a sort of the first k - 1.
                    var sorter = StandardLibrarySort(items: run, before: largest ? descending : ascending)
                    if k * 64 <= n {
                        sorter.partialSort(k)
                    } else if k > 0 {
                        sorter.nthElement(k - 1)
                        sorter.sort(to: k - 1)
                    }
                    chosen = Array(sorter.items.prefix(k))
                case .kth(let kth):
                    var items = run
                    quickSelect(&items, kth - 1, greater: descending)
                    chosen = [items[kth - 1]]
                }
                // The same run of the output, which has k elements along d.
                let first = start / (n * runs.stride) * k * runs.stride + start % runs.stride
                for (j, item) in chosen.prefix(k).enumerated() {
                    dstValues[first &+ j &* runs.stride] = item.value
                    dstIndices[first &+ j &* runs.stride] = Int64(item.index)
                }
            }
        }
        return (values, indices)
    }
}

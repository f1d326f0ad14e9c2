/// `median`, `nanmedian` and `mode`: one element chosen from each run along a dimension (or
/// from all elements), with its position. Among equal elements the position PyTorch's CPU
/// kernels report is kept: the median is the element at rank (n-1)/2 of the order "smaller
/// value, then earlier position"; the mode's is where `std::sort` by value alone leaves the
/// last of its run of equal values.
extension Tensor {
    /// `median()` / `nanmedian()`: the lower median of all elements. `median` is NaN when any
    /// element is; `nanmedian` leaves NaNs out (NaN only when all are). The gradient is shared
    /// evenly among the elements equal to the result (MedianBackward0, NanmedianBackward0).
    public func median(ignoringNaN: Bool) throws -> Tensor {
        let rule: RunPick = .median(ignoringNaN: ignoringNaN)
        let value: Tensor
        if numel == 0 {
            guard dtype.isFloatingPoint else { throw TorchError.runtime("median() input tensor cannot be empty") }
            value = try Tensor(zeros: [], dtype: dtype).add(.wrapping(.double(.nan)))
        } else {
            value = try reshape([-1]).detach().picking(rule, along: 0).values.reshape([])
        }
        return value.recordSharedAmongEqual(ignoringNaN ? "NanmedianBackward0" : "MedianBackward0", input: self)
    }

    /// `median(dim, keepdim)` / `nanmedian(dim, keepdim)` → (values, indices)
    /// (MedianBackward1, NanmedianBackward1: the gradient goes to the chosen positions).
    public func median(dim: Int, keepdim: Bool, ignoringNaN: Bool) throws -> (values: Tensor, indices: Tensor) {
        try picking(.median(ignoringNaN: ignoringNaN), dim: dim, keepdim: keepdim,
                    name: ignoringNaN ? "NanmedianBackward1" : "MedianBackward1", opName: "median()")
    }

    /// `mode(dim, keepdim)` → the most frequent value of each run (the smallest among equally
    /// frequent ones) and a position holding it (ModeBackward0).
    public func mode(dim: Int = -1, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try picking(.mode, dim: dim, keepdim: keepdim, name: "ModeBackward0", opName: "mode()")
    }

    private func picking(_ rule: RunPick, dim: Int, keepdim: Bool, name: String, opName: String) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if rank > 0 && shape[d] == 0 {
            throw TorchError.index("\(opName): Expected reduction dim \(d) to have non-zero size.")
        }
        var (values, indices) = try detach().picking(rule, along: d)
        if !keepdim && rank > 0 {
            (values, indices) = (try values.squeeze(dims: [d]).contiguous(), try indices.squeeze(dims: [d]).contiguous())
        }
        recordSelection(values, indices, d, name: name, keepdim: keepdim)
        return (values, indices)
    }

    /// How one element of a run is chosen.
    enum RunPick {
        case median(ignoringNaN: Bool)
        case mode
    }

    /// For each run along `d`, the chosen element and its position, shaped with 1 along `d`
    /// (ungraphed). Narrow dtypes are compared in their compute type, which keeps every value.
    private func picking(_ rule: RunPick, along d: Int) throws -> (values: Tensor, indices: Tensor) {
        switch dtype {
        case .float32: return try pickRuns(rule, d, Float.self)
        case .float64: return try pickRuns(rule, d, Double.self)
        case .int64: return try pickRuns(rule, d, Int64.self)
        case .bool:
            throw TorchError.notImplemented("\"\(rule.kernelName)\" not implemented for 'Bool'")
        default:
            let (values, indices) = try widened().picking(rule, along: d)
            return (try values.materialized(as: dtype), indices)
        }
    }

    private func pickRuns<T: Element & Comparable>(_ rule: RunPick, _ d: Int, _: T.Type) throws -> (values: Tensor, indices: Tensor) {
        let source = try materialized()
        let runs = RunsAlong(shape: shape, dim: d)
        let n = runs.length
        var outShape = shape
        if rank > 0 { outShape[d] = 1 }
        let values = Tensor(storage: try Storage.make(dtype: dtype, count: Shape.count(outShape)), shape: outShape)
        let indices = Tensor(storage: try Storage.make(dtype: .int64, count: Shape.count(outShape)), shape: outShape)
        withExtendedLifetime(source) {
            let src = source.storage.pointer(T.self) + source.offset
            let dstValues = values.storage.pointer(T.self), dstIndices = indices.storage.pointer(Int64.self)
            runs.forEach { start in
                let run = (0..<n).map { src[start &+ $0 &* runs.stride] }
                let at = rule.position(in: run)
                // The run's slot in the output, which has one element along d.
                let slot = start / (n * runs.stride) * runs.stride + start % runs.stride
                dstValues[slot] = run[at]
                dstIndices[slot] = Int64(at)
            }
        }
        return (values, indices)
    }
}

extension Tensor.RunPick {
    /// The name PyTorch's dispatch reports for a dtype it lacks.
    var kernelName: String {
        switch self {
        case .median: return "median_out"
        case .mode: return "mode_cpu"
        }
    }

    /// The position in `run` (not empty) of the element this rule chooses, as PyTorch's CPU
    /// kernels choose it.
    func position<T: Comparable>(in run: [T]) -> Int {
        let n = run.count
        switch self {
        case .median(let ignoringNaN):
            // A NaN is the median of `median` (the first one); NaN is the only value unequal to itself.
            if !ignoringNaN, let nan = run.firstIndex(where: { $0 != $0 }) { return nan }
            let nanCount = ignoringNaN ? run.reduce(0) { $1 != $1 ? $0 + 1 : $0 } : 0
            // C++'s division truncates: all NaN gives rank 0.
            let rank = (n - nanCount - 1) / 2
            var order = StandardLibrarySort(items: Array(0..<n)) { i, j in
                let (a, b) = (run[i], run[j])
                return a < b || (a == b && i < j) || (b != b && a == a)
            }
            order.nthElement(rank)
            return order.items[rank]
        case .mode:
            var order = StandardLibrarySort(items: Array(0..<n)) { run[$0] < run[$1] }
            order.sort(to: n)
            var (best, bestCount, count) = (0, 0, 0)
            for k in 0..<n {
                count += 1
                if k == n - 1 || run[order.items[k]] != run[order.items[k + 1]] {
                    if count > bestCount { (best, bestCount) = (order.items[k], count) }
                    count = 0
                }
            }
            return best
        }
    }
}

/// `histc`, `histogram` and `bincount`: counts of elements per bin, as PyTorch's CPU kernels
/// place them (`HistogramKernel.cpp`, `SummaryOps.cpp`). None has a gradient.
extension Tensor {
    /// How an element finds its bin among the edges.
    public enum BinSearch: Sendable {
        /// `(x - first) · bins / (last - first)`, truncated (`histc`).
        case linear
        /// The same, corrected against the neighbouring edges (`histogram` with a bin count).
        case linearWithLocalSearch
        /// The last edge not above x (`histogram` with edges given).
        case binary
    }

    /// `histc(bins, min, max)`: `bins` equal bins over [min, max] (the data's range when they
    /// are equal; widened by 1 on each side when that is empty too).
    public func histc(bins: Int, min: Double, max: Double) throws -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.notImplemented("\"histogram_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard bins > 0 else { throw TorchError.runtime("torch.histogram(): bins must be > 0, but got \(bins) for dimension 0") }
        var (low, high) = (min, max)
        if low == high && numel > 0 {
            let (smallest, largest) = try aminmax(dim: nil, keepdim: false)
            (low, high) = (try smallest.item().doubleValue, try largest.item().doubleValue)
        }
        if low == high { (low, high) = (low - 1, high + 1) }
        guard low.isFinite && high.isFinite else {
            throw TorchError.runtime("torch.histc: range of [\(Tensor.cNumber(low)), \(Tensor.cNumber(high))] is not finite")
        }
        guard low < high else { throw TorchError.runtime("torch.histc: max must be larger than min") }
        let edges = try Tensor.linspace(low, high, steps: bins + 1, dtype: dtype)
        return try binCounts(edges: edges, weights: nil, search: .linear)
    }

    /// `histogram(bins, range, weight, density)` with `bins` equal bins → (hist, bin_edges).
    public func histogram(bins: Int, range: (Double, Double)?, weight: Tensor?, density: Bool) throws -> (hist: Tensor, edges: Tensor) {
        try checkHistogramInput(weight)
        guard bins > 0 else { throw TorchError.runtime("torch.histogram(): bins must be > 0, but got \(bins) for dimension 0") }
        var (low, high) = range ?? (0, 1)
        if range == nil && numel > 0 {
            let (smallest, largest) = try aminmax(dim: nil, keepdim: false)
            (low, high) = (try smallest.item().doubleValue, try largest.item().doubleValue)
        }
        guard low.isFinite && high.isFinite else {
            throw TorchError.runtime("torch.histogramdd: dimension 0's range [\(Tensor.cNumber(low)), \(Tensor.cNumber(high))] is not finite")
        }
        guard low <= high else {
            throw TorchError.runtime("torch.histogramdd: min should not exceed max, but got min \(Tensor.cNumber(low)) max \(Tensor.cNumber(high)) for dimension 0")
        }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        let edges = try Tensor.linspace(low, high, steps: bins + 1, dtype: dtype)
        return (try binCounts(edges: edges, weights: weight, search: .linearWithLocalSearch, density: density), edges)
    }

    /// `histogram(bins, weight, density)` with the bins' edges given (ascending) → (hist, bin_edges).
    public func histogram(edges: Tensor, weight: Tensor?, density: Bool) throws -> (hist: Tensor, edges: Tensor) {
        try checkHistogramInput(weight)
        guard edges.rank == 1 else {
            throw TorchError.runtime("torch.histogramdd: bins tensor should have one dimension, but got \(edges.rank) dimensions in the bin tensor for dimension 0")
        }
        guard edges.numel > 0 else {
            throw TorchError.runtime("torch.histogramdd: bins tensor should have at least 1 element, but got \(edges.numel) elements for dimension 0")
        }
        guard edges.dtype == dtype else {
            throw TorchError.runtime("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input \(dtype.scalarTypeName) and bins for dimension 0 with dtype \(edges.dtype.scalarTypeName)")
        }
        let copied = try edges.contiguous().clone()
        return (try binCounts(edges: copied, weights: weight, search: .binary, density: density), copied)
    }

    private func checkHistogramInput(_ weight: Tensor?) throws {
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.notImplemented("\"histogramdd\" not implemented for '\(dtype.scalarTypeName)'")
        }
        if let weight, weight.shape != shape {
            throw TorchError.runtime("torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape \(Shape.sizeList(shape + [1])) and weight with shape \(Shape.sizeList(weight.shape))")
        }
        if let weight, weight.dtype != dtype {
            throw TorchError.runtime("torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype")
        }
    }

    /// The (weighted) count of elements in each bin between neighbouring `edges` (the last bin
    /// holds its right edge; elements outside, and NaN, are skipped); with `density`, divided by
    /// the total and by each bin's width.
    private func binCounts(edges: Tensor, weights: Tensor?, search: BinSearch, density: Bool = false) throws -> Tensor {
        let hist = try GradMode.with(enabled: false) { () -> Tensor in
            switch dtype {
            case .float64: return try countBins(Double.self, edges: edges, weights: weights, search: search)
            default: return try countBins(Float.self, edges: edges, weights: weights, search: search)
            }
        }
        guard density else { return hist }
        return try GradMode.with(enabled: false) {
            try hist.div(.wrapping(.double(hist.sum().item().doubleValue))).div(edges.diff())
        }
    }

    private func countBins<T: Element & BinaryFloatingPoint>(_: T.Type, edges: Tensor, weights: Tensor?, search: BinSearch) throws -> Tensor {
        let (input, edgeValues) = (try materialized(), try edges.materialized())
        let weightValues = try weights?.materialized()
        let edgeCount = edges.numel, binCount = Swift.max(edges.numel - 1, 0)
        let hist = try Tensor.zeros([binCount], dtype: dtype)
        guard binCount > 0 else { return hist }
        withExtendedLifetime((input, edgeValues, weightValues)) {
            let src = input.storage.pointer(T.self) + input.offset
            let bin = edgeValues.storage.pointer(T.self) + edgeValues.offset
            let weight = weightValues.map { $0.storage.pointer(T.self) + $0.offset }
            let out = hist.storage.pointer(T.self)
            let (first, last) = (bin[0], bin[edgeCount - 1])
            for i in 0..<input.numel {
                let x = src[i]
                guard x >= first && x <= last else { continue }
                var position: Int
                switch search {
                case .binary:
                    position = upperBound(bin, 0, edgeCount, x) - 1
                case .linear, .linearWithLocalSearch:
                    // A range too wide for T gives no bin (PyTorch counts nothing there either).
                    let scaled = (x - first) * T(edgeCount - 1) / (last - first)
                    guard scaled.isFinite else { continue }
                    position = Int(Swift.min(Swift.max(scaled, 0), T(edgeCount - 1)))
                    if search == .linearWithLocalSearch {
                        let low = Swift.max(0, position - 1), high = Swift.min(position + 2, edgeCount)
                        position = upperBound(bin, low, high, x) - 1
                    }
                }
                if position == edgeCount - 1 { position -= 1 }
                out[position] += weight.map { $0[i] } ?? 1
            }
        }
        return hist
    }

    /// `bincount(weights, minlength)`: how often each value 0, 1, ... occurs in a 1-D tensor of
    /// non-negative integers (int64), or the sum of the `weights` at its positions (in the
    /// weights' float dtype, other dtypes summed as float64).
    public func bincount(weights: Tensor?, minlength: Int) throws -> Tensor {
        guard minlength >= 0 else { throw TorchError.runtime("minlength should be >= 0") }
        guard !dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"bincount_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let values = try materialized(as: .int64)
        let count = values.numel
        let items = withExtendedLifetime(values) { Array(UnsafeBufferPointer(start: values.storage.pointer(Int64.self) + values.offset, count: count)) }
        guard rank == 1, dtype != .bool, items.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("bincount only supports 1-d non-negative integral inputs.")
        }
        if let weights, weights.rank != 1 || weights.numel != count {
            throw TorchError.runtime("weights should be 1-d and have the same length as input")
        }
        let bins = Swift.max(minlength, Int(items.max() ?? -1) + 1)
        guard let weights else {
            let counts = try Tensor.zeros([bins], dtype: .int64)
            let out = counts.storage.pointer(Int64.self)
            for v in items { out[Int(v)] += 1 }
            return counts
        }
        let sumType: DType = weights.dtype == .float32 ? .float32 : .float64
        let source = try weights.materialized(as: sumType)
        let sums = try Tensor.zeros([bins], dtype: sumType)
        withExtendedLifetime(source) {
            if sumType == .float32 {
                let (w, out) = (source.storage.pointer(Float.self) + source.offset, sums.storage.pointer(Float.self))
                for (i, v) in items.enumerated() { out[Int(v)] += w[i] }
            } else {
                let (w, out) = (source.storage.pointer(Double.self) + source.offset, sums.storage.pointer(Double.self))
                for (i, v) in items.enumerated() { out[Int(v)] += w[i] }
            }
        }
        return sums
    }

    /// A number as C++'s `<<` prints a double (PyTorch's messages): `%g`.
    static func cNumber(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

/// `std::upper_bound` over `edges[low..<high]`: the first position whose edge is above `x`.
private func upperBound<T: Comparable>(_ edges: UnsafeMutablePointer<T>, _ low: Int, _ high: Int, _ x: T) -> Int {
    var (low, high) = (low, high)
    while low < high {
        let mid = (low + high) / 2
        if edges[mid] <= x { low = mid + 1 } else { high = mid }
    }
    return low
}

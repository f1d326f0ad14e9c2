/// Sampling from given probabilities: `bernoulli(p)` and `multinomial`, as PyTorch's CPU kernels
/// draw (`bernoulli_tensor_cpu`, `Distributions.cpp` and `MultinomialKernel.cpp`).
extension Tensor {
    /// 1 with each element's probability, else 0, in this tensor's dtype: float32 probabilities are
    /// compared with 24-bit uniforms, float64 ones with 53-bit uniforms.
    public func bernoulli(generator: CPUGenerator = .shared) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"bernoulli_tensor_cpu_p_\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let p = try contiguous()
        let values = (0..<numel).map { p.element(atFlat: $0).doubleValue }
        if values.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw TorchError.runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        let result = try Tensor(zeros: shape, dtype: dtype)
        for (i, probability) in values.enumerated() {
            let hit = dtype == .float64 ? generator.uniformDouble() < probability
                                        : generator.uniformFloat() < Float(probability)
            result.setFlat(i, .double(hit ? 1 : 0))
        }
        return result
    }

    /// `samples` category indices per row (int64), drawn by the rows' weights. Without replacement
    /// (or for one sample) PyTorch takes the largest weight / Exp(1) ratios; with replacement it
    /// searches each 53-bit uniform in the normalised cumulative weights.
    public func multinomial(_ samples: Int, replacement: Bool, generator: CPUGenerator = .shared) throws -> Tensor {
        guard rank == 1 || rank == 2 else { throw TorchError.runtime("prob_dist must be 1 or 2 dim") }
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        guard samples > 0 else { throw TorchError.runtime("cannot sample n_sample <= 0 samples") }
        let categories = shape[rank - 1], rows = rank == 2 ? shape[0] : 1
        guard replacement || samples <= categories else {
            throw TorchError.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw TorchError.runtime("number of categories cannot exceed 2^24") }
        let resultShape = rank == 2 ? [rows, samples] : [samples]
        if rows == 0 { return try Tensor(zeros: resultShape, dtype: .int64) }
        let weights = try contiguous()
        let values = (0..<numel).map { weights.element(atFlat: $0).doubleValue }
        if !replacement || samples == 1 {
            if values.contains(where: { !($0 >= 0 && $0 < .infinity) }) {
                throw TorchError.runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            for row in 0..<rows where values[row * categories..<(row + 1) * categories].allSatisfy({ $0 == 0 }) {
                throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)")
            }
            let ratios = try weights.div(try Tensor.drawn(shape, dtype: dtype, .exponential(lambda: 1), generator: generator))
            return try ratios.largestIndices(samples)
        }
        let result = try Tensor(zeros: resultShape, dtype: .int64)
        let pointer = result.storage.pointer(Int64.self)
        for row in 0..<rows {
            let rowValues = values[row * categories..<(row + 1) * categories]
            let cumulative = dtype == .float64 ? try Tensor.cumulativeWeights(rowValues, as: Double.self)
                                               : try Tensor.cumulativeWeights(rowValues, as: Float.self)
            for j in 0..<samples {
                let u = generator.uniformDouble()
                var (low, high) = (0, categories)
                while low < high {
                    let mid = low + (high - low) / 2
                    if cumulative[mid] < u { low = mid + 1 } else { high = mid }
                }
                pointer[row * samples + j] = Int64(low)
            }
        }
        return result
    }

    /// The running sums of a row in its dtype, divided by the total, the last forced to 1 (as
    /// doubles for the comparisons).
    private static func cumulativeWeights<T: BinaryFloatingPoint>(_ row: ArraySlice<Double>, as _: T.Type) throws -> [Double] {
        var sum: T = 0
        var sums: [T] = []
        for value in row {
            if !(value >= 0) { throw TorchError.runtime("invalid multinomial distribution (encountering probability entry < 0)") }
            if !value.isFinite {
                throw TorchError.runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
            }
            sum += T(value)
            sums.append(sum)
        }
        guard sum > 0 else { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
        var normalised = sums.map { Double($0 / sum) }
        normalised[normalised.count - 1] = 1
        return normalised
    }

    /// The indices of the `k` largest elements of each row (last dimension), largest first, as
    /// PyTorch's CPU `topk` leaves them: a partial sort when k is at most 1/64 of the row, else
    /// nth_element and a sort of the first k - 1; equal elements (zero weights) in the order those
    /// libstdc++ algorithms leave them.
    private func largestIndices(_ k: Int) throws -> Tensor {
        let categories = shape[rank - 1], rows = numel / Swift.max(categories, 1)
        let result = try Tensor(zeros: rank == 2 ? [rows, k] : [k], dtype: .int64)
        let pointer = result.storage.pointer(Int64.self)
        for row in 0..<rows {
            let queue = (0..<categories).map { (value: element(atFlat: row * categories + $0).doubleValue, index: $0) }
            var sorter = StandardLibrarySort(items: queue) { x, y in (x.value.isNaN && !y.value.isNaN) || x.value > y.value }
            if k * 64 <= categories {
                sorter.partialSort(k)
            } else {
                sorter.nthElement(k - 1)
                sorter.sort(to: k - 1)
            }
            for j in 0..<k { pointer[row * k + j] = Int64(sorter.items[j].index) }
        }
        return result
    }
}

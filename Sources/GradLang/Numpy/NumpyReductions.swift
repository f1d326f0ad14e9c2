import Glibc
import GradTensor

/// `sum`, `mean`, `var`, `std`, `max`, `min`, `argmax`, `argmin`, `prod` over all elements or one
/// axis. Float sums follow numpy's order: pairwise along the last axis (and over a whole array),
/// one slice after another along any other axis.
enum NumpyReductions {
    /// `axis=` as a list of axes (nil for all), checked and made non-negative.
    static func axes(_ v: Value, rank: Int) throws -> [Int]? {
        let given: [Value]
        switch v {
        case .none: return nil
        case .object(let t as PyTuple): given = t.items
        default: given = [v]
        }
        return try given.map { item in
            let axis = try Arg.size(item)
            guard axis >= -rank && axis < max(rank, 1) else {
                throw PyError(NumpyErrors.axisError, "axis \(axis) is out of bounds for array of dimension \(rank)")
            }
            return axis < 0 ? axis + rank : axis
        }
    }

    static func sum(_ t: Tensor, axes: [Int]?, keepdims: Bool, dtype requested: DType? = nil) throws -> Tensor {
        let dtype = requested ?? (t.dtype.isFloatingPoint ? t.dtype : .int64)
        guard dtype.isFloatingPoint else {
            return try NumpyArithmetic.run { try NumpyArithmetic.cast(t, .int64).sum(dims: axes ?? Array(0..<t.rank), keepdim: keepdims) }
        }
        return try floatReduce(try NumpyArithmetic.cast(t, dtype), axes: axes, keepdims: keepdims) { rows, n, pairwise in
            dtype == .float32 ? rowSums(rows.map(Float.init), n, pairwise).map(Double.init) : rowSums(rows, n, pairwise)
        }
    }

    static func mean(_ t: Tensor, axes: [Int]?, keepdims: Bool) throws -> Tensor {
        let total = try sum(t, axes: axes, keepdims: keepdims, dtype: t.dtype.isFloatingPoint ? t.dtype : .float64)
        return try NumpyArithmetic.run { try total.div(Tensor.wrapping(.double(Double(count(t, axes))))) }
    }

    /// `var(ddof=)`: the mean of squared deviations from the mean, over `count - ddof`.
    static func variance(_ t: Tensor, axes: [Int]?, keepdims: Bool, ddof: Double) throws -> Tensor {
        let dtype = t.dtype.isFloatingPoint ? t.dtype : .float64
        let x = try NumpyArithmetic.cast(t, dtype)
        let mean = try self.mean(x, axes: axes, keepdims: true)
        let deviations = try NumpyArithmetic.run { try x.sub(mean) }
        let squares = try NumpyArithmetic.run { try deviations.mul(deviations) }
        let total = try sum(squares, axes: axes, keepdims: keepdims)
        let divisor = max(Double(count(t, axes)) - ddof, 0)
        return try NumpyArithmetic.run { try total.div(Tensor.wrapping(.double(divisor))) }
    }

    static func count(_ t: Tensor, _ axes: [Int]?) -> Int {
        (axes ?? Array(0..<t.rank)).reduce(1) { $0 * t.shape[$1] }
    }

    /// `max`/`min` over all elements or one axis.
    static func extreme(_ t: Tensor, axes: [Int]?, keepdims: Bool, isMax: Bool) throws -> Tensor {
        if t.numel == 0 {
            throw PyError.value("zero-size array to reduction operation \(isMax ? "maximum" : "minimum") which has no identity")
        }
        return try NumpyArithmetic.run {
            guard let axes else {
                let all = isMax ? try t.max() : try t.min()
                return keepdims ? try all.reshape(Array(repeating: 1, count: t.rank)) : all
            }
            var result = t
            for axis in axes.sorted(by: >) {
                result = isMax ? try result.max(dim: axis, keepdim: true).values : try result.min(dim: axis, keepdim: true).values
            }
            return keepdims ? result : try result.squeeze(dims: axes)
        }
    }

    static func argExtreme(_ t: Tensor, axis: Int?, isMax: Bool) throws -> Tensor {
        if t.numel == 0 {
            throw PyError.value("attempt to get \(isMax ? "argmax" : "argmin") of an empty sequence")
        }
        return try NumpyArithmetic.run {
            let source = axis == nil ? try t.reshape([-1]) : t
            return isMax ? try source.argmax(dim: axis ?? 0) : try source.argmin(dim: axis ?? 0)
        }
    }

    static func prod(_ t: Tensor, axis: Int?, keepdims: Bool) throws -> Tensor {
        let dtype = t.dtype.isFloatingPoint ? t.dtype : .int64
        let x = try NumpyArithmetic.cast(t, dtype)
        return try NumpyArithmetic.run {
            guard let axis else {
                let all = try x.prod()
                return keepdims ? try all.reshape(Array(repeating: 1, count: t.rank)) : all
            }
            return try x.prod(dim: axis, keepdim: keepdims)
        }
    }

    // MARK: float sums

    /// Reduces `t` over `axes` with `rowReduce`, which receives the values with the reduced
    /// axes last (one row of `n` per output element) and whether numpy would sum them pairwise.
    private static func floatReduce(_ t: Tensor, axes: [Int]?, keepdims: Bool,
                                    _ rowReduce: ([Double], Int, Bool) -> [Double]) throws -> Tensor {
        let reduced = axes ?? Array(0..<t.rank)
        let kept = (0..<t.rank).filter { !reduced.contains($0) }
        let moved = try NumpyArithmetic.run { try t.permute(kept + reduced.sorted()) }
        let n = reduced.reduce(1) { $0 * t.shape[$1] }
        let pairwise = axes == nil || reduced == [t.rank - 1]
        let outputs = kept.reduce(1) { $0 * t.shape[$1] }
        let values = n == 0 ? Array(repeating: 0, count: outputs) : rowReduce(moved.float64Values(), n, pairwise)
        let shape = keepdims ? (0..<t.rank).map { reduced.contains($0) ? 1 : t.shape[$0] } : kept.map { t.shape[$0] }
        let result = try NumpyArithmetic.run { try Tensor(float64: values, shape: shape) }
        return try NumpyArithmetic.cast(result, t.dtype)
    }

    /// The sum of each row of `n` values.
    private static func rowSums<T: BinaryFloatingPoint>(_ values: [T], _ n: Int, _ pairwise: Bool) -> [T] {
        return stride(from: 0, to: values.count, by: n).map { start in
            let row = values[start..<(start + n)]
            return pairwise ? NumpyPairwiseSum.sum(row) : row.dropFirst().reduce(row[start], +)
        }
    }
}

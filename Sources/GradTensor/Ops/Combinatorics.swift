/// Tuples of a vector's elements: `cartesian_prod` (all tuples from several vectors) and
/// `combinations` (sorted tuples from one, as `itertools.combinations`).
extension Tensor {
    /// `cartesian_prod(*tensors)`: every tuple taking one element from each vector, in
    /// lexicographic order, as the rows of a matrix; one vector is returned as it is.
    public static func cartesianProd(_ tensors: [Tensor]) throws -> Tensor {
        for t in tensors where t.rank != 1 {
            throw TorchError.runtime("Expect a 1D vector, but got shape \(Shape.sizeList(t.shape))")
        }
        if tensors.count == 1 { return tensors[0] }
        if tensors.isEmpty { throw TorchError.runtime("meshgrid expects a non-empty TensorList") }
        if tensors.contains(where: { $0.dtype != tensors[0].dtype }) {
            throw TorchError.runtime("meshgrid expects all tensors to have the same dtype")
        }
        let grids = try Tensor.meshgrid(tensors, cartesian: false)
        return try Tensor.stack(try grids.map { try $0.flatten() }, dim: 1)
    }

    /// `combinations(r, with_replacement)`: the `r`-tuples of this vector's elements taken in
    /// increasing index order (non-decreasing with replacement), as the rows of a matrix.
    public func combinations(_ r: Int = 2, withReplacement: Bool = false) throws -> Tensor {
        if rank != 1 { throw TorchError.runtime("Expect a 1D vector, but got shape \(Shape.sizeList(shape))") }
        if r < 0 { throw TorchError.runtime("Expect a non-negative number, but got \(r)") }
        if r == 0 { return try Tensor(zeros: [0], dtype: dtype) }
        try Scratch.check(r, of: Int.self)
        let n = shape[0]
        // The largest index position p may hold; tuples advance like an odometer.
        let highest = { (p: Int) in withReplacement ? n - 1 : n - r + p }
        var tuples: [Int64] = []
        var current = (0..<r).map { withReplacement ? 0 : $0 }
        var more = n > 0 && highest(0) >= 0
        while more {
            try Scratch.check(tuples.count &+ r, of: Int64.self)
            tuples += current.map(Int64.init)
            var p = r - 1
            while p >= 0 && current[p] == highest(p) { p -= 1 }
            more = p >= 0
            if more {
                current[p] += 1
                for q in (p + 1)..<r { current[q] = withReplacement ? current[p] : current[q - 1] + 1 }
            }
        }
        let index = try Tensor.int64s(tuples, shape: [tuples.count / r, r])
        return try self.index([.tensor(index)])
    }
}

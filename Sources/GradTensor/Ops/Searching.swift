/// `searchsorted` / `bucketize` (where values would go in sorted sequences) and the index grids
/// `triu_indices` / `tril_indices`.
extension Tensor {
    /// `searchsorted(sorted, values, right)`: for each value, the number of elements of its row of
    /// `sorted` below it (at most it, with `right`). `sorted` is one sequence, or one per row of
    /// `values` (same leading dimensions).
    public static func searchSorted(_ sorted: Tensor, _ values: Tensor, right: Bool) throws -> Tensor {
        if sorted.rank == 0 {
            throw TorchError.runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(Shape.sizeList(sorted.shape)) and input value tensor \(Shape.sizeList(values.shape))")
        }
        if sorted.rank > 1 && (sorted.rank != values.rank || Array(sorted.shape.dropLast()) != Array(values.shape.dropLast())) {
            throw TorchError.runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(Shape.sizeList(sorted.shape)) and input value tensor \(Shape.sizeList(values.shape))")
        }
        let dtype = TypePromotion.promote(sorted.dtype, values.dtype)
        let (boundaries, probes) = (try sorted.materialized(as: dtype), try values.materialized(as: dtype))
        let length = sorted.shape[sorted.rank - 1]
        let perRow = sorted.rank == 1 ? probes.numel : (values.shape.last ?? 1)
        let counts = (0..<probes.numel).map { i -> Int64 in
            let row = sorted.rank == 1 ? 0 : i / Swift.max(perRow, 1)
            let x = probes.element(atFlat: i)
            var (low, high) = (0, length)
            while low < high {
                let mid = (low + high) / 2
                let y = boundaries.element(atFlat: row * length + mid)
                if right ? !x.isLess(than: y) : y.isLess(than: x) { low = mid + 1 } else { high = mid }
            }
            return Int64(low)
        }
        return try int64s(counts, shape: values.shape)
    }

    /// `triu_indices(row, col, offset)` / `tril_indices`: the coordinates of a row × col matrix's
    /// upper (lower) triangle from diagonal `offset`, as a 2 × n int64 tensor, row by row.
    public static func triangleIndices(rows: Int, cols: Int, offset: Int, upper: Bool) throws -> Tensor {
        if rows < 0 { throw TorchError.runtime("row must be non-negative, got\(rows)") }
        if cols < 0 { throw TorchError.runtime("col must be non-negative, got\(cols)") }
        _ = try Shape.checkedCount([2, rows, cols], dtype: .int64)
        var rowIndices: [Int64] = [], colIndices: [Int64] = []
        for i in 0..<rows {
            for j in 0..<cols where upper ? j - i >= offset : j - i <= offset {
                rowIndices.append(Int64(i))
                colIndices.append(Int64(j))
            }
        }
        return try int64s(rowIndices + colIndices, shape: [2, rowIndices.count])
    }
}

extension Scalar {
    /// `self < other` for two numbers of one tensor (ints compared exactly).
    func isLess(than other: Scalar) -> Bool {
        switch (self, other) {
        case (.int(let a), .int(let b)): a < b
        case (.bool(let a), .bool(let b)): !a && b
        default: doubleValue < other.doubleValue
        }
    }
}

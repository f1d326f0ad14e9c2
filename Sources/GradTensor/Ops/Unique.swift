/// `unique` and `unique_consecutive`: the distinct elements (or slices along a dimension), with
/// where each input element went (`inverse`) and how many there were of each (`counts`).
/// Not differentiable: PyTorch records a node whose backward refuses.
public struct UniqueResult {
    public let values: Tensor
    public let inverse: Tensor
    public let counts: Tensor
}

extension Tensor {
    /// `unique(sorted, return_inverse, return_counts, dim)`: sorted ascending (NaNs last, each
    /// distinct), as PyTorch's CPU kernel returns them whatever `sorted` says.
    public func unique(dim: Int? = nil) throws -> UniqueResult {
        try distinct(dim: dim, sorting: true, name: dim == nil ? "Unique2Backward0" : "UniqueDimBackward0", function: dim == nil ? "_unique2" : "unique_dim")
    }

    /// `unique_consecutive(return_inverse, return_counts, dim)`: runs of equal neighbours merged.
    public func uniqueConsecutive(dim: Int? = nil) throws -> UniqueResult {
        try distinct(dim: dim, sorting: false, name: "UniqueConsecutiveBackward0", function: "unique_consecutive")
    }

    private func distinct(dim: Int?, sorting: Bool, name: String, function: String) throws -> UniqueResult {
        // The input as rows: single elements, or the slices along `dim` flattened.
        if rank == 0, let dim { throw Tensor.noDimensions(dim) }
        let d = try dim.map { try Shape.wrapDim($0, rank: rank) }
        if let d, shape.enumerated().contains(where: { $0.offset != d && $0.element == 0 }) {
            throw TorchError.runtime("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied")
        }
        let source = try (d.map { try movedToFront($0) } ?? reshape([-1])).detach().materialized()
        let rowCount = d.map { shape[$0] } ?? numel
        let width = rowCount == 0 ? 0 : source.numel / rowCount
        let rows = (0..<rowCount).map { r in (0..<width).map { source.element(atFlat: r * width + $0) } }
        var order = Array(0..<rowCount)
        if sorting { order.sort { Tensor.rowPrecedes(rows[$0], rows[$1]) || (!Tensor.rowPrecedes(rows[$1], rows[$0]) && $0 < $1) } }
        var firsts: [Int] = [], counts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: rowCount)
        for (position, r) in order.enumerated() {
            if position == 0 || !Tensor.rowsEqual(rows[order[position - 1]], rows[r]) {
                firsts.append(r)
                counts.append(0)
            }
            counts[counts.count - 1] += 1
            inverse[r] = Int64(firsts.count - 1)
        }
        var valueShape = [firsts.count]
        if let d { valueShape = [firsts.count] + shape.enumerated().filter { $0.offset != d }.map(\.element) }
        let values = try GradMode.with(enabled: false) {
            let gathered = try source.picked(at: firsts.flatMap { r in (0..<width).map { r * width + $0 } }, shape: valueShape, name: name)
            return try (d.map { try gathered.movedFromFront(to: $0) } ?? gathered).cloneDetached()
        }
        values.record(name, inputs: [self], saving: { _ in function }) { _, function in
            throw TorchError.notImplemented("the derivative for '\(function)' is not implemented.")
        }
        return UniqueResult(values: values, inverse: try Tensor.int64s(inverse, shape: d == nil ? shape : [rowCount]),
                            counts: try Tensor.int64s(counts, shape: [counts.count]))
    }

    /// Dimension `d` moved first (a view).
    private func movedToFront(_ d: Int) throws -> Tensor {
        try permute([d] + (0..<rank).filter { $0 != d })
    }

    /// The first dimension moved to position `d` (a view).
    private func movedFromFront(to d: Int) throws -> Tensor {
        var order = Array(1..<rank)
        order.insert(0, at: d)
        return try permute(order)
    }

    /// Lexicographic order of rows, NaN after every number.
    private static func rowPrecedes(_ a: [Scalar], _ b: [Scalar]) -> Bool {
        for (x, y) in zip(a, b) {
            let (u, v) = (x.doubleValue, y.doubleValue)
            if u.isNaN || v.isNaN {
                if u.isNaN != v.isNaN { return v.isNaN }
                continue
            }
            if x.isLess(than: y) { return true }
            if y.isLess(than: x) { return false }
        }
        return false
    }

    /// Equal rows; NaN equals nothing, as PyTorch counts each NaN apart.
    private static func rowsEqual(_ a: [Scalar], _ b: [Scalar]) -> Bool {
        zip(a, b).allSatisfy { x, y in
            !x.doubleValue.isNaN && !y.doubleValue.isNaN && !x.isLess(than: y) && !y.isLess(than: x)
        }
    }

    /// A new int64 tensor holding `values`.
    static func int64s(_ values: [Int64], shape: [Int]) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: .int64)
        for (i, v) in values.enumerated() { out.storage.pointer(Int64.self)[i] = v }
        return out
    }
}

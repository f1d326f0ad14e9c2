/// Tensor indices as `at::index` / `index_put_` see them once checked: bool masks turned into the
/// coordinates of their true elements, all indices broadcast to one shape, and the result's layout
/// (the indexed dimensions replaced in place when they are adjacent, else moved to the front).
struct AdvancedIndexPlan {
    /// One entry per leading dimension of the source; defined ones are contiguous int64 tensors
    /// of `indexShape`.
    let indices: [Tensor?]
    let indexShape: [Int]
    let sourceShape: [Int]
    let resultShape: [Int]
    /// The source dimensions that are indexed, in order.
    let indexedDims: [Int]
    /// Whether the indexed dimensions are consecutive (then the result keeps them in place).
    let adjacent: Bool

    /// `dtype` is the indexed tensor's: results too large for memory are refused up front, with
    /// the allocator's error, before any index is broadcast.
    init(_ raw: [Tensor?], sourceShape: [Int], dtype: DType) throws {
        let rank = sourceShape.count
        // int32 indices are read as int64 ones.
        var list = try raw.map { try $0.map { $0.dtype == .int32 ? try $0.materialized(as: .int64) : $0 } }
        while let last = list.last, last == nil { list.removeLast() }
        if list.count > rank {
            throw TorchError.index("too many indices for tensor of dimension \(rank) (got \(list.count))")
        }
        for case let t? in list where t.dtype != .int64 && t.dtype != .bool {
            throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
        }
        var expanded: [Tensor?] = []
        for entry in list {
            guard let t = entry else {
                expanded.append(nil)
                continue
            }
            if t.dtype == .bool {
                expanded.append(contentsOf: try AdvancedIndexPlan.maskCoordinates(t, at: expanded.count, of: sourceShape))
            } else {
                expanded.append(t)
            }
        }
        let defined = expanded.compactMap { $0 }
        var shape = defined.first?.shape ?? []
        do {
            for t in defined.dropFirst() { shape = try Shape.broadcast(shape, t.shape) }
        } catch {
            let shapes = defined.map { Shape.sizeList($0.shape) }.joined(separator: ", ")
            throw TorchError.index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
        }
        expanded += Array(repeating: nil, count: Swift.max(rank - expanded.count, 0))
        indexShape = shape
        self.sourceShape = sourceShape
        indexedDims = expanded.indices.filter { expanded[$0] != nil }
        let first = indexedDims.first ?? 0, last = indexedDims.last ?? 0
        adjacent = indexedDims.count == last - first + 1
        let kept = (0..<rank).filter { expanded[$0] == nil }
        if adjacent {
            resultShape = kept.filter { $0 < first }.map { sourceShape[$0] } + shape
                + kept.filter { $0 > last }.map { sourceShape[$0] }
        } else {
            resultShape = shape + kept.map { sourceShape[$0] }
        }
        _ = try Shape.checkedCount(resultShape, dtype: dtype)
        _ = try Shape.checkedCount(shape, dtype: .int64)
        indices = try expanded.map { t in try t.map { try AdvancedIndexPlan.broadcastLong($0, to: shape) } }
    }

    /// A bool mask indexing dimensions `start...` of the source, as one int64 coordinate tensor
    /// per mask dimension (`nonzero`), after PyTorch's shape check.
    private static func maskCoordinates(_ mask: Tensor, at start: Int, of sourceShape: [Int]) throws -> [Tensor] {
        for j in 0..<mask.rank {
            let src = start + j
            guard src < sourceShape.count else {
                throw TorchError.index("Dimension out of range (expected to be in range of [\(-sourceShape.count), \(sourceShape.count - 1)], but got \(src))")
            }
            if mask.shape[j] != sourceShape[src] {
                throw TorchError.index("The shape of the mask \(Shape.sizeList(mask.shape)) at index \(j) does not match the shape of the indexed tensor \(Shape.sizeList(sourceShape)) at index \(src)")
            }
        }
        let flags = try mask.materialized(as: .bool)
        let n = mask.numel
        var hits: [Int] = []
        withExtendedLifetime(flags) {
            let p = flags.storage.pointer(Bool.self)
            for i in 0..<n where p[i] { hits.append(i) }
        }
        let strides = Shape.contiguousStrides(mask.shape)
        return try (0..<mask.rank).map { j in
            let column = Tensor(storage: try Storage.make(dtype: .int64, count: hits.count), shape: [hits.count])
            let q = column.storage.pointer(Int64.self)
            for (k, flat) in hits.enumerated() { q[k] = Int64((flat / strides[j]) % Swift.max(mask.shape[j], 1)) }
            return column
        }
    }

    /// An int64 index broadcast to `shape` as a contiguous tensor (so lookups are plain reads).
    private static func broadcastLong(_ t: Tensor, to shape: [Int]) throws -> Tensor {
        if t.shape == shape && t.isContiguous { return t }
        let out = Tensor(storage: try Storage.make(dtype: .int64, count: Shape.count(shape)), shape: shape)
        copyElements(from: t, into: out)
        return out
    }

    /// The storage offsets in `t` (whose shape is `sourceShape`) of every result element, in
    /// row-major order. Out-of-range indices raise PyTorch's IndexError, naming the dimension as
    /// the index kernel does (the index's rank among the indices), or the source dimension itself
    /// when `namingSourceDims` (`index_fill_`'s message). Nothing is checked when the result is empty.
    func offsets(in t: Tensor, namingSourceDims: Bool = false) throws -> [Int] {
        if Shape.count(resultShape) == 0 { return [] }
        let count = Shape.count(indexShape)
        try Scratch.check(count, of: Int.self)
        var table = [Int](repeating: 0, count: count)
        for (j, d) in indexedDims.enumerated() {
            guard let index = indices[d] else { continue }
            let size = sourceShape[d], stride = t.strides[d]
            try withExtendedLifetime(index) {
                let p = index.storage.pointer(Int64.self) + index.offset
                for b in 0..<count {
                    let v = Int(p[b])
                    guard v >= -size && v < size else {
                        throw TorchError.index("index \(v) is out of bounds for dimension \(namingSourceDims ? d : j) with size \(size)")
                    }
                    table[b] &+= (v < 0 ? v + size : v) &* stride
                }
            }
        }
        // The result's axes in order: kept source dimensions (size, stride) and the index block.
        var axes: [(size: Int, stride: Int)?] = []
        let kept = (0..<sourceShape.count).filter { indices[$0] == nil }
        let first = indexedDims.first ?? 0
        if adjacent {
            for d in kept where d < first { axes.append((sourceShape[d], t.strides[d])) }
            axes.append(nil)
            for d in kept where d > first { axes.append((sourceShape[d], t.strides[d])) }
        } else {
            axes.append(nil)
            for d in kept { axes.append((sourceShape[d], t.strides[d])) }
        }
        var offsets = [t.offset]
        for axis in axes {
            var next: [Int] = []
            try Scratch.check(offsets.count * (axis?.size ?? count), of: Int.self)
            next.reserveCapacity(offsets.count * (axis?.size ?? count))
            for o in offsets {
                if let axis {
                    for k in 0..<axis.size { next.append(o &+ k &* axis.stride) }
                } else {
                    for b in 0..<count { next.append(o &+ table[b]) }
                }
            }
            offsets = next
        }
        return offsets
    }
}

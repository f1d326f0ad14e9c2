/// Reads and writes at precomputed storage offsets: the kernels of advanced indexing.

/// `out[i] = src[offsets[i]]` for a contiguous `out` of `src`'s dtype.
func gatherElements(_ src: Tensor, at offsets: [Int], into out: Tensor) {
    func go<T>(_: T.Type) {
        let s = src.storage.pointer(T.self), d = out.storage.pointer(T.self) + out.offset
        for (i, o) in offsets.enumerated() { d[i] = s[o] }
    }
    withExtendedLifetime((src, out)) {
        switch src.dtype {
        case .float32: go(Float.self)
        case .float64: go(Double.self)
        case .int64: go(Int64.self)
        case .bool: go(Bool.self)
        }
    }
}

/// `dst[offsets[i]] = values[i]` (or `+=` when accumulating) for a contiguous `values` of `dst`'s
/// dtype. Without accumulation a repeated offset keeps the last value, as PyTorch's CPU kernel does.
func scatterElements(_ values: Tensor, into dst: Tensor, at offsets: [Int], accumulate: Bool) {
    func go<T>(_: T.Type, _ add: (T, T) -> T) {
        let v = values.storage.pointer(T.self) + values.offset, d = dst.storage.pointer(T.self)
        if accumulate {
            for (i, o) in offsets.enumerated() { d[o] = add(d[o], v[i]) }
        } else {
            for (i, o) in offsets.enumerated() { d[o] = v[i] }
        }
    }
    withExtendedLifetime((values, dst)) {
        switch dst.dtype {
        case .float32: go(Float.self, +)
        case .float64: go(Double.self, +)
        case .int64: go(Int64.self, &+)
        case .bool: go(Bool.self) { $0 || $1 }
        }
    }
}

extension Tensor {
    /// The storage offset of every element, in row-major order.
    var elementOffsets: [Int] {
        get throws {
            try Scratch.check(numel, of: Int.self)
            var out: [Int] = []
            out.reserveCapacity(numel)
            let n = shape.last ?? 1, step = strides.last ?? 0
            forEachRow(shape, strides, offset, strides, offset) { _, p, _ in
                for i in 0..<n { out.append(p &+ i &* step) }
            }
            return out
        }
    }

    /// This tensor broadcast to `shape` and converted to `dtype`, as a new contiguous tensor.
    func broadcastCopy(to shape: [Int], dtype: DType) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: Shape.count(shape)), shape: shape)
        copyElements(from: self, into: out)
        return out
    }
}

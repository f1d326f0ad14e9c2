/// Reads and writes at precomputed storage offsets: the kernels of advanced indexing.

/// `out[i] = src[offsets[i]]` for a contiguous `out` of `src`'s dtype.
func gatherElements(_ src: Tensor, at offsets: [Int], into out: Tensor) {
    withExtendedLifetime((src, out)) { src.dtype.dispatch(Gather(src: src, offsets: offsets, out: out)) }
}

private struct Gather: ElementVisitor {
    let src: Tensor, offsets: [Int], out: Tensor

    func visit<T: ConvertibleElement>(_: T.Type) {
        let s = src.storage.pointer(T.self), d = out.storage.pointer(T.self) + out.offset
        for (i, o) in offsets.enumerated() { d[i] = s[o] }
    }
}

/// `dst[offsets[i]] = values[i]` (or `+=` when accumulating) for a contiguous `values` of `dst`'s
/// dtype. Without accumulation a repeated offset keeps the last value, as PyTorch's CPU kernel does.
func scatterElements(_ values: Tensor, into dst: Tensor, at offsets: [Int], accumulate: Bool) {
    withExtendedLifetime((values, dst)) {
        dst.dtype.dispatch(Scatter(values: values, dst: dst, offsets: offsets, accumulate: accumulate))
    }
}

private struct Scatter: ElementVisitor {
    let values: Tensor, dst: Tensor, offsets: [Int], accumulate: Bool

    func visit<T: ConvertibleElement>(_: T.Type) {
        let v = values.storage.pointer(T.self) + values.offset, d = dst.storage.pointer(T.self)
        guard accumulate else {
            for (i, o) in offsets.enumerated() { d[o] = v[i] }
            return
        }
        for (i, o) in offsets.enumerated() { d[o] = Scatter.sum(d[o], v[i], dst.dtype) }
    }

    /// `a + b` in `dtype`: floats added in their compute type (float32 for float16 and bfloat16,
    /// as c10::Half's `+`) and rounded, integers wrapping, bools or-ed.
    @inline(__always)
    private static func sum<T: ConvertibleElement>(_ a: T, _ b: T, _ dtype: DType) -> T {
        switch dtype {
        case .float64: return T.convert(a.asDouble + b.asDouble)
        case .float32, .float16, .bfloat16: return T.convert(Float(a.asDouble) + Float(b.asDouble))
        case .bool: return T.convert(a.isNonZero || b.isNonZero)
        case .uint8, .int8, .int16, .int32, .int64: return T.convert(a.asInt64 &+ b.asInt64)
        }
    }
}

extension Tensor {
    /// The storage offset of every element, in row-major order.
    var elementOffsets: [Int] {
        get throws { try Tensor.elementOffsets(shape: shape, strides: strides, offset: offset) }
    }

    /// The offsets, in row-major order, of the elements of a `shape` laid out with `strides` from
    /// `offset`: positions computed, not read, so the layout need not lie in any storage.
    static func elementOffsets(shape: [Int], strides: [Int], offset: Int) throws -> [Int] {
        let count = Shape.count(shape)
        try Scratch.check(count, of: Int.self)
        var out: [Int] = []
        out.reserveCapacity(count)
        let n = shape.last ?? 1, step = strides.last ?? 0
        forEachRow(shape, strides, offset, strides, offset) { _, p, _ in
            for i in 0..<n { out.append(p &+ i &* step) }
        }
        return out
    }

    /// This tensor broadcast to `shape` and converted to `dtype`, as a new contiguous tensor.
    func broadcastCopy(to shape: [Int], dtype: DType) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: Shape.count(shape)), shape: shape)
        copyElements(from: self, into: out)
        return out
    }
}

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

/// How a scatter puts a value where the destination already holds one.
enum ScatterCombine {
    /// The value replaces it; a repeated offset keeps the last value, as PyTorch's CPU kernel does.
    case replace
    /// The first value at each offset replaces what is there (scatter_reduce's start without self).
    case first
    case sum, prod, amax, amin
}

/// `dst[offsets[i]] = dst[offsets[i]] ⊕ values[i]` in order, for a contiguous `values` of `dst`'s dtype.
func scatterElements(_ values: Tensor, into dst: Tensor, at offsets: [Int], combine: ScatterCombine) {
    withExtendedLifetime((values, dst)) {
        dst.dtype.dispatch(Scatter(values: values, dst: dst, offsets: offsets, combine: combine))
    }
}

private struct Scatter: ElementVisitor {
    let values: Tensor, dst: Tensor, offsets: [Int], combine: ScatterCombine

    func visit<T: ConvertibleElement>(_: T.Type) {
        let v = values.storage.pointer(T.self) + values.offset, d = dst.storage.pointer(T.self)
        switch combine {
        case .replace: for (i, o) in offsets.enumerated() { d[o] = v[i] }
        case .first: for (i, o) in offsets.enumerated().reversed() { d[o] = v[i] }
        case .sum: for (i, o) in offsets.enumerated() { d[o] = Scatter.sum(d[o], v[i], dst.dtype) }
        case .prod: for (i, o) in offsets.enumerated() { d[o] = Scatter.product(d[o], v[i], dst.dtype) }
        case .amax: for (i, o) in offsets.enumerated() { d[o] = Scatter.extreme(d[o], v[i], dst.dtype, max: true) }
        case .amin: for (i, o) in offsets.enumerated() { d[o] = Scatter.extreme(d[o], v[i], dst.dtype, max: false) }
        }
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

    /// `a * b` in `dtype`, as `sum` adds (bools and-ed).
    @inline(__always)
    private static func product<T: ConvertibleElement>(_ a: T, _ b: T, _ dtype: DType) -> T {
        switch dtype {
        case .float64: return T.convert(a.asDouble * b.asDouble)
        case .float32, .float16, .bfloat16: return T.convert(Float(a.asDouble) * Float(b.asDouble))
        case .bool: return T.convert(a.isNonZero && b.isNonZero)
        case .uint8, .int8, .int16, .int32, .int64: return T.convert(a.asInt64 &* b.asInt64)
        }
    }

    /// The larger (or smaller) of `a` and `b`; a NaN in either wins, as PyTorch's reduce functors
    /// keep a NaN already there and take a NaN arriving.
    @inline(__always)
    private static func extreme<T: ConvertibleElement>(_ a: T, _ b: T, _ dtype: DType, max: Bool) -> T {
        if dtype.isFloatingPoint {
            let (x, y) = (a.asDouble, b.asDouble)
            if x.isNaN { return a }
            if y.isNaN { return b }
            return (max ? y > x : y < x) ? b : a
        }
        if dtype == .bool { return max ? T.convert(a.isNonZero || b.isNonZero) : T.convert(a.isNonZero && b.isNonZero) }
        let (x, y) = (a.asInt64, b.asInt64)
        return (max ? y > x : y < x) ? b : a
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

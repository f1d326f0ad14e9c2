/// Strided copies with dtype conversion: the one kernel behind `.contiguous()`, `.to(dtype)`,
/// `copy_`, indexed assignment and the write-back of in-place ops.
@inline(__always)
func stridedCopy<S: ConvertibleElement, D: ConvertibleElement>(
    shape: [Int], from src: UnsafePointer<S>, _ srcStrides: [Int], _ srcOffset: Int,
    to dst: UnsafeMutablePointer<D>, _ dstStrides: [Int], _ dstOffset: Int
) {
    let n = shape.last ?? 1
    let ss = srcStrides.last ?? 0
    let ds = dstStrides.last ?? 0
    forEachRow(shape, srcStrides, srcOffset, dstStrides, dstOffset) { _, p, q in
        if ss == 1 && ds == 1 {
            for i in 0..<n { dst[q &+ i] = D.convert(src[p &+ i]) }
        } else {
            for i in 0..<n { dst[q &+ i &* ds] = D.convert(src[p &+ i &* ss]) }
        }
    }
}

/// Copies `src` (broadcast to `dst`'s shape, any dtype) into `dst`'s elements (any strides).
func copyElements(from src: Tensor, into dst: Tensor) {
    let srcStrides = broadcastStrides(src.shape, src.strides, to: dst.shape)
    withExtendedLifetime(src) {
        src.dtype.dispatch(SourceCopy(src: src, srcStrides: srcStrides, dst: dst))
    }
}

/// The copy with the source's element type known; picks the destination's.
private struct SourceCopy: ElementVisitor {
    let src: Tensor, srcStrides: [Int], dst: Tensor

    func visit<S: ConvertibleElement>(_: S.Type) {
        dst.dtype.dispatch(TypedCopy<S>(src: src, srcStrides: srcStrides, dst: dst))
    }
}

private struct TypedCopy<S: ConvertibleElement>: ElementVisitor {
    let src: Tensor, srcStrides: [Int], dst: Tensor

    func visit<D: ConvertibleElement>(_: D.Type) {
        stridedCopy(shape: dst.shape, from: UnsafePointer(src.storage.pointer(S.self)), srcStrides, src.offset,
                    to: dst.storage.pointer(D.self), dst.strides, dst.offset)
    }
}

extension Tensor {
    /// This tensor as a contiguous tensor of `dtype`: itself when it already is one, else a copy.
    func materialized(as dtype: DType? = nil) throws -> Tensor {
        let target = dtype ?? self.dtype
        if target == self.dtype && isContiguous { return self }
        let out = Tensor(storage: try Storage.make(dtype: target, uninitializedCount: numel), shape: shape)
        copyElements(from: self, into: out)
        return out
    }

    /// This tensor converted to `dtype`, laid out as PyTorch's `preserve_format` lays it out (a
    /// transposed or permuted tensor keeps its strides; `MemoryOrder.preservedStrides`).
    func materializedPreservingLayout(as dtype: DType) throws -> Tensor {
        guard !hasRowMajorStrides else { return try materialized(as: dtype) }
        return try copied(as: dtype, strides: MemoryOrder.preservedStrides(of: self))
    }

    /// A copy in `dtype` over new storage with `strides`, which must tile `numel` elements.
    func copied(as dtype: DType, strides: [Int]) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape, strides: strides,
                         offset: 0, version: nil)
        copyElements(from: self, into: out)
        return out
    }

    /// The storage offset of the element at row-major position `flat`.
    func storageOffset(ofFlat flat: Int) -> Int {
        var rest = flat
        var off = offset
        var d = shape.count - 1
        while d >= 0 {
            let s = shape[d]
            if s > 0 {
                off &+= (rest % s) &* strides[d]
                rest /= s
            }
            d -= 1
        }
        return off
    }

    /// Element `flat` (row-major) as a Python-level number.
    public func element(atFlat flat: Int) -> Scalar {
        let o = storageOffset(ofFlat: flat)
        switch dtype {
        case .float32: return .double(Double(storage.pointer(Float.self)[o]))
        case .float64: return .double(storage.pointer(Double.self)[o])
        case .int64: return .int(storage.pointer(Int64.self)[o])
        case .bool: return .bool(storage.pointer(Bool.self)[o])
        default: return dtype.dispatch(ElementRead(storage: storage, offset: o))
        }
    }
}

/// One element of a narrow dtype as a Python-level number.
private struct ElementRead: ElementVisitor {
    let storage: Storage, offset: Int
    func visit<T: ConvertibleElement>(_: T.Type) -> Scalar { storage.pointer(T.self)[offset].scalar }
}

/// Elementwise map kernels over strided, broadcast operands. Outputs are new tensors, contiguous
/// unless the operands are laid out in another memory order, which they then keep (`MemoryOrder`);
/// operands are read in place through their strides, so views and broadcasts cost no copy.

/// `f` applied to every element of `x` (whose dtype must be `T`'s).
@inline(__always)
func mapUnary<T: Element, R: Element>(_ x: Tensor, _: T.Type, _: R.Type, _ f: (T) -> R) throws -> Tensor {
    let contiguous = x.isContiguous
    if !contiguous, let ordered = try MemoryOrder.computed([x], shape: x.shape, { operands, _ in try mapUnary(operands[0], T.self, R.self, f) }) {
        return ordered
    }
    let out = Tensor(storage: try Storage.make(dtype: R.dtype, uninitializedCount: x.numel), shape: x.shape)
    let dst = out.storage.pointer(R.self)
    withExtendedLifetime(x) {
        let src = x.storage.pointer(T.self)
        if contiguous {
            let base = src + x.offset
            for i in 0..<x.numel { dst[i] = f(base[i]) }
            return
        }
        let n = x.shape.last ?? 1
        let st = x.strides.last ?? 0
        forEachRow(x.shape, x.strides, x.offset, x.strides, 0) { o, p, _ in
            for i in 0..<n { dst[o &+ i] = f(src[p &+ i &* st]) }
        }
    }
    return out
}

/// `f` applied pairwise to `a` and `b` broadcast to `shape`. Both are of `T`'s dtype, except that
/// a one-element operand (a Python number) may be of any dtype: its value is converted once
/// instead of the operand being copied into a converted tensor.
@inline(__always)
func mapBinary<T: Element, R: Element>(_ a: Tensor, _ b: Tensor, shape: [Int], _: T.Type, _: R.Type,
                                       _ f: (T, T) -> R) throws -> Tensor {
    if a.dtype != T.dtype || b.dtype != T.dtype {
        if let x = a.onlyElement(T.self), let y = b.onlyElement(T.self) {
            return Tensor(storage: try Storage.make(repeating: f(x, y), count: Shape.count(shape)), shape: shape)
        }
        // Broadcast against a strided operand: rare enough to convert first.
        return try mapBinary(a.materializedIfCast(to: T.dtype), b.materializedIfCast(to: T.dtype), shape: shape, T.self, R.self, f)
    }
    let aFull = a.shape == shape && a.isContiguous
    let bFull = b.shape == shape && b.isContiguous
    // Row-major when both are contiguous in the result's shape, or broadcast from row-major
    // strides; else as PyTorch lays it out, which a size-1 dimension's stride may decide.
    let rowMajor = (aFull && bFull) || (a.hasRowMajorStrides && b.hasRowMajorStrides && Shape.count(shape) > 0)
    if !rowMajor, shape.count > 1, let ordered = try MemoryOrder.computed([a, b], shape: shape, { try mapBinary($0[0], $0[1], shape: $1, T.self, R.self, f) }) {
        return ordered
    }
    let count = Shape.count(shape)
    let out = Tensor(storage: try Storage.make(dtype: R.dtype, uninitializedCount: count), shape: shape)
    let dst = out.storage.pointer(R.self)
    withExtendedLifetime((a, b)) {
        let pa = UnsafePointer(a.storage.pointer(T.self))
        let pb = UnsafePointer(b.storage.pointer(T.self))
        if aFull && (bFull || b.numel == 1) {
            return binaryRow(count, dst, pa + a.offset, 1, pb + b.offset, bFull ? 1 : 0, f)
        }
        if bFull && a.numel == 1 {
            return binaryRow(count, dst, pa + a.offset, 0, pb + b.offset, 1, f)
        }
        let sa = broadcastStrides(a.shape, a.strides, to: shape)
        let sb = broadcastStrides(b.shape, b.strides, to: shape)
        let n = shape.last ?? 1
        let ia = sa.last ?? 0, ib = sb.last ?? 0
        forEachRow(shape, sa, a.offset, sb, b.offset) { o, p, q in
            binaryRow(n, dst + o, pa + p, ia, pb + q, ib, f)
        }
    }
    return out
}

/// `n` results of `f` on elements `ix` and `iy` apart. Unit and zero steps (rows of contiguous
/// and broadcast operands) get loops of their own, which the compiler vectorizes.
@inline(__always)
private func binaryRow<T, R>(_ n: Int, _ dst: UnsafeMutablePointer<R>, _ x: UnsafePointer<T>, _ ix: Int,
                             _ y: UnsafePointer<T>, _ iy: Int, _ f: (T, T) -> R) {
    switch (ix, iy) {
    case (1, 1): for i in 0..<n { dst[i] = f(x[i], y[i]) }
    case (1, 0): let v = y[0]; for i in 0..<n { dst[i] = f(x[i], v) }
    case (0, 1): let u = x[0]; for i in 0..<n { dst[i] = f(u, y[i]) }
    default: for i in 0..<n { dst[i] = f(x[i &* ix], y[i &* iy]) }
    }
}

extension Tensor {
    /// The value of a one-element tensor as `T` (converted from its own dtype); nil otherwise.
    @inline(__always)
    func onlyElement<T: Element>(_: T.Type) -> T? {
        guard numel == 1 else { return nil }
        if dtype == T.dtype { return storage.pointer(T.self)[offset] }
        return T(scalar: element(atFlat: 0))
    }
}

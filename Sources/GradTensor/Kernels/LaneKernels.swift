/// Building blocks of the kernels vectorized over eight SIMD lanes (see `TanhKernel`).

/// `f` over `count` contiguous elements from `src` to `dst` (which may be `src`), eight at a
/// time. The last few are padded to a full vector, so every element goes through the same code
/// and a result does not depend on where its element sits.
@inline(__always)
func mapLanes<T: BinaryFloatingPoint & SIMDScalar>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>,
                                                   count: Int, _ f: (SIMD8<T>) -> SIMD8<T>) {
    let width = SIMD8<T>.scalarCount
    var i = 0
    while i &+ width <= count {
        let x = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<T>.self)
        UnsafeMutableRawPointer(dst + i).storeBytes(of: f(x), as: SIMD8<T>.self)
        i &+= width
    }
    if i == count { return }
    var x = SIMD8<T>()
    for j in 0..<(count &- i) { x[j] = src[i &+ j] }
    let y = f(x)
    for j in 0..<(count &- i) { dst[i &+ j] = y[j] }
}

/// Σ coefficients[i]·x^(n−1−i), by Horner's rule with fused multiply-adds.
@inline(__always)
func horner<V: SIMD>(_ x: V, _ coefficients: [V.Scalar]) -> V where V.Scalar: FloatingPoint {
    var sum = V()
    for c in coefficients { sum = V(repeating: c).addingProduct(sum, x) }
    return sum
}

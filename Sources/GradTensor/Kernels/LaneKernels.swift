/// Building blocks of the kernels vectorized over eight SIMD lanes (see `TanhKernel`).

/// A function computed on eight lanes at a time, in float32 and float64. A type rather than a
/// closure, so that the loops specialized for it inline it (a closure of this size is called).
protocol LaneFunction {
    static func lanes(_ x: SIMD8<Float>) -> SIMD8<Float>
    static func lanes(_ x: SIMD8<Double>) -> SIMD8<Double>
}

/// float32 and float64, for loops generic over the element: `apply` picks a lane function's
/// overload for the type.
protocol LaneScalar: BinaryFloatingPoint, SIMDScalar, Codable {
    static func apply<F: LaneFunction>(_: F.Type, _ x: SIMD8<Self>) -> SIMD8<Self>
}

extension Float: LaneScalar {
    @inline(__always) static func apply<F: LaneFunction>(_: F.Type, _ x: SIMD8<Float>) -> SIMD8<Float> { F.lanes(x) }
}

extension Double: LaneScalar {
    @inline(__always) static func apply<F: LaneFunction>(_: F.Type, _ x: SIMD8<Double>) -> SIMD8<Double> { F.lanes(x) }
}

/// `F` over `count` contiguous elements from `src` to `dst` (which may be `src`), eight at a
/// time. The last few are padded to a full vector, so every element goes through the same code
/// and a result does not depend on where its element sits.
@inline(__always)
func mapLanes<F: LaneFunction, T: LaneScalar>(_: F.Type, _ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>,
                                              count: Int) {
    let width = SIMD8<T>.scalarCount
    var i = 0
    while i &+ width <= count {
        let x = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<T>.self)
        UnsafeMutableRawPointer(dst + i).storeBytes(of: T.apply(F.self, x), as: SIMD8<T>.self)
        i &+= width
    }
    if i == count { return }
    var x = SIMD8<T>()
    for j in 0..<(count &- i) { x[j] = src[i &+ j] }
    let y = T.apply(F.self, x)
    for j in 0..<(count &- i) { dst[i &+ j] = y[j] }
}

extension SIMD where Scalar: FloatingPoint {
    /// One step of Horner's rule, self·x + c, fused. (Coefficients go in as literals, one step
    /// each: an array of them can end up allocated on every call once inlined.)
    @inline(__always) func horner(_ x: Self, _ c: Scalar) -> Self {
        Self(repeating: c).addingProduct(self, x)
    }
}

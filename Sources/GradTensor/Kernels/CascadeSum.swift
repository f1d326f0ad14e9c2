/// Floating-point sums in the order of PyTorch's CPU `cascade_sum` (aten/src/ATen/native/cpu/
/// SumKernel.cpp) as built for AVX2, so that grad's sums have PyTorch's bits on every machine:
/// vectors of 256 bits (8 floats, 4 doubles) are plain Swift SIMD values here, whose lanes add
/// independently, never a CPU-dependent instruction. AVX-512 machines run PyTorch's AVX2 sum
/// too, since it registers no AVX-512 kernel for it.

/// What the cascade adds: one element, or a vector of consecutive elements (each lane its own sum).
protocol CascadeTerm {
    associatedtype Stored
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func load(_ p: UnsafePointer<Stored>) -> Self
}

extension Float: CascadeTerm {
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
}

extension Double: CascadeTerm {
    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> Double { p.pointee }
}

extension SIMD4: CascadeTerm where Scalar: BinaryFloatingPoint {
    @inline(__always) static func load(_ p: UnsafePointer<Scalar>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
}

extension SIMD8: CascadeTerm where Scalar: BinaryFloatingPoint {
    @inline(__always) static func load(_ p: UnsafePointer<Scalar>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
}

/// Four adjacent vectors, the kernels' four rows (or columns) handled at once, each lane its own
/// sum; kept as four values, which stay in registers where one SIMD32 value is spilled to memory.
struct FourVectors<V: SIMD & CascadeTerm>: CascadeTerm where V.Scalar: BinaryFloatingPoint, V.Stored == V.Scalar {
    var first: V, second: V, third: V, fourth: V

    static var scalarCount: Int { 4 &* V.scalarCount }
    static var zero: Self { Self(first: .zero, second: .zero, third: .zero, fourth: .zero) }

    @inline(__always) static func + (lhs: Self, rhs: Self) -> Self {
        Self(first: lhs.first + rhs.first, second: lhs.second + rhs.second,
             third: lhs.third + rhs.third, fourth: lhs.fourth + rhs.fourth)
    }

    @inline(__always) static func * (lhs: Self, rhs: Self) -> Self {
        Self(first: lhs.first * rhs.first, second: lhs.second * rhs.second,
             third: lhs.third * rhs.third, fourth: lhs.fourth * rhs.fourth)
    }

    @inline(__always) static func load(_ p: UnsafePointer<V.Scalar>) -> Self {
        let width = V.scalarCount
        return Self(first: V.load(p), second: V.load(p + width), third: V.load(p + 2 &* width), fourth: V.load(p + 3 &* width))
    }

    /// Lane `i` of the four vectors' lanes in memory order.
    @inline(__always) subscript(lane i: Int) -> V.Scalar {
        let width = V.scalarCount
        switch i / width {
        case 0: return first[i % width]
        case 1: return second[i % width]
        case 2: return third[i % width]
        default: return fourth[i % width]
        }
    }
}

/// Float and Double with the vector type of PyTorch's AVX2 build: `AVX2Vector` is one 256-bit
/// register.
protocol CascadeElement: FloatElement, CascadeTerm, SIMDScalar, Codable where Stored == Self {
    associatedtype AVX2Vector: SIMD & CascadeTerm where AVX2Vector.Scalar == Self, AVX2Vector.Stored == Self
}

extension Float: CascadeElement {
    typealias AVX2Vector = SIMD8<Float>
}

extension Double: CascadeElement {
    typealias AVX2Vector = SIMD4<Double>
}

/// PyTorch's `multi_row_sum` for one column: `count` terms, term i at `base + i * stride`, added
/// into a running sum that is folded up through four levels every 2^power terms (power is a
/// quarter of log2(count), at least 4), so only sums of similar size meet.
@inline(__always)
func cascadeSum<T: CascadeTerm>(_ base: UnsafePointer<T.Stored>, stride: Int, count: Int) -> T {
    let ceilLog2 = count <= 2 ? 1 : Int.bitWidth - (count &- 1).leadingZeroBitCount
    let power = Swift.max(4, ceilLog2 / 4)
    let step = 1 << power, mask = step &- 1
    var level0 = T.zero, level1 = T.zero, level2 = T.zero, level3 = T.zero
    var i = 0
    while i &+ step <= count {
        for _ in 0..<step {
            level0 = level0 + T.load(base + i &* stride)
            i &+= 1
        }
        level1 = level1 + level0
        level0 = .zero
        if i & (mask << power) != 0 { continue }
        level2 = level2 + level1
        level1 = .zero
        if i & (mask << (2 &* power)) != 0 { continue }
        level3 = level3 + level2
        level2 = .zero
    }
    while i < count {
        level0 = level0 + T.load(base + i &* stride)
        i &+= 1
    }
    return ((level0 + level1) + level2) + level3
}

/// PyTorch's `row_sum`: the terms read as rows of four, each of the four columns cascaded on its
/// own, the terms left over added to the first column, then the four columns added in order.
@inline(__always)
func interleavedSum<T: CascadeTerm>(_ base: UnsafePointer<T.Stored>, stride: Int, count: Int) -> T {
    let quarter = count / 4, rowStride = stride &* 4
    var first = T.zero, second = T.zero, third = T.zero, fourth = T.zero
    if quarter == 1 {
        // The small case (a learner's few samples) without the cascade's bookkeeping, same
        // bits: each column holds one term, which its cascade adds to zero.
        first = first + T.load(base)
        second = second + T.load(base + stride)
        third = third + T.load(base + 2 &* stride)
        fourth = fourth + T.load(base + 3 &* stride)
    } else if quarter > 1 {
        first = cascadeSum(base, stride: rowStride, count: quarter)
        second = cascadeSum(base + stride, stride: rowStride, count: quarter)
        third = cascadeSum(base + 2 &* stride, stride: rowStride, count: quarter)
        fourth = cascadeSum(base + 3 &* stride, stride: rowStride, count: quarter)
    }
    var i = quarter &* 4
    while i < count {
        first = first + T.load(base + i &* stride)
        i &+= 1
    }
    return ((first + second) + third) + fourth
}

/// The sum of a contiguous run, as PyTorch's vectorised inner sum adds a row of `count` ≥ 8
/// floats (4 doubles): vectors of consecutive elements interleaved four ways, the elements past
/// the last whole vector added one by one, then the vector's lanes in order.
@inline(__always)
func contiguousCascadeSum<T: CascadeElement>(_ p: UnsafePointer<T>, count: Int) -> T {
    let width = T.AVX2Vector.scalarCount
    guard count >= width else { return interleavedSum(p, stride: 1, count: count) }
    let vectors = count / width
    let lanes = vectorInterleavedSum(p, vectors: vectors)
    var total: T = 0
    var k = vectors &* width
    while k < count {
        total += p[k]
        k &+= 1
    }
    for l in 0..<width { total += lanes[l] }
    return total
}

/// `interleavedSum` of `vectors` consecutive vectors, with each row of four vectors read as one
/// wide value (the same lane sums as four separate passes, in one pass over memory).
@inline(__always)
private func vectorInterleavedSum<T: CascadeElement>(_ p: UnsafePointer<T>, vectors: Int) -> T.AVX2Vector {
    let width = T.AVX2Vector.scalarCount
    let quarter = vectors / 4
    let rows: FourVectors<T.AVX2Vector> = cascadeSum(p, stride: 4 &* width, count: quarter)
    var first = rows.first
    var v = quarter &* 4
    while v < vectors {
        first = first + T.AVX2Vector.load(p + v &* width)
        v &+= 1
    }
    return ((first + rows.second) + rows.third) + rows.fourth
}

/// One call of PyTorch's `cascade_sum` loop: `size0 × size1` input elements added into the
/// output, strides counted in elements (dimension 0 first), each output element getting `+=`
/// the sum of its terms, as PyTorch's store policy does.
func cascadeSumLoop<T: CascadeElement>(into out: UnsafeMutablePointer<T>, from input: UnsafePointer<T>,
                                       outStrides: (Int, Int), inStrides: (Int, Int), size0: Int, size1: Int) {
    var (out0, out1) = outStrides, (in0, in1) = inStrides, (n0, n1) = (size0, size1)
    // The reduced dimension goes first.
    if out0 != 0 && out1 == 0 {
        swap(&out0, &out1)
        swap(&in0, &in1)
        swap(&n0, &n1)
    }
    let width = T.AVX2Vector.scalarCount
    if out0 != 0 {
        // Not a reduction (every reduced dimension has size 1): each output adds its element.
        for j in 0..<n1 {
            for i in 0..<n0 { out[i &* out0 &+ j &* out1] += input[i &* in0 &+ j &* in1] }
        }
    } else if in0 == 1 && n0 >= width {
        for j in 0..<n1 { out[j &* out1] += contiguousCascadeSum(input + j &* in1, count: n0) }
    } else if in1 == 1 && n1 >= width {
        outerVectorSums(into: out, outStride: out1, from: input, rowStride: in0, rows: n0, columns: n1)
    } else if in0 < in1 {
        for j in 0..<n1 { out[j &* out1] += interleavedSum(input + j &* in1, stride: in0, count: n0) }
    } else {
        var j = 0
        while j &+ 3 < n1 {
            for c in j..<(j &+ 4) { out[c &* out1] += cascadeSum(input + c &* in1, stride: in0, count: n0) as T }
            j &+= 4
        }
        while j < n1 {
            out[j &* out1] += interleavedSum(input + j &* in1, stride: in0, count: n0)
            j &+= 1
        }
    }
}

/// PyTorch's `vectorized_outer_sum`: columns contiguous in memory, summed down `rows` rows — 32
/// floats (16 doubles) at a time by a plain cascade, then 8 (4) at a time and one at a time
/// by the interleaved one.
private func outerVectorSums<T: CascadeElement>(into out: UnsafeMutablePointer<T>, outStride: Int,
                                                from input: UnsafePointer<T>, rowStride: Int, rows: Int, columns: Int) {
    let width = T.AVX2Vector.scalarCount, wide = FourVectors<T.AVX2Vector>.scalarCount
    var j = 0
    while j &+ wide <= columns {
        let sums: FourVectors<T.AVX2Vector> = cascadeSum(input + j, stride: rowStride, count: rows)
        for l in 0..<wide { out[(j &+ l) &* outStride] += sums[lane: l] }
        j &+= wide
    }
    while j &+ width <= columns {
        let sums: T.AVX2Vector = interleavedSum(input + j, stride: rowStride, count: rows)
        for l in 0..<width { out[(j &+ l) &* outStride] += sums[l] }
        j &+= width
    }
    while j < columns {
        out[j &* outStride] += interleavedSum(input + j, stride: rowStride, count: rows)
        j &+= 1
    }
}

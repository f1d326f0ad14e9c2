/// float32 `softmax` as PyTorch's AVX2 CPU kernels compute it, with SLEEF's `expf` (u10, the
/// vectorised exp PyTorch links): along the last dimension each row's maximum subtracted, the
/// exponentials summed in the kernel's order, then multiplied by the sum's reciprocal; along an
/// inner dimension sixteen positions at a time, each its own running sum, divided by it.
enum FloatSoftmax {
    /// Softmax of `rows` contiguous rows of `count` elements from `input` into `output`.
    static func lastDim(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, count: Int) {
        for r in 0..<rows {
            let x = input + r &* count, e = output + r &* count
            var largest = x[0]
            for i in 1..<Swift.max(count, 1) {
                largest = largest.isNaN || x[i].isNaN ? .nan : Swift.max(largest, x[i])
            }
            for i in 0..<count { e[i] = sleefExp(x[i] - largest) }
            let scale = 1 / sum(UnsafePointer(e), count: count)
            for i in 0..<count { e[i] *= scale }
        }
    }

    /// Softmax along a dimension of `count` with `inner` positions after it (contiguous input),
    /// for each of `outer` blocks: whole groups of sixteen positions (two vectors) by the vector
    /// kernel, the positions left over one by one with the C library's `expf` (PyTorch's scalar tail).
    static func innerDim(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                         outer: Int, count: Int, inner: Int) {
        for o in 0..<outer {
            let x = input + o &* count &* inner, e = output + o &* count &* inner
            for position in 0..<inner {
                let vectorised = position - position % 16 + 16 <= inner
                var largest = x[position]
                for d in 1..<Swift.max(count, 1) {
                    let v = x[d &* inner &+ position]
                    if vectorised {
                        largest = largest.isNaN || v.isNaN ? .nan : Swift.max(largest, v)
                    } else if largest < v {
                        largest = v
                    }
                }
                var total: Float = 0
                for d in 0..<count {
                    let at = d &* inner &+ position
                    e[at] = vectorised ? sleefExp(x[at] - largest) : .exp(x[at] - largest)
                    total += e[at]
                }
                for d in 0..<count { e[d &* inner &+ position] /= total }
            }
        }
    }

    /// The row's sum: one by one below 16 elements; else vectors of eight taken in turn by two
    /// accumulators (the last, partial one on its filled lanes), whose sum is folded by halves
    /// (AVX2's 128-, 64- and 32-bit shuffles).
    private static func sum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        guard count >= 16 else {
            var total: Float = 0
            for i in 0..<count { total += p[i] }
            return total
        }
        var accumulators = (SIMD8<Float>.load(p), SIMD8<Float>.load(p + 8))
        var start = 16, even = true
        while start < count {
            let lanes = Swift.min(8, count &- start)
            for l in 0..<lanes {
                if even { accumulators.0[l] += p[start &+ l] } else { accumulators.1[l] += p[start &+ l] }
            }
            even.toggle()
            start &+= 8
        }
        let t = accumulators.0 + accumulators.1
        return ((t[0] + t[4]) + (t[2] + t[6])) + ((t[1] + t[5]) + (t[3] + t[7]))
    }

    /// SLEEF's `expf_u10` (its AVX2 build, with fused multiply-adds): 2^q times a degree-6
    /// polynomial of the remainder, 0 below -104 and infinity above 100.
    static func sleefExp(_ d: Float) -> Float {
        if d.isNaN { return d }
        if d < -104 { return 0 }
        if d > 100 { return .infinity }
        let q = Int32((d * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven))
        let qf = Float(q)
        var s = d.addingProduct(qf, -0.693145751953125)
        s = s.addingProduct(qf, -1.428606765330187045e-06)
        var u: Float = 0.000198527617612853646278381
        u = Float(0.00139304355252534151077271).addingProduct(u, s)
        u = Float(0.00833336077630519866943359).addingProduct(u, s)
        u = Float(0.0416664853692054748535156).addingProduct(u, s)
        u = Float(0.166666671633720397949219).addingProduct(u, s)
        u = Float(0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        // u · 2^q in two steps, as SLEEF's ldexp2 does, so no step leaves the normal range.
        let half = q >> 1
        return u * powerOfTwo(half) * powerOfTwo(q &- half)
    }

    private static func powerOfTwo(_ k: Int32) -> Float {
        Float(bitPattern: UInt32(truncatingIfNeeded: k &+ 127) << 23)
    }
}

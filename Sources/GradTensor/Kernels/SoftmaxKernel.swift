/// The scalar types PyTorch's softmax kernels vectorise, with SLEEF's `exp` and `log`, the
/// lane count of the vectors those kernels run on (PyTorch registers them for AVX-512 too, so
/// 16 floats or 8 doubles; grad follows that order on every CPU) and how a vector's lanes are
/// summed at the end (by halves for float, PyTorch's shuffles; in lane order for double).
protocol SoftmaxScalar: BinaryFloatingPoint {
    static var vectorLanes: Int { get }
    static var sumsLanesByHalves: Bool { get }
    static func sleefExp(_ x: Self) -> Self
    static func sleefLog(_ x: Self) -> Self
    /// The C library's exp, which PyTorch's kernels use on the positions left over.
    static func scalarExp(_ x: Self) -> Self
}

extension Float: SoftmaxScalar {
    static var vectorLanes: Int { 16 }
    static var sumsLanesByHalves: Bool { true }
    static func sleefExp(_ x: Float) -> Float { Sleef.exp(x) }
    static func sleefLog(_ x: Float) -> Float { Sleef.log(x) }
    static func scalarExp(_ x: Float) -> Float { .exp(x) }
}

extension Double: SoftmaxScalar {
    static var vectorLanes: Int { 8 }
    static var sumsLanesByHalves: Bool { false }
    static func sleefExp(_ x: Double) -> Double { Sleef.exp(x) }
    static func sleefLog(_ x: Double) -> Double { Sleef.log(x) }
    static func scalarExp(_ x: Double) -> Double { .exp(x) }
}

/// `softmax` and `log_softmax` as PyTorch's CPU kernels compute them: along the last dimension
/// each row's maximum subtracted, SLEEF's exponentials summed in the kernel's vector order, then
/// multiplied by the sum's reciprocal (softmax) or the sum's SLEEF logarithm subtracted
/// (log_softmax); along an inner dimension one vector of positions at a time, each with its
/// own running sum.
enum SoftmaxKernel<T: SoftmaxScalar> {
    /// Over `rows` contiguous rows of `count` elements from `input` into `output`.
    static func lastDim(_ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>, rows: Int, count: Int, log: Bool) {
        for r in 0..<rows {
            let x = input + r &* count, e = output + r &* count
            var largest = x[0]
            for i in 1..<Swift.max(count, 1) {
                largest = largest.isNaN || x[i].isNaN ? .nan : Swift.max(largest, x[i])
            }
            for i in 0..<count { e[i] = T.sleefExp(x[i] - largest) }
            let total = sum(UnsafePointer(e), count: count)
            if log {
                // (x − max) − log Σ, in that order (PyTorch keeps it for large inputs).
                let logTotal = T.sleefLog(total)
                for i in 0..<count { e[i] = (x[i] - largest) - logTotal }
            } else {
                let scale = 1 / total
                for i in 0..<count { e[i] *= scale }
            }
        }
    }

    /// Softmax along a dimension of `count` with `inner` positions after it (contiguous
    /// input), for each of `outer` blocks: whole vectors of positions by the vector kernel
    /// (SLEEF), the positions left over one by one with the C library's `exp` (PyTorch's
    /// scalar tail).
    static func innerDim(_ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>, outer: Int, count: Int, inner: Int) {
        let lanes = T.vectorLanes
        for o in 0..<outer {
            let x = input + o &* count &* inner, e = output + o &* count &* inner
            for position in 0..<inner {
                let vectorised = position - position % lanes + lanes <= inner
                var largest = x[position]
                for d in 1..<Swift.max(count, 1) {
                    let v = x[d &* inner &+ position]
                    if vectorised {
                        largest = largest.isNaN || v.isNaN ? .nan : Swift.max(largest, v)
                    } else if largest < v {
                        largest = v
                    }
                }
                var total: T = 0
                for d in 0..<count {
                    let at = d &* inner &+ position
                    e[at] = vectorised ? T.sleefExp(x[at] - largest) : T.scalarExp(x[at] - largest)
                    total += e[at]
                }
                for d in 0..<count { e[d &* inner &+ position] /= total }
            }
        }
    }

    /// log_softmax along an inner dimension, as PyTorch's kernel blocks it: the positions in
    /// chunks of about 128 KiB of input (whole vectors), in each chunk the whole vectors'
    /// exponentials by SLEEF and the rest by the C library, every sum's logarithm by SLEEF; the
    /// maximum taken with `>` from -inf, so a NaN never becomes it.
    static func innerDimLog(_ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>, outer: Int, count: Int, inner: Int) {
        let lanes = T.vectorLanes
        let chunk = Swift.max(128 * 1024 / Swift.max(count, 1) / MemoryLayout<T>.size, lanes) / lanes * lanes
        for o in 0..<outer {
            let x = input + o &* count &* inner, out = output + o &* count &* inner
            for position in 0..<inner {
                let begin = position - position % chunk, size = Swift.min(chunk, inner - begin)
                let vectorised = position - begin < size - size % lanes
                var largest = -T.infinity
                for d in 0..<count where x[d &* inner &+ position] > largest { largest = x[d &* inner &+ position] }
                var total: T = 0
                for d in 0..<count {
                    let shifted = x[d &* inner &+ position] - largest
                    total += vectorised ? T.sleefExp(shifted) : T.scalarExp(shifted)
                }
                let logTotal = T.sleefLog(total)
                for d in 0..<count {
                    let at = d &* inner &+ position
                    out[at] = x[at] - largest - logTotal
                }
            }
        }
    }

    /// The row's sum (PyTorch's `vec::reduce_all`).
    static func sum(_ p: UnsafePointer<T>, count: Int) -> T {
        reduce(count: count, { p[$0] }, { $0 + p[$1] })
    }

    /// A reduction in the softmax kernels' vector order (see `vectorReduce`).
    @inline(__always)
    static func reduce(count: Int, _ term: (Int) -> T, _ accumulate: (T, Int) -> T) -> T {
        vectorReduce(lanes: T.vectorLanes, byHalves: T.sumsLanesByHalves, count: count, term, accumulate)
    }
}

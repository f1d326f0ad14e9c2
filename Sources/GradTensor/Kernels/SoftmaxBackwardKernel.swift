/// The backward of `softmax` and `log_softmax` as PyTorch's CPU kernels compute it, given the
/// incoming gradient g and the forward's output y (contiguous, same shape):
/// softmax `(g − Σ g·y) · y`, log_softmax `g − exp(y) · Σ g`. PyTorch's AVX-512 build lets the
/// compiler fuse a multiply feeding an add written in one expression into one FMA, which
/// `addingProduct` mirrors.
extension SoftmaxKernel {
    /// Along the last dimension, `rows` rows of `count`: each row's sum in the vector order
    /// (`reduce`), then every element through the vector loop (SLEEF's exp).
    static func lastDimBackward(_ grad: UnsafePointer<T>, _ output: UnsafePointer<T>, _ result: UnsafeMutablePointer<T>,
                                rows: Int, count: Int, log: Bool) {
        for r in 0..<rows {
            let g = grad + r &* count, y = output + r &* count, out = result + r &* count
            if log {
                let total = sum(g, count: count)
                for i in 0..<count { out[i] = g[i].addingProduct(-T.sleefExp(y[i]), total) }
            } else {
                // PyTorch's `map2_reduce_all` keeps its multiply and add in two lambdas: the
                // compiler fuses them only on the last, partial vector.
                let partial = count - count % T.vectorLanes
                let total = reduce(count: count, { g[$0] * y[$0] }) { sum, i in
                    i >= partial ? sum.addingProduct(g[i], y[i]) : sum + g[i] * y[i]
                }
                for i in 0..<count { out[i] = (g[i] - total) * y[i] }
            }
        }
    }

    /// Along a dimension of `count` with `inner` positions after it: each position's sum taken
    /// down the dimension from 0, then its elements. PyTorch walks the positions in chunks of
    /// about 128 KiB of input (whole vectors); in each chunk the whole vectors' exponentials are
    /// SLEEF's and the rest the C library's.
    static func innerDimBackward(_ grad: UnsafePointer<T>, _ output: UnsafePointer<T>, _ result: UnsafeMutablePointer<T>,
                                 outer: Int, count: Int, inner: Int, log: Bool) {
        let lanes = T.vectorLanes
        let chunk = Swift.max(128 * 1024 / Swift.max(count, 1) / MemoryLayout<T>.size, lanes) / lanes * lanes
        for o in 0..<outer {
            let base = o &* count &* inner
            for position in 0..<inner {
                let begin = position - position % chunk, size = Swift.min(chunk, inner - begin)
                let vectorised = position - begin < size - size % lanes
                var total: T = 0
                for d in 0..<count {
                    let at = base &+ d &* inner &+ position
                    total = log ? total + grad[at] : total.addingProduct(grad[at], output[at])
                }
                for d in 0..<count {
                    let at = base &+ d &* inner &+ position
                    if log {
                        let e = vectorised ? T.sleefExp(output[at]) : T.scalarExp(output[at])
                        result[at] = grad[at].addingProduct(-e, total)
                    } else {
                        result[at] = output[at] * (grad[at] - total)
                    }
                }
            }
        }
    }
}

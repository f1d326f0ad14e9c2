/// A reduction in the order of PyTorch's `vec::reduce_all` and `vec::map2_reduce_all`
/// (functional_base.h) over vectors of `lanes` elements: one by one below a vector's length
/// (`term(0)` then `+ term(i)`); else one vector accumulator that starts as the first vector's
/// terms and takes each following position with `accumulate(lane, i)`, the last, partial vector
/// on its filled lanes only, its lanes then summed by halves (the shuffles of PyTorch's float
/// specialisations) or in lane order.
@inline(__always)
func vectorReduce<T: BinaryFloatingPoint>(lanes: Int, byHalves: Bool, count: Int,
                                          _ term: (Int) -> T, _ accumulate: (T, Int) -> T) -> T {
    guard count >= lanes else {
        var total: T = 0
        for i in 0..<count { total += term(i) }
        return total
    }
    var accumulator = (0..<lanes).map(term)
    var start = lanes
    while start < count {
        for l in 0..<Swift.min(lanes, count &- start) { accumulator[l] = accumulate(accumulator[l], start &+ l) }
        start &+= lanes
    }
    guard byHalves else { return accumulator.dropFirst().reduce(accumulator[0], +) }
    var width = lanes / 2
    while width >= 1 {
        for l in 0..<width { accumulator[l] += accumulator[l &+ width] }
        width /= 2
    }
    return accumulator[0]
}

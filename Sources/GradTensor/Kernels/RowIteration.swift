/// Walks the rows (innermost dimension) of an index space of `shape`, calling `body` with the
/// output's flat start and each operand's start offset. Kernels loop over a row themselves, so the
/// per-element work stays a tight strided loop the compiler can vectorise.
@inline(__always)
func forEachRow(_ shape: [Int], _ s1: [Int], _ o1: Int, _ s2: [Int], _ o2: Int,
                _ body: (_ out: Int, _ p1: Int, _ p2: Int) -> Void) {
    let rank = shape.count
    if rank <= 1 {
        body(0, o1, o2)
        return
    }
    let inner = shape[rank - 1]
    var rows = 1
    for d in 0..<(rank - 1) { rows &*= shape[d] }
    if rows == 0 || inner == 0 { return }
    var index = [Int](repeating: 0, count: rank - 1)
    var p1 = o1, p2 = o2, out = 0
    for _ in 0..<rows {
        body(out, p1, p2)
        out &+= inner
        var d = rank - 2
        while d >= 0 {
            index[d] &+= 1
            p1 &+= s1[d]
            p2 &+= s2[d]
            if index[d] < shape[d] { break }
            p1 &-= s1[d] &* shape[d]
            p2 &-= s2[d] &* shape[d]
            index[d] = 0
            d -= 1
        }
    }
}

/// The strides with which an operand of `shape`/`strides` is read when broadcast to `outShape`:
/// 0 along broadcast dimensions.
func broadcastStrides(_ shape: [Int], _ strides: [Int], to outShape: [Int]) -> [Int] {
    let lead = outShape.count - shape.count
    var out = [Int](repeating: 0, count: outShape.count)
    for i in 0..<shape.count where shape[i] != 1 || outShape[lead + i] == 1 {
        out[lead + i] = strides[i]
    }
    return out
}

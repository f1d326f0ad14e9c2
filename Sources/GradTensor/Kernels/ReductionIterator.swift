/// The loops PyTorch's TensorIterator runs for a reduction, whose order decides the bits of a
/// floating-point result: the dimensions sorted with the reduced ones first and then by the
/// input's strides (memory order, so a transposed input is read as it lies), adjacent dimensions
/// merged where their strides allow, and dimensions 0 and 1 handed to the kernel as one 2-D loop
/// for each position of the others (dimension 2 counting fastest).
struct ReductionIterator {
    /// The iterator's dimensions, fastest first.
    private(set) var shape: [Int]
    /// The input's strides, in elements, for each iterator dimension.
    private(set) var inputStrides: [Int]
    /// The output's strides: zero on reduced dimensions, the contiguous output's on the others.
    private(set) var outputStrides: [Int]

    /// `reduced` lists the dims of `shape` that are reduced (sorted, unique).
    init(shape inputShape: [Int], strides: [Int], reduced: [Int]) {
        let rank = inputShape.count
        var output = [Int](repeating: 0, count: rank)
        var next = 1
        for d in stride(from: rank - 1, through: 0, by: -1) {
            let kept = reduced.contains(d) ? 1 : inputShape[d]
            // A size-1 output dim broadcast over the input's dim gets stride 0 (TensorIterator's rule).
            output[d] = kept == 1 && inputShape[d] != 1 ? 0 : next
            next &*= kept
        }
        // TensorIterator's insertion sort, starting from the reversed dims; a comparison that
        // cannot tell (0) moves on without stopping.
        func order(_ d0: Int, _ d1: Int) -> Int {
            let (o0, o1) = (output[d0], output[d1])
            if (o0 == 0) != (o1 == 0) { return o1 == 0 ? 1 : -1 }
            for (s0, s1) in [(o0, o1), (strides[d0], strides[d1])] where s0 != 0 && s1 != 0 {
                if s0 != s1 { return s0 < s1 ? -1 : 1 }
                if inputShape[d0] > inputShape[d1] { return 1 }
            }
            return 0
        }
        let perm = MemoryOrder.tensorIteratorPermutation(rank: rank, order)
        shape = perm.map { inputShape[$0] }
        inputStrides = perm.map { strides[$0] }
        outputStrides = perm.map { output[$0] }
        coalesce()
    }

    /// Merges each dimension into the previous one when either has size 1 or both operands step
    /// through it as one longer dimension (TensorIterator's `coalesce_dimensions`).
    private mutating func coalesce() {
        guard shape.count > 1 else { return }
        var previous = 0
        for d in 1..<shape.count {
            let mergeable = shape[previous] == 1 || shape[d] == 1
                || (shape[previous] &* inputStrides[previous] == inputStrides[d]
                    && shape[previous] &* outputStrides[previous] == outputStrides[d])
            if mergeable {
                if shape[previous] == 1 {
                    inputStrides[previous] = inputStrides[d]
                    outputStrides[previous] = outputStrides[d]
                }
                shape[previous] &*= shape[d]
            } else {
                previous += 1
                if previous != d {
                    inputStrides[previous] = inputStrides[d]
                    outputStrides[previous] = outputStrides[d]
                    shape[previous] = shape[d]
                }
            }
        }
        shape.removeLast(shape.count - previous - 1)
        inputStrides.removeLast(inputStrides.count - previous - 1)
        outputStrides.removeLast(outputStrides.count - previous - 1)
    }

    /// Calls `loop(outputOffset, inputOffset, outStrides, inStrides, size0, size1)` as
    /// TensorIterator's `serial_for_each` calls a 2-D loop: once for a tensor of at most one
    /// dimension (missing strides are 0), else once for each position of dimensions 2 and up.
    func forEach2D(_ loop: (Int, Int, (Int, Int), (Int, Int), Int, Int) -> Void) {
        let rank = shape.count
        if rank <= 1 {
            loop(0, 0, (outputStrides.first ?? 0, 0), (inputStrides.first ?? 0, 0), shape.first ?? 1, 1)
            return
        }
        let outStrides = (outputStrides[0], outputStrides[1]), inStrides = (inputStrides[0], inputStrides[1])
        guard shape.allSatisfy({ $0 > 0 }) else { return }
        var index = [Int](repeating: 0, count: rank)
        var outOffset = 0, inOffset = 0
        while true {
            loop(outOffset, inOffset, outStrides, inStrides, shape[0], shape[1])
            var d = 2
            while d < rank {
                index[d] += 1
                outOffset &+= outputStrides[d]
                inOffset &+= inputStrides[d]
                if index[d] < shape[d] { break }
                outOffset &-= outputStrides[d] &* shape[d]
                inOffset &-= inputStrides[d] &* shape[d]
                index[d] = 0
                d += 1
            }
            if d == rank { return }
        }
    }
}

extension ReductionIterator {
    /// How many leading dimensions are reduced (they sort first).
    var reducedRank: Int { outputStrides.prefix { $0 == 0 }.count }

    /// The element order of `binary_kernel_reduce`: for each output element its output offset
    /// and first input offset (`outputs`), and the input offsets of its reduced elements
    /// relative to that (`reduced`), dimension 0 fastest as TensorIterator walks them.
    func sequentialOrder() -> (outputs: [(output: Int, input: Int)], reduced: [Int]) {
        let r = reducedRank
        let reduced = offsets(0..<r, inputStrides)
        let outputs = Array(zip(offsets(r..<shape.count, outputStrides), offsets(r..<shape.count, inputStrides)))
        return (outputs.map { (output: $0.0, input: $0.1) }, reduced)
    }

    /// The offsets of every position of the dimensions `dims`, the first counting fastest.
    private func offsets(_ dims: Range<Int>, _ strides: [Int]) -> [Int] {
        var result = [0]
        for d in dims {
            var next: [Int] = []
            next.reserveCapacity(result.count &* shape[d])
            for i in 0..<shape[d] {
                for o in result { next.append(o &+ i &* strides[d]) }
            }
            result = next
        }
        return result
    }
}

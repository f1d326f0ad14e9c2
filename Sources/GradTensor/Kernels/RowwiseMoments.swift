/// The mean and biased variance of a row as PyTorch's CPU `RowwiseMoments` computes them
/// (aten/src/ATen/native/cpu/moments_utils.h), in its order and roundings as built for AVX2:
/// Welford's update over vectors of 256 bits (8 floats, 4 doubles) in chunks of 16 vectors,
/// each chunk's moments merged into a cascade (pairwise, by the bits of the chunk count), the
/// elements past the last whole vector updated one by one, and the lanes merged into those last.
/// `layer_norm` and `group_norm` normalise with these, so their outputs carry PyTorch's bits.
///
/// Which multiply-adds are fused follows that build: the ones written as `fmadd` in the source
/// (the vector update and the vector merge's second moment) and the scalar merge's two, which
/// GCC fuses; the one-by-one tail's `m2 += delta * (x - m1)`, a loop-carried chain, GCC leaves
/// apart, as it does the vector merge's mean (its product has two uses). Checked against
/// PyTorch's `native_group_norm` means and inverse deviations over rows of 1 to 100,000 elements.
struct RowwiseMoments<T: CascadeElement> {
    typealias Vector = T.AVX2Vector
    private static var chunkSize: Int { 16 }

    /// The cascade's levels (count, mean and second moment per lane), kept between rows.
    private var counts: [Int] = []
    private var means: [Vector] = []
    private var squares: [Vector] = []
    /// 1 / (j + 1) for the j-th vector of a chunk, as PyTorch's `c_vecs`.
    private let reciprocals: [Vector] = (0..<16).map { Vector(repeating: 1 / T($0 + 1)) }

    /// The mean and the biased variance of the `count` elements from `x`.
    mutating func callAsFunction(_ x: UnsafePointer<T>, count: Int) -> (mean: T, variance: T) {
        let width = Vector.scalarCount, chunkSize = Self.chunkSize
        let vectors = count / width
        let chunks = (vectors + chunkSize - 1) / chunkSize
        // PyTorch's CeilLog2, which is 1 for up to two chunks.
        let depth = chunks <= 2 ? 1 : Int.bitWidth - (chunks - 1).leadingZeroBitCount
        reset(&counts, to: 0, depth)
        reset(&means, to: .zero, depth)
        reset(&squares, to: .zero, depth)
        for chunk in 0..<chunks {
            let first = chunk * chunkSize
            let length = Swift.min(chunkSize, vectors - first)
            var m1 = Vector.zero, m2 = Vector.zero
            for j in 0..<length {
                let value = Vector.load(x + (first + j) * width)
                let delta = value - m1
                m1 = m1.addingProduct(reciprocals[j], delta)
                m2 = m2.addingProduct(delta, value - m1)
            }
            merge(length, m1, m2, into: 0)
            // A level full of chunks moves up, as a binary counter carries.
            var mask = chunk + 1, level = 1
            while level < depth && mask & 1 == 0 {
                merge(counts[level - 1], means[level - 1], squares[level - 1], into: level)
                (counts[level - 1], means[level - 1], squares[level - 1]) = (0, .zero, .zero)
                mask >>= 1
                level += 1
            }
        }
        for level in 1..<depth { merge(counts[level], means[level], squares[level], into: 0) }

        var m0 = 0, m1: T = 0, m2: T = 0
        for i in (vectors * width)..<count {
            let value = x[i], delta = value - m1
            m0 += 1
            m1 += delta / T(m0)
            m2 += delta * (value - m1)
        }
        for lane in 0..<width {
            let total = m0 + vectors
            let c = total == 0 ? 0 : T(vectors) / T(total)
            let delta = means[0][lane] - m1
            m1 = m1.addingProduct(c, delta)
            m2 += squares[0][lane].addingProduct(delta * delta * c, T(m0))
            m0 = total
        }
        return (m1, m2 / T(count))
    }

    /// `depth` copies of `value`, in the storage the last row used.
    private func reset<Element>(_ levels: inout [Element], to value: Element, _ depth: Int) {
        levels.removeAll(keepingCapacity: true)
        levels.append(contentsOf: repeatElement(value, count: depth))
    }

    /// PyTorch's `AddMomentsVec`: the moments of `added` elements per lane merged into level `level`.
    private mutating func merge(_ added: Int, _ m1Added: Vector, _ m2Added: Vector, into level: Int) {
        let m0 = counts[level], total = m0 + added
        let c = Vector(repeating: total == 0 ? 0 : T(added) / T(total))
        let delta = m1Added - means[level]
        let m2Sum = squares[level] + m2Added
        let scaledDelta = c * delta
        let weightedDelta = delta * Vector(repeating: T(m0))
        means[level] = means[level] + scaledDelta
        squares[level] = m2Sum.addingProduct(weightedDelta, scaledDelta)
        counts[level] = total
    }
}

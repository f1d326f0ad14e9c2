/// numpy's float summation order (`pairwise_sum` in its loops_utils.h.src): runs under 8
/// elements are added one by one; up to 128 elements go through 8 interleaved accumulators,
/// combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)); longer runs are split in two (the first
/// half a multiple of 8) and the halves summed recursively. Printed sums match numpy's digits.
enum NumpyPairwiseSum {
    static let blockSize = 128

    static func sum<T: BinaryFloatingPoint>(_ a: ArraySlice<T>) -> T {
        let n = a.count, start = a.startIndex
        if n < 8 {
            var r: T = 0
            for x in a { r += x }
            return r
        }
        if n <= blockSize {
            var r = Array(a[start..<(start + 8)])
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[start + i + j] }
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                total += a[start + i]
                i += 1
            }
            return total
        }
        var half = n / 2
        half -= half % 8
        return sum(a[start..<(start + half)]) + sum(a[(start + half)...])
    }
}

/// `math.fsum`: the exactly rounded sum of floats (Shewchuk's partials, as CPython's `msum`).
enum FSum {
    static func sum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        for value in values {
            var x = value
            if !x.isFinite {
                // Infinities and NaNs bypass the partials; inf - inf is a domain error.
                if x.isInfinite { infSum += x }
                specialSum += x
                continue
            }
            var kept = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 { partials[kept] = low; kept += 1 }
                x = high
            }
            partials.removeSubrange(kept...)
            if !x.isFinite { throw PyError.overflow("intermediate overflow in fsum") }
            if x != 0 { partials.append(x) }
        }
        if specialSum != 0 || specialSum.isNaN {
            if infSum.isNaN { throw PyError.value("-inf + inf in fsum") }
            return specialSum
        }
        return roundedTotal(partials)
    }

    /// Sums the partials from the top, correcting the final rounding when a half-way case hides
    /// in the remaining partials.
    private static func roundedTotal(_ partials: [Double]) -> Double {
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var high = partials[n]
        var low = 0.0
        while n > 0 {
            let x = high
            n -= 1
            let y = partials[n]
            high = x + y
            let yr = high - x
            low = y - yr
            if low != 0 { break }
        }
        if n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}

import Glibc

/// `math.hypot` and `math.dist`: the Euclidean norm as CPython 3.11's `vector_norm` computes it,
/// almost always correctly rounded (power-of-two scaling, Veltkamp-Dekker squaring, compensated
/// summation and a differential correction of the square root), so the last digit is CPython's.
enum MathVectorNorm {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("math.hypot(*coordinates, /)") { args in
                .float(norm(try args.varargs("coordinates").map { Swift.abs(try Arg.real($0)) }))
            },
            PyBuiltin("math.dist(p, q, /)") { args in
                let p = try Iteration.collect(args["p"]), q = try Iteration.collect(args["q"])
                guard p.count == q.count else {
                    throw PyError.value("both points must have the same number of dimensions")
                }
                // Each coordinate pair is converted in turn, so the first bad one is the one reported.
                var differences: [Double] = []
                differences.reserveCapacity(p.count)
                for (pi, qi) in zip(p, q) {
                    let px = try Arg.real(pi), qx = try Arg.real(qi)
                    differences.append(Swift.abs(px - qx))
                }
                return .float(norm(differences))
            },
        ]
    }

    /// sqrt of the sum of squares of non-negative `magnitudes`; an infinity wins over a NaN.
    static func norm(_ magnitudes: [Double]) -> Double {
        var largest = 0.0, foundNaN = false
        for x in magnitudes {
            foundNaN = foundNaN || x.isNaN
            if x > largest { largest = x }
        }
        if largest.isInfinite { return largest }
        if foundNaN { return .nan }
        if largest == 0 || magnitudes.count <= 1 { return largest }
        // Every addend has magnitude below 1 after scaling, and the sum starts at 1, so each
        // compensation term (the Neumaier branch) needs no comparison.
        var sum = Compensated()
        let exponent = Int(largest.exponent) + 1  // frexp's exponent
        guard exponent >= -1023 else {
            // 2**-exponent would overflow: divide by the largest instead.
            for x in magnitudes {
                let scaled = x / largest
                sum.add(scaled * scaled, into: \.frac1)
            }
            return largest * sqrt(sum.total - 1.0 + sum.frac1)
        }
        let scale = scalbn(1.0, -exponent)
        for x in magnitudes {
            let (hi, lo) = split(x * scale)
            sum.add(hi * hi, into: \.frac1)
            sum.add(2.0 * hi * lo, into: \.frac2)
            sum.frac3 += lo * lo
        }
        let h = sqrt(sum.total - 1.0 + (sum.frac1 + sum.frac2 + sum.frac3))
        let (hi, lo) = split(h)
        sum.add(-hi * hi, into: \.frac1)
        sum.add(-2.0 * hi * lo, into: \.frac2)
        sum.add(-lo * lo, into: \.frac3)
        let residual = sum.total - 1.0 + (sum.frac1 + sum.frac2 + sum.frac3)
        return (h + residual / (2.0 * h)) / scale
    }

    /// A running sum kept at or above 1 with three separate error accumulators.
    private struct Compensated {
        var total = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0

        mutating func add(_ x: Double, into fraction: WritableKeyPath<Compensated, Double>) {
            let old = total
            total += x
            self[keyPath: fraction] += (old - total) + x
        }
    }

    /// Veltkamp-Dekker: x as hi + lo, each with at most 26 significant bits, so hi*hi is exact.
    private static func split(_ x: Double) -> (hi: Double, lo: Double) {
        let t = x * 134217729.0  // 2**27 + 1
        let hi = t - (t - x)
        return (hi, x - hi)
    }
}

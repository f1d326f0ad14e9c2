/// x·y + z rounded once (SLEEF's `vmla` in its FMA builds).
@inline(__always)
func multiplyAdd<T: FloatingPoint>(_ x: T, _ y: T, _ z: T) -> T { z.addingProduct(x, y) }

/// An unevaluated sum hi + lo of two floats (SLEEF's float-float and double-double numbers),
/// with SLEEF's FMA formulas for its operations.
struct DoubleWord<T: BinaryFloatingPoint> {
    var hi: T, lo: T

    init(_ hi: T, _ lo: T) { self.hi = hi; self.lo = lo }

    /// x + y exactly, for any magnitudes (`dfadd2_vf2_vf_vf`).
    static func sum2(_ x: T, _ y: T) -> DoubleWord {
        let s = x + y, v = s - x
        return DoubleWord(s, (x - (s - v)) + (y - v))
    }

    /// self + y, |self| ≥ |y| (`dfadd_vf2_vf2_vf2`).
    func plus(_ y: DoubleWord) -> DoubleWord {
        let s = hi + y.hi
        return DoubleWord(s, (((hi - s) + y.hi) + lo) + y.lo)
    }

    /// self + y, |self| ≥ |y| (`dfadd_vf2_vf2_vf`).
    func plus(_ y: T) -> DoubleWord {
        let s = hi + y
        return DoubleWord(s, ((hi - s) + y) + lo)
    }

    func scaled(by factor: T) -> DoubleWord { DoubleWord(hi * factor, lo * factor) }

    /// self · y (`dfmul_vf2_vf2_vf`).
    func times(_ y: T) -> DoubleWord {
        let s = hi * y
        return DoubleWord(s, multiplyAdd(lo, y, multiplyAdd(hi, y, -s)))
    }

    /// self / d (`dfdiv_vf2_vf2_vf2`).
    func divided(by d: DoubleWord) -> DoubleWord {
        let t = 1 / d.hi, s = hi * t
        let u = multiplyAdd(t, hi, -s)
        let v = multiplyAdd(-d.lo, t, multiplyAdd(-d.hi, t, 1))
        return DoubleWord(s, multiplyAdd(s, v, multiplyAdd(lo, t, u)))
    }
}

extension DoubleWord {
    /// x + y, |x| ≥ |y| (`dfadd_vf2_vf_vf2`).
    static func sum(_ x: T, _ y: DoubleWord) -> DoubleWord {
        let s = x + y.hi
        return DoubleWord(s, ((x - s) + y.hi) + y.lo)
    }

    /// self + y exactly, for any magnitudes (`dfadd2_vf2_vf2_vf`).
    func plus2(_ y: T) -> DoubleWord {
        let s = hi + y, v = s - hi
        return DoubleWord(s, ((hi - (s - v)) + (y - v)) + lo)
    }

    /// self + y, for any magnitudes (`dfadd2_vf2_vf2_vf2`).
    func plus2(_ y: DoubleWord) -> DoubleWord {
        let s = hi + y.hi, v = s - hi
        return DoubleWord(s, ((hi - (s - v)) + (y.hi - v)) + (lo + y.lo))
    }

    /// self − y, |self| ≥ |y| (`dfsub_vf2_vf2_vf2`).
    func minus(_ y: DoubleWord) -> DoubleWord {
        let s = hi - y.hi
        return DoubleWord(s, (((hi - s) - y.hi) + lo) - y.lo)
    }

    /// self · y (`dfmul_vf2_vf2_vf2`).
    func times(_ y: DoubleWord) -> DoubleWord {
        let s = hi * y.hi
        return DoubleWord(s, multiplyAdd(hi, y.lo, multiplyAdd(lo, y.hi, multiplyAdd(hi, y.hi, -s))))
    }

    /// self² (`dfsqu_vf2_vf2`).
    func squared() -> DoubleWord {
        let s = hi * hi
        return DoubleWord(s, multiplyAdd(hi + hi, lo, multiplyAdd(hi, hi, -s)))
    }

    /// 1 / self (`dfrec_vf2_vf2`).
    func reciprocal() -> DoubleWord {
        let s = 1 / hi
        return DoubleWord(s, s * multiplyAdd(-lo, s, multiplyAdd(-hi, s, 1)))
    }

    var value: T { hi + lo }
}

extension DoubleWord {
    /// The same sum with hi rounded to it (`dfnormalize_vf2_vf2`).
    func normalized() -> DoubleWord {
        let s = hi + lo
        return DoubleWord(s, (hi - s) + lo)
    }
}

extension DoubleWord: Sendable where T: Sendable {}

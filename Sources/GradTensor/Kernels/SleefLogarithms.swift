/// SLEEF's logarithm family beyond `log` (u10 variants, FMA build): `log1p` and `atanh`, which
/// PyTorch's vector kernels call (Sleef.swift has `log`).
extension Sleef {
    /// `log1pf_u10`: log(1 + d) with 1 + d's exponent taken out and d's part kept exact.
    static func log1p(_ d: Float) -> Float {
        if d.isNaN || d < -1 { return .nan }
        if d == -1 { return -.infinity }
        if d > 0x1.2ced32p+126 { return log(d) }
        if d == 0 { return d }
        let (e, m) = reducedForLogOnePlus(d)
        let s = DoubleWord<Float>(0.69314718246459960938, -1.904654323148236017e-09).times(Float(e))
        let x = DoubleWord(m, 0).divided(by: DoubleWord.sum2(2, m))
        let x2 = x.hi * x.hi
        var t: Float = 0.3027294874
        t = multiplyAdd(t, x2, 0.3996108174)
        t = multiplyAdd(t, x2, 0.6666694880)
        return s.plus(x.scaled(by: 2)).plus(x2 * x.hi * t).value
    }

    /// `log1p_u10` in double.
    static func log1p(_ d: Double) -> Double {
        if d.isNaN || d < -1 { return .nan }
        if d == -1 { return -.infinity }
        if d > 0x1.c7b1f3cac7433p+1019 { return log(d) }
        if d == 0 { return d }
        let (e, m) = reducedForLogOnePlus(d)
        let s = DoubleWord<Double>(0.693147180559945286226764, 2.319046813846299558417771e-17).times(Double(e))
        let x = DoubleWord(m, 0).divided(by: DoubleWord.sum2(2, m))
        let x2 = x.hi * x.hi
        return s.plus(x.scaled(by: 2)).plus(x2 * x.hi * logPolynomial(x2)).value
    }

    /// `atanhf_u10`: log((1 + |x|)/(1 − |x|))/2 in float-float arithmetic, the sign put back.
    static func atanh(_ x: Float) -> Float {
        let y = Swift.abs(x)
        if x.isNaN || y > 1 { return .nan }
        if y == 1 { return x < 0 ? -.infinity : .infinity }
        let ratio = DoubleWord.sum2(1, y).divided(by: DoubleWord.sum2(1, -y))
        let e = exponentForLog(ratio.hi), m = ratio.scaled(by: powerOfTwo(-e))
        let z = m.plus2(-1).divided(by: m.plus2(1))
        let z2 = z.squared()
        var t: Float = 0.2392828464508056640625
        t = multiplyAdd(t, z2.hi, 0.28518211841583251953125)
        t = multiplyAdd(t, z2.hi, 0.400005877017974853515625)
        t = multiplyAdd(t, z2.hi, 0.666666686534881591796875)
        let s = DoubleWord<Float>(0.69314718246459960938, -1.904654323148236017e-09).times(Float(e))
            .plus(z.scaled(by: 2)).plus(z2.times(z).times(t))
        let r = s.value * 0.5
        return x.sign == .minus ? -r : r
    }

    /// `atanh_u10` in double.
    static func atanh(_ x: Double) -> Double {
        let y = Swift.abs(x)
        if x.isNaN || y > 1 { return .nan }
        if y == 1 { return x < 0 ? -.infinity : .infinity }
        let ratio = DoubleWord.sum2(1, y).divided(by: DoubleWord.sum2(1, -y))
        let e = exponentForLog(ratio.hi), m = ratio.scaled(by: powerOfTwo(-e))
        let z = m.plus2(-1).divided(by: m.plus2(1))
        let z2 = z.squared()
        let x2 = z2.hi, x4 = x2 * x2, x8 = x4 * x4
        var t = multiplyAdd(x8, multiplyAdd(x4, 0.13860436390467167910856, multiplyAdd(x2, 0.131699838841615374240845, 0.153914168346271945653214)),
                            multiplyAdd(x4, multiplyAdd(x2, 0.181816523941564611721589, 0.22222224632662035403996),
                                        multiplyAdd(x2, 0.285714285511134091777308, 0.400000000000914013309483)))
        t = multiplyAdd(t, x2, 0.666666666666664853302393)
        let s = DoubleWord<Double>(0.693147180559945286226764, 2.319046813846299558417771e-17).times(Double(e))
            .plus(z.scaled(by: 2)).plus(z2.times(z).times(t))
        let r = s.value * 0.5
        return x.sign == .minus ? -r : r
    }

    /// SLEEF's degree-7 polynomial of `log_u1` and `log1p`, by Estrin's scheme.
    static func logPolynomial(_ x2: Double) -> Double {
        let x4 = x2 * x2, x8 = x4 * x4
        return multiplyAdd(x8, multiplyAdd(x4, 0.1532076988502701353e+0, multiplyAdd(x2, 0.1525629051003428716e+0, 0.1818605932937785996e+0)),
                           multiplyAdd(x4, multiplyAdd(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                                       multiplyAdd(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0)))
    }

    /// The exponent e of 1 + d (scaled into [0.75, 1.5)) and d·2^-e + (2^-e − 1), the reduced
    /// argument with no rounding of 1 + d, for d > -1.
    private static func reducedForLogOnePlus<T: BinaryFloatingPoint>(_ d: T) -> (Int, T) {
        let boost = T(sign: .plus, exponent: 64, significand: 1)
        let onePlus = d + 1
        let tiny = onePlus < T.leastNormalMagnitude
        let e = exponentForLog(tiny ? onePlus * boost : onePlus)
        let t = powerOfTwo(-e) as T
        return (tiny ? e - 64 : e, multiplyAdd(d, t, t - 1))
    }

    /// The exponent of d·(1/0.75): d = m·2^e with m in [0.75, 1.5), d positive and normal.
    private static func exponentForLog<T: BinaryFloatingPoint>(_ d: T) -> Int { Int((d * (1 / T(0.75))).exponent) }

    private static func powerOfTwo<T: BinaryFloatingPoint>(_ k: Int) -> T { T(sign: .plus, exponent: T.Exponent(k), significand: 1) }
}

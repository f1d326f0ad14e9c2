/// SLEEF's `pow` (u10, FMA build), which PyTorch's vector kernels call for `x ** y`: e^(y·log|x|)
/// in float-float (double-double) arithmetic, then IEEE's special cases.
extension Sleef {
    /// `powf_u10`.
    static func pow(_ x: Float, _ y: Float) -> Float {
        let yIsInteger = y.rounded(.towardZero) == y || Swift.abs(y) > 0x1p24
        let yIsOdd = yIsInteger && Swift.abs(y) < 0x1p24 && Int32(y.rounded(.towardZero)) & 1 == 1
        var result: Float
        if x.isFinite && x != 0 && y.isFinite {
            result = exponential(logarithmWord(Swift.abs(x)).times(y))
            if result.isNaN { result = .infinity }
        } else {
            result = 0
        }
        return specialCases(x, y, result, yIsInteger: yIsInteger, yIsOdd: yIsOdd)
    }

    /// `pow_u10` in double.
    static func pow(_ x: Double, _ y: Double) -> Double {
        let yIsInteger = y.rounded(.toNearestOrEven) == y
        let yIsOdd = yIsInteger && (y * 0.5).rounded(.toNearestOrEven) != y * 0.5
        var result: Double
        if x.isFinite && x != 0 && y.isFinite {
            let d = logarithmWord(Swift.abs(x)).times(y)
            result = d.hi > 0x1.62e42fefa39efp+9 ? .infinity : exponential(d)
        } else {
            result = 0
        }
        return specialCases(x, y, result, yIsInteger: yIsInteger, yIsOdd: yIsOdd)
    }

    /// The sign of a negative base, infinite exponents, zero and infinite bases, NaNs, y = 0 and x = 1.
    private static func specialCases<T: BinaryFloatingPoint>(_ x: T, _ y: T, _ core: T, yIsInteger: Bool, yIsOdd: Bool) -> T {
        if x.isNaN || y.isNaN { return y == 0 || x == 1 ? 1 : .nan }
        if y == 0 || x == 1 { return 1 }
        if x.isInfinite || x == 0 {
            let magnitude: T = (y.sign == .minus) != (x == 0) ? 0 : .infinity
            let signSource = yIsOdd ? x : 1
            return signSource.sign == .minus ? -magnitude : magnitude
        }
        if y.isInfinite {
            let efx = Swift.abs(x) - 1
            let signed = y.sign == .minus ? -efx : efx
            return signed < 0 ? 0 : (signed == 0 ? 1 : .infinity)
        }
        return core * (x > 0 ? 1 : (yIsInteger ? (yIsOdd ? -1 : 1) : .nan))
    }

    /// `logkf`: log d as a float-float, for a positive finite d.
    private static func logarithmWord(_ d: Float) -> DoubleWord<Float> {
        let (m, e) = reducedForLogarithm(d)
        let x = DoubleWord.sum2(-1, m).divided(by: DoubleWord.sum2(1, m))
        let x2 = x.squared()
        var t: Float = 0.240320354700088500976562
        t = multiplyAdd(t, x2.hi, 0.285112679004669189453125)
        t = multiplyAdd(t, x2.hi, 0.400007992982864379882812)
        let c = DoubleWord<Float>(0.66666662693023681640625, 3.69183861259614332084311e-09)
        return DoubleWord<Float>(0.69314718246459960938, -1.904654323148236017e-09).times(Float(e))
            .plus(x.scaled(by: 2)).plus(x2.times(x).times(x2.times(t).plus2(c)))
    }

    /// `logk`: log d as a double-double, for a positive finite d.
    private static func logarithmWord(_ d: Double) -> DoubleWord<Double> {
        let (m, e) = reducedForLogarithm(d)
        var x = DoubleWord.sum2(-1, m).divided(by: DoubleWord.sum2(1, m))
        let x2 = x.squared()
        let y = x2.hi, y2 = y * y, y4 = y2 * y2, y8 = y4 * y4
        let low = multiplyAdd(y4, multiplyAdd(y2, multiplyAdd(y, 0.103239680901072952701192, 0.117754809412463995466069),
                                              multiplyAdd(y, 0.13332981086846273921509, 0.153846227114512262845736)),
                              multiplyAdd(y2, multiplyAdd(y, 0.181818180850050775676507, 0.222222222230083560345903),
                                          multiplyAdd(y, 0.285714285714249172087875, 0.400000000000000077715612)))
        let t = multiplyAdd(y8, 0.116255524079935043668677, low)
        let c = DoubleWord<Double>(0.666666666666666629659233, 3.80554962542412056336616e-17)
        var s = DoubleWord<Double>(0.693147180559945286226764, 2.319046813846299558417771e-17).times(Double(e))
        s = s.plus(x.scaled(by: 2))
        x = x2.times(x)
        s = s.plus(x.times(c))
        x = x2.times(x)
        return s.plus(x.times(t))
    }

    /// `expkf`: e^d for a float-float d (0 below -104), scaled by SLEEF's saturating `ldexp`.
    private static func exponential(_ d: DoubleWord<Float>) -> Float {
        if d.hi < -104 { return 0 }
        let q = vectorRounded(d.value * 1.442695040888963407359924681001892137426645954152985934135449406931)
        let qf = Float(q)
        let s = d.plus2(qf * -0.693145751953125).plus2(qf * -1.428606765330187045e-06).normalized()
        var u: Float = 0.00136324646882712841033936
        u = multiplyAdd(u, s.hi, 0.00836596917361021041870117)
        u = multiplyAdd(u, s.hi, 0.0416710823774337768554688)
        u = multiplyAdd(u, s.hi, 0.166665524244308471679688)
        u = multiplyAdd(u, s.hi, 0.499999850988388061523438)
        return saturatingScaled(DoubleWord.sum(1, s.plus(s.squared().times(u))).value, byPowerOfTwo: q)
    }

    /// `expk`: e^d for a double-double d (0 below -1000, d.hi at most log(DBL_MAX)).
    static func exponential(_ d: DoubleWord<Double>) -> Double {
        if d.hi < -1000 { return 0 }
        let dq = (d.value * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven)
        let s = d.plus2(dq * -0.69314718055966295651160180568695068359375)
            .plus2(dq * -0.28235290563031577122588448175013436025525412068e-12).normalized()
        let s2 = s.hi * s.hi, s4 = s2 * s2, s8 = s4 * s4
        let u = estrin10(s.hi, s2, s4, s8, (2.51069683420950419527139e-08, 2.76286166770270649116855e-07, 2.75572496725023574143864e-06,
                                            2.48014973989819794114153e-05, 0.000198412698809069797676111, 0.0013888888939977128960529,
                                            0.00833333333332371417601081, 0.0416666666665409524128449, 0.166666666666666740681535,
                                            0.500000000000000999200722))
        let t = DoubleWord.sum(1, s).plus(s.squared().times(u))
        return scaled(t.value, byPowerOfTwo: Int(dq))
    }

    /// x86's float-to-int32 conversion (`cvtps_epi32`): to nearest, and INT32_MIN when out of range.
    private static func vectorRounded(_ x: Float) -> Int32 {
        let r = x.rounded(.toNearestOrEven)
        return r >= -0x1p31 && r < 0x1p31 ? Int32(r) : .min
    }

    /// SLEEF's `vldexp_vf_vf_vi2`: x·2^q through four factors of a clamped power and a last one,
    /// so a q far out of range gives 0 or infinity.
    private static func saturatingScaled(_ x: Float, byPowerOfTwo q0: Int32) -> Float {
        var m = q0 >> 31
        m = (((m &+ q0) >> 6) &- m) &<< 4
        let q = q0 &- (m &<< 2)
        m = Swift.min(Swift.max(m &+ 0x7f, 0), 0xff)
        let u = Float(bitPattern: UInt32(m) << 23)
        return x * u * u * u * u * Float(bitPattern: UInt32(bitPattern: (q &+ 0x7f) &<< 23))
    }
}

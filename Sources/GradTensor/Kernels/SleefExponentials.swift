/// SLEEF's exponential family beyond `exp` (u10 variants, FMA build): `exp2`, `expm1` and, in
/// double, `sinh` and `cosh`, which PyTorch's vector kernels call (Sleef.swift has the rest).
extension Sleef {
    /// `exp2f_u10`: 2^round(d) times a degree-7 polynomial of the remainder.
    static func exp2(_ d: Float) -> Float {
        if d.isNaN { return d }
        if d >= 128 { return .infinity }
        if d < -150 { return 0 }
        let u = d.rounded(.toNearestOrEven), s = d - u
        var p: Float = 0.1535920892e-3
        p = multiplyAdd(p, s, 0.1339262701e-2)
        p = multiplyAdd(p, s, 0.9618384764e-2)
        p = multiplyAdd(p, s, 0.5550347269e-1)
        p = multiplyAdd(p, s, 0.2402264476e+0)
        p = multiplyAdd(p, s, 0.6931471825e+0)
        p = multiplyAdd(p, s, 1)
        return scaled(p, byPowerOfTwo: Int(u))
    }

    /// `exp2_u10` in double: as the float version, with an Estrin-evaluated polynomial.
    static func exp2(_ d: Double) -> Double {
        if d.isNaN { return d }
        if d >= 1024 { return .infinity }
        if d < -2000 { return 0 }
        let u = d.rounded(.toNearestOrEven), s = d - u
        let s2 = s * s, s4 = s2 * s2, s8 = s4 * s4
        var p = estrin10(s, s2, s4, s8, (0.4434359082926529454e-9, 0.7073164598085707425e-8, 0.1017819260921760451e-6,
                                         0.1321543872511327615e-5, 0.1525273353517584730e-4, 0.1540353045101147808e-3,
                                         0.1333355814670499073e-2, 0.9618129107597600536e-2, 0.5550410866482046596e-1,
                                         0.2402265069591012214e+0))
        p = multiplyAdd(p, s, 0.6931471805599452862e+0)
        p = multiplyAdd(p, s, 1)
        return scaled(p, byPowerOfTwo: Int(u))
    }

    /// `expm1f_u10`: e^a in float-float arithmetic, minus one before the final rounding.
    static func expm1(_ a: Float) -> Float {
        if a.isNaN { return a }
        if a > 88.72283172607421875 { return .infinity }
        if a < -16.635532333438687426013570 { return -1 }
        if a == 0 { return a }
        return exponentialWord(DoubleWord(a, 0)).plus2(-1).value
    }

    /// `expm1_u10` in double.
    static func expm1(_ a: Double) -> Double {
        if a.isNaN { return a }
        if a > 709.782712893383996732223 { return .infinity }
        if a < -36.736800569677101399113302437 { return -1 }
        if a == 0 { return a }
        return exponentialWord(DoubleWord(a, 0)).plus2(-1).value
    }

    /// `sinh_u10` in double: (e^|x| − e^-|x|)/2 in double-double arithmetic, the sign put back.
    static func sinh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let y = Swift.abs(x)
        if y > 710 { return x < 0 ? -.infinity : .infinity }
        let e = exponentialWord(DoubleWord(y, 0))
        let r = e.minus(e.reciprocal()).value * 0.5
        return r.isNaN ? (x < 0 ? -.infinity : .infinity) : (x.sign == .minus ? -r : r)
    }

    /// `cosh_u10` in double: (e^|x| + e^-|x|)/2 in double-double arithmetic.
    static func cosh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let y = Swift.abs(x)
        if y > 710 { return .infinity }
        let e = exponentialWord(DoubleWord(y, 0))
        let r = e.plus(e.reciprocal()).value * 0.5
        return r.isNaN ? .infinity : r
    }

    /// `expk2f`: e^d for a float-float d, as a float-float (0 below -104).
    static func exponentialWord(_ d: DoubleWord<Float>) -> DoubleWord<Float> {
        if d.hi < -104 { return DoubleWord(0, 0) }
        let q = Int32((d.value * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven))
        let qf = Float(q)
        let s = d.plus2(qf * -0.693145751953125).plus2(qf * -1.428606765330187045e-06)
        var u: Float = 0.1980960224e-3
        u = multiplyAdd(u, s.hi, 0.1394256484e-2)
        u = multiplyAdd(u, s.hi, 0.8333456703e-2)
        u = multiplyAdd(u, s.hi, 0.4166637361e-1)
        var t = s.times(u).plus2(0.166666659414234244790680580464)
        t = s.times(t).plus2(0.5)
        t = s.plus2(s.squared().times(t))
        t = DoubleWord.sum(1, t)
        return DoubleWord(scaled(t.hi, byPowerOfTwo: Int(q)), scaled(t.lo, byPowerOfTwo: Int(q)))
    }

    /// `expk2`: e^d for a double-double d, as a double-double (0 below -1000).
    static func exponentialWord(_ d: DoubleWord<Double>) -> DoubleWord<Double> {
        if d.hi < -1000 { return DoubleWord(0, 0) }
        let dq = (d.value * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven)
        let s = d.plus2(dq * -0.69314718055966295651160180568695068359375)
            .plus2(dq * -0.28235290563031577122588448175013436025525412068e-12)
        let s2 = s.squared(), s4 = s2.squared(), s8 = s4.hi * s4.hi
        let u = estrin10(s.hi, s2.hi, s4.hi, s8, (0.1602472219709932072e-9, 0.2092255183563157007e-8, 0.2505230023782644465e-7,
                                                  0.2755724800902135303e-6, 0.2755731892386044373e-5, 0.2480158735605815065e-4,
                                                  0.1984126984148071858e-3, 0.1388888888886763255e-2, 0.8333333333333347095e-2,
                                                  0.4166666666666669905e-1))
        var t = DoubleWord.sum(0.5, s.times(0.1666666666666666574e+0))
        t = DoubleWord.sum(1, t.times(s))
        t = DoubleWord.sum(1, t.times(s))
        t = t.plus(s4.times(u))
        return DoubleWord(scaled(t.hi, byPowerOfTwo: Int(dq)), scaled(t.lo, byPowerOfTwo: Int(dq)))
    }
}

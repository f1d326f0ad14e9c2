/// Ports of SLEEF's vectorised `exp` and `log` (the u10 variants, as its AVX2 build with fused
/// multiply-adds computes them), which PyTorch's `Vectorized<float>`/`Vectorized<double>` call:
/// the kernels that use them (softmax, log_softmax) give PyTorch's bits only with these, not
/// with the C library's functions. Plain scalar Swift, so the results do not depend on the CPU.
/// (PyTorch's elementwise `torch.exp`/`torch.log` go through MKL's vector library instead.)
enum Sleef {
    /// `expf_u10`: 2^q times a degree-6 polynomial of the remainder, 0 below -104 and
    /// infinity above 100.
    static func exp(_ d: Float) -> Float {
        if d.isNaN { return d }
        if d < -104 { return 0 }
        if d > 100 { return .infinity }
        let q = Int32((d * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven))
        let qf = Float(q)
        var s = d.addingProduct(qf, -0.693145751953125)
        s = s.addingProduct(qf, -1.428606765330187045e-06)
        var u: Float = 0.000198527617612853646278381
        u = multiplyAdd(u, s, 0.00139304355252534151077271)
        u = multiplyAdd(u, s, 0.00833336077630519866943359)
        u = multiplyAdd(u, s, 0.0416664853692054748535156)
        u = multiplyAdd(u, s, 0.166666671633720397949219)
        u = multiplyAdd(u, s, 0.5)
        u = 1 + multiplyAdd(s * s, u, s)
        return scaled(u, byPowerOfTwo: Int(q))
    }

    /// `exp_u10` in double: 2^q times an Estrin-evaluated degree-12 polynomial, 0 below
    /// -1000 and infinity above log(DBL_MAX).
    static func exp(_ d: Double) -> Double {
        if d.isNaN { return d }
        if d < -1000 { return 0 }
        if d > 0x1.62e42fefa39efp+9 { return .infinity }
        let u = (d * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven)
        var s = multiplyAdd(u, -0.69314718055966295651160180568695068359375, d)
        s = multiplyAdd(u, -0.28235290563031577122588448175013436025525412068e-12, s)
        let s2 = s * s, s4 = s2 * s2, s8 = s4 * s4
        var p = estrin10(s, s2, s4, s8, (0.2081276378237164457e-8, 0.2511210703042288022e-7, 0.2755762628169491192e-6,
                                         0.2755723402025388239e-5, 0.2480158687479686264e-4, 0.1984126989855865850e-3,
                                         0.1388888888914497797e-2, 0.8333333333314938210e-2, 0.4166666666666602598e-1,
                                         0.1666666666666669072e+0))
        p = multiplyAdd(p, s, 0.5)
        p = multiplyAdd(p, s, 1)
        p = multiplyAdd(p, s, 1)
        return scaled(p, byPowerOfTwo: Int(u))
    }

    /// `logf_u1` (SLEEF's 1-ulp float logarithm): the mantissa m in [0.75, 1.5) and exponent e,
    /// e·ln2 plus 2·atanh((m-1)/(m+1)) carried in float-float arithmetic.
    static func log(_ d: Float) -> Float {
        if d.isNaN || d < 0 { return .nan }
        if d == 0 { return -.infinity }
        if d == .infinity { return .infinity }
        let (m, e) = reducedForLogarithm(d)
        let s = DoubleWord<Float>(0.69314718246459960938, -1.904654323148236017e-09).times(Float(e))
        let x = DoubleWord.sum2(-1, m).divided(by: DoubleWord.sum2(1, m))
        let x2 = x.hi * x.hi
        var t: Float = 0.3027294874
        t = multiplyAdd(t, x2, 0.3996108174)
        t = multiplyAdd(t, x2, 0.6666694880)
        let r = s.plus(x.scaled(by: 2)).plus(x2 * x.hi * t)
        return r.hi + r.lo
    }

    /// `log_u1` in double: as the float version, with an Estrin-evaluated degree-7 polynomial.
    static func log(_ d: Double) -> Double {
        if d.isNaN || d < 0 { return .nan }
        if d == 0 { return -.infinity }
        if d == .infinity { return .infinity }
        let (m, e) = reducedForLogarithm(d)
        let s = DoubleWord<Double>(0.693147180559945286226764, 2.319046813846299558417771e-17).times(Double(e))
        let x = DoubleWord.sum2(-1, m).divided(by: DoubleWord.sum2(1, m))
        let x2 = x.hi * x.hi, t = logPolynomial(x2)
        let r = s.plus(x.scaled(by: 2)).plus(x2 * x.hi * t)
        return r.hi + r.lo
    }

    /// m in [0.75, 1.5) and e with d = m·2^e, for a positive finite d (subnormals scaled up first).
    static func reducedForLogarithm<T: BinaryFloatingPoint>(_ d: T) -> (T, Int) {
        let boost = T(sign: .plus, exponent: 64, significand: 1)
        let tiny = d < T.leastNormalMagnitude
        let scaledUp = tiny ? d * boost : d
        // Above 0.75·2^maxExponent the product overflows; SLEEF reads infinity's exponent field then.
        let product = scaledUp * (1 / T(0.75))
        let e = product.isFinite ? Int(product.exponent) : Int(T.greatestFiniteMagnitude.exponent) + 1
        return (scaled(scaledUp, byPowerOfTwo: -e), tiny ? e - 64 : e)
    }

    /// x·2^q in two halves, as SLEEF's `ldexp2` does, so neither factor leaves the normal range.
    static func scaled<T: BinaryFloatingPoint>(_ x: T, byPowerOfTwo q: Int) -> T {
        let half = q >> 1
        return x * T(sign: .plus, exponent: T.Exponent(half), significand: 1)
            * T(sign: .plus, exponent: T.Exponent(q - half), significand: 1)
    }

    /// SLEEF's POLY10: c0·x^9 + … + c9 by Estrin's scheme, every step a fused multiply-add.
    static func estrin10(_ x: Double, _ x2: Double, _ x4: Double, _ x8: Double,
                                 _ c: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double)) -> Double {
        let high = multiplyAdd(x, c.0, c.1)
        let low = multiplyAdd(x4, multiplyAdd(x2, multiplyAdd(x, c.2, c.3), multiplyAdd(x, c.4, c.5)),
                              multiplyAdd(x2, multiplyAdd(x, c.6, c.7), multiplyAdd(x, c.8, c.9)))
        return multiplyAdd(x8, high, low)
    }
}

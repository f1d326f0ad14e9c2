/// The erf of PyTorch's vector loops (`Vectorized<T>::erf`, which the exact gelu's kernel calls
/// in float64, and in float32 on inputs oneDNN does not take, such as transposed ones): SLEEF's
/// `erf_u1` for doubles, and for floats PyTorch's own Abramowitz–Stegun formula (oneDNN's gelu
/// backward uses the same formula with its own exp). `torch.erf` itself is MKL's.

/// An exp to plug into the Abramowitz–Stegun erf.
protocol ExponentialFunction {
    static func exp(_ x: Float) -> Float
}

enum AbramowitzStegun {
    /// erf(x) ≈ ±(1 − t·P(t)·e^(−x²)), t = 1/(1 + 0.3275911·|x|), P of degree 4 (formula 7.1.26),
    /// with the multiply-adds fused as PyTorch's and oneDNN's AVX-512 code fuses them.
    static func erf<E: ExponentialFunction>(_ x: Float, exponential: E.Type) -> Float {
        let t = 1 / multiplyAdd(0.3275911, Swift.abs(x), 1)
        var p: Float = 1.061405429
        p = multiplyAdd(p, t, -1.453152027)
        p = multiplyAdd(p, t, 1.421413741)
        p = multiplyAdd(p, t, -0.284496736)
        p = multiplyAdd(p, t, 0.254829592)
        let magnitude = multiplyAdd(-E.exp(-(x * x)) * t, p, 1)
        return x.sign == .minus ? -magnitude : magnitude
    }
}

extension Sleef {
    private enum SleefExponential: ExponentialFunction {
        static func exp(_ x: Float) -> Float { Sleef.exp(x) }
    }

    /// PyTorch's `Vectorized<float>::erf`: Abramowitz–Stegun with SLEEF's `expf_u10`.
    static func vectorErf(_ x: Float) -> Float { AbramowitzStegun.erf(x, exponential: SleefExponential.self) }

    /// `erf_u1` in double: below 2.5, 1 − 1/(1 + x·Q(x))^16; above, 1 − e^Q(x); Q a degree-23
    /// polynomial whose three lowest coefficients are double-doubles; 2x/√π below 1e-8 and ±1
    /// from 6 on.
    static func erf(_ a: Double) -> Double {
        let x = Swift.abs(a)
        if x.isNaN { return a }
        // Decided before the polynomial, which an infinite or huge x would take out of range.
        if x >= 6 { return a.sign == .minus ? -1 : 1 }
        if x < 1e-8 { return a * 1.12837916709551262756245475959 }
        let near = x <= 2.5
        let x2 = x * x, x4 = x2 * x2, x8 = x4 * x4
        let t = estrin21(x, x2, x4, x8, x8 * x8, near ? nearErfCoefficients : farErfCoefficients)
        let low = near ? nearErfLowTerms : farErfLowTerms
        // (c0 + c1·x) + (c2 + t·x)·x², with c0, c1, c2 double-doubles.
        let linear = low.0.plus(low.1.times(x)), quadratic = low.2.plus(DoubleWord(t, 0).times(x))
        let q = linear.plus(quadratic.times(x2))
        var e: DoubleWord<Double>
        if near {
            e = DoubleWord.sum(1, q.times(x))
            for _ in 0..<4 { e = e.squared() }
            e = e.reciprocal()
        } else {
            e = DoubleWord(exponential(q), 0)
        }
        e = e.plus2(-1)
        let z = -(e.hi + e.lo)
        return a.sign == .minus ? -z : z
    }

    /// SLEEF's POLY21 by Estrin's scheme over c (21 coefficients, highest degree first): the
    /// top five as a degree-4 polynomial times x¹⁶, plus the lower sixteen split in halves by x⁸,
    /// those by x⁴ and x², every step a fused multiply-add.
    private static func estrin21(_ x: Double, _ x2: Double, _ x4: Double, _ x8: Double, _ x16: Double,
                                 _ c: [Double]) -> Double {
        func degree1(_ i: Int) -> Double { multiplyAdd(x, c[i], c[i + 1]) }
        func degree3(_ i: Int) -> Double { multiplyAdd(x2, degree1(i), degree1(i + 2)) }
        func degree7(_ i: Int) -> Double { multiplyAdd(x4, degree3(i), degree3(i + 4)) }
        let top = multiplyAdd(x4, c[0], degree3(1))
        return multiplyAdd(x16, top, multiplyAdd(x8, degree7(5), degree7(13)))
    }

    private static let nearErfCoefficients: [Double] = [
        -0.2083271002525222097e-14, +0.7151909970790897009e-13, -0.1162238220110999364e-11,
        +0.1186474230821585259e-10, -0.8499973178354613440e-10, +0.4507647462598841629e-9,
        -0.1808044474288848915e-8, +0.5435081826716212389e-8, -0.1143939895758628484e-7,
        +0.1215442362680889243e-7, +0.1669878756181250355e-7, -0.9808074602255194288e-7,
        +0.1389000557865837204e-6, +0.2945514529987331866e-6, -0.1842918273003998283e-5,
        +0.3417987836115362136e-5, +0.3860236356493129101e-5, -0.3309403072749947546e-4,
        +0.1060862922597579532e-3, +0.2323253155213076174e-3, +0.1490149719145544729e-3,
    ]

    private static let farErfCoefficients: [Double] = [
        -0.4024015130752621932e-18, +0.3847193332817048172e-16, -0.1749316241455644088e-14,
        +0.5029618322872872715e-13, -0.1025221466851463164e-11, +0.1573695559331945583e-10,
        -0.1884658558040203709e-9, +0.1798167853032159309e-8, -0.1380745342355033142e-7,
        +0.8525705726469103499e-7, -0.4160448058101303405e-6, +0.1517272660008588485e-5,
        -0.3341634127317201697e-5, -0.2515023395879724513e-5, +0.6539731269664907554e-4,
        -0.3551065097428388658e-3, +0.1210736097958368864e-2, -0.2605566912579998680e-2,
        +0.1252823202436093193e-2, +0.1820191395263313222e-1, -0.1021557155453465954e+0,
    ]

    /// The coefficients of x⁰, x¹ and x² in double-double.
    private static let nearErfLowTerms = (DoubleWord(0.07052369794346953491, 9.5846628070792092842e-19),
                                          DoubleWord(0.042275531758784692937, 1.3785226620501016138e-19),
                                          DoubleWord(0.0092877958392275604405, 7.9287559463961107493e-19))
    private static let farErfLowTerms = (DoubleWord(-1.2261313785184804967e-05, -5.5329707514490107044e-22),
                                         DoubleWord(-1.1282926061803961737, -6.2970338860410996505e-17),
                                         DoubleWord(-0.63691044383641748361, -2.4249477526539431839e-17))
}

/// The single-precision logarithm, sine and cosine of PyTorch's AVX2 Box–Muller
/// (`ATen/native/cpu/avx_mathfun.h`, Cephes polynomials after Julien Pommier's `sse_mathfun`),
/// one lane at a time. They are accurate to a few ulps and differ from libm's in the last bits,
/// so `randn` matches PyTorch only when computed this way. GCC fuses each multiply feeding an
/// add into one FMA (`-ffp-contract=fast` with `-mfma`); the `addingProduct` calls mirror that.
enum CephesFloatMath {
    private static let sqrtHalf: Float = 0.707106781186547524
    private static let logCoefficients: [Float] = [
        7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
        -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
    ]
    private static let logQ1: Float = -2.12194440e-4
    private static let logQ2: Float = 0.693359375

    /// `log256_ps`: NaN for x <= 0; subnormals are read as the smallest normal.
    static func log(_ input: Float) -> Float {
        if input <= 0 { return .nan }
        let x0 = Swift.max(input, Float.leastNormalMagnitude)
        let exponentBits = Int32(bitPattern: x0.bitPattern >> 23) - 0x7f
        var x = Float(bitPattern: x0.bitPattern & ~0x7f80_0000 | Float(0.5).bitPattern)
        var e = Float(exponentBits) + 1
        let below = x < sqrtHalf
        let tmp: Float = below ? x : 0
        x = x - 1
        e = e - (below ? 1 : 0)
        x = x + tmp
        let z = x * x
        var y = logCoefficients[0]
        for c in logCoefficients.dropFirst() { y = c.addingProduct(y, x) }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y - z * 0.5
        x = x + y
        return x.addingProduct(e, logQ2)
    }

    private static let fourOverPi: Float = 1.27323954473516
    private static let minusDP1: Float = -0.78515625
    private static let minusDP2: Float = -2.4187564849853515625e-4
    private static let minusDP3: Float = -3.77489497744594108e-8
    private static let sinCoefficients: [Float] = [-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1]
    private static let cosCoefficients: [Float] = [2.443315711809948E-005, -1.388731625493765E-003, 4.166664568298827E-002]

    /// `sincos256_ps`: reduces by multiples of π/4 (precise while |x| < 8192) and evaluates both
    /// polynomials, choosing by octant.
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = Swift.abs(input)
        // The truncating conversion of an out-of-range value gives INT32_MIN, as cvttps does.
        let scaled = x * fourOverPi
        var j = scaled.isFinite && Swift.abs(scaled) < 2_147_483_648 ? Int32(scaled) : Int32.min
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSinSign = UInt32(bitPattern: j & 4) << 29
        let sinPolynomialFirst = j & 2 == 0
        x = x.addingProduct(y, minusDP1)
        x = x.addingProduct(y, minusDP2)
        x = x.addingProduct(y, minusDP3)
        let cosSign = UInt32(bitPattern: ~(j &- 2) & 4) << 29
        let sinSign = (input.bitPattern & 0x8000_0000) ^ swapSinSign

        let z = x * x
        var c = cosCoefficients[1].addingProduct(cosCoefficients[0], z)
        c = cosCoefficients[2].addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1
        var s = sinCoefficients[1].addingProduct(sinCoefficients[0], z)
        s = sinCoefficients[2].addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        let sinPart2: Float = sinPolynomialFirst ? s : 0
        let sinPart1: Float = sinPolynomialFirst ? 0 : c
        let sine = sinPart1 + sinPart2
        let cosine = (c - sinPart1) + (s - sinPart2)
        return (Float(bitPattern: sine.bitPattern ^ sinSign), Float(bitPattern: cosine.bitPattern ^ cosSign))
    }
}

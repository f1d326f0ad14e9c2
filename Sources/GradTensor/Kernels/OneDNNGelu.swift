/// The exact gelu PyTorch gets from oneDNN (`eltwise_gelu_erf`) for a contiguous float32 or
/// bfloat16 tensor of two or more elements, as oneDNN's JIT computes it on an AVX-512 CPU:
/// forward by piecewise degree-5 polynomials in |x| that stand for erf(x/√2), backward by
/// Abramowitz and Stegun's erf with oneDNN's own exp. Found bit for bit against PyTorch 2.15
/// (oneDNN 3.13) in sweeps of float32 values, specials included.
enum OneDNNGelu {
    /// x·(1 + erf(x/√2))/2.
    static func value(_ x: Float) -> Float {
        let magnitude = Swift.abs(x)
        let c = polynomials[polynomialIndex(magnitude)]
        var p = Float(bitPattern: c.5)
        p = multiplyAdd(p, magnitude, Float(bitPattern: c.4))
        p = multiplyAdd(p, magnitude, Float(bitPattern: c.3))
        p = multiplyAdd(p, magnitude, Float(bitPattern: c.2))
        p = multiplyAdd(p, magnitude, Float(bitPattern: c.1))
        p = multiplyAdd(p, magnitude, Float(bitPattern: c.0))
        let erf = x.sign == .minus ? -p : p
        return x * (erf + 1) * 0.5
    }

    /// d gelu/dx = (1 + erf(r))/2 + r·e^(−r²)/√π with r = x/√2 (the incoming gradient is
    /// multiplied by it afterwards).
    static func derivative(_ x: Float) -> Float {
        let r = x * Float(bitPattern: 0x3f35_04f3)
        let density = r * Float(bitPattern: 0x3f10_6eba) * exp(-(r * r))
        return multiplyAdd(AbramowitzStegun.erf(r, exponential: OneDNNExponential.self), 0.5, density + 0.5)
    }

    /// The table row for |x| (its bits, NaN included): from the exponent and the top two
    /// mantissa bits, clamped to the rows used; past 5.54 the row of the constant 1.
    private static func polynomialIndex(_ magnitude: Float) -> Int {
        let biased = Int32(bitPattern: magnitude.bitPattern &+ 0xc21f_ffff) >> 21
        let row = Int(Swift.min(Swift.max(biased, 1), 24)) - 1
        return magnitude > Float(bitPattern: 0x40b1_5cee) ? 22 : row
    }

    /// oneDNN's exp: 2^(n−1)·2 times a degree-5 polynomial of the remainder, 0 below
    /// log(FLT_MIN) and the argument clamped to log(FLT_MAX) (a NaN too, as `vminps` does).
    private static func exp(_ x: Float) -> Float {
        let low = Float(bitPattern: 0xc2ae_ac50), high = Float(bitPattern: 0x42b1_7218)
        let v = Swift.max(x.isNaN ? high : Swift.min(x, high), low)
        let n = (v * Float(bitPattern: 0x3fb8_aa3b) + 0.5).rounded(.down)
        let remainder = v.addingProduct(-n, Float(bitPattern: 0x3f31_7218))
        // The biased exponent of 2^(n−1) is 0...254 in the clamped range; 0 reads as +0.
        let halfScale = x < low ? 0 : Float(bitPattern: UInt32(Int32(n) - 1 + 127) << 23)
        var p = Float(bitPattern: 0x3c07_cfce)
        p = multiplyAdd(p, remainder, Float(bitPattern: 0x3d2b_9d0d))
        p = multiplyAdd(p, remainder, Float(bitPattern: 0x3e2a_ad40))
        p = multiplyAdd(p, remainder, Float(bitPattern: 0x3eff_fee3))
        p = multiplyAdd(p, remainder, Float(bitPattern: 0x3f7f_fffb))
        p = multiplyAdd(p, remainder, 1)
        return p * halfScale * 2
    }

    private enum OneDNNExponential: ExponentialFunction {
        static func exp(_ x: Float) -> Float { OneDNNGelu.exp(x) }
    }

    /// Coefficients of degree 0...5 (bit patterns), one row per range of |x|; oneDNN's table
    /// has one more row before these, which its index clamping never selects.
    private static let polynomials: [(UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)] = [
        (0x3282_7792, 0x3f4c_421f, 0x3735_e4cf, 0xbe08_4570, 0x39f0_97a3, 0x3c9b_6050),
        (0x3381_cc0c, 0x3f4c_4207, 0x37f2_ff89, 0xbe08_639b, 0x3a58_45dc, 0x3c97_8d11),
        (0x3452_3d4a, 0x3f4c_41cb, 0x388c_23be, 0xbe08_9837, 0x3ab1_fa35, 0x3c92_e850),
        (0x351a_c44d, 0x3f4c_413b, 0x3917_535c, 0xbe08_f409, 0x3b0c_efb8, 0x3c8d_058b),
        (0x35f3_6d88, 0x3f4c_3fad, 0x39ab_2ab0, 0xbe09_ab95, 0x3b65_3ab6, 0x3c84_8454),
        (0x36ee_8229, 0x3f4c_3a2f, 0x3a60_fadb, 0xbe0b_66d0, 0x3bca_e527, 0x3c6c_d623),
        (0x37b8_a3bb, 0x3f4c_2d40, 0x3af9_b960, 0xbe0e_400a, 0x3c22_1712, 0x3c4c_824b),
        (0x3867_a213, 0x3f4c_146a, 0x3b6e_5491, 0xbe12_4df8, 0x3c6c_5840, 0x3c2a_7935),
        (0x3940_033b, 0x3f4b_c341, 0x3c0a_4ec5, 0xbe1b_de02, 0x3cc0_a703, 0x3be0_b390),
        (0x3a2a_5a1d, 0x3f4a_d08c, 0x3ca5_aa8c, 0xbe2f_19c9, 0x3d1d_cc19, 0x3b06_51ac),
        (0x3ae3_5863, 0x3f48_f8cf, 0x3d21_38d9, 0xbe49_31bf, 0x3d63_656d, 0xbb23_2f53),
        (0x3b78_28f2, 0x3f45_fac7, 0x3d87_37d4, 0xbe68_5fbc, 0x3d95_5907, 0xbbd4_2fa0),
        (0x3c08_b14b, 0x3f40_4e07, 0x3ddf_b660, 0xbe89_c95f, 0x3dbf_9910, 0xbc2c_5366),
        (0x3c51_5ed3, 0x3f3b_980f, 0x3e0f_27ab, 0xbe96_cbca, 0x3dd5_3f69, 0xbc49_2c9e),
        (0xbb50_3236, 0x3f48_dff3, 0x3d94_004b, 0xbe80_44aa, 0x3db7_dcef, 0xbc2a_7aa6),
        (0xbd8d_8e5e, 0x3f78_b21b, 0xbe0e_fdeb, 0xbe05_50f2, 0x3d63_9ebe, 0xbbd5_5d04),
        (0xbe8a_bcd9, 0x3fbb_0704, 0xbf1d_96c3, 0x3dcf_d6a1, 0xba6e_de48, 0xba82_3a76),
        (0xbf0c_19a2, 0x4001_9c32, 0xbf89_db58, 0x3e94_c826, 0xbd22_be69, 0x3b10_2aa8),
        (0xbecc_b328, 0x3fe5_36d6, 0xbf6d_9897, 0x3e79_345f, 0xbd04_1cf1, 0x3ae2_5a7e),
        (0x3e17_6ced, 0x3f81_331e, 0xbef6_9fb8, 0x3dec_ec91, 0xbc64_f5ab, 0x3a31_f792),
        (0x3f47_0d99, 0x3e6c_8684, 0xbdc4_f8a8, 0x3ca4_6568, 0xbb09_7a32, 0x38b8_4375),
        (0x3f7a_bb28, 0x3c98_f936, 0xbbde_6422, 0x3aa1_e00a, 0xb8eb_f380, 0x3689_bb5a),
        // erf = 1 past the bound (0·∞ makes an infinity's NaN); the last row, |x|, only NaNs reach.
        (0x3f80_0000, 0, 0, 0, 0, 0),
        (0, 0x3f80_0000, 0, 0, 0, 0),
    ]
}

import RealModule

/// PyTorch's transforms of raw bits into one value (ATen's `TransformationHelper.h` and
/// `DistributionsHelper.h`): which draw each uses (32 or 64 bits) decides the stream.
extension CPUGenerator {
    /// Uniform on [0, 1) from the low 24 bits of one 32-bit draw (`uniform_real_distribution<float>`).
    func uniformFloat() -> Float {
        Float(random() & 0xFF_FFFF) * 0x1p-24
    }

    /// Uniform on [0, 1) from the low 53 bits of a 64-bit draw (`uniform_real_distribution<double>`).
    func uniformDouble() -> Double {
        Double(random64() & 0x1F_FFFF_FFFF_FFFF) * 0x1p-53
    }

    /// A standard normal by Box–Muller (`normal_distribution<double>`): each pair of uniforms gives
    /// a cosine sample now and a sine sample cached for the next call.
    func normalDouble() -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return cached
        }
        let u1 = uniformDouble(), u2 = uniformDouble()
        let r = (-2 * Double.log(onePlus: -u2)).squareRoot()
        let theta = 2 * Double.pi * u1
        nextDoubleNormal = r * Double.sin(theta)
        return r * Double.cos(theta)
    }

    /// An integer in [base, base + range) (`uniform_int_from_to_distribution`): the remainder of a
    /// 32-bit draw, or of a 64-bit one from a range of 2^28 on.
    func integer(range: UInt64, base: Int64) -> Int64 {
        let bits = range >= 1 << 28 ? random64() : UInt64(random())
        return Int64(bitPattern: bits % range &+ UInt64(bitPattern: base))
    }
}

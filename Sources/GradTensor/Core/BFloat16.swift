/// bfloat16: the upper half of a float32's bits (8 exponent bits, 7 of mantissa). Stored only;
/// kernels compute in float32 and round back as c10::BFloat16 does (to nearest, ties to even;
/// any NaN becomes the quiet NaN 0x7FC0).
struct BFloat16: Sendable, Equatable {
    var bits: UInt16

    init(bits: UInt16) { self.bits = bits }

    init(_ x: Float) {
        if x.isNaN {
            bits = 0x7FC0
            return
        }
        let u = x.bitPattern
        let rounding = UInt32(0x7FFF) &+ ((u >> 16) & 1)
        bits = UInt16(truncatingIfNeeded: (u &+ rounding) >> 16)
    }

    var float: Float { Float(bitPattern: UInt32(bits) << 16) }
}

import Glibc
import GradTensor

/// numpy's legacy `RandomState` generator: MT19937 seeded by `init_genrand`, its doubles
/// (53 bits from two words, as CPython's `random()`), the polar-method Gaussian that keeps its
/// second value for the next call, and masked rejection sampling for bounded integers. The
/// same seed gives numpy's numbers.
struct NumpyRandomState {
    private var twister: MersenneTwister
    private var savedGauss: Double?

    init(seed: UInt32) { twister = MersenneTwister(seed: seed) }

    mutating func nextDouble() -> Double { twister.nextDouble() }

    /// numpy's `legacy_gauss`.
    mutating func gauss() -> Double {
        if let saved = savedGauss {
            savedGauss = nil
            return saved
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = Glibc.sqrt(-2 * Glibc.log(r2) / r2)
        savedGauss = f * x1
        return f * x2
    }

    /// A uniform integer in `0...range` by masked rejection (numpy's `random_bounded_uint64`
    /// for ranges that fit 32 bits; 64-bit draws take two words, high first).
    mutating func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        var mask = range
        for shift in [1, 2, 4, 8, 16, 32] { mask |= mask >> UInt64(shift) }
        if range == 0xFFFF_FFFF { return UInt64(twister.next()) }
        while true {
            let value: UInt64
            if range <= 0xFFFF_FFFF {
                value = UInt64(twister.next()) & mask
            } else {
                let high = UInt64(twister.next()), low = UInt64(twister.next())
                value = ((high << 32) | low) & mask
            }
            if value <= range { return value }
        }
    }
}

/// PyTorch's CPU generator (`CPUGeneratorImpl`): an MT19937 seeded with the low 32 bits of a
/// 64-bit seed, and a cached second normal from the last Box–Muller pair. The same seed gives
/// PyTorch's streams exactly.
public final class CPUGenerator {
    /// PyTorch's seed before any `manual_seed` (`default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// `torch.default_generator`, which every random op uses unless given `generator=`. The
    /// interpreter is single-threaded, as `GradMode` is.
    nonisolated(unsafe) public static let shared = CPUGenerator()

    var twister: MersenneTwister
    /// The seed last set, whole (the engine sees its low 32 bits only).
    public internal(set) var initialSeed: UInt64
    /// The sine half of the last Box–Muller pair drawn by the element-wise normal.
    var nextDoubleNormal: Double?

    public init(seed: UInt64 = CPUGenerator.defaultSeed) {
        twister = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
        initialSeed = seed
    }

    /// `manual_seed`: restarts the stream and drops the cached normal.
    public func manualSeed(_ seed: UInt64) {
        twister = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
        initialSeed = seed
        nextDoubleNormal = nil
    }

    /// `seed()`: seeds from the operating system's entropy and returns the seed.
    public func seedNondeterministically() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        let seed = system.next()
        manualSeed(seed)
        return seed
    }

    /// 32 random bits (`random()`).
    func random() -> UInt32 { twister.next() }

    /// 64 random bits from two draws, the first high (`random64()`).
    func random64() -> UInt64 {
        let high = UInt64(twister.next())
        return high << 32 | UInt64(twister.next())
    }
}

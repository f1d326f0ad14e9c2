/// MT19937, the Mersenne Twister of Matsumoto and Nishimura (2002 version), as CPython's
/// `_random` module runs it: `init_genrand`, `init_by_array`, 32-bit outputs and `genrand_res53`.
/// PyTorch's CPU generator is also an MT19937 seeded by `init_genrand`.
public struct MersenneTwister: Sendable {
    public static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The 624 words of state.
    public private(set) var words: [UInt32]
    /// The next word to temper; `stateSize` means the state must be regenerated first.
    public private(set) var index: Int

    /// `init_genrand(seed)`.
    public init(seed: UInt32) {
        words = [UInt32](repeating: 0, count: Self.stateSize)
        words[0] = seed
        for i in 1..<Self.stateSize {
            words[i] = 1_812_433_253 &* (words[i - 1] ^ (words[i - 1] >> 30)) &+ UInt32(truncatingIfNeeded: i)
        }
        index = Self.stateSize
    }

    /// `init_by_array(key)`: CPython seeds with the absolute value of an int, as 32-bit words
    /// from the least significant (`[0]` for zero).
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        let n = Self.stateSize
        var i = 1, j = 0
        for _ in 0..<Swift.max(n, key.count) {
            let previous = words[i - 1] ^ (words[i - 1] >> 30)
            words[i] = (words[i] ^ (previous &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= n { words[0] = words[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            let previous = words[i - 1] ^ (words[i - 1] >> 30)
            words[i] = (words[i] ^ (previous &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { words[0] = words[n - 1]; i = 1 }
        }
        words[0] = 0x8000_0000
    }

    /// A generator restored from saved state (`Random.setstate`); nil unless there are 624 words
    /// and the index lies in 0...624.
    public init?(words: [UInt32], index: Int) {
        guard words.count == Self.stateSize, (0...Self.stateSize).contains(index) else { return nil }
        self.words = words
        self.index = index
    }

    /// `genrand_uint32`: the next 32 random bits.
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { regenerate() }
        var y = words[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `genrand_res53`: uniform on [0, 1) with 53 random bits, from two outputs.
    public mutating func nextDouble() -> Double {
        let a = next() >> 5, b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        for k in 0..<n {
            let y = (words[k] & Self.upperMask) | (words[(k + 1) % n] & Self.lowerMask)
            words[k] = words[(k + m) % n] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.matrixA)
        }
        index = 0
    }
}

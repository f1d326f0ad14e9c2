import BigInt
import GradTensor

/// A `random.Random` instance: CPython's Mersenne Twister state and its `gauss` spare, with the
/// integer draws `Lib/random.py` builds everything else on (`getrandbits`, `_randbelow`).
public final class PyRandom: PyObject, PyAttributeProviding, PyCustomRepr {
    /// The generator; nil until seeded or first drawn from, when it is seeded from the system's
    /// entropy as `random.Random()` is (every interpreter makes the `random` module's instance at
    /// start-up, and most never use it). Drawn from in place through the optional: a lazy
    /// property would copy its 624 words on every draw.
    private var twister: MersenneTwister?
    /// The second normal of `gauss`'s last pair (`gauss_next`), None when used up.
    var gaussNext: Value = .none

    public override var typeName: String { "Random" }
    public var reprText: String { "<random.Random object at \(Repr.address(.object(self)))>" }

    public func attribute(_ name: String) throws -> Value? {
        if name == "VERSION" { return .int(RandomMethods.stateVersion) }
        return RandomMethods.table[name].map { .object(PyBoundMethod(receiver: .object(self), function: $0)) }
    }

    // MARK: Seeding (`Random.seed` and `_random.Random.seed`)

    /// `seed(a, version)`: None from entropy; ints by absolute value; floats by their hash;
    /// strings (version 2) as the int of their UTF-8 bytes followed by their SHA-512 digest.
    func seed(_ a: Value, version: Value) throws {
        switch a {
        case .none: twister = PyRandom.entropySeeded()
        case .int, .bigInt, .bool: twister = MersenneTwister(key: PyRandom.words(try Arg.integer(a).magnitude))
        case .float: twister = MersenneTwister(key: PyRandom.words(BigUInt(UInt(bitPattern: try Hashing.hash(a)))))
        case .str(let s):
            let bytes = Array(s.string.utf8)
            if case .int(1) = version {
                twister = MersenneTwister(key: PyRandom.words(BigUInt(PyRandom.versionOneHash(s))))
            } else if (try? Operators.equals(version, .int(2))) == true {
                twister = MersenneTwister(key: PyRandom.words(PyRandom.bigEndian(bytes + SHA512.digest(bytes))))
            } else {
                // Any other version hashes the string, as CPython does with its own string hash.
                twister = MersenneTwister(key: PyRandom.words(BigUInt(UInt(bitPattern: try Hashing.hash(a)))))
            }
        default:
            throw PyError.type("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
        gaussNext = .none
    }

    /// `n` as 32-bit words from the least significant, at least one.
    private static func words(_ n: BigUInt) -> [UInt32] {
        var key: [UInt32] = []
        for word in n.words {
            key.append(UInt32(truncatingIfNeeded: word))
            key.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        while key.count > 1 && key.last == 0 { key.removeLast() }
        return key.isEmpty ? [0] : key
    }

    /// `int.from_bytes(bytes, "big")`.
    private static func bigEndian(_ bytes: [UInt8]) -> BigUInt {
        var words = [UInt](repeating: 0, count: (bytes.count + 7) / 8)
        for (k, byte) in bytes.reversed().enumerated() { words[k / 8] |= UInt(byte) << UInt((k % 8) * 8) }
        return BigUInt(words: words)
    }

    /// Version 1's string hash (Python 2's): kept so old seeds replay.
    private static func versionOneHash(_ s: PyStr) -> UInt64 {
        let codes = s.string.unicodeScalars.map { UInt64($0.value) }
        var x: UInt64 = codes.first.map { $0 << 7 } ?? 0
        for c in codes { x = (1_000_003 &* x) ^ c }
        return x ^ UInt64(codes.count)
    }

    private static func entropySeeded() -> MersenneTwister {
        var system = SystemRandomNumberGenerator()
        return MersenneTwister(key: (0..<MersenneTwister.stateSize).map { _ in UInt32.random(in: .min ... .max, using: &system) })
    }

    // MARK: Draws

    /// `genrand_uint32`.
    func nextWord() -> UInt32 {
        if twister == nil { twister = PyRandom.entropySeeded() }
        return twister?.next() ?? 0
    }

    /// `random()`: 53 random bits in [0, 1).
    func nextDouble() -> Double {
        if twister == nil { twister = PyRandom.entropySeeded() }
        return twister?.nextDouble() ?? 0
    }

    /// The generator's state, for `getstate` (seeding it first if it never was).
    var state: (words: [UInt32], index: Int) {
        let t = twister ?? PyRandom.entropySeeded()
        twister = t
        return (t.words, t.index)
    }

    /// Replaces the generator's state (`setstate`).
    func restore(_ restored: MersenneTwister) { twister = restored }

    /// `getrandbits(k)`: `k` random bits, 32 per output word from the least significant; a last
    /// partial word keeps its high bits.
    func randomBits(_ k: Int) -> BigUInt {
        if k <= 32 { return BigUInt(k == 0 ? 0 : nextWord() >> (32 - k)) }
        var words: [UInt] = []
        var remaining = k, low: UInt32? = nil
        while remaining > 0 {
            var r = nextWord()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            if let l = low {
                words.append(UInt(l) | UInt(r) << 32)
                low = nil
            } else {
                low = r
            }
            remaining -= 32
        }
        if let l = low { words.append(UInt(l)) }
        return BigUInt(words: words)
    }

    /// `_randbelow_with_getrandbits(n)` for n > 0: draws of `n.bit_length()` bits until one is
    /// below `n`.
    func below(_ n: BigUInt) -> BigUInt {
        if let small = UInt32(exactly: n) { return BigUInt(below(small)) }
        let k = n.bitWidth
        var r = randomBits(k)
        while r >= n { r = randomBits(k) }
        return r
    }

    func below(_ n: UInt32) -> UInt32 {
        let shift = UInt32(n.leadingZeroBitCount)
        var r = nextWord() >> shift
        while r >= n { r = nextWord() >> shift }
        return r
    }

    /// `_randbelow(n)` for a count (`n` > 0).
    func below(_ n: Int) -> Int {
        if let small = UInt32(exactly: n) { return Int(below(small)) }
        return Int(below(BigUInt(n)))
    }
}

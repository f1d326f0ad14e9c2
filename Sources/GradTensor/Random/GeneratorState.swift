/// `torch.get_rng_state()` / `set_rng_state()`: the generator as the bytes of PyTorch's
/// `CPUGeneratorImplState` (aten/src/ATen/CPUGeneratorImpl.cpp), so saved states are exchangeable
/// with PyTorch's. Little-endian, C layout with its padding zeroed:
///
///     0     uint64 the_initial_seed        8     int32 left       12   int32 seeded
///     16    uint64 next                    24    uint64 state[624] (each a 32-bit word)
///     5016  double normal_x (0)            5024  double normal_y  5032 double normal_rho (0)
///     5040  int32 normal_is_valid          5048  float next_float_normal_sample
///     5052  bool is_next_float_normal_sample_valid                 5056 bytes in all
///
/// PyTorch's mt19937 counts `left` down from 624 and reads `state[next]`; `left == 1` means the
/// next draw regenerates the state (`next` is 0 right after seeding, 624 after 624 draws).
extension CPUGenerator {
    public static let stateByteCount = 5056

    private enum Offset {
        static let seed = 0, left = 8, seeded = 12, next = 16, words = 24
        static let normalY = 5024, normalIsValid = 5040
    }

    /// The state bytes, as PyTorch's `get_state` writes them.
    public func stateBytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.stateByteCount)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
        }
        let n = MersenneTwister.stateSize
        let index = twister.index
        // The index grad keeps is PyTorch's `next`, except that a state due for regeneration is
        // either fresh from seeding (next 0) or used up (next 624): a fresh state's words follow
        // the seeding recurrence (a used-up one's do so with probability 2^-32).
        let next = index == n && twister.isFreshlySeeded ? 0 : index
        put(initialSeed, at: Offset.seed)
        put(Int32(index == n ? 1 : n + 1 - index), at: Offset.left)
        put(Int32(1), at: Offset.seeded)
        put(UInt64(next), at: Offset.next)
        for (i, word) in twister.words.enumerated() { put(UInt64(word), at: Offset.words + 8 * i) }
        if let normal = nextDoubleNormal {
            put(normal.bitPattern, at: Offset.normalY)
            put(Int32(1), at: Offset.normalIsValid)
        }
        return bytes
    }

    /// Restores a state from `stateBytes()` (or PyTorch's); PyTorch's error for another size.
    public func setState(bytes: [UInt8]) throws {
        guard bytes.count == Self.stateByteCount else {
            throw TorchError.runtime("Expected a CPUGeneratorImplState of size \(Self.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value: T = 0
            for i in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(bytes[offset + i]) }
            return value
        }
        let n = MersenneTwister.stateSize
        let words = (0..<n).map { UInt32(truncatingIfNeeded: get(UInt64.self, at: Offset.words + 8 * $0)) }
        let left = get(Int32.self, at: Offset.left), next = Int(clamping: get(UInt64.self, at: Offset.next))
        let index = left <= 1 ? n : Swift.min(next, n)
        // The words and an index in 0...624 always make a generator.
        if let restored = MersenneTwister(words: words, index: index) { twister = restored }
        initialSeed = get(UInt64.self, at: Offset.seed)
        nextDoubleNormal = get(Int32.self, at: Offset.normalIsValid) != 0
            ? Double(bitPattern: get(UInt64.self, at: Offset.normalY)) : nil
    }
}

extension CPUGenerator {
    /// `get_state()`: the state bytes as a new uint8 tensor.
    public func stateTensor() throws -> Tensor {
        let bytes = stateBytes()
        let t = Tensor(storage: try Storage.make(dtype: .uint8, uninitializedCount: bytes.count), shape: [bytes.count])
        let p = t.storage.pointer(UInt8.self)
        for (i, b) in bytes.enumerated() { p[i] = b }
        return t
    }

    /// `set_state(t)`: `t` must be a uint8 tensor of PyTorch's state size.
    public func setState(_ t: Tensor) throws {
        guard t.dtype == .uint8 else { throw TorchError.type("RNG state must be a torch.ByteTensor") }
        let bytes = (0..<t.numel).map { i -> UInt8 in
            if case .int(let v) = t.element(atFlat: i) { return UInt8(truncatingIfNeeded: v) }
            return 0
        }
        try setState(bytes: bytes)
    }
}

extension MersenneTwister {
    /// Whether the words are those `init(seed:)` made (not yet regenerated).
    var isFreshlySeeded: Bool {
        words[1] == 1_812_433_253 &* (words[0] ^ (words[0] >> 30)) &+ 1
    }
}

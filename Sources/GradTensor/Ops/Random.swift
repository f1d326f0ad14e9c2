/// Random tensors from one seeded generator (`manual_seed`). The streams are deterministic for a
/// seed but are not PyTorch's: only the distributions match.
public enum RandomGenerator {
    /// xoshiro256** state, seeded through SplitMix64 as its authors recommend.
    nonisolated(unsafe) private static var state: (UInt64, UInt64, UInt64, UInt64) = seeded(67280421310721)
    /// A second normal from the last Box–Muller pair.
    nonisolated(unsafe) private static var spareNormal: Double?

    public static func manualSeed(_ seed: UInt64) {
        state = seeded(seed)
        spareNormal = nil
    }

    private static func seeded(_ seed: UInt64) -> (UInt64, UInt64, UInt64, UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (splitMix(), splitMix(), splitMix(), splitMix())
    }

    static func nextUInt64() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    static func nextUniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    /// Standard normal by the Box–Muller transform.
    static func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = nextUniform()
        while u1 == 0 { u1 = nextUniform() }
        let u2 = nextUniform()
        let r = (-2 * Double.log(u1)).squareRoot()
        spareNormal = r * Double.sin(2 * .pi * u2)
        return r * Double.cos(2 * .pi * u2)
    }
}

import RealModule

extension Tensor {
    public static func rand(_ shape: [Int], dtype: DType = .defaultFloat, requiresGrad: Bool = false) throws -> Tensor {
        try random(shape, dtype: dtype, requiresGrad: requiresGrad, name: "check_uniform_bounds") {
            var u = RandomGenerator.nextUniform()
            // Rounding to float32 may reach 1.0; keep the interval half-open.
            if dtype == .float32 && Float(u) == 1 { u = Double(Float(1).nextDown) }
            return u
        }
    }

    public static func randn(_ shape: [Int], dtype: DType = .defaultFloat, requiresGrad: Bool = false) throws -> Tensor {
        try random(shape, dtype: dtype, requiresGrad: requiresGrad, name: "normal_kernel_cpu") { RandomGenerator.nextNormal() }
    }

    /// Integers uniform in [low, high).
    public static func randint(low: Int64 = 0, high: Int64, _ shape: [Int], dtype: DType = .int64) throws -> Tensor {
        guard low < high else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let t = try Tensor(zeros: shape, dtype: dtype)
        let span = UInt64(bitPattern: high &- low)
        for i in 0..<t.numel {
            let r = span == 0 ? RandomGenerator.nextUInt64() : RandomGenerator.nextUInt64() % span
            t.setFlat(i, .int(low &+ Int64(bitPattern: r)))
        }
        return t
    }

    /// A random permutation of 0..<n (Fisher–Yates).
    public static func randperm(_ n: Int, dtype: DType = .int64) throws -> Tensor {
        guard n >= 0 else { throw TorchError.runtime("randperm is only implemented for non-negative n, got \(n)") }
        var values = Array(0..<Int64(n))
        for i in stride(from: n - 1, to: 0, by: -1) {
            values.swapAt(i, Int(RandomGenerator.nextUInt64() % UInt64(i + 1)))
        }
        let t = try Tensor(zeros: [n], dtype: dtype)
        for (i, v) in values.enumerated() { t.setFlat(i, .int(v)) }
        return t
    }

    private static func random(_ shape: [Int], dtype: DType, requiresGrad: Bool, name: String,
                               _ draw: () -> Double) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let t = try Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.numel { t.setFlat(i, .double(draw())) }
        try t.setRequiresGrad(requiresGrad)
        return t
    }
}

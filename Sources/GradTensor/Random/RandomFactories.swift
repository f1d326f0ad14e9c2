/// Random tensors: the factories (`rand randn randint randperm`) and the in-place fills, drawn
/// from a `CPUGenerator` exactly as PyTorch's CPU kernels draw.
extension Tensor {
    public static func rand(_ shape: [Int], dtype: DType = .defaultFloat,
                            generator: CPUGenerator = .shared) throws -> Tensor {
        try drawn(shape, dtype: dtype, .uniform(from: 0, to: 1), generator: generator)
    }

    public static func randn(_ shape: [Int], dtype: DType = .defaultFloat,
                             generator: CPUGenerator = .shared) throws -> Tensor {
        try drawn(shape, dtype: dtype, .normal(mean: 0, std: 1), generator: generator)
    }

    /// A new contiguous tensor of `shape` filled by `draw`.
    public static func drawn(_ shape: [Int], dtype: DType, _ draw: RandomDraw,
                             generator: CPUGenerator = .shared) throws -> Tensor {
        try checkDType(dtype, for: draw)
        let t = try Tensor(zeros: shape, dtype: dtype)
        generator.fill(t.storage.raw, count: t.numel, dtype: dtype, draw, contiguous: true)
        return t
    }

    /// A new tensor like `t` (`rand_like`, `randn_like`, `randint_like`), laid out as `zerosLike`
    /// lays it out and filled by `draw` in its memory order, as PyTorch fills its `empty_like`.
    public static func drawn(like t: Tensor, dtype: DType, _ draw: RandomDraw,
                             generator: CPUGenerator = .shared) throws -> Tensor {
        try checkDType(dtype, for: draw)
        let out = try zerosLike(t, dtype: dtype)
        generator.fill(out.storage.raw, count: out.numel, dtype: dtype, draw, contiguous: out.isContiguous)
        return out
    }

    /// `random_(from, to)`'s draw for `dtype`, checked as PyTorch checks it, with the warnings
    /// PyTorch gives for float bounds beyond the dtype's consecutive integers. For float dtypes the
    /// bounds move inwards to integers the dtype holds, so no draw rounds onto `to`
    /// (`update_from`, `update_to`).
    public static func integers(from low: Int64, to high: Int64, dtype: DType) throws -> (draw: RandomDraw, warnings: [String]) {
        guard low < high else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        var (from, to) = (low, high)
        var warnings: [String] = []
        switch dtype {
        case .bool:
            if from < 0 { throw TorchError.runtime("from is out of bounds for bool") }
            if to - 1 > 1 { throw TorchError.runtime("to - 1 is out of bounds for bool") }
        case .int64:
            break
        case .uint8, .int8, .int16, .int32:
            try checkBounds(from: from, toInclusive: to - 1, dtype)
        case .float16, .bfloat16:
            throw narrowDrawRefused(dtype)
        case .float32, .float64:
            from = movedInwards(from: from, dtype)
            to = movedInwards(to: to, dtype)
            guard from < to else {
                throw TorchError.runtime("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=\(from) >= to=\(to)")
            }
            warnings = boundsWarnings(from: from, toInclusive: to - 1, dtype)
        }
        return (.integers(range: UInt64(bitPattern: to &- from), base: from), warnings)
    }

    /// `random_(from, None)`: integers from `from` up to the dtype's largest (2^24 and 2^53 for
    /// the float dtypes), or all 64-bit integers from -2^63.
    public static func integers(from low: Int64, dtype: DType) throws -> (draw: RandomDraw, warnings: [String]) {
        if low == .min { return (.fullRange, []) }
        var from = low
        let toInclusive: Int64
        var warnings: [String] = []
        switch dtype {
        case .bool:
            if from < 0 || from > 1 { throw TorchError.runtime("from is out of bounds for bool") }
            toInclusive = 1
        case .int64:
            toInclusive = .max
        case .uint8, .int8, .int16, .int32, .float16, .bfloat16:
            throw narrowDrawRefused(dtype)
        case .float32, .float64:
            toInclusive = 1 << floatDigits(dtype)
            from = movedInwards(from: from, dtype)
            guard from < toInclusive else {
                throw TorchError.runtime("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=\(from) > to_inc=\(toInclusive)")
            }
            warnings = boundsWarnings(from: from, toInclusive: toInclusive, dtype)
        }
        return (.integers(range: UInt64(bitPattern: toInclusive &- from) &+ 1, base: from), warnings)
    }

    /// The significand bits of a float dtype, its leading one included (24, 53).
    private static func floatDigits(_ dtype: DType) -> Int {
        dtype == .float32 ? Float.significandBitCount + 1 : Double.significandBitCount + 1
    }

    /// `x` converted to the float dtype and back, as C converts (out of range gives INT64_MIN on x86-64).
    private static func roundTrip(_ x: Int64, _ dtype: DType) -> Int64 {
        let d = dtype == .float32 ? Double(Float(x)) : Double(x)
        return d < 0x1p63 ? Int64(d) : .min
    }

    private static func bitLength(_ x: Int64) -> Int { Int64.bitWidth - 1 - x.magnitude.leadingZeroBitCount }

    /// `update_from`: the lowest bound whose draws, converted, stay at or above it.
    private static func movedInwards(from: Int64, _ dtype: DType) -> Int64 {
        let fromPlusOne = roundTrip(from &+ 1, dtype)
        return fromPlusOne < from ? fromPlusOne &+ (1 << (bitLength(from &+ 1) - floatDigits(dtype) + 1)) : from
    }

    /// `update_to`: the highest bound whose draws, converted, stay below it.
    private static func movedInwards(to: Int64, _ dtype: DType) -> Int64 {
        let toMinusOne = roundTrip(to &- 1, dtype)
        return toMinusOne >= to ? toMinusOne &- (1 << (bitLength(to &- 1) - floatDigits(dtype) + 1)) : to
    }

    /// PyTorch's warnings for bounds beyond ±2^digits of a float dtype.
    private static func boundsWarnings(from: Int64, toInclusive: Int64, _ dtype: DType) -> [String] {
        let digits = floatDigits(dtype)
        let limit: Int64 = 1 << digits
        return [("from", from, 111), ("to - 1", toInclusive, 112)].compactMap { name, value, line in
            guard value < -limit || value > limit else { return nil }
            return "\(name) is out of bounds [-(2^\(digits)), 2^\(digits)]. Due to precision limitations \(dtype.cTypeName) can support discrete uniform distribution only within this range. This warning will become an error in version 1.7 release, please fix the code in advance (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/DistributionTemplates.h:\(line).)"
        }
    }

    /// Fills this tensor in place (`uniform_`, `normal_`, ...) and returns it; `node` names the
    /// write in the graph (PyTorch's `UniformBackward0`, ..., whose gradient is zero).
    @discardableResult
    public func fillRandom(_ draw: RandomDraw, recordedAs node: String, generator: CPUGenerator = .shared) throws -> Tensor {
        try Tensor.checkDType(dtype, for: draw)
        return try writeDrawn(recordedAs: node) { memoryShape, _ in
            let values = try Tensor(zeros: memoryShape, dtype: dtype)
            generator.fill(values.storage.raw, count: numel, dtype: dtype, draw, contiguous: isContiguous)
            return values
        }
    }

    /// `bernoulli_(p)` with a tensor of probabilities (broadcast to this tensor), each compared
    /// with a uniform of p's precision (`BernoulliBackward1`).
    @discardableResult
    public func fillBernoulli(_ probabilities: Tensor, generator: CPUGenerator = .shared) throws -> Tensor {
        let p = try probabilities.expand(shape)
        return try writeDrawn(recordedAs: "BernoulliBackward1") { _, order in
            try p.permute(order).bernoulli(generator: generator)
        }
    }

    /// Writes values drawn in this tensor's memory order, as PyTorch's TensorIterator visits it:
    /// `draw` gets the shape with the dimensions from the largest stride to the smallest (and that
    /// order) and returns the values in that shape.
    private func writeDrawn(recordedAs node: String, _ draw: ([Int], [Int]) throws -> Tensor) throws -> Tensor {
        if hasInternalOverlap {
            throw TorchError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
        let order = (0..<rank).sorted { strides[$0] > strides[$1] || (strides[$0] == strides[$1] && $0 < $1) }
        var inverse = [Int](repeating: 0, count: rank)
        for (position, dim) in order.enumerated() { inverse[dim] = position }
        let values = try draw(order.map { shape[$0] }, order).permute(inverse)
        return try write(from: nil, .replace(name: node)) { _ in (values, nil) }
    }

    private static func checkDType(_ dtype: DType, for draw: RandomDraw) throws {
        if !draw.accepts(dtype) {
            throw TorchError.notImplemented("\"\(draw.kernelName)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        // Integers in a range are drawn alike for every integer dtype and then cast, and the
        // float16/bfloat16 draws of `drawsReducedFloats` as float32; PyTorch's other draws for
        // the narrow dtypes use bit counts of their own, which grad does not follow.
        if dtype.isNarrow, !(dtype.isIntegral && draw.isIntegerRange), !(dtype.isFloatingPoint && draw.drawsReducedFloats) {
            throw narrowDrawRefused(dtype)
        }
    }

    /// The error for random draws grad does not make in a narrow dtype.
    private static func narrowDrawRefused(_ dtype: DType) -> TorchError {
        if dtype.isFloatingPoint {
            return TorchError.notImplemented("grad draws random \(dtype.name) values only with rand, randn, uniform_, normal_, bernoulli and exponential_; draw float32 and convert with .to(\(dtype.name))")
        }
        return TorchError.notImplemented("grad draws random \(dtype.name) values only as integers in a range (randint, random_(from, to))")
    }

    /// PyTorch's range check of `random_(from, to)` for the small integer dtypes.
    private static func checkBounds(from: Int64, toInclusive: Int64, _ dtype: DType) throws {
        guard let range = dtype.integerRange else { return }
        if !range.contains(from) { throw TorchError.runtime("from is out of bounds for \(dtype.cTypeName)") }
        if !range.contains(toInclusive) { throw TorchError.runtime("to - 1 is out of bounds for \(dtype.cTypeName)") }
    }

    /// A random permutation of 0..<n, by PyTorch's CPU algorithm: swaps driven by 32-bit draws for
    /// n below 2^32 / 20, the inside-out shuffle with 64-bit draws above.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: CPUGenerator = .shared) throws -> Tensor {
        guard n >= 0 else { throw TorchError.runtime("Trying to create tensor with negative dimension \(n): [\(n)]") }
        var values = [Int64](repeating: 0, count: n)
        if n < Int(UInt32.max / 20) {
            for i in 0..<n { values[i] = Int64(i) }
            for i in 0..<Swift.max(n - 1, 0) {
                let z = Int(UInt64(generator.random()) % UInt64(n - i))
                values.swapAt(i, z + i)
            }
        } else {
            for i in 0..<n {
                let z = Int(generator.random64() % UInt64(i + 1))
                values[i] = values[z]
                values[z] = Int64(i)
            }
        }
        let t = try Tensor(zeros: [n], dtype: dtype)
        for (i, v) in values.enumerated() { t.setFlat(i, .int(v)) }
        return t
    }
}

/// PyTorch's result-type rules: tensors with dimensions outrank 0-dim tensors, which outrank
/// Python numbers; a lower-ranked operand only matters when it is of a higher category
/// (bool < integer < floating), e.g. `int_tensor * 2.5` is float32 but `float32[2] + float64[]` stays float32.
public enum TypePromotion {
    /// `torch.promote_types`: the higher of the two, except that uint8 with int8 needs int16 and
    /// float16 with bfloat16 needs float32 (neither holds the other's values).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        switch (a, b) {
        case (.uint8, .int8), (.int8, .uint8): return .int16
        case (.float16, .bfloat16), (.bfloat16, .float16): return .float32
        default: return max(a, b)
        }
    }

    public static func resultType(_ operands: [Tensor]) -> DType {
        var categories = Categories()
        for t in operands { categories.add(t) }
        return categories.result
    }

    /// Two operands' result type; equal dtypes give their own at once, unless both operands are
    /// Python numbers (two floats make a float32 then).
    public static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        if a.dtype == b.dtype && !(a.isWrappedNumber && b.isWrappedNumber) { return a.dtype }
        var categories = Categories()
        categories.add(a)
        categories.add(b)
        return categories.result
    }

    /// The operands' dtypes promoted within their priority classes: tensors with dimensions,
    /// 0-dim tensors, then Python numbers (whose floats count as the default float).
    private struct Categories {
        var dim: DType?, zero: DType?, wrapped: DType?

        mutating func add(_ t: Tensor) {
            if t.isWrappedNumber {
                let kind = t.dtype.isFloatingPoint ? DType.defaultFloat : t.dtype
                wrapped = wrapped.map { promote($0, kind) } ?? kind
            }
            else if t.rank == 0 { zero = zero.map { promote($0, t.dtype) } ?? t.dtype }
            else { dim = dim.map { promote($0, t.dtype) } ?? t.dtype }
        }

        var result: DType { combine(dim, combine(zero, wrapped)) ?? .defaultFloat }
    }

    /// c10's `combine_categories`: the higher-priority result wins unless the lower one is of a
    /// higher category.
    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return promote(higher, lower) }
        return higher
    }
}

extension Tensor {
    /// A 0-dim tensor standing for a Python number in an op (lowest priority in promotion).
    /// The same numbers recur in a loop (`lr * w.grad`, `x ** 2`, a mean's count), so the last
    /// ones are handed out again instead of allocated per op: ops only read their operands, and
    /// one that has since been changed or has entered a graph is not reused.
    public static func wrapping(_ s: Scalar) throws -> Tensor {
        let slot = WrappedNumbers.slot(s)
        if let recent = WrappedNumbers.recent[slot].tensor, recent.canBeHandedOutAgain(for: s) { return recent }
        let dtype: DType
        switch s {
        case .bool: dtype = .bool
        case .int: dtype = .int64
        case .double: dtype = .float64
        }
        let t = Tensor(storage: try Storage.make(dtype: dtype, count: 1), shape: [])
        t.setFlat(0, s)
        t.isWrappedNumber = true
        // Handed out again outside inference mode too, so never an inference tensor.
        t.links.isInference = false
        WrappedNumbers.recent[slot].tensor = t
        return t
    }

    /// Whether `wrapping(s)` may return this tensor again: it is a wrapped number that still holds
    /// `s` bit for bit (so -0.0 is not 0.0), in `s`'s dtype, never changed in place (version 0),
    /// and outside any graph.
    private func canBeHandedOutAgain(for s: Scalar) -> Bool {
        guard isWrappedNumber, rank == 0, gradFn == nil, !requiresGrad, version == 0 else { return false }
        switch (s, dtype) {
        case (.bool(let b), .bool): return storage.pointer(Bool.self)[offset] == b
        case (.int(let i), .int64): return storage.pointer(Int64.self)[offset] == i
        case (.double(let d), .float64): return storage.pointer(Double.self)[offset].bitPattern == d.bitPattern
        default: return false
        }
    }

    /// Writes element `flat` (row-major) from a Python number, converting like a C cast.
    func setFlat(_ flat: Int, _ s: Scalar) {
        let o = storageOffset(ofFlat: flat)
        switch dtype {
        case .float32: storage.pointer(Float.self)[o] = Float(scalar: s)
        case .float64: storage.pointer(Double.self)[o] = Double(scalar: s)
        case .int64: storage.pointer(Int64.self)[o] = Int64(scalar: s)
        case .bool: storage.pointer(Bool.self)[o] = Bool(scalar: s)
        default: dtype.dispatch(ElementWrite(storage: storage, offset: o, value: s))
        }
    }
}

/// The wrapped numbers handed out last, by a hash of their value (the interpreter is single-threaded,
/// like `GradMode`).
private enum WrappedNumbers {
    nonisolated(unsafe) static let recent = (0..<32).map { _ in TensorSlot() }

    static func slot(_ s: Scalar) -> Int {
        let bits: UInt64
        switch s {
        case .bool(let b): bits = b ? 1 : 0
        case .int(let i): bits = UInt64(bitPattern: i) &+ 2
        case .double(let d): bits = d.bitPattern ^ (d.bitPattern >> 29) ^ (d.bitPattern >> 47) ^ 0x15
        }
        return Int(truncatingIfNeeded: bits & 31)
    }
}

/// Writes one element of a narrow dtype from a Python number.
private struct ElementWrite: ElementVisitor {
    let storage: Storage, offset: Int, value: Scalar
    func visit<T: ConvertibleElement>(_: T.Type) { storage.pointer(T.self)[offset] = T(scalar: value) }
}

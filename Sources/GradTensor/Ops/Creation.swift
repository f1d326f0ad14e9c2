/// Factory functions: `full`, `zeros`, `ones`, `arange`, `linspace`, `eye`, `*_like`, and tensors from
/// nested Python lists.
extension Tensor {
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil, requiresGrad: Bool = false) throws -> Tensor {
        let t = try Tensor(zeros: shape, dtype: dtype ?? value.dtype)
        // The storage starts zeroed: only other values (-0.0 included) need writing.
        if value.doubleValue.bitPattern != 0 {
            try t.checkFillable(value)
            t.fillUnchecked(value)
        }
        try t.setRequiresGrad(requiresGrad)
        return t
    }

    public static func zeros(_ shape: [Int], dtype: DType = .defaultFloat, requiresGrad: Bool = false) throws -> Tensor {
        if shape.contains(where: { $0 < 0 }) { throw TorchError.runtime("zeros: Dimension size must be non-negative.") }
        return try full(shape, .int(0), dtype: dtype, requiresGrad: requiresGrad)
    }

    public static func ones(_ shape: [Int], dtype: DType = .defaultFloat, requiresGrad: Bool = false) throws -> Tensor {
        try full(shape, .int(1), dtype: dtype, requiresGrad: requiresGrad)
    }

    /// `arange(start, end, step)`: int64 when every bound is an int, else float32.
    public static func arange(start: Scalar = .int(0), end: Scalar, step: Scalar = .int(1), dtype requested: DType? = nil,
                              requiresGrad: Bool = false) throws -> Tensor {
        let isIntegral = [start, end, step].allSatisfy { if case .double = $0 { return false } else { return true } }
        let dtype = requested ?? (isIntegral ? .int64 : .defaultFloat)
        let (a, b, s) = (start.doubleValue, end.doubleValue, step.doubleValue)
        if s == 0 { throw TorchError.runtime("step must be nonzero") }
        if !a.isFinite || !b.isFinite { throw TorchError.runtime("unsupported range: \(a) -> \(b)") }
        if (s > 0 && b < a) || (s < 0 && b > a) {
            throw TorchError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let count: Int
        if isIntegral, case .int(let ia) = start, case .int(let ib) = end, case .int(let istep) = step {
            let span = Double(ib) - Double(ia)
            count = Int((span / Double(istep)).rounded(.up))
        } else {
            let n = ((b - a) / s).rounded(.up)
            guard n < 9e18 else { throw TorchError.runtime("invalid size, possible overflow?") }
            count = Int(n)
        }
        let t = try Tensor(zeros: [count], dtype: dtype)
        switch dtype {
        case .float32: t.fillRange(Float.self, start: a, step: s)
        case .float64: t.fillRange(Double.self, start: a, step: s)
        default:
            for i in 0..<count {
                if case .int(let ia) = start, case .int(let istep) = step {
                    t.setFlat(i, .int(ia &+ Int64(i) &* istep))
                } else {
                    t.setFlat(i, .double(a + Double(i) * s))
                }
            }
        }
        try t.setRequiresGrad(requiresGrad)
        return t
    }

    /// Fills this contiguous float tensor as PyTorch's `arange_kernel` does, in double
    /// (float's accumulate type) with the multiply-adds its build fuses: runs of two vectors
    /// (8 floats or 4 doubles each) start at `start + step * i` rounded to the dtype and go on
    /// by `k * step`; the elements past the last such run are `start + step * i` each.
    private func fillRange<T: CascadeElement>(_: T.Type, start: Double, step: Double) {
        let p = storage.pointer(T.self) + offset
        let width = T.AVX2Vector.scalarCount
        var i = 0
        while i &+ 2 &* width <= numel {
            for _ in 0..<2 {
                let base = Double(T(start.addingProduct(step, Double(i))))
                for k in 0..<width { p[i &+ k] = T(base.addingProduct(Double(k), step)) }
                i &+= width
            }
        }
        while i < numel {
            p[i] = T(start.addingProduct(step, Double(i)))
            i &+= 1
        }
    }

    /// `linspace(start, end, steps)`: evenly spaced, computed from both ends as PyTorch does.
    public static func linspace(_ start: Double, _ end: Double, steps: Int, dtype: DType = .defaultFloat,
                                requiresGrad: Bool = false) throws -> Tensor {
        if steps < 0 { throw TorchError.runtime("linspace(): number of steps must be non-negative") }
        let t = try Tensor(zeros: [steps], dtype: dtype)
        switch dtype {
        case .float32: t.fillLinear(Float(start), Float(end))
        case .float64: t.fillLinear(start, end)
        default:
            // An integer dtype's ends become integers first; the step and points are doubles.
            let (a, b) = dtype.isFloatingPoint ? (start, end) : (start.rounded(.towardZero), end.rounded(.towardZero))
            let step = steps > 1 ? (b - a) / Double(steps - 1) : 0
            for i in 0..<steps { t.setFlat(i, .double(t.linearPoint(i, a, b, step: step))) }
        }
        try t.setRequiresGrad(requiresGrad)
        return t
    }

    /// Fills this contiguous float tensor with `linspace` points computed in its own dtype.
    private func fillLinear<T: FloatElement>(_ start: T, _ end: T) {
        let step = numel > 1 ? (end - start) / T(numel - 1) : 0
        let p = storage.pointer(T.self) + offset
        for i in 0..<numel { p[i] = linearPoint(i, start, end, step: step) }
    }

    /// Point `i` of a linspace as PyTorch's `linspace_kernel` computes it (one fused
    /// multiply-add): from the start for the first half, from the end for the rest (a single
    /// point is the start itself).
    private func linearPoint<T: FloatElement>(_ i: Int, _ start: T, _ end: T, step: T) -> T {
        if numel == 1 { return start }
        return i < numel / 2 ? start.addingProduct(step, T(i)) : end.addingProduct(-step, T(numel - 1 - i))
    }

    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .defaultFloat, requiresGrad: Bool = false) throws -> Tensor {
        let cols = m ?? n
        if n < 0 { throw TorchError.runtime("n must be greater or equal to 0, got \(n)") }
        if cols < 0 { throw TorchError.runtime("m must be greater or equal to 0, got \(cols)") }
        let t = try Tensor(zeros: [n, cols], dtype: dtype)
        for i in 0..<Swift.min(n, cols) { t.setFlat(i * cols + i, .int(1)) }
        try t.setRequiresGrad(requiresGrad)
        return t
    }

    public static func zerosLike(_ t: Tensor, dtype: DType? = nil, memoryFormat: MemoryFormat = .preserve,
                                 requiresGrad: Bool = false) throws -> Tensor {
        try fullLike(t, .int(0), dtype: dtype, memoryFormat: memoryFormat, requiresGrad: requiresGrad)
    }

    public static func onesLike(_ t: Tensor, dtype: DType? = nil, memoryFormat: MemoryFormat = .preserve,
                                requiresGrad: Bool = false) throws -> Tensor {
        try fullLike(t, .int(1), dtype: dtype, memoryFormat: memoryFormat, requiresGrad: requiresGrad)
    }

    /// `value` in `t`'s shape, laid out in `memoryFormat`; by default as PyTorch's
    /// `preserve_format` lays it out (`MemoryOrder.preservedStrides`): a transposed `t` gives a
    /// transposed result.
    public static func fullLike(_ t: Tensor, _ value: Scalar, dtype: DType? = nil, memoryFormat: MemoryFormat = .preserve,
                                requiresGrad: Bool = false) throws -> Tensor {
        let filled = try full(t.shape, value, dtype: dtype ?? t.dtype)
        let strides = try memoryFormat.strides(of: t)
        // Every element holds the same value, so the filled storage serves any dense layout.
        let out = strides == filled.strides ? filled : Tensor(storage: filled.storage, shape: t.shape, strides: strides, offset: 0, version: nil)
        try out.setRequiresGrad(requiresGrad)
        return out
    }

    /// Writes `value` into every element of this contiguous tensor, converting like a C cast,
    /// without any check or version bump: for freshly made tensors, and for `fill_`'s direct
    /// write (`write` bumps the version and has checked the tensor is contiguous).
    func fillUnchecked(_ value: Scalar) {
        let n = numel
        switch dtype {
        case .float32: (storage.pointer(Float.self) + offset).update(repeating: Float(scalar: value), count: n)
        case .float64: (storage.pointer(Double.self) + offset).update(repeating: Double(scalar: value), count: n)
        case .int64: (storage.pointer(Int64.self) + offset).update(repeating: Int64(scalar: value), count: n)
        case .bool: (storage.pointer(Bool.self) + offset).update(repeating: Bool(scalar: value), count: n)
        default: dtype.dispatch(Fill(storage: storage, offset: offset, count: n, value: value))
        }
    }
}

/// `fillUnchecked` for the narrow dtypes.
private struct Fill: ElementVisitor {
    let storage: Storage, offset: Int, count: Int, value: Scalar

    func visit<T: ConvertibleElement>(_: T.Type) {
        (storage.pointer(T.self) + offset).update(repeating: T(scalar: value), count: count)
    }
}

/// Python data handed to `torch.tensor(...)`: a number or a (nested) list of them.
public indirect enum NestedData: Sendable {
    case scalar(Scalar)
    case list([NestedData])
}

extension Tensor {
    /// `torch.tensor(data, dtype=None, requires_grad=False)`, inferring shape and dtype.
    public static func from(_ data: NestedData, dtype requested: DType? = nil, requiresGrad: Bool = false) throws -> Tensor {
        var shape: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var scalars: [Scalar] = []
        scalars.reserveCapacity(Swift.min(Shape.count(shape), 1 << 20))
        var inferred: DType?
        try collect(data, depth: 0, shape: shape, into: &scalars, dtype: &inferred)
        let dtype = requested ?? inferred ?? .defaultFloat
        let t = try Tensor(zeros: shape, dtype: dtype)
        for (i, s) in scalars.enumerated() { t.setFlat(i, s) }
        try t.setRequiresGrad(requiresGrad)
        return t
    }

    private static func collect(_ data: NestedData, depth: Int, shape: [Int], into out: inout [Scalar],
                                dtype: inout DType?) throws {
        switch data {
        case .scalar(let s):
            if depth != shape.count {
                throw TorchError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got 0)")
            }
            let kind = s.dtype
            dtype = dtype.map { Swift.max($0, kind) } ?? kind
            out.append(s)
        case .list(let items):
            if depth >= shape.count {
                throw TorchError.type("not a sequence")
            }
            if items.count != shape[depth] {
                throw TorchError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
            }
            for item in items { try collect(item, depth: depth + 1, shape: shape, into: &out, dtype: &dtype) }
        }
    }
}

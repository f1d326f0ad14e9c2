/// One element handed to the formatter.
public enum PrintScalar: Sendable {
    case float(Double), int(Int64), bool(Bool)
}

/// Everything the formatter needs to know about a tensor, without depending on the tensor class.
public struct TensorPrintInput {
    public var shape: [Int]
    public var dtype: DType
    /// Reads element `i` of the tensor in row-major (C) order, 0 <= i < product(shape).
    public var element: (Int) -> PrintScalar
    /// Print `requires_grad=True` (a leaf that requires grad).
    public var requiresGradLeaf: Bool
    /// Print `grad_fn=<NAME>` (a non-leaf); takes precedence over `requiresGradLeaf`, as in PyTorch.
    public var gradFnName: String?

    public init(
        shape: [Int],
        dtype: DType,
        element: @escaping (Int) -> PrintScalar,
        requiresGradLeaf: Bool = false,
        gradFnName: String? = nil
    ) {
        self.shape = shape
        self.dtype = dtype
        self.element = element
        self.requiresGradLeaf = requiresGradLeaf
        self.gradFnName = gradFnName
    }
}

extension PrintScalar {
    // The formatter trusts `dtype`, so an element of another kind is converted the way a cast
    // would, saturating instead of trapping.

    var doubleValue: Double {
        switch self {
        case .float(let v): return v
        case .int(let v): return Double(v)
        case .bool(let v): return v ? 1 : 0
        }
    }

    var int64Value: Int64 {
        switch self {
        case .int(let v): return v
        case .bool(let v): return v ? 1 : 0
        case .float(let v):
            if v.isNaN { return 0 }
            if v >= 0x1p63 { return .max }
            if v < -0x1p63 { return .min }
            return Int64(v)
        }
    }

    var boolValue: Bool {
        switch self {
        case .bool(let v): return v
        case .int(let v): return v != 0
        case .float(let v): return v != 0
        }
    }
}

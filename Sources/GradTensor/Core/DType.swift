/// The element types grad supports. Each narrow type (the small integers, float16, bfloat16) is a
/// storage format with a compute type: kernels read it widened to int64 or float32 and round their
/// results back, as PyTorch's CPU kernels compute reduced floats in float32.
public enum DType: Int, Sendable, Comparable, CaseIterable {
    // Ordered so that `max` promotes within a kind, except for the pairs `promote` special-cases.
    case bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64

    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }

    /// The default dtype of Python floats and of float tensors created without `dtype=`.
    public static let defaultFloat = DType.float32

    public var isFloatingPoint: Bool { self >= .float16 }

    /// An integer dtype (bool is not one).
    public var isIntegral: Bool { self != .bool && !isFloatingPoint }

    /// The dtype kernels compute this one in: int64 for bool and the small integers, float32 for
    /// float16 and bfloat16, itself for the rest.
    public var computeType: DType {
        switch self {
        case .bool, .uint8, .int8, .int16, .int32: return .int64
        case .float16, .bfloat16: return .float32
        case .int64, .float32, .float64: return self
        }
    }

    /// Whether kernels see this dtype only widened to `computeType` (bool, which ops treat apart,
    /// is not counted).
    public var isNarrow: Bool { computeType != self && self != .bool }

    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: return 1
        case .int16, .float16, .bfloat16: return 2
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    /// The range of an integer dtype's values (nil for bool and the floats).
    public var integerRange: ClosedRange<Int64>? {
        switch self {
        case .uint8: return 0...255
        case .int8: return -128...127
        case .int16: return -32768...32767
        case .int32: return -2147483648...2147483647
        case .int64: return .min ... .max
        case .bool, .float16, .bfloat16, .float32, .float64: return nil
        }
    }

    /// `torch.float32` and friends, as `repr(dtype)` prints them.
    public var name: String { "torch." + shortName }

    /// The name after `torch.`: `float32`, `uint8`.
    public var shortName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "uint8"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }

    /// The legacy type name PyTorch uses in error messages: `torch.FloatTensor`.
    public var legacyTensorName: String { "torch." + scalarTypeName + "Tensor" }

    /// The scalar type name PyTorch uses in messages such as "Got: Long".
    public var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .uint8: return "Byte"
        case .int8: return "Char"
        case .int16: return "Short"
        case .int32: return "Int"
        case .int64: return "Long"
        case .float16: return "Half"
        case .bfloat16: return "BFloat16"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// The C++ type name PyTorch prints in some messages ("long int").
    public var cTypeName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "unsigned char"
        case .int8: return "signed char"
        case .int16: return "short int"
        case .int32: return "int"
        case .int64: return "long int"
        case .float16: return "c10::Half"
        case .bfloat16: return "c10::BFloat16"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// Whether `s` does not fit this dtype by c10's `overflows` check: integers out of range
    /// (uint8 lets -255…-1 wrap), floats beyond the largest finite value (infinities and NaN
    /// pass, except into integers); bool takes anything.
    public func overflows(_ s: Scalar) -> Bool {
        switch s {
        case .bool:
            return false
        case .int(let i):
            if self == .uint8 { return i > 255 || i < -255 }
            if let range = integerRange { return !range.contains(i) }
            return self == .float16 && Swift.abs(Double(i)) > 65504
        case .double(let d):
            if let range = integerRange {
                return d.isNaN || d < Double(range.lowerBound) || d > Double(range.upperBound)
            }
            guard d.isFinite, let largest = largestFinite else { return false }
            return Swift.abs(d) > largest
        }
    }

    /// The largest finite value of a float dtype.
    private var largestFinite: Double? {
        switch self {
        case .float16: return 65504
        case .bfloat16: return Double(BFloat16(bits: 0x7F7F).float)
        case .float32: return Double(Float.greatestFiniteMagnitude)
        case .bool, .uint8, .int8, .int16, .int32, .int64, .float64: return nil
        }
    }

    /// The C++ type of PyTorch's "value cannot be converted to type … without overflow" when a
    /// number is written into a tensor (`fill_`, `full`, item assignment).
    public var checkedCastTypeName: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        case .float16: return "c10::Half"
        case .bfloat16: return "c10::BFloat16"
        case .bool: return "bool"
        case .int32: return "int"
        case .uint8, .int8, .int16, .int64: return shortName + "_t"
        }
    }

    /// The dtype suffix printed in a tensor's repr, or nil when the dtype is the default for its kind.
    public var reprSuffix: String? {
        switch self {
        case .float32, .int64, .bool: return nil
        default: return name
        }
    }
}

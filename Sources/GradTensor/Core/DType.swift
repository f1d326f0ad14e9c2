/// The element types grad supports, ordered by PyTorch's promotion lattice (bool < int64 < float32 < float64).
public enum DType: Int, Sendable, Comparable, CaseIterable {
    case bool, int64, float32, float64

    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }

    /// The default dtype of Python floats and of float tensors created without `dtype=`.
    public static let defaultFloat = DType.float32

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    public var itemSize: Int {
        switch self {
        case .bool: return 1
        case .int64, .float64: return 8
        case .float32: return 4
        }
    }

    /// `torch.float32` and friends, as `repr(dtype)` prints them.
    public var name: String {
        switch self {
        case .bool: return "torch.bool"
        case .int64: return "torch.int64"
        case .float32: return "torch.float32"
        case .float64: return "torch.float64"
        }
    }

    /// The legacy type name PyTorch uses in error messages: `torch.FloatTensor`.
    public var legacyTensorName: String {
        switch self {
        case .bool: return "torch.BoolTensor"
        case .int64: return "torch.LongTensor"
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        }
    }

    /// The scalar type name PyTorch uses in messages such as "Got: Long".
    public var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .int64: return "Long"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// The C++ type name PyTorch prints in some messages ("long int").
    public var cTypeName: String {
        switch self {
        case .bool: return "bool"
        case .int64: return "long int"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// The dtype suffix printed in a tensor's repr, or nil when the dtype is the default for its kind.
    public var reprSuffix: String? {
        switch self {
        case .float32, .int64, .bool: return nil
        case .float64: return "torch.float64"
        }
    }
}

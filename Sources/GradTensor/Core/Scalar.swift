/// A Python number handed to a tensor op (`x * 2`, `x + 0.5`, `t.fill_(True)`).
public enum Scalar: Sendable, Equatable {
    case bool(Bool)
    case int(Int64)
    case double(Double)

    /// The dtype PyTorch gives a Python number of this kind ("wrapped number").
    public var dtype: DType {
        switch self {
        case .bool: return .bool
        case .int: return .int64
        case .double: return .defaultFloat
        }
    }

    public var doubleValue: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// The value as an int64, truncating floats toward zero like a C cast (PyTorch's behaviour when
    /// a float is stored into an int tensor).
    public var int64Value: Int64 {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .double(let d): return Int64(clampingFinite: d)
        }
    }

    public var boolValue: Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        }
    }
}

extension Int64 {
    /// Converts without trapping: NaN becomes 0 and out-of-range values saturate.
    init(clampingFinite d: Double) {
        if d.isNaN { self = 0 }
        else if d >= 9.2233720368547758e18 { self = .max }
        else if d <= -9.2233720368547758e18 { self = .min }
        else { self = Int64(d) }
    }
}

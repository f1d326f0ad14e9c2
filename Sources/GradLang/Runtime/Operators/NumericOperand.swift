import BigInt

/// A number as comparisons see it: ints (bools included) exactly, floats as themselves. An int
/// and a float compare exactly, as CPython does, never by rounding the int to a float.
enum NumericOperand {
    case int(Int)
    case big(BigInt)
    case float(Double)

    init?(_ v: Value) {
        switch v {
        case .int(let i): self = .int(i)
        case .bigInt(let b): self = .big(b)
        case .bool(let b): self = .int(b ? 1 : 0)
        case .float(let d): self = .float(d)
        default: return nil
        }
    }

    /// -1, 0 or 1; nil when a NaN is involved.
    func order(_ other: NumericOperand) -> Int? {
        switch (self, other) {
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.float(let x), .float(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.float(let x), _): return Self.order(other.bigValue, x).map { -$0 }
        case (_, .float(let y)): return Self.order(bigValue, y)
        default:
            let (x, y) = (bigValue, other.bigValue)
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    private var bigValue: BigInt {
        switch self {
        case .int(let i): return BigInt(i)
        case .big(let b): return b
        case .float(let d): return BigInt(d)
        }
    }

    /// An integer against a float, exactly.
    private static func order(_ x: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let floor = d.rounded(.down)
        let f = BigInt(floor)
        if floor != d { return x <= f ? -1 : 1 }
        return x == f ? 0 : (x < f ? -1 : 1)
    }
}

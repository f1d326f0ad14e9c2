/// Element conversions between dtypes, with C-cast semantics as PyTorch's `.to(dtype)`
/// (floats truncate toward zero into ints; anything non-zero is True). Never traps.
protocol ConvertibleElement: Element {
    var asDouble: Double { get }
    var asInt64: Int64 { get }
    var isNonZero: Bool { get }
    static func convert<S: ConvertibleElement>(_ s: S) -> Self
}

extension Float: ConvertibleElement {
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { Int64(clampingFinite: Double(self)) }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Float { Float(s.asDouble) }
}

extension Double: ConvertibleElement {
    var asDouble: Double { self }
    var asInt64: Int64 { Int64(clampingFinite: self) }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Double { s.asDouble }
}

extension Int64: ConvertibleElement {
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { self }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Int64 { s.asInt64 }
}

extension Bool: ConvertibleElement {
    var asDouble: Double { self ? 1 : 0 }
    var asInt64: Int64 { self ? 1 : 0 }
    var isNonZero: Bool { self }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Bool { s.isNonZero }
}

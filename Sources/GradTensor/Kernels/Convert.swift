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

/// The small integers convert as C casts through int64: wrapping, floats truncated toward zero
/// first (PyTorch casts to uint8 through int64 on purpose, so -1.0 becomes 255).
protocol NarrowIntegerElement: ConvertibleElement, FixedWidthInteger {}

extension NarrowIntegerElement {
    init(scalar: Scalar) { self.init(truncatingIfNeeded: scalar.int64Value) }
    var scalar: Scalar { .int(Int64(self)) }
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { Int64(self) }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Self { Self(truncatingIfNeeded: s.asInt64) }
}

extension Int32: NarrowIntegerElement {}
extension Int16: NarrowIntegerElement {}
extension Int8: NarrowIntegerElement {}
extension UInt8: NarrowIntegerElement {}

extension Float16: ConvertibleElement {
    var asDouble: Double { Double(Float(self)) }
    var asInt64: Int64 { Int64(clampingFinite: asDouble) }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Float16 { Float16(Float(s.asDouble)) }
}

extension BFloat16: ConvertibleElement {
    var asDouble: Double { Double(float) }
    var asInt64: Int64 { Int64(clampingFinite: asDouble) }
    var isNonZero: Bool { float != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> BFloat16 { BFloat16(Float(s.asDouble)) }
}

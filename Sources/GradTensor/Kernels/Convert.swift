/// Element conversions between dtypes, with C-cast semantics as PyTorch's `.to(dtype)`
/// (floats truncate toward zero into ints; anything non-zero is True). Never traps.
protocol ConvertibleElement: Element {
    var asDouble: Double { get }
    var asInt64: Int64 { get }
    /// C's `(int)` cast as x86-64 does it: floats truncated toward zero, and those out of range
    /// (NaN included) INT_MIN; integers keep their low 32 bits.
    var asCInt32: Int32 { get }
    var isNonZero: Bool { get }
    static func convert<S: ConvertibleElement>(_ s: S) -> Self
}

extension BinaryFloatingPoint {
    var asCInt32: Int32 { self > -2147483649 && self < 2147483648 ? Int32(self) : .min }
    /// C's `(int64_t)` cast as x86-64 does it: truncated toward zero; out of range or NaN gives
    /// INT64_MIN (so `torch.tensor([inf]).long()` is -9223372036854775808, as in PyTorch).
    var asCInt64: Int64 { self > -0x1p63 && self < 0x1p63 ? Int64(self) : .min }
}

extension Float: ConvertibleElement {
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { asCInt64 }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Float { Float(s.asDouble) }
}

extension Double: ConvertibleElement {
    var asDouble: Double { self }
    var asInt64: Int64 { asCInt64 }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Double { s.asDouble }
}

extension Int64: ConvertibleElement {
    var asCInt32: Int32 { Int32(truncatingIfNeeded: self) }
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { self }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Int64 { s.asInt64 }
}

extension Bool: ConvertibleElement {
    var asCInt32: Int32 { self ? 1 : 0 }
    var asDouble: Double { self ? 1 : 0 }
    var asInt64: Int64 { self ? 1 : 0 }
    var isNonZero: Bool { self }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Bool { s.isNonZero }
}

/// The small integers convert as C casts on x86-64: integers wrap, floats go through an `int`
/// (`asCInt32`), except that PyTorch casts floats to uint8 through int64 on purpose (-1.0 is 255).
protocol NarrowIntegerElement: ConvertibleElement, FixedWidthInteger {}

extension NarrowIntegerElement {
    init(scalar: Scalar) { self.init(truncatingIfNeeded: scalar.int64Value) }
    var scalar: Scalar { .int(Int64(self)) }
    var asDouble: Double { Double(self) }
    var asInt64: Int64 { Int64(self) }
    var asCInt32: Int32 { Int32(truncatingIfNeeded: self) }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Self {
        Self.self == UInt8.self ? Self(truncatingIfNeeded: s.asInt64) : Self(truncatingIfNeeded: s.asCInt32)
    }
}

extension Int32: NarrowIntegerElement {}
extension Int16: NarrowIntegerElement {}
extension Int8: NarrowIntegerElement {}
extension UInt8: NarrowIntegerElement {}

extension Float16: ConvertibleElement {
    var asDouble: Double { Double(Float(self)) }
    var asInt64: Int64 { asCInt64 }
    var isNonZero: Bool { self != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> Float16 { Float16(Float(s.asDouble)) }
}

extension BFloat16: ConvertibleElement {
    var asCInt32: Int32 { float.asCInt32 }
    var asDouble: Double { Double(float) }
    var asInt64: Int64 { float.asCInt64 }
    var isNonZero: Bool { float != 0 }
    @inline(__always) static func convert<S: ConvertibleElement>(_ s: S) -> BFloat16 { BFloat16(Float(s.asDouble)) }
}

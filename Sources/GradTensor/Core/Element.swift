/// The Swift types that back each dtype, so kernels can be written once as generics and
/// specialised by the compiler (no per-element dispatch).
protocol Element {
    static var dtype: DType { get }
    init(scalar: Scalar)
    var scalar: Scalar { get }
}

extension Float: Element {
    static var dtype: DType { .float32 }
    init(scalar: Scalar) { self = Float(scalar.doubleValue) }
    var scalar: Scalar { .double(Double(self)) }
}

extension Double: Element {
    static var dtype: DType { .float64 }
    init(scalar: Scalar) { self = scalar.doubleValue }
    var scalar: Scalar { .double(self) }
}

extension Int64: Element {
    static var dtype: DType { .int64 }
    init(scalar: Scalar) { self = scalar.int64Value }
    var scalar: Scalar { .int(self) }
}

extension Bool: Element {
    static var dtype: DType { .bool }
    init(scalar: Scalar) { self = scalar.boolValue }
    var scalar: Scalar { .bool(self) }
}

// The small integers read as int64 and take numbers wrapping (`NarrowIntegerElement`).
extension Int32: Element { static var dtype: DType { .int32 } }
extension Int16: Element { static var dtype: DType { .int16 } }
extension Int8: Element { static var dtype: DType { .int8 } }
extension UInt8: Element { static var dtype: DType { .uint8 } }

/// A double reaches float16 through float32, as `c10::Half(float(x))` does (two roundings).
extension Float16: Element {
    static var dtype: DType { .float16 }
    init(scalar: Scalar) { self = Float16(Float(scalar.doubleValue)) }
    var scalar: Scalar { .double(Double(Float(self))) }
}

extension BFloat16: Element {
    static var dtype: DType { .bfloat16 }
    init(scalar: Scalar) { self = BFloat16(Float(scalar.doubleValue)) }
    var scalar: Scalar { .double(Double(float)) }
}

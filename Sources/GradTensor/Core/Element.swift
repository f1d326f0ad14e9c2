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

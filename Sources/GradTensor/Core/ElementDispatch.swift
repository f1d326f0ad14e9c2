/// Work generic over the element type, run with the Swift type that stores a dtype: the one
/// switch over every dtype, so kernels that handle all of them (copies, conversions, reading
/// elements) are written once.
protocol ElementVisitor {
    associatedtype Result
    func visit<T: ConvertibleElement>(_: T.Type) -> Result
}

extension DType {
    @inline(__always)
    func dispatch<V: ElementVisitor>(_ visitor: V) -> V.Result {
        switch self {
        case .bool: return visitor.visit(Bool.self)
        case .uint8: return visitor.visit(UInt8.self)
        case .int8: return visitor.visit(Int8.self)
        case .int16: return visitor.visit(Int16.self)
        case .int32: return visitor.visit(Int32.self)
        case .int64: return visitor.visit(Int64.self)
        case .float16: return visitor.visit(Float16.self)
        case .bfloat16: return visitor.visit(BFloat16.self)
        case .float32: return visitor.visit(Float.self)
        case .float64: return visitor.visit(Double.self)
        }
    }
}

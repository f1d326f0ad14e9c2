/// The backward formulas of tanh and sigmoid in one pass over their operands, instead of the
/// three arithmetic ops (three passes, three results) the formulas compose. Each step rounds to
/// the dtype as the op it replaces does, so the values are the same bits.
extension Tensor {
    /// `grad · (1 − y²)`, or nil when `grad` and `y` are not float tensors of one dtype.
    static func fusedTanhBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor? {
        try fusedFloatMap(grad, y, { g, y in g * (1 - y * y) }, { g, y in g * (1 - y * y) })
    }

    /// `grad · y·(1 − y)`, or nil as above.
    static func fusedSigmoidBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor? {
        try fusedFloatMap(grad, y, { g, y in g * (y * (1 - y)) }, { g, y in g * (y * (1 - y)) })
    }

    @inline(__always)
    private static func fusedFloatMap(_ a: Tensor, _ b: Tensor, _ f32: (Float, Float) -> Float,
                                      _ f64: (Double, Double) -> Double) throws -> Tensor? {
        guard a.dtype == b.dtype else { return nil }
        let shape = try Shape.broadcast(a.shape, b.shape)
        switch a.dtype {
        case .float32: return try mapBinary(a, b, shape: shape, Float.self, Float.self, f32)
        case .float64: return try mapBinary(a, b, shape: shape, Double.self, Double.self, f64)
        default: return nil
        }
    }
}

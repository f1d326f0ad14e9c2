/// The backward formulas of tanh and sigmoid in one pass over their operands, instead of the
/// arithmetic ops (one pass and one result each) the formulas compose, rounded as PyTorch's
/// vectorised CPU kernels round them (checked bit for bit on float32 and float64 sweeps, and on
/// every float16 and bfloat16 value).
extension Tensor {
    /// `grad · (1 − y²)` with `1 − y²` one fused multiply-add (the compiler fuses PyTorch's
    /// `one - b * b`), or nil when `grad` and `y` are not float tensors of one dtype. float16 and
    /// bfloat16 are computed in float and rounded once, as PyTorch's kernel does for both.
    static func fusedTanhBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor? {
        try fusedFloatMap(grad, y, onceRounded: [.float16, .bfloat16], { g, y in g * (1 as Float).addingProduct(-y, y) },
                          { g, y in g * (1 as Double).addingProduct(-y, y) })
    }

    /// `grad · (1 − y) · y`, multiplied left to right as PyTorch's kernel does, or nil as above.
    /// PyTorch computes bfloat16 in float and rounds once, but multiplies float16 values as
    /// float16, rounding each step, which the composed ops do.
    static func fusedSigmoidBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor? {
        try fusedFloatMap(grad, y, onceRounded: [.bfloat16], { g, y in g * (1 - y) * y }, { g, y in g * (1 - y) * y })
    }

    /// `f32`/`f64` over `a` and `b`; a dtype of `onceRounded` is widened to float and its result
    /// rounded back once (its operands' products are exact in float, so fusing does not matter).
    @inline(__always)
    private static func fusedFloatMap(_ a: Tensor, _ b: Tensor, onceRounded: Set<DType>, _ f32: (Float, Float) -> Float,
                                      _ f64: (Double, Double) -> Double) throws -> Tensor? {
        guard a.dtype == b.dtype else { return nil }
        let shape = try Shape.broadcast(a.shape, b.shape)
        switch a.dtype {
        case .float32: return try mapBinary(a, b, shape: shape, Float.self, Float.self, f32)
        case .float64: return try mapBinary(a, b, shape: shape, Double.self, Double.self, f64)
        case let narrow where onceRounded.contains(narrow):
            return try mapBinary(a.widened(), b.widened(), shape: shape, Float.self, Float.self, f32).narrowed(to: narrow)
        default: return nil
        }
    }
}

/// The edges of computing in a narrow dtype (int8 … int32, uint8, float16, bfloat16): kernels exist
/// for bool, int64, float32 and float64 only, so an op on a narrow dtype widens its operands to the
/// dtype's compute type, runs the kernel, and rounds the result back, as PyTorch's CPU kernels
/// compute float16 in float32. Integer results wrap as C's arithmetic in the small type does
/// (two's complement arithmetic modulo 2^bits gives the same bits in any width).
/// A transposed or permuted operand keeps its layout through the widening and the rounding back,
/// so that the result is laid out as a float32 op's is (and as PyTorch's).
extension Tensor {
    /// This tensor converted to `dtype` (the op's common dtype, as TensorIterator casts its
    /// operands), then widened to `dtype`'s compute type.
    func widened(through dtype: DType) throws -> Tensor {
        try convertedIfNeeded(to: dtype).convertedIfNeeded(to: dtype.computeType)
    }

    /// This tensor widened to its own dtype's compute type.
    func widened() throws -> Tensor { try convertedIfNeeded(to: dtype.computeType) }

    /// A kernel's result computed in `dtype`'s compute type, rounded back to `dtype`; a result of
    /// another dtype (a division's float, a comparison's bool) is kept.
    func narrowed(to dtype: DType) throws -> Tensor {
        self.dtype == dtype.computeType && dtype != self.dtype ? try materializedPreservingLayout(as: dtype) : self
    }

    /// This tensor in `dtype`: itself, or a copy in its layout (see `materializedPreservingLayout`).
    func convertedIfNeeded(to dtype: DType) throws -> Tensor {
        self.dtype == dtype ? self : try materializedPreservingLayout(as: dtype)
    }
}

extension DType {
    /// A float rounded to this dtype and read back, for float16 and bfloat16 (where PyTorch's
    /// kernels store an intermediate result in the tensor's dtype); nil for other dtypes.
    var halfPrecisionRounding: ((Float) -> Float)? {
        switch self {
        case .float16: { Float(Float16($0)) }
        case .bfloat16: { BFloat16($0).float }
        default: nil
        }
    }
}

/// `& | ^ << >> ~` on tensors: PyTorch's bitwise ops, on bool and integer dtypes only (floats
/// refused with its kernel's error). Computed in int64 and narrowed to the result type, which for
/// bool operands makes `& | ^` the logical operations; never differentiable.
public enum BitwiseOp: Sendable {
    case and, or, xor, leftShift, rightShift

    /// The CPU kernel PyTorch names in its errors.
    var kernelName: String {
        switch self {
        case .and: "bitwise_and_cpu"
        case .or: "bitwise_or_cpu"
        case .xor: "bitwise_xor_cpu"
        case .leftShift: "lshift_cpu"
        case .rightShift: "rshift_cpu"
        }
    }
}

extension Tensor {
    public func bitwise(_ op: BitwiseOp, _ other: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        if dtype.isFloatingPoint {
            throw TorchError.notImplemented("\"\(op.kernelName)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let a = try widened(through: dtype), b = try other.widened(through: dtype)
        let result: Tensor
        switch op {
        case .and: result = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 & $1 }
        case .or: result = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 | $1 }
        case .xor: result = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 ^ $1 }
        // Shifts by a negative count or by the width or more: 0 to the left, the sign to the right
        // (narrow integers then wrap to their own width, as C's shifts in the small type do).
        case .leftShift: result = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $1 < 0 || $1 >= 64 ? 0 : $0 << $1 }
        case .rightShift: result = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 >> ($1 < 0 || $1 >= 64 ? 63 : $1) }
        }
        return try result.narrowed(to: dtype)
    }

    /// `torch.bitwise_not(x)`: logical not of a bool tensor, bitwise not of an integer one.
    public func bitwiseNot() throws -> Tensor {
        if dtype == .bool { return try logicalNot() }
        if dtype.isFloatingPoint {
            throw TorchError.notImplemented("\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try mapUnary(widened(), Int64.self, Int64.self) { ~$0 }.narrowed(to: dtype)
    }

    /// `~x`: Python's operator refuses floating tensors before the kernel is reached, with
    /// its own TypeError.
    public func inverted() throws -> Tensor {
        if dtype.isFloatingPoint {
            throw TorchError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
        }
        return try bitwiseNot()
    }
}

/// Bitwise ops on integer and bool tensors (`&`, `|`, `^`, `<<`, `>>`, `~`), in the promoted
/// dtype; never differentiable. Floating operands are refused with PyTorch's kernel errors.
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
        if dtype.isFloatingPoint { throw TorchError.notImplemented("\"\(op.kernelName)\" not implemented for '\(dtype.scalarTypeName)'") }
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        if dtype == .bool {
            switch op {
            case .and: return try logicalAnd(other)
            case .or: return try logicalOr(other)
            case .xor: return try ne(other)
            case .leftShift, .rightShift: break
            }
        }
        let a = try materializedIfCast(to: .int64), b = try other.materializedIfCast(to: .int64)
        let out: Tensor
        switch op {
        case .and: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 & $1 }
        case .or: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 | $1 }
        case .xor: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 ^ $1 }
        // Shifts by a negative count or by the width or more: 0 to the left, the sign to the right.
        case .leftShift: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $1 < 0 || $1 >= 64 ? 0 : $0 << $1 }
        case .rightShift: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0 >> ($1 < 0 || $1 >= 64 ? 63 : $1) }
        }
        return try out.materializedIfCast(to: dtype)
    }

    /// `~`: logical not of bools, one's complement of integers.
    public func bitwiseNot() throws -> Tensor {
        if dtype.isFloatingPoint {
            throw TorchError.notImplemented("\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        if dtype == .bool { return try logicalNot() }
        return try mapUnary(materialized(), Int64.self, Int64.self) { ~$0 }
    }
}

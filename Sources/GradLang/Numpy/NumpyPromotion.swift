import GradTensor

/// numpy 2's type promotion (NEP 50) over grad's dtypes, and its broadcasting check.
enum NumpyPromotion {
    /// The dtype `a op b` computes in. A Python number is weak: its kind only raises the array's
    /// kind (bool < int < float), never its precision.
    static func resultType(_ a: Operand, _ b: Operand) -> DType {
        switch (a.isWeak, b.isWeak) {
        case (true, true): return max(a.tensor.dtype, b.tensor.dtype)
        case (true, false): return weak(a.tensor.dtype, meeting: b.tensor.dtype)
        case (false, true): return weak(b.tensor.dtype, meeting: a.tensor.dtype)
        case (false, false): return promote(a.tensor.dtype, b.tensor.dtype)
        }
    }

    private static func weak(_ scalar: DType, meeting array: DType) -> DType {
        switch scalar {
        case .bool: return array
        case .int64: return array == .bool ? .int64 : array
        default: return array.isFloatingPoint ? array : .float64
        }
    }

    /// Two arrays' dtypes: the larger of one kind; a float32 with an integer of 4 bytes or more is
    /// float64 (float32 cannot hold its values), as numpy's table says.
    static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isFloatingPoint != b.isFloatingPoint {
            let float = a.isFloatingPoint ? a : b, integer = a.isFloatingPoint ? b : a
            return float == .float64 || integer.itemSize >= 4 ? .float64 : max(float, .float32)
        }
        return max(a, b)
    }

    /// The shape of `a op b` (the tensors' broadcasting rule, which is numpy's), or numpy's error.
    static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        do {
            return try Shape.broadcast(a, b)
        } catch is TorchError {
            throw PyError.value("operands could not be broadcast together with shapes \(compact(a)) \(compact(b)) ")
        }
    }

    /// A shape as numpy's broadcasting message writes it: `(2,3)`, `(4,)`.
    static func compact(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
    }
}

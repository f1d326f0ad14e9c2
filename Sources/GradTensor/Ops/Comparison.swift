/// Comparisons and logical ops: bool results, never differentiable.
enum ComparisonOp { case eq, ne, lt, le, gt, ge }

extension Tensor {
    private func compare(_ op: ComparisonOp, _ other: Tensor) throws -> Tensor {
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: .bool)
        let dtype = TypePromotion.resultType(self, other)
        let a = try widened(through: dtype), b = try other.widened(through: dtype)
        switch dtype.computeType {
        case .float32: return try Tensor.compareKernel(op, a, b, shape, Float.self)
        case .float64: return try Tensor.compareKernel(op, a, b, shape, Double.self)
        default: return try Tensor.compareKernel(op, a, b, shape, Int64.self)
        }
    }

    private static func compareKernel<T: Element & Comparable>(_ op: ComparisonOp, _ a: Tensor, _ b: Tensor,
                                                               _ shape: [Int], _: T.Type) throws -> Tensor {
        switch op {
        case .eq: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 == $1 }
        case .ne: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 != $1 }
        case .lt: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 < $1 }
        case .le: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 <= $1 }
        case .gt: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 > $1 }
        case .ge: return try mapBinary(a, b, shape: shape, T.self, Bool.self) { $0 >= $1 }
        }
    }

    public func eq(_ other: Tensor) throws -> Tensor { try compare(.eq, other) }
    public func ne(_ other: Tensor) throws -> Tensor { try compare(.ne, other) }
    public func lt(_ other: Tensor) throws -> Tensor { try compare(.lt, other) }
    public func le(_ other: Tensor) throws -> Tensor { try compare(.le, other) }
    public func gt(_ other: Tensor) throws -> Tensor { try compare(.gt, other) }
    public func ge(_ other: Tensor) throws -> Tensor { try compare(.ge, other) }

    public func logicalAnd(_ other: Tensor) throws -> Tensor {
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: .bool)
        return try mapBinary(convertedIfNeeded(to: .bool), other.convertedIfNeeded(to: .bool), shape: shape, Bool.self, Bool.self) { $0 && $1 }
    }

    public func logicalOr(_ other: Tensor) throws -> Tensor {
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: .bool)
        return try mapBinary(convertedIfNeeded(to: .bool), other.convertedIfNeeded(to: .bool), shape: shape, Bool.self, Bool.self) { $0 || $1 }
    }

    public func logicalXor(_ other: Tensor) throws -> Tensor {
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: .bool)
        return try mapBinary(convertedIfNeeded(to: .bool), other.convertedIfNeeded(to: .bool), shape: shape, Bool.self, Bool.self) { $0 != $1 }
    }

    /// `isclose`: equal elements (infinities too), or `|self - other|` finite and at most
    /// `atol + |rtol * other|`; NaNs close to each other only with `equalNaN`. Laid out as
    /// `self == other`, into which PyTorch ors the rest in place.
    public func isClose(_ other: Tensor, rtol: Double, atol: Double, equalNaN: Bool) throws -> Tensor {
        try GradMode.with(enabled: false) {
            let (a, b) = (detach(), other.detach())
            let equal = try a.eq(b)
            var close = equal
            if equalNaN { close = try close.logicalOr(a.ne(a).logicalAnd(b.ne(b))) }
            let allowed = try b.mul(.wrapping(.double(rtol))).abs().add(.wrapping(.double(atol)))
            let actual = try a.sub(b).abs()
            close = try close.logicalOr(actual.isFinite().logicalAnd(actual.le(allowed)))
            return try MemoryOrder.laidOut(close, strides: equal.strides)
        }
    }

    /// True where the element is infinite (never for integers and bools).
    public func isInfinite() throws -> Tensor {
        dtype.isFloatingPoint ? try abs().detach().eq(.wrapping(.double(.infinity))) : try Tensor.full(shape, .bool(false), dtype: .bool)
    }

    public func logicalNot() throws -> Tensor {
        try mapUnary(convertedIfNeeded(to: .bool), Bool.self, Bool.self) { !$0 }
    }
}

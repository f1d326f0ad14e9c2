import GradTensor

/// Whole-tensor comparisons and pairwise extremes: `equal`, `isclose`, `allclose`, `maximum`,
/// `minimum`.
enum TorchComparisonBindings {
    static var ops: [TorchOp] {
        [
            TorchOp("equal", "other") { t, args in
                let other = try args.tensor("other")
                guard t.shape == other.shape else { return .bool(false) }
                return .bool(try TorchBridge.run { try t.eq(other).logicalNot().sum().item().doubleValue == 0 })
            },
            TorchOp.tensor("isclose", closeness) { t, args in try isclose(t, args) },
            TorchOp("allclose", closeness) { t, args in
                .bool(try TorchBridge.run { try isclose(t, args).logicalNot().sum().item().doubleValue == 0 })
            },
            TorchOp.tensor("maximum", "other") { t, args in try t.maximum(try args.tensor("other")) }.withOut,
            TorchOp.tensor("minimum", "other") { t, args in try t.minimum(try args.tensor("other")) }.withOut,
        ]
    }

    private static let closeness = "other, rtol=1e-05, atol=1e-08, equal_nan=False"

    /// `isclose(other, rtol, atol, equal_nan)` (`Tensor.isClose`).
    private static func isclose(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        let other = try args.tensor("other")
        let rtol = try args.scalar("rtol").doubleValue, atol = try args.scalar("atol").doubleValue
        let equalNaN = try args.bool("equal_nan")
        return try TorchBridge.run { try t.isClose(other, rtol: rtol, atol: atol, equalNaN: equalNaN) }
    }
}

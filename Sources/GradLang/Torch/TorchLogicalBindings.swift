import GradTensor

/// Bitwise and logical ops by name (`bitwise_and`, `logical_or`, ...), and the NaN and infinity
/// tests (`isnan`, `isinf`, `isfinite`).
enum TorchLogicalBindings {
    private static let bitwise: [(String, BitwiseOp)] = [
        ("bitwise_and", .and), ("bitwise_or", .or), ("bitwise_xor", .xor),
        ("bitwise_left_shift", .leftShift), ("bitwise_right_shift", .rightShift),
        ("__and__", .and), ("__or__", .or), ("__xor__", .xor), ("__lshift__", .leftShift), ("__rshift__", .rightShift),
    ]

    private static let logical: [(String, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("logical_and", { try $0.logicalAnd($1) }), ("logical_or", { try $0.logicalOr($1) }),
        ("logical_xor", { try $0.logicalXor($1) }),
    ]

    static var ops: [TorchOp] {
        bitwise.map { name, op in TorchOp.tensor(name, "other") { t, args in try t.bitwise(op, try args.operand("other")) } }
            + logical.map { name, apply in TorchOp.tensor(name, "other") { t, args in try apply(t, try args.tensor("other")) } }
            + [
                TorchOp.tensor("bitwise_not") { t, _ in try t.bitwiseNot() },
                TorchOp.tensor("logical_not") { t, _ in try t.logicalNot() },
                TorchOp.tensor("isnan") { t, _ in try t.ne(t) },
                TorchOp.tensor("isfinite") { t, _ in try t.isFinite() },
                TorchOp.tensor("isinf") { t, _ in try t.isInfinite() },
            ]
    }
}

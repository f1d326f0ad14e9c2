import GradTensor

/// Bitwise and logical ops by name (`bitwise_and`, `logical_or`, ...) with their in-place forms
/// (`bitwise_and_`, `logical_not_`), and the NaN and infinity tests (`isnan`, `isinf`, `isfinite`).
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

    /// The in-place forms: the result written into `self` in its own dtype (`logical_not_` of an
    /// int tensor stores 0 and 1).
    static var methods: [PyBuiltin] {
        bitwise.filter { !$0.0.hasPrefix("__") }.map { name, op in
            tensorMethodReturningTensor("\(name)_(self, other)") { t, args in
                try t.bitwise_(op, try args.operand("other"))
            }
        } + logical.map { name, apply in
            tensorMethodReturningTensor("\(name)_(self, other)") { t, args in
                let other = try args.tensor("other")
                return try t.apply_ { try apply($0, other) }
            }
        } + [
            tensorMethodReturningTensor("bitwise_not_(self)") { t, _ in try t.apply_ { try $0.bitwiseNot() } },
            tensorMethodReturningTensor("logical_not_(self)") { t, _ in try t.apply_ { try $0.logicalNot() } },
        ]
    }

    static var ops: [TorchOp] {
        bitwise.map { name, op in
            let op = TorchOp.tensor(name, "other") { t, args in try t.bitwise(op, try args.operand("other")) }
            return name.hasPrefix("__") ? op : op.withOut
        }
            + logical.map { name, apply in TorchOp.tensor(name, "other") { t, args in try apply(t, try args.tensor("other")) }.withOut }
            + [
                TorchOp.tensor("bitwise_not") { t, _ in try t.bitwiseNot() }.withOut,
                TorchOp.tensor("logical_not") { t, _ in try t.logicalNot() }.withOut,
                TorchOp.tensor("isnan") { t, _ in try t.ne(t) },
                TorchOp.tensor("isfinite") { t, _ in try t.isFinite() },
                TorchOp.tensor("isinf") { t, _ in try t.isInfinite() },
            ]
    }
}

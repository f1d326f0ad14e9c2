import GradTensor

/// Tests of dtypes and values: `torch.can_cast`, `torch.is_complex`, `torch.is_nonzero` (the
/// last two also methods).
enum TorchTensorPredicateBindings {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("can_cast(from_, to)", style: .torch) { args in
                func dtype(_ name: String) throws -> DType {
                    guard case .object(let d as PyDType) = args[name] else { throw args.mismatch(name, expected: "torch.dtype", got: args[name]) }
                    return d.dtype
                }
                return .bool(TypePromotion.canCast(try dtype("from_"), to: try dtype("to")))
            },
        ]
    }

    static var ops: [TorchOp] {
        [
            TorchOp("is_complex") { _, _ in .bool(false) },
            TorchOp("is_nonzero") { t, _ in
                if t.numel == 0 { throw PyError.runtime("Boolean value of Tensor with no values is ambiguous") }
                if t.numel > 1 { throw PyError.runtime("Boolean value of Tensor with more than one value is ambiguous") }
                return .bool(t.element(atFlat: 0).doubleValue != 0)
            },
        ]
    }
}

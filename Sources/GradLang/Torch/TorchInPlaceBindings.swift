import GradTensor

/// In-place methods (`add_ sub_ mul_ div_ pow_ zero_ fill_ copy_ clamp_ clip_`) and the augmented
/// assignments on tensors (`x += 1`), which PyTorch routes to the same methods.
enum TorchInPlaceBindings {
    private static let arithmetic: [(name: String, takesAlpha: Bool, apply: @Sendable (Tensor, Tensor, Scalar?) throws -> Tensor)] = [
        ("add_", true, { try $0.add_($1, alpha: $2) }), ("sub_", true, { try $0.sub_($1, alpha: $2) }),
        ("mul_", false, { a, b, _ in try a.mul_(b) }), ("div_", false, { a, b, _ in try a.div_(b) }),
    ]

    static var methods: [PyBuiltin] {
        arithmetic.map { op in
            tensorMethodReturningTensor("\(op.name)(self, other\(op.takesAlpha ? ", *, alpha=None" : ""))") { t, args in
                try op.apply(t, try args.operand("other"), op.takesAlpha ? try args.alpha(for: t) : nil)
            }
        } + [
            tensorMethodReturningTensor("pow_(self, exponent)") { t, args in try t.pow_(try args.operand("exponent")) },
            tensorMethodReturningTensor("zero_(self)") { t, _ in try t.zero_() },
            tensorMethodReturningTensor("fill_(self, value)") { t, args in
                guard case .tensor(let v) = args["value"] else { return try t.fill_(try args.scalar("value")) }
                if v.rank != 0 {
                    throw TorchError.runtime("fill_ only supports 0-dimension value tensor but got tensor with \(v.rank) dimensions.")
                }
                return try t.fill_(v)
            },
            tensorMethodReturningTensor("copy_(self, other, non_blocking=False)") { t, args in
                try t.copy_(try args.tensor("other"))
            },
        ] + ["clamp_", "clip_"].map { name in
            tensorMethodReturningTensor("\(name)(self, min=None, max=None)") { t, args in
                if let bounds = try TorchMathBindings.tensorBounds(args) {
                    return try t.apply_ { try $0.clamp(min: bounds.min, max: bounds.max) }
                }
                let (lo, hi) = (try args.optionalScalar("min"), try args.optionalScalar("max"))
                return try t.apply_ { try $0.clamp(min: lo, max: hi) }
            }
        }
    }

    /// `target op= value` on a tensor: updates `target` in place and returns it, except `@=`, which
    /// PyTorch computes out of place (Python falls back to `target = target @ value`).
    static func apply(_ op: BinaryOperator, _ target: Tensor, _ value: Value) throws -> Value {
        if op == .matrixMultiply { return try Operators.binary(.matrixMultiply, .tensor(target), value) }
        let other: Tensor
        switch value {
        case .tensor(let t): other = t
        default:
            guard let s = value.asScalar else {
                throw PyError.type("unsupported operand type(s) for \(op.rawValue)=: 'Tensor' and '\(value.typeName)'")
            }
            other = try .wrapping(s)
        }
        _ = try TorchBridge.run {
            switch op {
            case .add: try target.add_(other)
            case .subtract: try target.sub_(other)
            case .multiply: try target.mul_(other)
            case .divide: try target.div_(other)
            case .power: try target.pow_(other)
            case .floorDivide: try target.floorDivide_(other)
            case .modulo: try target.remainder_(other)
            case .bitAnd: try target.bitwise_(.and, other)
            case .bitOr: try target.bitwise_(.or, other)
            case .bitXor: try target.bitwise_(.xor, other)
            case .leftShift: try target.bitwise_(.leftShift, other)
            case .rightShift: try target.bitwise_(.rightShift, other)
            case .matrixMultiply: break
            }
        }
        return .tensor(target)
    }
}

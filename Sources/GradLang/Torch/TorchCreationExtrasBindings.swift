import GradTensor

/// `torch.logspace`, the deprecated `torch.range`, `torch.empty_strided`, the dtype and value
/// tests `torch.can_cast`, `torch.is_complex`, `torch.is_nonzero`, `logcumsumexp`, and the
/// methods `apply_`/`map_` that call a Python function on each element of a tensor.
enum TorchCreationExtrasBindings {
    private static let options = TorchCreationBindings.options

    static var functions: [PyBuiltin] {
        [
            TorchCreationBindings.factory("logspace(start, end, steps, base=10.0, *, \(options))") { args in
                try Tensor.logspace(try args.scalar("start"), try args.scalar("end"), steps: try args.int("steps"),
                                    base: try args.scalar("base").doubleValue, dtype: try args.dtype() ?? .defaultFloat)
            },
            TorchCreationBindings.factory("range(start, end, step=1, *, \(options))") { args in
                try args.interpreter.warn(rangeDeprecation)
                return try Tensor.range(try args.scalar("start"), try args.scalar("end"), step: try args.scalar("step"),
                                        dtype: try args.dtype() ?? .defaultFloat)
            },
            TorchCreationBindings.factory("empty_strided(size, stride, *, \(options))") { args in
                try Tensor.emptyStrided(try args.sizeSequence("size"), strides: try args.sizeSequence("stride"), dtype: try args.dtype() ?? .defaultFloat)
            },
            PyBuiltin("can_cast(from_, to)", style: .torch) { args in
                func dtype(_ name: String) throws -> DType {
                    guard case .object(let d as PyDType) = args[name] else { throw args.mismatch(name, expected: "torch.dtype", got: args[name]) }
                    return d.dtype
                }
                return .bool(TypePromotion.canCast(try dtype("from_"), to: try dtype("to")))
            },
        ]
    }

    /// PyTorch's deprecation warning of `torch.range`.
    private static let rangeDeprecation = "torch.range is deprecated and will be removed in a future release because its behavior is inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in [start, end)."

    static var ops: [TorchOp] {
        [
            TorchOp.tensor("logcumsumexp", "dim") { t, args in try t.logcumsumexp(dim: try args.int("dim")) }.withOut,
            TorchOp("is_complex") { _, _ in .bool(false) },
            TorchOp("is_nonzero") { t, _ in
                if t.numel == 0 { throw PyError.runtime("Boolean value of Tensor with no values is ambiguous") }
                if t.numel > 1 { throw PyError.runtime("Boolean value of Tensor with more than one value is ambiguous") }
                return .bool(t.element(atFlat: 0).doubleValue != 0)
            },
        ]
    }

    static var methods: [PyBuiltin] {
        [
            tensorMethod("apply_(self, callable)") { t, args in
                try checkCallable(t, "apply_")
                let (f, interpreter) = (args["callable"], args.interpreter)
                return .tensor(try t.replaceElements { try number(interpreter.call(f, Arguments([Conversions.value(of: $0)]))) })
            },
            tensorMethod("map_(self, tensor, callable)") { t, args in
                try checkCallable(t, "map_")
                let (other, f, interpreter) = (try args.tensor("tensor"), args["callable"], args.interpreter)
                return .tensor(try TorchBridge.run {
                    try t.replaceElements(pairedWith: other) {
                        try number(interpreter.call(f, Arguments([Conversions.value(of: $0), Conversions.value(of: $1)])))
                    }
                })
            },
        ]
    }

    /// PyTorch refuses to run Python over a tensor that autograd tracks.
    private static func checkCallable(_ t: Tensor, _ name: String) throws {
        if t.requiresGrad {
            throw PyError.runtime("Can't call \(name)() on Variable that requires grad. Use var.detach().\(name)() instead.")
        }
    }

    /// The function's result as a number for the tensor.
    private static func number(_ v: Value) throws -> Scalar {
        guard let s = v.asScalar else { throw PyError.type("must be real number, not \(v.typeName)") }
        return s
    }
}

import GradTensor

/// Elementwise math: `torch.exp(x)` / `x.exp()` (and in place, `x.exp_()`), arithmetic with
/// `alpha`, `addcmul`, `addcdiv`, `pow`, `atan2`, `hypot`, `lerp`, comparisons, rounding, `clamp`.
enum TorchMathBindings {
    /// One-tensor ops without arguments.
    private static let unary: [(String, @Sendable (Tensor) throws -> Tensor)] = [
        ("exp", { try $0.exp() }), ("log", { try $0.log() }), ("sqrt", { try $0.sqrt() }),
        ("abs", { try $0.abs() }), ("sin", { try $0.sin() }), ("cos", { try $0.cos() }),
        ("tanh", { try $0.tanh() }), ("sigmoid", { try $0.sigmoid() }), ("relu", { try $0.relu() }),
        ("square", { try $0.square() }), ("neg", { try $0.neg() }), ("negative", { try $0.neg() }),
        ("sign", { try $0.sign() }), ("floor", { try $0.floor() }), ("ceil", { try $0.ceil() }),
        ("trunc", { try $0.trunc() }), ("fix", { try $0.trunc() }), ("frac", { try $0.frac() }),
        ("tan", { try $0.tan() }), ("asin", { try $0.asin() }), ("arcsin", { try $0.asin() }),
        ("acos", { try $0.acos() }), ("arccos", { try $0.acos() }), ("atan", { try $0.atan() }),
        ("arctan", { try $0.atan() }), ("sinh", { try $0.sinh() }), ("cosh", { try $0.cosh() }),
        ("asinh", { try $0.asinh() }), ("arcsinh", { try $0.asinh() }), ("acosh", { try $0.acosh() }),
        ("arccosh", { try $0.acosh() }), ("atanh", { try $0.atanh() }), ("arctanh", { try $0.atanh() }),
        ("log1p", { try $0.log1p() }), ("expm1", { try $0.expm1() }), ("log2", { try $0.log2() }),
        ("log10", { try $0.log10() }), ("exp2", { try $0.exp2() }), ("rsqrt", { try $0.rsqrt() }),
        ("reciprocal", { try $0.reciprocal() }), ("erf", { try $0.erf() }), ("erfc", { try $0.erfc() }),
        ("sgn", { try $0.sgn() }), ("deg2rad", { try $0.deg2rad() }), ("rad2deg", { try $0.rad2deg() }),
        ("erfinv", { try $0.erfinv() }), ("lgamma", { try $0.lgamma() }), ("digamma", { try $0.digamma() }),
    ]

    /// Tensor-with-tensor-or-number ops; `add` and `sub` also scale `other` by `alpha`.
    private static let binary: [(name: String, takesAlpha: Bool, apply: @Sendable (Tensor, Tensor, Scalar?) throws -> Tensor)] = [
        ("add", true, { try $0.add($1, alpha: $2) }), ("sub", true, { try $0.sub($1, alpha: $2) }),
        ("subtract", true, { try $0.sub($1, alpha: $2) }),
        ("mul", false, { a, b, _ in try a.mul(b) }), ("multiply", false, { a, b, _ in try a.mul(b) }),
        ("true_divide", false, { a, b, _ in try a.div(b) }),
        ("atan2", false, { a, b, _ in try a.atan2(b) }), ("arctan2", false, { a, b, _ in try a.atan2(b) }),
        ("hypot", false, { a, b, _ in try a.hypot(b) }),
        ("remainder", false, { a, b, _ in try a.remainder(b) }),
        ("floor_divide", false, { a, b, _ in try a.floorDivide(b) }), ("fmod", false, { a, b, _ in try a.fmod(b) }),
    ]

    private static let comparisons: [(String, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("eq", { try $0.eq($1) }), ("ne", { try $0.ne($1) }), ("lt", { try $0.lt($1) }),
        ("le", { try $0.le($1) }), ("gt", { try $0.gt($1) }), ("ge", { try $0.ge($1) }),
    ]

    static var ops: [TorchOp] {
        let division = TorchOp.tensor("div", "other, *, rounding_mode=None") { t, args in
            let other = try args.operand("other")
            guard let mode = try args.optionalString("rounding_mode") else { return try t.div(other) }
            guard let rounding = DivisionRounding(rawValue: mode) else {
                throw PyError.runtime("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(mode)'")
            }
            return try t.div(other, rounding: rounding)
        }.withOut
        let clamp = TorchOp.tensor("clamp", "min=None, max=None") { t, args in
            if let bounds = try tensorBounds(args) { return try t.clamp(min: bounds.min, max: bounds.max) }
            return try t.clamp(min: try args.optionalScalar("min"), max: try args.optionalScalar("max"))
        }
        return unary.map { name, apply in TorchOp.tensor(name) { t, _ in try apply(t) }.withOut }
            + binary.map { op in
                TorchOp.tensor(op.name, op.takesAlpha ? "other, *, alpha=None" : "other") { t, args in
                    try op.apply(t, try args.operand("other"), op.takesAlpha ? try args.alpha(for: t) : nil)
                }.withOut
            }
            + comparisons.map { name, apply in
                TorchOp.tensor(name, "other") { t, args in try apply(t, try args.operand("other")) }
            }
            + [division, division.renamed("divide"), clamp, clamp.renamed("clip"),
               TorchOp.tensor("nan_to_num", "nan=0.0, posinf=None, neginf=None") { t, args in
                   try t.nanToNum(nan: try args.scalar("nan").doubleValue, posinf: try args.optionalScalar("posinf")?.doubleValue,
                                  neginf: try args.optionalScalar("neginf")?.doubleValue)
               },
               TorchOp.tensor("clamp_min", "min") { t, args in try oneSidedClamp(args, "min")(t) },
               TorchOp.tensor("clamp_max", "max") { t, args in try oneSidedClamp(args, "max")(t) },
               TorchOp.tensor("lerp", "end, weight") { t, args in
                   let end = try args.tensor("end")
                   if case .tensor(let weight) = args["weight"] { return try t.lerp(end, weight: weight) }
                   return try t.lerp(end, weight: try args.scalar("weight"))
               },
               TorchOp.tensor("addcmul", "tensor1, tensor2, *, value=1") { t, args in
                   try t.addcmul(try args.tensor("tensor1"), try args.tensor("tensor2"), value: try args.scalar("value"))
               },
               TorchOp.tensor("addcdiv", "tensor1, tensor2, *, value=1") { t, args in
                   try t.addcdiv(try args.tensor("tensor1"), try args.tensor("tensor2"), value: try args.scalar("value"))
               },
               TorchOp.tensor("round", "*, decimals=0") { t, args in try t.round(decimals: try args.int("decimals")) }]
    }

    /// `torch.pow(input, exponent)` also takes a number as its base (`torch.pow(2, x)`), and
    /// `torch.polygamma(n, input)` takes its order first, so neither is a `TorchOp`.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("pow(input, exponent)", style: .torch) { args in
                if case .tensor(let base) = args["input"] {
                    return .tensor(try TorchBridge.run { try base.pow(try args.operand("exponent")) })
                }
                guard let base = args["input"].asScalar else {
                    throw args.mismatch("input", expected: "Tensor", got: args["input"])
                }
                let exponent = try args.tensor("exponent")
                return .tensor(try TorchBridge.run { try exponent.rpow(base) })
            },
            PyBuiltin("polygamma(n, input)", style: .torch) { args in
                guard case .tensor(let input) = args["input"] else { throw args.mismatch("input", expected: "Tensor", got: args["input"]) }
                let n = try args.int("n")
                return .tensor(try TorchBridge.run { try input.polygamma(n) })
            },
        ]
    }

    /// The methods besides the ops: `pow`, and the in-place forms of the one-tensor ops (`sin_`, `round_`).
    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("pow(self, exponent)") { t, args in try t.pow(try args.operand("exponent")) },
            tensorMethodReturningTensor("nan_to_num_(self, nan=0.0, posinf=None, neginf=None)") { t, args in
                let (nan, high, low) = (try args.scalar("nan").doubleValue, try args.optionalScalar("posinf")?.doubleValue,
                                        try args.optionalScalar("neginf")?.doubleValue)
                return try t.apply_ { try $0.nanToNum(nan: nan, posinf: high, neginf: low) }
            },
            tensorMethodReturningTensor("addcmul_(self, tensor1, tensor2, *, value=1)") { t, args in
                let (t1, t2, value) = (try args.tensor("tensor1"), try args.tensor("tensor2"), try args.scalar("value"))
                return try t.apply_ { try $0.addcmul(t1, t2, value: value) }
            },
            tensorMethodReturningTensor("addcdiv_(self, tensor1, tensor2, *, value=1)") { t, args in
                let (t1, t2, value) = (try args.tensor("tensor1"), try args.tensor("tensor2"), try args.scalar("value"))
                return try t.apply_ { try $0.addcdiv(t1, t2, value: value) }
            },
            tensorMethodReturningTensor("lerp_(self, end, weight)") { t, args in
                let end = try args.tensor("end")
                if case .tensor(let weight) = args["weight"] { return try t.apply_ { try $0.lerp(end, weight: weight) } }
                let weight = try args.scalar("weight")
                return try t.apply_ { try $0.lerp(end, weight: weight) }
            },
            tensorMethodReturningTensor("clamp_min_(self, min)") { t, args in try t.apply_(try oneSidedClamp(args, "min")) },
            tensorMethodReturningTensor("clamp_max_(self, max)") { t, args in try t.apply_(try oneSidedClamp(args, "max")) },
            tensorMethodReturningTensor("polygamma(self, n)") { t, args in try t.polygamma(try args.int("n")) },
            tensorMethodReturningTensor("polygamma_(self, n)") { t, args in
                let n = try args.int("n")
                return try t.apply_ { try $0.polygamma(n) }
            },
            tensorMethodReturningTensor("round_(self, *, decimals=0)") { t, args in
                let decimals = try args.int("decimals")
                return try t.apply_ { try $0.round(decimals: decimals) }
            },
        ] + unary.map { name, apply in tensorMethodReturningTensor("\(name)_(self)") { t, _ in try t.apply_(apply) } }
    }

    /// `clamp_min` (`side` "min") or `clamp_max` ("max") with the bound given, a number or a tensor.
    private static func oneSidedClamp(_ args: BoundArguments, _ side: String) throws -> (Tensor) throws -> Tensor {
        if case .tensor(let bound) = args[side] { return { side == "min" ? try $0.clampMin(bound) : try $0.clampMax(bound) } }
        guard let bound = try args.optionalScalar(side) else { throw args.mismatch(side, expected: "Number", got: .none) }
        return { side == "min" ? try $0.clampMin(bound) : try $0.clampMax(bound) }
    }

    /// `clamp`'s bounds when either is a tensor (PyTorch's `clamp.Tensor` overload, also for a
    /// 0-dim tensor), a number beside it taken as a tensor; nil when neither is.
    static func tensorBounds(_ args: BoundArguments) throws -> (min: Tensor?, max: Tensor?)? {
        let given = ["min", "max"].map { args[$0] }
        guard given.contains(where: { if case .tensor = $0 { true } else { false } }) else { return nil }
        return (min: given[0].isNone ? nil : try args.operand("min"), max: given[1].isNone ? nil : try args.operand("max"))
    }
}

import GradTensor

/// Elementwise calls beyond the basic math: `xlogy`, `logaddexp`, `logaddexp2`, `copysign`,
/// `fmax`, `fmin`, `heaviside`, `float_power`, `ldexp`, `frexp`, `nextafter`, `signbit`,
/// `positive`, `logit`, `sinc`, `i0`, `mvlgamma`, `logcumsumexp`, as `torch.NAME`, methods, and
/// in-place methods where PyTorch has them.
enum TorchElementwiseExtrasBindings {
    /// Two-tensor ops: the name of the second parameter, whether it may be a Python number (the
    /// ops with a Scalar overload), and whether PyTorch has the in-place method `NAME_`.
    private static let pairs: [(name: String, other: String, takesNumber: Bool, inPlace: Bool,
                                apply: @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("xlogy", "other", true, true, { try $0.xlogy($1) }), ("logaddexp", "other", false, false, { try $0.logaddexp($1) }),
        ("logaddexp2", "other", false, false, { try $0.logaddexp2($1) }), ("copysign", "other", true, true, { try $0.copysign($1) }),
        ("fmax", "other", false, false, { try $0.fmax($1) }), ("fmin", "other", false, false, { try $0.fmin($1) }),
        ("float_power", "exponent", true, true, { try $0.floatPower($1) }), ("ldexp", "other", false, true, { try $0.ldexp($1) }),
        ("nextafter", "other", false, true, { try $0.nextafter($1) }),
    ]

    /// The second operand: a tensor, or a number where the op takes one.
    private static func second(_ args: BoundArguments, _ name: String, takesNumber: Bool) throws -> Tensor {
        takesNumber ? try args.operand(name) : try args.tensor(name)
    }

    /// One-tensor ops with an in-place method.
    private static let unary: [(String, @Sendable (Tensor) throws -> Tensor)] = [("sinc", { try $0.sinc() }), ("i0", { try $0.i0() })]

    static var ops: [TorchOp] {
        pairs.map { op in
            TorchOp.tensor(op.name, op.other) { t, args in try op.apply(t, try second(args, op.other, takesNumber: op.takesNumber)) }.withOut
        }
            + unary.map { name, apply in TorchOp.tensor(name) { t, _ in try apply(t) }.withOut }
            + [TorchOp.tensor("heaviside", "values") { t, args in try t.heaviside(try args.tensor("values")) }.withOut,
               TorchOp.tensor("logit", "eps=None") { t, args in try t.logit(eps: try args.optionalScalar("eps")?.doubleValue) }.withOut,
               TorchOp.tensor("mvlgamma", "p") { t, args in try t.mvlgamma(try args.int("p")) }.withOut,
               TorchOp.tensor("signbit") { t, _ in try t.signbit() }.withOut,
               TorchOp.tensor("logcumsumexp", "dim") { t, args in try t.logcumsumexp(dim: try args.int("dim")) }.withOut,
               TorchOp("positive") { t, _ in .tensor(try TorchBridge.run { try t.positive() }) },
               TorchOp("frexp") { t, _ in
                   let (mantissa, exponent) = try TorchBridge.run { try t.frexp() }
                   return TorchReductionBindings.namedTuple("torch.return_types.frexp", ["mantissa": mantissa, "exponent": exponent])
               }]
    }

    /// `torch.xlogy`, which also takes a number first (`torch.xlogy(2, y)`); it replaces the
    /// function of the op of that name.
    static var functions: [PyBuiltin] { [numberFirst("xlogy") { try $0.xlogy($1) }] }

    /// `NAME(input, other, *, out=None)` where either operand may be a number (not both).
    static func numberFirst(_ name: String, _ apply: @escaping (Tensor, Tensor) throws -> Tensor) -> PyBuiltin {
        PyBuiltin("\(name)(input, other, *, out=None)", style: .torch) { args in
            let input: Tensor, other: Tensor
            if case .tensor(let t) = args["input"] {
                (input, other) = (t, try args.operand("other"))
            } else {
                // A number first needs a tensor second.
                other = try args.tensor("other")
                input = try args.operand("input")
            }
            return try TorchOp.storingOut(.tensor(try TorchBridge.run { try apply(input, other) }), of: name, args)
        }
    }

    /// The in-place methods: the result written back into the receiver.
    static var methods: [PyBuiltin] {
        pairs.filter(\.inPlace).map { op in
            tensorMethodReturningTensor("\(op.name)_(self, \(op.other))") { t, args in
                let other = try second(args, op.other, takesNumber: op.takesNumber)
                if op.name == "float_power", t.dtype != .float64 {
                    throw TorchError.runtime("the base given to float_power_ has dtype \(t.dtype.scalarTypeName) but the operation's result requires dtype Double")
                }
                return try t.apply_ { try op.apply($0, other) }
            }
        } + unary.map { name, apply in tensorMethodReturningTensor("\(name)_(self)") { t, _ in try t.apply_(apply) } }
            + [tensorMethodReturningTensor("heaviside_(self, values)") { t, args in
                   let values = try args.tensor("values")
                   return try t.apply_ { try $0.heaviside(values) }
               },
               tensorMethodReturningTensor("logit_(self, eps=None)") { t, args in
                   let eps = try args.optionalScalar("eps")?.doubleValue
                   return try t.apply_ { try $0.logit(eps: eps) }
               },
               tensorMethodReturningTensor("mvlgamma_(self, p)") { t, args in
                   let p = try args.int("p")
                   return try t.apply_ { try $0.mvlgamma(p) }
               }]
    }
}

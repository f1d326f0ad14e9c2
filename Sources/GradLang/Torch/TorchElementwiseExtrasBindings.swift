import GradTensor

/// Elementwise calls beyond the basic math: `xlogy`, `logaddexp`, `logaddexp2`, `copysign`,
/// `fmax`, `fmin`, `heaviside`, `float_power`, `ldexp`, `frexp`, `nextafter`, `signbit`,
/// `positive`, `logit`, `sinc`, `i0`, `mvlgamma`, as `torch.NAME`, methods, and in-place methods
/// where PyTorch has them.
enum TorchElementwiseExtrasBindings {
    /// Tensor-with-tensor-or-number ops, and whether PyTorch has the in-place method `NAME_`.
    private static let pairs: [(name: String, other: String, inPlace: Bool, apply: @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("xlogy", "other", true, { try $0.xlogy($1) }), ("logaddexp", "other", false, { try $0.logaddexp($1) }),
        ("logaddexp2", "other", false, { try $0.logaddexp2($1) }), ("copysign", "other", true, { try $0.copysign($1) }),
        ("fmax", "other", false, { try $0.fmax($1) }), ("fmin", "other", false, { try $0.fmin($1) }),
        ("float_power", "exponent", true, { try $0.floatPower($1) }), ("ldexp", "other", true, { try $0.ldexp($1) }),
        ("nextafter", "other", true, { try $0.nextafter($1) }),
    ]

    /// One-tensor ops with an in-place method.
    private static let unary: [(String, @Sendable (Tensor) throws -> Tensor)] = [("sinc", { try $0.sinc() }), ("i0", { try $0.i0() })]

    static var ops: [TorchOp] {
        pairs.map { op in TorchOp.tensor(op.name, op.other) { t, args in try op.apply(t, try args.operand(op.other)) }.withOut }
            + unary.map { name, apply in TorchOp.tensor(name) { t, _ in try apply(t) }.withOut }
            + [TorchOp.tensor("heaviside", "values") { t, args in try t.heaviside(try args.tensor("values")) }.withOut,
               TorchOp.tensor("logit", "eps=None") { t, args in try t.logit(eps: try args.optionalScalar("eps")?.doubleValue) }.withOut,
               TorchOp.tensor("mvlgamma", "p") { t, args in try t.mvlgamma(try args.int("p")) }.withOut,
               TorchOp.tensor("signbit") { t, _ in try t.signbit() }.withOut,
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
            guard case .tensor = args["input"] else {
                let other = try args.tensor("other")
                let input = try args.operand("input")
                return try TorchOp.storingOut(.tensor(try TorchBridge.run { try apply(input, other) }), of: name, args)
            }
            let (input, other) = (try args.tensor("input"), try args.operand("other"))
            return try TorchOp.storingOut(.tensor(try TorchBridge.run { try apply(input, other) }), of: name, args)
        }
    }

    /// The in-place methods: the result written back into the receiver.
    static var methods: [PyBuiltin] {
        pairs.filter(\.inPlace).map { op in
            tensorMethodReturningTensor("\(op.name)_(self, \(op.other))") { t, args in
                let other = try args.operand(op.other)
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

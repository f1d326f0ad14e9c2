import GradTensor

/// `torch.selu`, `torch.celu`, `torch.threshold` (each with its in-place `_` form),
/// `torch.hardshrink` and the method, and the functional forms `F.threshold`, `F.threshold_`,
/// `F.softshrink`, `F.hardshrink`, `F.glu`.
enum TorchShrinkageBindings {
    /// SELU's constants, as PyTorch's.
    private static let seluAlpha = 1.6732632423543772848170429916717
    private static let seluScale = 1.0507009873554804934193349852946

    /// The functions of `torch`.
    static var functions: [PyBuiltin] {
        [
            activation("selu(input)") { _ in .elu(alpha: seluAlpha, scale: seluScale, inputScale: 1) },
            activation("selu_(input)", inPlace: true) { _ in .elu(alpha: seluAlpha, scale: seluScale, inputScale: 1) },
            activation("celu(input, alpha=1.0)") { .celu(alpha: try $0.scalar("alpha").doubleValue) },
            activation("celu_(input, alpha=1.0)", inPlace: true) { .celu(alpha: try $0.scalar("alpha").doubleValue) },
            transform("threshold(input, threshold, value)", threshold),
            transform("threshold_(input, threshold, value)", inPlace: true, threshold),
            transform("hardshrink(input, lambd=0.5)", hardshrink),
        ]
    }

    /// The functions of `torch.nn.functional`.
    static var functional: [PyBuiltin] {
        [
            transform("threshold(input, threshold, value, inplace=False)", threshold),
            transform("threshold_(input, threshold, value)", inPlace: true, threshold),
            transform("softshrink(input, lambd=0.5)") { t, args in try t.softshrink(try args.scalar("lambd").doubleValue) },
            transform("hardshrink(input, lambd=0.5)", hardshrink),
            transform("glu(input, dim=-1)") { t, args in try t.glu(dim: try args.int("dim")) },
        ]
    }

    static var methods: [PyBuiltin] {
        [tensorMethodReturningTensor("hardshrink(self, lambd=0.5)", hardshrink)]
    }

    private static func threshold(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        try t.threshold(try args.scalar("threshold"), value: try args.scalar("value"))
    }

    private static func hardshrink(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        try t.hardshrink(try args.scalar("lambd").doubleValue)
    }

    private static func activation(_ signature: String, inPlace: Bool = false,
                                   _ kind: @escaping @Sendable (BoundArguments) throws -> Activation) -> PyBuiltin {
        transform(signature, inPlace: inPlace) { t, args in try t.activation(try kind(args)) }
    }

    /// A builtin applying `apply` to its `input`, in place when `inPlace` (or `inplace=True`).
    private static func transform(_ signature: String, inPlace: Bool = false,
                                  _ apply: @escaping (Tensor, BoundArguments) throws -> Tensor) -> PyBuiltin {
        PyBuiltin(signature, style: .torch) { args in
            let input = try args.tensor("input")
            let inPlace = try inPlace || (args.has("inplace") && args.bool("inplace"))
            return .tensor(try TorchBridge.run { inPlace ? try input.apply_ { try apply($0, args) } : try apply(input, args) })
        }
    }
}

import GradTensor

/// Numerical calculus over samples: the trapezoidal rule (`trapezoid`, `trapz`,
/// `cumulative_trapezoid`, over sample points `x` or a constant spacing `dx`) and the
/// differences of `gradient`.
enum TorchIntegrationBindings {
    static var functions: [PyBuiltin] {
        [
            rule("trapezoid(y, x=None, *, dx=None, dim=-1)", cumulative: false),
            rule("trapz(y, x=None, *, dx=None, dim=-1)", cumulative: false),
            rule("cumulative_trapezoid(y, x=None, *, dx=None, dim=-1)", cumulative: true),
            PyBuiltin("gradient(input, *, spacing=1, dim=None, edge_order=1)", style: .torch) { args in
                let t = try args.receiver
                let dims = try args.dims("dim") ?? Array(0..<t.rank)
                let spacings = try sampleSpacings(args, count: dims.count, dimGiven: !args["dim"].isNone, rank: t.rank)
                let edgeOrder = try args.int("edge_order")
                let parts = try TorchBridge.run { try t.numericalGradient(spacings: spacings, dims: dims, edgeOrder: edgeOrder) }
                return .object(PyTuple(parts.map(Value.tensor)))
            },
        ]
    }

    /// `spacing=`: one number for every dimension, or a list of numbers or of coordinate tensors,
    /// one per dimension.
    private static func sampleSpacings(_ args: BoundArguments, count: Int, dimGiven: Bool, rank: Int) throws -> [Tensor.SampleSpacing] {
        if let number = args["spacing"].asScalar { return Array(repeating: .uniform(number.doubleValue), count: count) }
        guard let items = args["spacing"].sequenceItems else {
            throw args.mismatch("spacing", expected: "tuple of floats", got: args["spacing"])
        }
        guard items.count == count else {
            throw PyError.runtime(dimGiven
                ? "torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments to have the same length, but got a spacing argument of length \(items.count) and a dim argument of length \(count)."
                : "torch.gradient expected spacing to be unspecified, a scalar, or a list of length equal to 'self.dim() = \(rank)', since dim argument was not given, but got a list of length \(items.count)")
        }
        return try items.map { item in
            if case .tensor(let x) = item { return .coordinates(x) }
            guard let number = item.asScalar else { throw args.mismatch("spacing", expected: "tuple of floats", got: item) }
            return .uniform(number.doubleValue)
        }
    }

    /// Given both `x` and `dx`, PyTorch's parser finds no overload; `dx` defaults to 1.
    private static func rule(_ signature: String, cumulative: Bool) -> PyBuiltin {
        PyBuiltin(signature, style: .torch) { args in
            let (y, dim) = (try args.tensor("y"), try args.int("dim"))
            if case .tensor(let x) = args["x"] {
                guard args["dx"].isNone else {
                    throw PyError.type("\(args.functionName)() received an invalid combination of arguments - got both x and dx")
                }
                return .tensor(try TorchBridge.run {
                    cumulative ? try y.cumulativeTrapezoid(x: x, dim: dim) : try y.trapezoid(x: x, dim: dim)
                })
            }
            if !args["x"].isNone { throw args.mismatch("x", expected: "Tensor", got: args["x"]) }
            let dx = try args.optionalScalar("dx") ?? .int(1)
            return .tensor(try TorchBridge.run {
                cumulative ? try y.cumulativeTrapezoid(dx: dx, dim: dim) : try y.trapezoid(dx: dx, dim: dim)
            })
        }
    }
}

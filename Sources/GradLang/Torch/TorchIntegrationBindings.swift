import GradTensor

/// The trapezoidal rule: `trapezoid`, `trapz` and `cumulative_trapezoid`, over sample points
/// `x` or a constant spacing `dx`.
enum TorchIntegrationBindings {
    static var functions: [PyBuiltin] {
        [
            rule("trapezoid(y, x=None, *, dx=None, dim=-1)", cumulative: false),
            rule("trapz(y, x=None, *, dx=None, dim=-1)", cumulative: false),
            rule("cumulative_trapezoid(y, x=None, *, dx=None, dim=-1)", cumulative: true),
        ]
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

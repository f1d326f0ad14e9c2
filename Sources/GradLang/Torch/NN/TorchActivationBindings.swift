import GradTensor

/// The activations that are one op each in PyTorch (`gelu`, `elu`, `silu`, ...), bound as the
/// private kernels that NNFunctionalSource's `F.gelu`, `F.elu`, ... call after their checks.
enum TorchActivationBindings {
    static var functions: [PyBuiltin] {
        [
            activation("_gelu(input, tanh, inplace=False)") { .gelu(tanhApproximation: try $0.bool("tanh")) },
            activation("_elu(input, alpha, scale, input_scale, inplace=False)") {
                .elu(alpha: try $0.scalar("alpha").doubleValue, scale: try $0.scalar("scale").doubleValue,
                     inputScale: try $0.scalar("input_scale").doubleValue)
            },
            activation("_celu(input, alpha, inplace=False)") { .celu(alpha: try $0.scalar("alpha").doubleValue) },
            activation("_silu(input, inplace=False)") { _ in .silu },
            activation("_mish(input, inplace=False)") { _ in .mish },
            activation("_softplus(input, beta, threshold, inplace=False)") {
                .softplus(beta: try $0.scalar("beta").doubleValue, threshold: try $0.scalar("threshold").doubleValue)
            },
            activation("_leaky_relu(input, negative_slope, inplace=False)") { .leakyRelu(slope: try $0.scalar("negative_slope").doubleValue) },
            activation("_hardtanh(input, min_val, max_val, inplace=False)") {
                .hardtanh(min: try $0.scalar("min_val").doubleValue, max: try $0.scalar("max_val").doubleValue)
            },
            activation("_hardswish(input, inplace=False)") { _ in .hardswish },
            activation("_hardsigmoid(input, inplace=False)") { _ in .hardsigmoid },
            activation("_logsigmoid(input, inplace=False)") { _ in .logSigmoid },
        ]
    }

    /// A builtin applying the activation that `kind` reads from the arguments, in place when asked.
    private static func activation(_ signature: String, _ kind: @escaping @Sendable (BoundArguments) throws -> Activation) -> PyBuiltin {
        PyBuiltin(signature) { args in
            let (input, kind, inplace) = (try args.tensor("input"), try kind(args), try args.bool("inplace"))
            return .tensor(try TorchBridge.run {
                inplace ? try input.apply_ { try $0.activation(kind) } : try input.activation(kind)
            })
        }
    }
}

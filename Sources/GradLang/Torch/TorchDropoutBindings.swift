import GradTensor

/// `torch.nn.functional.dropout` and `torch.dropout`: dropout masks drawn from the default
/// generator as PyTorch's CPU kernel draws them.
enum TorchDropoutBindings {
    /// `torch.nn.functional.dropout`, whose Python checks p (a ValueError).
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("dropout(input, p=0.5, training=True, inplace=False)", style: .torch) { args in
                let p = try args.scalar("p").doubleValue
                if p < 0 || p > 1 {
                    throw PyError.value("dropout probability has to be between 0 and 1, but got \(Repr.repr(args["p"]))")
                }
                return try dropout(args, p: p, training: try args.bool("training"), inPlace: try args.bool("inplace"))
            },
        ]
    }

    /// `torch.dropout(input, p, train)`, checked in C++ (a RuntimeError).
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("dropout(input, p, train)", style: .torch) { args in
                let p = try args.scalar("p").doubleValue
                if !(p >= 0 && p <= 1) {
                    throw PyError.runtime("dropout probability has to be between 0 and 1, but got \(TorchRandomBindings.cNumber(p))")
                }
                return try dropout(args, p: p, training: try args.bool("train"), inPlace: false)
            },
        ]
    }

    private static func dropout(_ args: BoundArguments, p: Double, training: Bool, inPlace: Bool) throws -> Value {
        let t = try args.tensor("input")
        return .tensor(try TorchBridge.run { try t.dropout(p, training: training, inPlace: inPlace) })
    }
}

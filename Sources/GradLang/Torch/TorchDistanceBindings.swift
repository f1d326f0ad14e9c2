import GradTensor

/// Distances and norms: `dist`, `renorm` (functions and methods), `renorm_` and the function
/// `pairwise_distance`.
enum TorchDistanceBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("dist", "other, p=2") { t, args in
                try t.distance(to: try args.operand("other"), p: try args.scalar("p").doubleValue)
            },
            TorchOp.tensor("renorm", "p, dim, maxnorm") { t, args in
                try t.renorm(p: try args.scalar("p").doubleValue, dim: try args.int("dim"), maxnorm: try args.scalar("maxnorm").doubleValue)
            }.withOut,
        ]
    }

    /// `renorm_`, in place.
    static var methods: [PyBuiltin] {
        [tensorMethodReturningTensor("renorm_(self, p, dim, maxnorm)") { t, args in
            let (p, dim, maxnorm) = (try args.scalar("p").doubleValue, try args.int("dim"), try args.scalar("maxnorm").doubleValue)
            return try t.apply_ { try $0.renorm(p: p, dim: dim, maxnorm: maxnorm) }
        }]
    }

    static var functions: [PyBuiltin] {
        [PyBuiltin("pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False)", style: .torch) { args in
            let (x1, x2) = (try args.tensor("x1"), try args.tensor("x2"))
            let (p, eps) = (try args.scalar("p").doubleValue, try args.scalar("eps").doubleValue)
            let keepdim = try args.bool("keepdim")
            return .tensor(try TorchBridge.run { try Tensor.pairwiseDistance(x1, x2, p: p, eps: eps, keepdim: keepdim) })
        }]
    }
}

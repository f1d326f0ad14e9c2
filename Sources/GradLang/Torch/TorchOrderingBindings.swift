import GradTensor

/// Ops along a dimension that depend on the elements' order: `cumsum`, `cumprod`.
enum TorchOrderingBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("cumsum", "dim, *, dtype=None") { t, args in
                try t.cumsum(dim: try args.int("dim"), dtype: try args.dtype())
            },
            TorchOp.tensor("cumprod", "dim, *, dtype=None") { t, args in
                try t.cumprod(dim: try args.int("dim"), dtype: try args.dtype())
            },
        ]
    }
}

import GradTensor

/// Ops that move or repeat elements: `flip`, `fliplr`, `flipud`, `roll`.
enum TorchRearrangeBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("flip", "*dims") { t, args in try t.flip(try args.size(varargs: "dims")) },
            TorchOp.tensor("fliplr") { t, _ in
                if t.rank < 2 { throw TorchError.runtime("Input must be >= 2-d.") }
                return try t.flip([1])
            },
            TorchOp.tensor("flipud") { t, _ in
                if t.rank < 1 { throw TorchError.runtime("Input must be >= 1-d.") }
                return try t.flip([0])
            },
            TorchOp.tensor("roll", "shifts, dims=None") { t, args in
                try t.roll(try args.dims("shifts") ?? [], dims: try args.dims("dims") ?? [])
            },
        ]
    }
}

import GradTensor

/// Ops that move or repeat elements, or keep some of a matrix's: `flip`, `fliplr`, `flipud`,
/// `roll`, `repeat`, `tile`, `repeat_interleave`, `diag`, `diagonal`, `tril`, `triu`, `trace`,
/// `diff`.
enum TorchRearrangeBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("flip", "*sizes, dims=None") { t, args in try t.flip(try args.size(varargs: "sizes", keyword: "dims")) },
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
            TorchOp.tensor("tile", "dims") { t, args in try t.tile(try args.dims("dims") ?? []) },
            TorchOp.tensor("repeat_interleave", "repeats=None, dim=None, *, output_size=None") { t, args in
                let dim = try args.optionalInt("dim")
                if args["repeats"].isNone { return try t.repeatInterleave() }
                if case .tensor(let repeats) = args["repeats"] { return try t.repeatInterleave(repeats, dim: dim) }
                return try t.repeatInterleave(try args.int("repeats"), dim: dim)
            },
            TorchOp.tensor("diag", "diagonal=0") { t, args in try t.diag(try args.int("diagonal")) },
            TorchOp.tensor("diagonal", "offset=0, dim1=0, dim2=1") { t, args in
                try t.diagonal(offset: try args.int("offset"), dim1: try args.int("dim1"), dim2: try args.int("dim2"))
            },
            TorchOp.tensor("tril", "diagonal=0") { t, args in try t.tril(try args.int("diagonal")) },
            TorchOp.tensor("triu", "diagonal=0") { t, args in try t.triu(try args.int("diagonal")) },
            TorchOp.tensor("trace") { t, _ in try t.trace() },
            TorchOp.tensor("diff", "n=1, dim=-1, prepend=None, append=None") { t, args in
                let prepend = args["prepend"].isNone ? nil : try args.operand("prepend")
                let append = args["append"].isNone ? nil : try args.operand("append")
                return try t.diff(n: try args.int("n"), dim: try args.int("dim"), prepend: prepend, append: append)
            },
        ]
    }

    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("repeat(self, *sizes)") { t, args in try t.repeat(try args.size(varargs: "sizes")) },
            tensorMethodReturningTensor("tril_(self, diagonal=0)") { t, args in
                let k = try args.int("diagonal")
                return try t.apply_ { try $0.tril(k) }
            },
            tensorMethodReturningTensor("triu_(self, diagonal=0)") { t, args in
                let k = try args.int("diagonal")
                return try t.apply_ { try $0.triu(k) }
            },
        ]
    }
}

import GradTensor

/// Ops that choose elements by index tensors or masks: `gather`, `scatter`, `scatter_add`,
/// `index_select`, `index_add`, `index_copy`, `index_fill`, `take`, `masked_fill`,
/// `masked_select`, `nonzero`, `argwhere`, `count_nonzero`, and `where` (with one argument, the
/// nonzero coordinates).
enum TorchSelectionBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("gather", "dim, index, *, sparse_grad=False") { t, args in
                try t.gather(dim: try args.int("dim"), index: try args.tensor("index"))
            },
            TorchOp.tensor("scatter", "dim, index, src=None, value=None") { t, args in try scatter(t, args, add: false) },
            TorchOp.tensor("scatter_add", "dim, index, src") { t, args in try scatter(t, args, add: true) },
            TorchOp.tensor("index_select", "dim, index") { t, args in
                try t.indexSelect(dim: try args.int("dim"), index: try args.tensor("index"))
            },
            TorchOp.tensor("index_add", "dim, index, source, *, alpha=1") { t, args in
                try t.indexAdd(dim: try args.int("dim"), index: try args.tensor("index"), source: try args.tensor("source"),
                               alpha: try args.scalar("alpha") == .int(1) ? nil : try args.scalar("alpha"))
            },
            TorchOp.tensor("index_copy", "dim, index, source") { t, args in
                try t.indexCopy(dim: try args.int("dim"), index: try args.tensor("index"), source: try args.tensor("source"))
            },
            TorchOp.tensor("index_fill", "dim, index, value") { t, args in
                try t.indexFill(dim: try args.int("dim"), index: try args.tensor("index"), value: try args.scalar("value"))
            },
            TorchOp.tensor("take", "index") { t, args in try t.take(try args.tensor("index")) },
            TorchOp.tensor("masked_fill", "mask, value") { t, args in
                try t.maskedFill(try args.tensor("mask"), try fillValue(args))
            },
            TorchOp.tensor("masked_select", "mask") { t, args in try t.maskedSelect(try args.tensor("mask")) },
            TorchOp("nonzero", "*, as_tuple=False") { t, args in
                let coordinates = try TorchBridge.run { try t.nonzero() }
                return try args.bool("as_tuple") ? try columns(coordinates, rank: t.rank) : .tensor(coordinates)
            },
            TorchOp.tensor("argwhere") { t, _ in try t.nonzero() },
            TorchOp.tensor("count_nonzero", "dim=None") { t, args in try t.countNonzero(dims: try args.dims("dim")) },
        ]
    }

    /// In-place forms, recorded as the op's node.
    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("masked_fill_(self, mask, value)") { t, args in
                let (mask, value) = (try args.tensor("mask"), try fillValue(args))
                return try t.apply_ { try $0.maskedFill(mask, value) }
            },
            tensorMethodReturningTensor("scatter_(self, dim, index, src=None, value=None)") { t, args in
                try t.apply_ { try scatter($0, args, add: false) }
            },
            tensorMethodReturningTensor("scatter_add_(self, dim, index, src)") { t, args in
                try t.apply_ { try scatter($0, args, add: true) }
            },
            tensorMethodReturningTensor("where(self, condition, other)") { t, args in
                try Tensor.where(try condition(args), t, try args.operand("other"))
            },
        ]
    }

    /// `torch.where(condition, input, other)`, or `torch.where(condition)`: `nonzero(as_tuple=True)`.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("where(condition, input=None, other=None)", style: .torch) { args in
                let condition = try condition(args)
                if args["input"].isNone && args["other"].isNone {
                    return try columns(try TorchBridge.run { try condition.nonzero() }, rank: condition.rank)
                }
                let (a, b) = (try args.operand("input"), try args.operand("other"))
                return .tensor(try TorchBridge.run { try Tensor.where(condition, a, b) })
            },
        ]
    }

    /// A bool condition, as `where` requires.
    private static func condition(_ args: BoundArguments) throws -> Tensor {
        let condition = try args.tensor("condition")
        if condition.dtype != .bool {
            throw PyError.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype.scalarTypeName)")
        }
        return condition
    }

    /// `scatter` with `src` or `value`, or `scatter_add`.
    private static func scatter(_ t: Tensor, _ args: BoundArguments, add: Bool) throws -> Tensor {
        let (dim, index) = (try args.int("dim"), try args.tensor("index"))
        if case .tensor(let source) = args["src"] {
            return add ? try t.scatterAdd(dim: dim, index: index, source: source) : try t.scatter(dim: dim, index: index, source: source)
        }
        let value = args["src"].isNone ? try args.scalar("value") : try args.scalar("src")
        return try t.scatter(dim: dim, index: index, value: value)
    }

    /// masked_fill's value: a number or a tensor (which must be 0-dim).
    private static func fillValue(_ args: BoundArguments) throws -> Tensor {
        if case .tensor(let v) = args["value"] { return v }
        return try .wrapping(try args.scalar("value"))
    }

    /// The columns of `nonzero`'s result as a tuple of vectors (`as_tuple=True`).
    private static func columns(_ coordinates: Tensor, rank: Int) throws -> Value {
        let count = Swift.max(rank, 1)
        let parts = try TorchBridge.run {
            try (0..<count).map { d in
                rank == 0 ? try Tensor(zeros: [coordinates.shape[0]], dtype: .int64)
                          : try coordinates.transpose(0, 1).unbind(dim: 0)[d].contiguous()
            }
        }
        return .object(PyTuple(parts.map(Value.tensor)))
    }
}

import GradTensor

/// Ops that choose elements by index tensors or masks: `gather`, `scatter`, `scatter_add`, `scatter_reduce`,
/// `index_select`, `index_add`, `index_copy`, `index_fill`, `index_reduce`, `take`, `masked_fill`,
/// `masked_select`, `nonzero`, `argwhere`, `count_nonzero`, and `where` (with one argument, the
/// nonzero coordinates).
enum TorchSelectionBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("gather", "dim, index, *, sparse_grad=False") { t, args in
                try t.gather(dim: try args.int("dim"), index: try args.tensor("index"))
            },
            TorchOp.tensor("scatter", "dim, index, src=None, value=None, *, reduce=None") { t, args in try scatter(t, args, add: false)(t) },
            TorchOp.tensor("scatter_add", "dim, index, src") { t, args in try scatter(t, args, add: true)(t) },
            TorchOp.tensor("scatter_reduce", "dim, index, src, reduce, *, include_self=True") { t, args in try scatterReduce(args)(t) },
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
            TorchOp.tensor("index_reduce", "dim, index, source, reduce, *, include_self=True") { t, args in try indexReduce(args)(t) },
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
            tensorMethodReturningTensor("scatter_(self, dim, index, src=None, value=None, *, reduce=None)") { t, args in
                try inPlace(t, reading: args["src"], try scatter(t, args, add: false))
            },
            tensorMethodReturningTensor("scatter_add_(self, dim, index, src)") { t, args in
                try inPlace(t, reading: args["src"], try scatter(t, args, add: true))
            },
            tensorMethodReturningTensor("scatter_reduce_(self, dim, index, src, reduce, *, include_self=True)") { t, args in
                try inPlace(t, reading: args["src"], try scatterReduce(args))
            },
            tensorMethodReturningTensor("index_reduce_(self, dim, index, source, reduce, *, include_self=True)") { t, args in
                try inPlace(t, reading: args["source"], try indexReduce(args))
            },
            tensorMethodReturningTensor("where(self, condition, other)") { t, args in
                try Tensor.where(try condition(args), t, try args.operand("other"))
            },
        ]
    }

    /// `target` replaced by `compute` of it, recorded as reading `source` too when that is a
    /// tensor (so a source requiring grad makes the result require it, as in PyTorch).
    private static func inPlace(_ target: Tensor, reading source: Value, _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        guard case .tensor(let source) = source else { return try target.apply_(compute) }
        return try target.updated(reading: source, compute)
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

    /// `scatter` with `src` or `value` (and `reduce=`), or `scatter_add`, for `target`.
    private static func scatter(_ target: Tensor, _ args: BoundArguments, add: Bool) throws -> (Tensor) throws -> Tensor {
        let (dim, index) = (try args.int("dim"), try args.tensor("index"))
        let reduce = add ? nil : try args.optionalString("reduce")
        if case .tensor(let source) = args["src"] {
            if !args["value"].isNone {
                throw PyError.type("scatter() received an invalid combination of arguments: a tensor src and a value")
            }
            if add { return { try $0.scatterAdd(dim: dim, index: index, source: source) } }
            guard let reduce else { return { try $0.scatter(dim: dim, index: index, source: source) } }
            try args.interpreter.warnOnce("The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a future PyTorch release. Use torch.scatter_reduce instead for more reduction options. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:224.)")
            let reduction = try scatterReduction(reduce)
            return { try $0.scatter(dim: dim, index: index, source: source, reduce: reduction) }
        }
        let value = args["src"].isNone ? try args.scalar("value") : try args.scalar("src")
        guard let reduce else { return { try $0.scatter(dim: dim, index: index, value: value) } }
        let reduction = try scatterReduction(reduce)
        return { try $0.scatter(dim: dim, index: index, value: value, reduce: reduction) }
    }

    /// `scatter`'s `reduce=` names.
    private static func scatterReduction(_ name: String) throws -> ScatterReduction {
        switch name {
        case "add": .sum
        case "multiply": .prod
        default: throw PyError.runtime("reduce argument must be either add or multiply.")
        }
    }

    /// `scatter_reduce(dim, index, src, reduce, include_self)`; "max" and "min" name amax and amin.
    private static func scatterReduce(_ args: BoundArguments) throws -> (Tensor) throws -> Tensor {
        let (dim, index, source) = (try args.int("dim"), try args.tensor("index"), try args.tensor("src"))
        let name = try args.string("reduce"), includeSelf = try args.bool("include_self")
        guard let reduce = ScatterReduction(rawValue: name == "max" ? "amax" : name == "min" ? "amin" : name) else {
            throw PyError.runtime("reduce argument must be either sum, prod, mean, amax or amin, got \(name)")
        }
        return { try $0.scatterReduce(dim: dim, index: index, source: source, reduce: reduce, includeSelf: includeSelf) }
    }

    /// `index_reduce(dim, index, source, reduce, include_self)`, with PyTorch's warning that it is in beta.
    private static func indexReduce(_ args: BoundArguments) throws -> (Tensor) throws -> Tensor {
        let (dim, index, source) = (try args.int("dim"), try args.tensor("index"), try args.tensor("source"))
        let name = try args.string("reduce"), includeSelf = try args.bool("include_self")
        guard let reduce = ScatterReduction(rawValue: name) else {
            throw PyError.runtime("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got \(name).")
        }
        let warn = { try args.interpreter.warnOnce("index_reduce() is in beta and the API may change at any time. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:1522.)") }
        return { try $0.indexReduce(dim: dim, index: index, source: source, reduce: reduce, includeSelf: includeSelf, beforeReducing: warn) }
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

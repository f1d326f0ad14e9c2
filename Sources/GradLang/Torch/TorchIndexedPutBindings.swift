import GradTensor

/// Indexed writes as calls: `index_put`/`index_put_` (a tuple of index tensors), `put`/`put_`,
/// `masked_scatter`/`masked_scatter_`, and the in-place `index_add_`, `index_copy_` and
/// `index_fill_` (whose out-of-place forms are in TorchSelectionBindings).
enum TorchIndexedPutBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("index_put", "indices, values, accumulate=False") { t, args in try indexPut(args)(t) },
            TorchOp.tensor("put", "index, source, accumulate=False") { t, args in try put(args)(t) },
            TorchOp.tensor("masked_scatter", "mask, source") { t, args in try maskedScatter(args)(t) },
        ]
    }

    /// The in-place methods, recorded as their op's node (or CopySlices through a view).
    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("index_put_(self, indices, values, accumulate=False)") { t, args in
                try t.updated(reading: try args.tensor("values"), try indexPut(args))
            },
            tensorMethodReturningTensor("put_(self, index, source, accumulate=False)") { t, args in
                try t.updated(reading: try args.tensor("source"), try put(args))
            },
            tensorMethodReturningTensor("masked_scatter_(self, mask, source)") { t, args in
                try t.updated(reading: try args.tensor("source"), try maskedScatter(args))
            },
            tensorMethodReturningTensor("index_add_(self, dim, index, source, *, alpha=1)") { t, args in
                let (dim, index, source) = (try args.int("dim"), try args.tensor("index"), try args.tensor("source"))
                let alpha = try args.scalar("alpha") == .int(1) ? nil : try args.scalar("alpha")
                return try t.updated(reading: source) { try $0.indexAdd(dim: dim, index: index, source: source, alpha: alpha) }
            },
            tensorMethodReturningTensor("index_copy_(self, dim, index, source)") { t, args in
                let (dim, index, source) = (try args.int("dim"), try args.tensor("index"), try args.tensor("source"))
                return try t.updated(reading: source) { try $0.indexCopy(dim: dim, index: index, source: source) }
            },
            tensorMethodReturningTensor("index_fill_(self, dim, index, value)") { t, args in
                let (dim, index) = (try args.int("dim"), try args.tensor("index"))
                if case .tensor(let v) = args["value"], v.rank > 0 {
                    throw PyError.runtime("index_fill_ only supports a 0-dimensional value tensor, but got tensor with \(v.rank) dimension(s).")
                }
                let value = try args.scalar("value")
                return try t.apply_ { try $0.indexFill(dim: dim, index: index, value: value) }
            },
        ]
    }

    /// `torch.index_put_(input, indices, values, accumulate)`.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("index_put_(input, indices, values, accumulate=False)", style: .torch) { args in
                let t = try args.receiver
                return .tensor(try TorchBridge.run { try t.updated(reading: try args.tensor("values"), try indexPut(args)) })
            },
        ]
    }

    /// `index_put`'s work for a target: `indices` a tuple or list of tensors.
    private static func indexPut(_ args: BoundArguments) throws -> (Tensor) throws -> Tensor {
        let given = args["indices"]
        guard let items = given.sequenceItems, given.typeName == "tuple" || given.typeName == "list" else {
            throw args.mismatch("indices", expected: "tuple of Tensors", got: given)
        }
        let indices = try items.enumerated().map { k, item -> Tensor in
            guard case .tensor(let t) = item else {
                throw PyError.type("expected Tensor as element \(k) in argument 0, but got \(item.typeName)")
            }
            return t
        }
        let (values, accumulate) = (try args.tensor("values"), try args.bool("accumulate"))
        return { try $0.indexPut(indices, values: values, accumulate: accumulate) }
    }

    private static func put(_ args: BoundArguments) throws -> (Tensor) throws -> Tensor {
        let (index, source, accumulate) = (try args.tensor("index"), try args.tensor("source"), try args.bool("accumulate"))
        return { try $0.put(index, source: source, accumulate: accumulate) }
    }

    private static func maskedScatter(_ args: BoundArguments) throws -> (Tensor) throws -> Tensor {
        let (mask, source) = (try args.tensor("mask"), try args.tensor("source"))
        return { try $0.maskedScatter(mask, source: source) }
    }
}

import GradTensor

/// Reductions: `sum`, `nansum`, `mean`, `nanmean`, `prod`, `var`/`std`, `max`/`min` (all elements, or along a dim as a named tuple),
/// `all`/`any`, `argmax`/`argmin`, `norm`, `softmax`/`log_softmax`, `logsumexp`.
enum TorchReductionBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("sum", "dim=None, keepdim=False, *, dtype=None") { t, args in
                try t.sum(dims: try args.dims("dim"), keepdim: try args.bool("keepdim"), dtype: try args.dtype())
            },
            TorchOp.tensor("mean", "dim=None, keepdim=False, *, dtype=None") { t, args in
                let input = try args.dtype().map { try t.to($0) } ?? t
                return try input.mean(dims: try args.dims("dim"), keepdim: try args.bool("keepdim"))
            },
            TorchOp.tensor("nansum", "dim=None, keepdim=False, *, dtype=None") { t, args in
                try t.nansum(dims: try args.dims("dim"), keepdim: try args.bool("keepdim"), dtype: try args.dtype())
            },
            TorchOp.tensor("nanmean", "dim=None, keepdim=False, *, dtype=None") { t, args in
                try t.nanmean(dims: try args.dims("dim"), keepdim: try args.bool("keepdim"), dtype: try args.dtype())
            },
            TorchOp.tensor("prod", "dim=None, keepdim=False, *, dtype=None") { t, args in
                try t.prod(dim: try args.optionalInt("dim"), keepdim: try args.bool("keepdim"), dtype: try args.dtype())
            },
            TorchOp.tensor("var", spreadParameters) { t, args in
                try t.variance(dims: try args.dims("dim"), correction: try correction(args), keepdim: try args.bool("keepdim"))
            },
            TorchOp.tensor("std", spreadParameters) { t, args in
                try t.standardDeviation(dims: try args.dims("dim"), correction: try correction(args), keepdim: try args.bool("keepdim"))
            },
            extreme("max", isMax: true),
            extreme("min", isMax: false),
            TorchOp.tensor("amax", "dim=None, keepdim=False") { t, args in
                try t.extremes(along: try args.dims("dim") ?? [], keepdim: try args.bool("keepdim"), isMax: true)
            }.withOut,
            TorchOp.tensor("amin", "dim=None, keepdim=False") { t, args in
                try t.extremes(along: try args.dims("dim") ?? [], keepdim: try args.bool("keepdim"), isMax: false)
            }.withOut,
            TorchOp.tensor("all", "dim=None, keepdim=False") { t, args in
                // No zero anywhere: the count of zeros is 0.
                try t.eq(.wrapping(.int(0))).sum(dims: try args.dims("dim"), keepdim: try args.bool("keepdim")).eq(.wrapping(.int(0)))
                    .to(t.dtype == .uint8 ? .uint8 : .bool)
            },
            // uint8 tensors answer in uint8, as in PyTorch.
            TorchOp.tensor("any", "dim=None, keepdim=False") { t, args in
                try t.ne(.wrapping(.int(0))).sum(dims: try args.dims("dim"), keepdim: try args.bool("keepdim")).gt(.wrapping(.int(0)))
                    .to(t.dtype == .uint8 ? .uint8 : .bool)
            },
            TorchOp.tensor("argmax", "dim=None, keepdim=False") { t, args in
                try t.argmax(dim: try args.optionalInt("dim"), keepdim: try args.bool("keepdim"))
            },
            TorchOp.tensor("argmin", "dim=None, keepdim=False") { t, args in
                try t.argmin(dim: try args.optionalInt("dim"), keepdim: try args.bool("keepdim"))
            },
            TorchOp.tensor("norm", "p='fro', dim=None, keepdim=False, dtype=None") { t, args in
                let input = try args.dtype().map { try t.to($0) } ?? t
                return try input.vectorNorm(p: try order(args), dims: try args.dims("dim"), keepdim: try args.bool("keepdim"))
            },
            TorchOp.tensor("softmax", "dim, dtype=None") { t, args in
                try softmax(t, dim: try args.int("dim"), dtype: try args.dtype(), log: false)
            },
            TorchOp.tensor("log_softmax", "dim, dtype=None") { t, args in
                try softmax(t, dim: try args.int("dim"), dtype: try args.dtype(), log: true)
            },
            TorchOp.tensor("logsumexp", "dim, keepdim=False") { t, args in
                try t.logsumexp(dims: try args.dims("dim") ?? [], keepdim: try args.bool("keepdim"))
            },
        ]
    }

    static let spreadParameters = "dim=None, unbiased=True, keepdim=False, *, correction=None"

    /// `var`/`std`: `correction=` wins over `unbiased=` (True: 1, False: 0).
    static func correction(_ args: BoundArguments) throws -> Double {
        if !args["correction"].isNone { return try args.scalar("correction").doubleValue }
        return try args.bool("unbiased") ? 1 : 0
    }

    /// `norm(p=...)`: a number, or 'fro' (the 2-norm of all elements).
    private static func order(_ args: BoundArguments) throws -> Double {
        switch args["p"] {
        case .none: return 2
        case .str(let p) where p.string == "fro": return 2
        case .str(let other):
            throw PyError(PyExc.notImplementedError, "norm(p='\(other.string)') is not supported by grad; use p='fro' or a number")
        default: return try args.scalar("p").doubleValue
        }
    }

    /// `softmax(dim, dtype)`: the input is cast to `dtype` first, as PyTorch does.
    static func softmax(_ t: Tensor, dim: Int, dtype: DType?, log: Bool) throws -> Tensor {
        let input = try dtype.map { try t.to($0) } ?? t
        return log ? try input.logSoftmax(dim: dim) : try input.softmax(dim: dim)
    }

    /// `max()` → the largest element; `max(dim, keepdim)` → `torch.return_types.max(values, indices)`.
    private static func extreme(_ name: String, isMax: Bool) -> TorchOp {
        TorchOp(name, "dim=None, keepdim=False") { t, args in
            if case .tensor(let other) = args["dim"] {
                return .tensor(try TorchBridge.run { isMax ? try t.maximum(other) : try t.minimum(other) })
            }
            guard let dim = try args.optionalInt("dim") else {
                return .tensor(try TorchBridge.run { isMax ? try t.max() : try t.min() })
            }
            let keepdim = try args.bool("keepdim")
            let (values, indices) = try TorchBridge.run {
                isMax ? try t.max(dim: dim, keepdim: keepdim) : try t.min(dim: dim, keepdim: keepdim)
            }
            return namedTuple("torch.return_types.\(name)", ["values": values, "indices": indices])
        }
    }

    /// The structseq PyTorch returns: prints as `torch.return_types.max(values=..., indices=...)`,
    /// unpacks and indexes like a tuple, and answers `.values` / `.indices`.
    static func namedTuple(_ type: String, _ fields: KeyValuePairs<String, Tensor>) -> Value {
        .object(PyTuple(fields.map { .tensor($0.value) }, kind: .named(type: type, fields: fields.map(\.key))))
    }
}

/// Field access on named tuples (`result.values`) and `torch.Size.numel()`; plain tuples have no
/// such attributes.
extension PyTuple: PyAttributeProviding {
    public func attribute(_ name: String) throws -> Value? {
        if kind == .torchSize {
            return name == "numel" ? .object(PyBoundMethod(receiver: .object(self), function: TorchTypeObjects.sizeNumel)) : nil
        }
        guard let fields = kind.fields, let i = fields.firstIndex(of: name), i < items.count else { return nil }
        return items[i]
    }
}

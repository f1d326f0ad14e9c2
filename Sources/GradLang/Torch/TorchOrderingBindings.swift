import GradTensor

/// Ops along a dimension that depend on the elements' order: `cumsum`, `cumprod`, `sort`,
/// `argsort`, `msort`, `topk`, `kthvalue`, `unique`, `unique_consecutive`, `cummax`, `cummin`,
/// and the searches `searchsorted`, `bucketize`, `triu_indices`, `tril_indices`.
enum TorchOrderingBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("cumsum", "dim, *, dtype=None") { t, args in
                try t.cumsum(dim: try args.int("dim"), dtype: try args.dtype())
            },
            TorchOp.tensor("cumprod", "dim, *, dtype=None") { t, args in
                try t.cumprod(dim: try args.int("dim"), dtype: try args.dtype())
            },
            TorchOp("sort", "dim=-1, descending=False, *, stable=None") { t, args in
                let (dim, descending) = (try args.int("dim"), try args.bool("descending"))
                let stable = args["stable"].isNone ? nil : try args.bool("stable")
                return pair("sort", try TorchBridge.run { try t.sort(dim: dim, descending: descending, stable: stable) })
            },
            TorchOp.tensor("argsort", "dim=-1, descending=False, *, stable=False") { t, args in
                try t.sort(dim: try args.int("dim"), descending: try args.bool("descending"), stable: try args.bool("stable")).indices.detach()
            },
            TorchOp.tensor("msort") { t, _ in try t.sort(dim: 0).values },
            TorchOp("topk", "k, dim=-1, largest=True, sorted=True") { t, args in
                let (k, dim) = (try args.int("k"), try args.int("dim"))
                let (largest, sorted) = (try args.bool("largest"), try args.bool("sorted"))
                return pair("topk", try TorchBridge.run { try t.topk(k, dim: dim, largest: largest, sorted: sorted) })
            },
            TorchOp("cummax", "dim") { t, args in
                let dim = try args.int("dim")
                return pair("cummax", try TorchBridge.run { try t.cummax(dim: dim) })
            },
            TorchOp("cummin", "dim") { t, args in
                let dim = try args.int("dim")
                return pair("cummin", try TorchBridge.run { try t.cummin(dim: dim) })
            },
            TorchOp("kthvalue", "k, dim=-1, keepdim=False") { t, args in
                let (k, dim, keepdim) = (try args.int("k"), try args.int("dim"), try args.bool("keepdim"))
                return pair("kthvalue", try TorchBridge.run { try t.kthvalue(k, dim: dim, keepdim: keepdim) })
            },
        ] + distinct
    }

    /// `unique` and `unique_consecutive`: the values alone, or a tuple with the inverse and counts asked for.
    private static var distinct: [TorchOp] {
        [("unique", "sorted=True, return_inverse=False, return_counts=False, dim=None"),
         ("unique_consecutive", "return_inverse=False, return_counts=False, dim=None")].map { name, parameters in
            TorchOp(name, parameters) { t, args in
                let dim = try args.optionalInt("dim")
                let result = try TorchBridge.run { name == "unique" ? try t.unique(dim: dim) : try t.uniqueConsecutive(dim: dim) }
                let (inverse, counts) = (try args.bool("return_inverse"), try args.bool("return_counts"))
                if !inverse && !counts { return .tensor(result.values) }
                let parts = [result.values] + (inverse ? [result.inverse] : []) + (counts ? [result.counts] : [])
                return .object(PyTuple(parts.map(Value.tensor)))
            }
        }
    }

    /// `searchsorted`, `bucketize`, `triu_indices`, `tril_indices`.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None)", style: .torch) { args in
                let (sorted, values) = (try args.tensor("sorted_sequence"), try args.operand("input"))
                let right = try args.bool("right") || (args["side"].asString == "right")
                return .tensor(try TorchBridge.run { try Tensor.searchSorted(sorted, values, right: right) })
            },
            PyBuiltin("bucketize(input, boundaries, *, out_int32=False, right=False)", style: .torch) { args in
                let (values, boundaries, right) = (try args.operand("input"), try args.tensor("boundaries"), try args.bool("right"))
                if boundaries.rank != 1 {
                    throw PyError.runtime("boundaries tensor must be 1 dimension, but got dim(\(boundaries.rank))")
                }
                return .tensor(try TorchBridge.run { try Tensor.searchSorted(boundaries, values, right: right) })
            },
        ] + [("triu_indices", true), ("tril_indices", false)].map { name, upper in
            PyBuiltin("\(name)(row, col, offset=0, *, dtype=None, device=None, layout=None)", style: .torch) { args in
                let (rows, cols, offset) = (try args.int("row"), try args.int("col"), try args.int("offset"))
                return .tensor(try TorchBridge.run { try Tensor.triangleIndices(rows: rows, cols: cols, offset: offset, upper: upper) })
            }
        }
    }

    /// `torch.return_types.NAME(values=..., indices=...)`.
    private static func pair(_ name: String, _ result: (values: Tensor, indices: Tensor)) -> Value {
        TorchReductionBindings.namedTuple("torch.return_types.\(name)", ["values": result.values, "indices": result.indices])
    }
}

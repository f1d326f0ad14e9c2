import GradTensor

/// Ops returning a tuple of consecutive slices: `split`, `chunk`, `tensor_split`, `hsplit`,
/// `vsplit`, `dsplit`, and the `unsafe_` forms of split and chunk.
enum TorchSplitBindings {
    static var ops: [TorchOp] {
        [
            TorchOp("split", "split_size_or_sections, dim=0") { t, args in
                let dim = try args.int("dim")
                if let size = try args["split_size_or_sections"].asTorchInt {
                    return try pieces { try t.split(size: size, dim: dim) }
                }
                let sizes = try args.dims("split_size_or_sections") ?? []
                return try pieces { try t.split(sizes: sizes, dim: dim) }
            },
            TorchOp("chunk", "chunks, dim=0") { t, args in
                let (chunks, dim) = (try args.int("chunks"), try args.int("dim"))
                return try pieces { try t.chunk(chunks, dim: dim) }
            },
            TorchOp("unsafe_split", "split_size, dim=0") { t, args in
                let (size, dim) = (try args.int("split_size"), try args.int("dim"))
                return try pieces { try t.split(size: size, dim: dim, unsafe: true) }
            },
            TorchOp("unsafe_split_with_sizes", "split_sizes, dim=0") { t, args in
                let (sizes, dim) = (try args.dims("split_sizes") ?? [], try args.int("dim"))
                return try pieces { try t.split(sizes: sizes, dim: dim, unsafe: true) }
            },
            TorchOp("unsafe_chunk", "chunks, dim=0") { t, args in
                let (chunks, dim) = (try args.int("chunks"), try args.int("dim"))
                return try pieces { try t.chunk(chunks, dim: dim, unsafe: true) }
            },
            TorchOp("tensor_split", "indices_or_sections, dim=0") { t, args in
                try tensorSplit(t, args["indices_or_sections"], dim: try args.int("dim"), args)
            },
            TorchOp("hsplit", "indices_or_sections") { t, args in
                try sidewaysSplit(t, args, name: "hsplit", dim: t.rank == 1 ? 0 : 1, minimumRank: 1)
            },
            TorchOp("vsplit", "indices_or_sections") { t, args in
                try sidewaysSplit(t, args, name: "vsplit", dim: 0, minimumRank: 2)
            },
            TorchOp("dsplit", "indices_or_sections") { t, args in
                try sidewaysSplit(t, args, name: "dsplit", dim: 2, minimumRank: 3)
            },
        ]
    }

    /// `tensor_split` by a number of sections, or by indices (a list, tuple or int64 tensor).
    private static func tensorSplit(_ t: Tensor, _ how: Value, dim: Int, _ args: BoundArguments) throws -> Value {
        if let sections = try how.asTorchInt { return try pieces { try t.tensorSplit(sections: sections, dim: dim) } }
        let indices: [Int]
        if case .tensor(let given) = how {
            if given.dtype != .int64 || given.rank > 1 {
                throw PyError.runtime("tensor_split expected tensor_indices_or_sections to have integer dtype and at most 1 dimension")
            }
            indices = (0..<given.numel).map { i in
                if case .int(let v) = given.element(atFlat: i) { return Int(v) }
                return 0
            }
        } else {
            indices = try args.dims("indices_or_sections") ?? []
        }
        return try pieces { try t.tensorSplit(indices: indices, dim: dim) }
    }

    /// `hsplit` / `vsplit`: tensor_split along a fixed dimension; a number of sections must
    /// divide it.
    private static func sidewaysSplit(_ t: Tensor, _ args: BoundArguments, name: String, dim: Int, minimumRank: Int) throws -> Value {
        if t.rank < minimumRank {
            throw PyError.runtime("torch.\(name) requires a tensor with at least \(minimumRank) dimension, but got a tensor with \(t.rank) dimensions!")
        }
        if let sections = try args["indices_or_sections"].asTorchInt, sections == 0 || t.shape[dim] % sections != 0 {
            throw PyError.runtime("torch.\(name) attempted to split along dimension \(dim), but the size of the dimension \(t.shape[dim]) is not divisible by the split_size \(sections)!")
        }
        return try tensorSplit(t, args["indices_or_sections"], dim: dim, args)
    }

    private static func pieces(_ make: () throws -> [Tensor]) throws -> Value {
        .object(PyTuple(try TorchBridge.run(make).map(Value.tensor)))
    }
}

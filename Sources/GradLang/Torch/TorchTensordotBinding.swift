import GradTensor

/// `torch.tensordot(a, b, dims=2)`: `dims` read as PyTorch's Python wrapper reads it (a count of
/// trailing/leading dimensions, two lists, or a tensor of either), with its errors and those of
/// the argument parser it hands the two lists to.
enum TorchTensordotBinding {
    static var function: PyBuiltin {
        PyBuiltin("tensordot(a, b, dims=2, out=None)", style: .torch) { args in
            let (a, b) = (try args.tensor("a"), try args.tensor("b"))
            let (dimsA, dimsB) = try contractedDimensions(args["dims"], ranks: (a.rank, b.rank))
            let result = try TorchBridge.run { try a.tensordot(b, dims: dimsA, dimsB) }
            switch args["out"] {
            case .none: return .tensor(result)
            case .tensor(let out) where out.dtype != result.dtype:
                throw PyError.runtime("tensordot: Expected the output tensor to have dtype \(result.dtype.scalarTypeName), but got an output tensor with dtype \(out.dtype.scalarTypeName)")
            case .tensor: return try TorchOp.storingOut(.tensor(result), of: "tensordot", args)
            case let other: throw PyError.type("tensordot(): argument 'out' must be Tensor, not \(other.typeName)")
            }
        }
    }

    private static func contractedDimensions(_ dims: Value, ranks: (Int, Int)) throws -> ([Int], [Int]) {
        if let count = pythonInt(dims) {
            if count < 0 { throw PyError.runtime("tensordot expects dims >= 0, but got dims=\(Repr.str(dims))") }
            if count > min(ranks.0, ranks.1) {
                throw PyError.runtime("tensordot expects dims < ndim_a or ndim_b, but got dims=\(Repr.str(dims))")
            }
            return lastAndFirst(count, rankA: ranks.0)
        }
        switch dims {
        case .tensor(let t) where t.numel > 1:
            guard t.shape[0] == 2 else {
                throw PyError(PyExc.assertionError, "dims tensor must have size 2 in first dimension, got \(t.shape[0])")
            }
            let rows = try (0..<2).map { i in TorchData.value(try t.select(dim: 0, index: i).tolist()) }
            return (try dimensionList(rows[0], argument: "'dims_self' (position 3)"),
                    try dimensionList(rows[1], argument: "'dims_other' (position 4)"))
        case .tensor(let t):
            let count = Int(try TorchBridge.run { try t.item() }.int64Value)
            if count < 0 { throw PyError.runtime("tensordot expects dims >= 0, but got dims=\(count)") }
            return lastAndFirst(count, rankA: ranks.0)
        default:
            guard let pair = dims.sequenceItems else {
                throw PyError.runtime("tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] containing two lists, but got dims=\(Repr.str(dims))")
            }
            if pair.count < 2 { throw PyError.value("not enough values to unpack (expected 2, got \(pair.count))") }
            if pair.count > 2 { throw PyError.value("too many values to unpack (expected 2)") }
            return (try dimensionList(pair[0], argument: "'dims_self' (position 3)"),
                    try dimensionList(pair[1], argument: "'dims_other' (position 4)"))
        }
    }

    /// An int or a bool (Python's `isinstance(dims, int)`).
    private static func pythonInt(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// An integer `dims`: the last `count` dimensions of `a` with the first `count` of `b`. When
    /// `a` has fewer, the first pair alone gives PyTorch's error (its `-count` is checked first),
    /// and no list as long as a huge count is built.
    private static func lastAndFirst(_ count: Int, rankA: Int) -> ([Int], [Int]) {
        count > rankA ? ([-count], [0]) : (Array(-count..<0), Array(0..<count))
    }

    /// One list of dimensions, as the argument parser takes a tuple of ints.
    private static func dimensionList(_ value: Value, argument: String) throws -> [Int] {
        guard let items = value.sequenceItems else {
            throw PyError.type("tensordot(): argument \(argument) must be tuple of ints, not \(value.typeName)")
        }
        return try items.enumerated().map { k, item in
            guard let d = try item.asTorchInt else {
                throw PyError.type("tensordot(): argument \(argument) must be tuple of ints, but found element of type \(item.typeName) at pos \(k)")
            }
            return d
        }
    }
}

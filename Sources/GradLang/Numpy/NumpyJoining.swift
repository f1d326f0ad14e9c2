import GradTensor

/// `concatenate`, `stack`, `vstack`, `hstack`: arrays promoted to one dtype, checked with numpy's
/// messages, joined by GradTensor.
enum NumpyJoining {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("concatenate(arrays, axis=0)") { args in
                let arrays = try promoted(args["arrays"], args.interpreter)
                let axis = try NumpyReductions.axes(args["axis"], rank: arrays[0].rank)?.first ?? 0
                try checkConcatenation(arrays, axis: axis)
                return .object(NDArray(try NumpyArithmetic.run { try Tensor.cat(arrays, dim: axis) }))
            },
            PyBuiltin("stack(arrays, axis=0)") { args in
                let arrays = try promoted(args["arrays"], args.interpreter)
                if Set(arrays.map(\.shape)).count > 1 { throw PyError.value("all input arrays must have the same shape") }
                let axis = try NumpyReductions.axes(args["axis"], rank: arrays[0].rank + 1)?.first ?? 0
                return .object(NDArray(try NumpyArithmetic.run { try Tensor.stack(arrays, dim: axis) }))
            },
            PyBuiltin("vstack(tup)") { args in
                let arrays = try promoted(args["tup"], args.interpreter).map { t in t.rank < 2 ? try NumpyArithmetic.run { try t.reshape([1, t.numel]) } : t }
                try checkConcatenation(arrays, axis: 0)
                return .object(NDArray(try NumpyArithmetic.run { try Tensor.cat(arrays, dim: 0) }))
            },
            PyBuiltin("hstack(tup)") { args in
                let arrays = try promoted(args["tup"], args.interpreter).map { t in t.rank == 0 ? try NumpyArithmetic.run { try t.reshape([1]) } : t }
                let axis = arrays[0].rank == 1 ? 0 : 1
                try checkConcatenation(arrays, axis: axis)
                return .object(NDArray(try NumpyArithmetic.run { try Tensor.cat(arrays, dim: axis) }))
            },
        ]
    }

    /// The sequence's arrays in their common dtype.
    private static func promoted(_ sequence: Value, _ interpreter: Interpreter) throws -> [Tensor] {
        var tensors: [Tensor] = []
        try interpreter.forEach(in: sequence) { tensors.append(try NDArray.coerce($0).tensor) }
        guard let first = tensors.first else { throw PyError.value("need at least one array to concatenate") }
        let dtype = tensors.dropFirst().reduce(first.dtype) { NumpyPromotion.promote($0, $1.dtype) }
        return try tensors.map { try NumpyArithmetic.cast($0, dtype) }
    }

    private static func checkConcatenation(_ arrays: [Tensor], axis: Int) throws {
        let first = arrays[0]
        if first.rank == 0 { throw PyError.value("zero-dimensional arrays cannot be concatenated") }
        for (i, t) in arrays.enumerated().dropFirst() {
            if t.rank != first.rank {
                throw PyError.value("all the input arrays must have same number of dimensions, but the array at index 0 has \(first.rank) dimension(s) and the array at index \(i) has \(t.rank) dimension(s)")
            }
            for d in 0..<t.rank where d != axis && t.shape[d] != first.shape[d] {
                throw PyError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(i) has size \(t.shape[d])")
            }
        }
    }
}

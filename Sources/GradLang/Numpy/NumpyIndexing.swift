import GradTensor

/// `a[key]` and `a[key] = value`: ints, slices, None, `...`, and arrays or lists of ints or bools,
/// through GradTensor's indexing (basic indexing gives views), with numpy's messages.
enum NumpyIndexing {
    static func get(_ t: Tensor, _ key: Value) throws -> Tensor {
        let (items, isTuple) = try indices(key)
        return try numpyMessages { try t.index(items, tuple: isTuple) }
    }

    static func set(_ t: Tensor, _ key: Value, _ value: Tensor) throws {
        let (items, _) = try indices(key)
        _ = try numpyMessages { try t.indexAssign(items, NumpyArithmetic.cast(value, t.dtype)) }
    }

    /// PyTorch's index messages say "dimension" where numpy's say "axis".
    private static func numpyMessages<R>(_ body: () throws -> R) throws -> R {
        do {
            return try NumpyArithmetic.run(body)
        } catch let e as PyError where e.type === PyExc.indexError {
            throw PyError.index(e.message.replacingOccurrences(of: "for dimension", with: "for axis"))
        }
    }

    private static func indices(_ key: Value) throws -> ([TensorIndex], Bool) {
        if case .object(let tuple as PyTuple) = key { return (try tuple.items.map(index), true) }
        return ([try index(key)], false)
    }

    private static func index(_ v: Value) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .object(is PyEllipsis): return .ellipsis
        case .object(let s as PySlice):
            return .slice(start: try Arg.sliceBound(s.start), stop: try Arg.sliceBound(s.stop), step: try Arg.sliceBound(s.step))
        case .object(let a as NDArray): return try arrayIndex(a.tensor)
        case .object(is PyList): return try arrayIndex(NumpyData.tensor(from: v, dtype: nil))
        default:
            throw PyError.index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
        }
    }

    private static func arrayIndex(_ t: Tensor) throws -> TensorIndex {
        if t.dtype == .bool || t.dtype == .int64 { return .tensor(t) }
        if t.numel == 0 { return .tensor(try NumpyArithmetic.cast(t, .int64)) }
        throw PyError.index("arrays used as indices must be of integer (or boolean) type")
    }
}

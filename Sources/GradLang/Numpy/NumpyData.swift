import GradTensor

/// `np.array(data)`: nested lists and tuples of numbers (and arrays) to a tensor, with numpy's
/// dtype inference (bool < int64 < float64) and its error for ragged data.
enum NumpyData {
    static func tensor(from v: Value, dtype requested: DType?) throws -> Tensor {
        var shape: [Int] = []
        var probe = v
        while let items = try sequence(probe) {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var scalars: [Scalar] = []
        var inferred: DType?
        try collect(v, depth: 0, shape: shape, into: &scalars, dtype: &inferred)
        let dtype = requested ?? inferred ?? .float64
        return try NumpyArithmetic.run {
            try Tensor.from(.list(scalars.map { .scalar($0) }), dtype: dtype).reshape(shape)
        }
    }

    /// The items of a list, tuple or array (nil for a number).
    private static func sequence(_ v: Value) throws -> [Value]? {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        case .object(let a as NDArray):
            if a.tensor.rank == 0 { return nil }
            return try (0..<a.length).map { try a.item(at: .int($0)) }
        default: return nil
        }
    }

    private static func collect(_ v: Value, depth: Int, shape: [Int], into out: inout [Scalar], dtype: inout DType?) throws {
        if let items = try sequence(v) {
            guard depth < shape.count, items.count == shape[depth] else { throw inhomogeneous(shape, depth) }
            for item in items { try collect(item, depth: depth + 1, shape: shape, into: &out, dtype: &dtype) }
            return
        }
        guard depth == shape.count else { throw inhomogeneous(shape, depth) }
        let s: Scalar
        switch v {
        case .bool(let b): s = .bool(b)
        case .int(let i): s = .int(Int64(i))
        case .float(let d): s = .double(d)
        case .object(let a as NDArray): s = a.tensor.element(atFlat: 0)
        case _ where NumpyScalarTypes.unpack(v) != nil:
            let (scalarType, number) = NumpyScalarTypes.unpack(v) ?? (.float64, .none)
            dtype = dtype.map { NumpyPromotion.promote($0, scalarType) } ?? scalarType
            out.append(number.asScalar ?? .int(0))
            return
        case .bigInt: throw PyError.overflow("Python int too large to convert to C long")
        default: throw PyError.type("grad's numpy arrays hold numbers only, not \(v.typeName)")
        }
        let kind: DType = s.dtype == .float32 ? .float64 : s.dtype
        dtype = dtype.map { NumpyPromotion.promote($0, kind) } ?? kind
        out.append(s)
    }

    private static func inhomogeneous(_ shape: [Int], _ depth: Int) -> PyError {
        let detected = NumpyArrayText.shapeText(Array(shape.prefix(depth)))
        return PyError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(detected) + inhomogeneous part.")
    }
}

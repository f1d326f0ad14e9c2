import GradTensor

/// Python data ↔ tensors: `torch.tensor(data)` and `t.tolist()`.
///
/// Follows PyTorch's `tensor_new.cpp`: the dtype is inferred over every element first (so a
/// string or None anywhere is reported before any shape problem), the shape is read down the
/// first elements, then every element is checked against that shape while it is stored.
enum TorchData {
    /// The tensor for `data`; a tensor `data` is copied (detached), with PyTorch's warning when
    /// `copyWarning` is given; a numpy array is copied with its dtype.
    static func tensor(from data: Value, dtype requested: DType?, copyWarning: Interpreter?) throws -> Tensor {
        if case .tensor(let source) = data {
            try copyWarning?.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor).")
            return try TorchBridge.run {
                let copy = try source.detach().clone()
                return try requested.map { try copy.to($0) } ?? copy
            }
        }
        if case .object(let array as NDArray) = data {
            return try TorchBridge.run { try array.tensor.to(requested ?? array.tensor.dtype).clone() }
        }
        let shape = try inferredShape(data)
        let dtype = try requested ?? inferredDType(data, depth: 0)
        let nested = try store(data, depth: 0, shape: shape, dtype: dtype)
        return try TorchBridge.run { try Tensor.from(nested, dtype: dtype) }
    }

    /// PyTorch's limit on the dimensions of data (read down the first elements).
    private static let maxDims = 128
    /// How deep dtype inference looks into other elements before giving up (PyTorch recurses
    /// without a limit; grad bounds its stack).
    private static let maxInferenceDepth = 1000

    /// The dtype PyTorch infers: the promotion of every element's kind (float32 for no elements).
    private static func inferredDType(_ v: Value, depth: Int) throws -> DType {
        switch v {
        case .bool: return .bool
        case .int, .bigInt: return .int64
        case .float: return .defaultFloat
        case .tensor(let t): return t.dtype
        case .str: throw PyError.type("new(): invalid data type 'str'")
        case _ where v.isComplex: throw PyComplex.noComplexTensors
        default:
            if let (dtype, _) = NumpyScalarTypes.unpack(v) { return dtype }
            guard let items = try sequence(v) else {
                throw PyError.runtime("Could not infer dtype of \(v.typeName)")
            }
            if depth >= maxInferenceDepth { throw PyError.value("too many dimensions '\(v.typeName)'") }
            var result: DType?
            for item in items {
                let kind = try inferredDType(item, depth: depth + 1)
                result = result.map { TypePromotion.promote($0, kind) } ?? kind
            }
            return result ?? .defaultFloat
        }
    }

    /// Sizes read down the first elements.
    private static func inferredShape(_ v: Value) throws -> [Int] {
        var shape: [Int] = []
        var probe = v
        while let items = try sequence(probe) {
            if shape.count == maxDims { throw PyError.value("too many dimensions '\(probe.typeName)'") }
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        return shape
    }

    private static func store(_ v: Value, depth: Int, shape: [Int], dtype: DType) throws -> NestedData {
        if depth == shape.count { return .scalar(try scalar(v, dtype: dtype)) }
        guard let items = try sequence(v) else { throw PyError.type("not a sequence") }
        if items.count != shape[depth] {
            throw PyError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
        }
        return .list(try items.map { try store($0, depth: depth + 1, shape: shape, dtype: dtype) })
    }

    /// One element, as PyTorch unpacks it for the target dtype; numbers that do not fit an
    /// integer dtype are refused (floats become infinities instead).
    private static func scalar(_ v: Value, dtype: DType) throws -> Scalar {
        let s = try unpacked(v, dtype: dtype)
        if dtype.isIntegral && dtype.overflows(s) {
            throw PyError.runtime("value cannot be converted to type \(dtype.shortName) without overflow")
        }
        return s
    }

    private static func unpacked(_ v: Value, dtype: DType) throws -> Scalar {
        switch v {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        case .bigInt(let b):
            if dtype.isFloatingPoint { return .double(try IntToFloat.double(b)) }
            throw PyError.value("Overflow when unpacking long long")
        case .tensor(let t):
            guard t.numel == 1 else { throw PyError.value("only one element tensors can be converted to Python scalars") }
            return try TorchBridge.run { try t.item() }
        default:
            if let (_, number) = NumpyScalarTypes.unpack(v) { return try unpacked(number, dtype: dtype) }
            if dtype.isFloatingPoint { throw PyError.type("must be real number, not \(v.typeName)") }
            throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// The items of a value PyTorch treats as a sequence of data (lists, tuples, `torch.Size`,
    /// ranges); nil for anything else.
    private static func sequence(_ v: Value) throws -> [Value]? {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        case .object(let r as PyRange): return try Iteration.collect(.object(r))
        default: return nil
        }
    }

    /// `tolist()` / `item()`: nested Python lists of Python numbers.
    static func value(_ data: NestedData) -> Value {
        switch data {
        case .scalar(let s): return Conversions.value(of: s)
        case .list(let items): return .object(PyList(items.map(value)))
        }
    }
}

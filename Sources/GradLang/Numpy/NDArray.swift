import GradTensor

/// numpy's `ndarray`: a GradTensor tensor (storage, shape, strides, so slices and `.T` are views
/// sharing memory, and `torch.from_numpy` shares it too) seen through numpy's rules for
/// printing, type promotion, errors and summation order. Its copies and conversions are
/// row-major, as numpy's `copy()` is (`memoryFormat: .contiguous`), not laid out as the source.
final class NDArray: PyOperandObject, PyCustomRepr, PyCustomStr, PySized, PyIterable, PySubscriptable,
                     PyItemAssignable, PyAttributeProviding {
    let tensor: Tensor
    init(_ tensor: Tensor) { self.tensor = tensor }

    override var typeName: String { "numpy.ndarray" }
    var reprText: String { NumpyArrayText.repr(tensor) }
    var strText: String { NumpyArrayText.str(tensor) }

    /// `len(a)` (0 for a 0-dim array, where numpy raises).
    var length: Int { tensor.shape.first ?? 0 }

    func makeIterator() throws -> PyIterator {
        if tensor.rank == 0 { throw PyError.type("iteration over a 0-d array") }
        var i = 0
        return PyIterator(name: "iterator") { [self] in
            guard i < length else { return nil }
            defer { i += 1 }
            return try item(at: .int(i))
        }
    }

    func item(at key: Value) throws -> Value {
        NDArray.result(try NumpyIndexing.get(tensor, key))
    }

    func setItem(_ key: Value, to value: Value) throws {
        try NumpyIndexing.set(tensor, key, try NDArray.coerce(value, dtype: tensor.dtype).tensor)
    }

    func attribute(_ name: String) throws -> Value? {
        if let get = NumpyArrayMethods.properties[name] { return try get(self) }
        if let method = NumpyArrayMethods.table[name] { return .object(PyBoundMethod(receiver: .object(self), function: method)) }
        return nil
    }

    override func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let b = try? NDArray.coerceOperand(other) else { return nil }
        let a = Operand(tensor: tensor, isWeak: false)
        return try NumpyArithmetic.binary(op, reflected ? b : a, reflected ? a : b)
    }

    override func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let b = try? NDArray.coerceOperand(other) else { return nil }
        let a = Operand(tensor: tensor, isWeak: false)
        return try NumpyArithmetic.compare(op, reflected ? b : a, reflected ? a : b)
    }

    override func unary(_ op: UnaryOperator) throws -> Value? { try NumpyArithmetic.unary(op, self) }

    override func absolute() throws -> Value? { NDArray.result(try NumpyArithmetic.run { try tensor.abs() }) }

    override func truth() throws -> Bool? {
        switch tensor.numel {
        case 1: return tensor.element(atFlat: 0).doubleValue != 0
        case 0: throw PyError.value("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
        default: throw PyError.value("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
    }

    override func updateInPlace(_ op: BinaryOperator, _ other: Value) throws -> Value? {
        guard let b = try? NDArray.coerceOperand(other) else { return nil }
        try NumpyArithmetic.update(self, op, b)
        return .object(self)
    }

    // MARK: conversions

    /// A result as numpy hands it back: a 0-dim result of an operation is a numpy scalar.
    static func result(_ t: Tensor) -> Value {
        t.rank == 0 ? NumpyScalarTypes.value(t.element(atFlat: 0), dtype: t.dtype) : .object(NDArray(t))
    }

    /// An operand of an operator: an array, or a Python number (a "weak" scalar for promotion).
    static func coerceOperand(_ v: Value) throws -> Operand {
        if let scalar = try NumpyScalarTypes.operand(v) { return scalar }
        switch v {
        case .object(let a as NDArray): return Operand(tensor: a.tensor, isWeak: false)
        case .bool(let b): return Operand(tensor: try .wrapping(.bool(b)), isWeak: true)
        case .int(let i): return Operand(tensor: try .wrapping(.int(Int64(i))), isWeak: true)
        case .float(let d): return Operand(tensor: try .wrapping(.double(d)), isWeak: true)
        case .object(is PyList), .object(is PyTuple): return Operand(tensor: try NumpyData.tensor(from: v, dtype: nil), isWeak: false)
        default: throw PyError.type("unsupported operand \(v.typeName)")
        }
    }

    /// `np.asarray(v, dtype)`: an array (the same one when no conversion is needed).
    static func coerce(_ v: Value, dtype: DType? = nil) throws -> NDArray {
        if case .object(let a as NDArray) = v {
            guard let dtype, dtype != a.tensor.dtype else { return a }
            return NDArray(try NumpyArithmetic.run { try a.tensor.to(dtype, memoryFormat: .contiguous) })
        }
        if case .tensor(let t) = v { return NDArray(try NumpyArithmetic.run { try t.detach().to(dtype ?? t.dtype, memoryFormat: .contiguous) }) }
        if let scalar = try NumpyScalarTypes.operand(v) { return NDArray(try NumpyArithmetic.cast(scalar.tensor, dtype ?? scalar.tensor.dtype)) }
        return NDArray(try NumpyData.tensor(from: v, dtype: dtype))
    }
}

/// An operator's operand: its values, and whether it is a Python number, whose type gives way
/// to the array's (NEP 50: `int64_array * 2.5` is float64, `float32_array * 2.5` float32).
struct Operand {
    let tensor: Tensor
    let isWeak: Bool
}

import GradTensor

/// Reading torch arguments out of bound Python values, with the TypeErrors of PyTorch's argument
/// parser (`zeros(): argument 'size' (position 1) must be tuple of ints, not float`).
///
/// Signatures of tensor methods start with `self`, so an argument's position (as PyTorch counts it,
/// from 1 and without `self`) follows from its index in the signature.
extension BoundArguments {
    /// The function's name as messages show it (`zeros`, `sum`).
    var functionName: String { signature.name }

    /// `argument 'size' (position 1)`, or without the position for keyword-only parameters;
    /// `shownAs` names a varargs parameter as PyTorch does (`*sizes` is its `size`).
    func label(_ name: String, shownAs shown: String? = nil) -> String {
        let params = signature.parameters
        guard let index = params.firstIndex(where: { $0.name == name }), params[index].kind != .keywordOnly else {
            return "argument '\(shown ?? name)'"
        }
        let position = params.first?.name == "self" ? index : index + 1
        return "argument '\(shown ?? name)' (position \(position))"
    }

    /// PyTorch's wrong-type error for parameter `name`.
    func mismatch(_ name: String, expected: String, got value: Value) -> PyError {
        .type("\(functionName)(): \(label(name)) must be \(expected), not \(value.typeName)")
    }

    /// A required tensor argument.
    func tensor(_ name: String) throws -> Tensor {
        guard case .tensor(let t) = self[name] else { throw mismatch(name, expected: "Tensor", got: self[name]) }
        return t
    }

    /// The receiver of a method or the `input` of a function: always the first parameter.
    var receiver: Tensor {
        get throws {
            let first: Value = signature.parameters.isEmpty ? .none : self[0]
            guard case .tensor(let t) = first else {
                throw mismatch(signature.parameters.first?.name ?? "input", expected: "Tensor", got: first)
            }
            return t
        }
    }

    /// A tensor or a Python number (wrapped as PyTorch wraps numbers in ops).
    func operand(_ name: String) throws -> Tensor {
        let v = self[name]
        if case .tensor(let t) = v { return t }
        guard let s = v.asScalar else { throw mismatch(name, expected: "Tensor", got: v) }
        return try .wrapping(s)
    }

    /// A Python number.
    func scalar(_ name: String) throws -> Scalar {
        let v = self[name]
        if let s = v.asScalar { return s }
        // An instance of a float or int subclass (a numpy scalar) is the number it holds.
        if let s = NativeBases.scalar(v)?.asScalar { return s }
        if case .tensor(let t) = v, t.numel == 1, t.rank == 0 { return try TorchBridge.run { try t.item() } }
        throw mismatch(name, expected: "Number", got: v)
    }

    /// A number or None.
    func optionalScalar(_ name: String) throws -> Scalar? {
        self[name].isNone ? nil : try scalar(name)
    }

    /// `alpha=` of `add`/`sub`: integer tensors refuse a float scale, as PyTorch does.
    func alpha(for t: Tensor) throws -> Scalar? {
        let alpha = try optionalScalar("alpha")
        if case .double = alpha, !t.dtype.isFloatingPoint {
            throw PyError.runtime("For integral input tensors, argument alpha must not be a floating point number.")
        }
        return alpha
    }

    /// A strict bool (`tensor(..., requires_grad=1)` is a TypeError in PyTorch); None counts as the
    /// default where PyTorch's parser lets it.
    func bool(_ name: String, noneMeans fallback: Bool? = nil) throws -> Bool {
        switch self[name] {
        case .bool(let b): return b
        case .none where fallback != nil: return fallback ?? false
        case let other: throw mismatch(name, expected: "bool", got: other)
        }
    }

    /// An int (bools are refused, 0-dim int tensors accepted, as PyTorch's parser does).
    func int(_ name: String) throws -> Int {
        let v = self[name]
        if let i = try v.asTorchInt { return i }
        throw mismatch(name, expected: "int", got: v)
    }

    func optionalInt(_ name: String) throws -> Int? {
        self[name].isNone ? nil : try int(name)
    }

    /// A `str` (`reduce=`).
    func string(_ name: String) throws -> String {
        guard case .str(let s) = self[name] else { throw mismatch(name, expected: "str", got: self[name]) }
        return s.string
    }

    func optionalString(_ name: String) throws -> String? {
        self[name].isNone ? nil : try string(name)
    }

    /// `dtype=`: a `torch.dtype`, Python's `float`/`int`/`bool` types, or None.
    func dtype(_ name: String = "dtype") throws -> DType? {
        switch self[name] {
        case .none: return nil
        case .object(let d as PyDType): return d.dtype
        case .object(let t as PyTypeObject) where TorchDTypes.pythonTypes[t.name] != nil:
            return TorchDTypes.pythonTypes[t.name]
        case let other: throw PyError.type("\(functionName)(): argument '\(name)' must be torch.dtype, not \(other.typeName)")
        }
    }

    /// A dimension list: an int, a tuple or list of ints, or None (every dimension).
    func dims(_ name: String) throws -> [Int]? {
        let v = self[name]
        if v.isNone { return nil }
        if let i = try v.asTorchInt { return [i] }
        if let items = v.sequenceItems {
            return try items.enumerated().map { k, item in
                guard let i = try item.asTorchInt else {
                    throw PyError.type("\(functionName)(): argument '\(name)' must be tuple of ints, but found element of type \(item.typeName) at pos \(k)")
                }
                return i
            }
        }
        throw mismatch(name, expected: "tuple of ints", got: v)
    }

    /// A size given as varargs (`zeros(2, 3)`), as one sequence (`zeros((2, 3))`), or by keyword
    /// (`zeros(size=(2, 3))`; then `keyword` names it). No size at all is PyTorch's missing-argument
    /// error unless `required` is false.
    func size(varargs name: String, keyword: String? = nil, required: Bool = true) throws -> [Int] {
        let given = varargs(name)
        let shown = keyword ?? name
        if let keyword, !self[keyword].isNone {
            if !given.isEmpty { throw PyError.type("\(functionName)() got multiple values for argument '\(keyword)'") }
            return try sizeSequence(self[keyword], name: keyword, label: "argument '\(keyword)'")
        }
        if given.isEmpty && required {
            throw PyError.type("\(functionName)() missing 1 required positional arguments: \"\(shown)\"")
        }
        if given.count == 1, try given[0].asTorchInt == nil, !given[0].isBigInt {
            return try sizeSequence(given[0], name: shown, label: label(name, shownAs: shown))
        }
        return try sizeItems(given, name: shown)
    }

    /// A size that must be one sequence (`full(size, fill_value)`).
    func sizeSequence(_ name: String) throws -> [Int] {
        try sizeSequence(self[name], name: name, label: label(name))
    }

    private func sizeSequence(_ v: Value, name: String, label: String) throws -> [Int] {
        guard let items = v.sequenceItems else {
            throw PyError.type("\(functionName)(): \(label) must be tuple of ints, not \(v.typeName)")
        }
        if let first = items.first, try first.asTorchInt == nil, !first.isBigInt {
            throw PyError.type("\(functionName)(): \(label) must be tuple of ints, but found element of type \(first.typeName) at pos 0")
        }
        return try sizeItems(items, name: name)
    }

    private func sizeItems(_ items: [Value], name: String) throws -> [Int] {
        try items.enumerated().map { k, item in
            if case .bigInt = item {
                throw PyError.type("\(functionName)(): argument '\(name)' failed to unpack the object at pos \(k + 1) with error \"Overflow when unpacking long long\"")
            }
            guard let i = try item.asTorchInt else {
                throw PyError.type("\(functionName)(): argument '\(name)' failed to unpack the object at pos \(k + 1) with error \"type must be tuple of ints,but got \(item.typeName)\"")
            }
            return i
        }
    }
}

extension Value {
    /// An int as PyTorch's parser reads one: Python ints and 0-dim integer tensors, not bools.
    var asTorchInt: Int? {
        get throws {
            switch self {
            case .int(let i): return i
            case .tensor(let t) where t.rank == 0 && t.dtype == .int64:
                if case .int(let i) = try TorchBridge.run({ try t.item() }) { return Int(i) }
                return nil
            default: return nil
            }
        }
    }

    var isBigInt: Bool { if case .bigInt = self { return true } else { return false } }

    /// The items of a list, tuple or `torch.Size`.
    var sequenceItems: [Value]? {
        switch self {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        default: return nil
        }
    }
}

extension Value {
    /// The text of a Python str; nil for anything else.
    var asString: String? {
        if case .str(let s) = self { return s.string }
        return nil
    }
}

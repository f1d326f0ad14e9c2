import BigInt
import GradTensor

/// `t[...]`, `t[...] = value`, `torch.cat`, `torch.stack`, `hstack`, `vstack`, `dstack`, `column_stack`.
///
/// A Python subscript becomes `[TensorIndex]` as PyTorch's `python_variable_indexing.cpp` reads
/// it: a tuple is several items; a short list holding a sequence, slice, tensor, None or Ellipsis
/// is still read as a tuple (with PyTorch's deprecation warning); any other list is an index
/// tensor (int64, or bool for bools).
enum TorchIndexingBindings {
    static var functions: [PyBuiltin] {
        [
            join("cat") { try Tensor.cat($0, dim: $1) },
            join("concat") { try Tensor.cat($0, dim: $1) },
            join("stack") { try Tensor.stack($0, dim: $1) },
            sideBySide("hstack", Tensor.hstack), sideBySide("vstack", Tensor.vstack),
            sideBySide("row_stack", Tensor.vstack), sideBySide("dstack", Tensor.dstack),
            sideBySide("column_stack", Tensor.columnStack),
        ]
    }

    /// `hstack(tensors)` and its kin: joins without a dim argument.
    private static func sideBySide(_ name: String, _ op: @escaping ([Tensor]) throws -> Tensor) -> PyBuiltin {
        PyBuiltin("\(name)(tensors)", style: .torch) { args in
            let tensors = try joined(args)
            return .tensor(try TorchBridge.run { try op(tensors) })
        }
    }

    private static func join(_ name: String, _ op: @escaping ([Tensor], Int) throws -> Tensor) -> PyBuiltin {
        PyBuiltin("\(name)(tensors, dim=0)", style: .torch) { args in
            let (tensors, dim) = (try joined(args), try args.int("dim"))
            return .tensor(try TorchBridge.run { try op(tensors, dim) })
        }
    }

    /// The `tensors` argument of `cat` / `stack`: a list or tuple of tensors.
    private static func joined(_ args: BoundArguments) throws -> [Tensor] {
        guard let items = args["tensors"].sequenceItems else {
            throw args.mismatch("tensors", expected: "tuple of Tensors", got: args["tensors"])
        }
        return try items.enumerated().map { k, item in
            guard case .tensor(let t) = item else {
                throw PyError.type("expected Tensor as element \(k) in argument 0, but got \(item.typeName)")
            }
            return t
        }
    }

    /// `t[key]`.
    static func getItem(_ t: Tensor, _ key: Value, _ interpreter: Interpreter) throws -> Tensor {
        let (items, isTuple) = try indices(key, interpreter)
        return try TorchBridge.run { try t.index(items, tuple: isTuple) }
    }

    /// `t[key] = value`: a tensor, or a Python number written in `t`'s dtype.
    static func setItem(_ t: Tensor, _ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        let source: Tensor
        switch value {
        case .tensor(let v): source = v
        case .bigInt: throw PyError.value("Overflow when unpacking long long")
        default:
            guard let s = value.asScalar else {
                throw PyError.type("can't assign a \(value.typeName) to a \(t.dtype.legacyTensorName)")
            }
            source = try .wrapping(s)
        }
        let (items, _) = try indices(key, interpreter)
        let expandedWrites = try TorchBridge.run { try t.indexAssign(items, source) }
        for write in expandedWrites { try interpreter.warn(write.warning) }
    }

    /// The items of a subscript, and whether PyTorch reads it as a tuple.
    private static func indices(_ key: Value, _ interpreter: Interpreter) throws -> ([TensorIndex], Bool) {
        switch key {
        case .object(let tuple as PyTuple):
            return (try tuple.items.map(index), true)
        case .object(let list as PyList) where try readsAsTuple(list.items, interpreter):
            return (try list.items.map(index), true)
        case .str(let text) where try readsAsTuple(text.scalars.map { .str(PyStr.single($0)) }, interpreter):
            // A string is a sequence of strings to PyTorch: warned about, then refused as data.
            return ([try index(key)], true)
        default:
            return ([try index(key)], false)
        }
    }

    /// PyTorch's `treatSequenceAsTuple` for a list (NumPy's old heuristic, deprecated).
    private static func readsAsTuple(_ items: [Value], _ interpreter: Interpreter) throws -> Bool {
        guard items.count < 32 else { return false }
        let deprecation = "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as tensor index, x[torch.tensor(seq)], which will result either in an error or a different result"
        for item in items {
            switch item {
            case .tensor, .str, .object(is PyList), .object(is PyTuple), .object(is PySlice):
                try interpreter.warn(deprecation + " (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_variable_indexing.cpp:375.)")
                return true
            case .none, .object(is PyEllipsis):
                try interpreter.warn(deprecation + " (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_variable_indexing.cpp:385.)")
                return true
            default:
                continue
            }
        }
        return false
    }

    /// One subscript item.
    private static func index(_ v: Value) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .bigInt: throw PyError.value("Overflow when unpacking long long")
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .tensor(let t): return .tensor(t)
        case .object(is PyEllipsis): return .ellipsis
        case .object(let s as PySlice):
            return .slice(start: try sliceBound(s.start), stop: try sliceBound(s.stop), step: try sliceBound(s.step))
        case .object(is PyList), .str:
            return .tensor(try indexTensor(v))
        default:
            throw PyError.index("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
        }
    }

    /// A list used as an index: bools give a mask, anything else int64 positions (floats truncated,
    /// as PyTorch's `indexing_tensor_from_data` does).
    private static func indexTensor(_ v: Value) throws -> Tensor {
        if case .object(let l as PyList) = v, l.items.isEmpty { return try TorchBridge.run { try Tensor.zeros([0], dtype: .int64) } }
        let probe = try TorchData.tensor(from: v, dtype: nil, copyWarning: nil)
        return probe.dtype == .bool ? probe : try TorchBridge.run { try probe.to(.int64) }
    }

    /// A slice bound: None, an int (huge ones clamped, as Python's slices are), or a 0-dim int tensor.
    private static func sliceBound(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .bigInt(let b): return b < 0 ? Int.min : Int.max
        case .bool(let b): return b ? 1 : 0
        default:
            guard let i = try v.asTorchInt else {
                throw PyError.type("slice indices must be integers or None or have an __index__ method")
            }
            return i
        }
    }
}

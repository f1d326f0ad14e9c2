import BigInt
import GradTensor

/// Python subscripts (`t[0, 1:3]`, `t[None, ...]`, `t[[0, 2]]`, `t[t > 0]`) as GradTensor index items.
enum TensorIndexing {
    static func items(_ key: Value, writtenAsTuple: Bool) throws -> [TensorIndex] {
        if case .object(let t as PyTuple) = key, t.kind == .plain { return try t.items.map(item) }
        // PyTorch reads a short list holding a slice, None, Ellipsis, list or tensor as a tuple.
        if case .object(let l as PyList) = key, l.items.count < 32, l.items.contains(where: isTupleLike) {
            return try l.items.map(item)
        }
        return [try item(key)]
    }

    private static func isTupleLike(_ v: Value) -> Bool {
        switch v {
        case .none, .tensor: return true
        case .object(let o): return o is PySlice || o is PyEllipsis || o is PyList || o is PyTuple
        default: return false
        }
    }

    static func item(_ v: Value) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .bigInt: throw PyError.value("Overflow when unpacking long long")
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .tensor(let t): return .tensor(t)
        case .object(let o):
            switch o {
            case is PyEllipsis: return .ellipsis
            case let s as PySlice: return .slice(start: try bound(s.start), stop: try bound(s.stop), step: try bound(s.step))
            case is PyList, is PyTuple:
                let values = try Iteration.collect(v)
                let data = try NestedData.from(values)
                return .tensor(try TorchBridge.run {
                    let t = try Tensor.from(data)
                    return t.dtype.isFloatingPoint ? try t.to(.int64) : t
                })
            default: break
            }
        default: break
        }
        throw PyError.index("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
    }

    private static func bound(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return b < 0 ? Int.min : Int.max
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint:
            if case .int(let i) = try TorchBridge.run({ try t.item() }) { return Int(i) }
            return nil
        default: throw PyError.type("slice indices must be integers or None or have an __index__ method")
        }
    }
}

extension NestedData {
    /// Python data (numbers, nested lists/tuples, 0-dim tensors) as input for `torch.tensor`.
    static func from(_ values: [Value]) throws -> NestedData {
        .list(try values.map(from))
    }

    static func from(_ v: Value) throws -> NestedData {
        switch v {
        case .bool(let b): return .scalar(.bool(b))
        case .int(let i): return .scalar(.int(Int64(i)))
        case .bigInt: throw PyError.runtime("Overflow when unpacking long")
        case .float(let d): return .scalar(.double(d))
        case .tensor(let t):
            if t.rank == 0 { return .scalar(try TorchBridge.run { try t.item() }) }
            return t.tolist()
        case .object(let o) where o is PyList || o is PyTuple:
            return try from(Iteration.collect(v))
        default:
            throw PyError.type("new(): invalid data type '\(v.typeName)'")
        }
    }
}

import GradTensor

/// Python's iteration protocol over the built-in iterables.
enum Iteration {
    static func iterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s):
            var it = s.makeIterator()
            return PyIterator(name: "str_iterator") { it.next().map { .str(String($0)) } }
        case .tensor(let t):
            guard t.rank > 0 else { throw PyError.type("iteration over a 0-d tensor") }
            // PyTorch iterates `unbind(0)`: the rows show grad_fn=<UnbindBackward0>.
            let rows = try TorchBridge.run { try t.unbind(dim: 0) }
            var i = 0
            return PyIterator(name: "iterator") {
                guard i < rows.count else { return nil }
                defer { i += 1 }
                return .tensor(rows[i])
            }
        case .object(let o):
            switch o {
            case let it as PyIterator: return it
            case let it as PyIterable: return try it.makeIterator()
            case let l as PyList: return sequence(name: "list_iterator") { i in i < l.items.count ? l.items[i] : nil }
            case let t as PyTuple: return sequence(name: "tuple_iterator") { i in i < t.items.count ? t.items[i] : nil }
            case let r as PyRange: return r.makeIterator(reversed: false)
            case let d as PyDict:
                let keys = d.entries.map(\.key)
                return sequence(name: "dict_keyiterator") { i in i < keys.count ? keys[i] : nil }
            case let s as PySet:
                let items = s.items
                return sequence(name: "set_iterator") { i in i < items.count ? items[i] : nil }
            default: break
            }
        default: break
        }
        throw PyError.type("'\(v.typeName)' object is not iterable")
    }

    private static func sequence(name: String, _ element: @escaping (Int) -> Value?) -> PyIterator {
        var i = 0
        return PyIterator(name: name) {
            guard let v = element(i) else { return nil }
            i += 1
            return v
        }
    }

    /// All elements of an iterable, refusing to run forever past the sequence limit.
    static func collect(_ v: Value) throws -> [Value] {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        // A known size past the limit fails before a single element is made (`list(range(10**12))`).
        // Past an Int, `len`'s OverflowError comes first, as in CPython.
        case .object(let r as PyRange) where r.length > Operators.maxSequenceLength:
            _ = try r.count()
            throw PyError.memory("")
        default: break
        }
        let it = try iterator(v)
        var out: [Value] = []
        while let x = try it.next() {
            out.append(x)
            if out.count > Operators.maxSequenceLength { throw PyError.memory("") }
        }
        return out
    }
}

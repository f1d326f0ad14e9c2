import GradTensor

/// Python's iteration protocol over the built-in iterables.
enum Iteration {
    static func iterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s):
            var characters = s.characters
            return PyIterator(name: "str_iterator") { characters.next().map { .str($0) } }
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
            case let d as PyDict: return HashedIteration.forward(d, name: "dict_keyiterator") { key, _ in key }
            case let s as PySet: return HashedIteration.forward(s)
            default: break
            }
        default: break
        }
        throw PyError.type("'\(v.typeName)' object is not iterable")
    }

    /// Reads element i at step i, so a list changed in the loop is seen; once exhausted it stays
    /// so, as CPython's iterators drop their sequence.
    private static func sequence(name: String, _ element: @escaping (Int) -> Value?) -> PyIterator {
        var i = 0, exhausted = false
        return PyIterator(name: name) {
            guard !exhausted, let v = element(i) else {
                exhausted = true
                return nil
            }
            i += 1
            return v
        }
    }

    /// All elements of an iterable, refusing to run forever past the sequence limit.
    static func collect(_ v: Value) throws -> [Value] {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        // A known size that memory cannot hold fails before a single element is made
        // (`list(range(10**12))`); past an Int, `len`'s OverflowError comes first, as in CPython.
        case .object(let r as PyRange): try Allocation.check(count: try r.count(), of: Value.self)
        default: break
        }
        let it = try iterator(v)
        var out: [Value] = []
        while let x = try it.next() {
            try Allocation.checkGrowth(of: out, to: out.count + 1)
            out.append(x)
        }
        return out
    }
}

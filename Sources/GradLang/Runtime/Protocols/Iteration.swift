import GradTensor

/// Python's iteration protocol over the built-in iterables.
enum Iteration {
    static func iterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s):
            var characters = s.characters
            var taken = 0
            // CPython 3.11 names the iterator of an all-ASCII str apart.
            let iterator = PyIterator(name: s.isASCII ? "str_ascii_iterator" : "str_iterator") {
                guard let c = characters.next() else { return nil }
                taken += 1
                return .str(c)
            }
            iterator.lengthHint = { _ in .int(s.count - taken) }
            return iterator
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
            case let i as PyInstance: return try SpecialMethods.iterator(i)
            case let c as PyClass where c.metaclass != nil:
                guard let r = try Metaclasses.callSpecial(c, .iter, []) else { throw PyError.type("'\(c.metaclass?.name ?? "type")' object is not iterable") }
                return try iterator(r)
            case let g as PyGeneratorObject: return g.iterator
            case let it as PyIterable: return try it.makeIterator()
            case is PyList: return sequence(name: "list_iterator", over: v) { list, i in (list as? PyList)?.items.element(at: i) }
            case is PyTuple: return sequence(name: "tuple_iterator", over: v) { tuple, i in (tuple as? PyTuple)?.items.element(at: i) }
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
    /// so (the iterator drops its sequence, as CPython's do).
    private static func sequence(name: String, over container: Value, _ element: @escaping (PyObject, Int) -> Value?) -> PyIterator {
        var i = 0
        let iterator = PyIterator(name: name, over: container) { source in
            guard case .object(let o) = source, let v = element(o, i) else { return nil }
            i += 1
            return v
        }
        iterator.lengthHint = { iterator in
            switch iterator.source {
            case .object(let l as PyList)?: return .int(Swift.max(0, l.items.count - i))
            case .object(let t as PyTuple)?: return .int(Swift.max(0, t.items.count - i))
            default: return .int(0)
            }
        }
        return iterator
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

extension Array {
    /// Element i, or nil past the end (a sequence iterator's step).
    func element(at i: Int) -> Element? { i < count ? self[i] : nil }
}

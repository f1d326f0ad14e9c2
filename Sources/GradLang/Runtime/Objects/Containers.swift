/// Python's containers. Lists, dicts and sets are reference types, as in Python (`b = a` aliases).
public final class PyList: PyObject {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
    deinit { NestedRelease.adopt(&items) }
    public override var typeName: String { "list" }
}

/// A tuple; also `torch.Size` and the named tuples PyTorch returns (`torch.return_types.max`).
public final class PyTuple: PyObject {
    public enum Kind: Equatable, Sendable {
        case plain
        case torchSize
        /// A structseq such as `torch.return_types.max(values=..., indices=...)`.
        case named(type: String, fields: [String])
    }

    public private(set) var items: [Value]
    public let kind: Kind

    public init(_ items: [Value], kind: Kind = .plain) {
        self.items = items
        self.kind = kind
    }

    deinit { NestedRelease.adopt(&items) }

    public override var typeName: String {
        switch kind {
        case .plain: return "tuple"
        case .torchSize: return "Size"
        case .named(let type, _): return String(type.split(separator: ".").last ?? "tuple")
        }
    }

    nonisolated(unsafe) public static let empty = PyTuple([])
}

/// An insertion-ordered dict, as Python's: entries live in insertion order with holes where
/// keys were deleted, compacted when the holes dominate.
public final class PyDict: PyObject {
    private var slots: [(key: Value, value: Value)?] = []
    private var index: [HashKey: Int] = [:]

    public override init() {}

    deinit {
        var held = slots.flatMap { $0.map { [$0.key, $0.value] } ?? [] }
        removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { "dict" }

    public var count: Int { index.count }

    public func get(_ key: Value) throws -> Value? {
        guard let i = index[try HashKey(key)] else { return nil }
        return slots[i]?.value
    }

    public func set(_ key: Value, _ value: Value) throws {
        let k = try HashKey(key)
        if let i = index[k] {
            slots[i]?.value = value
        } else {
            index[k] = slots.count
            slots.append((key, value))
        }
    }

    /// Removes `key`, returning its value (nil when absent).
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let i = index.removeValue(forKey: try HashKey(key)) else { return nil }
        let v = slots[i]?.value
        slots[i] = nil
        if slots.count > 32 && index.count < slots.count / 2 { compact() }
        return v
    }

    /// Live entries in insertion order.
    public var entries: [(key: Value, value: Value)] { slots.compactMap { $0 } }

    public func removeAll() {
        slots = []
        index = [:]
    }

    private func compact() {
        let live = entries
        removeAll()
        for (k, v) in live { try? set(k, v) }
    }
}

/// A set, insertion-ordered (CPython's order differs for some values; grad keeps it stable).
/// A set: membership by Python equality (a dict of keys), iterated in the order CPython's hash
/// table would give (see SetTable).
public final class PySet: PyObject {
    public let dict = PyDict()
    private var table = SetTable()
    public let isFrozen: Bool
    /// A frozenset's hash, once computed.
    var cachedHash: Int?
    public init(frozen: Bool = false) { isFrozen = frozen }

    deinit {
        var held = table.values
        table.removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { isFrozen ? "frozenset" : "set" }
    public var items: [Value] { table.values }
    public var count: Int { dict.count }

    public func insert(_ v: Value) throws {
        if try dict.get(v) != nil { return }
        try dict.set(v, .none)
        // Hashable by now: the dict accepted it as a key.
        table.add(v, hash: (try? Hashing.hash(v)) ?? 0)
    }

    public func contains(_ v: Value) throws -> Bool { try dict.get(v) != nil }

    /// Removes `v`; false when it was absent.
    @discardableResult
    public func remove(_ v: Value) throws -> Bool {
        guard try dict.remove(v) != nil else { return false }
        let key = try HashKey(v)
        table.remove(hash: (try? Hashing.hash(v)) ?? 0) { (try? HashKey($0)) == key }
        return true
    }

    public func removeAll() {
        dict.removeAll()
        table.removeAll()
    }

    /// Adds every element of `other` (`set(s)`, `s | t`, `s.update(t)`), as CPython's set_merge.
    public func merge(_ other: PySet) throws {
        let incoming = other.items
        let absent = try incoming.map { !(try contains($0)) }
        for (v, isNew) in zip(incoming, absent) where isNew { try dict.set(v, .none) }
        table.merge(other.table, absent: absent)
    }

    /// Empties the set, then inserts `items` (`s |= t` and friends).
    public func replace(with items: [Value]) throws {
        removeAll()
        for item in items { try insert(item) }
    }
}

public final class PySlice: PyObject {
    public let start: Value, stop: Value, step: Value
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    public override var typeName: String { "slice" }
}

/// An iterator: `iter(x)`, generator expressions, `zip`, `map`, ... `next` returns nil when exhausted.
public final class PyIterator: PyObject {
    private let nextValue: () throws -> Value?
    let name: String
    public init(name: String = "iterator", _ next: @escaping () throws -> Value?) {
        self.name = name
        nextValue = next
    }
    public override var typeName: String { name }

    /// How many iterators are inside `next` at once. An iterator over an iterator over ... (a
    /// million nested `map` or `zip` objects) would recurse until the stack overflows; CPython
    /// has no limit for these and crashes, grad raises RecursionError past `maximumNesting`.
    nonisolated(unsafe) private static var nesting = 0
    static let maximumNesting = 100_000

    public func next() throws -> Value? {
        PyIterator.nesting += 1
        defer { PyIterator.nesting -= 1 }
        guard PyIterator.nesting <= PyIterator.maximumNesting else {
            throw PyError(PyExc.recursionError, "maximum recursion depth exceeded")
        }
        return try nextValue()
    }
}

/// `...`
public final class PyEllipsis: PyObject {
    nonisolated(unsafe) public static let shared = PyEllipsis()
    public override var typeName: String { "ellipsis" }
}

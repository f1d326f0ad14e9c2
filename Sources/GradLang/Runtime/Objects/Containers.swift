/// Python's containers. Lists, dicts and sets are reference types, as in Python (`b = a` aliases).
public final class PyList: CollectableObject {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
    deinit {
        untrack()
        NestedRelease.adopt(&items)
    }
    public override var typeName: String { "list" }
}

/// A tuple; also `torch.Size` and the named tuples PyTorch returns (`torch.return_types.max`).
public final class PyTuple: CollectableObject {
    public enum Kind: Equatable, Sendable {
        case plain
        case torchSize
        /// A structseq such as `torch.return_types.max(values=..., indices=...)`, printed one
        /// field per line as PyTorch does.
        case named(type: String, fields: [String])
        /// A named tuple of Python's kind (`CacheInfo(hits=1, misses=2, ...)`), printed on one line.
        case record(type: String, fields: [String])

        /// The field names of a named tuple.
        var fields: [String]? {
            switch self {
            case .named(_, let fields), .record(_, let fields): return fields
            case .plain, .torchSize: return nil
            }
        }
    }

    /// Set only by its init, and by the cycle collector giving it a buffer of its own.
    public internal(set) var items: [Value]
    public let kind: Kind

    public init(_ items: [Value], kind: Kind = .plain) {
        self.items = items
        self.kind = kind
    }

    deinit {
        untrack()
        NestedRelease.adopt(&items)
    }

    public override var typeName: String {
        switch kind {
        case .plain: return "tuple"
        case .torchSize: return "Size"
        case .named(let type, _), .record(let type, _): return String(type.split(separator: ".").last ?? "tuple")
        }
    }

    nonisolated(unsafe) public static let empty = PyTuple([])
}

/// An insertion-ordered dict, as Python's: entries live in insertion order with holes where
/// keys were deleted, compacted when an insertion finds the table full, as CPython's resize does
/// (so an iterator that outlives a change walks the same slots CPython's would).
public final class PyDict: CollectableObject {
    /// Internal for the cycle collector (Runtime/Memory), which traverses and uniques it.
    var slots: [(key: Value, value: Value)?] = []
    /// The slot of each key, while every key compares structurally (see HashKey).
    private var index: [HashKey: Int] = [:]
    /// Set, and `index` emptied, once a key only Python's `==` can compare arrives: from then on
    /// every key is found by its Python hash (see PyDict+PythonKeys).
    var pythonKeys: PythonKeyIndex?
    /// Bumped whenever slots move or go (a resize, a clear, the switch to `pythonKeys`), so that
    /// a look-up whose `__eq__` changed the dict starts over, as CPython's does.
    var layoutGeneration = 0
    /// The instance whose `__dict__` this is: what is stored or deleted here under a string key
    /// is set or deleted as its attribute too (see PyDict+InstanceAttributes).
    var attributeOwner: PyInstance?
    /// CPython's `dk_size`: a power of two whose two thirds bound the slots before a resize.
    private var tableSize = PyDict.minimumTableSize
    private static let minimumTableSize = 8

    public override init() {}

    deinit {
        untrack()
        // Going away deletes nothing from the instance whose `__dict__` this was.
        attributeOwner = nil
        var held = slots.flatMap { $0.map { [$0.key, $0.value] } ?? [] }
        removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { "dict" }

    public var count: Int {
        if let keys = pythonKeys { return keys.count }
        return index.count
    }

    public func get(_ key: Value) throws -> Value? {
        try get(key, hash: nil)
    }

    /// `get` with the key's Python hash when the caller has it (a set), so that a user's
    /// `__hash__` runs once.
    func get(_ key: Value, hash: Int?) throws -> Value? {
        guard let i = try slot(of: key, hash: hash) else { return nil }
        return slots[i]?.value
    }

    public func set(_ key: Value, _ value: Value) throws {
        try set(key, value, hash: nil)
    }

    func set(_ key: Value, _ value: Value, hash: Int?) throws {
        let found = try slotAdding(key, value, hash: hash)
        guard !found.added else { return }
        slots[found.slot]?.value = value
        if attributeOwner != nil { changedAttribute(key, value) }
    }

    /// The slot of the key equal to `key`, or of `key` with `value`, added: one look-up, so a
    /// key's `__eq__` runs once per stored key of its hash.
    private func slotAdding(_ key: Value, _ value: Value, hash: Int?) throws -> (slot: Int, added: Bool) {
        if pythonKeys == nil, let k = try HashKey(key) {
            if let i = index[k] { return (i, false) }
            try makeRoomForOneMore()
            try Allocation.checkGrowth(of: index, to: index.count + 1)
            index[k] = slots.count
        } else {
            let h = try hash ?? Hashing.hash(key)
            if let i = try pythonSlot(of: key, hash: h) { return (i, false) }
            if pythonKeys == nil { try switchToPythonKeys() }
            try makeRoomForOneMore()
            let slot = slots.count
            updatePythonKeys { $0.insert(slot: slot, hash: h) }
        }
        slots.append((key, value))
        if attributeOwner != nil { changedAttribute(key, value) }
        return (slots.count - 1, true)
    }

    /// Stores `key` with `value` unless an equal key is there (a set's add); whether it did.
    func addIfAbsent(_ key: Value, _ value: Value, hash: Int?) throws -> Bool {
        try slotAdding(key, value, hash: hash).added
    }

    /// Removes `key`, returning its value (nil when absent). Its slot stays a hole until the
    /// next resize.
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        try removeEntry(key, hash: nil)?.value
    }

    /// Removes `key`, returning the entry as it was stored (nil when absent).
    func removeEntry(_ key: Value, hash: Int?) throws -> (key: Value, value: Value)? {
        let found: Int?
        if pythonKeys == nil, let k = try HashKey(key) {
            found = index.removeValue(forKey: k)
        } else {
            let h = try hash ?? Hashing.hash(key)
            found = try pythonSlot(of: key, hash: h)
            if let found { updatePythonKeys { $0.remove(slot: found) } }
        }
        guard let i = found else { return nil }
        let entry = slots[i]
        slots[i] = nil
        if attributeOwner != nil { changedAttribute(key, nil) }
        return entry
    }

    /// `setdefault`: the value of `key`, or `value` stored and returned; a key's `__hash__`
    /// runs once.
    func setDefault(_ key: Value, _ value: Value) throws -> Value {
        let found = try slotAdding(key, value, hash: nil)
        return slots[found.slot]?.value ?? value
    }

    /// Removes the last entry in insertion order without hashing its key again (`popitem`).
    func removeLast() -> (key: Value, value: Value)? {
        guard let i = slots.lastIndex(where: { $0 != nil }), let entry = slots[i] else { return nil }
        if pythonKeys != nil {
            updatePythonKeys { $0.remove(slot: i) }
        } else if let k = try? HashKey(entry.key) {
            // Structural, so hashing it again runs no user code and cannot fail.
            index.removeValue(forKey: k)
        }
        slots[i] = nil
        if attributeOwner != nil { changedAttribute(entry.key, nil) }
        return entry
    }

    /// Adds every entry of `source` (a copy, `dict(d)`, `update`): with the hashes it keeps, as
    /// CPython's dict_merge, so no key's `__hash__` runs again.
    func merge(_ source: PyDict) throws {
        for (slot, entry) in source.slots.enumerated() {
            if let entry { try set(entry.key, entry.value, hash: source.storedHash(ofSlot: slot)) }
        }
    }

    private func slot(of key: Value, hash: Int?) throws -> Int? {
        if pythonKeys == nil, let k = try HashKey(key) { return index[k] }
        return try pythonSlot(of: key, hash: hash ?? Hashing.hash(key))
    }

    /// Live entries in insertion order.
    public var entries: [(key: Value, value: Value)] { slots.compactMap { $0 } }

    /// How many slots an iterator may walk (live entries and holes).
    var slotCount: Int { slots.count }

    /// The entry in slot `slot`; nil for a hole or past the end.
    func entry(atSlot slot: Int) -> (key: Value, value: Value)? {
        slot < slots.count ? slots[slot] : nil
    }

    public func removeAll() {
        if attributeOwner != nil { for entry in entries { changedAttribute(entry.key, nil) } }
        slots = []
        index = [:]
        pythonKeys = nil
        layoutGeneration &+= 1
        tableSize = PyDict.minimumTableSize
    }

    /// Keys by their Python hash from now on, the keys held so far included: none of those runs
    /// user code to hash (each had a structural key).
    func switchToPythonKeys() throws {
        var keys = PythonKeyIndex()
        for (i, slot) in slots.enumerated() {
            if let slot { keys.insert(slot: i, hash: try Hashing.hash(slot.key)) }
        }
        index = [:]
        pythonKeys = keys
        layoutGeneration &+= 1
    }

    private func makeRoomForOneMore() throws {
        if slots.count >= tableSize * 2 / 3 { try resize() }
        try Allocation.checkGrowth(of: slots, to: slots.count + 1)
    }

    /// CPython's insertion_resize: the live entries, compacted, in a table of at least three
    /// times their number. It copies the slots and the index: MemoryError first if they do not fit.
    private func resize() throws {
        try Allocation.check(count: slots.count, of: (moved: Int, slot: (key: Value, value: Value)?, index: (HashKey, Int)).self)
        var moved = [Int](repeating: 0, count: slots.count)
        var live = 0
        for (i, slot) in slots.enumerated() where slot != nil {
            moved[i] = live
            live += 1
        }
        slots = slots.filter { $0 != nil }
        index = index.mapValues { moved[$0] }
        updatePythonKeys { $0.renumber(moved) }
        layoutGeneration &+= 1
        var size = PyDict.minimumTableSize
        while size < live * 3 { size <<= 1 }
        tableSize = size
    }
}

/// A set: membership by Python equality (a dict of keys), iterated in the order CPython's hash
/// table would give (see SetTable).
public final class PySet: CollectableObject {
    public let dict = PyDict()
    /// Internal for the cycle collector (Runtime/Memory), which traverses and uniques it.
    var table = SetTable()
    public let isFrozen: Bool
    /// A frozenset's hash, once computed.
    var cachedHash: Int?
    public init(frozen: Bool = false) { isFrozen = frozen }

    deinit {
        untrack()
        var held = table.values
        table.removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { isFrozen ? "frozenset" : "set" }
    public var items: [Value] { table.values }
    public var count: Int { dict.count }
    var slotCount: Int { table.slotCount }
    func element(atSlot slot: Int) -> Value? { table.value(atSlot: slot) }

    /// Hashes `v` once (its class's `__hash__`, if any, runs once), as CPython's set_add does.
    public func insert(_ v: Value) throws {
        try insert(v, hash: Hashing.hash(v))
    }

    /// Inserts `v` whose Python hash is `hash` (kept from another set: no `__hash__` runs).
    func insert(_ v: Value, hash: Int) throws {
        guard try dict.addIfAbsent(v, .none, hash: hash) else { return }
        do {
            try table.add(v, hash: hash)
        } catch {
            // No room to grow the table (MemoryError): the set stays as it was.
            _ = try? dict.removeEntry(v, hash: hash)
            throw error
        }
    }

    public func contains(_ v: Value) throws -> Bool { try dict.get(v) != nil }

    /// Membership of `v` whose Python hash is known (an element of another set).
    func contains(_ v: Value, hash: Int) throws -> Bool { try dict.get(v, hash: hash) != nil }

    /// The elements with the hashes the set keeps, in iteration order.
    var entries: [(hash: Int, value: Value)] { table.entries }

    /// Removes `v`; false when it was absent.
    @discardableResult
    public func remove(_ v: Value) throws -> Bool {
        let hash = try Hashing.hash(v)
        guard let stored = try dict.removeEntry(v, hash: hash)?.key else { return false }
        table.remove(hash: hash) { Operators.identical($0, stored) }
        return true
    }

    public func removeAll() {
        dict.removeAll()
        table.removeAll()
    }

    /// Adds every element of `other` (`set(s)`, `s | t`, `s.update(t)`), as CPython's set_merge.
    public func merge(_ other: PySet) throws {
        // With the hashes `other` keeps: no `__hash__` runs again, as in CPython.
        let incoming = other.table.entries
        let absent = try incoming.map { try dict.get($0.value, hash: $0.hash) == nil }
        do {
            for (entry, isNew) in zip(incoming, absent) where isNew { try dict.set(entry.value, .none, hash: entry.hash) }
            // Fails, if it does, before it changes the table (see SetTable.merge).
            try table.merge(other.table, absent: absent)
        } catch {
            // No room to grow (MemoryError): the set stays as it was.
            for (entry, isNew) in zip(incoming, absent) where isNew { _ = try? dict.removeEntry(entry.value, hash: entry.hash) }
            throw error
        }
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
public final class PyIterator: CollectableObject {
    private enum Step {
        case closure(() throws -> Value?)
        /// Reads the next element from `source`, which the closure is handed rather than captures.
        case fromSource((Value) throws -> Value?)
    }

    private let step: Step
    let name: String
    /// The list or tuple a sequence iterator reads, held here (not inside a closure) so that the
    /// cycle collector sees it: a list that contains its own iterator is a cycle. Dropped once
    /// exhausted, as CPython's iterators drop their sequence.
    private(set) var source: Value?

    public init(name: String = "iterator", _ next: @escaping () throws -> Value?) {
        self.name = name
        step = .closure(next)
    }

    /// An iterator over `source`, whose elements `next` reads from the value it is given.
    init(name: String, over source: Value, _ next: @escaping (Value) throws -> Value?) {
        self.name = name
        self.source = source
        step = .fromSource(next)
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
        switch step {
        case .closure(let next): return try next()
        case .fromSource(let next):
            guard let source else { return nil }
            if let value = try next(source) { return value }
            self.source = nil
            return nil
        }
    }
}

/// `...`
public final class PyEllipsis: PyObject {
    nonisolated(unsafe) public static let shared = PyEllipsis()
    public override var typeName: String { "ellipsis" }
}

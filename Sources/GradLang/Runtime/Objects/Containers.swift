/// Python's containers. Lists, dicts and sets are reference types, as in Python (`b = a` aliases).
public final class PyList: CollectableObject {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
    deinit {
        untrack()
        NestedRelease.adopt(&items)
    }
    public override var typeName: String { "list" }

    override func forEachReference(_ visit: (Value) -> Void) { items.forEach(visit) }
    override func makeStorageUnique() {
        var items = self.items
        self.items = []
        items.makeUnique()
        self.items = items
    }
    override func giveUpReferences(into released: inout [Value]) {
        released += items
        items = []
    }
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

    /// Set only by its init, and by the cycle collector giving it a buffer of its own. Internal,
    /// behind `items`: a public stored `var` of a class is checked for exclusive access at run
    /// time on every use.
    private var elements: [Value]
    public var items: [Value] { elements }
    public let kind: Kind

    public init(_ items: [Value], kind: Kind = .plain) {
        elements = items
        self.kind = kind
    }

    deinit {
        untrack()
        NestedRelease.adopt(&elements)
    }

    override func forEachReference(_ visit: (Value) -> Void) { elements.forEach(visit) }
    override var holdsNothingTrackable: Bool { !elements.contains(where: CycleCollector.mayBeTracked) }
    override func makeStorageUnique() {
        var elements = self.elements
        self.elements = []
        elements.makeUnique()
        self.elements = elements
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
    private var index: [HashKey: Int] = [:]
    /// CPython's `dk_size`: a power of two whose two thirds bound the slots before a resize.
    private var tableSize = PyDict.minimumTableSize
    private static let minimumTableSize = 8

    public override init() {}

    deinit {
        untrack()
        var held = slots.flatMap { $0.map { [$0.key, $0.value] } ?? [] }
        removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { "dict" }

    override func forEachReference(_ visit: (Value) -> Void) {
        for case let entry? in slots {
            visit(entry.key)
            visit(entry.value)
        }
    }
    override func makeStorageUnique() {
        var slots = self.slots
        self.slots = []
        slots.makeUnique()
        self.slots = slots
    }
    override func giveUpReferences(into released: inout [Value]) {
        for (key, value) in entries { released += [key, value] }
        removeAll()
    }

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
            if slots.count >= tableSize * 2 / 3 { try resize() }
            try Allocation.checkGrowth(of: slots, to: slots.count + 1)
            try Allocation.checkGrowth(of: index, to: index.count + 1)
            index[k] = slots.count
            slots.append((key, value))
        }
    }

    /// Removes `key`, returning its value (nil when absent). Its slot stays a hole until the
    /// next resize.
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let i = index.removeValue(forKey: try HashKey(key)) else { return nil }
        let v = slots[i]?.value
        slots[i] = nil
        return v
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
        slots = []
        index = [:]
        tableSize = PyDict.minimumTableSize
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

    /// Its member dict is an object of its own, tracked and counted as any other.
    override func forEachReference(_ visit: (Value) -> Void) {
        visit(.object(dict))
        table.values.forEach(visit)
    }
    /// The member dict is part of the set in CPython.
    override var uncountedCompanions: Int { -1 }
    override func makeStorageUnique() { table.makeStorageUnique() }
    override func giveUpReferences(into released: inout [Value]) {
        released += items
        removeAll()
    }
    public var items: [Value] { table.values }
    public var count: Int { dict.count }
    var slotCount: Int { table.slotCount }
    func element(atSlot slot: Int) -> Value? { table.value(atSlot: slot) }

    public func insert(_ v: Value) throws {
        if try dict.get(v) != nil { return }
        try dict.set(v, .none)
        do {
            // Hashable by now: the dict accepted it as a key.
            try table.add(v, hash: (try? Hashing.hash(v)) ?? 0)
        } catch {
            // No room to grow the table (MemoryError): the set stays as it was.
            _ = try? dict.remove(v)
            throw error
        }
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
        do {
            for (v, isNew) in zip(incoming, absent) where isNew { try dict.set(v, .none) }
            // Fails, if it does, before it changes the table (see SetTable.merge).
            try table.merge(other.table, absent: absent)
        } catch {
            // No room to grow (MemoryError): the set stays as it was.
            for (v, isNew) in zip(incoming, absent) where isNew { _ = try? dict.remove(v) }
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
        /// Reads the next element through `held`, which the closure is handed rather than captures.
        case fromHeld(([Value]) throws -> Value?)
    }

    private let step: Step
    let name: String
    /// The list or tuple a sequence iterator reads, held here (not inside a closure) so that the
    /// cycle collector sees it: a list that contains its own iterator is a cycle. Dropped once
    /// exhausted, as CPython's iterators drop their sequence.
    private(set) var source: Value?
    /// The values another iterator reads (a dict, a set, the iterators `zip` and `map` draw
    /// from, the function `map` calls), held here for the cycle collector in the same way.
    /// Kept while the iterator lives, as CPython's keep theirs.
    private(set) var held: [Value] = []
    /// The tuples CPython's iterator of this kind keeps (`map`'s and `zip`'s tuple of iterators,
    /// the result tuple `zip`, `enumerate` and dict item iterators reuse), which `gc.collect()`
    /// counts along with it.
    let cpythonTuples: Int

    public init(name: String = "iterator", _ next: @escaping () throws -> Value?) {
        self.name = name
        step = .closure(next)
        cpythonTuples = 0
    }

    /// `source` and `held`: what an iterator made with a bare closure reads is inside it, which
    /// is not traversed, so it counts as referenced from outside.
    override func forEachReference(_ visit: (Value) -> Void) {
        if let source { visit(source) }
        held.forEach(visit)
    }
    override var uncountedCompanions: Int { cpythonTuples }

    /// An iterator over `source`, whose elements `next` reads from the value it is given.
    init(name: String, over source: Value, _ next: @escaping (Value) throws -> Value?) {
        self.name = name
        self.source = source
        step = .fromSource(next)
        cpythonTuples = 0
    }

    /// An iterator whose `next` reaches Python values only through `held`, which it is handed.
    init(name: String, holding held: [Value], cpythonTuples: Int = 0, _ next: @escaping ([Value]) throws -> Value?) {
        self.name = name
        self.held = held
        self.cpythonTuples = cpythonTuples
        step = .fromHeld(next)
    }

    deinit {
        untrack()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { name }

    /// Gives `held` a buffer of its own, for the cycle collector's count.
    override func makeStorageUnique() {
        var values = held
        held = []
        values.makeUnique()
        held = values
    }

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
        case .fromHeld(let next): return try next(held)
        }
    }
}

/// `...`
public final class PyEllipsis: PyObject {
    nonisolated(unsafe) public static let shared = PyEllipsis()
    public override var typeName: String { "ellipsis" }
}

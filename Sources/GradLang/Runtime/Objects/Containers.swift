/// Python's containers. Lists, dicts and sets are reference types, as in Python (`b = a` aliases).
public final class PyList: CollectableObject {
    /// Internal, with a read-only public view (`values`): a public stored `var` of a class is
    /// checked for exclusive access at run time on every use. Changed in place only through
    /// `changeItems`.
    var items: [Value]
    public var values: [Value] { items }
    public init(_ items: [Value]) { self.items = items }

    /// Changes the elements as a local array (see changeTakenOut): the list is empty meanwhile,
    /// so `change` must not run Python code.
    func changeItems<Result>(_ change: (inout [Value]) throws -> Result) rethrows -> Result {
        try changeTakenOut({ items }, { items = $0 }, change)
    }

    deinit {
        untrack()
        changeItems { NestedRelease.adopt(&$0, lastFirst: true) }
    }
    public override var typeName: String { "list" }

    override func forEachReference(_ visit: (Value) -> Void) { items.forEach(visit) }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.items }, { self.items = $0 })
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
        changeTakenOut({ elements }, { elements = $0 }) { NestedRelease.adopt(&$0, lastFirst: true) }
    }

    override func forEachReference(_ visit: (Value) -> Void) { elements.forEach(visit) }
    override var holdsNothingTrackable: Bool { !elements.contains(where: CycleCollector.mayBeTracked) }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.elements }, { self.elements = $0 })
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

/// A set: a hash table laid out as CPython's (see SetTable), which gives both membership and
/// CPython's iteration order.
public final class PySet: CollectableObject {
    /// Internal for the cycle collector (Runtime/Memory), which traverses and uniques it.
    let table = SetTable()
    public let isFrozen: Bool
    /// A frozenset's hash, once computed.
    var cachedHash: Int?
    public init(frozen: Bool = false) { isFrozen = frozen }

    deinit {
        untrack()
        var held = table.takeValues()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { isFrozen ? "frozenset" : "set" }

    override func forEachReference(_ visit: (Value) -> Void) { table.forEachValue(visit) }
    override func makeStorageUnique() { table.makeStorageUnique() }
    override func giveUpReferences(into released: inout [Value]) {
        released += table.takeValues()
    }
    public var items: [Value] { table.values }
    public var count: Int { table.used }
    var slotCount: Int { table.slotCount }
    func element(atSlot slot: Int) -> Value? { table.value(atSlot: slot) }

    public func insert(_ v: Value) throws {
        try table.add(v, hash: Hashing.hash(v))
    }

    public func contains(_ v: Value) throws -> Bool { try table.find(v, hash: Hashing.hash(v)) != nil }

    /// Removes `v`; false when it was absent.
    @discardableResult
    public func remove(_ v: Value) throws -> Bool {
        try table.remove(v, hash: Hashing.hash(v))
    }

    public func removeAll() { table.removeAll() }

    /// Removes and returns an element (`set.pop()`), as CPython chooses it; nil when empty.
    func pop() -> Value? { table.popElement() }

    /// Adds every element of `other` (`set(s)`, `s | t`, `s.update(t)`), as CPython's set_merge.
    public func merge(_ other: PySet) throws { try table.merge(other.table) }

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
public final class PyIterator: CollectableObject, PyAttributeProviding {
    private enum Step {
        case closure(() throws -> Value?)
        /// Reads the next element from `source`, which the closure is handed rather than captures.
        case fromSource((Value) throws -> Value?)
        /// Reads the next element through `held`, which the closure is handed rather than captures.
        case fromHeld(([Value]) throws -> Value?)
        /// Steps a tracked body that keeps the state it changes as it runs.
        case body(IteratorBody)
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
    /// What `__length_hint__` answers: how many elements are left (an int), as CPython's iterator
    /// of this kind counts them. Handed this iterator, so that it reads the container through
    /// `source` or `held` rather than capturing it. Nil for iterators without one (`map`, `zip`).
    var lengthHint: ((PyIterator) -> Value)?

    public init(name: String = "iterator", _ next: @escaping () throws -> Value?) {
        self.name = name
        step = .closure(next)
        cpythonTuples = 0
    }

    /// `source`, `held` and a body: what an iterator made with a bare closure reads is inside
    /// it, which is not traversed, so it counts as referenced from outside.
    override func forEachReference(_ visit: (Value) -> Void) {
        if let source { visit(source) }
        held.forEach(visit)
        if case .body(let body) = step { visit(.object(body)) }
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

    /// An iterator that steps `body` (which the collector sees through this iterator).
    init(name: String, body: IteratorBody) {
        self.name = name
        step = .body(body)
        cpythonTuples = 0
    }

    deinit {
        untrack()
        changeTakenOut({ held }, { held = $0 }) { NestedRelease.adopt(&$0) }
    }

    public override var typeName: String { name }

    public func attribute(_ name: String) throws -> Value? {
        guard name == "__length_hint__", lengthHint != nil else { return nil }
        return .object(PyBoundMethod(receiver: .object(self), function: PyIterator.lengthHintMethod))
    }

    nonisolated(unsafe) private static let lengthHintMethod = PyBuiltin("__length_hint__(self, /)") { args in
        guard case .object(let it as PyIterator) = args["self"], let hint = it.lengthHint else { return .int(0) }
        return hint(it)
    }

    /// Gives `held` a buffer of its own, for the cycle collector's count.
    override func makeStorageUnique() {
        makeUniqueStorage({ self.held }, { self.held = $0 })
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
        case .body(let body): return try body.next()
        }
    }
}

/// `...`
public final class PyEllipsis: PyObject {
    nonisolated(unsafe) public static let shared = PyEllipsis()
    public override var typeName: String { "ellipsis" }
}

// What the cycle collector needs of each kind of container: its references to other Python
// values, where they are stored, and how to drop them. Each kind overrides CollectableObject's
// `forEachReference`, `makeStorageUnique` and `giveUpReferences` (CPython's tp_traverse and
// tp_clear) in its own declaration; this is the argument that they are enough.
//
// The storage argument, type by type (CycleCollector's step 1): every Swift array or dictionary
// that holds a container's references is made unique before the collector counts, so that a
// buffer shared by copy-on-write (`b = a[:]`, `list(a)`, `tuple(a)`, a builtin's local copy) is
// not counted as one reference from each of its holders. The holders other than the container
// (a Swift local, an iterator) keep the old buffer, whose references then count as coming from
// outside, which they are.
// - list: `items`.
// - tuple: `items`.
// - dict: `keys` and `values`, and the instance whose `__dict__` it is. Its probe data and
//   index hold hashes, key identities and entry numbers only.
// - set: its element table.
// - cell: its value (no buffer).
// - function: its closure cells, its defaults, the attributes set on it and the dict `exec`
//   defined it in. The frame its code keeps for the next call holds no cells or other values
//   (see FunctionCode.spareFrame). A frame of a call in progress may share the closure's
//   buffer: that buffer then counts as outside, and the function is referenced by its caller
//   anyway. Its compiled
//   body is a Swift closure: the constants and globals it holds are not traversed, so they count
//   as referenced from outside.
// - bound method: its receiver (its function is a builtin, which holds no Python values).
// - dict view: its dict.
// - instance of a user class: its class, its attribute slots (an exception also its `args`), and
//   the list or dict that holds its contents if its class extends one (set when it is made).
// - class: its namespace, its bases (`bases` and `declaredBases`), its order and its metaclass.
// - method, property, staticmethod, classmethod, super: the values they wrap.
// - iterator: the list or tuple it reads (`source`; no buffer), and what the others read (`held`:
//   the dict or set, the iterators `zip`, `map`, `filter`, `enumerate` and itertools' draw from,
//   the functions they call, the instance or generator a wrapper steps), and its body if it has
//   one. What an iterator changes as it runs (`cycle`'s saved elements, `accumulate`'s total,
//   `tee`'s buffer, `groupby`'s current element) is in a state object it holds in `held`
//   (IteratorState, groupby's GroupState) or in its body (`chain`'s, a generator expression's
//   frame and iterators), tracked and traversed in turn. An iterator made with a bare closure
//   (a string's, a tensor's, a range's) keeps what it reads inside it, which is not traversed:
//   that counts as referenced from outside.
// - generator: its frame's slots (locals, and the statements' progress: a `yield from`'s
//   sub-iterator), its cells, the value passing through the frame, and the generator it delegates
//   to. The cell list may share the closure's buffer, like a function's. Unfinished garbage
//   generators (and generator expressions) are closed before anything is cleared (CycleCollector).
// Other objects (modules, builtins) are not tracked: what they hold is reachable from outside as
// far as the collector knows, which may leak a cycle through them but never frees a live object.
// (A module lives in the interpreter's module table for good, as in CPython's `sys.modules`.)
//
// Each buffer is taken out of its object, made unique as a local and put back, rather than
// mutated in place: an in-place mutating call on a stored property is an access spanning a call,
// and one such access makes the optimizer check every access to that property at run time.
//
// Only lists, dicts, sets, cells, instances (exceptions included), classes, the attributes set
// on functions, generators (whose frames change as they run) and iterators' state objects and
// bodies are cleared: they are the only references that change after their holder is made (an
// iterator only drops its source). A tuple, a function's closure and defaults, a bound method, a
// view or an iterator refers only to objects that existed when it was made, so every cycle
// passes through at least one of those that are cleared, and once the garbage's are emptied,
// what remains of it refers only to older objects: ARC frees it all.

/// Gives a container's stored array or dictionary a buffer of its own: read out, the property
/// emptied (so the local is its only holder unless another shares it), made unique, put back.
func makeUniqueStorage<Storage: UniquableStorage>(_ read: () -> Storage, _ write: (Storage) -> Void) {
    var storage = read()
    write(Storage.empty)
    storage.makeUnique()
    write(storage)
}

/// What `makeUniqueStorage` handles: a value-typed store of references with an empty value.
protocol UniquableStorage {
    static var empty: Self { get }
    mutating func makeUnique()
}

extension Array: UniquableStorage {
    static var empty: Array { [] }
}

extension Dictionary: UniquableStorage {
    static var empty: Dictionary { [:] }
}

extension Namespace: UniquableStorage {
    static var empty: Namespace { Namespace() }
}

extension Array {
    /// Copies the buffer if another array shares it (what a mutation would do first). An empty
    /// array holds no references, and is left sharing the empty singleton.
    mutating func makeUnique() {
        if !isEmpty { reserveCapacity(count) }
    }
}

extension Dictionary {
    /// Copies the storage if another dictionary shares it; a no-op for one with no other holder.
    mutating func makeUnique() {
        if !isEmpty { reserveCapacity(count) }
    }
}

extension Frame {
    /// The values a suspended generator's (or generator expression's) frame holds: its locals
    /// (with the statements' progress: a `yield from`'s sub-generator), cells and pending values.
    func forEachReference(_ visit: (Value) -> Void) {
        for i in 0..<slotCount { if let v = self[slot: i] { visit(v) } }
        // A local copy: no access to the frame's cell list spans a call.
        let cells = self.cells
        for cell in cells { visit(.object(cell)) }
        visit(returnValue)
        if let delegate = generator?.delegate { visit(.object(delegate)) }
    }

    /// Gives the cell list a buffer of its own; it may share the closure's (see CycleTraversal).
    func makeCellsUnique() {
        makeUniqueStorage({ self.cells }, { self.cells = $0 })
    }
}

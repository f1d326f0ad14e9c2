/// An insertion-ordered dict, laid out as CPython's (Objects/dictobject.c): the entries (hash, key,
/// value) in insertion order, with holes where keys were deleted, and an open-addressing index of
/// entry numbers probed as CPython probes it. The entries are compacted when an insertion finds
/// them full, as CPython's resize does, so an iterator that outlives a change walks the same slots
/// CPython's would.
///
/// A key's hash is computed once per operation. Keys compare by identity first, then by Python
/// equality (`1`, `1.0` and `True` are one key; a class's `__eq__` runs). That `__eq__` may change
/// the dict: the look-up then starts over, as CPython's does.
///
/// The entries are kept as two arrays side by side, one element per entry: the keys, each with
/// what a probe compares before it (hash and key identity, plain bits), and the values. A probe
/// reads the fields it compares in place, so one that finds its key by identity copies neither key
/// nor value, and a read copies out only the value; an insertion appends to two arrays.
public final class PyDict: CollectableObject {
    struct Entry {
        let hash: Int
        let key: Value
        var value: Value
    }

    /// An entry's key, with what a probe compares before it.
    private struct KeyEntry {
        let hash: Int
        let identity: KeyIdentity
        /// nil in a hole.
        var key: Value?
    }

    /// Per entry in insertion order (holes where keys were deleted): its key and its value (None
    /// in a hole).
    private var keys: [KeyEntry] = []
    private var values: [Value] = []
    /// CPython's `dk_indices`: per table position, the number of an entry, `empty` or `deleted`.
    /// Its size (CPython's `dk_size`) is a power of two whose two thirds bound the slots before a
    /// resize; empty until the first insertion.
    private var indices: [Int32] = []
    private var live = 0
    /// Changes whenever `indices` is rebuilt or emptied: a look-up that ran Python code sees from
    /// it that the table it was probing is gone (CPython compares `dk` with `ma_keys`).
    private var generation = 0
    private static let empty = -1, deleted = -2
    private static let minimumTableSize = 8, perturbShift = 5

    /// The instance whose `__dict__` this is, or the module namespace whose `globals()` it is:
    /// what is stored or deleted here under a string key is set or deleted there too (see
    /// PyDict+Owner).
    var owner: DictOwner? {
        get { namespace }
        set {
            namespace = newValue
            isOwned = newValue != nil
        }
    }
    private var namespace: DictOwner?
    /// Whether `owner` is set: a byte, quicker to test before each use than the enum.
    private var isOwned = false

    /// An owned dict catches up with its namespace before each use (see PyDict+Owner); the test
    /// is all a dict of no namespace pays.
    @inline(__always)
    private func catchUpWithOwner() {
        if isOwned { catchUpWithNamespace() }
    }

    public init() { super.init() }

    deinit {
        untrack()
        // Going away deletes nothing from the instance whose `__dict__` this was.
        owner = nil
        // Only objects can hold further containers: the rest is freed as usual, without a copy
        // (a dict that filled memory must be freed without asking for as much again).
        var held: [Value] = []
        for entry in keys { if let key = entry.key, case .object = key { held.append(key) } }
        for value in values { if case .object = value { held.append(value) } }
        removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { "dict" }

    override func forEachReference(_ visit: (Value) -> Void) {
        for (entry, value) in zip(keys, values) {
            guard let key = entry.key else { continue }
            visit(key)
            visit(value)
        }
        owner?.forEachReference(visit)
    }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.keys }, { self.keys = $0 })
        makeUniqueStorage({ self.values }, { self.values = $0 })
    }
    override func giveUpReferences(into released: inout [Value]) {
        // The owner first: emptying the dict must not delete the attributes of its instance.
        owner?.giveUpReferences(into: &released)
        owner = nil
        for (entry, value) in zip(keys, values) {
            guard let key = entry.key else { continue }
            released += [key, value]
        }
        removeAll()
    }

    public var count: Int {
        catchUpWithOwner()
        return live
    }

    public func get(_ key: Value) throws -> Value? { try get(key, hash: Hashing.hash(key)) }

    /// `get` with the key's hash already known (a stored one: CPython calls no `__hash__` again
    /// when it copies or compares dicts).
    func get(_ key: Value, hash: Int) throws -> Value? {
        catchUpWithOwner()
        guard let found = try find(key, hash: hash) else { return nil }
        return values[found.slot]
    }

    public func set(_ key: Value, _ value: Value) throws { try set(key, value, hash: Hashing.hash(key)) }

    /// `set` with the key's hash already known. Inlined into `set(_:_:)`, which every store
    /// `d[k] = v` calls: one call less per store.
    @inline(__always)
    func set(_ key: Value, _ value: Value, hash: Int) throws {
        catchUpWithOwner()
        if let found = try find(key, hash: hash) {
            // CPython keeps the key first stored: `d[1] = 0; d[1.0] = 1` leaves the key 1.
            changeTakenOut({ values }, { values = $0 }) { $0[found.slot] = value }
            if isOwned { changedEntry(key, value) }
            return
        }
        try insertNew(key, value, hash: hash)
    }

    /// `setdefault`: the value stored under `key`, else `value`, stored there; one look-up, so
    /// `__eq__` runs as often as in CPython.
    func setDefault(_ key: Value, _ value: Value) throws -> Value {
        let hash = try Hashing.hash(key)
        catchUpWithOwner()
        if let found = try find(key, hash: hash) { return values[found.slot] }
        try insertNew(key, value, hash: hash)
        return value
    }

    /// Adds an entry for a key not in the dict.
    private func insertNew(_ key: Value, _ value: Value, hash: Int) throws {
        if keys.count >= indices.count * 2 / 3 { try resize() }
        try Allocation.checkGrowth(of: keys, to: keys.count + 1)
        let position = freePosition(hash), slot = Int32(keys.count)
        changeIndices { $0[position] = slot }
        changeTakenOut({ keys }, { keys = $0 }) { $0.append(KeyEntry(hash: hash, identity: KeyIdentity(key), key: key)) }
        changeTakenOut({ values }, { values = $0 }) { $0.append(value) }
        live += 1
        if isOwned { changedEntry(key, value) }
    }

    /// Removes `key`, returning its value (nil when absent). Its slot stays a hole until the
    /// next resize.
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        catchUpWithOwner()
        guard let found = try find(key, hash: Hashing.hash(key)) else { return nil }
        let value = values[found.slot]
        changeIndices { $0[found.position] = Int32(PyDict.deleted) }
        clear(slot: found.slot)
        live -= 1
        if isOwned { changedEntry(key, nil) }
        return value
    }

    /// The last live entry, removed (`popitem`), without hashing its key again.
    func removeLast() -> (key: Value, value: Value)? {
        catchUpWithOwner()
        guard let last = keys.lastIndex(where: { $0.key != nil }), let key = keys[last].key else { return nil }
        let value = values[last]
        if let position = indices.firstIndex(of: Int32(last)) { changeIndices { $0[position] = Int32(PyDict.deleted) } }
        clear(slot: last)
        live -= 1
        if isOwned { changedEntry(key, nil) }
        return (key, value)
    }

    /// Makes slot `slot` a hole.
    private func clear(slot: Int) {
        changeTakenOut({ keys }, { keys = $0 }) { $0[slot].key = nil }
        changeTakenOut({ values }, { values = $0 }) { $0[slot] = .none }
    }

    /// Live entries in insertion order, with their stored hashes.
    var hashedEntries: [Entry] {
        catchUpWithOwner()
        return keys.indices.compactMap { i in keys[i].key.map { Entry(hash: keys[i].hash, key: $0, value: values[i]) } }
    }

    /// Live entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        catchUpWithOwner()
        return zip(keys, values).compactMap { entry, value in entry.key.map { ($0, value) } }
    }

    /// How many slots an iterator may walk (live entries and holes).
    var slotCount: Int {
        catchUpWithOwner()
        return keys.count
    }

    /// The entry in slot `slot`; nil for a hole or past the end.
    func entry(atSlot slot: Int) -> (key: Value, value: Value)? {
        catchUpWithOwner()
        guard slot < keys.count, let key = keys[slot].key else { return nil }
        return (key, values[slot])
    }

    public func removeAll() {
        catchUpWithOwner()
        // The entries are taken out first: telling the instance while reading them would be an
        // access spanning calls, which the optimizer would then check everywhere at run time.
        let removed = keys
        keys = []
        values = []
        if isOwned { for case let key? in removed.map(\.key) { changedEntry(key, nil) } }
        indices = []
        live = 0
        generation &+= 1
    }

    /// The table position and slot of the entry whose key equals `key`, or nil: CPython's probe
    /// (dictkeys_generic_lookup), which starts over when an `__eq__` it ran changed the table or
    /// the entry it was comparing.
    private func find(_ key: Value, hash: Int) throws -> (position: Int, slot: Int)? {
        let identity = KeyIdentity(key)
        probing: while true {
            let mask = indices.count - 1
            guard mask > 0 else { return nil }
            var position = hash & mask
            var perturb = UInt(bitPattern: hash)
            while true {
                let index = Int(indices[position])
                if index == PyDict.empty { return nil }
                // The hash before the key: most entries probed are not the key; then the key's
                // identity, without reading the key.
                if index >= 0, keys[index].hash == hash {
                    if identity.isKnown && keys[index].identity == identity { return (position, index) }
                    if let stored = keys[index].key {
                        if KeyEquality.isSame(stored, key) { return (position, index) }
                        let before = generation
                        let equal = try KeyEquality.equal(stored, key)
                        guard before == generation, let now = keys[index].key, KeyEquality.isSame(now, stored) else {
                            continue probing
                        }
                        if equal { return (position, index) }
                    }
                }
                perturb >>= UInt(PyDict.perturbShift)
                position = Int((UInt(position) &* 5 &+ perturb &+ 1) & UInt(mask))
            }
        }
    }

    /// The first position on `hash`'s probe sequence that holds no entry (CPython's
    /// find_empty_slot); the table has one, being at most two thirds full.
    private func freePosition(_ hash: Int) -> Int { PyDict.freePosition(hash, in: indices) }

    private static func freePosition(_ hash: Int, in indices: [Int32]) -> Int {
        let mask = indices.count - 1
        var position = hash & mask
        var perturb = UInt(bitPattern: hash)
        while indices[position] >= 0 {
            perturb >>= UInt(PyDict.perturbShift)
            position = Int((UInt(position) &* 5 &+ perturb &+ 1) & UInt(mask))
        }
        return position
    }

    /// CPython's insertion_resize: the live entries, compacted, under an index of at least three
    /// times their number. MemoryError, with nothing changed, when the new arrays do not fit.
    private func resize() throws {
        var size = PyDict.minimumTableSize
        while size < live * 3 { size <<= 1 }
        let capacity = size * 2 / 3
        try Allocation.check(count: size, of: Int32.self)
        try Allocation.check(count: capacity, of: KeyEntry.self)
        try Allocation.check(count: capacity, of: Value.self)
        // The entries are moved, not copied (a retain and a release of every key and value):
        // taken out, their holes removed in place keeping their order, then grown.
        var (movedKeys, movedValues) = (keys, values)
        (keys, values) = ([], [])
        if live < movedKeys.count {
            var kept = 0
            for i in movedKeys.indices where movedKeys[i].key != nil {
                movedKeys.swapAt(kept, i)
                movedValues.swapAt(kept, i)
                kept += 1
            }
            movedKeys.removeLast(movedKeys.count - kept)
            movedValues.removeLast(movedValues.count - kept)
        }
        movedKeys.reserveCapacity(capacity)
        movedValues.reserveCapacity(capacity)
        var fresh = [Int32](repeating: Int32(PyDict.empty), count: size)
        for (slot, entry) in movedKeys.enumerated() { fresh[PyDict.freePosition(entry.hash, in: fresh)] = Int32(slot) }
        (keys, values, indices) = (movedKeys, movedValues, fresh)
        generation &+= 1
    }

    /// Changes the index as a local array (see changeTakenOut).
    private func changeIndices<Result>(_ change: (inout [Int32]) throws -> Result) rethrows -> Result {
        try changeTakenOut({ indices }, { indices = $0 }, change)
    }
}

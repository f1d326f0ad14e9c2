/// An insertion-ordered dict, laid out as CPython's (Objects/dictobject.c): the entries (hash, key,
/// value) in insertion order, with holes where keys were deleted, and an open-addressing index of
/// entry numbers probed as CPython probes it. The entries are compacted when an insertion finds
/// them full, as CPython's resize does, so an iterator that outlives a change walks the same slots
/// CPython's would.
///
/// A key's hash is computed once per operation. Keys compare by identity first, then by Python
/// equality (`1`, `1.0` and `True` are one key; a class's `__eq__` runs). That `__eq__` may change
/// the dict: the look-up then starts over, as CPython's does.
public final class PyDict: CollectableObject {
    struct Entry {
        let hash: Int
        let key: Value
        var value: Value
    }

    /// The entries in insertion order; nil for a deleted one. Internal for the cycle collector
    /// (Runtime/Memory), which traverses and uniques it.
    var slots: [Entry?] = []
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

    /// The instance whose `__dict__` this is: what is stored or deleted here under a string key
    /// is set or deleted as its attribute too (see PyDict+InstanceAttributes).
    var attributeOwner: PyInstance?

    public override init() {}

    deinit {
        untrack()
        // Going away deletes nothing from the instance whose `__dict__` this was.
        attributeOwner = nil
        // Only objects can hold further containers: the rest is freed as usual, without a copy
        // (a dict that filled memory must be freed without asking for as much again).
        var held: [Value] = []
        for case let entry? in slots {
            if case .object = entry.key { held.append(entry.key) }
            if case .object = entry.value { held.append(entry.value) }
        }
        removeAll()
        NestedRelease.adopt(&held)
    }

    public override var typeName: String { "dict" }

    override func forEachReference(_ visit: (Value) -> Void) {
        for case let entry? in slots {
            visit(entry.key)
            visit(entry.value)
        }
        if let attributeOwner { visit(.object(attributeOwner)) }
    }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.slots }, { self.slots = $0 })
    }
    override func giveUpReferences(into released: inout [Value]) {
        // The owner first: emptying the dict must not delete the attributes of its instance.
        if let attributeOwner { released.append(.object(attributeOwner)) }
        attributeOwner = nil
        for case let entry? in slots { released += [entry.key, entry.value] }
        removeAll()
    }

    public var count: Int { live }

    public func get(_ key: Value) throws -> Value? { try get(key, hash: Hashing.hash(key)) }

    /// `get` with the key's hash already known (a stored one: CPython calls no `__hash__` again
    /// when it copies or compares dicts).
    func get(_ key: Value, hash: Int) throws -> Value? {
        guard let found = try find(key, hash: hash) else { return nil }
        return slots[found.slot]?.value
    }

    public func set(_ key: Value, _ value: Value) throws { try set(key, value, hash: Hashing.hash(key)) }

    /// `set` with the key's hash already known.
    func set(_ key: Value, _ value: Value, hash: Int) throws {
        if let found = try find(key, hash: hash) {
            // CPython keeps the key first stored: `d[1] = 0; d[1.0] = 1` leaves the key 1.
            changeSlots { $0[found.slot]?.value = value }
            if attributeOwner != nil { changedAttribute(key, value) }
            return
        }
        try insertNew(key, value, hash: hash)
    }

    /// `setdefault`: the value stored under `key`, else `value`, stored there; one look-up, so
    /// `__eq__` runs as often as in CPython.
    func setDefault(_ key: Value, _ value: Value) throws -> Value {
        let hash = try Hashing.hash(key)
        if let found = try find(key, hash: hash), let existing = slots[found.slot]?.value { return existing }
        try insertNew(key, value, hash: hash)
        return value
    }

    /// Adds an entry for a key not in the dict.
    private func insertNew(_ key: Value, _ value: Value, hash: Int) throws {
        if slots.count >= indices.count * 2 / 3 { try resize() }
        try Allocation.checkGrowth(of: slots, to: slots.count + 1)
        let position = freePosition(hash), slot = Int32(slots.count)
        changeIndices { $0[position] = slot }
        changeSlots { $0.append(Entry(hash: hash, key: key, value: value)) }
        live += 1
        if attributeOwner != nil { changedAttribute(key, value) }
    }

    /// Removes `key`, returning its value (nil when absent). Its slot stays a hole until the
    /// next resize.
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let found = try find(key, hash: Hashing.hash(key)) else { return nil }
        let value = slots[found.slot]?.value
        changeIndices { $0[found.position] = Int32(PyDict.deleted) }
        changeSlots { $0[found.slot] = nil }
        live -= 1
        if attributeOwner != nil { changedAttribute(key, nil) }
        return value
    }

    /// The last live entry, removed (`popitem`), without hashing its key again.
    func removeLast() -> (key: Value, value: Value)? {
        guard let last = slots.lastIndex(where: { $0 != nil }), let entry = slots[last] else { return nil }
        if let position = indices.firstIndex(of: Int32(last)) { changeIndices { $0[position] = Int32(PyDict.deleted) } }
        changeSlots { $0[last] = nil }
        live -= 1
        if attributeOwner != nil { changedAttribute(entry.key, nil) }
        return (entry.key, entry.value)
    }

    /// Live entries in insertion order, with their stored hashes.
    var hashedEntries: [Entry] { slots.compactMap { $0 } }

    /// Live entries in insertion order.
    public var entries: [(key: Value, value: Value)] { slots.compactMap { $0.map { ($0.key, $0.value) } } }

    /// How many slots an iterator may walk (live entries and holes).
    var slotCount: Int { slots.count }

    /// The entry in slot `slot`; nil for a hole or past the end.
    func entry(atSlot slot: Int) -> (key: Value, value: Value)? {
        guard slot < slots.count, let entry = slots[slot] else { return nil }
        return (entry.key, entry.value)
    }

    public func removeAll() {
        // The entries are taken out first: telling the instance while reading them would be an
        // access spanning calls, which the optimizer would then check everywhere at run time.
        let entries = slots
        slots = []
        if attributeOwner != nil { for case let entry? in entries { changedAttribute(entry.key, nil) } }
        indices = []
        live = 0
        generation &+= 1
    }

    /// The table position and slot of the entry whose key equals `key`, or nil: CPython's probe
    /// (dictkeys_generic_lookup), which starts over when an `__eq__` it ran changed the table or
    /// the entry it was comparing.
    private func find(_ key: Value, hash: Int) throws -> (position: Int, slot: Int)? {
        probing: while true {
            let mask = indices.count - 1
            guard mask > 0 else { return nil }
            var position = hash & mask
            var perturb = UInt(bitPattern: hash)
            while true {
                let index = Int(indices[position])
                if index == PyDict.empty { return nil }
                // The hash before the key: most entries probed are not the key. The entry is read
                // once: each read of `slots` copies one out, its key and value retained.
                if index >= 0, let entry = slots[index], entry.hash == hash {
                    let stored = entry.key
                    if KeyEquality.isSame(stored, key) { return (position, index) }
                    let before = generation
                    let equal = try KeyEquality.equal(stored, key)
                    guard before == generation, let now = slots[index]?.key, KeyEquality.isSame(now, stored) else {
                        continue probing
                    }
                    if equal { return (position, index) }
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
        try Allocation.check(count: capacity, of: Entry?.self)
        // The entries are moved, not copied (a retain and a release of every key and value):
        // taken out, their holes removed in place keeping their order, then grown.
        var compacted = slots
        slots = []
        if live < compacted.count { compacted.removeAll { $0 == nil } }
        compacted.reserveCapacity(capacity)
        slots = compacted
        indices = [Int32](repeating: Int32(PyDict.empty), count: size)
        generation &+= 1
        changeIndices { indices in
            for (slot, entry) in compacted.enumerated() {
                if let entry { indices[PyDict.freePosition(entry.hash, in: indices)] = Int32(slot) }
            }
        }
    }

    /// Changes the entries as a local array (see changeTakenOut).
    private func changeSlots<Result>(_ change: (inout [Entry?]) throws -> Result) rethrows -> Result {
        try changeTakenOut({ slots }, { slots = $0 }, change)
    }

    /// Changes the index as a local array (see changeTakenOut).
    private func changeIndices<Result>(_ change: (inout [Int32]) throws -> Result) rethrows -> Result {
        try changeTakenOut({ indices }, { indices = $0 }, change)
    }
}

/// The slots of a dict's keys grouped by Python hash, for dicts holding a key that only Python's
/// `==` can compare: an instance whose class defines `__hash__` (a `Point` with `__eq__`), or a
/// tuple holding one. Such a key is hashed once per operation by its `__hash__`, then compared, as
/// in CPython, with the stored keys of the same hash: by identity first, then by `==`.
struct PythonKeyIndex {
    /// Slots by hash, each list in insertion order (CPython's probe order for equal hashes).
    private var slotsByHash: [Int: [Int]] = [:]
    /// Each live slot's hash, kept as CPython keeps it: copying a dict calls no `__hash__`.
    private var hashBySlot: [Int: Int] = [:]

    var count: Int { hashBySlot.count }

    func slots(withHash hash: Int) -> [Int] { slotsByHash[hash] ?? [] }

    func hash(ofSlot slot: Int) -> Int? { hashBySlot[slot] }

    mutating func insert(slot: Int, hash: Int) {
        slotsByHash[hash, default: []].append(slot)
        hashBySlot[slot] = hash
    }

    mutating func remove(slot: Int) {
        guard let hash = hashBySlot.removeValue(forKey: slot), var list = slotsByHash[hash],
              let at = list.firstIndex(of: slot) else { return }
        list.remove(at: at)
        slotsByHash[hash] = list.isEmpty ? nil : list
    }

    /// After a resize compacted the slots: slot `i` is now `moved[i]`.
    mutating func renumber(_ moved: [Int]) {
        slotsByHash = slotsByHash.mapValues { $0.map { moved[$0] } }
        hashBySlot = Dictionary(uniqueKeysWithValues: hashBySlot.map { (moved[$0.key], $0.value) })
    }
}

extension PyDict {
    /// The Python hash kept for the key in `slot`; nil while the dict's keys are structural.
    func storedHash(ofSlot slot: Int) -> Int? {
        let keys = pythonKeys
        return keys?.hash(ofSlot: slot)
    }

    /// Changes the Python keys in a local copy, put back after: a mutating call on the stored
    /// property would be an access spanning a call, which makes Swift check every access to it
    /// at run time (the `pythonKeys == nil` test on every look-up among them).
    func updatePythonKeys(_ change: (inout PythonKeyIndex) -> Void) {
        guard var keys = pythonKeys else { return }
        pythonKeys = nil
        change(&keys)
        pythonKeys = keys
    }

    /// The slot holding a key equal to `key`, whose Python hash is `hash`: CPython's lookdict,
    /// which starts over when a `__eq__` it called moved the slots or replaced the key it was
    /// comparing with. Switches the dict to Python keys first if it has keys and is not yet.
    func pythonSlot(of key: Value, hash: Int) throws -> Int? {
        if pythonKeys == nil {
            if count == 0 { return nil }
            try switchToPythonKeys()
        }
        search: while true {
            let generation = layoutGeneration
            let keys = pythonKeys
            for slot in keys?.slots(withHash: hash) ?? [] {
                guard let stored = slots[slot]?.key else { continue }
                if Operators.identical(stored, key) { return slot }
                let equal = try Operators.equals(stored, key)
                guard generation == layoutGeneration, slot < slots.count,
                      let now = slots[slot]?.key, Operators.identical(now, stored) else { continue search }
                if equal { return slot }
            }
            return nil
        }
    }
}

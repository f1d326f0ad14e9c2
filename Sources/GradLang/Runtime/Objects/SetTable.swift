/// The slot layout of CPython's set hash table (Objects/setobject.c): a set iterates in slot
/// order, which is what `print({3, 1, 2})` shows. grad keeps membership in a dict and mirrors the
/// table here only for that order: the same probing, fill/used counts, dummies and resizes.
struct SetTable {
    private enum Slot {
        case unused
        case dummy
        case active(hash: Int, value: Value)
    }

    private var slots = [Slot](repeating: .unused, count: 8)
    private var fill = 0
    private(set) var used = 0
    private static let linearProbes = 9, perturbShift = 5

    private var mask: Int { slots.count - 1 }

    /// Values in slot order.
    var values: [Value] {
        slots.compactMap { if case .active(_, let v) = $0 { return v } else { return nil } }
    }

    /// Values with their hashes, in slot order.
    var entries: [(hash: Int, value: Value)] {
        slots.compactMap { if case .active(let h, let v) = $0 { return (h, v) } else { return nil } }
    }

    /// How many slots an iterator walks.
    var slotCount: Int { slots.count }

    /// The value in slot `slot`; nil for an unused or dummy slot, or past the end.
    func value(atSlot slot: Int) -> Value? {
        guard slot < slots.count, case .active(_, let v) = slots[slot] else { return nil }
        return v
    }

    /// `set_add_entry` for a value known to be absent.
    mutating func add(_ value: Value, hash: Int) throws {
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        var freeSlot: Int?
        while true {
            let probes = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for j in i...(i + probes) {
                switch slots[j] {
                case .unused:
                    if let free = freeSlot {
                        slots[free] = .active(hash: hash, value: value)
                        used += 1
                        return
                    }
                    slots[j] = .active(hash: hash, value: value)
                    fill += 1
                    used += 1
                    if fill * 5 >= mask * 3 { try resize(minUsed: used > 50000 ? used * 2 : used * 4) }
                    return
                case .dummy:
                    if freeSlot == nil { freeSlot = j }
                case .active:
                    break
                }
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// Marks the slot of the value equal to `matches` as a dummy (`set_discard_entry`).
    mutating func remove(hash: Int, matches: (Value) -> Bool) {
        for (i, slot) in slots.enumerated() {
            if case .active(let h, let v) = slot, h == hash, matches(v) {
                slots[i] = .dummy
                used -= 1
                return
            }
        }
    }

    mutating func removeAll() { self = SetTable() }

    /// Copies the slots if another table shares them (for the cycle collector's count).
    mutating func makeStorageUnique() { slots.makeUnique() }

    /// `set_table_resize`: re-inserts the active entries, in slot order, into a fresh table
    /// (MemoryError, with nothing changed, when there is no room for it).
    mutating func resize(minUsed: Int) throws {
        var size = 8
        while size <= minUsed { size <<= 1 }
        try Allocation.check(count: size, of: Slot.self)
        let old = slots
        slots = [Slot](repeating: .unused, count: size)
        fill = 0
        used = 0
        for case .active(let h, let v) in old { insertClean(v, hash: h) }
    }

    /// `set_insert_clean`: into a table known to have no dummies and no equal key.
    private mutating func insertClean(_ value: Value, hash: Int) {
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for j in i...(i + probes) {
                if case .unused = slots[j] {
                    slots[j] = .active(hash: hash, value: value)
                    fill += 1
                    used += 1
                    return
                }
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// `set_merge` of another table's entries (`absent[k]` says whether its k-th entry is new
    /// here): a whole copy when this one is empty and the same size, as CPython does. MemoryError
    /// only from the resize made first, before anything changes: that resize leaves room for
    /// every entry, so the adds after it never resize.
    mutating func merge(_ other: SetTable, absent: [Bool]) throws {
        if (fill + other.used) * 5 >= mask * 3 { try resize(minUsed: (used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            self = other
            return
        }
        let empty = fill == 0
        var k = 0
        for case .active(let h, let v) in other.slots {
            if absent[k] { if empty { insertClean(v, hash: h) } else { try add(v, hash: h) } }
            k += 1
        }
    }
}

/// A set's hash table, laid out and probed as CPython's (Objects/setobject.c): slots of (hash,
/// element), linear probing then perturbation, dummies where elements were removed, the same
/// fill/used counts and resizes. A set iterates in slot order, which is what `print({3, 1, 2})`
/// shows.
///
/// Elements compare by identity first, then by Python equality; an `__eq__` that changes the set
/// makes the look-up start over, as in CPython. A class, not a struct: the set's methods run
/// Python code (`__eq__`) in the middle of a probe, and that code may use the set, which a
/// mutating method of a stored struct would hold exclusively.
final class SetTable {
    /// Unused: no element, hash 0. Dummy (an element was removed): no element, hash -1, which no
    /// element's hash is. Active: an element and its hash.
    private struct Slot {
        var hash: Int
        var element: Value?

        static var unused: Slot { Slot(hash: 0, element: nil) }
        static var dummy: Slot { Slot(hash: -1, element: nil) }
    }

    private var slots = [Slot](repeating: .unused, count: 8)
    /// Active and dummy slots.
    private var fill = 0
    /// Active slots.
    private(set) var used = 0
    /// Where `popElement` starts looking (kept across clears and resizes, as CPython keeps it).
    private var finger = 0
    /// Changes whenever `slots` is replaced (a resize, a clear, a copy): a look-up that ran
    /// Python code sees from it that the table it was probing is gone.
    private var generation = 0
    private static let linearProbes = 9, perturbShift = 5

    private var mask: Int { slots.count - 1 }

    /// Elements in slot order.
    var values: [Value] { slots.compactMap(\.element) }

    /// Visits the elements in slot order, without first collecting them into an array (the
    /// cycle collector visits a set at every collection of its generation). `visit` must not
    /// change the set; it walks the slots as they were.
    func forEachValue(_ visit: (Value) -> Void) {
        let current = slots
        for slot in current { if let element = slot.element { visit(element) } }
    }

    /// The hashes of the elements, in slot order.
    var hashes: [Int] { slots.compactMap { $0.element == nil ? nil : $0.hash } }

    /// How many slots an iterator walks.
    var slotCount: Int { slots.count }

    /// The element in slot `slot`; nil for an unused or dummy slot, or past the end.
    func value(atSlot slot: Int) -> Value? {
        slot < slots.count ? slots[slot].element : nil
    }

    /// The next position to probe after a run of linear probes from `position`.
    @inline(__always)
    private static func next(_ position: Int, _ perturb: inout UInt, mask: Int) -> Int {
        perturb >>= UInt(perturbShift)
        return Int((UInt(position) &* 5 &+ 1 &+ perturb) & UInt(mask))
    }

    /// Whether the stored `element`, just compared with Python code running, is still where it
    /// was: if not, the probe starts over.
    private func unchanged(_ generation: Int, _ position: Int, _ element: Value) -> Bool {
        generation == self.generation && slots[position].element.map { KeyEquality.isSame($0, element) } == true
    }

    /// The slot holding an element equal to `element` (of hash `hash`), or nil (set_lookkey).
    func find(_ element: Value, hash: Int) throws -> Int? {
        probing: while true {
            let mask = self.mask
            var position = hash & mask
            var perturb = UInt(bitPattern: hash)
            while true {
                let probes = position + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
                for j in position...(position + probes) {
                    let slot = slots[j]
                    guard let stored = slot.element else {
                        if slot.hash == 0 { return nil }
                        continue
                    }
                    guard slot.hash == hash else { continue }
                    if KeyEquality.isSame(stored, element) { return j }
                    let before = generation
                    let equal = try KeyEquality.equal(stored, element)
                    guard unchanged(before, j, stored) else { continue probing }
                    if equal { return j }
                }
                position = SetTable.next(position, &perturb, mask: mask)
            }
        }
    }

    /// `set_add_entry`: adds `element` unless an equal one is there; false when it was. The slot
    /// it takes is the last dummy on its probe sequence, else the unused slot that ends it.
    /// MemoryError, with the table as it was, when the resize that follows has no room.
    @discardableResult
    func add(_ element: Value, hash: Int) throws -> Bool {
        probing: while true {
            let mask = self.mask
            var position = hash & mask
            var perturb = UInt(bitPattern: hash)
            var freeSlot: Int?
            while true {
                let probes = position + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
                for j in position...(position + probes) {
                    let slot = slots[j]
                    if let stored = slot.element {
                        guard slot.hash == hash else { continue }
                        if KeyEquality.isSame(stored, element) { return false }
                        let before = generation
                        // Unlike `find`, CPython's set_add_entry takes an equal element as found
                        // before it asks whether the table changed.
                        if try KeyEquality.equal(stored, element) { return false }
                        guard unchanged(before, j, stored) else { continue probing }
                    } else if slot.hash == -1 {
                        freeSlot = j
                    } else if let free = freeSlot {
                        changeSlots { $0[free] = Slot(hash: hash, element: element) }
                        used += 1
                        return true
                    } else {
                        try place(element, hash: hash, at: j)
                        return true
                    }
                }
                position = SetTable.next(position, &perturb, mask: mask)
            }
        }
    }

    /// Puts a new element in the unused slot `j`, then resizes if the table is three fifths full.
    private func place(_ element: Value, hash: Int, at j: Int) throws {
        changeSlots { $0[j] = Slot(hash: hash, element: element) }
        fill += 1
        used += 1
        guard fill * 5 >= mask * 3 else { return }
        do {
            try resize(minUsed: used > 50000 ? used * 2 : used * 4)
        } catch {
            changeSlots { $0[j] = .unused }
            fill -= 1
            used -= 1
            throw error
        }
    }

    /// `set_discard_entry`: the slot of the element equal to `element` becomes a dummy; false
    /// when there was none.
    func remove(_ element: Value, hash: Int) throws -> Bool {
        guard let j = try find(element, hash: hash) else { return false }
        changeSlots { $0[j] = .dummy }
        used -= 1
        return true
    }

    /// `set.pop()`: removes the first element from where the last pop stopped (CPython's
    /// search finger), wrapping around; nil when the set is empty.
    func popElement() -> Value? {
        guard used > 0 else { return nil }
        var j = finger & mask
        while slots[j].element == nil { j = (j + 1) & mask }
        let element = slots[j].element
        changeSlots { $0[j] = .dummy }
        used -= 1
        finger = j + 1
        return element
    }

    /// Empties the table, returning its elements in slot order: moved out of the slots, not
    /// copied (a retain of each, and a release of each as the slots go).
    func takeValues() -> [Value] {
        var old = slots
        slots = []
        var taken: [Value] = []
        taken.reserveCapacity(used)
        for j in old.indices { if let element = old[j].element.take() { taken.append(element) } }
        removeAll()
        return taken
    }

    func removeAll() {
        slots = [Slot](repeating: .unused, count: 8)
        fill = 0
        used = 0
        generation &+= 1
    }

    /// Copies the slots if another table shares them (for the cycle collector's count).
    func makeStorageUnique() { changeSlots { $0.makeUnique() } }

    /// Changes the slots as a local array (see changeTakenOut).
    private func changeSlots<Result>(_ change: (inout [Slot]) throws -> Result) rethrows -> Result {
        try changeTakenOut({ slots }, { slots = $0 }, change)
    }

    /// `set_table_resize`: re-inserts the active entries, in slot order, into a fresh table
    /// (MemoryError, with nothing changed, when there is no room for it). A smallest table with
    /// no dummies stays as it is.
    private func resize(minUsed: Int) throws {
        var size = 8
        while size <= minUsed { size <<= 1 }
        if size == 8 && slots.count == 8 && fill == used { return }
        try Allocation.check(count: size, of: Slot.self)
        // Built as a local array and put in place whole: each store into the stored property
        // would be checked for exclusive access at run time. The elements are moved out of the
        // old slots, taken out first, not copied (a retain and a release each).
        var fresh = [Slot](repeating: .unused, count: size)
        var old = slots
        slots = []
        var count = 0
        for j in old.indices {
            guard let element = old[j].element.take() else { continue }
            SetTable.insertClean(element, hash: old[j].hash, into: &fresh)
            count += 1
        }
        slots = fresh
        fill = count
        used = count
        generation &+= 1
    }

    /// `set_insert_clean`: into a table known to have no dummies and no equal element. Inlined
    /// into the resize's loop: a call less per element moved.
    @inline(__always)
    private static func insertClean(_ element: consuming Value, hash: Int, into slots: inout [Slot]) {
        let mask = slots.count - 1
        var position = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = position + linearProbes <= mask ? linearProbes : 0
            for j in position...(position + probes) where slots[j].element == nil {
                slots[j] = Slot(hash: hash, element: element)
                return
            }
            position = next(position, &perturb, mask: mask)
        }
    }

    /// `set_merge`: adds every element of `other`, a whole copy of its slots when this table is
    /// empty and the same size, as CPython does. The resize made first leaves room for every
    /// element, so a MemoryError comes, if at all, before anything changes; an `__eq__` that
    /// raises stops the merge part way, as in CPython.
    func merge(_ other: SetTable) throws {
        if other === self || other.used == 0 { return }
        if (fill + other.used) * 5 >= mask * 3 { try resize(minUsed: (used + other.used) * 2) }
        let incoming = other.slots
        if fill == 0 && mask == other.mask && other.fill == other.used {
            slots = incoming
            fill = other.fill
            used = other.used
            generation &+= 1
            return
        }
        if fill == 0 {
            var filled = slots
            slots = []
            for slot in incoming {
                guard let element = slot.element else { continue }
                SetTable.insertClean(element, hash: slot.hash, into: &filled)
            }
            slots = filled
            fill = other.used
            used = other.used
            return
        }
        for slot in incoming {
            guard let element = slot.element else { continue }
            try add(element, hash: slot.hash)
        }
    }
}

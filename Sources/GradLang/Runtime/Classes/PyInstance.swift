/// An instance of a class made by a `class` statement: its class, and its attributes in the slots
/// the class's layout numbers (nil: not set on this instance).
public class PyInstance: CollectableObject {
    public var cls: PyClass { currentClass }
    /// Changed only by `changeClass` (`obj.__class__ = C`). Internal, read through `cls`: a
    /// public stored `var` would be checked for exclusive access at run time on every use.
    private(set) var currentClass: PyClass
    var slots: [Value?] = []
    /// For a class that extends `list` or `dict`: the list or dict that is this instance's
    /// contents, which the built-in operations and methods work on.
    let native: PyObject?

    init(cls: PyClass) {
        currentClass = cls
        // As many slots as the attributes its class's instances have had so far: an `__init__`
        // setting them does not grow the array one attribute at a time. Appended, not made with
        // `Array(repeating:count:)`, whose out-of-line allocation looks the storage type up at
        // run time (some 300 instructions per instance).
        let count = cls.layoutNames.count
        if count > 0 {
            // (Not for no slots: reserving room for none still makes a new buffer.)
            var empty: [Value?] = []
            empty.reserveCapacity(count)
            for _ in 0..<count { empty.append(nil) }
            slots = empty
        }
        native = cls.nativeBase.flatMap(NativeBases.makeContents)
    }

    /// An instance whose contents are fixed when it is made (a class extending `tuple`).
    init(cls: PyClass, contents: PyObject) {
        currentClass = cls
        native = contents
    }

    /// An instance whose class defines `__del__` is finalized (see InstanceFinalizers).
    deinit {
        if cls.definesDel {
            untrack()
            InstanceFinalizers.instanceFreed(self)
        }
    }

    public override var typeName: String { cls.name }

    /// Its class, its attribute slots, and the list or dict holding its contents if its class
    /// extends one.
    override func forEachReference(_ visit: (Value) -> Void) {
        // The class is lent, not retained (the collector visits every instance, and the pair
        // would be a third of the visit): `visit` changes no object, so this one holds it.
        // Debug builds check that rule held (the class was not replaced, which alone could free
        // it); the collector's tests and the gc_ goldens visit instances there.
        let lent = Unmanaged.passUnretained(currentClass)
        lent._withUnsafeGuaranteedRef { visit(.object($0)) }
        assert(lent.toOpaque() == Unmanaged.passUnretained(currentClass).toOpaque(), "a visitor replaced the class it was lent")
        // (An instance with no attributes skips the retain and release of the empty array.)
        if !slots.isEmpty {
            for case let value? in slots { visit(value) }
        }
        if let native { visit(.object(native)) }
    }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.slots }, { self.slots = $0 })
    }
    override var needsFinalizing: Bool { InstanceFinalizers.needsFinalizing(self) }
    override func giveUpReferences(into released: inout [Value]) {
        for case let value? in slots { released.append(value) }
        slots = []
    }

    /// The instance attribute `name`, if set.
    func attribute(_ name: String) -> Value? {
        guard let i = cls.existingSlot(name), i < slots.count else { return nil }
        return slots[i]
    }

    /// Stores attribute number `i` of the class's layout, taking `value` over. The slots are
    /// changed as a local array, as `changeTakenOut` would, written out so that the value moves in.
    func setSlot(_ i: Int, _ value: consuming Value) {
        if i >= slots.count { growSlots(to: i + 1) }
        var changed = slots
        slots = []
        changed[i] = value
        slots = changed
    }

    /// Changed as a local array (see changeTakenOut).
    private func replaceSlot(_ i: Int, with value: Value?) {
        changeTakenOut({ slots }, { slots = $0 }) { $0[i] = value }
    }

    /// Grows the slots as a local array (see changeTakenOut).
    private func growSlots(to count: Int) {
        changeTakenOut({ slots }, { slots = $0 }) { $0.append(contentsOf: repeatElement(nil, count: count - $0.count)) }
    }

    /// Sets (or, given nil, deletes) an instance attribute; false when deleting one not set.
    @discardableResult
    func setAttribute(_ name: String, _ value: Value?) -> Bool {
        guard let value else {
            guard let i = cls.existingSlot(name), i < slots.count, slots[i] != nil else { return false }
            replaceSlot(i, with: nil)
            return true
        }
        setSlot(cls.slot(for: name), value)
        return true
    }

    /// Makes this an instance of `newClass` (see ClassAssignment, which checks that it may):
    /// its attributes move to the slots the new class's layout gives their names.
    func changeClass(to newClass: PyClass) {
        let kept = attributes
        var moved = [Value?](repeating: nil, count: newClass.layoutNames.count)
        for (name, value) in kept {
            let i = newClass.slot(for: name)
            if i >= moved.count { moved.append(contentsOf: repeatElement(nil, count: i + 1 - moved.count)) }
            moved[i] = value
        }
        currentClass = newClass
        slots = moved
    }

    /// The attributes set on this instance, in the class's slot order (`__dict__`, `vars()`).
    var attributes: [(name: String, value: Value)] {
        slots.enumerated().compactMap { i, v in v.map { (cls.layoutNames[i], $0) } }
    }
}

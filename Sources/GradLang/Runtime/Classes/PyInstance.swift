/// An instance of a class made by a `class` statement: its class, and its attributes in the slots
/// the class's layout numbers (nil: not set on this instance).
public class PyInstance: CollectableObject {
    public let cls: PyClass
    var slots: [Value?] = []
    /// For a class that extends `list` or `dict`: the list or dict that is this instance's
    /// contents, which the built-in operations and methods work on.
    let native: PyObject?

    init(cls: PyClass) {
        self.cls = cls
        native = cls.nativeBase.flatMap(NativeBases.makeContents)
    }

    /// An instance whose contents are fixed when it is made (a class extending `tuple`).
    init(cls: PyClass, contents: PyObject) {
        self.cls = cls
        native = contents
    }

    public override var typeName: String { cls.name }

    /// The instance attribute `name`, if set.
    func attribute(_ name: String) -> Value? {
        guard let i = cls.existingSlot(name), i < slots.count else { return nil }
        return slots[i]
    }

    /// Stores attribute number `i` of the class's layout.
    func setSlot(_ i: Int, _ value: Value) {
        if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i + 1 - slots.count)) }
        slots[i] = value
    }

    /// Sets (or, given nil, deletes) an instance attribute; false when deleting one not set.
    @discardableResult
    func setAttribute(_ name: String, _ value: Value?) -> Bool {
        guard let value else {
            guard let i = cls.existingSlot(name), i < slots.count, slots[i] != nil else { return false }
            slots[i] = nil
            return true
        }
        setSlot(cls.slot(for: name), value)
        return true
    }

    /// The attributes set on this instance, in the class's slot order (`__dict__`, `vars()`).
    var attributes: [(name: String, value: Value)] {
        slots.enumerated().compactMap { i, v in v.map { (cls.layoutNames[i], $0) } }
    }
}

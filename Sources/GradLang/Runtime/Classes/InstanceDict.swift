/// An instance's `__dict__`: grad keeps its attributes in slots (see PyInstance), so the dict is
/// a copy whose changes are written through to them (see PyDict+Owner) and which, each time it
/// is read, first catches up with them.
extension PyInstance {
    /// A new `__dict__` of this instance (nil when its class's `__slots__` leave it none).
    func makeDict() -> PyDict? {
        guard cls.allowedAttributes == nil else { return nil }
        let d = PyDict()
        // Empty until first read, when it catches up.
        d.owner = .instance(self)
        return d
    }

    /// The attributes its `__dict__` shows: those not declared in `__slots__`.
    var dictEntries: [(name: String, value: Value)] {
        let inSlots = Slots.declaredNames(cls)
        return attributes.filter { !inSlots.contains($0.name) }
    }
}

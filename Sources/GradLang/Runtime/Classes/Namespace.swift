/// The attributes of a class, in the order they were first defined (what `__dict__` and `dir()`
/// show): a dictionary for look-ups by name, and the names in order.
struct Namespace {
    private(set) var values: [String: Value] = [:]
    private(set) var names: [String] = []

    subscript(_ name: String) -> Value? {
        get { values[name] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: name) == nil { names.append(name) }
            } else if values.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    /// Copies the dictionary's buffer if another holder shares it (see CycleTraversal).
    mutating func makeUnique() {
        values.makeUnique()
    }

    /// The entries in definition order.
    var entries: [(name: String, value: Value)] { names.compactMap { n in values[n].map { (n, $0) } } }
}
